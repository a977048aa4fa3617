//! Reading speech verbs: which matched forms are cues (finite, or a
//! participle after an auxiliary), and the auxiliary and adverbs before
//! them. Shared by every construction that starts from a speech verb.
//!
//! Not a construction of its own: [`cues_in`] is what the subject + verb,
//! reported-clause and colon constructions call.

use super::super::Doc;
use crate::lexicon::{FormKind, Lang};
use crate::text::TextRange;

/// A speech form counts as a cue when finite, or a participle after an
/// auxiliary.
pub(super) fn cue_form_ok(doc: &Doc, r: TextRange, id: usize) -> bool {
    match form_kind(doc, r, id) {
        Some(FormKind::Finite) => true,
        Some(FormKind::Participle) => auxiliary_before(doc, r.start()).is_some(),
        None => false,
    }
}

/// "une telle annonce", "the report": a form after a determiner is a noun.
fn after_determiner(doc: &Doc, at: usize) -> bool {
    let before = doc.words(TextRange::new(at.saturating_sub(12), at));
    before
        .last()
        .is_some_and(|w| w.range.end() + 2 >= at && w.is_in(&doc.lex.determiners))
}

/// [`passive`], also across one inserted adverb ("was previously
/// announced", "a été longuement qualifié").
pub(super) fn is_passive(doc: &Doc, at: usize) -> bool {
    if passive(doc, at) {
        return true;
    }
    let before = doc.words(TextRange::new(at.saturating_sub(24), at));
    before.last().is_some_and(|w| {
        w.range.end() + 2 >= at
            && doc
                .match_at(&doc.lex.inserted_adverbs, w.range.start())
                .is_some()
            && passive(doc, w.range.start())
    })
}

/// "was cited", "est annoncé": a participle after a form of "be" is a
/// passive, not someone speaking. The forms of "be"/"être" that build a
/// passive are a closed grammatical set of this rule, kept in code.
fn passive(doc: &Doc, at: usize) -> bool {
    const BE: &[&str] = &[
        "was", "were", "is", "are", "been", "being", "be", "est", "sont", "ete", "etait",
        "etaient", "sera", "seront",
    ];
    let before = doc.words(TextRange::new(at.saturating_sub(12), at));
    before
        .last()
        .is_some_and(|w| BE.contains(&w.folded) && w.range.end() + 2 >= at)
}

/// "declined to comment", "refuse de commenter": an infinitive is no cue.
fn after_infinitive_marker(doc: &Doc, at: usize) -> bool {
    let before = doc.folded_at(TextRange::new(at.saturating_sub(4), at));
    before.ends_with(" to ") || before.ends_with(" de ") || before.ends_with(" d'")
}

/// Whether a matched speech form is finite or a participle, read from the
/// text with its accents ("a proposé" vs "propose"); text typed without
/// accents falls back to the folded form.
pub(super) fn form_kind(doc: &Doc, r: TextRange, id: usize) -> Option<FormKind> {
    let exact = crate::lexicon::exact_key(&doc.text[r.as_range()]);
    doc.lex.speech_exact.get(&exact).copied().or_else(|| {
        doc.lex
            .speech_forms
            .get(doc.lex.speech.phrase(id))
            .map(|(_, k)| *k)
    })
}

/// The auxiliary (and adverbs, or a stressed pronoun set off for
/// contrast) before a participle: "a", "avait également", "a, lui,".
pub(super) fn auxiliary_before(doc: &Doc, at: usize) -> Option<TextRange> {
    // Never across a sentence or paragraph break ("… a\n\nNote …").
    let floor = doc
        .sentences
        .get(doc.sentence_of(at))
        .map_or(0, |s| s.range.start().min(at));
    let mut end = doc.text[..at].trim_end().len();
    for _ in 0..3 {
        if end <= floor {
            return None;
        }
        if let Some((r, _)) = doc.match_ending_at(&doc.lex.auxiliaries, end) {
            return (r.start() >= floor).then_some(r);
        }
        let bare = doc.text[..end].trim_end_matches([' ', ',']).len();
        if let Some((r, _)) = doc.match_ending_at(&doc.lex.stressed_pronouns, bare) {
            end = doc.text[..r.start()].trim_end_matches([' ', ',']).len();
            continue;
        }
        let (r, _) = doc.match_ending_at(&doc.lex.inserted_adverbs, end)?;
        end = doc.text[..r.start()].trim_end().len();
    }
    None
}

/// Speech cues of a range, with their full extent (auxiliary included).
pub(super) fn cues_in(doc: &Doc, within: TextRange) -> Vec<TextRange> {
    cues_of(doc, within, doc.speech_in(within), |r, id| {
        cue_form_ok(doc, r, id)
    })
}

