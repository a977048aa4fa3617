//! Byte offset ↔ line/column conversion.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, exactly as the LSP specification
//! says, and at nothing else (U+2028, NEL and form feed are ordinary
//! characters). Columns are available in UTF-8 bytes, UTF-16 code units and
//! Unicode scalar values; the LSP boundary picks one, the CLI prints
//! scalar-value columns, brat and `extract` use scalar offsets.

use super::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// Zero-based line.
    pub line: u32,
    /// Zero-based column, in the unit the caller asked for.
    pub col: u32,
}

#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of every line.
    line_starts: Vec<u32>,
    /// Number of Unicode scalar values before the start of every line.
    char_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        let mut char_starts = vec![0];
        let bytes = text.as_bytes();
        let (mut start, mut n_chars) = (0, 0u32);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // "\r\n" ends at its "\n".
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            let end = i + 1;
            // Line endings are ASCII: both ends are character boundaries.
            n_chars += text[start..end].chars().count() as u32;
            line_starts.push(end as u32);
            char_starts.push(n_chars);
            start = end;
        }
        LineIndex {
            line_starts,
            char_starts,
            len: text.len() as u32,
        }
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of a line, including its line ending.
    pub fn line_range(&self, line: usize) -> Option<TextRange> {
        let start = *self.line_starts.get(line)?;
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        Some(TextRange::new(start as usize, end as usize))
    }

    /// Byte range of a line without its line ending.
    pub fn line_content_range(&self, text: &str, line: usize) -> Option<TextRange> {
        let r = self.line_range(line)?;
        let s = &text[r.as_range()];
        let content = s.trim_end_matches(['\n', '\r']);
        Some(TextRange::new(r.start(), r.start() + content.len()))
    }

    /// The zero-based line containing a byte offset (offsets past the end
    /// map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Line and UTF-8 byte column.
    pub fn line_col_utf8(&self, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        LineCol {
            line: line as u32,
            col: offset as u32 - self.line_starts[line],
        }
    }

    /// Line and UTF-16 column.
    pub fn line_col_utf16(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let col: usize = text[start..offset].chars().map(char::len_utf16).sum();
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Line and column counted in Unicode scalar values.
    pub fn line_col_chars(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        LineCol {
            line: line as u32,
            col: text[start..offset].chars().count() as u32,
        }
    }

    /// Unicode scalar offset of a byte offset (the unit of brat standoff).
    pub fn char_offset(&self, text: &str, offset: usize) -> usize {
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        self.char_starts[line] as usize + text[start..offset].chars().count()
    }

    /// Byte offset of a Unicode scalar offset, `None` past the end.
    pub fn offset_of_char(&self, text: &str, char_offset: usize) -> Option<usize> {
        let line = match self.char_starts.binary_search(&(char_offset as u32)) {
            // `char_starts` is strictly increasing: every line break counts.
            Ok(line) => return Some(self.line_starts[line] as usize),
            Err(next) => next - 1,
        };
        let start = self.line_starts[line] as usize;
        let mut remaining = char_offset - self.char_starts[line] as usize;
        for (i, _) in text[start..].char_indices() {
            if remaining == 0 {
                return Some(start + i);
            }
            remaining -= 1;
        }
        (remaining == 0).then_some(text.len())
    }

    /// Byte offset of a line and UTF-8 column; the column is clamped to the
    /// end of the line (without its line ending), as LSP asks. `None` when
    /// the line does not exist.
    pub fn offset_utf8(&self, text: &str, pos: LineCol) -> Option<usize> {
        let r = self.line_content_range(text, pos.line as usize)?;
        let mut offset = (r.start() + pos.col as usize).min(r.end());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        Some(offset)
    }

    /// Byte offset of a line and UTF-16 column, clamped like
    /// [`LineIndex::offset_utf8`]. A column inside a surrogate pair resolves
    /// to the start of that character.
    pub fn offset_utf16(&self, text: &str, pos: LineCol) -> Option<usize> {
        let r = self.line_content_range(text, pos.line as usize)?;
        let mut units = 0u32;
        for (i, c) in text[r.as_range()].char_indices() {
            let next = units + c.len_utf16() as u32;
            if next > pos.col {
                return Some(r.start() + i);
            }
            units = next;
        }
        Some(r.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr_only() {
        let text = "a\nb\r\nc\rd\u{2028}e";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(
            &text[idx.line_content_range(text, 3).unwrap().as_range()],
            "d\u{2028}e"
        );
        assert_eq!(idx.line_of(text.find('c').unwrap()), 2);
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let text = "Élysée 🇫🇷 « oui »\r\nsuite";
        let idx = LineIndex::new(text);
        let oui = text.find("oui").unwrap();
        let lc = idx.line_col_utf16(text, oui);
        // É l y s é e ␠ 🇫 🇷 (2 units each) ␠ « ␠(nbsp-less here)
        assert_eq!(lc, LineCol { line: 0, col: 14 });
        assert_eq!(idx.offset_utf16(text, lc), Some(oui));
        assert_eq!(idx.line_col_utf8(oui).col as usize, oui);
        assert_eq!(idx.line_col_chars(text, oui).col, 12);
    }

    #[test]
    fn columns_past_the_end_clamp_and_missing_lines_fail() {
        let text = "été\r\nhiver";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.offset_utf16(text, LineCol { line: 0, col: 99 }),
            Some(text.find('\r').unwrap())
        );
        // A column inside "é" resolves to the start of the character.
        assert_eq!(idx.offset_utf8(text, LineCol { line: 0, col: 1 }), Some(0));
        assert_eq!(idx.offset_utf16(text, LineCol { line: 5, col: 0 }), None);
    }

    #[test]
    fn char_offsets_round_trip() {
        let text = "L’agence\u{a0}a dit\n« ça » 😀 fin";
        let idx = LineIndex::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let c = idx.char_offset(text, i);
            assert_eq!(c, text[..i].chars().count());
            assert_eq!(idx.offset_of_char(text, c), Some(i));
        }
        assert_eq!(idx.offset_of_char(text, text.chars().count() + 1), None);
    }
}
