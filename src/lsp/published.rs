//! An article's `textDocument/publishDiagnostics`, written as JSON bytes,
//! reusing what the previous publish wrote for the sections an edit left
//! alone.
//!
//! A long document is analysed by sections (`analysis::Section`), and a
//! section the memo reused keeps the same result. Its diagnostics are kept
//! here as a fragment of JSON whose line numbers count from the section's
//! first line: a section cut is always at the start of a line, so an edit
//! elsewhere never changes a column inside it, only, when it adds or
//! removes lines above, the line it starts on. Publishing again is then
//! copying each unchanged fragment and writing its line numbers shifted by
//! the line its section now starts on; only the sections analysed again
//! are converted and written anew. What a fragment depends on beyond its
//! section's result (the position encoding, the severities, the
//! document's URI) is the cache's key: when one changes, everything is
//! written anew.
//!
//! A document analysed whole (every article of normal length) is written
//! anew each time: it is one small fragment.

use std::io::Write;
use std::sync::Arc;

use tower_lsp_server::ls_types as lsp;

use super::convert::{self, Encoding};
use super::shifted::{PerSection, Shifted};
use crate::analysis::Finding;
use crate::ide::diagnostics::visible_among;
use crate::ide::Snapshot;
use crate::input::settings::Severities;
use crate::input::{suppressions, Severity, Suppression};

/// What the last publish of one document wrote, by section.
#[derive(Default)]
pub struct Published {
    key: Option<Key>,
    /// Each section's diagnostics, comma-separated JSON objects with lines
    /// counted from the section's first line.
    sections: PerSection<Shifted>,
}

#[derive(PartialEq)]
struct Key {
    enc: Encoding,
    severities: Severities,
    uri: String,
}

impl Published {
    /// The JSON body of the `publishDiagnostics` notification for `snap`.
    pub fn notification(&mut self, snap: &Snapshot, enc: Encoding, uri: &lsp::Uri) -> Vec<u8> {
        let key = Key {
            enc,
            severities: snap.settings.severities.clone(),
            uri: uri.as_str().to_string(),
        };
        if self.key.as_ref() != Some(&key) {
            self.sections.clear();
        }
        let uri_json = json_string(uri.as_str());
        let writer = Writer {
            snap,
            enc,
            uri_json: &uri_json,
            marks: std::cell::OnceCell::new(),
        };
        let a = &snap.analysis;
        let parts = if a.sections.is_empty() {
            self.sections.clear();
            vec![(0, Arc::new(writer.fragment(&a.findings, 0)))]
        } else {
            self.sections.parts(
                snap,
                |_, _| true,
                |section, line| writer.fragment(&a.findings[section.findings.clone()], line),
            )
        };
        let mut out =
            Vec::with_capacity(parts.iter().map(|(_, f)| f.len() + 1).sum::<usize>() + 256);
        out.extend_from_slice(
            br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        );
        out.extend_from_slice(uri_json.as_bytes());
        out.extend_from_slice(br#","diagnostics":["#);
        let mut first = true;
        for (line, fragment) in &parts {
            assemble(&mut out, fragment, *line, &mut first);
        }
        let _ = write!(out, r#"],"version":{}}}}}"#, snap.version);
        self.key = Some(key);
        out
    }
}

/// Appends `fragment` to the list in `out`, its lines shifted by `base`.
fn assemble(out: &mut Vec<u8>, fragment: &Shifted, base: u32, first: &mut bool) {
    if fragment.is_empty() {
        return;
    }
    if !std::mem::take(first) {
        out.push(b',');
    }
    fragment.write_to(out, base);
}

struct Writer<'a> {
    snap: &'a Snapshot,
    enc: Encoding,
    uri_json: &'a str,
    /// The text's suppression markers, found once if any section is
    /// written.
    marks: std::cell::OnceCell<Vec<Suppression>>,
}

impl Writer<'_> {
    /// The fragment of the findings a user sees among `findings`, with
    /// lines counted from `base`. The same fields as
    /// [`convert::diagnostic`] gives, which the tests check.
    fn fragment(&self, findings: &[Finding], base: u32) -> Shifted {
        let a = &self.snap.analysis;
        let mut out = Shifted::default();
        let severities = &self.snap.settings.severities;
        let text = self.snap.text();
        let marks = self.marks.get_or_init(|| suppressions(text));
        for (f, severity) in visible_among(text, &a.sentences, findings, severities, marks) {
            if !out.is_empty() {
                out.raw(b",");
            }
            self.diagnostic(&mut out, base, f, severity);
        }
        out
    }

