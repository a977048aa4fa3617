//! The split quote: a quotation resumed after the incise that interrupts
//! it (`"…," said Khan, "…"`, `« … », a dit Marie Dupont, « … »`) is the
//! speaker's of its first part. The speaker comes with the incise as cue.
//!
//! Not a split quote: a quotation after a first part that ends its
//! sentence (`"…." President X remarked, "…"`: continued speech is
//! `continuation.rs`), or after anything other than the incise and a
//! comma or a colon.

use super::super::actors::Registry;
use super::super::{Doc, QuoteKind};
use super::incise::incise;
use super::{Construction, Found, QuoteAt};

pub(super) struct SplitQuote;

impl Construction for SplitQuote {
    fn id(&self) -> &'static str {
        "split-quote"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        let q = at.quote();
        let Some(prev) = at.index.checked_sub(1).map(|i| &at.quotes[i]) else {
            return Vec::new();
        };
        if q.kind == QuoteKind::Indirect || prev.kind == QuoteKind::Indirect {
            return Vec::new();
        }
        let (Some(actor), Some((cue, subject))) =
            (prev.speaker, incise(doc, prev.range.end(), q.range.start()))
        else {
            return Vec::new();
        };
        // The first part stops mid-sentence ("…," or "… »,"), and only the
        // incise and a comma or a colon stand between the two parts.
        let first_part = doc.text[prev.content.as_range()].trim_end();
        let ends_sentence = first_part.ends_with(['.', '!', '?', '…']);
        let before = &doc.text[prev.range.end()..cue.start()];
        let after = doc.text[subject.end().max(cue.end())..q.range.start()].trim();
        let interrupts = before.chars().all(|c| c == ',' || c.is_whitespace());
        match after {
            "," | ":" if interrupts && !ends_sentence => vec![Found::Speaker {
                actor,
                cue: Some(cue),
            }],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn a_quote_resumed_after_an_incise_is_the_speaker_s() {
        check_quote(
            "\"We will not yield,\" $0said$0 Tom Hardy, \"here in London we never do.\"",
            "direct Tom Hardy «We will not yield,»\nmixed Tom Hardy «here in London we never do.»",
        );
    }
}
