//! Inlay hints: after each quotation, its resolved speaker (`← Xi Jinping`).
//! Quotes without a speaker get no hint: the diagnostic says it.

use super::Snapshot;
use crate::text::TextRange;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// Where the hint is shown (the end of the quote).
    pub offset: usize,
    pub label: String,
    pub tooltip: String,
}

pub fn hints(snap: &Snapshot, range: TextRange) -> Vec<Hint> {
    let a = &snap.analysis;
    a.quotes
        .iter()
        .filter(|q| q.range.intersects(range) || range.contains(q.range.end()))
        .filter_map(|q| {
            let actor = &a.actors[q.speaker?];
            Some(Hint {
                offset: q.range.end(),
                label: format!("← {}", actor.name),
                tooltip: format!(
                    "{} quote, speaker {} ({})",
                    q.kind.as_str(),
                    actor.name,
                    actor.kind.as_str()
                ),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn a_hint_after_each_attributed_quote() {
        let f = fixture::parse("« Oui », a dit Jean Valjean. Il pleut. « Non. »");
        let all = hints(&f.snapshot, TextRange::new(0, f.snapshot.text().len()));
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].label, "← Jean Valjean");
        assert_eq!(&f.snapshot.text()[..all[0].offset], "« Oui »");
    }
}
