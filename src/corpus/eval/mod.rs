//! Precision, recall and F1 of an analysis against gold annotations
//! (schema: docs/gold-schema.md), and every error with its class. Pure: the CLI and the
//! tests feed it texts and gold.
//!
//! - quotes (direct + mixed) match when they overlap by at least 80% of the
//!   gold quote's characters; indirect quotes are scored apart, and all
//!   quotes together whatever their kind (a quote found as the wrong kind
//!   counts there as found);
//! - speaker accuracy is over matched direct and mixed quotes, names
//!   compared after folding and through the gold actor's mentions;
//! - named actors match by canonical name or any listed mention; places and
//!   unnamed actors are left out (see `actors.rs`);
//! - claims match by sentence (80% overlap, to survive a boundary moved by
//!   a character or two); `borderline` sentences count neither way;
//! - false warnings: the warnings a reader sees that the gold does not
//!   support (see [`Category::FalseWarnings`]), counted per article.
//!
//! One file per step: `quotes.rs`, `speakers.rs`, `actors.rs`,
//! `claims.rs`, `warnings.rs`; `errors.rs` holds the error records and
//! the class table, `features.rs` the features classes are made of,
//! `locate.rs` finds gold strings in the text.

mod actors;
mod claims;
mod errors;
mod features;
mod locate;
mod quotes;
mod speakers;
mod warnings;

use std::collections::HashSet;

use crate::analysis::{Analysis, Claim, Finding, FindingKind};
use crate::input::gold::{Gold, GoldQuote};
use crate::lexicon::{Lexicon, Lexicons};
use crate::text::{excerpt, LineIndex, TextRange};

pub use errors::{class_table, sort_errors, Category, ClassRow, ErrorKind, EvalError};

use locate::{chars, overlap_chars, Normalized};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

/// `{tp, fp, fn_, precision, recall, f1}`: the counts, and the figures a
/// reader would otherwise recompute from them.
impl serde::Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Counts", 6)?;
        st.serialize_field("tp", &self.tp)?;
        st.serialize_field("fp", &self.fp)?;
        st.serialize_field("fn_", &self.fn_)?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.serialize_field("f1", &self.f1())?;
        st.end()
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The warnings of issue 14 a reader sees (`unattributed-claim`,
/// `vague-source`, `unattributed-quote`, as `newsls check` prints them),
/// and how many of them are false, by code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Warnings {
    pub shown: usize,
    pub false_unattributed_claim: usize,
    pub false_vague_source: usize,
    pub false_unattributed_quote: usize,
}

impl Warnings {
    /// Whether findings of this kind are among the warnings counted.
    pub fn is_counted(kind: &FindingKind) -> bool {
        matches!(
            kind,
            FindingKind::UnattributedClaim
                | FindingKind::VagueSource
                | FindingKind::UnattributedQuote
        )
    }

    pub fn n_false(&self) -> usize {
        self.false_unattributed_claim + self.false_vague_source + self.false_unattributed_quote
    }

    fn count_false(&mut self, kind: &FindingKind) {
        match kind {
            FindingKind::UnattributedClaim => self.false_unattributed_claim += 1,
            FindingKind::VagueSource => self.false_vague_source += 1,
            FindingKind::UnattributedQuote => self.false_unattributed_quote += 1,
            _ => {}
        }
    }

