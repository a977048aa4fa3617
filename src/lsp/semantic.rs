//! The semantic tokens of a whole document (`semanticTokens/full`),
//! reusing the tokens of the sections an edit left alone.
//!
//! Tokens are relative-encoded: each gives its line and column as a
//! distance from the token before. Inside a section those distances do not
//! depend on where the section is, so each section keeps its encoded
//! tokens with only the first one counted from the section's first line;
//! putting the document together is copying each section's tokens and
//! writing its first token's distance from the last token of the section
//! before. No token crosses a cut: mentions, quotes and cues all lie
//! inside their section.
//!
//! A token's type (person, organisation…) comes from the joined actors,
//! whose kind may come from another section (the section that named the
//! actor first): a section keeps its tokens only while its result is the
//! same (`analysis::Section::same_result`) and the kind and the namedness
//! of the actor of each of its mentions are too.

use std::io::Write;

use super::convert::{self, Encoding};
use super::shifted::PerSection;
use crate::analysis::Section;
use crate::ide::semantic_tokens::tokens_of;
use crate::ide::Snapshot;
use crate::lexicon::ActorKind;

/// The encoded tokens of the last answer for one document, by section.
#[derive(Default)]
pub struct Tokens {
    enc: Option<Encoding>,
    sections: PerSection<SectionTokens>,
}

struct SectionTokens {
    /// The kind and namedness of the actor of each of the section's
    /// mentions, which the tokens' types come from.
    actors: Vec<(ActorKind, bool)>,
    encoded: Encoded,
}

/// Tokens, five numbers each, relative-encoded; the first token's line
/// counts from a base line.
struct Encoded {
    data: Vec<u32>,
    /// The last token's line (from the base line) and column.
    last: (u32, u32),
}

impl Tokens {
    /// The JSON of the answer to `semanticTokens/full` for `snap`.
    pub fn answer(&mut self, snap: &Snapshot, enc: Encoding) -> Vec<u8> {
        let data = self.full(snap, enc);
        let mut out = Vec::with_capacity(data.len() * 4 + 16);
        out.extend_from_slice(br#"{"data":["#);
        for (i, n) in data.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let _ = write!(out, "{n}");
        }
        out.extend_from_slice(b"]}");
        out
    }

    /// The relative-encoded tokens of the whole of `snap`.
    pub fn full(&mut self, snap: &Snapshot, enc: Encoding) -> Vec<u32> {
        if self.enc != Some(enc) {
            self.sections.clear();
            self.enc = Some(enc);
        }
        let a = &snap.analysis;
        if a.sections.is_empty() {
            self.sections.clear();
            return encode(snap, enc, &tokens_of(snap, &a.mentions, &a.quotes), 0).data;
        }
        let actors = |section: &Section| -> Vec<(ActorKind, bool)> {
            a.mentions[section.mentions.clone()]
                .iter()
                .map(|m| (a.actors[m.actor].kind, a.actors[m.actor].named))
                .collect()
        };
        let parts = self.sections.parts(
            snap,
            |section, kept| kept.actors == actors(section),
            |section, line| {
                let mentions = &a.mentions[section.mentions.clone()];
                let tokens = tokens_of(snap, mentions, &a.quotes[section.quotes.clone()]);
                SectionTokens {
                    actors: actors(section),
                    encoded: encode(snap, enc, &tokens, line),
                }
            },
        );
        let mut data = Vec::with_capacity(parts.iter().map(|(_, p)| p.encoded.data.len()).sum());
        let mut previous = (0u32, 0u32);
        for (base, part) in &parts {
            let encoded = &part.encoded;
            if let [line, column, rest @ ..] = encoded.data.as_slice() {
                let delta_line = base + line - previous.0;
                data.push(delta_line);
                data.push(if delta_line == 0 {
                    column - previous.1
                } else {
                    *column
                });
                data.extend_from_slice(rest);
                previous = (base + encoded.last.0, encoded.last.1);
            }
        }
        data
    }
}

