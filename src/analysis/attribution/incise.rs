//! The incise: a speech verb with its subject inverted, set off by a
//! comma or a closing mark. After a quote (`», a souligné le journal
//! américain`, `", dit-elle`, `," Smith said`), or after a comma in a
//! sentence without marks (`…, rapporte l'agence Reuters.`), where it
//! attributes the whole sentence.
//!
//! Not an incise: a verb with its own clause (`…, warned that it would`,
//! `…, said it would`), or a participle without auxiliary.

use super::super::actors::Registry;
use super::super::{Doc, Quote, QuoteKind};
use super::resolve;
use super::subject::inverted_subject_span;
use super::verbs::{form_kind, pronoun_opens_clause, skip_adverbs};
use super::{trim_clause, Clause, Construction, Cue, Found, QuoteAt, Scope};
use crate::lexicon::FormKind;
use crate::text::{is_space, TextRange};

pub(super) struct Incise;

/// How far after a comma (in bytes, to the incise's first word) an incise
/// may start. A reported clause ends, and a sentence without marks is
/// attributed, at an incise starting within 3 bytes of its comma (", a
/// dit", ",\u{a0}a dit"); a claim's source may start one byte further
/// (", \u{a0}a dit", ",\u{202f}a dit"). The two tolerances have always
/// differed; making them one would change which sentences count as
/// sourced, so they stay two parameters of one function.
const CLAUSE_REACH: usize = 3;
const SOURCE_REACH: usize = 4;

impl Construction for Incise {
    fn id(&self) -> &'static str {
        "incise"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        let q: &Quote = at.quote();
        incise(doc, q.range.end(), at.window.end())
            .map(|(words, subject)| Found::Cue(Cue { subject, words }))
            .into_iter()
            .collect()
    }

    fn sentence(&self, doc: &Doc, idx: usize, _found: &[(Cue, Scope)]) -> Vec<(Cue, Scope)> {
        let s = doc.sentences[idx].range;
        commas(doc, s)
            .filter_map(|comma| after_comma(doc, comma, s.end(), SOURCE_REACH))
            .filter(|(words, _)| !doc.in_quote(*words))
            .map(|(words, subject)| (Cue { subject, words }, Scope::Sentence))
            .collect()
    }

    /// "Clause, rapporte l'agence X.": the clause before the comma, when
    /// the subject names someone (or is a pronoun).
    fn unmarked_clause(&self, doc: &Doc, idx: usize, reg: &Registry) -> Option<Clause> {
        let s = doc.sentences[idx].range;
        for comma in commas(doc, s) {
            let Some((cue, subject)) = after_comma(doc, comma, s.end(), CLAUSE_REACH) else {
                continue;
            };
            let subject_ok = !subject.is_empty() && reg.mentions_in(subject).next().is_some();
            // An unnamed subject only in the incise that closes the
            // sentence (", officials said.", ", a spokesperson told
            // reporters."): elsewhere the words after the verb are more
            // likely its object ("reported some sellers offering …").
            let closing = || {
                let end = cue.end().max(subject.end());
                doc.words(TextRange::new(end, s.end())).len() <= 3
            };
            let pronoun = doc
                .words(subject)
                .first()
                .is_some_and(|w| doc.lex.pronouns.contains_key(w.folded));
            let speaks = subject_ok || pronoun || (unnamed_source(doc, subject) && closing());
            if !speaks {
                continue;
            }
            let content = trim_clause(doc, TextRange::new(s.start(), comma));
            if content.len() >= 12 && !adverbial_fragment(doc, content) {
                return Some(Clause {
                    content,
                    frames_sentence: false,
                });
            }
        }
        None
    }

    fn ends_clause(&self, doc: &Doc, comma: usize, end: usize) -> bool {
        after_comma(doc, comma, end, CLAUSE_REACH).is_some()
    }
}

/// A subject that names no actor yet but still someone who speaks: an
/// anonymous source ("officials", "une source proche du dossier") or a
/// spokesperson ("a spokesperson for her office"), read as `resolve` reads
/// them.
fn unnamed_source(doc: &Doc, subject: TextRange) -> bool {
    let words = doc.words(subject);
    words
        .first()
        .is_some_and(|first| resolve::vague_opening(doc, first).is_some())
        || resolve::spokesperson_role(doc, words).is_some()
}

/// The incise closing the clause that holds a mixed quote, later in its
/// sentence: `Facebook must remove 'illegal' posts, EU court says`,
/// `The issue is the "main difference", he added`. After the subject +
/// verb construction: a verb governing the quote before it wins.
pub(super) struct ClauseIncise;

impl Construction for ClauseIncise {
    fn id(&self) -> &'static str {
        "clause-incise"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        let q = at.quote();
        if q.kind != QuoteKind::Mixed {
            return Vec::new();
        }
        Found::one(clause_incise(doc, q.range.end(), at.window.end()))
    }
}

