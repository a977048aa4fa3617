//! THE boundary between LSP positions and byte offsets. Nothing else in
//! newsls converts positions.
//!
//! - The encoding is negotiated: UTF-8 when the client offers it, else
//!   UTF-16 (the LSP default).
//! - A column past the end of its line is clamped to the line's end, as the
//!   specification says; a line that does not exist is an error.
//! - Lines end at `\n`, `\r\n` or a lone `\r` (the rope and the line index
//!   agree on this).

use ropey::Rope;
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types as lsp;

use std::collections::HashMap;

use crate::ide::diagnostics::Diagnostic;
use crate::ide::workspace::Place;
use crate::ide::Snapshot;
use crate::input::Severity;
use crate::text::{LineCol, LineIndex, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client lists it, else UTF-16.
    pub fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(list) if list.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> lsp::PositionEncodingKind {
        match self {
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        }
    }
}

/// Byte offset of an LSP position in a snapshot's text.
pub fn offset(snap: &Snapshot, enc: Encoding, pos: lsp::Position) -> Result<usize, Error> {
    let lc = LineCol {
        line: pos.line,
        col: pos.character,
    };
    let text = snap.text();
    let res = match enc {
        Encoding::Utf8 => snap.line_index.offset_utf8(text, lc),
        Encoding::Utf16 => snap.line_index.offset_utf16(text, lc),
    };
    res.ok_or_else(|| {
        Error::invalid_params(format!(
            "line {} does not exist (the document has {} lines)",
            pos.line,
            snap.line_index.line_count()
        ))
    })
}

pub fn text_range(snap: &Snapshot, enc: Encoding, r: lsp::Range) -> Result<TextRange, Error> {
    let start = offset(snap, enc, r.start)?;
    let end = offset(snap, enc, r.end)?;
    Ok(TextRange::new(start.min(end), end.max(start)))
}

pub fn position(snap: &Snapshot, enc: Encoding, offset: usize) -> lsp::Position {
    position_in(snap.text(), &snap.line_index, enc, offset)
}

/// [`position`] for any text with its line index (e.g. `newsls.toml`).
pub fn position_in(
    text: &str,
    index: &crate::text::LineIndex,
    enc: Encoding,
    offset: usize,
) -> lsp::Position {
    let lc = match enc {
        Encoding::Utf8 => index.line_col_utf8(offset),
        Encoding::Utf16 => index.line_col_utf16(text, offset),
    };
    lsp::Position::new(lc.line, lc.col)
}

pub fn range_in(
    text: &str,
    index: &crate::text::LineIndex,
    enc: Encoding,
    r: TextRange,
) -> lsp::Range {
    lsp::Range::new(
        position_in(text, index, enc, r.start()),
        position_in(text, index, enc, r.end()),
    )
}

pub fn range(snap: &Snapshot, enc: Encoding, r: TextRange) -> lsp::Range {
    lsp::Range::new(position(snap, enc, r.start()), position(snap, enc, r.end()))
}

/// Char index in a rope of an LSP position, clamped within its line;
/// `None` for a line past the end.
pub fn rope_char(rope: &Rope, enc: Encoding, pos: lsp::Position) -> Option<usize> {
    let line_idx = pos.line as usize;
    if line_idx >= rope.len_lines() {
        return None;
    }
    let line_start = rope.line_to_char(line_idx);
    let line = rope.line(line_idx);
    // The line's content, without its line ending.
    let mut content = line.len_chars();
    if content > 0 && line.char(content - 1) == '\n' {
        content -= 1;
    }
    if content > 0 && line.char(content - 1) == '\r' {
        content -= 1;
    }
    let mut units = 0usize;
    let col = pos.character as usize;
    for (i, c) in line.chars().take(content).enumerate() {
        let next = units
            + match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        if next > col {
            return Some(line_start + i);
        }
        units = next;
    }
    Some(line_start + content)
}

pub fn severity(s: Severity) -> Option<lsp::DiagnosticSeverity> {
    match s {
        Severity::Error => Some(lsp::DiagnosticSeverity::ERROR),
        Severity::Warning => Some(lsp::DiagnosticSeverity::WARNING),
        Severity::Information => Some(lsp::DiagnosticSeverity::INFORMATION),
        Severity::Hint => Some(lsp::DiagnosticSeverity::HINT),
        Severity::Off => None,
    }
}

pub fn diagnostic(
    snap: &Snapshot,
    enc: Encoding,
    uri: &lsp::Uri,
    d: &Diagnostic,
) -> lsp::Diagnostic {
    diagnostic_in(snap.text(), &snap.line_index, enc, uri, d)
}

