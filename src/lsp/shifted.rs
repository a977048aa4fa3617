//! JSON written by hand with its line numbers kept apart, counted from a
//! base line, so that the same bytes serve again after an edit above them
//! moved that line: writing them out is copying the bytes and writing each
//! line number shifted. Columns need no shift: what is kept this way is a
//! section of a long document (`analysis::Section`), which always starts
//! at the start of a line, so an edit outside it never changes a column
//! inside it.
//!
//! The published diagnostics (`published.rs`), the outline (`outline.rs`)
//! and the semantic tokens (`semantic.rs`) keep each section's part of
//! their answer in a [`PerSection`].

use std::io::Write;
use std::sync::Arc;

use serde::Serialize;
use tower_lsp_server::ls_types as lsp;

use crate::analysis::Section;
use crate::ide::Snapshot;

/// What one answer kept for each section of a document at its last
/// version, reused for the sections whose result is the same.
pub struct PerSection<T> {
    kept: Vec<(Section, Arc<T>)>,
}

impl<T> Default for PerSection<T> {
    fn default() -> Self {
        PerSection { kept: Vec::new() }
    }
}

impl<T> PerSection<T> {
    pub fn clear(&mut self) {
        self.kept.clear();
    }

    /// Each section's part of the answer for `snap`, with the line the
    /// section starts on: the part kept for the same result if `still`
    /// accepts it, else `make(section, line)`. What this returns is kept
    /// for the next version.
    pub fn parts(
        &mut self,
        snap: &Snapshot,
        still: impl Fn(&Section, &T) -> bool,
        mut make: impl FnMut(&Section, u32) -> T,
    ) -> Vec<(u32, Arc<T>)> {
        let sections = &snap.analysis.sections;
        let mut kept = Vec::with_capacity(sections.len());
        let mut parts = Vec::with_capacity(sections.len());
        for section in sections {
            let line = snap.line_index.line_of(section.start) as u32;
            let part = self
                .kept
                .iter()
                .find(|(s, part)| s.same_result(section) && still(section, part))
                .map(|(_, part)| part.clone())
                .unwrap_or_else(|| Arc::new(make(section, line)));
            parts.push((line, part.clone()));
            kept.push((section.clone(), part));
        }
        self.kept = kept;
        parts
    }

    /// The parts kept, for tests that count what was reused.
    #[cfg(test)]
    pub fn kept(&self) -> Vec<Arc<T>> {
        self.kept.iter().map(|(_, part)| part.clone()).collect()
    }
}

#[derive(Default)]
pub struct Shifted {
    json: Vec<u8>,
    /// Where a line number goes in `json`, and the line counted from the
    /// base line.
    lines: Vec<(usize, u32)>,
}

impl Shifted {
    pub fn is_empty(&self) -> bool {
        self.json.is_empty()
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        self.json.extend_from_slice(bytes);
    }

    /// Any value serde writes (a string, a number, an LSP enum).
    pub fn value(&mut self, v: &impl Serialize) {
        // Writing to a `Vec` fails only for a value that cannot be JSON,
        // which no caller passes.
        let _ = serde_json::to_writer(&mut self.json, v);
    }

    /// An LSP range whose lines count from `base`, which every line of the
    /// range is at or after.
    pub fn range(&mut self, r: lsp::Range, base: u32) {
        for (lead, p) in [
            (&br#"{"start":{"line":"#[..], r.start),
            (br#","end":{"line":"#, r.end),
        ] {
            self.json.extend_from_slice(lead);
            self.lines
                .push((self.json.len(), p.line.saturating_sub(base)));
            let _ = write!(self.json, r#","character":{}}}"#, p.character);
        }
        self.json.push(b'}');
    }

    /// Appends the JSON to `out`, its lines counted from `base`.
    pub fn write_to(&self, out: &mut Vec<u8>, base: u32) {
        let mut from = 0;
        for &(at, line) in &self.lines {
            out.extend_from_slice(&self.json[from..at]);
            let _ = write!(out, "{}", base + line);
            from = at;
        }
        out.extend_from_slice(&self.json[from..]);
    }

    /// The number of bytes [`Shifted::write_to`] writes, about (line
    /// numbers may take a digit more).
    pub fn len(&self) -> usize {
        self.json.len() + 4 * self.lines.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_move_with_the_base_and_columns_stay() {
        let mut s = Shifted::default();
        s.raw(br#"{"range":"#);
        s.range(
            lsp::Range::new(lsp::Position::new(10, 3), lsp::Position::new(12, 0)),
            10,
        );
        s.raw(b",\"name\":");
        s.value(&"« é »");
        s.raw(b"}");
        let mut out = Vec::new();
        s.write_to(&mut out, 98);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"range": {"start": {"line": 98, "character": 3}, "end": {"line": 100, "character": 0}}, "name": "« é »"})
        );
    }
}
