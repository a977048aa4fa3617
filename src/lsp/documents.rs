//! Open documents: a rope that breaks lines as LSP does (ropey with
//! `cr_lines`, without `unicode_lines`), its version, and the latest
//! analysis snapshot. Edits are applied in the order received.

use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types as lsp;

use super::convert::{self, Encoding};
use crate::ide::Snapshot;
use crate::input::Format;

pub struct Document {
    pub version: i32,
    pub rope: Rope,
    pub format: Format,
    /// The analysis of some version, `None` after a settings change.
    pub snapshot: Option<Arc<Snapshot>>,
    /// Human annotations from the `.ann` beside the file.
    pub annotations: Option<crate::analysis::annotations::Annotations>,
    /// Work kept from the previous analysis, reused by the next one.
    pub memo: Arc<std::sync::Mutex<crate::analysis::Memo>>,
    /// What the last diagnostics publish wrote, reused by the next one.
    pub published: Arc<std::sync::Mutex<super::published::Published>>,
    /// What the last outline wrote, reused by the next one.
    pub outline: Arc<std::sync::Mutex<super::outline::OutlineJson>>,
    /// The semantic tokens of the last `semanticTokens/full`.
    pub tokens: Arc<std::sync::Mutex<super::semantic::Tokens>>,
}

impl Document {
    pub fn new(version: i32, text: &str, format: Format) -> Document {
        Document {
            version,
            rope: Rope::from_str(text),
            format,
            snapshot: None,
            annotations: None,
            memo: Arc::default(),
            published: Arc::default(),
            outline: Arc::default(),
            tokens: Arc::default(),
        }
    }

    /// The format of a document from its language id and path.
    pub fn format_of(language_id: &str, uri: &lsp::Uri) -> Format {
        if language_id == "markdown" {
            return Format::Markdown;
        }
        Format::from_path(uri.as_str())
    }

    pub fn text(&self) -> String {
        // One allocation of the right size (a rope's `to_string` grows
        // its buffer chunk by chunk).
        let mut text = String::with_capacity(self.rope.len_bytes());
        for chunk in self.rope.chunks() {
            text.push_str(chunk);
        }
        text
    }

    /// Applies content changes in order. A change whose range names a line
    /// past the end is skipped and reported; the others still apply.
    pub fn apply(
        &mut self,
        changes: &[lsp::TextDocumentContentChangeEvent],
        enc: Encoding,
    ) -> Result<(), String> {
        let mut first_error = None;
        for change in changes {
            let Some(range) = change.range else {
                self.rope = Rope::from_str(&change.text);
                continue;
            };
            let start = convert::rope_char(&self.rope, enc, range.start);
            let end = convert::rope_char(&self.rope, enc, range.end);
            match (start, end) {
                (Some(start), Some(end)) => {
                    let (start, end) = (start.min(end), start.max(end));
                    self.rope.remove(start..end);
                    self.rope.insert(start, &change.text);
                }
                _ => {
                    first_error.get_or_insert_with(|| {
                        format!(
                            "change range {}:{}-{}:{} is outside the document ({} lines); change skipped",
                            range.start.line,
                            range.start.character,
                            range.end.line,
                            range.end.character,
                            self.rope.len_lines()
                        )
                    });
                }
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(
        l1: u32,
        c1: u32,
        l2: u32,
        c2: u32,
        text: &str,
    ) -> lsp::TextDocumentContentChangeEvent {
        lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(
                lsp::Position::new(l1, c1),
                lsp::Position::new(l2, c2),
            )),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_edits_with_multibyte_text() {
        let mut d = Document::new(0, "Un 😀 accord\r\npourrait être signé.", Format::Plain);
        d.apply(&[change(1, 0, 1, 0, "Selon Reuters, ")], Encoding::Utf16)
            .unwrap();
        d.apply(&[change(0, 3, 0, 5, "")], Encoding::Utf16).unwrap();
        assert_eq!(
            d.text(),
            "Un  accord\r\nSelon Reuters, pourrait être signé."
        );
        d.apply(&[change(1, 24, 1, 99, "!")], Encoding::Utf8)
            .unwrap();
        assert_eq!(d.text(), "Un  accord\r\nSelon Reuters, pourrait !");
        assert!(d
            .apply(
                &[change(9, 0, 9, 1, "x"), change(0, 0, 0, 0, "»")],
                Encoding::Utf16
            )
            .is_err());
        assert_eq!(d.text(), "»Un  accord\r\nSelon Reuters, pourrait !");
    }
}