/// The first incise after a comma in `[from, end)`, as (subject, cue).
pub(super) fn clause_incise(doc: &Doc, from: usize, end: usize) -> Option<(TextRange, TextRange)> {
    if from >= end {
        return None;
    }
    commas(doc, TextRange::new(from, end))
        .filter(|&c| !doc.in_quote(TextRange::new(c, c + 1)))
        .find_map(|c| after_comma(doc, c, end, CLAUSE_REACH))
        .map(|(words, subject)| (subject, words))
}

/// Offsets of the commas of a range (snapped to whole characters: a
/// quote's window may end inside one).
fn commas<'a>(doc: &'a Doc, r: TextRange) -> impl Iterator<Item = usize> + 'a {
    let r = crate::text::snap(doc.text, r);
    doc.text[r.as_range()]
        .match_indices(',')
        .map(move |(i, _)| r.start() + i)
}

/// The incise right after the comma at `comma`, starting within `reach`
/// bytes of it, as (cue range, subject range).
fn after_comma(
    doc: &Doc,
    comma: usize,
    end: usize,
    reach: usize,
) -> Option<(TextRange, TextRange)> {
    if after_stressed_pronoun(doc, comma) {
        return None;
    }
    incise(doc, comma + 1, end).filter(|(cue, _)| cue.start() <= comma + reach)
}

/// "Les syndicats, eux, promettent une grève": after a stressed pronoun
/// set off by commas the verb is the main one of the subject before, not
/// an incise whose subject follows it.
fn after_stressed_pronoun(doc: &Doc, comma: usize) -> bool {
    let before = doc.text[..comma].trim_end();
    doc.match_ending_at(&doc.lex.stressed_pronouns, before.len())
        .is_some_and(|(r, _)| doc.text[..r.start()].trim_end().ends_with(','))
}

/// "», a souligné le journal américain", "", dit-elle", "," Smith said":
/// the incise after a quote, as (cue range, subject range).
pub(super) fn incise(doc: &Doc, after: usize, limit: usize) -> Option<(TextRange, TextRange)> {
    let rest = doc.text.get(after..limit)?;
    let trimmed = rest
        .trim_start_matches(|c: char| c == ' ' || is_space(c) || c == ',' || c == '—' || c == '–');
    let start = limit - trimmed.len();
    if trimmed.is_empty() {
        return None;
    }
    let words = doc.words(TextRange::new(start, limit));
    let first = words.first()?;
    if first.range.start() != start {
        return None;
    }
    // Verb first: ", a souligné X", ", dit-elle", ", said Smith".
    let aux = doc.match_at(&doc.lex.auxiliaries, start);
    let verb_at = match aux {
        Some((r, _)) => doc
            .words(TextRange::new(r.end(), limit))
            .first()
            .map(|w| w.range.start())?,
        None => start,
    };
    let verb_at = skip_adverbs(doc, verb_at, limit);
    if let Some((vr, id)) = doc.match_at(&doc.lex.speech, verb_at) {
        let ok = aux.is_some() || form_kind(doc, vr, id) == Some(FormKind::Finite);
        // "…, warned that it would": a verb with its clause is no incise.
        let next = doc.words(TextRange::new(vr.end(), limit)).iter().next();
        let takes_clause = next.is_some_and(|w| w.is_in(&doc.lex.complementizers))
            || pronoun_opens_clause(doc, vr.end(), limit);
        if ok && !takes_clause {
            // "a-t-il ajouté": the pronoun is inside the auxiliary.
            let cue = TextRange::new(start, vr.end());
            let subject_from = if let Some((ar, _)) = aux {
                ar.start()
            } else {
                vr.end()
            };
            let subject = if aux.is_some_and(|(ar, _)| doc.text[ar.as_range()].contains('-')) {
                // The clitic closing the auxiliary: "a-t-il" → "il".
                let clitic = doc.words(TextRange::new(subject_from, vr.start())).last();
                clitic.map_or(TextRange::empty(subject_from), |w| w.range)
            } else {
                inverted_subject_span(doc, vr.end(), limit)
            };
            // ", announced a trial … was stopped": an auxiliary or modal in
            // the words after the verb makes them its clause, not its
            // inverted subject.
            let clause = doc
                .words(subject)
                .iter()
                .any(|w| w.is_in(&doc.lex.finite_markers));
            if clause {
                return None;
            }
            return Some((cue, subject));
        }
    }
    // Subject first (English, and French "…, X a-t-il dit"): ", Smith said".
    let subject_end = words.iter().take(12).find_map(|w| {
        let (vr, id) = doc.match_at(&doc.lex.speech, w.range.start())?;
        (form_kind(doc, vr, id) == Some(FormKind::Finite)).then_some((w.range.start(), vr, id))
    })?;
    let (subject_stop, vr, id) = subject_end;
    let between = &doc.text[start..subject_stop];
    if between.contains([',', '.', ';', ':']) || between.trim().is_empty() {
        return None;
    }
    // "X said" must end the clause: ", Smith said." or ", Smith said on
    // Friday", not ", Smith said that …" nor ", the agency announced a
    // trial".
    if !verb_ends_clause(doc, vr, id, limit) {
        return None;
    }
    let subject = TextRange::new(start, doc.text[..subject_stop].trim_end().len());
    Some((TextRange::new(start, vr.end()), subject))
}

