//! The cues of a sentence read as a claim, before their subjects are
//! resolved to actors: what [`super::sentence_sources`] reads, with the
//! subjects that name no known actor kept.
//!
//! The claim detector needs them: `…, a indiqué la direction.`, `Selon le
//! rapport, …`, `the statement said …` name a source the registry does
//! not know, and such a sentence is sourced all the same. The claim
//! detector decides what the subject is worth (a definite description, an
//! unknown name, an indefinite group); this file only reads the
//! constructions' table, in its order. Subjects are given most likely
//! first, as the constructions give them.

use super::super::Doc;
use super::{Cue, Scope, CONSTRUCTIONS};
use crate::text::TextRange;

/// A cue of a sentence with the words naming its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceCue {
    /// "la direction", "le rapport", "the statement".
    pub subject: TextRange,
    /// "a indiqué la direction", "selon le rapport".
    pub words: TextRange,
    pub scope: Scope,
}

/// Every cue of sentence `idx`, in the constructions' order.
pub fn sentence_cues(doc: &Doc, idx: usize) -> Vec<SentenceCue> {
    let mut found: Vec<(Cue, Scope)> = Vec::new();
    for construction in CONSTRUCTIONS {
        let more = construction.sentence(doc, idx, &found);
        found.extend(more);
    }
    found
        .into_iter()
        .map(|(cue, scope)| SentenceCue {
            subject: cue.subject,
            words: cue.words,
            scope,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::check::check_claim;

    #[test]
    fn a_source_unknown_to_the_registry_still_sources_the_claim() {
        check_claim(
            "Environ 300 postes seraient supprimés, $0a indiqué$0 la direction.",
            "attributed null: Environ 300 postes seraient supprimés, a indiqué la direction.",
        );
        check_claim(
            "$0According to the report$0, 40% of the budget could go to roads.",
            "attributed null: According to the report, 40% of the budget could go to roads.",
        );
    }
}
