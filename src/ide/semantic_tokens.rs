//! Semantic tokens: actor mentions by kind, quotations, attribution cues.
//!
//! The legend maps our token kinds onto standard LSP token types so that
//! every theme colours them: person → `class`, organization → `namespace`,
//! country → `enum`, media → `interface`, place → `type`, quotation →
//! `string`, cue → `keyword`; an anonymous source is a `class` with the
//! `deprecated` modifier (struck through in most themes: who is it?).

use super::Snapshot;
use crate::analysis::{Mention, Quote};
use crate::lexicon::ActorKind;
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenKind {
    Person,
    Organization,
    Country,
    Media,
    Place,
    Quote,
    Cue,
}

impl TokenKind {
    /// Index into [`LEGEND`].
    pub fn index(self) -> u32 {
        self as u32
    }
}

/// Standard token type names, in [`TokenKind`] order.
pub const LEGEND: [&str; 7] = [
    "class",
    "namespace",
    "enum",
    "interface",
    "type",
    "string",
    "keyword",
];
/// Modifier names; bit 0 = anonymous source.
pub const MODIFIERS: [&str; 1] = ["deprecated"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: TextRange,
    pub kind: TokenKind,
    pub anonymous: bool,
}

/// Tokens inside `range`, sorted and without overlap (a mention or cue
/// inside a quotation splits the quotation token around it).
pub fn tokens(snap: &Snapshot, range: TextRange) -> Vec<Token> {
    let a = &snap.analysis;
    let mut res = match a.sections.as_slice() {
        [] => tokens_of(snap, &a.mentions, &a.quotes),
        // A long document: only the sections the range touches (no token
        // crosses a section's end).
        sections => {
            let at = |offset: usize| {
                sections
                    .partition_point(|s| s.start <= offset)
                    .saturating_sub(1)
            };
            let (first, last) = (&sections[at(range.start())], &sections[at(range.end())]);
            tokens_of(
                snap,
                &a.mentions[first.mentions.start..last.mentions.end],
                &a.quotes[first.quotes.start..last.quotes.end],
            )
        }
    };
    res.retain(|t| t.range.intersects(range));
    res
}

/// The tokens of some of the analysis' mentions and quotes (a section's:
/// no token crosses a section's end), sorted and without overlap.
pub fn tokens_of(snap: &Snapshot, mentions: &[Mention], quotes: &[Quote]) -> Vec<Token> {
    let a = &snap.analysis;
    let mut inner: Vec<Token> = Vec::new();
    for m in mentions {
        let actor = &a.actors[m.actor];
        let kind = match actor.kind {
            ActorKind::Person => TokenKind::Person,
            ActorKind::Organization => TokenKind::Organization,
            ActorKind::Country => TokenKind::Country,
            ActorKind::Media => TokenKind::Media,
            ActorKind::Place => TokenKind::Place,
        };
        inner.push(Token {
            range: m.range,
            kind,
            anonymous: !actor.named,
        });
    }
    for q in quotes {
        if let Some(cue) = q
            .cue
            .filter(|c| !c.is_empty() && !q.range.contains_range(*c))
        {
            inner.push(Token {
                range: cue,
                kind: TokenKind::Cue,
                anonymous: false,
            });
        }
    }
    inner.sort_by_key(|t| (t.range.start, std::cmp::Reverse(t.range.end)));
    // Drop tokens overlapping an earlier one (nested mentions, cue over a name).
    let mut kept: Vec<Token> = Vec::new();
    for t in inner {
        if kept.last().is_none_or(|k| k.range.end <= t.range.start) {
            kept.push(t);
        }
    }
    let mut res = Vec::new();
    let mut next = kept.into_iter().peekable();
    for q in quotes
        .iter()
        .filter(|q| q.kind != crate::analysis::QuoteKind::Indirect)
    {
        // Everything before this quote.
        while let Some(t) = next.next_if(|t| t.range.start < q.range.start) {
            res.push(t);
        }
        let mut at = q.range.start();
        while let Some(t) = next.next_if(|t| t.range.end() <= q.range.end()) {
            if t.range.start() > at {
                res.push(Token {
                    range: TextRange::new(at, t.range.start()),
                    kind: TokenKind::Quote,
                    anonymous: false,
                });
            }
            at = t.range.end();
            res.push(t);
        }
        if at < q.range.end() {
            res.push(Token {
                range: TextRange::new(at, q.range.end()),
                kind: TokenKind::Quote,
                anonymous: false,
            });
        }
    }
    res.extend(next);
    res.sort_by_key(|t| t.range.start);
    res.dedup_by(|b, a| a.range.end > b.range.start);
    res.retain(|t| !t.range.is_empty());
    res
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn quotes_are_split_around_mentions_and_cues_follow() {
        let f = fixture::parse("« La Chine gagne », a dit Paul Girard.");
        let text = f.snapshot.text();
        let got: Vec<(&str, TokenKind)> = tokens(&f.snapshot, TextRange::new(0, text.len()))
            .iter()
            .map(|t| (&text[t.range.as_range()], t.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("« La ", TokenKind::Quote),
                ("Chine", TokenKind::Country),
                (" gagne »", TokenKind::Quote),
                ("a dit", TokenKind::Cue),
                ("Paul Girard", TokenKind::Person),
            ]
        );
    }
}
