//! `textDocument/semanticTokens/full` and `/range`: actors by kind, quotes,
//! attribution cues.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::semantic::Tokens;
use super::super::{convert, Server};
use super::{answer_detoured, blocking, Detoured};
use crate::ide;
use crate::text::TextRange;

pub async fn semantic_tokens_full(
    s: &Server,
    p: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    blocking("semanticTokens", move || {
        let tokens = ide::semantic_tokens::tokens(&snap, TextRange::new(0, snap.text().len()));
        Ok(Some(SemanticTokensResult::Tokens(
            convert::semantic_tokens_of(&snap, enc, &tokens),
        )))
    })
    .await
}

/// `textDocument/semanticTokens/full` as the input guard detours it
/// (`frames::DETOURED`): the same answer, written as JSON bytes
/// (`lsp/semantic.rs`, which reuses the tokens of unchanged sections).
pub async fn semantic_tokens_full_detoured(s: &Server, detoured: Detoured) {
    answer_detoured(
        s,
        detoured,
        "semanticTokens",
        |p: SemanticTokensParams| p.text_document.uri,
        |doc| doc.tokens.clone(),
        Tokens::answer,
    )
    .await;
}

pub async fn semantic_tokens_range(
    s: &Server,
    p: SemanticTokensRangeParams,
) -> Result<Option<SemanticTokensRangeResult>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    blocking("semanticTokens", move || {
        let range = convert::text_range(&snap, enc, p.range)?;
        let tokens = ide::semantic_tokens::tokens(&snap, range);
        Ok(Some(SemanticTokensRangeResult::Tokens(
            convert::semantic_tokens_of(&snap, enc, &tokens),
        )))
    })
    .await
}
