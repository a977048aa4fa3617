//! `textDocument/documentSymbol` (the outline of one document) and
//! `workspace/symbol` (actors and quotes across the workspace).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::convert::{self, Encoding};
use super::super::outline::OutlineJson;
use super::super::Server;
use super::{answer_detoured, blocking, Detoured};
use crate::ide::{self, outline::GroupBy, Snapshot};

pub async fn document_symbol(
    s: &Server,
    p: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    blocking("documentSymbol", move || Ok(Some(outline(&snap, enc)))).await
}

/// `textDocument/documentSymbol` as the input guard detours it
/// (`frames::DETOURED`): the same answer, written as JSON bytes
/// (`lsp/outline.rs`, which reuses the quote nodes of unchanged sections).
pub async fn document_symbol_detoured(s: &Server, detoured: Detoured) {
    answer_detoured(
        s,
        detoured,
        "documentSymbol",
        |p: DocumentSymbolParams| p.text_document.uri,
        |doc| doc.outline.clone(),
        OutlineJson::answer,
    )
    .await;
}

fn outline(snap: &Snapshot, enc: Encoding) -> DocumentSymbolResponse {
    let group = GroupBy::parse(&snap.settings.outline_group_by).unwrap_or_default();
    let symbols = ide::outline::outline(snap, group);
    DocumentSymbolResponse::Nested(
        symbols
            .iter()
            .map(|sym| convert::document_symbol(snap, enc, sym))
            .collect(),
    )
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
