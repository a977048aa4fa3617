//! The outline: one node per speaker (with its quote count), its quotes as
//! children in text order, unattributed quotes under their own node. Or, in
//! the `none` grouping, the quotes alone in text order.

use super::english::count;
use super::Snapshot;
use crate::analysis::{ActorId, Quote, QuoteKind};
use crate::lexicon::ActorKind;
use crate::text::{collapse_whitespace, excerpt, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GroupBy {
    #[default]
    Speaker,
    None,
}

impl GroupBy {
    pub fn parse(s: &str) -> Option<GroupBy> {
        match s {
            "speaker" => Some(GroupBy::Speaker),
            "none" => Some(GroupBy::None),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Actor(ActorKind),
    Unattributed,
    Quote(QuoteKind),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: String,
    pub kind: SymbolKind,
    pub range: TextRange,
    pub selection: TextRange,
    pub children: Vec<Symbol>,
}

pub fn outline(snap: &Snapshot, group_by: GroupBy) -> Vec<Symbol> {
    let quotes = &snap.analysis.quotes;
    if group_by == GroupBy::None {
        return quotes.iter().map(|q| quote_symbol(snap, q)).collect();
    }
    groups(snap)
        .into_iter()
        .map(|g| Symbol {
            children: g
                .quotes
                .iter()
                .map(|&i| quote_symbol(snap, &quotes[i]))
                .collect(),
            ..g.symbol
        })
        .collect()
}

/// The node of one quotation.
pub fn quote_symbol(snap: &Snapshot, q: &Quote) -> Symbol {
    let text = snap.text();
    let cue = q
        .cue
        .filter(|c| !c.is_empty())
        .map(|c| collapse_whitespace(&text[c.as_range()]));
    Symbol {
        name: excerpt(&text[q.content.as_range()], 60),
        detail: match cue {
            Some(c) => format!("{} · {}", c, q.kind.as_str()),
            None => q.kind.as_str().to_string(),
        },
        kind: SymbolKind::Quote(q.kind),
        range: q.range,
        selection: q.content,
        children: Vec::new(),
    }
}

/// A speaker's node (or the unattributed quotes'), without its children,
/// and the indexes of its quotes in the analysis.
pub struct Group {
    pub symbol: Symbol,
    pub quotes: Vec<usize>,
}

/// One group per speaker in order of first quote, unattributed quotes
/// last.
pub fn groups(snap: &Snapshot) -> Vec<Group> {
    let a = &snap.analysis;
    let mut groups: Vec<(Option<ActorId>, Vec<usize>)> = Vec::new();
    let mut group_of: rustc_hash::FxHashMap<Option<ActorId>, usize> = Default::default();
    for (i, q) in a.quotes.iter().enumerate() {
        let g = *group_of.entry(q.speaker).or_insert_with(|| {
            groups.push((q.speaker, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(i);
    }
    groups.sort_by_key(|(s, _)| s.is_none());
    groups
        .into_iter()
        .map(|(speaker, quotes)| {
            let range = quotes
                .iter()
                .map(|&i| a.quotes[i].range)
                .reduce(TextRange::cover)
                .unwrap_or_default();
            let first_content = a.quotes[quotes[0]].content;
            let (name, kind, selection) = match speaker {
                Some(id) => {
                    let actor = &a.actors[id];
                    let first = actor.mentions.first().map(|&m| a.mentions[m].range);
                    (
                        actor.name.clone(),
                        SymbolKind::Actor(actor.kind),
                        first
                            .filter(|r| range.contains_range(*r))
                            .unwrap_or(first_content),
                    )
                }
                None => (
                    "Unattributed quotes".to_string(),
                    SymbolKind::Unattributed,
                    first_content,
                ),
            };
            Group {
                symbol: Symbol {
                    name,
                    detail: count(quotes.len(), "quote", "quotes"),
                    kind,
                    range,
                    selection,
                    children: Vec::new(),
                },
                quotes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn render(symbols: &[Symbol], depth: usize, out: &mut String) {
        for s in symbols {
            out.push_str(&format!(
                "{}{} [{}]\n",
                "  ".repeat(depth),
                s.name,
                s.detail
            ));
            render(&s.children, depth + 1, out);
        }
    }

    fn check(text: &str, group_by: GroupBy, expected: &str) {
        let f = fixture::parse(text);
        let mut got = String::new();
        render(&outline(&f.snapshot, group_by), 0, &mut got);
        assert_eq!(got.trim(), expected.trim(), "\n{got}");
    }

    #[test]
    fn quotes_grouped_by_speaker_unattributed_last() {
        check(
            "« Oui », a dit Jean Valjean. Il pleut. « Non », a répondu Javert Martin. « Peut-être », a ajouté Jean Valjean.\n\nLa nuit tombe. « Qui parle ? »",
            GroupBy::Speaker,
            "Jean Valjean [2 quotes]\n  Oui [a dit · direct]\n  Peut-être [a ajouté · direct]\nJavert Martin [1 quote]\n  Non [a répondu · direct]\nUnattributed quotes [1 quote]\n  Qui parle ? [direct]",
        );
    }

    #[test]
    fn flat_outline() {
        check(
            "« Oui », a dit Jean Valjean.",
            GroupBy::None,
            "Oui [a dit · direct]",
        );
    }
}
