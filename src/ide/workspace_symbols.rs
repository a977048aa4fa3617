//! Workspace symbols: actors and quotations across documents, filtered by a
//! fuzzy query (the query's characters in order, case- and
//! accent-insensitive).

use super::outline::SymbolKind;
use super::Snapshot;
use crate::text::{excerpt, fold, TextRange};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub kind: SymbolKind,
    pub range: TextRange,
    /// Speaker of a quote, kind of an actor.
    pub container: String,
}

pub fn fuzzy_match(query: &str, candidate: &str) -> bool {
    let candidate = fold(candidate);
    let mut chars = candidate.chars();
    fold(query)
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| chars.any(|c| c == q))
}

pub fn symbols(snap: &Snapshot, query: &str) -> Vec<WorkspaceSymbol> {
    let a = &snap.analysis;
    let text = snap.text();
    let mut res = Vec::new();
    for actor in a.actors.iter().filter(|x| x.named) {
        if let Some(&first) = actor.mentions.first() {
            if fuzzy_match(query, &actor.name) {
                res.push(WorkspaceSymbol {
                    name: actor.name.clone(),
                    kind: SymbolKind::Actor(actor.kind),
                    range: a.mentions[first].range,
                    container: actor.kind.as_str().to_string(),
                });
            }
        }
    }
    for q in &a.quotes {
        let name = excerpt(&text[q.content.as_range()], 60);
        let speaker = q
            .speaker
            .map_or("unattributed".to_string(), |s| a.actors[s].name.clone());
        if fuzzy_match(query, &name) || fuzzy_match(query, &speaker) {
            res.push(WorkspaceSymbol {
                name,
                kind: SymbolKind::Quote(q.kind),
                range: q.range,
                container: speaker,
            });
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn fuzzy_queries_find_actors_and_quotes() {
        assert!(fuzzy_match("xjp", "Xi Jinping"));
        assert!(fuzzy_match("etats", "États-Unis"));
        assert!(!fuzzy_match("obm", "Xi Jinping"));
        let f = fixture::parse("« Oui », a dit Jean Valjean.");
        let names: Vec<String> = symbols(&f.snapshot, "valj")
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["Jean Valjean", "Oui"]);
    }
}