/// A diagnostic of any file (an article, `newsls.toml`, a `.ann`), whose
/// text and line index are given; `None` when its severity is off.
pub fn file_diagnostic(
    text: &str,
    enc: Encoding,
    uri: &lsp::Uri,
    d: &Diagnostic,
) -> Option<lsp::Diagnostic> {
    severity(d.severity)?;
    Some(diagnostic_in(text, &LineIndex::new(text), enc, uri, d))
}

fn diagnostic_in(
    text: &str,
    index: &LineIndex,
    enc: Encoding,
    uri: &lsp::Uri,
    d: &Diagnostic,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|(r, message)| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), range_in(text, index, enc, *r)),
            message: message.clone(),
        })
        .collect();
    lsp::Diagnostic {
        range: range_in(text, index, enc, d.range),
        severity: severity(d.severity),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        source: Some("newsls".to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..lsp::Diagnostic::default()
    }
}

pub fn edits(snap: &Snapshot, enc: Encoding, edits: &[(TextRange, String)]) -> Vec<lsp::TextEdit> {
    edits
        .iter()
        .map(|(r, new)| lsp::TextEdit::new(range(snap, enc, *r), new.clone()))
        .collect()
}

pub fn symbol_kind(kind: crate::ide::outline::SymbolKind) -> lsp::SymbolKind {
    use crate::ide::outline::SymbolKind as K;
    use crate::lexicon::ActorKind;
    match kind {
        K::Actor(ActorKind::Person) => lsp::SymbolKind::CLASS,
        K::Actor(ActorKind::Organization) => lsp::SymbolKind::NAMESPACE,
        K::Actor(ActorKind::Country) => lsp::SymbolKind::ENUM,
        K::Actor(ActorKind::Media) => lsp::SymbolKind::INTERFACE,
        K::Actor(ActorKind::Place) => lsp::SymbolKind::STRUCT,
        K::Unattributed => lsp::SymbolKind::NULL,
        K::Quote(_) => lsp::SymbolKind::STRING,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be set.
pub fn document_symbol(
    snap: &Snapshot,
    enc: Encoding,
    s: &crate::ide::outline::Symbol,
) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name: s.name.clone(),
        detail: Some(s.detail.clone()),
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        range: range(snap, enc, s.range),
        selection_range: range(snap, enc, s.selection),
        children: Some(
            s.children
                .iter()
                .map(|c| document_symbol(snap, enc, c))
                .collect(),
        ),
    }
}

/// Semantic tokens, relative-encoded; tokens spanning lines are split.
pub fn semantic_tokens(
    snap: &Snapshot,
    enc: Encoding,
    tokens: &[crate::ide::semantic_tokens::Token],
) -> Vec<lsp::SemanticToken> {
    let mut res = Vec::new();
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    let text = snap.text();
    for t in tokens {
        let mut start = t.range.start();
        while start < t.range.end() {
            let line = snap.line_index.line_of(start);
            let line_end = snap
                .line_index
                .line_content_range(text, line)
                .map_or(t.range.end(), |r| r.end());
            let end = t.range.end().min(line_end);
            if end > start {
                let p = position(snap, enc, start);
                let q = position(snap, enc, end);
                let delta_line = p.line - prev_line;
                let delta_start = if delta_line == 0 {
                    p.character - prev_start
                } else {
                    p.character
                };
                res.push(lsp::SemanticToken {
                    delta_line,
                    delta_start,
                    length: q.character - p.character,
                    token_type: t.kind.index(),
                    token_modifiers_bitset: u32::from(t.anonymous),
                });
                prev_line = p.line;
                prev_start = p.character;
            }
            // Continue at the start of the next line.
            match snap.line_index.line_range(line + 1) {
                Some(next) => start = next.start().max(end),
                None => break,
            }
        }
    }
    res
}

// Results: ide data → LSP types. Handlers build no LSP type themselves.

/// A place of the workspace query as an LSP range.
pub fn place(enc: Encoding, p: Place) -> lsp::Range {
    match p {
        Place::Open(snap, r) => range(snap, enc, r),
        Place::Closed(span) => lsp::Range::new(
            lsp::Position::new(span.start.line, span.start.col),
            lsp::Position::new(span.end.line, span.end.col),
        ),
    }
}

pub fn location(uri: &lsp::Uri, enc: Encoding, p: Place) -> lsp::Location {
    lsp::Location::new(uri.clone(), place(enc, p))
}

