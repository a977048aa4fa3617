//! The router: one line per LSP method, each delegating to `handlers`
//! through `guard`, which turns a panic into an error reply (requests) or a
//! log line (notifications) so one bad request never takes the server down.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::LanguageServer;

use super::handlers::{self as h, guard, guard_notification as notify};
use super::Server;

#[rustfmt::skip]
impl LanguageServer for Server {
    async fn initialize(&self, p: InitializeParams) -> Result<InitializeResult> { guard("initialize", async { h::initialize(self, p) }).await }
    async fn initialized(&self, _: InitializedParams) { notify("initialized", h::initialized(self)).await }
    async fn shutdown(&self) -> Result<()> { Ok(()) }
    async fn did_open(&self, p: DidOpenTextDocumentParams) { notify("didOpen", h::did_open(self, p)).await }
    async fn did_change(&self, p: DidChangeTextDocumentParams) { notify("didChange", h::did_change(self, p)).await }
    async fn did_save(&self, p: DidSaveTextDocumentParams) { notify("didSave", h::did_save(self, p)).await }
    async fn did_close(&self, p: DidCloseTextDocumentParams) { notify("didClose", h::did_close(self, p)).await }
    async fn did_change_configuration(&self, p: DidChangeConfigurationParams) { notify("didChangeConfiguration", h::did_change_configuration(self, p)).await }
    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) { notify("didChangeWatchedFiles", h::did_change_watched_files(self, p)).await }
    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> { guard("hover", h::hover(self, p)).await }
    async fn document_symbol(&self, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> { guard("documentSymbol", h::document_symbol(self, p)).await }
    async fn goto_definition(&self, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> { guard("definition", h::definition(self, p)).await }
    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> { guard("references", h::references(self, p)).await }
    async fn document_highlight(&self, p: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> { guard("documentHighlight", h::document_highlight(self, p)).await }
    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> { guard("prepareRename", h::prepare_rename(self, p)).await }
    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> { guard("rename", h::rename(self, p)).await }
    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> { guard("codeAction", h::code_action(self, p)).await }
    async fn inlay_hint(&self, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> { guard("inlayHint", h::inlay_hint(self, p)).await }
    async fn semantic_tokens_full(&self, p: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> { guard("semanticTokens/full", h::semantic_tokens_full(self, p)).await }
    async fn semantic_tokens_range(&self, p: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> { guard("semanticTokens/range", h::semantic_tokens_range(self, p)).await }
    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> { guard("completion", h::completion(self, p)).await }
    async fn symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> { guard("workspace/symbol", h::workspace_symbol(self, p)).await }
}
