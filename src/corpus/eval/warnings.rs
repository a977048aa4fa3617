//! False warnings, as issue 14 defines them: what a reader would see that
//! the gold does not support. An `unattributed-claim` or `vague-source`
//! on a sentence the gold lists neither among unattributed claims nor as
//! borderline; an `unattributed-quote` on a quote whose gold speaker is a
//! named actor, or on marks the gold does not take for a quote.

use super::claims::GoldClaims;
use super::locate::{chars, overlap_chars};
use super::{Category, ErrorKind, EvalError, GoldQuoteAt, Report, Scorer, Warnings};
use crate::analysis::{Finding, FindingKind};

/// Each false warning is placed where `newsls check` reports it.
impl Scorer<'_> {
    /// Among the findings a reader sees (`shown`), counts the warnings of
    /// the three codes and lists and counts the false ones.
    pub(super) fn false_warnings(
        &self,
        shown: &[&Finding],
        gold_quotes: &[GoldQuoteAt],
        gold: &GoldClaims,
        rep: &mut Report,
    ) {
        for &f in shown.iter().filter(|f| Warnings::is_counted(&f.kind)) {
            rep.warnings.shown += 1;
            let e = match f.kind {
                FindingKind::UnattributedQuote => self.false_quote_warning(f, gold_quotes),
                _ => self.false_claim_warning(f, gold),
            };
            if let Some(e) = e {
                rep.warnings.count_false(&f.kind);
                rep.errors.push(e);
            }
        }
    }

    fn false_claim_warning(&self, f: &Finding, gold: &GoldClaims) -> Option<EvalError> {
        let r = f.range;
        let listed = gold
            .unattributed
            .iter()
            .chain(&gold.vague)
            .map(|(g, _)| *g)
            .chain(gold.borderline.iter().copied())
            .any(|g| self.same_span(g, r));
        if listed {
            return None;
        }
        let claim = self
            .analysis
            .claims
            .iter()
            .find(|c| self.sentence_range(c) == r);
        let why = match (&f.kind, claim) {
            (FindingKind::VagueSource, _) => "vague source",
            (_, Some(c)) => c.markers.first().map_or("no marker", |(_, k)| k.describe()),
            (_, None) => "no claim",
        };
        let attributed = gold.attributed.iter().find(|(g, _)| self.same_span(*g, r));
        let (gold_says, expected) = match attributed {
            Some((_, gc)) => (
                "gold: attributed",
                format!(
                    "no warning: attributed to {}",
                    gc.source.as_deref().unwrap_or("(no source given)")
                ),
            ),
            None => ("gold: no claim", "no warning".to_string()),
        };
        let e = self
            .error(
                Category::FalseWarnings,
                ErrorKind::False,
                Some(r),
                self.snippet(r),
                format!("{} on an unlisted sentence · {why}, {gold_says}", f.code()),
            )
            .expected(expected)
            .found(f.code())
            .rule(Some(format!("{}: {why}", f.code())))
            .evidence(Some(f.message.clone()));
        Some(e)
    }

    fn false_quote_warning(&self, f: &Finding, gold_quotes: &[GoldQuoteAt]) -> Option<EvalError> {
        let text = self.text;
        let q = self.analysis.quotes.iter().find(|q| q.range == f.range)?;
        let same = gold_quotes
            .iter()
            .map(|&(gr, gq)| (gr, gq, overlap_chars(text, gr, q.content)))
            .filter(|&(_, _, o)| o > 0)
            .max_by_key(|&(_, _, o)| o)
            .filter(|&(gr, _, o)| {
                o * 10 >= chars(text, gr) * 8 || o * 10 >= chars(text, q.content) * 8
            });
        let (class, expected) = match same {
            Some((gr, gq, _)) => {
                // A gold quote with no speaker or an unnamed one deserves
                // the warning.
                let speaker = gq.speaker.as_deref()?;
                if self
                    .gold_actor(speaker)
                    .is_some_and(|i| !self.gold.actors[i].named)
                {
                    return None;
                }
                (
                    format!(
                        "unattributed-quote, gold speaker named · {}",
                        self.gold_cue_place(gr, gq).describe()
                    ),
                    format!("speaker {speaker}"),
                )
            }
            None if self.is_non_speech(q.content) => (
                "unattributed-quote on a non-quote · name or term in marks".to_string(),
                "not a quote (gold: name or term)".to_string(),
            ),
            None => (
                "unattributed-quote on a non-quote · not a quote in the gold".to_string(),
                "not a quote".to_string(),
            ),
        };
        let e = self
            .error(
                Category::FalseWarnings,
                ErrorKind::False,
                Some(f.range),
                self.snippet(q.content),
                class,
            )
            .expected(expected)
            .found(f.code())
            .rule(Some(f.code().to_string()))
            .evidence(Some(f.message.clone()));
        Some(e)
    }
}
