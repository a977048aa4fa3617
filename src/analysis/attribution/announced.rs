//! Speech announced by the sentence before: a quotation opening its
//! sentence, with no cue of its own, right after a sentence of the same
//! paragraph in which someone speaks without being quoted (`La
//! porte-parole a nuancé les chiffres. « On a constaté … »`, `Il a réagi
//! mardi. « C'est inacceptable. »`). The speaker is the subject of that
//! sentence's speech verb.
//!
//! Not announced: a sentence before that quotes someone already (that is
//! [`super::continuation`]), a verb that is not a speech verb (`Il est
//! arrivé à Lyon.`), a quotation inside its sentence.

use super::super::actors::Registry;
use super::super::{Doc, QuoteKind};
use super::marked::starts_sentence;
use super::subject_verb::SubjectVerb;
use super::{Construction, Found, QuoteAt, Scope};

pub(super) struct AnnouncedSpeech;

impl Construction for AnnouncedSpeech {
    fn id(&self) -> &'static str {
        "announced-speech"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        let q = at.quote();
        if q.kind != QuoteKind::Direct
            || q.sentence == 0
            || !starts_sentence(doc, q.range, q.sentence)
        {
            return Vec::new();
        }
        let prev = q.sentence - 1;
        if doc.sentences[prev].paragraph != doc.sentences[q.sentence].paragraph {
            return Vec::new();
        }
        let prev_range = doc.sentences[prev].range;
        let quoted = at.quotes[..at.index]
            .iter()
            .any(|o| o.kind != QuoteKind::Indirect && prev_range.intersects(o.range));
        if quoted {
            return Vec::new();
        }
        SubjectVerb
            .sentence(doc, prev, &[])
            .into_iter()
            .filter(|(_, scope)| matches!(scope, Scope::Verb(_)))
            .map(|(cue, _)| Found::Cue(cue))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn a_speech_verb_announces_the_quote_after_it() {
        check_quote(
            "Le syndicat a publié un bilan. La porte-parole du syndicat $0a nuancé$0 les chiffres. « Nous avons compté 40 cas. »",
            "direct La porte-parole du syndicat « Nous avons compté 40 cas. »",
        );
    }

    #[test]
    fn a_verb_that_is_not_speech_announces_nothing() {
        check_quote(
            "Marie Dubois est arrivée à Lyon mardi. « Nous avons compté 40 cas. »",
            "direct null « Nous avons compté 40 cas. »",
        );
    }
}
