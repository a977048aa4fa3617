//! Compiler-style rendering of findings: `file:line:col: severity[code]:
//! message`, the line, and a caret underline. Shared by `check` and the
//! corpus snapshot tests. Long lines are cut around the finding, and only
//! that window is read, so a finding on a megabyte-long line costs as much
//! as one on a short line.

use crate::analysis::Finding;
use crate::input::Severity;
use crate::text::{LineCol, LineIndex, TextRange};

/// Characters of context shown left and right of the range on long lines.
const CONTEXT: usize = 60;
/// Widest underline shown.
const MAX_WIDTH: usize = 120;

/// One finding as text. Columns are 1-based and counted in characters.
pub fn finding(
    path: &str,
    text: &str,
    index: &LineIndex,
    f: &Finding,
    severity: Severity,
) -> String {
    finding_at(
        path,
        text,
        index,
        f,
        severity,
        index.line_col_chars(text, f.range.start()),
    )
}

/// [`finding`] with the start's line and column already known.
pub fn finding_at(
    path: &str,
    text: &str,
    index: &LineIndex,
    f: &Finding,
    severity: Severity,
    start: LineCol,
) -> String {
    let mut res = format!(
        "{path}:{}:{}: {}[{}]: {}\n",
        start.line + 1,
        start.col + 1,
        severity.as_str(),
        f.code(),
        f.message
    );
    res.push_str(&excerpt(text, index, f.range));
    for (r, label) in f.related.iter().take(3) {
        let lc = index.line_col_chars(text, r.start());
        res.push_str(&format!(
            "  = note: {path}:{}:{}: {label}\n",
            lc.line + 1,
            lc.col + 1
        ));
    }
    res
}

/// The first line of `range` with a caret underline under the part of the
/// range on that line.
pub fn excerpt(text: &str, index: &LineIndex, range: TextRange) -> String {
    let line = index.line_of(range.start());
    let Some(line_range) = index.line_content_range(text, line) else {
        return String::new();
    };
    let mut before: Vec<char> = text[line_range.start()..range.start()]
        .chars()
        .rev()
        .take(CONTEXT + 1)
        .collect();
    before.reverse();
    let end = range.end().min(line_range.end()).max(range.start());
    let inside: Vec<char> = text[range.start()..end]
        .chars()
        .take(MAX_WIDTH + 1)
        .collect();
    let after: Vec<char> = text[end..line_range.end()]
        .chars()
        .take(CONTEXT + 1)
        .collect();
    let (cut_before, shown_before) = if before.len() > CONTEXT {
        (true, &before[before.len() - CONTEXT..])
    } else {
        (false, &before[..])
    };
    let shown_inside = &inside[..inside.len().min(MAX_WIDTH)];
    let cut_inside = inside.len() > MAX_WIDTH;
    let shown_after = if cut_inside {
        &after[..0]
    } else {
        &after[..after.len().min(CONTEXT)]
    };
    let cut_after = cut_inside || after.len() > CONTEXT;
    let mut shown = String::new();
    if cut_before {
        shown.push('…');
    }
    shown.extend(shown_before);
    shown.extend(shown_inside);
    shown.extend(shown_after);
    if cut_after {
        shown.push('…');
    }
    let pad_chars = shown_before.len() + usize::from(cut_before);
    let width = shown_inside.len().max(1);
    let number = (line + 1).to_string();
    let pad = " ".repeat(number.len());
    format!(
        "{pad} |\n{number} | {shown}\n{pad} | {}{}\n",
        " ".repeat(pad_chars),
        "^".repeat(width)
    )
}

/// Scalar offsets and columns for offsets visited in increasing order, in
/// time proportional to the distance walked (100,000 findings on one long
/// line cost one pass over it).
pub struct Cursor<'a> {
    text: &'a str,
    index: &'a LineIndex,
    at: usize,
    chars: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, index: &'a LineIndex) -> Cursor<'a> {
        Cursor {
            text,
            index,
            at: 0,
            chars: 0,
        }
    }

    /// Unicode scalar offset of a byte offset.
    pub fn char_offset(&mut self, offset: usize) -> usize {
        if offset < self.at {
            self.at = 0;
            self.chars = 0;
        }
        // Jump to the line start when it is ahead: its count is stored.
        let line_start = self
            .index
            .line_range(self.index.line_of(offset))
            .map_or(0, |r| r.start());
        if line_start > self.at {
            self.at = line_start;
            self.chars = self.index.char_offset(self.text, line_start);
        }
        self.chars += self.text[self.at..offset].chars().count();
        self.at = offset;
        self.chars
    }

    /// Zero-based line and column (in characters).
    pub fn line_col(&mut self, offset: usize) -> LineCol {
        let line = self.index.line_of(offset);
        let line_start = self.index.line_range(line).map_or(0, |r| r.start());
        let col = self.char_offset(offset) - self.index.char_offset(self.text, line_start);
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_agrees_with_the_line_index() {
        let text = "é😀a\r\nbç\rlong line here";
        let index = LineIndex::new(text);
        let mut c = Cursor::new(text, &index);
        for (i, _) in text.char_indices() {
            assert_eq!(c.char_offset(i), index.char_offset(text, i));
            assert_eq!(c.line_col(i), index.line_col_chars(text, i));
        }
    }

    #[test]
    fn long_lines_are_cut_around_the_finding() {
        let text = format!("{}TARGET{}", "a".repeat(500), "b".repeat(500));
        let index = LineIndex::new(&text);
        let at = text.find("TARGET").unwrap();
        let out = excerpt(&text, &index, TextRange::new(at, at + 6));
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[1].starts_with("1 | …") && lines[1].ends_with('…'),
            "{out}"
        );
        assert!(lines[1].chars().count() < 140);
        assert_eq!(
            lines[2].find('^').map(|i| lines[2][..i].chars().count()),
            lines[1]
                .find("TARGET")
                .map(|i| lines[1][..i].chars().count())
        );
    }
}
