//! `textDocument/documentSymbol` (the outline of one document) and
//! `workspace/symbol` (actors and quotes across the workspace).

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::super::convert::{self, Encoding};
use super::super::Server;
use super::{blocking, guard, Detoured};
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
/// (`lsp/outline.rs`, which reuses the quote nodes of unchanged sections)
/// and sent through the outbox, without the framework's `Value` tree (a
/// megabyte of JSON for a long document's outline).
pub async fn document_symbol_detoured(s: &Server, detoured: Detoured) {
    let answer = match serde_json::from_value::<DocumentSymbolParams>(detoured.params) {
        Ok(p) => {
            guard("documentSymbol", async {
                let uri = p.text_document.uri;
                let snap = s.snapshot(&uri).await?;
                let enc = s.encoding();
                let kept = s.world().docs.get(&uri).map(|d| d.outline.clone());
                blocking("documentSymbol", move || {
                    let kept = kept.unwrap_or_default();
                    let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
                    Ok(kept.answer(&snap, enc))
                })
                .await
            })
            .await
        }
        Err(e) => Err(Error::invalid_params(e.to_string())),
    };
    s.answer(&detoured.id, answer);
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
