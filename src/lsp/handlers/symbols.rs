//! `textDocument/documentSymbol` (the outline of one document) and
//! `workspace/symbol` (actors and quotes across the workspace).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::{convert, Server};
use super::blocking;
use crate::ide::{self, outline::GroupBy};

pub async fn document_symbol(
    s: &Server,
    p: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    blocking("documentSymbol", move || {
        let group = GroupBy::parse(&snap.settings.outline_group_by).unwrap_or_default();
        let symbols = ide::outline::outline(&snap, group);
        Ok(Some(DocumentSymbolResponse::Nested(
            symbols
                .iter()
                .map(|sym| convert::document_symbol(&snap, enc, sym))
                .collect(),
        )))
    })
    .await
}

pub async fn workspace_symbol(
    s: &Server,
    p: WorkspaceSymbolParams,
) -> Result<Option<WorkspaceSymbolResponse>> {
    let workspace = s.workspace(None, true).await;
    let enc = s.encoding();
    blocking("workspace/symbol", move || {
        let symbols = workspace
            .symbols(&p.query)
            .into_iter()
            .map(|sym| convert::symbol_information(enc, sym))
            .collect();
        Ok(Some(WorkspaceSymbolResponse::Flat(symbols)))
    })
    .await
}
