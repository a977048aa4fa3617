//! Compiler-style rendering of findings: `file:line:col: severity[code]:
//! message`, the line, and a caret underline. Shared by `check` and the
//! corpus snapshot tests.

use crate::analysis::Finding;
use crate::input::Severity;
use crate::text::{LineIndex, TextRange};

/// One finding as text. Columns are 1-based and counted in characters.
pub fn finding(
    path: &str,
    text: &str,
    index: &LineIndex,
    f: &Finding,
    severity: Severity,
) -> String {
    let start = index.line_col_chars(text, f.range.start());
    let mut res = format!(
        "{path}:{}:{}: {}[{}]: {}\n",
        start.line + 1,
        start.col + 1,
        severity.as_str(),
        f.code(),
        f.message
    );
    res.push_str(&excerpt(text, index, f.range));
    for (r, label) in &f.related {
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
    let line_text = &text[line_range.as_range()];
    let start_col = text[line_range.start()..range.start()].chars().count();
    let end = range.end().min(line_range.end()).max(range.start());
    let width = text[range.start()..end].chars().count().max(1);
    let number = (line + 1).to_string();
    let pad = " ".repeat(number.len());
    format!(
        "{pad} |\n{number} | {line_text}\n{pad} | {}{}\n",
        " ".repeat(start_col),
        "^".repeat(width)
    )
}
