//! Text primitives shared by every layer: byte ranges, line indexes and
//! the folding used for case-, accent- and apostrophe-insensitive matching.
//!
//! Every range inside newsls is a byte range into the article text. Other
//! units (UTF-16 columns for the LSP, Unicode scalar offsets for brat and
//! `extract`) are derived from a [`LineIndex`] at the edges.

#[cfg(test)]
pub(crate) mod fixture;
mod fold;
mod line_index;

pub use fold::{fold, fold_char, fold_into, Folded};
pub use line_index::{LineCol, LineIndex};

use std::fmt;
use std::ops::Range;

/// A half-open byte range `[start, end)` into a text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> TextRange {
        debug_assert!(start <= end, "range {start}..{end}");
        TextRange {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn empty(at: usize) -> TextRange {
        TextRange::new(at, at)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end()
    }

    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn intersects(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn as_range(self) -> Range<usize> {
        self.start()..self.end()
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for TextRange {
    fn from(r: Range<usize>) -> TextRange {
        TextRange::new(r.start, r.end)
    }
}

/// `range` clamped to `text` and shrunk to character boundaries.
pub fn snap(text: &str, range: TextRange) -> TextRange {
    let mut start = range.start().min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = range.end().min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    TextRange::new(start, end.max(start))
}

/// Strips a UTF-8 byte order mark, which editors and some corpora leave at
/// the start of a file.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// True for the spaces news text uses around punctuation: ASCII space and
/// tab, no-break space U+00A0 and narrow no-break space U+202F, thin spaces.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{200a}'
    )
}

/// The range with surrounding whitespace (including line breaks) removed.
pub fn trim_range(text: &str, range: TextRange) -> TextRange {
    let s = &text[range.as_range()];
    let start = range.start() + (s.len() - s.trim_start().len());
    let end = range.end() - (s.len() - s.trim_end().len());
    TextRange::new(start, end.max(start))
}

/// Collapses runs of whitespace into one ASCII space; used to render
/// excerpts and to compare texts.
pub fn collapse_whitespace(s: &str) -> String {
    let mut res = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() || is_space(c) {
            pending = !res.is_empty();
            continue;
        }
        if pending {
            res.push(' ');
            pending = false;
        }
        res.push(c);
    }
    res
}

/// A short excerpt of `s` for outlines and hovers: whitespace collapsed and
/// cut at a word boundary after `max_chars` characters, with an ellipsis.
pub fn excerpt(s: &str, max_chars: usize) -> String {
    let s = collapse_whitespace(s);
    if s.chars().count() <= max_chars {
        return s;
    }
    let cut: String = s.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_collapses() {
        let text = "  « Bonjour\u{a0} le\n monde »  ";
        let r = trim_range(text, TextRange::new(0, text.len()));
        assert_eq!(&text[r.as_range()], "« Bonjour\u{a0} le\n monde »");
        assert_eq!(
            collapse_whitespace(&text[r.as_range()]),
            "« Bonjour le monde »"
        );
    }

    #[test]
    fn excerpt_cuts_at_a_word() {
        assert_eq!(
            excerpt("la Chine est un fervent défenseur", 20),
            "la Chine est un…"
        );
        assert_eq!(excerpt("court", 20), "court");
    }

    #[test]
    fn bom_is_stripped() {
        assert_eq!(strip_bom("\u{feff}Le"), "Le");
        assert_eq!(strip_bom("Le"), "Le");
    }
}
