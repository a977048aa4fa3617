//! Diagnostics: after each change, wait `delayMs`, give up if a newer
//! version arrived, analyse off the protocol task, publish with the version
//! only if it is still current.

use std::time::Duration;

use tower_lsp_server::ls_types::{Diagnostic, PublishDiagnosticsParams, Uri};

use super::super::Server;
use super::blocking;

impl Server {
    /// Publishes diagnostics for the current version after the debounce
    /// delay, unless a newer version arrives meanwhile.
    pub(in crate::lsp) fn schedule_diagnostics(&self, uri: Uri) {
        let (version, delay, published) = {
            let w = self.world();
            let Some(doc) = w.docs.get(&uri) else { return };
            (doc.version, w.settings().delay_ms, doc.published.clone())
        };
        let server = self.clone();
        tokio::spawn(async move {
            if delay > 0 {
                tokio::time::sleep(Duration::from_millis(delay)).await;
            }
            let current = |s: &Server| {
                s.world()
                    .docs
                    .get(&uri)
                    .is_some_and(|d| d.version == version)
            };
            if !current(&server) {
                return;
            }
            let Ok(snap) = server.snapshot(&uri).await else {
                return;
            };
            if snap.version != version {
                return;
            }
            let enc = server.encoding();
            let uri2 = uri.clone();
            let Ok(body) = blocking("diagnostics", move || {
                let mut published = published
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                Ok(published.notification(&snap, enc, &uri2))
            })
            .await
            else {
                return;
            };
            if current(&server) {
                server.outbox.send(&body);
            }
        });
    }

    /// Publishes the diagnostics of a file that is not an analysed article
    /// (`newsls.toml`, a `.ann`, a closed document's empty list), through
    /// the same queue as the articles' so that they stay in order.
    pub(in crate::lsp) fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>) {
        let message = serde_json::json!({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": PublishDiagnosticsParams::new(uri, diagnostics, None),
        });
        match serde_json::to_vec(&message) {
            Ok(body) => self.outbox.send(&body),
            Err(e) => tracing::error!("diagnostics not published: {e}"),
        }
    }

    pub(super) fn schedule_all(&self) {
        let uris: Vec<Uri> = self.world().docs.keys().cloned().collect();
        for uri in uris {
            self.schedule_diagnostics(uri);
        }
    }
}
