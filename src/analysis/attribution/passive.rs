//! The agent of a passive: a speech or framing verb in the passive before
//! a quotation, and its agent right after it (`was described as
//! "knife-obsessed" by the police`, `announced to be a "pandemic" by the
//! WHO`, `a été qualifié de « folie » par le ministre`). The agent is the
//! speaker.
//!
//! Not this construction: an agent away from the quotation (`"…" at the
//! meeting called by the mayor`), or a passive verb that is neither a
//! speech nor a framing verb (`was seen as "weak" by many`).

use super::super::actors::Registry;
use super::super::Doc;
use super::subject::{clause_start, subject_span};
use super::verbs::is_passive;
use super::{Construction, Found, QuoteAt};
use crate::text::TextRange;

pub(super) struct PassiveAgent;

impl Construction for PassiveAgent {
    fn id(&self) -> &'static str {
        "passive-agent"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        Found::one(passive_agent(doc, at.quote().range, at.window.end()))
    }

    fn reports_speech(
        &self,
        doc: &Doc,
        span: TextRange,
        _sentence: usize,
        around: TextRange,
    ) -> bool {
        passive_agent(doc, span, around.end()).is_some()
    }
}

/// (agent, cue) for the quotation `quote`: the agent after "by"/"par"
/// right after it, when a passive speech or framing verb comes before it
/// in its clause.
fn passive_agent(doc: &Doc, quote: TextRange, limit: usize) -> Option<(TextRange, TextRange)> {
    // The window given may end inside the quotation.
    let limit = limit.max(quote.end());
    let by = doc
        .words(TextRange::new(quote.end(), limit))
        .first()
        .filter(|w| w.is_in(&doc.lex.agent_prepositions))?;
    if !doc.text[quote.end()..by.range.start()].trim().is_empty() {
        return None;
    }
    let clause = TextRange::new(clause_start(doc, 0, quote.start()), quote.start());
    let verb = doc
        .speech_in(clause)
        .iter()
        .chain(doc.framing_in(clause))
        .map(|&(r, _)| r)
        .filter(|r| !doc.in_quote(*r) && is_passive(doc, r.start()))
        .max_by_key(|r| r.start())?;
    let agent = subject_span(doc, by.range.end(), limit);
    (!agent.is_empty()).then(|| (agent, verb.cover(by.range)))
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn the_agent_of_a_passive_speaks() {
        check_quote(
            "The suspect was $0described as \"knife-obsessed\" by$0 the police.",
            "mixed police «knife-obsessed»",
        );
        check_quote(
            "Le projet a été $0qualifié de « folie pure » par$0 Marie Dupont.",
            "mixed Marie Dupont « folie pure »",
        );
    }

    #[test]
    fn an_agent_without_a_passive_speech_verb_is_no_speaker() {
        check_quote("The plan was seen as \"weak\" by many voters.", "");
    }
}
