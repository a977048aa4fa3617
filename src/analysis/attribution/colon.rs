//! The colon cue: a direct quote opening a paragraph right after a
//! paragraph that ends with a colon (`Le ministre a déclaré :` / `Le
//! ministre :`). The cue, or the bare name, is at the end of that
//! paragraph.

use super::super::actors::Registry;
use super::super::{Doc, Quote, QuoteKind};
use super::subject_verb::cue_before;
use super::{Construction, Cue, Found, QuoteAt};
use crate::text::TextRange;

pub(super) struct ColonCue;

impl Construction for ColonCue {
    fn id(&self) -> &'static str {
        "colon"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, reg: &Registry) -> Vec<Found> {
        let q = at.quote();
        if q.kind != QuoteKind::Direct {
            return Vec::new();
        }
        colon_cue(doc, q, reg)
            .into_iter()
            .map(|(subject, words)| Found::Cue(Cue { subject, words }))
            .collect()
    }
}

/// A quote opening a paragraph right after a paragraph that ends with a
/// colon: the cue is at the end of that paragraph.
fn colon_cue(doc: &Doc, q: &Quote, reg: &Registry) -> Vec<(TextRange, TextRange)> {
    let p = doc.sentences[q.sentence].paragraph;
    let Some(prev) = p.checked_sub(1).and_then(|p| doc.paragraphs.get(p)) else {
        return Vec::new();
    };
    if !doc.text[prev.as_range()].trim_end().ends_with(':') {
        return Vec::new();
    }
    // Sentences are in paragraph order: the last one before paragraph `p`.
    let before_p = doc.sentences.partition_point(|s| s.paragraph < p);
    let Some(last) = doc.sentences[..before_p]
        .last()
        .filter(|s| s.paragraph == p - 1)
    else {
        return Vec::new();
    };
    let found = cue_before(doc, last.range, reg);
    if !found.is_empty() {
        return found;
    }
    // "Le ministre :" — a bare name before the colon.
    let r = crate::text::trim_range(
        doc.text,
        TextRange::new(last.range.start(), last.range.end() - 1),
    );
    vec![(r, r)]
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn a_quote_after_a_colon_paragraph_has_its_cue_there() {
        check_quote(
            "Le ministre Jean Roux $0a déclaré$0 :\n\n« Nous sommes prêts. »",
            "direct Jean Roux « Nous sommes prêts. »",
        );
        check_quote(
            "Il pleut sur Paris. Marie Curien :\n\n« Rien n'est signé. »",
            "direct Marie Curien « Rien n'est signé. »",
        );
    }
}