/// "On October 6, X spoke …", "In the November 27 deal, X agreed …": a
/// few words opened by a preposition are an adverbial, not a clause X
/// could have said.
fn adverbial_fragment(doc: &Doc, content: TextRange) -> bool {
    let words = doc.words(content);
    words.first().is_some_and(|w| doc.opens_adverbial(w)) && words.len() <= 5
}

/// Whether what follows the verb of a subject-first incise leaves it
/// without an object: the end of the clause, a time adverb, an inserted
/// adverb or a prepositional phrase; after a verb of telling ("told
/// reporters", "told the BBC"), its audience.
fn verb_ends_clause(doc: &Doc, vr: TextRange, id: usize, limit: usize) -> bool {
    let rest = doc.text[vr.end()..limit].trim_start();
    if rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()) {
        return true;
    }
    let Some(next) = doc.words(TextRange::new(vr.end(), limit)).first() else {
        return true;
    };
    let lemma = doc
        .lex
        .speech_forms
        .get(doc.lex.speech.phrase(id))
        .map(|(lemma, _)| lemma.as_str());
    doc.lexicons.shared.time_adverbs.contains(next.folded)
        || doc.lex.complement_prepositions.contains(next.folded)
        || doc
            .match_at(&doc.lex.inserted_adverbs, next.range.start())
            .is_some()
        || lemma.is_some_and(|l| doc.lex.audience_verbs.iter().any(|v| v == l))
}

#[cfg(test)]
mod tests {
    use super::super::check::{check_claim, check_quote};

    #[test]
    fn an_incise_after_a_quote_names_its_speaker() {
        check_quote(
            "« Rien n'est signé », $0a souligné$0 le journal américain The New York Times.",
            "direct The New York Times « Rien n'est signé »",
        );
        check_quote(
            "\"It is over,\" $0Tom Hardy said$0.",
            "direct Tom Hardy «It is over,»",
        );
        check_quote(
            "Paul Girard était là. « Jamais », $0a-t-il ajouté$0.",
            "direct Paul Girard « Jamais »",
        );
    }

    #[test]
    fn an_incise_after_a_comma_attributes_the_sentence() {
        check_claim(
            "Un accord pourrait être signé, $0a indiqué$0 Marie Dupont.",
            "attributed Marie Dupont: Un accord pourrait être signé, a indiqué Marie Dupont.",
        );
        // The clause before the incise is indirect speech, and the incise
        // names its speaker.
        check_quote(
            "Les discussions ont beaucoup progressé, $0rapporte$0 l'agence Reuters.",
            "indirect Reuters «Les discussions ont beaucoup progressé»",
        );
    }

    #[test]
    fn a_verb_after_a_stressed_pronoun_is_no_incise() {
        check_claim(
            "Les syndicats, eux, promettent une nouvelle grève jeudi.",
            "",
        );
        check_claim(
            "La grève continue, $0a indiqué$0 Marie Dupont.",
            "attributed Marie Dupont: La grève continue, a indiqué Marie Dupont.",
        );
    }

    #[test]
    fn an_unnamed_source_closing_the_sentence_reports_its_clause() {
        check_quote(
            "The bridge will reopen in March, $0a spokesperson for the city told$0 reporters.",
            "indirect a spokesperson for the city «The bridge will reopen in March»",
        );
        check_quote(
            "Le pont rouvrira en mars, $0a indiqué$0 une source proche du dossier.",
            "indirect une source proche du dossier «Le pont rouvrira en mars»",
        );
        // Not closing the sentence: the words after the verb are its object.
        check_quote(
            "Domain.net, a property site, reported some sellers offering free bread to the first bidder at auctions in Perth.",
            "",
        );
    }

    #[test]
    fn an_incise_later_in_the_sentence_names_the_speaker_of_a_mixed_quote() {
        check_quote(
            "Tom Hardy was there. The issue is the \"main difference\", $0he added$0.",
            "mixed Tom Hardy «main difference»",
        );
    }

    #[test]
    fn a_medium_before_the_inverted_subject_is_skipped() {
        check_quote(
            "« Les résultats sont alarmants » $0a expliqué$0 à l'AFP Marie Dupont, chercheuse.",
            "direct Marie Dupont « Les résultats sont alarmants »",
        );
    }

    #[test]
    fn an_adverbial_before_a_comma_is_no_reported_clause() {
        check_quote("On October 6, President Tom Briggs spoke on the phone.", "");
    }

    #[test]
    fn a_clause_after_the_verb_is_no_inverted_subject() {
        check_claim(
            "On Monday, Director Anthony Fauci $0announced$0 a trial of four drugs was stopped early.",
            "attributed Anthony Fauci: On Monday, Director Anthony Fauci announced a trial of four drugs was stopped early.",
        );
    }
}
