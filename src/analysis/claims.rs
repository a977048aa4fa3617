//! Claims: sentences outside quotations, classified as attributed,
//! vague-source or unattributed.
//!
//! A sentence is a claim when it names a source, or when it carries a claim
//! marker: hearsay conditional (seraient, pourrait), hearsay adverbs
//! (reportedly, prétendument), statistics and figures, accusations
//! (accusé de, suspected of), evaluations presented as fact (ont semblé).
//!
//! - attributed: a named source governs the marker (speech verb + que/that
//!   before it, an incise, `selon X`, `Pour X,`), or the sentence continues
//!   the reported speech of the previous sentence of its paragraph in the
//!   conditional or with another marker;
//! - vague-source: the only source is anonymous or impersonal;
//! - unattributed: markers and no source.
//!
//! Not flagged: questions, hypotheticals (si/if), first-person conditionals,
//! dates, times, years, ages, ordinals and scores, sentences that are
//! quotations.

use super::actors::Registry;
use super::attribution::{sentence_sources, Scope, Source};
use super::{Claim, ClaimStatus, Doc, MarkerKind, Quote, QuoteKind};
use crate::lexicon::Lang;
use crate::text::TextRange;

pub fn classify(doc: &Doc, quotes: &mut [Quote], reg: &mut Registry) -> Vec<Claim> {
    let mut res: Vec<Claim> = Vec::new();
    let mut speakers: Vec<(usize, usize)> = Vec::new();
    for (idx, s) in doc.sentences.iter().enumerate() {
        // Quotes are sorted by start; a quote may begin in an earlier
        // sentence (over paragraphs), so look back a little.
        let first = quotes
            .partition_point(|q| q.range.start() < s.range.start())
            .saturating_sub(4);
        let in_sentence: Vec<&Quote> = quotes[first..]
            .iter()
            .take_while(|q| q.range.start() < s.range.end())
            .filter(|q| q.range.intersects(s.range))
            .collect();
        for q in &in_sentence {
            if let Some(a) = q.speaker {
                speakers.push((q.range.start(), a));
            }
        }
        // A sentence holding a direct quotation is checked as a quote (for
        // its speaker), not as a claim of the writer.
        if in_sentence.iter().any(|q| q.kind == QuoteKind::Direct) {
            continue;
        }
        let markers = markers(doc, idx);
        let sources = sentence_sources(doc, idx, reg, &speakers);
        let quote_source = in_sentence.iter().find_map(|q| {
            Some(Source {
                actor: q.speaker?,
                cue: q.cue.unwrap_or(q.range),
            })
        });
        // A marker at `at` is governed by a sentence-wide source, or by a
        // speech verb whose clause starts at or before it. Precomputed once
        // so a sentence with many markers and cues costs linear time.
        let sentence_wide = sources.iter().find(|(_, scope)| *scope == Scope::Sentence);
        let earliest_verb = sources
            .iter()
            .filter_map(|entry| match entry.1 {
                Scope::Verb(Some(from)) => Some((from.min(entry.0.cue.start()), entry)),
                _ => None,
            })
            .min_by_key(|(at, _)| *at);
        let governing = |at: usize| {
            sentence_wide.or_else(|| {
                earliest_verb
                    .filter(|(from, _)| *from <= at)
                    .map(|(_, e)| e)
            })
        };
        let source = if markers.is_empty() {
            let with_content = sources
                .iter()
                .find(|(_, scope)| !matches!(scope, Scope::Verb(None)));
            quote_source.or(with_content.map(|(src, _)| *src))
        } else {
            // Every marker must be covered by a governing source.
            let all = markers.iter().all(|(r, _)| governing(r.start()).is_some());
            let covered_by_quote = quote_source.filter(|_| {
                in_sentence
                    .iter()
                    .any(|q| q.speaker.is_some() && q.kind != QuoteKind::Mixed)
            });
            if all {
                markers
                    .first()
                    .and_then(|(r, _)| governing(r.start()))
                    .map(|(src, _)| *src)
            } else {
                covered_by_quote.or_else(|| {
                    quote_source.filter(|_| {
                        markers
                            .iter()
                            .all(|(r, _)| in_sentence.iter().any(|q| q.range.start() <= r.start()))
                    })
                })
            }
        };
        let source = source.or_else(|| continuation(doc, idx, &res, &markers));
        let status = match source {
            Some(src) if reg.actors[src.actor].named => ClaimStatus::Attributed,
            Some(_) => ClaimStatus::VagueSource,
            None if impersonal(doc, idx) => ClaimStatus::VagueSource,
            None if !markers.is_empty() => ClaimStatus::Unattributed,
            None => continue,
        };
        if let Some(src) = source {
            speakers.push((src.cue.start(), src.actor));
        }
        res.push(Claim {
            sentence: idx,
            status,
            source: source.map(|s| s.actor),
            markers,
            cue: source.map(|s| s.cue).or_else(|| impersonal_cue(doc, idx)),
        });
    }
    res
}

