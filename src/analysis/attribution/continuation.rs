//! Continued speech: a quote opening the sentence right after a sentence
//! quoting X in the same paragraph is X's too (`« … », a dit X. « … »`),
//! and so are words quoted inside that sentence (`… est « intenable »`),
//! and a paragraph that is only a quote continues the speaker of a quote
//! in the paragraph before (or the one before that). The speaker comes
//! without a cue of its own.

use super::super::actors::Registry;
use super::super::{ActorId, Doc, Quote, QuoteKind};
use super::marked::starts_sentence;
use super::{Construction, Found, QuoteAt};

pub(super) struct Continuation;

impl Construction for Continuation {
    fn id(&self) -> &'static str {
        "continuation"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        continued_speaker(doc, at.quotes, at.index)
            .map(|actor| Found::Speaker { actor, cue: None })
            .into_iter()
            .collect()
    }
}

/// A paragraph that is only a quote continues the speaker of a quote in
/// the paragraph before (or the one before that).
fn continued_speaker(doc: &Doc, quotes: &[Quote], i: usize) -> Option<ActorId> {
    let q = &quotes[i];
    if q.kind == QuoteKind::Indirect {
        return None;
    }
    let p = doc.sentences[q.sentence].paragraph;
    // "« … », a dit X. « … »": a quote opening the sentence right after a
    // sentence quoting X, in the same paragraph, is X's too; so are words
    // quoted inside it ("… violente, « … », et …").
    if q.sentence > 0
        && doc.sentences[q.sentence - 1].paragraph == p
        && (q.kind == QuoteKind::Mixed || starts_sentence(doc, q.range, q.sentence))
    {
        let prev_sentence = doc.sentences[q.sentence - 1].range;
        if let Some(a) = quotes[..i]
            .iter()
            .rev()
            .find(|o| prev_sentence.intersects(o.range) && o.kind != QuoteKind::Indirect)
            .and_then(|o| o.speaker)
        {
            return Some(a);
        }
    }
    if q.kind != QuoteKind::Direct {
        return None;
    }
    let para = doc.paragraphs[p];
    // Quotes are sorted by start: the paragraph's are a contiguous run.
    let first = quotes.partition_point(|o| o.range.start() < para.start());
    let covered: usize = quotes[first..]
        .iter()
        .take_while(|o| o.range.start() < para.end())
        .filter(|o| para.contains_range(o.range))
        .map(|o| o.range.len())
        .sum();
    if covered * 10 < para.len() * 7 {
        return None;
    }
    quotes[..i]
        .iter()
        .rev()
        .take_while(|o| doc.sentences[o.sentence].paragraph + 2 >= p)
        .find_map(|o| o.speaker)
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn a_bare_quote_paragraph_continues_the_previous_speaker() {
        check_quote(
            "« Nous ne céderons pas », a prévenu Sophie Laurent.\n\nElle a ensuite quitté la salle.\n\n« Jamais. »",
            "direct Sophie Laurent « Nous ne céderons pas »\ndirect Sophie Laurent « Jamais. »",
        );
    }

    #[test]
    fn a_quote_opening_the_next_sentence_continues_it() {
        check_quote(
            "« Nous partons », a dit Paul Girard. « Demain matin. » Il pleuvait.",
            "direct Paul Girard « Nous partons »\ndirect Paul Girard « Demain matin. »",
        );
    }

    #[test]
    fn words_quoted_in_the_next_sentence_continue_it() {
        check_quote(
            "« Nous partons », a dit Paul Girard. La situation est devenue « intenable pour tous les salariés » depuis mars.",
            "direct Paul Girard « Nous partons »\nmixed Paul Girard « intenable pour tous les salariés »",
        );
    }
}
