//! Indirect speech without marks: a speech verb with que/qu'/that and a
//! clause (`a estimé que la croissance reviendrait`), and in English a
//! say-type verb with its clause and no "that" (`said the deal was close`).
//! The speaker is found afterwards like any quote's, by the table.
//!
//! Not a reported clause: a verb in an incise after a quote (`, said Mayor
//! Torres, who …`), a clause under 12 bytes, an English bare clause
//! without a subject before the verb.

use super::super::{Doc, Quote, Word};
use super::subject::clause_start;
use super::verbs::{cues_in, pronoun_opens_clause};
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
            .position(|w| w.is_in(&doc.lex.complementizers))
            .unwrap_or(0);
        let Some(comp) = after.get(comp_idx) else {
            continue;
        };
        // ", said Mayor Torres, who …": an incise reports the quote, not a
        // clause after it.
        let before_cue = text[s.start()..cue.start()].trim_end();
        if before_cue.ends_with([',', '»', '"', '”', '—'])
            && comp_idx == 0
            && !comp.is_in(&doc.lex.complementizers)
            && !pronoun_opens_clause(doc, cue.end(), s.end())
        {
            continue;
        }
        let glued = comp_idx > 0 || text[cue.end()..comp.range.start()].trim().is_empty();
        let is_comp = glued && comp.is_in(&doc.lex.complementizers);
        let bare = match doc.lex.lang {
            Lang::En if !is_comp && comp_idx == 0 => english_bare_clause(doc, cue, after),
            _ => None,
        };
        let content_start = match (is_comp, bare) {
            (true, _) => comp.range.end(),
            (false, Some(start)) => start,
            (false, None) => continue,
        };
        let english_bare = bare.is_some();
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

/// Where an English clause reported without "that" starts after the
/// speech verb `cue`, if one does. After a say-type verb
/// (`bare_clause_forms`: "said the deal was close") any clause with a
/// subject is taken. After the other verbs of `bare_clause_checked_verbs`
/// ("announced", "reported"), after an audience ("told reporters the
/// talks failed") or a time ("said on Friday he would go"), the words could
/// as well be the verb's object or a complement ("announced a new plan"),
/// so the clause must also have a finite verb of its own.
fn english_bare_clause(doc: &Doc, cue: TextRange, after: &[Word]) -> Option<usize> {
    let verb = doc.folded_at(TextRange::new(cue.end().saturating_sub(12), cue.end()));
    let say_type = doc
        .lex
        .bare_clause_forms
        .iter()
        .any(|v| verb.ends_with(v.as_str()));
    let last = doc.words(cue).last()?;
    let lemma = doc
        .lex
        .speech_forms
        .get(last.folded)
        .map(|(l, _)| l.as_str());
    let audience = lemma.is_some_and(|l| doc.lex.audience_verbs.iter().any(|v| v == l));
    let checked_verb =
        lemma.is_some_and(|l| doc.lex.bare_clause_checked_verbs.iter().any(|v| v == l));
    if !say_type && !audience && !checked_verb {
        return None;
    }
    let mut at = if audience {
        audience_end(doc, after)
    } else {
        0
    };
    at += time_end(doc, &after[at.min(after.len())..]);
    let first = after.get(at)?;
    let between = &doc.text[cue.end()..first.range.start()];
    let word_char =
        |c: char| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '’' | '-');
    if !between.chars().all(word_char) {
        return None;
    }
    // "Compensation claims could cost …": a clause starts with an
    // auxiliary or a modal only when a relative before the verb is its
    // subject ("which analysts say could …"); else the speech form was a
    // noun.
    let relative_before = doc
        .words(TextRange::new(cue.start().saturating_sub(80), cue.start()))
        .iter()
        .rev()
        .take(4)
        .any(|w| doc.lex.claims.relatives.contains(w.folded));
    let modal_first = first.is_in(&doc.lex.finite_markers);
    if opens_no_clause(first.folded) || (modal_first && !relative_before) {
        return None;
    }
    let checked = at > 0 || !say_type;
    (!checked || has_finite_verb(doc, &after[at..])).then_some(first.range.start())
}

/// Words that start a complement, not the subject of a clause ("said to
/// reporters", "said in a statement", "said so").
fn opens_no_clause(word: &str) -> bool {
    word.is_empty()
        || matches!(
            word,
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
        )
}

