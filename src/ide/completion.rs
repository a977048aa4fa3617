//! Completion of actor names and aliases while drafting: the registry of
//! `newsls.toml` and the actors found in the open documents, filtered by the
//! word being typed (case- and accent-insensitive prefix of any word of the
//! name).

use super::Snapshot;
use crate::text::{fold, TextRange};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub detail: String,
    /// The typed prefix the item replaces.
    pub replace: TextRange,
}

pub fn complete(snap: &Snapshot, offset: usize, others: &[&Snapshot]) -> Vec<Item> {
    let text = snap.text();
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-' || *c == '\'' || *c == '’')
        .last()
        .map_or(offset, |(i, _)| i);
    let prefix = fold(&text[start..offset]);
    if prefix.is_empty() {
        return Vec::new();
    }
    let replace = TextRange::new(start, offset);
    let mut res: Vec<Item> = Vec::new();
    let mut push = |label: &str, detail: String| {
        let matches = fold(label)
            .split([' ', '-'])
            .any(|w| w.starts_with(&prefix))
            || fold(label).starts_with(&prefix);
        if matches && fold(label) != prefix && !res.iter().any(|i| i.label == label) {
            res.push(Item {
                label: label.to_string(),
                detail,
                replace,
            });
        }
    };
    for entry in &snap.settings.actors {
        let detail = format!("{} (newsls.toml)", entry.kind.as_str());
        push(&entry.name, detail.clone());
        for alias in &entry.aliases {
            push(alias, format!("alias of {}", entry.name));
        }
    }
    for s in std::iter::once(snap).chain(others.iter().copied()) {
        for actor in s.analysis.actors.iter().filter(|a| a.named) {
            push(
                &actor.name,
                actor
                    .description
                    .clone()
                    .unwrap_or_else(|| actor.kind.as_str().to_string()),
            );
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn completes_names_seen_and_registered() {
        let mut settings = crate::input::Settings::default();
        settings.actors.push(crate::input::ActorEntry {
            name: "Xi Jinping".to_string(),
            kind: crate::lexicon::ActorKind::Person,
            aliases: vec!["le président chinois".to_string()],
            description: None,
            wikidata: None,
        });
        let f = fixture::parse_with(
            "Barack Obama a reçu Xi Jinping. Puis Ba$0",
            settings,
            crate::input::Format::Plain,
        );
        let labels: Vec<String> = complete(&f.snapshot, f.cursor, &[])
            .into_iter()
            .map(|i| i.label)
            .collect();
        assert_eq!(labels, ["Barack Obama"]);
        let f2 = fixture::parse_with(
            "Le jin$0",
            f.snapshot.settings.clone(),
            crate::input::Format::Plain,
        );
        let labels: Vec<String> = complete(&f2.snapshot, f2.cursor, &[])
            .into_iter()
            .map(|i| i.label)
            .collect();
        assert_eq!(labels, ["Xi Jinping"]);
    }
}