    fn add(&mut self, o: Warnings) {
        self.shown += o.shown;
        self.false_unattributed_claim += o.false_unattributed_claim;
        self.false_vague_source += o.false_vague_source;
        self.false_unattributed_quote += o.false_unattributed_quote;
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub articles: usize,
    pub quotes: Counts,
    pub indirect_quotes: Counts,
    /// Direct, mixed and indirect quotes together, kinds not compared.
    pub all_quotes: Counts,
    pub speaker_correct: usize,
    pub speaker_total: usize,
    pub actors: Counts,
    pub unattributed_claims: Counts,
    pub vague_sources: Counts,
    pub attributed_claims: Counts,
    pub source_correct: usize,
    pub source_total: usize,
    pub warnings: Warnings,
    /// Every miss, false hit, wrong speaker or source and false warning,
    /// for tuning and review (not serialized with the scores).
    pub errors: Vec<EvalError>,
}

impl Report {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.speaker_total)
    }
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_correct, self.source_total)
    }
    /// False warnings per article.
    pub fn false_warnings_per_article(&self) -> f64 {
        match self.articles {
            0 => 0.0,
            n => self.warnings.n_false() as f64 / n as f64,
        }
    }
    pub fn add(&mut self, o: &Report) {
        self.articles += o.articles;
        self.quotes.add(o.quotes);
        self.indirect_quotes.add(o.indirect_quotes);
        self.all_quotes.add(o.all_quotes);
        self.speaker_correct += o.speaker_correct;
        self.speaker_total += o.speaker_total;
        self.actors.add(o.actors);
        self.unattributed_claims.add(o.unattributed_claims);
        self.vague_sources.add(o.vague_sources);
        self.attributed_claims.add(o.attributed_claims);
        self.source_correct += o.source_correct;
        self.source_total += o.source_total;
        self.warnings.add(o.warnings);
        self.errors.extend(o.errors.iter().cloned());
    }
}

/// The scores, with the two accuracies and the false warnings; the errors
/// are serialized apart (the CLI sorts and filters them).
impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// False warnings per finding code, in this order.
        struct ByCode([(FindingKind, usize); 3]);
        impl serde::Serialize for ByCode {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (kind, n) in &self.0 {
                    m.serialize_entry(kind.code(), n)?;
                }
                m.end()
            }
        }
        /// `{count, per_article, by_code, shown}`: the false warnings, and
        /// all the warnings of those codes a reader sees.
        #[derive(serde::Serialize)]
        struct FalseWarnings {
            count: usize,
            per_article: f64,
            by_code: ByCode,
            shown: usize,
        }
        let w = &self.warnings;
        let false_warnings = FalseWarnings {
            count: w.n_false(),
            per_article: self.false_warnings_per_article(),
            by_code: ByCode([
                (FindingKind::UnattributedClaim, w.false_unattributed_claim),
                (FindingKind::VagueSource, w.false_vague_source),
                (FindingKind::UnattributedQuote, w.false_unattributed_quote),
            ]),
            shown: w.shown,
        };
        let mut st = s.serialize_struct("Report", 15)?;
        st.serialize_field("articles", &self.articles)?;
        st.serialize_field("quotes", &self.quotes)?;
        st.serialize_field("indirect_quotes", &self.indirect_quotes)?;
        st.serialize_field("all_quotes", &self.all_quotes)?;
        st.serialize_field("speaker_correct", &self.speaker_correct)?;
        st.serialize_field("speaker_total", &self.speaker_total)?;
        st.serialize_field("speaker_accuracy", &self.speaker_accuracy())?;
        st.serialize_field("actors", &self.actors)?;
        st.serialize_field("unattributed_claims", &self.unattributed_claims)?;
        st.serialize_field("vague_sources", &self.vague_sources)?;
        st.serialize_field("attributed_claims", &self.attributed_claims)?;
        st.serialize_field("source_correct", &self.source_correct)?;
        st.serialize_field("source_total", &self.source_total)?;
        st.serialize_field("source_accuracy", &self.source_accuracy())?;
        st.serialize_field("false_warnings", &false_warnings)?;
        st.end()
    }
}

fn key(s: &str) -> String {
    crate::analysis::actor_key(s)
}

/// Scores one article: each category is one step. `shown` are the
/// findings a reader sees, as `newsls check` prints them (settings and
/// suppression markers applied: `ide::diagnostics::visible`); the false
/// warnings are counted among them. Errors carry no article name: the
/// caller sets [`EvalError::article`].
pub fn evaluate(text: &str, analysis: &Analysis, shown: &[&Finding], gold: &Gold) -> Report {
    let scorer = Scorer::new(text, analysis, gold);
    let mut rep = Report {
        articles: 1,
        ..Report::default()
    };
    let gold_quotes = scorer.locate_quotes(&mut rep);
    rep.quotes = scorer.score_quotes(&gold_quotes, false, &mut rep);
    rep.indirect_quotes = scorer.score_quotes(&gold_quotes, true, &mut rep);
    rep.all_quotes = scorer.score_all_quotes(&gold_quotes);
    rep.actors = scorer.score_actors(&mut rep);
    let gold_claims = scorer.locate_claims(&mut rep);
    scorer.score_claims(&gold_claims, &mut rep);
    scorer.false_warnings(shown, &gold_quotes, &gold_claims, &mut rep);
    rep
}