pub fn hover(snap: &Snapshot, enc: Encoding, h: crate::ide::hover::HoverInfo) -> lsp::Hover {
    lsp::Hover {
        range: Some(range(snap, enc, h.range)),
        ..markdown_hover(h.markdown)
    }
}

/// A Markdown hover without a range (a `.ann` line's).
pub fn markdown_hover(value: String) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value,
        }),
        range: None,
    }
}

pub fn highlight(snap: &Snapshot, enc: Encoding, r: TextRange) -> lsp::DocumentHighlight {
    lsp::DocumentHighlight {
        range: range(snap, enc, r),
        kind: Some(lsp::DocumentHighlightKind::TEXT),
    }
}

pub fn prepare_rename(
    snap: &Snapshot,
    enc: Encoding,
    r: TextRange,
    placeholder: String,
) -> lsp::PrepareRenameResponse {
    lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: range(snap, enc, r),
        placeholder,
    }
}

/// Edits per file of the workspace, and one more edit of another file
/// (`newsls.toml`), as one workspace edit.
pub fn workspace_edit(
    enc: Encoding,
    files: Vec<(&lsp::Uri, Vec<(Place, String)>)>,
    extra: Option<(lsp::Uri, lsp::TextEdit)>,
) -> lsp::WorkspaceEdit {
    let mut changes: HashMap<lsp::Uri, Vec<lsp::TextEdit>> = files
        .into_iter()
        .map(|(uri, edits)| {
            let edits = edits
                .into_iter()
                .map(|(p, new)| lsp::TextEdit::new(place(enc, p), new))
                .collect();
            (uri.clone(), edits)
        })
        .collect();
    if let Some((uri, edit)) = extra {
        changes.entry(uri).or_default().push(edit);
    }
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..lsp::WorkspaceEdit::default()
    }
}

/// An edit of a file that is not an analysed document (`newsls.toml`).
pub fn text_edit_in(text: &str, enc: Encoding, r: TextRange, new: String) -> lsp::TextEdit {
    let index = LineIndex::new(text);
    lsp::TextEdit::new(range_in(text, &index, enc, r), new)
}

pub fn location_in(uri: lsp::Uri, text: &str, enc: Encoding, r: TextRange) -> lsp::Location {
    let index = LineIndex::new(text);
    lsp::Location::new(uri, range_in(text, &index, enc, r))
}

#[allow(deprecated)] // `SymbolInformation::deprecated` must be set.
pub fn symbol_information(
    enc: Encoding,
    s: crate::ide::workspace::Symbol<'_, lsp::Uri>,
) -> lsp::SymbolInformation {
    lsp::SymbolInformation {
        name: s.name,
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        location: location(s.file, enc, s.place),
        container_name: Some(s.container),
    }
}

pub fn completion_item(
    snap: &Snapshot,
    enc: Encoding,
    i: crate::ide::completion::Item,
) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: i.label.clone(),
        kind: Some(lsp::CompletionItemKind::REFERENCE),
        detail: Some(i.detail),
        text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
            range(snap, enc, i.replace),
            i.label,
        ))),
        ..lsp::CompletionItem::default()
    }
}

pub fn inlay_hint(
    snap: &Snapshot,
    enc: Encoding,
    h: crate::ide::inlay_hints::Hint,
) -> lsp::InlayHint {
    lsp::InlayHint {
        position: position(snap, enc, h.offset),
        label: lsp::InlayHintLabel::String(h.label),
        kind: None,
        text_edits: None,
        tooltip: Some(lsp::InlayHintTooltip::String(h.tooltip)),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

pub fn semantic_tokens_of(
    snap: &Snapshot,
    enc: Encoding,
    tokens: &[crate::ide::semantic_tokens::Token],
) -> lsp::SemanticTokens {
    lsp::SemanticTokens {
        result_id: None,
        data: semantic_tokens(snap, enc, tokens),
    }
}

/// A code action of this document; `settings_edit` is the edit of
/// `newsls.toml` an "add to the registry" action makes instead.
pub fn code_action(
    snap: &Snapshot,
    enc: Encoding,
    uri: &lsp::Uri,
    a: crate::ide::code_actions::Action,
    settings_edit: Option<lsp::WorkspaceEdit>,
) -> lsp::CodeActionOrCommand {
    let edit = settings_edit.unwrap_or_else(|| lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits(snap, enc, &a.edits))])),
        ..lsp::WorkspaceEdit::default()
    });
    let diagnostics = a.fixes.map(|d| vec![diagnostic(snap, enc, uri, &d)]);
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: a.title,
        kind: Some(match a.kind {
            crate::ide::code_actions::ActionKind::QuickFix => lsp::CodeActionKind::QUICKFIX,
            crate::ide::code_actions::ActionKind::Refactor => lsp::CodeActionKind::REFACTOR,
        }),
        diagnostics,
        edit: Some(edit),
        ..lsp::CodeAction::default()
    })
}

