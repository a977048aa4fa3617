//! The language server: the only module that speaks LSP.
//!
//! - `convert`: every position conversion (the protocol boundary);
//! - `documents`: rope-backed open documents, edits in order;
//! - `state`: the single-writer `World`;
//! - `server`: the router, one line per method; `handlers/`: what each
//!   does, one file per family of requests, each request shaped as
//!   snapshot(s) → convert in → `ide` query → convert out;
//! - `capabilities`: the `initialize` reply and the file watchers.
//! - `logging`: log lines to the editor as `window/logMessage`.

mod annfiles;
pub mod capabilities;
pub mod convert;
pub mod documents;
pub mod frames;
mod handlers;
mod index;
pub mod logging;
mod outbox;
mod outline;
mod published;
mod semantic;
mod server;
mod shifted;
pub mod state;

use std::sync::{Arc, Mutex, MutexGuard};

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{Client, LspService};

use outbox::Outbox;
use state::World;

/// The language server behind the `LanguageServer` implementation.
#[derive(Clone)]
pub struct Server {
    client: Client,
    /// Diagnostics go out here, as bytes, not through `client`.
    outbox: Outbox,
    world: Arc<Mutex<World>>,
}

impl Server {
    fn new(client: Client, outbox: Outbox) -> Server {
        Server {
            client,
            outbox,
            world: Arc::new(Mutex::new(World::default())),
        }
    }

    /// The world, for a short synchronous section. A handler that panicked
    /// while holding it leaves consistent data (every mutation is a single
    /// step), so a poisoned lock is recovered, not propagated.
    fn world(&self) -> MutexGuard<'_, World> {
        self.world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// `newsls/documentText`: the server's copy of an open document, to
    /// check it against the editor's (tests, bug reports).
    async fn document_text(
        &self,
        params: tower_lsp_server::ls_types::TextDocumentIdentifier,
    ) -> tower_lsp_server::jsonrpc::Result<Option<String>> {
        Ok(self.world().docs.get(&params.uri).map(|d| d.text()))
    }
}

impl Server {
    /// `newsls/documentSymbol`: a detoured `textDocument/documentSymbol`
    /// (`frames::DETOURED`).
    async fn document_symbol_detoured(&self, detoured: handlers::Detoured) {
        handlers::document_symbol_detoured(self, detoured).await;
    }

    /// `newsls/semanticTokensFull`: a detoured
    /// `textDocument/semanticTokens/full`.
    async fn semantic_tokens_full_detoured(&self, detoured: handlers::Detoured) {
        handlers::semantic_tokens_full_detoured(self, detoured).await;
    }
}

/// Serves LSP on an input and output stream until the client exits.
pub async fn serve<I, O>(input: I, output: O)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite,
{
    // Malformed frames are dropped before the framework sees them.
    let (clean_write, clean_read) = tokio::io::duplex(1 << 20);
    tokio::spawn(frames::sanitize(input, clean_write));
    let input = clean_read;
    let (outbox, writer, frames) = outbox::channel();
    let (service, socket) = LspService::build(|client| {
        logging::forward_to(client.clone());
        Server::new(client, outbox.clone())
    })
    .custom_method("newsls/documentText", Server::document_text)
    .custom_method("newsls/documentSymbol", Server::document_symbol_detoured)
    .custom_method(
        "newsls/semanticTokensFull",
        Server::semantic_tokens_full_detoured,
    )
    .finish();
    let serving = async {
        tower_lsp_server::Server::new(input, writer, socket)
            .serve(service)
            .await;
        outbox.close();
    };
    tokio::join!(serving, outbox::pump(frames, output));
}

/// Serves on stdin/stdout: what editors start.
pub async fn serve_stdio() {
    serve(tokio::io::stdin(), tokio::io::stdout()).await;
}

/// What bare `newsls` (or `newsls lsp`) says on stderr when a person, not
/// an editor, started it: stdin is a terminal, so nobody will speak LSP to
/// it unless told.
pub fn terminal_notice(stdin_is_terminal: bool) -> Option<&'static str> {
    stdin_is_terminal.then_some(
        "newsls: serving the language server (LSP) on stdin/stdout for an editor; for the command line, see `newsls --help` (Ctrl-C or Ctrl-D quits)",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_terminal_gets_the_notice() {
        assert!(super::terminal_notice(false).is_none());
        assert!(super::terminal_notice(true).is_some_and(|n| n.contains("newsls --help")));
    }
}
