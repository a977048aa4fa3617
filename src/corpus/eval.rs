//! Precision, recall and F1 of an analysis against gold annotations
//! (schema: docs/gold-schema.md). Pure: the CLI and the tests feed it texts and gold.
//!
//! - quotes (direct + mixed) match when they overlap by at least 80% of the
//!   gold quote's characters; indirect quotes are scored apart;
//! - speaker accuracy is over matched direct and mixed quotes, names
//!   compared after folding and through the gold actor's mentions;
//! - named actors match by canonical name or any listed mention;
//! - claims match by sentence (80% overlap, to survive a boundary moved by
//!   a character or two); `borderline` sentences count neither way.

use std::collections::HashSet;

use crate::analysis::{Analysis, ClaimStatus, QuoteKind};
use crate::input::gold::Gold;
use crate::text::{fold, is_space, TextRange};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Report {
    pub quotes: Counts,
    pub indirect_quotes: Counts,
    pub speaker_correct: usize,
    pub speaker_total: usize,
    pub actors: Counts,
    pub unattributed_claims: Counts,
    pub vague_sources: Counts,
    pub attributed_claims: Counts,
    pub source_correct: usize,
    pub source_total: usize,
    /// Human-readable misses and false alarms, for tuning and review.
    pub errors: Vec<String>,
}

impl Report {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.speaker_total)
    }
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_correct, self.source_total)
    }
    pub fn add(&mut self, o: &Report) {
        self.quotes.add(o.quotes);
        self.indirect_quotes.add(o.indirect_quotes);
        self.speaker_correct += o.speaker_correct;
        self.speaker_total += o.speaker_total;
        self.actors.add(o.actors);
        self.unattributed_claims.add(o.unattributed_claims);
        self.vague_sources.add(o.vague_sources);
        self.attributed_claims.add(o.attributed_claims);
        self.source_correct += o.source_correct;
        self.source_total += o.source_total;
        self.errors.extend(o.errors.iter().cloned());
    }
}

/// The article text folded and with whitespace collapsed, mapped back to
/// byte offsets, to find gold strings whatever their spacing.
struct Normalized {
    text: String,
    origin: Vec<usize>,
}

impl Normalized {
    fn new(s: &str) -> Normalized {
        let mut text = String::new();
        let mut origin = Vec::new();
        let mut pending_space = false;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() || is_space(c) {
                pending_space = !text.is_empty();
                continue;
            }
            if pending_space {
                text.push(' ');
                origin.push(i);
                pending_space = false;
            }
            let f = crate::text::fold_char(c);
            for _ in 0..f.len_utf8() {
                origin.push(i);
            }
            text.push(f);
        }
        origin.push(s.len());
        Normalized { text, origin }
    }

    /// Byte range in `original` of the `occurrence`-th (0-based) match.
    fn find(&self, original: &str, needle: &str, occurrence: usize) -> Option<TextRange> {
        let n = normalize(needle);
        if n.is_empty() {
            return None;
        }
        let (at, _) = self.text.match_indices(&n).nth(occurrence)?;
        let last = self.origin[at + n.len() - 1];
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        Some(TextRange::new(self.origin[at], end))
    }
}

fn normalize(s: &str) -> String {
    crate::text::collapse_whitespace(&fold(s))
}

fn key(s: &str) -> String {
    crate::analysis::actor_key(s)
}

/// Characters of `a` covered by `b`, in `text`.
fn overlap_chars(text: &str, a: TextRange, b: TextRange) -> usize {
    let start = a.start().max(b.start());
    let end = a.end().min(b.end());
    if start >= end {
        return 0;
    }
    text.get(start..end).map_or(0, |s| s.chars().count())
}

fn chars(text: &str, r: TextRange) -> usize {
    text.get(r.as_range()).map_or(0, |s| s.chars().count())
}