/// Appends an `[[actor]]` entry to `newsls.toml` (its current text, or
/// `None` to create the file).
pub fn settings_entry_edit(
    uri: lsp::Uri,
    text: Option<&str>,
    entry: &str,
    enc: Encoding,
) -> lsp::WorkspaceEdit {
    match text {
        Some(text) => {
            let index = LineIndex::new(text);
            let end = position_in(text, &index, enc, text.len());
            let prefix = if text.ends_with('\n') || text.is_empty() {
                ""
            } else {
                "\n"
            };
            lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri,
                    vec![lsp::TextEdit::new(
                        lsp::Range::new(end, end),
                        format!("{prefix}{entry}"),
                    )],
                )])),
                ..lsp::WorkspaceEdit::default()
            }
        }
        None => lsp::WorkspaceEdit {
            document_changes: Some(lsp::DocumentChanges::Operations(vec![
                lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(lsp::CreateFile {
                    uri: uri.clone(),
                    options: Some(lsp::CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                })),
                lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
                    text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                        uri,
                        version: None,
                    },
                    edits: vec![lsp::OneOf::Left(lsp::TextEdit::new(
                        lsp::Range::default(),
                        format!("# newsls settings\n{entry}"),
                    ))],
                }),
            ])),
            ..lsp::WorkspaceEdit::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Format, Settings};

    fn snap(text: &str) -> Snapshot {
        Snapshot::new(0, text, Format::Plain, Settings::default())
    }

    #[test]
    fn positions_round_trip_in_both_encodings_with_accents_emoji_and_crlf() {
        let s = snap("Élysée 😀 «\u{a0}oui\u{a0}»\r\nÇa\u{202f}va\rfin");
        let text = s.text().to_string();
        // Every offset but the middle of a "\r\n", which no position names.
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| !text[..i].ends_with('\r') || !text[i..].starts_with('\n'))
            .collect();
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for &i in &offsets {
                let p = position(&s, enc, i);
                assert_eq!(offset(&s, enc, p).unwrap(), i, "{enc:?} {i} {p:?}");
            }
        }
        let oui = text.find("oui").unwrap();
        assert_eq!(
            position(&s, Encoding::Utf16, oui),
            lsp::Position::new(0, 12)
        );
        assert_eq!(
            position(&s, Encoding::Utf8, oui),
            lsp::Position::new(0, oui as u32)
        );
        assert_eq!(
            position(&s, Encoding::Utf16, text.find("fin").unwrap()),
            lsp::Position::new(2, 0)
        );
    }

    #[test]
    fn columns_clamp_and_missing_lines_are_errors() {
        let s = snap("été\r\nhiver");
        assert_eq!(
            offset(&s, Encoding::Utf16, lsp::Position::new(0, 99)).unwrap(),
            "été".len()
        );
        assert!(offset(&s, Encoding::Utf16, lsp::Position::new(7, 0)).is_err());
    }

    #[test]
    fn rope_positions_match_the_line_index() {
        let text = "a😀b\r\nçc\rd\n";
        let rope = Rope::from_str(text);
        let s = snap(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (i, _) in text
                .char_indices()
                .filter(|&(i, _)| !text[..i].ends_with('\r') || !text[i..].starts_with('\n'))
            {
                let p = position(&s, enc, i);
                let c = rope_char(&rope, enc, p).unwrap();
                assert_eq!(rope.char_to_byte(c), i, "{enc:?} {p:?}");
            }
        }
        assert_eq!(
            rope_char(&rope, Encoding::Utf16, lsp::Position::new(0, 2)),
            Some(1),
            "inside a surrogate pair"
        );
        assert_eq!(
            rope_char(&rope, Encoding::Utf16, lsp::Position::new(9, 0)),
            None
        );
    }

    #[test]
    fn encoding_negotiation_prefers_utf8() {
        assert_eq!(
            Encoding::negotiate(Some(&[
                lsp::PositionEncodingKind::UTF16,
                lsp::PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
        assert_eq!(
            Encoding::negotiate(Some(&[lsp::PositionEncodingKind::UTF16])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
