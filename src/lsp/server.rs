//! The router: one line per LSP method, each delegating to `handlers`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::LanguageServer;

use super::handlers as h;
use super::Server;

impl LanguageServer for Server {
    async fn initialize(&self, p: InitializeParams) -> Result<InitializeResult> {
        h::initialize(self, p)
    }
    async fn initialized(&self, _: InitializedParams) {
        h::initialized(self).await
    }
    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }
    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        h::did_open(self, p).await
    }
    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        h::did_change(self, p).await
    }
    async fn did_save(&self, p: DidSaveTextDocumentParams) {
        h::did_save(self, p).await
    }
    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        h::did_close(self, p).await
    }
    async fn did_change_configuration(&self, p: DidChangeConfigurationParams) {
        h::did_change_configuration(self, p).await
    }
    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) {
        h::did_change_watched_files(self, p).await
    }
    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        h::hover(self, p).await
    }
    async fn document_symbol(
        &self,
        p: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        h::document_symbol(self, p).await
    }
    async fn goto_definition(
        &self,
        p: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        h::definition(self, p).await
    }
    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        h::references(self, p).await
    }
    async fn document_highlight(
        &self,
        p: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        h::document_highlight(self, p).await
    }
    async fn prepare_rename(
        &self,
        p: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        h::prepare_rename(self, p).await
    }
    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        h::rename(self, p).await
    }
    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        h::code_action(self, p).await
    }
    async fn inlay_hint(&self, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        h::inlay_hint(self, p).await
    }
    async fn semantic_tokens_full(
        &self,
        p: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        h::semantic_tokens_full(self, p).await
    }
    async fn semantic_tokens_range(
        &self,
        p: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        h::semantic_tokens_range(self, p).await
    }
    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        h::completion(self, p).await
    }
    async fn symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        h::workspace_symbol(self, p).await
    }
}
