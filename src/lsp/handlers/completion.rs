//! `textDocument/completion`: actor names and aliases from this document,
//! the other open ones and the registry.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::{convert, Server};
use super::{blocking, position_params};
use crate::ide::{self, Snapshot};

pub async fn completion(s: &Server, p: CompletionParams) -> Result<Option<CompletionResponse>> {
    let (uri, pos) = position_params(&p.text_document_position);
    let snap = s.snapshot(uri).await?;
    let workspace = s.workspace(Some(uri), false).await;
    let enc = s.encoding();
    blocking("completion", move || {
        let offset = convert::offset(&snap, enc, pos)?;
        let others: Vec<&Snapshot> = workspace.open.iter().map(|(_, o)| o.as_ref()).collect();
        let items = ide::completion::complete(&snap, offset, &others)
            .into_iter()
            .map(|i| convert::completion_item(&snap, enc, i))
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    })
    .await
}