/// A conditional or otherwise marked sentence right after an attributed
/// one in the same paragraph reports the same source.
fn continuation(
    doc: &Doc,
    idx: usize,
    claims: &[Claim],
    markers: &[(TextRange, MarkerKind)],
) -> Option<Source> {
    if markers.is_empty() || idx == 0 {
        return None;
    }
    let prev = claims.last().filter(|c| c.sentence + 1 == idx)?;
    if doc.sentences[prev.sentence].paragraph != doc.sentences[idx].paragraph {
        return None;
    }
    // Only the conditional carries reported speech on; "reportedly" is
    // the writer's own hearsay.
    if !markers.iter().any(|(_, k)| *k == MarkerKind::Conditional) {
        return None;
    }
    if prev.status == ClaimStatus::Unattributed {
        return None;
    }
    Some(Source {
        actor: prev.source?,
        cue: prev.cue?,
    })
}

fn impersonal(doc: &Doc, idx: usize) -> bool {
    impersonal_cue(doc, idx).is_some()
}

fn impersonal_cue(doc: &Doc, idx: usize) -> Option<TextRange> {
    let s = doc.sentences[idx].range;
    doc.find(&doc.lex.impersonal_sources, s)
        .first()
        .map(|(r, _)| *r)
}

/// Claim markers of a sentence, outside quotations.
pub fn markers(doc: &Doc, idx: usize) -> Vec<(TextRange, MarkerKind)> {
    let s = doc.sentences[idx].range;
    let text = &doc.text[s.as_range()];
    let mut res = Vec::new();
    if text
        .trim_end()
        .trim_end_matches(['»', '"', '”', ' ', '\u{a0}', '\u{202f}'])
        .ends_with('?')
    {
        return res;
    }
    let lex = doc.lex;
    for (set, kind) in [
        (&lex.hearsay, MarkerKind::Hearsay),
        (&lex.accusations, MarkerKind::Accusation),
        (&lex.evaluations, MarkerKind::Evaluation),
        (&lex.statistics, MarkerKind::Statistic),
    ] {
        for (r, _) in doc.find(set, s) {
            if kind == MarkerKind::Statistic
                && doc.text[r.as_range()].eq_ignore_ascii_case("record")
                && !has_number(&doc.text[s.as_range()])
            {
                continue;
            }
            res.push((r, kind));
        }
    }
    res.extend(conditionals(doc, s));
    res.extend(figures(doc, s));
    res.retain(|(r, _)| !doc.in_quote(*r));
    res.sort_by_key(|(r, _)| r.start);
    res.dedup_by(|a, b| a.0.intersects(b.0));
    res
}

fn has_number(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// Conditional verbs used as hearsay or speculation. Hypotheses (si, if),
/// first-person and polite uses are left alone.
fn conditionals(doc: &Doc, s: TextRange) -> Vec<(TextRange, MarkerKind)> {
    let words = doc.words(s);
    if !doc.find(&doc.lex.hypothesis_markers, s).is_empty() {
        return Vec::new();
    }
    let mut res = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let f = w.folded.as_str();
        let conditional = match doc.lex.lang {
            Lang::Fr => {
                (f.ends_with("rait") || f.ends_with("raient"))
                    && f.chars().count() > 5
                    && !doc.lex.conditional_exceptions.iter().any(|e| e == f)
            }
            Lang::En => {
                matches!(f, "could" | "might" | "would")
                    || (f == "may" && doc.text[w.range.as_range()].starts_with('m'))
            }
        };
        if !conditional {
            continue;
        }
        let subject = i.checked_sub(1).map(|k| words[k].folded.as_str());
        if subject.is_some_and(|sub| doc.lex.first_person.iter().any(|p| p == sub)) {
            continue;
        }
        res.push((w.range, MarkerKind::Conditional));
    }
    res
}

/// Figures that make a statistic: percentages and counts of things, not
/// dates, times, years, ages, ordinals or scores.
fn figures(doc: &Doc, s: TextRange) -> Vec<(TextRange, MarkerKind)> {
    let words = doc.words(s);
    let mut res = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let raw = &doc.text[w.range.as_range()];
        if !raw.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // Ordinals and times glued to letters (66ème, 1er, 21st, 09h20),
        // scores, times and dates written with separators (3-1, 10:30, 12/05).
        if raw
            .chars()
            .any(|c| c.is_alphabetic() || matches!(c, '-' | ':' | '/'))
        {
            continue;
        }
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let value: u64 = digits.parse().unwrap_or(0);
        let after = doc.text[w.range.end()..s.end()].chars().next();
        let next = words.get(i + 1).map(|n| n.folded.as_str()).unwrap_or("");
        let prev = i
            .checked_sub(1)
            .map(|k| words[k].folded.as_str())
            .unwrap_or("");
        // Percentages are caught by the lexicon; here counts of things.
        let is_year = digits.len() == 4 && (1800..=2100).contains(&value);
        let time_or_score = matches!(after, Some(':' | 'h' | '-' | '/'))
            || next == "h"
            || next == "a"
                && words
                    .get(i + 2)
                    .is_some_and(|n| n.folded.chars().all(|c| c.is_ascii_digit()));
        let shared = &doc.lexicons.shared;
        let unit_of_time = shared.time_words.contains(next);
        let date = shared.months.contains(next)
            || shared.months.contains(prev)
            || matches!(
                prev,
                "le" | "du" | "au" | "the" | "on" | "since" | "depuis" | "numero" | "no" | "n"
            );
        if is_year || time_or_score || unit_of_time || date || value < 10 {
            continue;
        }
        res.push((w.range, MarkerKind::Statistic));
    }
    res
}
