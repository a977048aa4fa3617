//! Marked passages: which are speech and of which kind.
//!
//! A passage in marks is *direct* when it is the whole utterance (it opens
//! its sentence, follows a colon, or follows que/that and runs to the end
//! of the sentence) and *mixed* when the writer's sentence continues around
//! it. Short marked passages in a sentence where no construction reports
//! speech, and passages after a naming word (surnommé, intitulé, le livre,
//! dubbed…), are names, titles or terms, not quotes.

use super::super::quotes::QuoteSpan;
use super::super::{Doc, QuoteKind, Word};
use super::incise::{clause_incise, incise};
use super::verbs::governing_cue;
use super::CONSTRUCTIONS;
use crate::text::{is_space, TextRange};

pub(super) fn words_before<'a>(doc: &'a Doc, at: usize, sentence: usize) -> &'a [Word<'a>] {
    let s = doc.sentences[sentence].range;
    doc.words(TextRange::new(s.start().min(at), at))
}

pub(super) fn is_name_or_term(doc: &Doc, span: &QuoteSpan, sentence: usize) -> bool {
    let before = words_before(doc, span.range.start(), sentence);
    let near: Vec<&Word> = before.iter().rev().take(2).collect();
    let content = &doc.text[span.content.as_range()];
    // A naming word ("surnommé", "dubbed") always names; a naming
    // noun ("son livre", "ce programme") only before a title-like passage
    // (a capital or an article), not before speech ("ce programme
    // « coûterait 40 millions »").
    let first_word = doc.words(span.content).iter().next();
    let title_like = content
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        || first_word
            .as_ref()
            .is_some_and(|w| doc.lexicons.shared.term_determiners.contains(w.folded));
    let titled = title_like
        && (near.iter().any(|w| doc.lex.title_nouns.contains(w.folded))
            || heads_title_noun(doc, span.range.end()));
    if names_what_follows(doc, before) || titled {
        return true;
    }
    let n_words = content.split_whitespace().count();
    let has_terminal = content.trim_end().ends_with(['.', '!', '?', '…']);
    let after_determiner = near.first().is_some_and(|w| {
        doc.lexicons.shared.term_determiners.contains(w.folded)
            && w.range.end() + 3 >= span.range.start()
    });
    // "a "Storm Area 51 Basecamp Experience"": a longer passage in title
    // case after a determiner is a name too, unless a verb governs it.
    if after_determiner && !has_terminal && title_case(content) {
        return !governed(doc, span.range, sentence);
    }
    if n_words > 4 || has_terminal {
        return false;
    }
    // A verb governing the passage, or an incise or attribution phrase
    // framing its clause, makes it speech, even after a determiner ("a
    // promis un « nouveau départ »", "called it "a non-starter""), unless
    // it reads as a title.
    let governed = governed(doc, span.range, sentence);
    // "du « dialogue stratégique »", "the "special relationship"": a short
    // passage after a determiner is a name or a term.
    if after_determiner {
        return !governed || title_like;
    }
    if governed {
        return false;
    }
    // A short passage is speech only in a sentence that reports speech.
    let s = doc.sentences[sentence].range;
    let around = doc.window(s, span.range);
    let has_cue = CONSTRUCTIONS
        .iter()
        .any(|c| c.reports_speech(doc, span.range, sentence, around))
        || starts_sentence(doc, span.range, sentence) && n_words >= 2;
    !has_cue
}

