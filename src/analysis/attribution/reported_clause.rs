//! Indirect speech without marks: a speech verb with que/qu'/that and a
//! clause (`a estimé que la croissance reviendrait`), and in English a
//! say-type verb with its clause and no "that" (`said the deal was close`).
//! The speaker is found afterwards like any quote's, by the table.
//!
//! Not a reported clause: a verb in an incise after a quote (`, said Mayor
//! Torres, who …`), a clause under 12 bytes, an English bare clause
//! without a subject before the verb.

use super::super::{Doc, Quote};
use super::subject::clause_start;
use super::verbs::cues_in;
use super::{clause_content, indirect_quote};
use crate::lexicon::Lang;
use crate::text::TextRange;

/// Speech verb + que/that + clause (English also without "that").
pub(super) fn reported_clauses(doc: &Doc, idx: usize) -> Vec<Quote> {
    let s = doc.sentences[idx].range;
    let text = doc.text;
    let mut res: Vec<Quote> = Vec::new();
    // Speech verb + que/that + clause.
    for cue in cues_in(doc, s) {
        let after = doc.words(TextRange::new(cue.end(), s.end()));
        // "said in a statement that …": a short complement may come first.
        let comp_idx = after
            .iter()
            .take(7)
            .take_while(|w| {
                !text[cue.end()..w.range.start()].contains([',', '.', ';', ':', '«', '"', '“'])
            })
            .position(|w| doc.lex.complementizers.contains(&w.folded))
            .unwrap_or(0);
        let Some(comp) = after.get(comp_idx) else {
            continue;
        };
        // ", said Mayor Torres, who …": an incise reports the quote, not a
        // clause after it.
        let before_cue = text[s.start()..cue.start()].trim_end();
        if before_cue.ends_with([',', '»', '"', '”', '—'])
            && comp_idx == 0
            && !doc.lex.complementizers.contains(&comp.folded)
        {
            continue;
        }
        let glued = comp_idx > 0 || text[cue.end()..comp.range.start()].trim().is_empty();
        let verb = doc.folded_at(TextRange::new(cue.end().saturating_sub(12), cue.end()));
        let say_type = doc
            .lex
            .bare_clause_forms
            .iter()
            .any(|v| verb.ends_with(v.as_str()));
        let english_bare = doc.lex.lang == Lang::En
            && say_type
            && glued
            && !comp.folded.is_empty()
            && !matches!(
                comp.folded.as_str(),
                "to" | "on"
                    | "in"
                    | "at"
                    | "of"
                    | "by"
                    | "with"
                    | "from"
                    | "for"
                    | "about"
                    | "reporters"
                    | "so"
                    | "as"
                    | "that"
            );
        let is_comp = glued && doc.lex.complementizers.contains(&comp.folded);
        if !is_comp && !english_bare {
            continue;
        }
        let content_start = if is_comp {
            comp.range.end()
        } else {
            comp.range.start()
        };
        let content = clause_content(doc, content_start, s.end());
        if content.is_empty() || content.len() < 12 {
            continue;
        }
        let subject = TextRange::new(clause_start(doc, s.start(), cue.start()), cue.start());
        if english_bare && subject.is_empty() {
            continue;
        }
        if !res.iter().any(|q| q.range.intersects(content)) {
            res.push(indirect_quote(content, idx));
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn a_speech_verb_with_que_reports_a_clause() {
        check_quote(
            "Le ministre Jean Roux a aussi estimé qu'une reprise était possible.",
            "indirect Jean Roux «une reprise était possible»",
        );
    }

    #[test]
    fn an_english_say_verb_reports_a_clause_without_that() {
        check_quote(
            "Officials said the deal was close to being signed.",
            "indirect Officials «the deal was close to being signed»",
        );
        // A short complement may come between the verb and "that".
        check_quote(
            "Officials said to reporters that nothing changed.",
            "indirect Officials «nothing changed»",
        );
    }
}
