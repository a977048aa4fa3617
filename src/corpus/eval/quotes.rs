//! Quotes (direct and mixed; indirect) and the speakers of matched direct
//! and mixed quotes, with the class of every error.

use super::features::{n_words, quotation_mark_before};
use super::locate::{chars, overlap_chars, trim};
use super::speakers::{mention_kind, CueKind};
use super::{Category, Counts, ErrorKind, EvalError, GoldQuoteAt, Report, Scorer};
use crate::analysis::{Quote, QuoteKind};
use crate::input::gold::GoldQuote;
use crate::text::{excerpt, fold, TextRange};

/// Where the gold puts a quote's cue, relative to the quote, and what
impl<'a> Scorer<'a> {
    /// Gold quotes in the text. A quote with an `occurrence` is taken at
    /// that occurrence (counting from 1) of its exact text, as the
    /// annotators count substrings; without one, a text the gold repeats
    /// is taken at its next occurrence.
    pub(super) fn locate_quotes(&self, rep: &mut Report) -> Vec<GoldQuoteAt<'a>> {
        let mut seen_texts = std::collections::HashMap::new();
        let mut res = Vec::new();
        for q in &self.gold.quotes {
            let r = match q.occurrence {
                Some(n) => self.locate_occurrence(&q.text, n.saturating_sub(1)),
                None => {
                    let occ = seen_texts
                        .entry(super::locate::normalize(&q.text))
                        .or_insert(0);
                    *occ += 1;
                    self.locate(&q.text, *occ - 1)
                }
            };
            match r.or_else(|| self.locate(&q.text, 0)) {
                Some(r) => res.push((r, q)),
                None => rep.errors.push(self.gold_not_found("quote", &q.text)),
            }
        }
        res
    }

    /// The `nth` (0-based) occurrence of `needle` as written, else after
    /// folding and whitespace collapsing.
    fn locate_occurrence(&self, needle: &str, nth: usize) -> Option<TextRange> {
        match self.text.match_indices(needle).nth(nth) {
            Some((at, _)) if !needle.is_empty() => Some(TextRange::new(at, at + needle.len())),
            _ => self.locate(needle, nth),
        }
    }

    /// The system's direct and mixed quotes, or its indirect ones.
    fn preds(&self, indirect: bool) -> Vec<&'a Quote> {
        self.analysis
            .quotes
            .iter()
            .filter(|q| (q.kind == QuoteKind::Indirect) == indirect)
            .collect()
    }

    /// Direct and mixed quotes (`indirect` false, with speakers) or
    /// indirect quotes: each gold quote takes the unused prediction that
    /// overlaps it most, if it covers 80% of it.
    pub(super) fn score_quotes(
        &self,
        gold_quotes: &[GoldQuoteAt<'a>],
        indirect: bool,
        rep: &mut Report,
    ) -> Counts {
        let golds: Vec<&GoldQuoteAt> = gold_quotes
            .iter()
            .filter(|(_, q)| (q.kind == "indirect") == indirect)
            .collect();
        let preds = self.preds(indirect);
        let (matched, used) = self.match_quotes(&golds, &preds);
        for (g, m) in golds.iter().zip(&matched) {
            match m {
                Some(i) if !indirect => self.score_speaker(preds[*i], g, rep),
                Some(_) => {}
                None => rep
                    .errors
                    .push(self.missed_quote(g, &preds, &matched, indirect)),
            }
        }
        for (p, _) in preds.iter().zip(&used).filter(|(_, &u)| !u) {
            let e = self.false_quote(p, &golds, &matched, gold_quotes, indirect);
            rep.errors.push(e);
        }
        counts(&matched, &used)
    }

    /// All quotes, whatever their kind on either side: a gold quote
    /// matches any system quote as in [`Scorer::score_quotes`]. Its errors
    /// are those of the two kinds, less the quotes found as the other kind.
    pub(super) fn score_all_quotes(&self, gold_quotes: &[GoldQuoteAt<'a>]) -> Counts {
        let golds: Vec<&GoldQuoteAt> = gold_quotes.iter().collect();
        let preds: Vec<&Quote> = self.analysis.quotes.iter().collect();
        let (matched, used) = self.match_quotes(&golds, &preds);
        counts(&matched, &used)
    }

    /// For each gold quote in turn, the unused prediction that overlaps it
    /// most, if it covers 80% of it; and which predictions were used.
    fn match_quotes(
        &self,
        golds: &[&GoldQuoteAt],
        preds: &[&Quote],
    ) -> (Vec<Option<usize>>, Vec<bool>) {
        let text = self.text;
        let mut used = vec![false; preds.len()];
        let mut matched: Vec<Option<usize>> = Vec::with_capacity(golds.len());
        for (gr, _) in golds {
            let best = preds
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, p)| (i, overlap_chars(text, *gr, p.content)))
                .max_by_key(|&(_, o)| o);
            match best {
                Some((i, o)) if o * 10 >= chars(text, *gr) * 8 => {
                    used[i] = true;
                    matched.push(Some(i));
                }
                _ => matched.push(None),
            }
        }
        (matched, used)
    }

    fn missed_quote(
        &self,
        &(gr, gq): &GoldQuoteAt,
        preds: &[&'a Quote],
        matched: &[Option<usize>],
        indirect: bool,
    ) -> EvalError {
        let text = self.text;
        let other = self
            .preds(!indirect)
            .into_iter()
            .find(|q| overlap_chars(text, gr, q.content) * 10 >= chars(text, gr) * 8);
        let partial = preds
            .iter()
            .enumerate()
            .map(|(i, p)| (i, overlap_chars(text, gr, p.content)))
            .filter(|&(_, o)| o > 0)
            .max_by_key(|&(_, o)| o);
        let (detail, found) = match (other, partial) {
            (Some(q), _) => (format!("found as {}", kind_group(q.kind)), Some(q)),
            (None, Some((i, _))) if matched.contains(&Some(i)) => (
                "merged into a quote matched to another".to_string(),
                Some(preds[i]),
            ),
            (None, Some((i, _))) => ("overlap under 80% (boundaries)".to_string(), Some(preds[i])),
            (None, None) if indirect => (self.indirect_cue(self.gold_cue(gr, gq), gr), None),
            (None, None) => (marked_phrase(text, gr, &gq.text), None),
        };
        let category = quote_category(indirect);
        let e = self
            .error(
                category,
                ErrorKind::Missed,
                Some(gr),
                excerpt(&gq.text, 60),
                format!("missed · {detail}"),
            )
            .expected(describe_gold_quote(gq));
        match found {
            Some(q) => self.with_system_quote(e, q),
            None => e,
        }
    }

    fn false_quote(
        &self,
        p: &'a Quote,
        golds: &[&GoldQuoteAt],
        matched: &[Option<usize>],
        gold_quotes: &[GoldQuoteAt],
        indirect: bool,
    ) -> EvalError {
        let text = self.text;
        let other = gold_quotes.iter().find(|(gr, gq)| {
            (gq.kind == "indirect") != indirect
                && overlap_chars(text, *gr, p.content) * 10 >= chars(text, *gr) * 8
        });
        let partial = golds
            .iter()
            .enumerate()
            .map(|(g, (gr, _))| (g, overlap_chars(text, *gr, p.content)))
            .filter(|&(_, o)| o > 0)
            .max_by_key(|&(_, o)| o);
        let size = if n_words(&text[p.content.as_range()]) <= 3 {
            "≤ 3 words"
        } else {
            "longer"
        };
        let detail = match (other, partial) {
            (Some((_, gq)), _) => format!("gold says {}", gq.kind),
            _ if self.is_non_speech(p.content) => {
                "name or term in marks (gold: not speech)".to_string()
            }
            (None, Some((g, _))) if matched[g].is_some() => {
                "extra piece of a matched quote".to_string()
            }
            (None, Some(_)) => "overlap under 80% (boundaries)".to_string(),
            (None, None) if indirect => {
                format!("no gold quote, {}", self.indirect_cue(p.cue, p.content))
            }
            (None, None) => match p.speaker {
                Some(_) => format!("no gold quote, with a speaker, {size}"),
                None => format!("no gold quote, no speaker, {size}"),
            },
        };
        let mut e = self.error(
            quote_category(indirect),
            ErrorKind::False,
            Some(p.content),
            self.snippet(p.content),
            format!("false · {detail}"),
        );
        if let Some((_, gq)) = other.or_else(|| partial.map(|(g, _)| golds[g])) {
            e = e.expected(describe_gold_quote(gq));
        }
        self.with_system_quote(e, p)
    }

    /// Whether the gold lists `r` among strings in marks that are names,
    /// titles or terms, not speech.
    pub(super) fn is_non_speech(&self, r: TextRange) -> bool {
        let r = trim(self.text, r);
        self.gold
            .non_speech_quote_marks
            .iter()
            .filter_map(|t| t.text())
            .flat_map(|t| self.norm.find_all(self.text, t))
            .any(|t| self.same_span(t, r))
    }

    /// For an indirect quote: its cue's kind and, for a verb, whether it
    /// comes after the clause or whether the clause follows que/that.
    fn indirect_cue(&self, cue: Option<TextRange>, clause: TextRange) -> String {
        let Some(cue) = cue else {
            return "no cue".to_string();
        };
        match self.cue_kind(&self.text[cue.as_range()]) {
            CueKind::AttributionPhrase => "attribution-phrase cue".to_string(),
            CueKind::Verb if cue.start() >= clause.end() => "verb cue after the clause".to_string(),
            CueKind::Verb if self.follows_complementizer(clause.start()) => {
                "verb cue, clause after que/that".to_string()
            }
            CueKind::Verb => "verb cue, no que/that before the clause".to_string(),
        }
    }

    /// Whether a complementiser of the language (`que`, `qu'`, `that`)
    /// ends right before `at`.
    fn follows_complementizer(&self, at: usize) -> bool {
        let before = &self.text[..at];
        let from = before.char_indices().rev().nth(12).map_or(0, |(i, _)| i);
        let tail = fold(before[from..].trim_end());
        self.lex.complementizers.iter().any(|c| {
            tail.strip_suffix(c.as_str())
                .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
        })
    }

    fn with_system_quote(&self, e: EvalError, q: &Quote) -> EvalError {
        e.found(self.describe_quote(q))
            .rule(self.quote_rule(q))
            .evidence(self.quote_evidence(q))
    }

    fn describe_quote(&self, q: &Quote) -> String {
        format!(
            "{} quote «{}», speaker {}",
            q.kind.as_str(),
            excerpt(&self.text[q.content.as_range()], 40),
            self.speaker_name(q)
        )
    }

    /// The construction that named the quote's speaker, after the kind
    /// of quote ("mixed quote; speaker by incise").
    pub(super) fn quote_rule(&self, q: &Quote) -> Option<String> {
        let speaker = match q.construction {
            Some(c) => format!("speaker by {c}"),
            None => "no construction named a speaker".to_string(),
        };
        Some(format!("{} quote; {speaker}", q.kind.as_str()))
    }

    /// The cue and the mention the speaker was reached through.
    pub(super) fn quote_evidence(&self, q: &Quote) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(c) = q.cue {
            parts.push(format!("cue «{}»", excerpt(&self.text[c.as_range()], 40)));
        }
        if q.speaker.is_some() {
            parts.push(match self.speaker_mention(q) {
                Some(m) => format!(
                    "speaker via {} «{}»",
                    mention_kind(m.kind),
                    &self.text[m.range.as_range()]
                ),
                None => "speaker has no mention in the cue's sentence".to_string(),
            });
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

fn counts(matched: &[Option<usize>], used: &[bool]) -> Counts {
    Counts {
        tp: matched.iter().flatten().count(),
        fp: used.iter().filter(|u| !**u).count(),
        fn_: matched.iter().filter(|m| m.is_none()).count(),
    }
}

fn quote_category(indirect: bool) -> Category {
    if indirect {
        Category::IndirectQuotes
    } else {
        Category::Quotes
    }
}

fn kind_group(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Indirect => "indirect",
        QuoteKind::Direct | QuoteKind::Mixed => "direct or mixed",
    }
}

/// For a missed direct or mixed quote no system quote touches: whether
/// marks open it, and its length.
fn marked_phrase(text: &str, gr: TextRange, words: &str) -> String {
    let marks = if quotation_mark_before(text, gr.start()) {
        "in quotation marks, not taken as speech"
    } else {
        "no quotation mark before it"
    };
    let size = if n_words(words) <= 3 {
        "≤ 3 words"
    } else {
        "longer"
    };
    format!("{marks}, {size}")
}

pub(super) fn describe_gold_quote(gq: &GoldQuote) -> String {
    format!(
        "{} quote, speaker {}, cue {}",
        gq.kind,
        gq.speaker.as_deref().unwrap_or("none"),
        gq.cue
            .as_deref()
            .map_or("none".to_string(), |c| format!("«{}»", excerpt(c, 40)))
    )
}
