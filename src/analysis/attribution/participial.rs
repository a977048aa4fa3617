//! Participial and gerund cues: a speech verb in its -ant (French, after
//! `en`) or -ing (English) form reports a clause whose speaker is the
//! subject of the main clause:
//!
//! - leading (with que/that or a quotation: `Saying "…", X added`):
//!   `En affirmant que la dette pourrait exploser, le ministre a
//!   surpris.` / `Saying that prices could rise, Mayor Torres left.`: the
//!   clause runs to the comma, the speaker is the subject after it;
//! - trailing (English): `Mayor Torres left the room, saying (that) the
//!   budget would pass.`: the speaker is the subject before the comma.
//!
//! A trailing French gerund (`…, en affirmant que …`) is already read by
//! the subject + verb construction (a participe présent is a cue on its
//! own); a participle without a clause (`en souriant`) reports nothing.

use super::super::actors::Registry;
use super::super::Doc;
use super::subject::{subject_candidates, subject_span};
use super::{trim_clause, Clause, Construction, Cue, Found, QuoteAt, Scope};
use crate::lexicon::{FormKind, Lang};
use crate::text::TextRange;

pub(super) struct Participial;

impl Construction for Participial {
    fn id(&self) -> &'static str {
        "participial"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        let q = at.quote();
        let s = doc.sentences[q.sentence].range;
        participle(doc, s)
            .filter(|p| p.clause.start() <= q.range.start() && q.range.start() <= p.clause.end())
            .map(|p| {
                p.subjects(doc)
                    .into_iter()
                    .map(|subject| {
                        Found::Cue(Cue {
                            subject,
                            words: p.words,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn sentence(&self, doc: &Doc, idx: usize, _found: &[(Cue, Scope)]) -> Vec<(Cue, Scope)> {
        let s = doc.sentences[idx].range;
        let Some(p) = participle(doc, s) else {
            return Vec::new();
        };
        let scope = Scope::Verb(Some(p.clause.start()));
        p.subjects(doc)
            .into_iter()
            .map(|subject| {
                let cue = Cue {
                    subject,
                    words: p.verb,
                };
                (cue, scope)
            })
            .collect()
    }

    fn unmarked_clause(&self, doc: &Doc, idx: usize, _reg: &Registry) -> Option<Clause> {
        let p = participle(doc, doc.sentences[idx].range)?;
        let content = match p.side {
            Side::Leading { .. } => trim_clause(doc, p.clause),
            Side::Trailing { .. } => super::clause_content(doc, p.clause.start(), p.clause.end()),
        };
        (content.len() >= 12).then_some(Clause {
            content,
            frames_sentence: false,
        })
    }

    /// The clause of a leading participle ends at the comma before the
    /// main clause.
    fn ends_clause(&self, doc: &Doc, comma: usize, _end: usize) -> bool {
        let s = doc.sentences[doc.sentence_of(comma)].range;
        participle(doc, s).is_some_and(|p| p.side == Side::Leading { comma })
    }
}

/// Where the main clause, and so the speaker, is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// After the comma that ends the participle's clause.
    Leading { comma: usize },
    /// Before the comma that precedes the participle.
    Trailing { comma: usize },
}

/// A participle cue of a sentence.
struct Participle {
    /// The speech form ("affirmant", "saying").
    verb: TextRange,
    /// What introduces the clause: "En affirmant que", "saying that".
    words: TextRange,
    /// The reported clause.
    clause: TextRange,
    side: Side,
    sentence: TextRange,
}

impl Participle {
    /// The subjects the speaker may be, most likely first.
    fn subjects(&self, doc: &Doc) -> Vec<TextRange> {
        match self.side {
            Side::Leading { comma } => {
                let subject = subject_span(doc, comma + 1, self.sentence.end());
                if subject.is_empty() {
                    Vec::new()
                } else {
                    vec![subject]
                }
            }
            Side::Trailing { comma } => subject_candidates(doc, self.sentence.start(), comma),
        }
    }
}

/// The participle cue of sentence `s`, if it has one: a speech form in
/// -ant after a sentence-initial "en", or in -ing opening the sentence or
/// right after a comma (English), followed by a clause.
fn participle(doc: &Doc, s: TextRange) -> Option<Participle> {
    let words = doc.words(s);
    let first = words.first()?;
    let lang = doc.lex.lang;
    let is_participle = |r: TextRange, id: usize| {
        let form = doc.folded_at(r);
        let ending = match lang {
            Lang::Fr => "ant",
            Lang::En => "ing",
        };
        form.ends_with(ending) && super::verbs::form_kind(doc, r, id) == Some(FormKind::Finite)
    };
    let leading = match lang {
        Lang::Fr if first.folded == "en" => words.get(1).map(|w| (first.range.start(), w)),
        Lang::En => Some((first.range.start(), first)),
        Lang::Fr => None,
    };
    if let Some((start, w)) = leading {
        if let Some(&(verb, id)) = doc
            .speech_in(w.range)
            .iter()
            .find(|(r, _)| r.start() == w.range.start())
        {
            // A leading participle reports only with que/that or a
            // quotation: "Speaking to reporters, …" reports nothing.
            let quoted = quotation_after(doc, verb, s.end());
            let clause = complementizer_after(doc, verb, s.end())
                .or(quoted.map(|q| (verb.end(), q.start())));
            if let (true, Some((words_end, clause_start))) = (is_participle(verb, id), clause) {
                // The comma after the quotation, not one inside it.
                let from = quoted.map_or(clause_start, |q| q.end());
                let comma = doc.text[from..s.end()].find(',')? + from;
                return Some(Participle {
                    verb,
                    words: TextRange::new(start, words_end),
                    clause: TextRange::new(clause_start, comma),
                    side: Side::Leading { comma },
                    sentence: s,
                });
            }
        }
    }
    if lang != Lang::En {
        return None;
    }
    // ", saying …": the first -ing speech form right after a comma.
    doc.speech_in(s).iter().find_map(|&(verb, id)| {
        let before = doc.text[s.start()..verb.start()].trim_end();
        if !before.ends_with(',') || doc.in_quote(verb) || !is_participle(verb, id) {
            return None;
        }
        let comma = s.start() + before.len() - 1;
        let (words_end, clause_start) = complementizer_after(doc, verb, s.end())
            .or_else(|| bare_clause_after(doc, verb, s.end()))?;
        Some(Participle {
            verb,
            words: TextRange::new(verb.start(), words_end),
            clause: TextRange::new(clause_start, s.end()),
            side: Side::Trailing { comma },
            sentence: s,
        })
    })
}

/// A que/that right after the verb: the end of the cue words and the
/// start of the clause (both after it).
fn complementizer_after(doc: &Doc, verb: TextRange, end: usize) -> Option<(usize, usize)> {
    let next = doc.words(TextRange::new(verb.end(), end)).first()?;
    let glued = doc.text[verb.end()..next.range.start()].trim().is_empty();
    (glued && next.is_in(&doc.lex.complementizers)).then_some((next.range.end(), next.range.end()))
}

/// `Saying "…", X added`: the quotation right after the verb.
fn quotation_after(doc: &Doc, verb: TextRange, end: usize) -> Option<TextRange> {
    let at =
        verb.end() + doc.text[verb.end()..end].len() - doc.text[verb.end()..end].trim_start().len();
    let i = doc.quoted.partition_point(|q| q.start() < at);
    doc.quoted
        .get(i)
        .filter(|q| q.start() == at && q.end() <= end)
        .copied()
}

/// "saying the budget would pass": a say-type verb with its clause and no
/// "that" (not "saying to reporters").
fn bare_clause_after(doc: &Doc, verb: TextRange, end: usize) -> Option<(usize, usize)> {
    let form = doc.folded_at(verb);
    if !doc.lex.bare_clause_forms.iter().any(|f| f == form) {
        return None;
    }
    let next = doc.words(TextRange::new(verb.end(), end)).first()?;
    let glued = doc.text[verb.end()..next.range.start()].trim().is_empty();
    (glued && !super::subject_verb::reports_no_content(next.folded))
        .then_some((verb.end(), next.range.start()))
}

#[cfg(test)]
mod tests {
    use super::super::check::{check_claim, check_quote};

    #[test]
    fn a_leading_gerund_reports_for_the_subject_after_the_comma() {
        check_quote(
            "$0En affirmant que$0 la dette pourrait exploser, le ministre Jean Roux a surpris les députés.",
            "indirect Jean Roux «la dette pourrait exploser»",
        );
        check_claim(
            "Saying that prices could rise, Mayor Ana Torres left the room.",
            "attributed Ana Torres: Saying that prices could rise, Mayor Ana Torres left the room.",
        );
    }

    #[test]
    fn a_trailing_participle_reports_for_the_subject_before_the_comma() {
        check_quote(
            "Mayor Ana Torres left the room, $0saying$0 the budget would pass.",
            "indirect Ana Torres «the budget would pass»",
        );
        check_claim(
            "Mayor Ana Torres left the room, saying she would fight.",
            "attributed Ana Torres: Mayor Ana Torres left the room, saying she would fight.",
        );
    }

    #[test]
    fn a_participle_that_reports_nothing_is_no_cue() {
        check_quote("En souriant, le ministre Jean Roux a quitté la salle.", "");
        check_claim(
            "Prices could rise 10%, and the mayor left, shaking her head.",
            "unattributed null: Prices could rise 10%, and the mayor left, shaking her head.",
        );
    }

    #[test]
    fn a_leading_participle_with_a_quotation_names_the_main_subject() {
        check_quote(
            "$0Saying$0 \"there are many abortions\", President Alberto Fernández left.",
            "mixed Alberto Fernández «there are many abortions»",
        );
    }
}
