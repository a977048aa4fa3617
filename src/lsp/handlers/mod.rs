//! What each LSP method does, one file per family of requests.
//!
//! Handlers that change state (`documents`, `configuration`) do it in a
//! short synchronous section before their first `.await`. Requests share
//! one shape: take the snapshots they read (the document's, or the
//! workspace's through [`Server::workspace`]), then in [`blocking`] convert
//! the positions in, ask the `ide` query, and convert the answer out
//! (`convert` builds every LSP type). A panic in there becomes an
//! `InternalError` reply and a log line instead of a dead server.

mod code_action;
mod completion;
mod configuration;
mod diagnostics;
mod documents;
mod hover;
mod inlay_hints;
mod lifecycle;
mod navigation;
mod rename;
mod semantic_tokens;
mod symbols;

pub use code_action::code_action;
pub use completion::completion;
pub use configuration::{did_change_configuration, did_change_watched_files};
pub use documents::{did_change, did_close, did_open, did_save};
pub use hover::hover;
pub use inlay_hints::inlay_hint;
pub use lifecycle::{initialize, initialized};
pub use navigation::{definition, document_highlight, references};
pub use rename::{prepare_rename, rename};
pub use semantic_tokens::{
    semantic_tokens_full, semantic_tokens_full_detoured, semantic_tokens_range,
};
pub use symbols::{document_symbol, document_symbol_detoured, workspace_symbol};

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{Position, TextDocumentPositionParams, Uri};

use super::convert::Encoding;
use super::Server;
use crate::corpus::files::panic_message;
use crate::ide::workspace::Workspace;
use crate::ide::Snapshot;

/// A request the input guard detoured (`frames::DETOURED`): its id and
/// its parameters, as the client sent them.
#[derive(serde::Deserialize)]
pub struct Detoured {
    id: serde_json::Value,
    params: serde_json::Value,
}

impl Server {
    /// Sends the answer to a detoured request: `result` is the JSON of
    /// its result.
    fn answer(&self, id: &serde_json::Value, result: Result<Vec<u8>>) {
        let body = match result {
            Ok(result) => {
                let mut body = br#"{"jsonrpc":"2.0","id":"#.to_vec();
                let _ = serde_json::to_writer(&mut body, id);
                body.extend_from_slice(br#","result":"#);
                body.extend_from_slice(&result);
                body.push(b'}');
                body
            }
            Err(error) => {
                let message = serde_json::json!({"jsonrpc": "2.0", "id": id, "error": error});
                serde_json::to_vec(&message).unwrap_or_default()
            }
        };
        self.outbox.send(&body);
    }
}

/// Answers a request the input guard detoured: reads its parameters as
/// `P`, takes the snapshot of the document `uri` names and the cache
/// `kept` picks from it, and has `write` write the result's JSON on the
/// blocking pool. Every failure is answered under the request's id.
async fn answer_detoured<P, C>(
    s: &Server,
    detoured: Detoured,
    what: &'static str,
    uri: fn(P) -> Uri,
    kept: fn(&super::documents::Document) -> Arc<std::sync::Mutex<C>>,
    write: fn(&mut C, &Snapshot, Encoding) -> Vec<u8>,
) where
    P: serde::de::DeserializeOwned,
    C: Default + Send + 'static,
{
    let answer = match serde_json::from_value::<P>(detoured.params) {
        Ok(p) => {
            guard(what, async {
                let uri = uri(p);
                let snap = s.snapshot(&uri).await?;
                let enc = s.encoding();
                let kept = s.world().docs.get(&uri).map(kept);
                blocking(what, move || {
                    let kept = kept.unwrap_or_default();
                    let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
                    Ok(write(&mut kept, &snap, enc))
                })
                .await
            })
            .await
        }
        Err(e) => Err(Error::invalid_params(e.to_string())),
    };
    s.answer(&detoured.id, answer);
}

/// Runs `f` on the blocking pool; a panic is logged and answered with an
/// internal error.
async fn blocking<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match tokio::task::spawn_blocking(move || std::panic::catch_unwind(AssertUnwindSafe(f))).await {
        Ok(Ok(v)) => v,
        Ok(Err(panic)) => {
            tracing::error!("{what} panicked: {}", panic_message(panic.as_ref()));
            Err(Error::internal_error())
        }
        Err(e) => {
            tracing::error!("{what} failed: {e}");
            Err(Error::internal_error())
        }
    }
}