/// Framing cues of a range ("called", "a qualifié"), with their full
/// extent; cues only for a quotation they govern ([`governs_quote`]).
pub(super) fn framing_cues_in(doc: &Doc, within: TextRange) -> Vec<TextRange> {
    cues_of(doc, within, doc.framing_in(within), |r, id| {
        match doc.lex.framing.kind(&doc.text[r.as_range()], id) {
            Some(FormKind::Finite) => true,
            Some(FormKind::Participle) => auxiliary_before(doc, r.start()).is_some(),
            None => false,
        }
    })
}

/// The verb forms of a range that are cues: outside quotations, not an
/// infinitive, a passive or a noun, of a form `ok` accepts.
fn cues_of(
    doc: &Doc,
    within: TextRange,
    forms: &[(TextRange, usize)],
    ok: impl Fn(TextRange, usize) -> bool,
) -> Vec<TextRange> {
    forms
        .iter()
        .copied()
        .filter(|(r, _)| {
            !doc.in_quote(*r)
                && !after_infinitive_marker(doc, r.start())
                && !passive(doc, r.start())
                && !after_determiner(doc, r.start())
        })
        .filter(|(r, id)| ok(*r, *id))
        .map(|(r, _)| match auxiliary_before(doc, r.start()) {
            // The cue stays inside the range searched (a window may start
            // between the auxiliary and the verb).
            Some(aux) if aux.start() >= within.start() => aux.cover(r),
            _ => r,
        })
        .collect()
}

/// Whether the verb of `cue` governs a quotation opening at `quote`: the
/// quotation is its object or attribute, a few words on in the same
/// clause ("called the plan "a disaster"", "a mis l'accent sur les
/// mesures prises pour « … »").
pub(super) fn governs_quote(doc: &Doc, cue: TextRange, quote: usize) -> bool {
    /// An object and its complements: never further than this many words.
    const REACH: usize = 12;
    if quote < cue.end() {
        return false;
    }
    let between = &doc.text[cue.end()..quote];
    !between.contains(['.', ';', ':', '!', '?', '«', '»', '"', '“', '”'])
        && doc.words(TextRange::new(cue.end(), quote)).len() <= REACH
}

/// The cue governing the quotation opening at `quote`, among those of
/// `within` (which ends there): the last speech cue, or a framing cue
/// after it that governs the quotation.
pub(super) fn governing_cue(doc: &Doc, within: TextRange, quote: usize) -> Option<TextRange> {
    let speech = cues_in(doc, within).last().copied();
    let framing = framing_cues_in(doc, within)
        .into_iter()
        .rev()
        .find(|c| governs_quote(doc, *c, quote));
    match (speech, framing) {
        (Some(s), Some(f)) if f.start() > s.start() => Some(f),
        (Some(s), _) => Some(s),
        (None, f) => f,
    }
}

/// "…, said it would strain the budget": in English a pronoun right after
/// a speech verb, with more words after it, opens the reported clause; an
/// inverted incise names its speaker (", said Mayor Torres") and a
/// pronoun there ends the clause (", said he.").
pub(super) fn pronoun_opens_clause(doc: &Doc, verb_end: usize, limit: usize) -> bool {
    if doc.lex.lang != Lang::En {
        return false;
    }
    let words = doc.words(TextRange::new(verb_end, limit));
    let (Some(pronoun), Some(next)) = (words.first(), words.get(1)) else {
        return false;
    };
    doc.lex.pronouns.contains_key(pronoun.folded)
        && doc.text[verb_end..pronoun.range.start()].trim().is_empty()
        && doc.text[pronoun.range.end()..next.range.start()]
            .trim()
            .is_empty()
}

pub(super) fn skip_adverbs(doc: &Doc, mut at: usize, limit: usize) -> usize {
    while let Some((r, _)) = doc.match_at(&doc.lex.inserted_adverbs, at) {
        let next = doc.words(TextRange::new(r.end(), limit));
        match next.first() {
            Some(w) => at = w.range.start(),
            None => break,
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn a_participle_is_a_cue_after_an_auxiliary() {
        check_quote(
            "Jean Roux $0a également estimé que$0 la croissance reviendrait en mai.",
            "indirect Jean Roux «la croissance reviendrait en mai»",
        );
    }

    #[test]
    fn a_stressed_pronoun_between_the_auxiliary_and_the_participle() {
        check_quote(
            "Paul Girard, du syndicat, $0a elle relevé qu'$0il « manque des bras ».",
            "mixed Paul Girard « manque des bras »",
        );
        check_quote(
            "Léa Morin $0a, lui, répondu que$0 « rien n'est joué ».",
            "mixed Léa Morin « rien n'est joué »",
        );
    }

    #[test]
    fn passives_nouns_and_infinitives_are_no_cues() {
        check_quote("Le rapport a été annoncé hier par la mairie de Lyon.", "");
        check_quote("Une telle annonce que personne n'attendait a surpris.", "");
        check_quote(
            "Anna Smith declined to comment that evening on the deal.",
            "",
        );
    }
}