/// A gold quote with its place in the text.
type GoldQuoteAt<'g> = (TextRange, &'g GoldQuote);

/// One article, its analysis and its gold, with what every step needs.
struct Scorer<'a> {
    text: &'a str,
    analysis: &'a Analysis,
    gold: &'a Gold,
    norm: Normalized,
    lines: LineIndex,
    lex: &'static Lexicon,
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
            lines: LineIndex::new(text),
            lex: Lexicons::get().lang(analysis.language),
            gold_actor_keys,
        }
    }

    fn locate(&self, needle: &str, occurrence: usize) -> Option<TextRange> {
        self.norm.find(self.text, needle, occurrence)
    }

    /// The gold actor named `name` (by key).
    fn gold_actor(&self, name: &str) -> Option<usize> {
        let k = key(name);
        self.gold.actors.iter().position(|a| key(&a.name) == k)
    }

    /// The canonical name of the gold actor called `name`, with its
    /// mentions if `mentions`; `name` alone if the gold does not list it.
    fn gold_names(&self, name: &'a str, mentions: bool) -> Vec<&'a str> {
        match self.gold_actor(name) {
            Some(i) => {
                let actor = &self.gold.actors[i];
                let mentions = actor.mentions.iter().filter(|_| mentions);
                std::iter::once(&actor.name)
                    .chain(mentions)
                    .map(String::as_str)
                    .collect()
            }
            None => vec![name],
        }
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
            .gold_actor(g)
            .map(|i| self.gold_actor_keys[i].clone())
            .unwrap_or_else(|| std::iter::once(gk.clone()).collect());
        pred_keys.contains(&gk) || gold_keys.contains(&key(&actor.name))
    }

    fn sentence_range(&self, c: &Claim) -> TextRange {
        self.analysis.sentences[c.sentence].range
    }

    /// The sentence holding `offset`.
    fn sentence_at(&self, offset: usize) -> usize {
        self.analysis
            .sentences
            .partition_point(|s| s.range.end() <= offset)
            .min(self.analysis.sentences.len().saturating_sub(1))
    }

    /// Two spans (sentences, terms) are the same when they overlap by 80% of
    /// the longer.
    fn same_span(&self, a: TextRange, b: TextRange) -> bool {
        let o = overlap_chars(self.text, a, b);
        o * 10 >= chars(self.text, a).max(chars(self.text, b)) * 8
    }

    /// The words of `r`, shortened.
    fn snippet(&self, r: TextRange) -> String {
        excerpt(&self.text[r.as_range()], 60)
    }

    /// An error at `at` (no place for a gold string not in the text).
    fn error(
        &self,
        category: Category,
        kind: ErrorKind,
        at: Option<TextRange>,
        snippet: String,
        class: String,
    ) -> EvalError {
        let pos = at.map(|r| self.lines.line_col_chars(self.text, r.start()));
        EvalError {
            category,
            kind,
            class,
            article: String::new(),
            line: pos.map(|p| p.line + 1),
            column: pos.map(|p| p.col + 1),
            snippet,
            expected: None,
            found: None,
            rule: None,
            evidence: None,
        }
    }

    /// A gold string the text does not hold.
    fn gold_not_found(&self, what: &str, s: &str) -> EvalError {
        self.error(
            Category::Gold,
            ErrorKind::Missed,
            None,
            excerpt(s, 60),
            format!("gold {what} not found in the text"),
        )
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
    row("quotes (all kinds)", rep.all_quotes);
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
    let w = &rep.warnings;
    out.push_str(&format!(
        "false warnings: {} ({:.2} per article): {} unattributed-claim, {} vague-source, {} unattributed-quote, of {} shown\n",
        w.n_false(),
        rep.false_warnings_per_article(),
        w.false_unattributed_claim,
        w.false_vague_source,
        w.false_unattributed_quote,
        w.shown
    ));
    out
}
