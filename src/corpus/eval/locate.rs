//! Finding gold strings in the article and measuring overlaps: gold
//! strings are matched after folding and whitespace collapsing, and mapped
//! back to byte ranges of the text.

use crate::text::{fold, is_space, TextRange};

/// The article text folded and with whitespace collapsed, mapped back to
/// byte offsets, to find gold strings whatever their spacing.
pub(super) struct Normalized {
    text: String,
    origin: Vec<usize>,
}

impl Normalized {
    pub(super) fn new(s: &str) -> Normalized {
        let mut text = String::new();
        let mut origin = Vec::new();
        let mut pending_space = false;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() || is_space(c) {
                pending_space = !text.is_empty();
                continue;
            }
            if pending_space {
                text.push(' ');
                origin.push(i);
                pending_space = false;
            }
            let f = crate::text::fold_char(c);
            for _ in 0..f.len_utf8() {
                origin.push(i);
            }
            text.push(f);
        }
        origin.push(s.len());
        Normalized { text, origin }
    }

    /// Byte range in `original` of the `occurrence`-th (0-based) match.
    pub(super) fn find(
        &self,
        original: &str,
        needle: &str,
        occurrence: usize,
    ) -> Option<TextRange> {
        let n = normalize(needle);
        if n.is_empty() {
            return None;
        }
        let (at, _) = self.text.match_indices(&n).nth(occurrence)?;
        Some(self.range_of(original, at, n.len()))
    }

    /// Byte ranges in `original` of every match of `needle`.
    pub(super) fn find_all(&self, original: &str, needle: &str) -> Vec<TextRange> {
        let n = normalize(needle);
        if n.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(&n)
            .map(|(at, _)| self.range_of(original, at, n.len()))
            .collect()
    }

    fn range_of(&self, original: &str, at: usize, len: usize) -> TextRange {
        let last = self.origin[at + len - 1];
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        TextRange::new(self.origin[at], end)
    }
}

pub(super) fn normalize(s: &str) -> String {
    crate::text::collapse_whitespace(&fold(s))
}

/// `r` without the spaces at its ends (French quotes hold `« Coach »`'s
/// inner spaces).
pub(super) fn trim(text: &str, r: TextRange) -> TextRange {
    let s = &text[r.as_range()];
    let space = |c: char| c.is_whitespace() || is_space(c);
    let start = r.start() + (s.len() - s.trim_start_matches(space).len());
    let end = r.end() - (s.len() - s.trim_end_matches(space).len());
    TextRange::new(start, end.max(start))
}

/// Characters of `a` covered by `b`, in `text`.
pub(super) fn overlap_chars(text: &str, a: TextRange, b: TextRange) -> usize {
    let start = a.start().max(b.start());
    let end = a.end().min(b.end());
    if start >= end {
        return 0;
    }
    text.get(start..end).map_or(0, |s| s.chars().count())
}

pub(super) fn chars(text: &str, r: TextRange) -> usize {
    text.get(r.as_range()).map_or(0, |s| s.chars().count())
}

/// Bytes between two ranges (0 when they touch or overlap).
pub(super) fn distance(a: TextRange, b: TextRange) -> usize {
    if a.end() <= b.start() {
        b.start() - a.end()
    } else if b.end() <= a.start() {
        a.start() - b.end()
    } else {
        0
    }
}
