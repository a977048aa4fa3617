//! Precision, recall and F1 of an analysis against gold annotations
//! (DESIGN §6). Pure: the CLI and the tests feed it texts and gold.
//!
//! - quotes (direct + mixed) match when they overlap by at least 80% of the
//!   gold quote's characters; indirect quotes are scored apart;
//! - speaker accuracy is over matched direct and mixed quotes, names
//!   compared after folding and through the gold actor's mentions;
//! - named actors match by canonical name or any listed mention;
//! - claims match by sentence (80% overlap, to survive a boundary moved by
//!   a character or two); `borderline` sentences count neither way.

mod locate;

use std::collections::{HashMap, HashSet};

use crate::analysis::{Analysis, Claim, ClaimStatus, Quote, QuoteKind};
use crate::input::gold::{Gold, GoldClaim, GoldQuote};
use crate::text::TextRange;

use locate::{chars, normalize, overlap_chars, Normalized};

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

fn key(s: &str) -> String {
    crate::analysis::actor_key(s)
}

/// Scores one article: each category is one step, in the order their
/// errors are listed.
pub fn evaluate(text: &str, analysis: &Analysis, gold: &Gold) -> Report {
    let scorer = Scorer::new(text, analysis, gold);
    let mut rep = Report::default();
    let gold_quotes = scorer.locate_quotes(&mut rep);
    rep.quotes = scorer.score_quotes(&gold_quotes, false, &mut rep);
    rep.indirect_quotes = scorer.score_quotes(&gold_quotes, true, &mut rep);
    rep.actors = scorer.score_actors(&mut rep);
    scorer.score_claims(&mut rep);
    rep
}

/// A gold quote with its place in the text.
type GoldQuoteAt<'g> = (TextRange, &'g GoldQuote);

/// A gold claim with its place in the text and its source.
type GoldClaimAt = (TextRange, Option<String>);

/// One article, its analysis and its gold, with what every step needs.
struct Scorer<'a> {
    text: &'a str,
    analysis: &'a Analysis,
    gold: &'a Gold,
    norm: Normalized,
    /// Per gold actor: the keys of its canonical name and mentions.
    gold_actor_keys: Vec<HashSet<String>>,
}

impl<'a> Scorer<'a> {
    fn new(text: &'a str, analysis: &'a Analysis, gold: &'a Gold) -> Scorer<'a> {
        let gold_actor_keys = gold
            .actors
            .iter()
            .map(|a| {
                std::iter::once(&a.name)
                    .chain(&a.mentions)
                    .map(|m| key(m))
                    .collect()
            })
            .collect();
        Scorer {
            text,
            analysis,
            gold,
            norm: Normalized::new(text),
            gold_actor_keys,
        }
    }

    fn locate(&self, needle: &str, occurrence: usize) -> Option<TextRange> {
        self.norm.find(self.text, needle, occurrence)
    }

    /// Whether a predicted actor is the gold actor named `gold_name`
    /// (both absent counts as the same).
    fn same_actor(&self, pred: Option<usize>, gold_name: Option<&str>) -> bool {
        let (p, g) = match (pred, gold_name) {
            (None, None) => return true,
            (Some(p), Some(g)) => (p, g),
            _ => return false,
        };
        let actor = &self.analysis.actors[p];
        let mut pred_keys: HashSet<String> = actor
            .mentions
            .iter()
            .map(|&m| key(&self.text[self.analysis.mentions[m].range.as_range()]))
            .collect();
        pred_keys.insert(key(&actor.name));
        let gk = key(g);
        let gold_keys = self
            .gold
            .actors
            .iter()
            .position(|a| key(&a.name) == gk)
            .map(|i| self.gold_actor_keys[i].clone())
            .unwrap_or_else(|| std::iter::once(gk.clone()).collect());
        pred_keys.contains(&gk) || gold_keys.contains(&key(&actor.name))
    }

    /// Gold quotes in the text; a repeated text is taken at its next
    /// occurrence.
    fn locate_quotes(&self, rep: &mut Report) -> Vec<GoldQuoteAt<'a>> {
        let mut seen_texts: HashMap<String, usize> = HashMap::new();
        let mut res = Vec::new();
        for q in &self.gold.quotes {
            let occ = seen_texts.entry(normalize(&q.text)).or_insert(0);
            let r = self
                .locate(&q.text, *occ)
                .or_else(|| self.locate(&q.text, 0));
            *occ += 1;
            match r {
                Some(r) => res.push((r, q)),
                None => rep
                    .errors
                    .push(format!("gold quote not found in text: {:?}", q.text)),
            }
        }
        res
    }