/// Runs a request handler; a panic is logged and answered with an internal
/// error instead of ending the server.
pub async fn guard<T>(
    what: &'static str,
    fut: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    use futures::FutureExt;
    match AssertUnwindSafe(fut).catch_unwind().await {
        Ok(res) => res,
        Err(panic) => {
            tracing::error!("{what} panicked: {}", panic_message(panic.as_ref()));
            Err(Error::internal_error())
        }
    }
}

/// Runs a notification handler; a panic is logged.
pub async fn guard_notification(what: &'static str, fut: impl std::future::Future<Output = ()>) {
    use futures::FutureExt;
    if let Err(panic) = AssertUnwindSafe(fut).catch_unwind().await {
        tracing::error!("{what} panicked: {}", panic_message(panic.as_ref()));
    }
}

fn position_params(p: &TextDocumentPositionParams) -> (&Uri, Position) {
    (&p.text_document.uri, p.position)
}

impl Server {
    /// The analysis of the current version of a document, computed if
    /// missing. Requests always go through here, whatever
    /// `diagnostics.run` says: with `onSave` a change analyses nothing by
    /// itself, and the first request after it (hover, outline, semantic
    /// tokens…) analyses the current text once, so an answer never points
    /// into text that has changed since.
    async fn snapshot(&self, uri: &Uri) -> Result<Arc<Snapshot>> {
        let (text, version, format, settings, annotations, memo) = {
            let w = self.world();
            let doc = w.docs.get(uri).ok_or_else(|| {
                Error::invalid_params(format!("document {} is not open", uri.as_str()))
            })?;
            if let Some(s) = doc.snapshot.as_ref().filter(|s| s.version == doc.version) {
                return Ok(s.clone());
            }
            (
                doc.text(),
                doc.version,
                doc.format,
                w.settings(),
                doc.annotations.clone(),
                doc.memo.clone(),
            )
        };
        let snap = Arc::new(
            blocking("analysis", move || {
                // Two analyses of one document at once: the second goes
                // without the memo rather than wait (same result either way).
                let mut memo = memo.try_lock().ok();
                Ok(Snapshot::with_annotations(
                    version,
                    text,
                    format,
                    settings,
                    annotations,
                    memo.as_deref_mut(),
                ))
            })
            .await?,
        );
        let old = {
            let mut w = self.world();
            w.docs
                .get_mut(uri)
                .filter(|d| d.version == version)
                .and_then(|doc| doc.snapshot.replace(snap.clone()))
        };
        // Freeing the previous version (a long document's analysis holds
        // tens of thousands of allocations) is left off the way to the
        // answer.
        if let Some(old) = old {
            tokio::task::spawn_blocking(move || drop(old));
        }
        Ok(snap)
    }

    /// The workspace for a corpus-wide query: the snapshots of the open
    /// documents (`current` first, or left out when `with_current` is
    /// false) and the index summaries of the closed articles.
    async fn workspace(&self, current: Option<&Uri>, with_current: bool) -> Workspace<Uri> {
        let (mut uris, closed) = {
            let w = self.world();
            let others: Vec<Uri> = w
                .docs
                .keys()
                .filter(|u| Some(*u) != current)
                .cloned()
                .collect();
            let closed = w
                .closed_summaries()
                .map(|(u, s)| (u.clone(), s.clone()))
                .collect();
            (others, closed)
        };
        if let Some(c) = current.filter(|_| with_current) {
            uris.insert(0, c.clone());
        }
        let mut open = Vec::new();
        for u in uris {
            if let Ok(s) = self.snapshot(&u).await {
                open.push((u, s));
            }
        }
        Workspace { open, closed }
    }

    pub(super) fn encoding(&self) -> Encoding {
        self.world().encoding
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn panics_become_error_replies_and_logs() {
        let r: Result<u32> = guard("test", async { panic!("boom") }).await;
        assert_eq!(
            r.unwrap_err().code,
            tower_lsp_server::jsonrpc::ErrorCode::InternalError
        );
        guard_notification("test", async { panic!("boom") }).await;
        let r: Result<u32> = blocking("test", || panic!("boom")).await;
        assert!(r.is_err());
        assert_eq!(guard("test", async { Ok(7) }).await.unwrap(), 7);
    }
}