/// The end of the audience after a verb like "told": a determiner and one
/// word, or a run of capitalised words ("told the press", "told Reuters",
/// "informed police"). 0 when none.
fn audience_end(doc: &Doc, after: &[Word]) -> usize {
    let determined = after.first().is_some_and(|w| w.is_in(&doc.lex.determiners));
    let at = usize::from(determined);
    let capitalised = |w: &Word| doc.text[w.range.as_range()].starts_with(char::is_uppercase);
    match after.get(at) {
        Some(w) if capitalised(w) => at + after[at..].iter().take_while(|w| capitalised(w)).count(),
        Some(w)
            if !doc.lex.complement_prepositions.contains(w.folded)
                && !w.is_in(&doc.lex.complementizers) =>
        {
            at + 1
        }
        _ => 0,
    }
}

/// The end of a time complement at the start of `words` ("on Friday",
/// "on last Wednesday", "yesterday", "last week"); 0 when none.
fn time_end(doc: &Doc, words: &[Word]) -> usize {
    let shared = &doc.lexicons.shared;
    let is_time = |w: &Word| {
        shared.time_adverbs.contains(w.folded)
            || shared.months.contains(w.folded)
            || shared.time_words.contains(w.folded)
    };
    let mut at = usize::from(words.first().is_some_and(|w| w.folded == "on"));
    if words
        .get(at)
        .is_some_and(|w| matches!(w.folded, "last" | "this" | "next"))
    {
        at += 1;
    }
    let times = words[at.min(words.len())..]
        .iter()
        .take(2)
        .take_while(|w| is_time(w))
        .count();
    if times == 0 {
        0
    } else {
        at + times
    }
}

/// Whether the clause starting `words` has a finite verb before its first
/// comma, within a dozen words: an auxiliary, modal or copula
/// (`finite_markers`), a contracted one ("they'd"), or a past form after
/// its subject ("one million people marched").
fn has_finite_verb(doc: &Doc, words: &[Word]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    words
        .iter()
        .take(12)
        .take_while(|w| !doc.text[first.range.start()..w.range.start()].contains([',', ';', ':']))
        .enumerate()
        .any(|(i, w)| {
            let f = w.folded;
            let marker = |m: &String| m == f || (m.starts_with('\'') && f.ends_with(m.as_str()));
            doc.lex.finite_markers.iter().any(marker) || (i > 0 && f.len() > 4 && f.ends_with("ed"))
        })
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

    #[test]
    fn other_english_verbs_report_a_bare_clause_only_with_a_finite_verb() {
        check_quote(
            "Health Minister Jane Porter $0announced$0 the trial was stopped early.",
            "indirect Jane Porter «the trial was stopped early»",
        );
        check_quote(
            "Health Minister Jane Porter announced a new plan for the hospitals.",
            "",
        );
    }

    #[test]
    fn an_audience_or_a_time_may_come_before_a_bare_clause() {
        check_quote(
            "Mayor Tom Briggs $0told$0 reporters the bridge would reopen in May.",
            "indirect Tom Briggs «the bridge would reopen in May»",
        );
        check_quote(
            "Mayor Tom Briggs $0said$0 on Friday he would resign.",
            "indirect Tom Briggs «he would resign»",
        );
        check_quote("Mayor Tom Briggs told reporters about the new bridge.", "");
    }

    #[test]
    fn a_semicolon_ends_a_reported_clause() {
        check_quote(
            "Mayor Tom Briggs $0said$0 the old bridge was safe; the engineers left.",
            "indirect Tom Briggs «the old bridge was safe»",
        );
    }

    #[test]
    fn a_speech_noun_before_a_modal_reports_nothing() {
        check_quote(
            "Compensation claims could cost the airline millions of pounds.",
            "",
        );
        check_quote(
            "The court issued a ruling which analysts say could reshape the market.",
            "indirect null «could reshape the market»",
        );
    }

    #[test]
    fn a_pronoun_after_the_verb_opens_the_clause_not_an_incise() {
        check_quote(
            "Council member James Park, who voted against the plan, $0said$0 it would strain the budget.",
            "indirect James Park «it would strain the budget»",
        );
    }
}
