//! Work kept between analyses of one document, so that re-analysing after
//! an edit costs less where the text did not change.
//!
//! Only pure functions of a piece of text are memoised: the words of a
//! paragraph and the phrase matches in a searched slice. Their results are
//! stored relative to that text and keyed by the text itself, so a hit is
//! the same value the function would compute; what depends on the whole
//! document (actors, attribution, claims) is always recomputed. The result
//! of an analysis with a memo therefore equals the analysis without one
//! (`memo_gives_the_full_analysis` checks it over random edits).
//!
//! After each analysis, entries it did not use are dropped: the memo holds
//! at most one analysis' worth, however many edits come.

use rustc_hash::FxHashMap as HashMap;

use super::sections::SectionEntry;
use crate::lexicon::{PhraseMatch, PhraseSet};

/// A word relative to its paragraph: its byte range (its folded form is
/// read from the document's folded text).
pub(crate) type RelWord = (u32, u32);

#[derive(Default)]
pub struct Memo {
    /// Phrase matches per folded slice (one copy of each slice), then per
    /// set (by uid).
    finds: HashMap<Box<str>, Entry<HashMap<u64, Vec<PhraseMatch>>>>,
    /// Words per paragraph text.
    words: HashMap<Box<str>, Entry<Vec<RelWord>>>,
    /// Analyses of a long document's sections per section text.
    sections: HashMap<Box<str>, Entry<SectionEntry>>,
    /// For the test showing that skipping the comparison of known actors
    /// is caught: reuse a section's result whatever it started from.
    ignore_known: bool,
    generation: u64,
    hits: u64,
    misses: u64,
}

struct Entry<T> {
    used: u64,
    value: T,
}

impl Memo {
    pub fn new() -> Memo {
        Memo::default()
    }

    /// Matches of `set` in `hay` (a folded slice), relative to it.
    pub(crate) fn find(&mut self, set: &PhraseSet, hay: &str) -> &[PhraseMatch] {
        let generation = self.generation;
        if !self.finds.contains_key(hay) {
            self.finds.insert(
                hay.into(),
                Entry {
                    used: generation,
                    value: HashMap::default(),
                },
            );
        }
        let e = self
            .finds
            .get_mut(hay)
            .expect("the slice's entry was just made");
        e.used = generation;
        match e.value.entry(set.uid()) {
            std::collections::hash_map::Entry::Occupied(found) => {
                self.hits += 1;
                found.into_mut()
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                self.misses += 1;
                slot.insert(set.find_iter(hay).collect())
            }
        }
    }

    /// The words of a paragraph's text, computed by `compute` on a miss.
    pub(crate) fn words(
        &mut self,
        paragraph: &str,
        compute: impl FnOnce() -> Vec<RelWord>,
    ) -> &[RelWord] {
        let generation = self.generation;
        if self.words.contains_key(paragraph) {
            self.hits += 1;
        } else {
            self.misses += 1;
            let value = compute();
            self.words.insert(
                paragraph.into(),
                Entry {
                    used: generation,
                    value,
                },
            );
        }
        let e = self
            .words
            .get_mut(paragraph)
            .expect("the paragraph's entry is present or was just made");
        e.used = generation;
        &e.value
    }

    /// What is kept for a section's text, made by `make` if new.
    pub(crate) fn section(
        &mut self,
        text: &str,
        make: impl FnOnce(&str) -> SectionEntry,
    ) -> &mut SectionEntry {
        let generation = self.generation;
        if !self.sections.contains_key(text) {
            self.misses += 1;
            self.sections.insert(
                text.into(),
                Entry {
                    used: generation,
                    value: make(text),
                },
            );
        } else {
            self.hits += 1;
        }
        let e = self
            .sections
            .get_mut(text)
            .expect("the section's entry is present or was just made");
        e.used = generation;
        &mut e.value
    }

    /// A memo that reuses a section's result without comparing the known
    /// actors it started from: wrong on purpose, for the test showing that
    /// the equality property catches it.
    #[doc(hidden)]
    pub fn ignoring_known_actors() -> Memo {
        Memo {
            ignore_known: true,
            ..Memo::default()
        }
    }

    pub(crate) fn ignores_known_actors(&self) -> bool {
        self.ignore_known
    }

    /// Ends an analysis: drops what it did not use.
    pub(crate) fn sweep(&mut self) {
        let generation = self.generation;
        self.finds.retain(|_, e| e.used == generation);
        self.words.retain(|_, e| e.used == generation);
        self.sections.retain(|_, e| e.used == generation);
        self.generation += 1;
    }

    /// Lookups answered from the memo and computed, since it was made.
    pub fn stats(&self) -> (u64, u64) {
        (self.hits, self.misses)
    }

    /// Entries held (for memory checks).
    pub fn len(&self) -> usize {
        self.finds.len() + self.words.len() + self.sections.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
