//! Diagnostics: after each change, wait `delayMs`, give up if a newer
//! version arrived, analyse off the protocol task, publish with the version
//! only if it is still current.

use std::time::Duration;

use tower_lsp_server::ls_types::Uri;

use super::super::{convert, Server};
use super::blocking;
use crate::ide;

impl Server {
    /// Publishes diagnostics for the current version after the debounce
    /// delay, unless a newer version arrives meanwhile.
    pub(in crate::lsp) fn schedule_diagnostics(&self, uri: Uri) {
        let (version, delay) = {
            let w = self.world();
            let Some(doc) = w.docs.get(&uri) else { return };
            (doc.version, w.settings().delay_ms)
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
            let Ok(diags) = blocking("diagnostics", move || {
                Ok(ide::diagnostics::diagnostics(&snap)
                    .iter()
                    .map(|d| convert::diagnostic(&snap, enc, &uri2, d))
                    .collect::<Vec<_>>())
            })
            .await
            else {
                return;
            };
            if current(&server) {
                server
                    .client
                    .publish_diagnostics(uri, diags, Some(version))
                    .await;
            }
        });
    }

    pub(super) fn schedule_all(&self) {
        let uris: Vec<Uri> = self.world().docs.keys().cloned().collect();
        for uri in uris {
            self.schedule_diagnostics(uri);
        }
    }
}