    fn diagnostic(&self, out: &mut Shifted, base: u32, f: &Finding, severity: Severity) {
        out.raw(br#"{"range":"#);
        out.range(convert::range(self.snap, self.enc, f.range), base);
        if let Some(s) = convert::severity(severity) {
            out.raw(br#","severity":"#);
            out.value(&s);
        }
        out.raw(br#","code":"#);
        out.value(&f.code());
        out.raw(br#","source":"newsls","message":"#);
        out.value(&f.message);
        if !f.related.is_empty() {
            out.raw(br#","relatedInformation":["#);
            for (i, (range, message)) in f.related.iter().enumerate() {
                if i > 0 {
                    out.raw(b",");
                }
                out.raw(br#"{"location":{"uri":"#);
                out.raw(self.uri_json.as_bytes());
                out.raw(br#","range":"#);
                out.range(convert::range(self.snap, self.enc, *range), base);
                out.raw(br#"},"message":"#);
                out.value(message);
                out.raw(b"}");
            }
            out.raw(b"]");
        }
        out.raw(b"}");
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Memo;
    use crate::input::Settings;

    fn uri() -> lsp::Uri {
        "file:///dossier/%C3%A9t%C3%A9.txt".parse().unwrap()
    }

    fn snapshot(text: &str, memo: &mut Memo) -> Snapshot {
        crate::ide::fixture::with_memo(text, Settings::default(), memo)
    }

    fn params(body: &[u8]) -> serde_json::Value {
        let message: serde_json::Value = serde_json::from_slice(body).unwrap();
        assert_eq!(message["method"], "textDocument/publishDiagnostics");
        message["params"].clone()
    }

    /// What the framework would have sent: `convert::diagnostic` of every
    /// diagnostic, serialised by serde.
    fn through_serde(snap: &Snapshot, enc: Encoding) -> serde_json::Value {
        let diagnostics: Vec<lsp::Diagnostic> = crate::ide::diagnostics::diagnostics(snap)
            .iter()
            .map(|d| convert::diagnostic(snap, enc, &uri(), d))
            .collect();
        serde_json::to_value(lsp::PublishDiagnosticsParams::new(
            uri(),
            diagnostics,
            Some(snap.version),
        ))
        .unwrap()
    }

    /// Paragraphs with findings of several kinds, accents, an emoji and
    /// CRLF; one in ten leaves a quotation open.
    fn paragraphs(from: usize, n: usize) -> String {
        (from..from + n)
            .map(|i| {
                let open = if i % 10 == 3 { " Puis « sans fin" } else { "" };
                format!("Paragraphe {i} 🙂 : le chômage aurait baissé de {i} %, selon des sources proches du dossier.\r\nLe ministre a déclaré : « Nous ferons mieux. »{open}\r\n\r\n")
            })
            .collect()
    }

    #[test]
    fn the_bytes_say_what_the_framework_would_have_said() {
        for text in [paragraphs(0, 3), paragraphs(0, 400)] {
            for enc in [Encoding::Utf16, Encoding::Utf8] {
                let snap = snapshot(&text, &mut Memo::new());
                let body = Published::default().notification(&snap, enc, &uri());
                assert_eq!(params(&body), through_serde(&snap, enc));
            }
        }
    }

    #[test]
    fn sections_an_edit_left_alone_keep_their_json_with_lines_shifted() {
        let mut memo = Memo::new();
        let mut published = Published::default();
        let text = paragraphs(0, 400);
        let before = snapshot(&text, &mut memo);
        assert!(before.analysis.sections.len() >= 3);
        published.notification(&before, Encoding::Utf16, &uri());
        let old = published.sections.kept();
        // Two lines more in the first section: every later one moves down.
        let edited = text.replacen("proches du dossier.", "proches\r\ndu\r\ndossier.", 1);
        let after = snapshot(&edited, &mut memo);
        let body = published.notification(&after, Encoding::Utf16, &uri());
        assert_eq!(params(&body), through_serde(&after, Encoding::Utf16));
        let reused = published
            .sections
            .kept()
            .iter()
            .filter(|f| old.iter().any(|o| Arc::ptr_eq(o, f)))
            .count();
        assert_eq!(reused, after.analysis.sections.len() - 1);
    }
}