/// `tokens` relative-encoded, the first one's line counted from `base`.
fn encode(
    snap: &Snapshot,
    enc: Encoding,
    tokens: &[crate::ide::semantic_tokens::Token],
    base: u32,
) -> Encoded {
    let encoded = convert::semantic_tokens(snap, enc, tokens);
    let mut data = Vec::with_capacity(encoded.len() * 5);
    let (mut line, mut column) = (0u32, 0u32);
    for (i, t) in encoded.iter().enumerate() {
        line += t.delta_line;
        column = if t.delta_line == 0 {
            column + t.delta_start
        } else {
            t.delta_start
        };
        let delta_line = if i == 0 {
            t.delta_line - base
        } else {
            t.delta_line
        };
        data.extend([
            delta_line,
            t.delta_start,
            t.length,
            t.token_type,
            t.token_modifiers_bitset,
        ]);
    }
    Encoded {
        data,
        last: (line.saturating_sub(base), column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Memo;
    use crate::input::Settings;
    use crate::text::TextRange;
    use std::sync::Arc;

    fn snapshot(text: &str, memo: &mut Memo) -> Snapshot {
        crate::ide::fixture::with_memo(text, Settings::default(), memo)
    }

    /// What the whole document's tokens encode to in one go.
    fn at_once(snap: &Snapshot, enc: Encoding) -> Vec<u32> {
        let tokens =
            crate::ide::semantic_tokens::tokens(snap, TextRange::new(0, snap.text().len()));
        convert::semantic_tokens(snap, enc, &tokens)
            .iter()
            .flat_map(|t| {
                [
                    t.delta_line,
                    t.delta_start,
                    t.length,
                    t.token_type,
                    t.token_modifiers_bitset,
                ]
            })
            .collect()
    }

    /// Paragraphs of named and anonymous sources, quotes and cues, with
    /// accents, an emoji and CRLF.
    fn paragraphs(n: usize) -> String {
        (0..n)
            .map(|i| format!("Paragraphe {i} 🙂 : « Nous ferons mieux », a déclaré Paul Girard à l'ONU.\r\nSelon une source proche du dossier, Anne Durand partira. « Qui ? »\r\n\r\n"))
            .collect()
    }

    #[test]
    fn by_sections_the_tokens_are_those_of_the_whole() {
        for text in [paragraphs(3), paragraphs(300)] {
            for enc in [Encoding::Utf16, Encoding::Utf8] {
                let snap = snapshot(&text, &mut Memo::new());
                assert_eq!(Tokens::default().full(&snap, enc), at_once(&snap, enc));
            }
        }
    }

    #[test]
    fn the_tokens_of_a_range_are_the_whole_documents_in_that_range() {
        let snap = snapshot(&paragraphs(300), &mut Memo::new());
        let a = &snap.analysis;
        let all = tokens_of(&snap, &a.mentions, &a.quotes);
        let (len, cut) = (snap.text().len(), a.sections[1].start);
        for (from, to) in [
            (0, 100),
            (cut - 150, cut + 150),
            (len / 2, len / 2 + 4000),
            (len - 60, len),
        ] {
            let range = TextRange::new(from, to);
            let expected: Vec<_> = all
                .iter()
                .filter(|t| t.range.intersects(range))
                .copied()
                .collect();
            assert!(!expected.is_empty());
            assert_eq!(crate::ide::semantic_tokens::tokens(&snap, range), expected);
        }
    }

    #[test]
    fn sections_an_edit_left_alone_keep_their_tokens_with_lines_shifted() {
        let mut memo = Memo::new();
        let mut tokens = Tokens::default();
        let text = paragraphs(300);
        let before = snapshot(&text, &mut memo);
        assert!(before.analysis.sections.len() >= 3);
        tokens.full(&before, Encoding::Utf16);
        let old = tokens.sections.kept();
        let edited = text.replacen("a déclaré Paul", "a\r\ndéclaré\r\nPaul", 1);
        let after = snapshot(&edited, &mut memo);
        assert_eq!(
            tokens.full(&after, Encoding::Utf16),
            at_once(&after, Encoding::Utf16)
        );
        let reused = tokens
            .sections
            .kept()
            .iter()
            .filter(|k| old.iter().any(|o| Arc::ptr_eq(o, k)))
            .count();
        assert_eq!(reused, after.analysis.sections.len() - 1);
    }
}
