//! The opinion opener with a role: `Pour le procureur fédéral, …`, `Pour
//! le gouvernement, …`, `For the prosecutor, …` at the start of a
//! sentence: the opener, a determiner, a title or a description noun of
//! the lexicon, and a comma. It attributes the whole sentence, like
//! [`super::opinion`] does for a name (`Pour Vikram Singh, …`).
//!
//! Not an opener: `pour` + a determiner and any other noun (`Pour la
//! plupart, …`, `Pour le moment, …`, `For the first time, …`).

use super::super::actors::Registry;
use super::super::Doc;
use super::subject::subject_span;
use super::{Construction, Cue, Found, QuoteAt, Scope};
use crate::text::TextRange;

pub(super) struct OpinionRole;

impl Construction for OpinionRole {
    fn id(&self) -> &'static str {
        "opinion-role"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        Found::one(opinion_role(doc, at.quote().sentence))
    }

    fn sentence(&self, doc: &Doc, idx: usize, _found: &[(Cue, Scope)]) -> Vec<(Cue, Scope)> {
        Cue::sentence_wide(opinion_role(doc, idx))
    }

    fn reports_speech(
        &self,
        doc: &Doc,
        _span: TextRange,
        sentence: usize,
        _around: TextRange,
    ) -> bool {
        opinion_role(doc, sentence).is_some()
    }
}

/// (subject, cue) of "Pour le procureur, …".
fn opinion_role(doc: &Doc, sentence: usize) -> Option<(TextRange, TextRange)> {
    let s = doc.sentences[sentence].range;
    let (r, _) = doc.match_at(&doc.lex.opinion_openers, s.start())?;
    let subject = subject_span(doc, r.end(), s.end());
    if subject.is_empty() || !doc.text[subject.end()..].trim_start().starts_with(',') {
        return None;
    }
    let words = doc.words(subject);
    let (determiner, noun) = (words.first()?, words.get(1)?);
    if !doc
        .lexicons
        .shared
        .definite_determiners
        .contains(determiner.folded)
    {
        return None;
    }
    let role = doc
        .match_at(&doc.lex.title_set, noun.range.start())
        .is_some()
        || doc.lex.descriptions.contains_key(noun.folded)
        || noun.is_in(&doc.lex.institutions);
    role.then(|| (subject, r.cover(subject)))
}

#[cfg(test)]
mod tests {
    use super::super::check::check_claim;

    #[test]
    fn pour_and_a_role_attributes_the_sentence() {
        check_claim(
            "$0Pour le procureur régional$0, les fonds auraient été détournés.",
            "attributed null: Pour le procureur régional, les fonds auraient été détournés.",
        );
        check_claim(
            "La Norvège négocie.\n\n$0Pour le gouvernement$0, un accord pourrait être signé.",
            "attributed Norvège: Pour le gouvernement, un accord pourrait être signé.",
        );
    }

    #[test]
    fn pour_and_another_noun_is_no_opener() {
        check_claim(
            "Pour le moment, la grève pourrait durer.",
            "unattributed null: Pour le moment, la grève pourrait durer.",
        );
    }
}
