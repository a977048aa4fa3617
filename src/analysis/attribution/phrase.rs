//! Attribution phrases: `selon X`, `d'après X`, `according to X`,
//! `citing X` (the lexicon's `attribution_phrases`), anywhere in the
//! sentence and outside quotations. The phrase attributes the whole
//! sentence; in a sentence without marks, the clause it frames is indirect
//! speech (`Selon X, clause.` / `Clause, selon X.`).

use super::super::actors::Registry;
use super::super::Doc;
use super::subject::subject_span;
use super::{clause_content, Clause, Construction, Cue, Found, QuoteAt, Scope};
use crate::text::TextRange;

pub(super) struct AttributionPhrase;

impl Construction for AttributionPhrase {
    fn id(&self) -> &'static str {
        "attribution-phrase"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        Found::one(attribution_phrase_in(doc, at.window))
    }

    fn sentence(&self, doc: &Doc, idx: usize, _found: &[(Cue, Scope)]) -> Vec<(Cue, Scope)> {
        Cue::sentence_wide(attribution_phrase(doc, idx))
    }

    fn reports_speech(
        &self,
        doc: &Doc,
        _span: TextRange,
        _sentence: usize,
        around: TextRange,
    ) -> bool {
        !doc.find(&doc.lex.attribution_phrases, around).is_empty()
    }

    /// "Selon X, clause." / "Clause, selon X.": the phrase frames the
    /// whole sentence.
    fn unmarked_clause(&self, doc: &Doc, idx: usize, _reg: &Registry) -> Option<Clause> {
        let s = doc.sentences[idx].range;
        let (_, cue) = attribution_phrase(doc, idx)?;
        let rest = doc.text[cue.end()..s.end()].trim_start_matches([',', ' ']);
        let after = TextRange::new(s.end() - rest.len(), s.end());
        // "Friday was when, according to X, millions …": a phrase set off
        // by commas mid-sentence frames what follows it, unless a relative
        // clause follows ("…, selon X, qui explique que …").
        let parenthetical = doc.text[s.start()..cue.start()].trim_end().ends_with(',')
            && doc.text[cue.end()..s.end()].starts_with(',')
            && after.len() >= 12
            && !doc.words(after).first().is_some_and(|w| {
                doc.lex.claims.relatives.contains(w.folded) || w.is_in(&doc.lex.complementizers)
            });
        let content = if cue.start() <= s.start() + 1 || parenthetical {
            after
        } else {
            TextRange::new(s.start(), cue.start())
        };
        let content = clause_content(doc, content.start(), content.end());
        (content.len() >= 12).then_some(Clause {
            content,
            frames_sentence: true,
        })
    }

    fn ends_clause(&self, doc: &Doc, comma: usize, end: usize) -> bool {
        let rest = doc.text[comma + 1..end].trim_start();
        let rest_at = end - rest.len();
        doc.match_at(&doc.lex.attribution_phrases, rest_at)
            .is_some()
    }
}

fn attribution_phrase(doc: &Doc, sentence: usize) -> Option<(TextRange, TextRange)> {
    attribution_phrase_in(doc, doc.sentences[sentence].range)
}

fn attribution_phrase_in(doc: &Doc, s: TextRange) -> Option<(TextRange, TextRange)> {
    doc.find(&doc.lex.attribution_phrases, s)
        .into_iter()
        .filter(|(r, _)| !doc.in_quote(*r))
        .find_map(|(r, _)| {
            let subject = subject_span(doc, r.end(), s.end());
            let subject = apposed_name(doc, subject, s.end()).unwrap_or(subject);
            names_a_source(doc, r, subject).then(|| (subject, r.cover(subject)))
        })
}

/// A one-word phrase (`per`, `citing`, `selon`) attributes only when a
/// source follows it: a name, a determined noun phrase, a pronoun, a
/// figure or a vague source. A bare common noun after it is a rate or a
/// reason ("two packs per transaction", "citing rising costs"). Longer
/// phrases (`according to`, `d'après`) always announce a source.
fn names_a_source(doc: &Doc, phrase: TextRange, subject: TextRange) -> bool {
    if doc.text[phrase.as_range()].contains(char::is_whitespace) {
        return true;
    }
    let Some(first) = doc.words(subject).first() else {
        return false;
    };
    let lex = doc.lex;
    let word = first.folded;
    doc.text[first.range.as_range()].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || lex.determiners.iter().any(|d| d == word)
        || lex.pronouns.contains_key(word)
        || doc.lexicons.shared.indefinites.contains(word)
        || doc
            .match_at(&lex.stressed_pronouns, first.range.start())
            .is_some()
        || doc
            .match_at(&lex.vague_sources, first.range.start())
            .is_some()
}

/// "selon la fédération des banques, Febelfin, …": the name set off by
/// commas after a description names the source.
fn apposed_name(doc: &Doc, subject: TextRange, end: usize) -> Option<TextRange> {
    let lower = |r: TextRange| doc.text[r.as_range()].starts_with(char::is_lowercase);
    let rest = doc.text[subject.end()..end].strip_prefix(',')?;
    let at = end - rest.trim_start().len();
    let name = subject_span(doc, at, end);
    let closed = doc.text[name.end()..end].trim_start().starts_with(',');
    (!subject.is_empty() && lower(subject) && !name.is_empty() && !lower(name) && closed)
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::super::check::{check_claim, check_quote};

    #[test]
    fn a_passive_reported_by_frames_no_clause() {
        check_quote(
            "The breach, first reported by the Daily Post in March, affected users in 27 countries.",
            "",
        );
        check_quote(
            "The talks have stalled, $0as reported by the Daily Post$0.",
            "indirect Daily Post «The talks have stalled»",
        );
    }

    #[test]
    fn selon_and_according_to_attribute_the_sentence() {
        check_quote(
            "Selon The New York Times, un accord est proche.",
            "indirect The New York Times «un accord est proche»",
        );
        check_claim(
            "Steel imports fell by 20%, $0according to Reuters$0.",
            "attributed Reuters: Steel imports fell by 20%, according to Reuters.",
        );
    }

    #[test]
    fn a_phrase_names_the_speaker_of_a_quote() {
        check_quote(
            "$0D'après l'agence Reuters$0, les deux camps sont « très proches » d'un accord.",
            "mixed Reuters « très proches »",
        );
    }

    #[test]
    fn a_name_in_apposition_names_the_source() {
        check_quote(
            "$0Selon le premier syndicat du pays, Force Ouvrière$0, le montant est « de 700 000 euros ».",
            "mixed Force Ouvrière « de 700 000 euros »",
        );
    }

    #[test]
    fn a_one_word_phrase_needs_a_source_after_it() {
        check_quote(
            "The plan failed badly last year, $0per Reuters$0.",
            "indirect Reuters «The plan failed badly last year»",
        );
        check_quote(
            "Stores limited sales to two packs per transaction since Monday.",
            "",
        );
    }

    #[test]
    fn a_phrase_between_commas_frames_what_follows() {
        check_quote(
            "Friday was when, $0according to Reuters$0, thousands of people gathered at the gate.",
            "indirect Reuters «thousands of people gathered at the gate»",
        );
    }

    #[test]
    fn a_clause_after_the_comma_is_no_apposition_of_the_source() {
        check_quote(
            "Selon nos informations, Matignon envisagerait un report du texte.",
            "indirect nos informations «Matignon envisagerait un report du texte»",
        );
    }
}