/// Whether every word of a passage of several words starts with a
/// capital or a digit ("Storm Area 51 Basecamp Experience").
fn title_case(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Whether a lower-case title noun follows the passage right after its
/// closing mark, the passage naming it ("the "Stop the War" poster", "a
/// "Vote Now" sign").
fn heads_title_noun(doc: &Doc, end: usize) -> bool {
    let rest = &doc.text[end..];
    let next = rest.trim_start_matches(|c: char| c == ' ' || is_space(c));
    let gap = rest.len() - next.len();
    let start = end + gap;
    (1..=2).contains(&gap)
        && doc
            .words(TextRange::new(start, (start + 40).min(doc.text.len())))
            .first()
            .is_some_and(|w| {
                w.range.start() == start
                    && doc.text[w.range.as_range()]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                    && doc.lex.title_nouns.contains(w.folded)
            })
}

/// Whether the words before a passage end with a naming word ("surnommé
/// « … »", "a group called "…"", "known as the "…""), used as one: not
/// after a subject pronoun ("what he called "…"") nor inside a longer
/// speech form ("se dit « … »").
fn names_what_follows(doc: &Doc, before: &[Word]) -> bool {
    let mut rev = before.iter().rev();
    let Some(last) = rev.next() else {
        return false;
    };
    let word = match doc.lexicons.shared.term_determiners.contains(last.folded) {
        true => rev.next(),
        false => Some(last),
    };
    let Some(word) = word else {
        return false;
    };
    let Some((naming, _)) = doc.match_ending_at(&doc.lex.naming_words, word.range.end()) else {
        return false;
    };
    let prev = before
        .iter()
        .rev()
        .find(|w| w.range.end() <= naming.start());
    let after_subject = prev.is_some_and(|p| {
        doc.lex.pronouns.contains_key(p.folded) || doc.lex.claims.first_person.contains(p.folded)
    });
    let in_speech_form = doc
        .speech_in(TextRange::new(
            prev.map_or(naming.start(), |p| p.range.start()),
            naming.end(),
        ))
        .iter()
        .any(|(r, _)| r.start() < naming.start() && r.end() >= naming.end());
    !after_subject && !in_speech_form
}

/// Whether a passage at `span` is governed as speech: a speech verb
/// before it in its clause, a framing verb whose object or attribute it
/// is, or an incise or attribution phrase framing its clause.
fn governed(doc: &Doc, span: TextRange, sentence: usize) -> bool {
    let s = doc.sentences[sentence].range;
    let window = doc.window(s, span);
    let before = TextRange::new(window.start(), span.start().max(window.start()));
    let clause_open =
        |cue: TextRange| !doc.text[cue.end()..span.start()].contains(['.', ';', '!', '?']);
    let verb = governing_cue(doc, before, span.start()).is_some_and(clause_open);
    verb || clause_incise(doc, span.end(), window.end()).is_some()
        || doc
            .find(&doc.lex.attribution_phrases, window)
            .iter()
            .any(|(r, _)| !doc.in_quote(*r))
}

pub(super) fn starts_sentence(doc: &Doc, range: TextRange, sentence: usize) -> bool {
    let s = doc.sentences[sentence].range;
    doc.text[s.start()..range.start()]
        .chars()
        .all(|c| c.is_whitespace() || is_space(c) || matches!(c, '-' | '–' | '—' | '«' | '"' | '“'))
}

pub(super) fn marked_kind(doc: &Doc, span: &QuoteSpan, sentence: usize) -> QuoteKind {
    if starts_sentence(doc, span.range, sentence) {
        return QuoteKind::Direct;
    }
    let before = doc.text[doc.sentences[sentence].range.start()..span.range.start()]
        .trim_end_matches(|c: char| c == ' ' || is_space(c));
    if before.ends_with(':') {
        return QuoteKind::Direct;
    }
    let before_words = words_before(doc, span.range.start(), sentence);
    let after_complementizer = before_words.last().is_some_and(|w| {
        w.is_in(&doc.lex.complementizers) && w.range.end() + 2 >= span.range.start()
    });
    // After que/that, a quotation is the whole utterance only when it reads
    // as one: it starts with a capital or holds a sentence of its own.
    let content = doc.text[span.content.as_range()].trim();
    let inner_end = content.trim_end_matches(['.', '!', '?', '…', ' ']);
    let utterance = content.chars().next().is_some_and(char::is_uppercase)
        || inner_end.contains(['.', '!', '?']);
    if after_complementizer && utterance && runs_to_sentence_end(doc, span, sentence) {
        return QuoteKind::Direct;
    }
    QuoteKind::Mixed
}

/// Only punctuation or an incise follows the quote in its sentence.
fn runs_to_sentence_end(doc: &Doc, span: &QuoteSpan, sentence: usize) -> bool {
    let s = doc.sentences[sentence].range;
    // A quotation over several paragraphs ends past its first sentence.
    let Some(rest) = doc.text.get(span.range.end()..s.end()) else {
        return true;
    };
    let rest = rest.trim();
    rest.chars().all(|c| !c.is_alphanumeric()) || incise(doc, span.range.end(), s.end()).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn a_whole_utterance_is_direct_and_words_inside_speech_are_mixed() {
        check_quote(
            "Jean Roux a déclaré : « Nous sommes prêts. » Il a promis une réforme « juste et rapide ».",
            "direct Jean Roux « Nous sommes prêts. »\nmixed Jean Roux « juste et rapide »",
        );
    }

    #[test]
    fn a_short_passage_without_speech_around_is_a_term() {
        check_quote("Le « dialogue stratégique » reprendra en mai à Pékin.", "");
        check_quote(
            "Surnommé « le Bulldozer », le maire publie son livre « La ville d'après ».",
            "",
        );
    }

    #[test]
    fn a_passage_naming_the_noun_after_it_is_a_term() {
        check_quote(
            "\"Save the Harbour\" banner at a rally in Bristol last spring.",
            "",
        );
        check_quote(
            "Ann Lee held up a \"Hands Off Our Parks\" placard outside the town hall.",
            "",
        );
    }

    #[test]
    fn a_long_title_case_passage_after_a_determiner_is_a_name() {
        check_quote(
            "In Lenton, a \"Grand River Valley Music Weekend\" drew crowds on Sunday.",
            "",
        );
    }
}
