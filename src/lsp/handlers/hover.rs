//! `textDocument/hover`: an actor's card (with its counts across the
//! workspace) or a quote's speaker, cue and kind; on a `.ann` line, what
//! the annotation says.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::state::is_ann_file;
use super::super::{convert, Server};
use super::{blocking, position_params};
use crate::ide;

pub async fn hover(s: &Server, p: HoverParams) -> Result<Option<Hover>> {
    let (uri, pos) = position_params(&p.text_document_position_params);
    if is_ann_file(uri) {
        return Ok(super::super::annfiles::hover(s, uri, pos));
    }
    let snap = s.snapshot(uri).await?;
    let workspace = s.workspace(Some(uri), false).await;
    let enc = s.encoding();
    blocking("hover", move || {
        let offset = convert::offset(&snap, enc, pos)?;
        let h = ide::hover::hover(&snap, offset, &|key| workspace.counts(key));
        Ok(h.map(|h| convert::hover(&snap, enc, h)))
    })
    .await
}
