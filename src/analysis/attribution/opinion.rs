//! The opinion opener: `Pour Vikram Singh, …`, `Pour le ministre, …`,
//! `For Ms Lee, …` at the start of a sentence, followed by a name (or a
//! determiner and a title) and a comma. It attributes the whole sentence.
//!
//! Not an opener: `pour` + a lower-case noun (`Pour la plupart, …`).

use super::super::actors::Registry;
use super::super::Doc;
use super::subject::subject_span;
use super::{Construction, Cue, Found, QuoteAt, Scope};
use crate::text::TextRange;

pub(super) struct OpinionOpener;

impl Construction for OpinionOpener {
    fn id(&self) -> &'static str {
        "opinion-opener"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        Found::one(opinion_opener(doc, at.quote().sentence))
    }

    fn sentence(&self, doc: &Doc, idx: usize, _found: &[(Cue, Scope)]) -> Vec<(Cue, Scope)> {
        Cue::sentence_wide(opinion_opener(doc, idx))
    }

    fn reports_speech(
        &self,
        doc: &Doc,
        _span: TextRange,
        sentence: usize,
        _around: TextRange,
    ) -> bool {
        opinion_opener(doc, sentence).is_some()
    }
}

/// "Pour Vikram Singh, …", "Mais pour Obama, …": an opinion opener at the
/// start of a sentence (after a coordinator) followed by an actor and a
/// comma.
fn opinion_opener(doc: &Doc, sentence: usize) -> Option<(TextRange, TextRange)> {
    let s = doc.sentences[sentence].range;
    let start = doc
        .words(s)
        .first()
        .filter(|w| w.range.start() == s.start())
        .filter(|w| doc.lexicons.shared.coordinators.contains(w.folded))
        .and_then(|w| doc.words(TextRange::new(w.range.end(), s.end())).first())
        .map_or(s.start(), |w| w.range.start());
    let (r, _) = doc.match_at(&doc.lex.opinion_openers, start)?;
    let subject = subject_span(doc, r.end(), s.end());
    if subject.is_empty() || !doc.text[subject.end()..].trim_start().starts_with(',') {
        return None;
    }
    // The subject must begin with a capital (a name) or a determiner + title.
    let first = doc.text[subject.as_range()].chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    Some((subject, r.cover(subject)))
}

#[cfg(test)]
mod tests {
    use super::super::check::{check_claim, check_quote};

    #[test]
    fn pour_x_attributes_the_sentence() {
        check_claim(
            "$0Pour Vikram Singh$0, la Chine pourrait céder.",
            "attributed Vikram Singh: Pour Vikram Singh, la Chine pourrait céder.",
        );
    }

    #[test]
    fn pour_and_a_lower_case_noun_is_no_opener() {
        check_claim(
            "Pour la plupart, la Chine pourrait céder.",
            "unattributed null: Pour la plupart, la Chine pourrait céder.",
        );
    }

    #[test]
    fn a_coordinator_may_come_before_the_opener() {
        check_claim(
            "Mais $0pour Vikram Singh$0, la Chine pourrait céder.",
            "attributed Vikram Singh: Mais pour Vikram Singh, la Chine pourrait céder.",
        );
    }

    #[test]
    fn an_initial_does_not_end_the_subject() {
        check_quote(
            "Le maire Bernard Lamy était à Lyon. $0Pour B. Lamy$0, les élus « ne céderont pas ».",
            "mixed Bernard Lamy « ne céderont pas »",
        );
    }
}