    /// Direct and mixed quotes (`indirect` false, with speakers) or
    /// indirect quotes: each gold quote takes the unused prediction that
    /// overlaps it most, if it covers 80% of it.
    fn score_quotes(
        &self,
        gold_quotes: &[GoldQuoteAt],
        indirect: bool,
        rep: &mut Report,
    ) -> Counts {
        let text = self.text;
        let golds = gold_quotes
            .iter()
            .filter(|(_, q)| (q.kind == "indirect") == indirect);
        let preds: Vec<&Quote> = self
            .analysis
            .quotes
            .iter()
            .filter(|q| (q.kind == QuoteKind::Indirect) == indirect)
            .collect();
        let mut used = vec![false; preds.len()];
        let mut counts = Counts::default();
        for (gr, gq) in golds {
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
                        self.score_speaker(preds[i], gq, rep);
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
        for (p, _) in preds.iter().zip(&used).filter(|(_, &u)| !u) {
            counts.fp += 1;
            rep.errors.push(format!(
                "spurious {} quote: {:?}",
                p.kind.as_str(),
                crate::text::excerpt(&text[p.content.as_range()], 60)
            ));
        }
        counts
    }

    fn score_speaker(&self, pred: &Quote, gq: &GoldQuote, rep: &mut Report) {
        rep.speaker_total += 1;
        if self.same_actor(pred.speaker, gq.speaker.as_deref()) {
            rep.speaker_correct += 1;
            return;
        }
        rep.errors.push(format!(
            "speaker: {:?} is {:?}, expected {:?}",
            crate::text::excerpt(&gq.text, 50),
            pred.speaker.map(|a| &self.analysis.actors[a].name),
            gq.speaker
        ));
    }

    /// Named actors: a gold actor matches a predicted one by canonical
    /// name or any mention.
    fn score_actors(&self, rep: &mut Report) -> Counts {
        let (analysis, text) = (self.analysis, self.text);
        let preds: Vec<usize> = (0..analysis.actors.len())
            .filter(|&i| analysis.actors[i].named)
            .collect();
        let mut used = vec![false; preds.len()];
        let mut counts = Counts::default();
        for (g, gold_actor) in self.gold.actors.iter().enumerate() {
            if !gold_actor.named {
                continue;
            }
            let gold_key = key(&gold_actor.name);
            let hit = preds.iter().enumerate().position(|(k, &p)| {
                let a = &analysis.actors[p];
                !used[k]
                    && (self.gold_actor_keys[g].contains(&key(&a.name))
                        || a.mentions.iter().any(|&m| {
                            key(&text[analysis.mentions[m].range.as_range()]) == gold_key
                        }))
            });
            match hit {
                Some(k) => {
                    used[k] = true;
                    counts.tp += 1;
                }
                None => {
                    counts.fn_ += 1;
                    rep.errors
                        .push(format!("missed actor: {}", gold_actor.name));
                }
            }
        }
        for (&p, _) in preds.iter().zip(&used).filter(|(_, &u)| !u) {
            // A predicted actor that is a mention of a matched gold actor
            // (split entity) or an unnamed gold actor is not counted twice.
            let a = &analysis.actors[p];
            if !self.is_gold_actor_key(&key(&a.name)) {
                counts.fp += 1;
                rep.errors
                    .push(format!("spurious actor: {} ({})", a.name, a.kind.as_str()));
            }
        }
        counts
    }

    fn is_gold_actor_key(&self, k: &str) -> bool {
        self.gold_actor_keys.iter().any(|keys| keys.contains(k))
    }

    /// Unattributed, vague-source and attributed claims, and the sources
    /// of attributed ones.
    fn score_claims(&self, rep: &mut Report) {
        let gold = self.gold;
        let unattributed =
            self.locate_claims(Some("unattributed-claim"), &gold.unattributed_claims, rep);
        let vague = self.locate_claims(Some("vague-source"), &gold.unattributed_claims, rep);
        let attributed = self.locate_claims(None, &gold.attributed_claims, rep);
        let borderline: Vec<TextRange> = gold
            .borderline
            .iter()
            .filter_map(|b| self.locate(b.sentence()?, 0))
            .collect();
        let claims = ClaimScoring {
            scorer: self,
            borderline,
        };
        rep.unattributed_claims = claims.score(
            &unattributed,
            ClaimStatus::Unattributed,
            "unattributed",
            rep,
        );
        rep.vague_sources = claims.score(&vague, ClaimStatus::VagueSource, "vague-source", rep);
        rep.attributed_claims =
            claims.score(&attributed, ClaimStatus::Attributed, "attributed", rep);
    }

    /// The gold claims of `list` with `code` (`None`: all), in the text.
    fn locate_claims(
        &self,
        code: Option<&str>,
        list: &[GoldClaim],
        rep: &mut Report,
    ) -> Vec<GoldClaimAt> {
        let has_code = |c: &GoldClaim| {
            code.is_none_or(|code| c.code.as_deref().unwrap_or("unattributed-claim") == code)
        };
        let mut res = Vec::new();
        for c in list.iter().filter(|c| has_code(c)) {
            match self.locate(&c.sentence, 0) {
                Some(r) => res.push((r, c.source.clone())),
                None => rep
                    .errors
                    .push(format!("gold sentence not found in text: {:?}", c.sentence)),
            }
        }
        res
    }

    fn sentence_range(&self, c: &Claim) -> TextRange {
        self.analysis.sentences[c.sentence].range
    }

    /// Two sentences are the same when they overlap by 80% of the longer.
    fn same_sentence(&self, a: TextRange, b: TextRange) -> bool {
        let o = overlap_chars(self.text, a, b);
        o * 10 >= chars(self.text, a).max(chars(self.text, b)) * 8
    }
}

/// Claims of one status against gold sentences; predictions on
/// `borderline` sentences count neither way.
struct ClaimScoring<'s, 'a> {
    scorer: &'s Scorer<'a>,
    borderline: Vec<TextRange>,
}

impl ClaimScoring<'_, '_> {
    fn score(
        &self,
        golds: &[GoldClaimAt],
        status: ClaimStatus,
        label: &str,
        rep: &mut Report,
    ) -> Counts {
        let s = self.scorer;
        let preds: Vec<&Claim> = s
            .analysis
            .claims
            .iter()
            .filter(|c| c.status == status)
            .collect();
        let mut used = vec![false; preds.len()];
        let mut counts = Counts::default();
        for (gr, source) in golds {
            let hit = preds
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && s.same_sentence(*gr, s.sentence_range(p)));
            match hit {
                Some((i, p)) => {
                    used[i] = true;
                    counts.tp += 1;
                    if status == ClaimStatus::Attributed {
                        rep.source_total += 1;
                        if s.same_actor(p.source, source.as_deref()) {
                            rep.source_correct += 1;
                        }
                    }
                }
                None => {
                    counts.fn_ += 1;
                    rep.errors.push(format!(
                        "missed {label} claim: {:?}",
                        crate::text::excerpt(&s.text[gr.as_range()], 70)
                    ));
                }
            }
        }
        for (p, _) in preds.iter().zip(&used).filter(|(_, &u)| !u) {
            let r = s.sentence_range(p);
            if !self.borderline.iter().any(|b| s.same_sentence(*b, r)) {
                counts.fp += 1;
                rep.errors.push(format!(
                    "spurious {label} claim: {:?}",
                    crate::text::excerpt(&s.text[r.as_range()], 70)
                ));
            }
        }
        counts
    }
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
