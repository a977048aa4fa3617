//! Subject + speech verb: `Xi Jinping a assuré que …`, `Le ministre a
//! déclaré : « … »`, `Officials said the deal was close`. The subject is
//! read back from the verb to the start of its clause; the verb governs
//! what follows it (a que/that clause, a colon, a quote, an object).
//!
//! Not a cue: a verb that reports no content (`spoke to us`, `a parlé
//! avec`), a verb already read by an earlier construction as an inverted
//! incise (its subject is after it).

use super::super::actors::Registry;
use super::super::Doc;
use super::subject::{bare_coordination, clause_start, main_clause_candidates, subject_candidates};
use super::verbs::{
    auxiliary_before, cue_form_ok, cues_in, framing_cues_in, governing_cue, governs_quote,
};
use super::{Construction, Cue, Found, QuoteAt, Scope};
use crate::lexicon::Lang;
use crate::text::TextRange;

pub(super) struct SubjectVerb;

impl Construction for SubjectVerb {
    fn id(&self) -> &'static str {
        "subject-verb"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, reg: &Registry) -> Vec<Found> {
        let before = TextRange::new(at.window.start(), at.quote().range.start());
        cue_before(doc, before, reg)
            .into_iter()
            .map(|(subject, words)| Found::Cue(Cue { subject, words }))
            .collect()
    }

    fn sentence(&self, doc: &Doc, idx: usize, found: &[(Cue, Scope)]) -> Vec<(Cue, Scope)> {
        let s = doc.sentences[idx].range;
        let mut res = Vec::new();
        for cue in cues_in(doc, s) {
            // A verb already read as an inverted incise has its subject after it.
            if found.iter().any(|(c, _)| c.words.intersects(cue)) {
                continue;
            }
            let subjects = subject_candidates(doc, s.start(), cue.start());
            let scope = Scope::Verb(governs(doc, cue, s.end()));
            for subject in subjects {
                res.push((
                    Cue {
                        subject,
                        words: cue,
                    },
                    scope,
                ));
            }
        }
        res
    }

    fn reports_speech(
        &self,
        doc: &Doc,
        span: TextRange,
        _sentence: usize,
        around: TextRange,
    ) -> bool {
        doc.speech_in(around)
            .iter()
            .filter(|(r, _)| !span.contains_range(*r))
            .any(|(r, id)| cue_form_ok(doc, *r, *id))
            || framing_cues_in(
                doc,
                TextRange::new(around.start(), span.start().max(around.start())),
            )
            .into_iter()
            .any(|c| governs_quote(doc, c, span.start()))
    }
}

/// Where the content a verb reports starts: after que/that, at a colon or
/// quote, or at its object; `None` when it reports none.
fn governs(doc: &Doc, cue: TextRange, end: usize) -> Option<usize> {
    let rest = doc.text[cue.end()..end].trim_start();
    let rest_at = end - rest.len();
    let first = doc.words(TextRange::new(rest_at, end)).iter().next();
    if rest.starts_with([':', '«', '"', '“']) {
        Some(rest_at)
    } else {
        first.filter(|w| w.range.start() == rest_at).and_then(|w| {
            if w.is_in(&doc.lex.complementizers) {
                Some(w.range.end())
            } else if reports_no_content(w.folded) {
                None
            } else {
                // A clause or an object: "said the deal was close",
                // "a annoncé le rachat", "a plaidé pour …".
                Some(w.range.start())
            }
        })
    }
}

/// Words after a speech verb that show it reports no content: "spoke to
/// us", "declined to comment", "a parlé avec". A closed set of
/// prepositions, part of this rule's grammar, so it stays in code.
pub(super) fn reports_no_content(next_word: &str) -> bool {
    NO_CONTENT.contains(&next_word)
}

const NO_CONTENT: &[&str] = &[
    "to", "with", "at", "about", "on", "à", "a", "avec", "aux", "au", "devant", "lors",
];

/// The subject of the last speech verb of `within`: back from the verb
/// to the start of its clause; for a participle without auxiliary
/// (`…, évoquant`, `…, also observing`), the main clause's subject at the
/// start of the sentence; for a verb coordinated with an earlier one
/// (`… et a estimé`, `… and said`), the earlier clause's subject. Returns
/// (subject span, cue span) pairs, most likely first.
pub(super) fn cue_before(
    doc: &Doc,
    within: TextRange,
    reg: &Registry,
) -> Vec<(TextRange, TextRange)> {
    let Some(cue) = governing_cue(doc, within, within.end()) else {
        return Vec::new();
    };
    // Include "que"/"that" after the verb in the cue.
    let after = doc.words(TextRange::new(cue.end(), within.end()));
    let full_cue = match after.first() {
        Some(w) if w.is_in(&doc.lex.complementizers) => cue.cover(w.range),
        _ => cue,
    };
    let subjects = if is_bare_participle(doc, cue) {
        main_clause_candidates(doc, within.start(), cue.start())
    } else if let Some(coord) = bare_coordination(doc, within.start(), cue.start()) {
        // After a quotation ("reported that "…", and called"), the verb
        // shares the sentence's subject.
        match leading_subject(doc, reg, within.start(), coord) {
            Some(subject) => vec![subject],
            None => main_clause_candidates(doc, within.start(), cue.start()),
        }
    } else {
        subject_candidates(doc, within.start(), cue.start())
    };
    subjects
        .into_iter()
        .map(|subject| (subject, full_cue))
        .collect()
}

