//! Findings: what newsls reports about an article. Each kind has a stable
//! code (README.md, "Diagnostic codes") used in `newsls.toml`, diagnostics and CLI output.
//!
//! - `unattributed-claim`: a sentence carrying a claim marker (hearsay
//!   conditional, statistic, accusation, evaluation presented as fact,
//!   "reportedly") with no source in it or in the reported speech it
//!   continues. Example: « Un accord pourrait voir le jour avec les
//!   Etats-Unis. » Deliberately not flagged: plain facts of the reporter's
//!   own reporting (dates, who met whom), questions, first-person and
//!   hypothetical (si/if) conditionals.
//! - `vague-source`: a claim whose only source is anonymous or indefinite
//!   (« un membre de l'administration », "some officials say").
//! - `unattributed-quote`: a direct or mixed quotation whose speaker cannot
//!   be found. newsls never guesses a speaker.
//! - `unbalanced-quote`: a quotation mark never closed, a closing mark with
//!   nothing open, or a wrong-direction mark used to close (with its fix).
//! - `ann-mismatch`, `config-error`: problems in a `.ann` or `newsls.toml`
//!   file; produced by the input layer.
//!
//! The kinds, their codes, default severities and descriptions are declared
//! once, in `input/finding_kinds.rs` (settings name them, and `input` comes
//! before `analysis`).

use super::{Actor, Claim, ClaimStatus, Doc, Quote, QuoteKind};
pub use crate::input::finding_kinds::FindingKind;
use crate::text::{excerpt, TextRange};

impl FindingKind {
    /// The Markdown table of codes in README.md, generated from the table.
    pub fn code_table() -> String {
        let mut out = String::from("| code | default severity | reports |\n| --- | --- | --- |\n");
        for kind in FindingKind::ALL {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                kind.code(),
                kind.default_severity().as_str(),
                kind.describe()
            ));
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub range: TextRange,
    /// For a wrong-direction quotation mark, the mark that fixes it.
    pub replacement: Option<String>,
    pub message: String,
    /// Places that help: a candidate source, the quote a claim continues.
    pub related: Vec<(TextRange, String)>,
}

impl Finding {
    pub fn new(kind: FindingKind, range: TextRange, message: String) -> Finding {
        Finding {
            kind,
            range,
            replacement: None,
            message,
            related: Vec::new(),
        }
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// Whether the quotation gives the words of a written medium the sentence
/// names just before it: "a banner from People's Vote saying \"…\"", "un
/// message disant « … »", "The event description read, \"…\"", "une
/// pancarte sur laquelle on pouvait lire « … »". Its source is that
/// medium, named: a reader sees where the words are from, even when no
/// person is their speaker.
fn from_written_medium(doc: &Doc, q: &Quote) -> bool {
    let sentence = doc.sentences[q.sentence].range;
    if q.range.start() < sentence.start() {
        return false;
    }
    let before = doc.words(TextRange::new(sentence.start(), q.range.start()));
    let Some((verb, medium_words)) = before.split_last() else {
        return false;
    };
    // Only a comma or a colon between the verb and the quotation.
    let between = &doc.text[verb.range.end()..q.range.start()];
    if !between
        .chars()
        .all(|c| c.is_whitespace() || c == ',' || c == ':')
    {
        return false;
    }
    if !verb.is_in(&doc.lex.display_verbs) {
        return false;
    }
    // The medium at most five words before the verb ("a banner from
    // People's Vote saying", "une pancarte sur laquelle on pouvait lire"),
    // in the same clause and with no other subject between them ("after
    // the letter arrived, he said" is his words).
    let Some(medium) = medium_words
        .iter()
        .rev()
        .take(5)
        .position(|w| w.is_in(&doc.lex.written_media))
    else {
        return false;
    };
    let medium = &medium_words[medium_words.len() - 1 - medium];
    let words_between = doc.words(TextRange::new(medium.range.end(), verb.range.start()));
    let text_between = &doc.text[medium.range.end()..verb.range.start()];
    !text_between.contains([',', ';', ':', '.', '(', ')', '—', '–'])
        && !words_between
            .iter()
            .any(|w| doc.lex.pronouns.contains_key(w.folded))
}

pub(super) fn from_analysis(
    doc: &Doc,
    quotes: &[Quote],
    claims: &[Claim],
    actors: &[Actor],
) -> Vec<Finding> {
    let mut res = Vec::new();
    for q in quotes {
        if q.speaker.is_some() || q.kind == QuoteKind::Indirect || from_written_medium(doc, q) {
            continue;
        }
        let words = excerpt(&doc.text[q.content.as_range()], 40);
        res.push(Finding::new(
            FindingKind::UnattributedQuote,
            q.range,
            format!("quotation « {words} » has no identifiable speaker"),
        ));
    }
    for c in claims {
        let sentence = doc.sentences[c.sentence].range;
        match c.status {
            ClaimStatus::Attributed => {}
            ClaimStatus::VagueSource => {
                let who = match (c.source, c.cue) {
                    (Some(a), _) => actors[a].name.clone(),
                    (None, Some(r)) => doc.text[r.as_range()].to_string(),
                    (None, None) => "an anonymous source".to_string(),
                };
                let mut f = Finding::new(
                    FindingKind::VagueSource,
                    sentence,
                    format!("claim attributed only to a vague or anonymous source: « {who} »"),
                );
                if let Some(cue) = c.cue {
                    f.related.push((cue, "the vague source".to_string()));
                }
                res.push(f);
            }
            ClaimStatus::Unattributed => {
                let mut kinds: Vec<&str> = c.markers.iter().map(|(_, k)| k.describe()).collect();
                kinds.dedup();
                let first = c
                    .markers
                    .first()
                    .map(|(r, _)| doc.text[r.as_range()].to_string());
                let message = match first {
                    Some(marker) => format!(
                        "unattributed claim ({}: « {marker} »): who says so?",
                        kinds.join(", ")
                    ),
                    None => "unattributed claim: who says so?".to_string(),
                };
                let mut f = Finding::new(FindingKind::UnattributedClaim, sentence, message);
                // Point at the nearest earlier source in the paragraph, a
                // likely candidate for the writer to name.
                if let Some(cand) = candidate_source(doc, c, claims, actors) {
                    f.related.push(cand);
                }
                res.push(f);
            }
        }
    }
    res
}

fn candidate_source(
    doc: &Doc,
    claim: &Claim,
    claims: &[Claim],
    actors: &[Actor],
) -> Option<(TextRange, String)> {
    let para = doc.sentences[claim.sentence].paragraph;
    // Claims are sorted by sentence: walk back from this one, within a
    // paragraph of it.
    let before = claims.partition_point(|c| c.sentence < claim.sentence);
    claims[..before]
        .iter()
        .rev()
        .take_while(|c| doc.sentences[c.sentence].paragraph + 1 >= para)
        .find(|c| c.status == ClaimStatus::Attributed)
        .and_then(|c| {
            let actor = &actors[c.source?];
            Some((
                doc.sentences[c.sentence].range,
                format!("nearby claim attributed to {}", actor.name),
            ))
        })
}
