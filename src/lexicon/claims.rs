//! The claim detector's word lists (`{fr,en}/claims.toml`), compiled into
//! one automaton: every phrase of every list is found in a single pass over
//! a sentence and comes back with the role of its list.

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use super::{fold, PhraseSet};

/// What a phrase of `claims.toml` does in a sentence: the list it comes
/// from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimRole {
    Hearsay,
    Speculation,
    Consensus,
    Accusation,
    Evaluation,
    Statistic,
    /// A record or a projection: a claim with a quantity.
    Projection,
    /// The words of a vote: a share is its result.
    Vote,
    /// The words of a poll: a share is the pollster's claim.
    Poll,
    /// A source asked not to be named: it is anonymous whatever its noun.
    Anonymity,
    /// An impersonal attribution ("dit-on", "it is believed").
    Impersonal,
    /// A condition ("si", "if"): conditionals after it are hypotheses.
    Hypothesis,
}

pub struct ClaimWords {
    /// Every phrase of the role lists; `roles[id]` is the role of phrase `id`.
    pub phrases: PhraseSet,
    pub roles: Vec<ClaimRole>,
    pub contrast_openers: PhraseSet,
    pub quantity_words: HashSet<String>,
    pub number_words: HashSet<String>,
    pub conditional_exceptions: HashSet<String>,
    pub conditionals: HashSet<String>,
    pub first_person: HashSet<String>,
    pub source_determiners: HashSet<String>,
    pub relatives: HashSet<String>,
    pub modals: HashSet<String>,
    pub first_hand: HashSet<String>,
}

impl ClaimWords {
    pub fn role(&self, id: usize) -> ClaimRole {
        self.roles[id]
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClaimsFile {
    hearsay: Vec<String>,
    speculation: Vec<String>,
    consensus: Vec<String>,
    accusations: Vec<String>,
    evaluations: Vec<String>,
    statistics: Vec<String>,
    projections: Vec<String>,
    votes: Vec<String>,
    polls: Vec<String>,
    anonymity: Vec<String>,
    impersonal_sources: Vec<String>,
    hypothesis_markers: Vec<String>,
    contrast_openers: Vec<String>,
    quantity_words: Vec<String>,
    number_words: Vec<String>,
    conditional_exceptions: Vec<String>,
    conditionals: Vec<String>,
    first_person: Vec<String>,
    source_determiners: Vec<String>,
    relatives: Vec<String>,
    modals: Vec<String>,
    first_hand: Vec<String>,
}

pub(super) fn load(file: &ClaimsFile, dir: &str) -> Result<ClaimWords, String> {
    let lists = [
        (&file.hearsay, ClaimRole::Hearsay),
        (&file.speculation, ClaimRole::Speculation),
        (&file.consensus, ClaimRole::Consensus),
        (&file.accusations, ClaimRole::Accusation),
        (&file.evaluations, ClaimRole::Evaluation),
        (&file.statistics, ClaimRole::Statistic),
        (&file.projections, ClaimRole::Projection),
        (&file.votes, ClaimRole::Vote),
        (&file.polls, ClaimRole::Poll),
        (&file.anonymity, ClaimRole::Anonymity),
        (&file.impersonal_sources, ClaimRole::Impersonal),
        (&file.hypothesis_markers, ClaimRole::Hypothesis),
    ];
    let mut phrases = Vec::new();
    let mut roles = Vec::new();
    let mut seen = HashSet::default();
    for (list, role) in lists {
        for phrase in list {
            let folded = fold(phrase);
            if !seen.insert(folded.clone()) {
                return Err(format!(
                    "{dir}/claims.toml: {phrase:?} is in two lists (a phrase has one role)"
                ));
            }
            phrases.push(folded);
            roles.push(role);
        }
    }
    let set = |list: &[String]| -> HashSet<String> { list.iter().map(|s| fold(s)).collect() };
    Ok(ClaimWords {
        phrases: PhraseSet::new(phrases),
        roles,
        contrast_openers: PhraseSet::from_list(&file.contrast_openers),
        quantity_words: set(&file.quantity_words),
        number_words: set(&file.number_words),
        conditional_exceptions: set(&file.conditional_exceptions),
        conditionals: set(&file.conditionals),
        first_person: set(&file.first_person),
        source_determiners: set(&file.source_determiners),
        relatives: set(&file.relatives),
        modals: set(&file.modals),
        first_hand: set(&file.first_hand),
    })
}
