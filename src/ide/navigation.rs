//! Definition, references and highlights for actors.

use super::Snapshot;
use crate::analysis::actor_key;
use crate::text::TextRange;

/// The mention under the cursor and its actor's canonical-name key, which
/// identifies the actor across documents.
pub fn actor_at(snap: &Snapshot, offset: usize) -> Option<(TextRange, String)> {
    let m = snap.analysis.mention_at(offset)?;
    Some((m.range, actor_key(&snap.analysis.actors[m.actor].name)))
}

/// Every mention of the actor with this key in a document.
pub fn mentions(snap: &Snapshot, key: &str) -> Vec<TextRange> {
    let a = &snap.analysis;
    a.actors
        .iter()
        .filter(|actor| actor_key(&actor.name) == key)
        .flat_map(|actor| actor.mentions.iter().map(|&m| a.mentions[m].range))
        .collect()
}

/// Definition: the first mention of the actor in the document.
pub fn definition(snap: &Snapshot, offset: usize) -> Option<TextRange> {
    let (_, key) = actor_at(snap, offset)?;
    mentions(snap, &key).into_iter().min_by_key(|r| r.start)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn definition_is_the_first_mention_and_references_all() {
        let f = fixture::parse("Barack Obama arrive. Plus tard, Obama$0 a parlé.");
        let text = f.snapshot.text();
        let def = definition(&f.snapshot, f.cursor).unwrap();
        assert_eq!(&text[def.as_range()], "Barack Obama");
        let (_, key) = actor_at(&f.snapshot, f.cursor).unwrap();
        let all: Vec<&str> = mentions(&f.snapshot, &key)
            .iter()
            .map(|r| &text[r.as_range()])
            .collect();
        assert_eq!(all, ["Barack Obama", "Obama"]);
    }
}
