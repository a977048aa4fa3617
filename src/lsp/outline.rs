//! The answer to `textDocument/documentSymbol` as JSON bytes, reusing the
//! quote nodes of the sections an edit left alone.
//!
//! The outline of a long document is thousands of quote nodes under a few
//! hundred speaker nodes. A quote's node depends on its section's result
//! alone (its text, cue, kind and place), so each section keeps its quote
//! nodes as JSON with lines counted from its first line (`shifted.rs`),
//! and a section the memo reused (`analysis::Section::same_result`) keeps
//! them, written with their lines shifted. The speaker nodes, which gather
//! quotes from the whole document, are written anew each time: there are
//! few of them. The JSON is what [`super::convert::document_symbol`] gives
//! serialised by serde, which the tests check.

use std::sync::Arc;

use super::convert::{self, Encoding};
use super::shifted::{PerSection, Shifted};
use crate::ide::outline::{self, GroupBy, Symbol};
use crate::ide::Snapshot;

/// The quote nodes of the last outline of one document, by section.
#[derive(Default)]
pub struct OutlineJson {
    enc: Option<Encoding>,
    sections: PerSection<Vec<Shifted>>,
}

impl OutlineJson {
    /// The JSON of the outline of `snap`: an array of nodes.
    pub fn answer(&mut self, snap: &Snapshot, enc: Encoding) -> Vec<u8> {
        if self.enc != Some(enc) {
            self.sections.clear();
            self.enc = Some(enc);
        }
        let a = &snap.analysis;
        let node = |i: usize, base: u32| {
            let mut out = Shifted::default();
            write_node(
                &mut out,
                snap,
                enc,
                &outline::quote_symbol(snap, &a.quotes[i]),
                base,
            );
            out
        };
        let parts = if a.sections.is_empty() {
            self.sections.clear();
            vec![(
                0,
                Arc::new((0..a.quotes.len()).map(|i| node(i, 0)).collect()),
            )]
        } else {
            self.sections.parts(
                snap,
                |_, _| true,
                |section, line| section.quotes.clone().map(|i| node(i, line)).collect(),
            )
        };
        // Every quote's node, with the line its lines count from.
        let quotes: Vec<(&Shifted, u32)> = parts
            .iter()
            .flat_map(|(line, nodes)| nodes.iter().map(move |n| (n, *line)))
            .collect();
        let write_quote = |out: &mut Vec<u8>, i: usize| {
            let (node, line) = quotes[i];
            node.write_to(out, line);
        };
        let mut out =
            Vec::with_capacity(quotes.iter().map(|(n, _)| n.len() + 1).sum::<usize>() + 64);
        out.push(b'[');
        let group = GroupBy::parse(&snap.settings.outline_group_by).unwrap_or_default();
        if group == GroupBy::None {
            for i in 0..quotes.len() {
                if i > 0 {
                    out.push(b',');
                }
                write_quote(&mut out, i);
            }
        } else {
            for (g, group) in outline::groups(snap).iter().enumerate() {
                if g > 0 {
                    out.push(b',');
                }
                let mut head = Shifted::default();
                write_fields(&mut head, snap, enc, &group.symbol, 0);
                head.raw(br#","children":["#);
                head.write_to(&mut out, 0);
                for (k, &i) in group.quotes.iter().enumerate() {
                    if k > 0 {
                        out.push(b',');
                    }
                    write_quote(&mut out, i);
                }
                out.extend_from_slice(b"]}");
            }
        }
        out.push(b']');
        out
    }
}

/// A node without children, closed.
fn write_node(out: &mut Shifted, snap: &Snapshot, enc: Encoding, s: &Symbol, base: u32) {
    write_fields(out, snap, enc, s, base);
    out.raw(br#","children":[]}"#);
}

/// A node's fields, up to its children, left open.
fn write_fields(out: &mut Shifted, snap: &Snapshot, enc: Encoding, s: &Symbol, base: u32) {
    out.raw(br#"{"name":"#);
    out.value(&s.name);
    out.raw(br#","detail":"#);
    out.value(&s.detail);
    out.raw(br#","kind":"#);
    out.value(&convert::symbol_kind(s.kind));
    out.raw(br#","range":"#);
    out.range(convert::range(snap, enc, s.range), base);
    out.raw(br#","selectionRange":"#);
    out.range(convert::range(snap, enc, s.selection), base);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Memo;
    use crate::input::Settings;
    use tower_lsp_server::ls_types as lsp;

    fn snapshot(text: &str, memo: &mut Memo, group: &str) -> Snapshot {
        let settings = Settings {
            outline_group_by: group.to_string(),
            ..Settings::default()
        };
        crate::ide::fixture::with_memo(text, settings, memo)
    }

    /// What the framework would have sent.
    fn through_serde(snap: &Snapshot, enc: Encoding) -> serde_json::Value {
        let group = GroupBy::parse(&snap.settings.outline_group_by).unwrap_or_default();
        let nodes: Vec<lsp::DocumentSymbol> = outline::outline(snap, group)
            .iter()
            .map(|s| convert::document_symbol(snap, enc, s))
            .collect();
        serde_json::to_value(nodes).unwrap()
    }

    fn parsed(bytes: &[u8]) -> serde_json::Value {
        serde_json::from_slice(bytes).unwrap()
    }

    /// Paragraphs of quotes by two speakers and unattributed ones, with
    /// accents, an emoji and CRLF.
    fn paragraphs(n: usize) -> String {
        (0..n)
            .map(|i| format!("Paragraphe {i} 🙂 : « Nous ferons mieux », a déclaré Paul Girard.\r\n« Jamais », a répondu Anne Durand. « Qui ? »\r\n\r\n"))
            .collect()
    }

    #[test]
    fn the_bytes_say_what_the_framework_would_have_said() {
        for text in [paragraphs(3), paragraphs(300)] {
            for group in ["speaker", "none"] {
                for enc in [Encoding::Utf16, Encoding::Utf8] {
                    let snap = snapshot(&text, &mut Memo::new(), group);
                    let answer = OutlineJson::default().answer(&snap, enc);
                    assert_eq!(parsed(&answer), through_serde(&snap, enc), "{group}");
                }
            }
        }
    }

    #[test]
    fn sections_an_edit_left_alone_keep_their_quote_nodes_with_lines_shifted() {
        let mut memo = Memo::new();
        let mut outlines = OutlineJson::default();
        let text = paragraphs(300);
        let before = snapshot(&text, &mut memo, "speaker");
        assert!(before.analysis.sections.len() >= 3);
        outlines.answer(&before, Encoding::Utf16);
        let old = outlines.sections.kept();
        let edited = text.replacen("a déclaré Paul", "a\r\ndéclaré\r\nPaul", 1);
        let after = snapshot(&edited, &mut memo, "speaker");
        let answer = outlines.answer(&after, Encoding::Utf16);
        assert_eq!(parsed(&answer), through_serde(&after, Encoding::Utf16));
        let reused = outlines
            .sections
            .kept()
            .iter()
            .filter(|n| old.iter().any(|o| Arc::ptr_eq(o, n)))
            .count();
        assert_eq!(reused, after.analysis.sections.len() - 1);
    }
}