/// Scores one article.
pub fn evaluate(text: &str, analysis: &Analysis, gold: &Gold) -> Report {
    let mut rep = Report::default();
    let norm = Normalized::new(text);
    let locate = |needle: &str, occurrence: usize| norm.find(text, needle, occurrence);

    // Gold actors: canonical and mention keys.
    let gold_actor_keys: Vec<HashSet<String>> = gold
        .actors
        .iter()
        .map(|a| {
            std::iter::once(&a.name)
                .chain(&a.mentions)
                .map(|m| key(m))
                .collect()
        })
        .collect();
    let same_actor = |pred: Option<usize>, gold_name: Option<&str>| -> bool {
        match (pred, gold_name) {
            (None, None) => true,
            (Some(p), Some(g)) => {
                let actor = &analysis.actors[p];
                let mut pred_keys: HashSet<String> = actor
                    .mentions
                    .iter()
                    .map(|&m| key(&text[analysis.mentions[m].range.as_range()]))
                    .collect();
                pred_keys.insert(key(&actor.name));
                let gk = key(g);
                let gold_keys = gold
                    .actors
                    .iter()
                    .position(|a| key(&a.name) == gk)
                    .map(|i| gold_actor_keys[i].clone())
                    .unwrap_or_else(|| std::iter::once(gk.clone()).collect());
                pred_keys.contains(&gk) || gold_keys.contains(&key(&actor.name))
            }
            _ => false,
        }
    };

    // Quotes.
    let mut seen_texts: std::collections::HashMap<String, usize> = Default::default();
    let gold_quotes: Vec<(TextRange, &crate::input::gold::GoldQuote)> = gold
        .quotes
        .iter()
        .filter_map(|q| {
            let n = normalize(&q.text);
            let occ = seen_texts.entry(n).or_insert(0);
            let r = locate(&q.text, *occ).or_else(|| locate(&q.text, 0));
            *occ += 1;
            match r {
                Some(r) => Some((r, q)),
                None => {
                    rep.errors
                        .push(format!("gold quote not found in text: {:?}", q.text));
                    None
                }
            }
        })
        .collect();
    for indirect in [false, true] {
        let is_kind = |k: &str| (k == "indirect") == indirect;
        let golds: Vec<&(TextRange, &crate::input::gold::GoldQuote)> = gold_quotes
            .iter()
            .filter(|(_, q)| is_kind(&q.kind))
            .collect();
        let preds: Vec<&crate::analysis::Quote> = analysis
            .quotes
            .iter()
            .filter(|q| (q.kind == QuoteKind::Indirect) == indirect)
            .collect();
        let mut used = vec![false; preds.len()];
        let mut counts = Counts::default();
        for (gr, gq) in &golds {
            let best = preds
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, p)| (i, overlap_chars(text, *gr, p.content)))
                .max_by_key(|&(_, o)| o);
            match best {
                Some((i, o)) if o * 10 >= chars(text, *gr) * 8 => {
                    used[i] = true;
                    counts.tp += 1;
                    if !indirect {
                        rep.speaker_total += 1;
                        if same_actor(preds[i].speaker, gq.speaker.as_deref()) {
                            rep.speaker_correct += 1;
                        } else {
                            rep.errors.push(format!(
                                "speaker: {:?} is {:?}, expected {:?}",
                                crate::text::excerpt(&gq.text, 50),
                                preds[i].speaker.map(|a| &analysis.actors[a].name),
                                gq.speaker
                            ));
                        }
                    }
                }
                _ => {
                    counts.fn_ += 1;
                    rep.errors.push(format!(
                        "missed {} quote: {:?}",
                        gq.kind,
                        crate::text::excerpt(&gq.text, 60)
                    ));
                }
            }
        }
        for (i, p) in preds.iter().enumerate() {
            if !used[i] {
                counts.fp += 1;
                rep.errors.push(format!(
                    "spurious {} quote: {:?}",
                    p.kind.as_str(),
                    crate::text::excerpt(&text[p.content.as_range()], 60)
                ));
            }
        }
        if indirect {
            rep.indirect_quotes = counts;
        } else {
            rep.quotes = counts;
        }
    }

    // Named actors.
    let named_gold: Vec<usize> = (0..gold.actors.len())
        .filter(|&i| gold.actors[i].named)
        .collect();
    let preds: Vec<usize> = (0..analysis.actors.len())
        .filter(|&i| analysis.actors[i].named)
        .collect();
    let mut used = vec![false; preds.len()];
    for &g in &named_gold {
        let hit = preds.iter().enumerate().find(|(k, &p)| {
            !used[*k] && {
                let a = &analysis.actors[p];
                gold_actor_keys[g].contains(&key(&a.name))
                    || a.mentions.iter().any(|&m| {
                        key(&text[analysis.mentions[m].range.as_range()])
                            == key(&gold.actors[g].name)
                    })
            }
        });
        match hit {
            Some((k, _)) => {
                used[k] = true;
                rep.actors.tp += 1;
            }
            None => {
                rep.actors.fn_ += 1;
                rep.errors
                    .push(format!("missed actor: {}", gold.actors[g].name));
            }
        }
    }
    for (k, &p) in preds.iter().enumerate() {
        if !used[k] {
            // A predicted actor that is a mention of a matched gold actor
            // (split entity) or an unnamed gold actor is not counted twice.
            let a = &analysis.actors[p];
            let known = gold_actor_keys
                .iter()
                .any(|keys| keys.contains(&key(&a.name)));
            if !known {
                rep.actors.fp += 1;
                rep.errors
                    .push(format!("spurious actor: {} ({})", a.name, a.kind.as_str()));
            }
        }
    }

    // Claims.
    let borderline: Vec<TextRange> = gold
        .borderline
        .iter()
        .filter_map(|b| locate(b.sentence()?, 0))
        .collect();
    let sentence_range = |c: &crate::analysis::Claim| analysis.sentences[c.sentence].range;
    let matches = |a: TextRange, b: TextRange| {
        let o = overlap_chars(text, a, b);
        o * 10 >= chars(text, a).max(chars(text, b)) * 8
    };
    let score = |golds: &[(TextRange, Option<String>)],
                 status: ClaimStatus,
                 label: &str,
                 rep: &mut Report|
     -> Counts {
        let preds: Vec<&crate::analysis::Claim> = analysis
            .claims
            .iter()
            .filter(|c| c.status == status)
            .collect();
        let mut used = vec![false; preds.len()];
        let mut counts = Counts::default();
        for (gr, source) in golds {
            match preds
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && matches(*gr, sentence_range(p)))
            {
                Some((i, p)) => {
                    used[i] = true;
                    counts.tp += 1;
                    if status == ClaimStatus::Attributed {
                        rep.source_total += 1;
                        if same_actor(p.source, source.as_deref()) {
                            rep.source_correct += 1;
                        }
                    }
                }
                None => {
                    counts.fn_ += 1;
                    rep.errors.push(format!(
                        "missed {label} claim: {:?}",
                        crate::text::excerpt(&text[gr.as_range()], 70)
                    ));
                }
            }
        }
        for (i, p) in preds.iter().enumerate() {
            let r = sentence_range(p);
            if !used[i] && !borderline.iter().any(|b| matches(*b, r)) {
                counts.fp += 1;
                rep.errors.push(format!(
                    "spurious {label} claim: {:?}",
                    crate::text::excerpt(&text[r.as_range()], 70)
                ));
            }
        }
        counts
    };
    let located = |code: Option<&str>,
                   list: &[crate::input::gold::GoldClaim],
                   rep: &mut Report|
     -> Vec<(TextRange, Option<String>)> {
        list.iter()
            .filter(|c| {
                code.is_none_or(|code| c.code.as_deref().unwrap_or("unattributed-claim") == code)
            })
            .filter_map(|c| match locate(&c.sentence, 0) {
                Some(r) => Some((r, c.source.clone())),
                None => {
                    rep.errors
                        .push(format!("gold sentence not found in text: {:?}", c.sentence));
                    None
                }
            })
            .collect()
    };
    let unattributed = located(
        Some("unattributed-claim"),
        &gold.unattributed_claims,
        &mut rep,
    );
    let vague = located(Some("vague-source"), &gold.unattributed_claims, &mut rep);
    let attributed = located(None, &gold.attributed_claims, &mut rep);
    rep.unattributed_claims = score(
        &unattributed,
        ClaimStatus::Unattributed,
        "unattributed",
        &mut rep,
    );
    rep.vague_sources = score(&vague, ClaimStatus::VagueSource, "vague-source", &mut rep);
    rep.attributed_claims = score(&attributed, ClaimStatus::Attributed, "attributed", &mut rep);
    rep
}

/// The report as a table.
pub fn table(rep: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<28} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}\n",
        "category", "P", "R", "F1", "tp", "fp", "fn"
    ));
    let mut row = |name: &str, c: Counts| {
        out.push_str(&format!(
            "{:<28} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}\n",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        ));
    };
    row("quotes (direct+mixed)", rep.quotes);
    row("quotes (indirect)", rep.indirect_quotes);
    row("named actors", rep.actors);
    row("unattributed claims", rep.unattributed_claims);
    row("vague-source claims", rep.vague_sources);
    row("attributed claims", rep.attributed_claims);
    out.push_str(&format!(
        "{:<28} {:>6.3}   ({} of {} matched quotes)\n",
        "speaker accuracy",
        rep.speaker_accuracy(),
        rep.speaker_correct,
        rep.speaker_total
    ));
    out.push_str(&format!(
        "{:<28} {:>6.3}   ({} of {} matched claims)\n",
        "source accuracy",
        rep.source_accuracy(),
        rep.source_correct,
        rep.source_total
    ));
    out
}