/// A participle standing alone as a cue: "affirmant", "en affirmant",
/// "saying", not "a affirmé".
fn is_bare_participle(doc: &Doc, cue: TextRange) -> bool {
    let ending = match doc.lex.lang {
        Lang::Fr => "ant",
        Lang::En => "ing",
    };
    auxiliary_before(doc, cue.start()).is_none() && doc.folded_at(cue).ends_with(ending)
}

/// The subject opening the clause `[from, end)`: the words up to its
/// first mention outside quotations, or its first word (a pronoun).
fn leading_subject(doc: &Doc, reg: &Registry, from: usize, end: usize) -> Option<TextRange> {
    let start = clause_start(doc, from, end);
    let clause = crate::text::trim_range(doc.text, TextRange::new(start, end));
    let first = doc.words(clause).first()?;
    let first_word = first.range;
    // A quotation is what someone said, never who says it ("…", and
    // called the demand "unprecedented").
    if doc.in_quote(first_word) {
        return None;
    }
    // A name after a preposition is a complement, not the subject ("The
    // attacker jumped on stage during the Great Orchestra … and claimed").
    let complement = |m: &crate::analysis::Mention| {
        doc.words(TextRange::new(clause.start(), m.range.start()))
            .iter()
            .rev()
            .find(|w| !doc.lexicons.shared.definite_determiners.contains(w.folded))
            .is_some_and(|w| {
                doc.lex.complement_prepositions.contains(w.folded)
                    || doc.lexicons.shared.adverbial_openers.contains(w.folded)
            })
    };
    let Some(m) = reg
        .mentions_in(clause)
        .find(|m| !doc.in_quote(m.range))
        .filter(|m| !complement(m))
    else {
        // "with the limit in place, "…", and called": a clause opening on
        // a preposition has no subject of its own.
        if doc.opens_adverbial(first) || doc.lex.complement_prepositions.contains(first.folded) {
            return None;
        }
        return Some(TextRange::new(clause.start(), first_word.end()));
    };
    // "In a statement, the company called … and insisted": an adverbial
    // set off by a comma before the subject is not part of it.
    let start = doc.text[clause.start()..m.range.start()]
        .rfind(',')
        .map_or(clause.start(), |i| clause.start() + i + 1);
    Some(crate::text::trim_range(
        doc.text,
        TextRange::new(start, m.range.end()),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::check::{check_claim, check_quote};

    #[test]
    fn the_subject_before_a_speech_verb_speaks() {
        check_quote(
            "Xi Jinping $0a assuré que$0 « la Chine est une victime du piratage ».",
            "mixed Xi Jinping « la Chine est une victime du piratage »",
        );
        check_quote(
            "Le ministre Jean Roux $0a déclaré$0 : « Nous sommes prêts. »",
            "direct Jean Roux « Nous sommes prêts. »",
        );
    }

    #[test]
    fn a_coordinated_verb_shares_a_subject_after_an_adverbial() {
        check_quote(
            "Acme Corp will appeal. In a statement, Acme Corp called the fine unfair and $0insisted that$0 no data was lost.",
            "indirect Acme Corp «no data was lost»",
        );
    }

    #[test]
    fn a_verb_coordinated_after_a_quotation_shares_the_sentence_subject() {
        // The quotation before "and" is what was said, not who said it.
        check_quote(
            "Greenpeace said that \"many workers are exhausted\", and $0called$0 the situation \"unbearable\".",
            "mixed Greenpeace «many workers are exhausted»\nmixed Greenpeace «unbearable»",
        );
        check_quote(
            "Marie Dupont a affirmé que « beaucoup sont épuisés », et $0a qualifié$0 la situation d'« intenable ».",
            "mixed Marie Dupont « beaucoup sont épuisés »\nmixed Marie Dupont « intenable »",
        );
    }

    #[test]
    fn a_clause_opening_on_a_preposition_lends_no_subject() {
        check_quote(
            "Limits came from Reuters and Coles. Coles reported that with the limit in place, \"many stores are selling out\", and $0called$0 the demand \"unprecedented\".",
            "mixed Coles «many stores are selling out»\nmixed Coles «unprecedented»",
        );
    }

    #[test]
    fn a_verb_governs_the_markers_after_it() {
        check_claim(
            "Marie Dupont $0a affirmé$0 que le chômage pourrait baisser.",
            "attributed Marie Dupont: Marie Dupont a affirmé que le chômage pourrait baisser.",
        );
        check_claim(
            "Le chômage pourrait baisser et Marie Dupont a parlé avec nous.",
            "unattributed null: Le chômage pourrait baisser et Marie Dupont a parlé avec nous.",
        );
    }

    #[test]
    fn a_framing_verb_names_the_speaker_of_the_quotation_it_governs() {
        check_quote(
            "Marie Dupont $0a qualifié$0 le projet de « folie pure ».",
            "mixed Marie Dupont « folie pure »",
        );
        check_quote(
            "Tom Hardy $0called$0 the decision \"a disaster for the region\".",
            "mixed Tom Hardy «a disaster for the region»",
        );
    }

    #[test]
    fn an_adverb_between_a_pronoun_and_its_verb() {
        check_quote(
            "Tom Hardy spoke on Friday. He also $0said$0, \"We will not wait for anybody.\"",
            "mixed Tom Hardy «We will not wait for anybody.»",
        );
    }

    #[test]
    fn a_name_after_a_preposition_is_no_subject_of_a_coordinated_verb() {
        check_claim(
            "The attacker is reported to have jumped on stage during a concert of Amnesty International and claimed he was innocent.",
            "unattributed null: The attacker is reported to have jumped on stage during a concert of Amnesty International and claimed he was innocent.",
        );
    }
}
