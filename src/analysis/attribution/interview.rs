//! The interview answer: in an interview (`Q:`/`A:`, `R :`, or dialogue
//! dashes after a question), an answer is the interviewee's: the named
//! person mentioned most often before it.

use super::super::actors::Registry;
use super::super::{ActorId, Doc, Quote};
use super::{Construction, Found, QuoteAt};
use crate::lexicon::ActorKind;
use crate::text::TextRange;

pub(super) struct InterviewAnswer;

impl Construction for InterviewAnswer {
    fn id(&self) -> &'static str {
        "interview"
    }

    fn quote(&self, doc: &Doc, at: &QuoteAt, reg: &Registry) -> Vec<Found> {
        interview_answer(doc, at.quote(), reg)
            .map(|(actor, cue)| Found::Speaker {
                actor,
                cue: Some(cue),
            })
            .into_iter()
            .collect()
    }
}

/// In an interview (Q:/A:, or dialogue dashes after a question), an answer
/// is the interviewee's: the person named most often before it.
fn interview_answer(doc: &Doc, q: &Quote, reg: &Registry) -> Option<(ActorId, TextRange)> {
    let p = doc.sentences[q.sentence].paragraph;
    let para = doc.text[doc.paragraphs[p].as_range()].trim_start();
    let is_answer = ["A:", "R:", "R :", "A :", "—", "–", "-"]
        .iter()
        .any(|m| para.starts_with(m));
    let prev = doc.text[doc.paragraphs.get(p.checked_sub(1)?)?.as_range()].trim();
    let after_question = prev.trim_end_matches(['»', '"', '”', ' ']).ends_with('?');
    if !is_answer || !after_question {
        return None;
    }
    let mut counts: std::collections::HashMap<ActorId, usize> = Default::default();
    for m in reg
        .mentions
        .iter()
        .filter(|m| m.range.end() <= q.range.start())
    {
        let a = &reg.actors[m.actor];
        if a.kind == ActorKind::Person && a.named {
            *counts.entry(m.actor).or_default() += 1;
        }
    }
    let (&actor, _) = counts
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))?;
    Some((
        actor,
        TextRange::new(doc.paragraphs[p].start(), doc.paragraphs[p].start()),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn an_answer_after_a_question_is_the_interviewee() {
        check_quote(
            "Dr. Amara Osei studies reefs.\n\nQ: Is there hope?\n\nA: \"Yes, reefs recover.\"",
            "direct Amara Osei «Yes, reefs recover.»",
        );
    }

    #[test]
    fn no_question_no_interview() {
        check_quote(
            "Dr. Amara Osei studies reefs.\n\nThe tide is low.\n\nA: \"Yes, reefs recover.\"",
            "direct null «Yes, reefs recover.»",
        );
    }
}
