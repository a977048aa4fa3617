//! `textDocument/inlayHint`: the resolved speaker after each quote.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::{convert, Server};
use super::blocking;
use crate::ide;
use crate::text::TextRange;

pub async fn inlay_hint(s: &Server, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    blocking("inlayHint", move || {
        let range = convert::text_range(&snap, enc, p.range)
            .unwrap_or(TextRange::new(0, snap.text().len()));
        Ok(Some(
            ide::inlay_hints::hints(&snap, range)
                .into_iter()
                .map(|h| convert::inlay_hint(&snap, enc, h))
                .collect(),
        ))
    })
    .await
}
