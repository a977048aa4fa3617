//! A set of folded phrases found at word boundaries, longest match first.

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use crate::text::fold;

pub struct PhraseSet {
    /// Unique per set built in this process: memoised matches are keyed by
    /// it (see `analysis::Memo`).
    uid: u64,
    phrases: Vec<String>,
    ids: HashMap<String, usize>,
    max_len: usize,
    automaton: Option<AhoCorasick>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the phrase in the set.
    pub id: usize,
    /// Byte range in the folded text searched.
    pub start: usize,
    pub end: usize,
}

impl PhraseSet {
    /// Builds a set from phrases that are already folded, for the lexicon:
    /// built once per process and searched in every article, so it is
    /// compiled to a DFA (about 10% of a corpus run's time saved against
    /// the default automaton, for a few MiB).
    pub fn new(phrases: Vec<String>) -> PhraseSet {
        PhraseSet::build(phrases, Some(AhoCorasickKind::DFA))
    }

    /// A set built for one document (its registry names, its acronyms):
    /// the automaton that is cheapest to build.
    pub fn per_document(phrases: Vec<String>) -> PhraseSet {
        PhraseSet::build(phrases, None)
    }

    fn build(phrases: Vec<String>, kind: Option<AhoCorasickKind>) -> PhraseSet {
        let builder = |kind| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .kind(kind)
                .build(&phrases)
        };
        // A DFA that cannot be built (too many states) falls back to the
        // default automaton, which finds the same matches.
        let automaton = builder(kind).or_else(|_| builder(None)).ok();
        let ids = phrases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i))
            .collect();
        let max_len = phrases.iter().map(String::len).max().unwrap_or(0);
        static NEXT_UID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        PhraseSet {
            uid: NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            phrases,
            ids,
            max_len,
            automaton,
        }
    }

    pub fn from_list(list: &[String]) -> PhraseSet {
        PhraseSet::new(list.iter().map(|s| fold(s)).collect())
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn uid(&self) -> u64 {
        self.uid
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    pub fn phrase(&self, id: usize) -> &str {
        &self.phrases[id]
    }

    pub fn contains(&self, folded: &str) -> bool {
        self.ids.contains_key(folded)
    }

    /// Non-overlapping matches in `folded` that start and end at word
    /// boundaries, leftmost and longest first.
    ///
    /// The result is that of trying every word start in turn; an unanchored
    /// search jumps to the next position where any phrase begins, so the
    /// word starts where none does cost nothing.
    pub fn find_iter<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = PhraseMatch> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let ac = self.automaton.as_ref()?;
            while from < folded.len() {
                let input = Input::new(folded).range(from..);
                let found = ac.find(input)?;
                let at = found.start();
                let starts_word = folded[at..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace())
                    && at_left_boundary(folded, at);
                // The leftmost-longest match is the longest phrase starting
                // at `at`, what the anchored search would find first: when
                // it ends a word, that search is not needed.
                if starts_word && at_right_boundary(folded, found.end()) {
                    from = found.end().max(at + 1);
                    return Some(PhraseMatch {
                        id: found.pattern().as_usize(),
                        start: at,
                        end: found.end(),
                    });
                }
                if starts_word {
                    if let Some(m) = self.match_at_word_start(folded, at) {
                        from = m.end.max(at + 1);
                        return Some(m);
                    }
                }
                from = at + 1;
                while !folded.is_char_boundary(from) {
                    from += 1;
                }
            }
            None
        })
    }

    /// The longest phrase that starts exactly at `at` in `folded` and ends
    /// at a word boundary.
    pub fn match_at(&self, folded: &str, at: usize) -> Option<PhraseMatch> {
        if at > folded.len() || !at_left_boundary(folded, at) {
            return None;
        }
        self.match_at_word_start(folded, at)
    }

    /// [`PhraseSet::match_at`] for an `at` known to start a word.
    fn match_at_word_start(&self, folded: &str, at: usize) -> Option<PhraseMatch> {
        let ac = self.automaton.as_ref()?;
        // Leftmost-longest gives one match per start; if it does not end at
        // a boundary, a shorter phrase may, so shrink the range and retry.
        let mut end = folded.len();
        loop {
            let input = Input::new(folded).range(at..end).anchored(Anchored::Yes);
            let m = ac.find(input)?;
            if at_right_boundary(folded, m.end()) {
                return Some(PhraseMatch {
                    id: m.pattern().as_usize(),
                    start: m.start(),
                    end: m.end(),
                });
            }
            if m.end() <= at + 1 {
                return None;
            }
            end = m.end() - 1;
            while !folded.is_char_boundary(end) {
                end -= 1;
            }
        }
    }

    /// The longest phrase that ends exactly at `end` in `folded`.
    pub fn match_ending_at(&self, folded: &str, end: usize) -> Option<PhraseMatch> {
        if !at_right_boundary(folded, end) {
            return None;
        }
        let mut lowest = end.saturating_sub(self.max_len);
        while !folded.is_char_boundary(lowest) {
            lowest += 1;
        }
        // Starts in increasing order (longest phrase first), each a left
        // boundary: not between two word characters.
        let mut before = folded[..lowest].chars().next_back();
        for (i, c) in folded[lowest..end].char_indices() {
            let boundary = !matches!(before, Some(b) if is_word_char(b) && is_word_char(c));
            if boundary {
                let start = lowest + i;
                if let Some(&id) = self.ids.get(&folded[start..end]) {
                    return Some(PhraseMatch { id, start, end });
                }
            }
            before = Some(c);
        }
        None
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn at_left_boundary(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    let first = s[at..].chars().next();
    !matches!((before, first), (Some(b), Some(f)) if is_word_char(b) && is_word_char(f))
}

fn at_right_boundary(s: &str, end: usize) -> bool {
    let last = s[..end].chars().next_back();
    let after = s[end..].chars().next();
    // An elided word ("qu'", "l'") is complete before a letter.
    !matches!((last, after), (Some(l), Some(a)) if is_word_char(l) && is_word_char(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(list: &[&str]) -> PhraseSet {
        PhraseSet::from_list(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn matches_whole_words_longest_first() {
        let s = set(&["selon", "d'après", "aux dires de", "dire"]);
        let text = fold("Selon l’agence, d’après lui, aux dires de tous; dires");
        let found: Vec<&str> = s.find_iter(&text).map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["selon", "d'apres", "aux dires de"]);
    }

    #[test]
    fn a_longer_phrase_ending_mid_word_falls_back_to_a_shorter_one() {
        let s = set(&["a", "a-t-il", "ab"]);
        let text = "a abc";
        let found: Vec<&str> = s.find_iter(text).map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["a"]);
    }

    #[test]
    fn elided_words_match_before_a_letter() {
        let s = set(&["qu'"]);
        let text = fold("explique qu’un accord");
        assert_eq!(s.find_iter(&text).count(), 1);
    }

    #[test]
    fn anchored_lookups() {
        let s = set(&["a", "a-t-il", "avait"]);
        let text = "il a-t-il avait";
        assert_eq!(s.match_at(text, 3).map(|m| m.end), Some(9));
        assert_eq!(s.match_ending_at(text, 15).map(|m| m.start), Some(10));
        assert_eq!(s.match_at(text, 0), None);
    }
}
