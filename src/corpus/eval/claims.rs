//! Claims by sentence: unattributed, vague-source and attributed, and the
//! sources of attributed ones, with the class of every error.

use super::{Category, Counts, ErrorKind, EvalError, Report, Scorer};
use crate::analysis::{Claim, ClaimStatus, FindingKind};
use crate::input::gold::GoldClaim;
use crate::text::{excerpt, TextRange};

/// The code of a gold claim that names none.
const UNATTRIBUTED: &str = FindingKind::UnattributedClaim.code();

/// A gold claim with its sentence in the text.
pub(super) type GoldClaimAt<'g> = (TextRange, &'g GoldClaim);

/// The gold's claim sentences, found in the text.
pub(super) struct GoldClaims<'g> {
    pub unattributed: Vec<GoldClaimAt<'g>>,
    pub vague: Vec<GoldClaimAt<'g>>,
    pub attributed: Vec<GoldClaimAt<'g>>,
    /// Sentences that count neither way.
    pub borderline: Vec<TextRange>,
}

fn category(status: ClaimStatus) -> Category {
    match status {
        ClaimStatus::Unattributed => Category::UnattributedClaims,
        ClaimStatus::VagueSource => Category::VagueSources,
        ClaimStatus::Attributed => Category::AttributedClaims,
    }
}

impl<'a> Scorer<'a> {
    pub(super) fn locate_claims(&self, rep: &mut Report) -> GoldClaims<'a> {
        let gold = self.gold;
        let unattributed = &gold.unattributed_claims;
        GoldClaims {
            unattributed: self.locate_claim_list(Some(UNATTRIBUTED), unattributed, rep),
            vague: self.locate_claim_list(Some(FindingKind::VagueSource.code()), unattributed, rep),
            attributed: self.locate_claim_list(None, &gold.attributed_claims, rep),
            borderline: gold
                .borderline
                .iter()
                .filter_map(|b| self.locate(b.sentence()?, 0))
                .collect(),
        }
    }

    /// The gold claims of `list` with `code` (`None`: all), in the text.
    fn locate_claim_list(
        &self,
        code: Option<&str>,
        list: &'a [GoldClaim],
        rep: &mut Report,
    ) -> Vec<GoldClaimAt<'a>> {
        let has_code = |c: &GoldClaim| {
            code.is_none_or(|code| c.code.as_deref().unwrap_or(UNATTRIBUTED) == code)
        };
        let mut res = Vec::new();
        for c in list.iter().filter(|c| has_code(c)) {
            match self.locate(&c.sentence, 0) {
                Some(r) => res.push((r, c)),
                None => rep
                    .errors
                    .push(self.gold_not_found("sentence", &c.sentence)),
            }
        }
        res
    }

    pub(super) fn score_claims(&self, gold: &GoldClaims, rep: &mut Report) {
        rep.unattributed_claims =
            self.score_claim_status(gold, &gold.unattributed, ClaimStatus::Unattributed, rep);
        rep.vague_sources =
            self.score_claim_status(gold, &gold.vague, ClaimStatus::VagueSource, rep);
        rep.attributed_claims =
            self.score_claim_status(gold, &gold.attributed, ClaimStatus::Attributed, rep);
    }

    /// Claims of one status: each gold sentence takes the first unused
    /// prediction on the same sentence; predictions on borderline
    /// sentences count neither way.
    fn score_claim_status(
        &self,
        gold: &GoldClaims,
        golds: &[GoldClaimAt],
        status: ClaimStatus,
        rep: &mut Report,
    ) -> Counts {
        let preds: Vec<&Claim> = self
            .analysis
            .claims
            .iter()
            .filter(|c| c.status == status)
            .collect();
        let mut used = vec![false; preds.len()];
        let mut counts = Counts::default();
        for &(gr, gc) in golds {
            let hit = preds
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && self.same_span(gr, self.sentence_range(p)));
            match hit {
                Some((i, p)) => {
                    used[i] = true;
                    counts.tp += 1;
                    if status == ClaimStatus::Attributed {
                        rep.source_total += 1;
                        if self.same_actor(p.source, gc.source.as_deref()) {
                            rep.source_correct += 1;
                        } else {
                            rep.errors.push(self.wrong_source(p, gc));
                        }
                    }
                }
                None => {
                    counts.fn_ += 1;
                    rep.errors.push(self.missed_claim(gr, gc, status));
                }
            }
        }
        for (p, _) in preds.iter().zip(&used).filter(|(_, &u)| !u) {
            let r = self.sentence_range(p);
            if !gold.borderline.iter().any(|b| self.same_span(*b, r)) {
                counts.fp += 1;
                rep.errors.push(self.false_claim(p, gold));
            }
        }
        counts
    }

    fn missed_claim(&self, gr: TextRange, gc: &GoldClaim, status: ClaimStatus) -> EvalError {
        let sys = self
            .analysis
            .claims
            .iter()
            .find(|c| self.same_span(gr, self.sentence_range(c)));
        let detail = match (sys, status) {
            (Some(c), _) => format!("newsls says {}", c.status.as_str()),
            (None, ClaimStatus::Attributed) if self.source_in(gc, gr) => {
                "no claim for newsls, source named in the sentence".to_string()
            }
            (None, ClaimStatus::Attributed) => {
                "no claim for newsls, source not named in the sentence".to_string()
            }
            (None, _) => "no claim for newsls".to_string(),
        };
        let e = self
            .error(
                category(status),
                ErrorKind::Missed,
                Some(gr),
                self.snippet(gr),
                format!("missed · {detail}"),
            )
            .expected(describe_gold_claim(gc, status));
        match sys {
            Some(c) => e
                .found(self.describe_claim(c))
                .rule(claim_rule(c))
                .evidence(self.claim_evidence(c)),
            None => e,
        }
    }

    fn false_claim<'g>(&self, p: &Claim, gold: &GoldClaims<'g>) -> EvalError {
        let r = self.sentence_range(p);
        let listed = |list: &[GoldClaimAt<'g>]| -> Option<&'g GoldClaim> {
            list.iter()
                .find(|(g, _)| self.same_span(*g, r))
                .map(|(_, gc)| *gc)
        };
        let (listing, gc) = match (
            listed(&gold.unattributed),
            listed(&gold.vague),
            listed(&gold.attributed),
        ) {
            (Some(gc), _, _) => (
                "gold: unattributed-claim",
                Some((gc, ClaimStatus::Unattributed)),
            ),
            (None, Some(gc), _) => ("gold: vague-source", Some((gc, ClaimStatus::VagueSource))),
            (None, None, Some(gc)) => ("gold: attributed", Some((gc, ClaimStatus::Attributed))),
            (None, None, None) => ("not in gold", None),
        };
        let why = match p.status {
            ClaimStatus::Unattributed => {
                p.markers.first().map_or("no marker", |(_, k)| k.describe())
            }
            ClaimStatus::VagueSource => "vague source",
            ClaimStatus::Attributed if p.source.is_some() => "source actor",
            ClaimStatus::Attributed => "cue without an actor",
        };
        let e = self
            .error(
                category(p.status),
                ErrorKind::False,
                Some(r),
                self.snippet(r),
                format!("false · {listing}, {why}"),
            )
            .found(self.describe_claim(p))
            .rule(claim_rule(p))
            .evidence(self.claim_evidence(p));
        match gc {
            Some((gc, status)) => e.expected(describe_gold_claim(gc, status)),
            None => e,
        }
    }

    fn wrong_source(&self, p: &Claim, gc: &GoldClaim) -> EvalError {
        let r = self.sentence_range(p);
        let detail = match p.source {
            Some(_) => "another actor",
            None => "none found",
        };
        self.error(
            Category::AttributedClaims,
            ErrorKind::Wrong,
            Some(r),
            self.snippet(r),
            format!("wrong source · {detail}"),
        )
        .expected(describe_gold_claim(gc, ClaimStatus::Attributed))
        .found(self.describe_claim(p))
        .rule(claim_rule(p))
        .evidence(self.claim_evidence(p))
    }

    /// Whether a name or listed mention of the gold source occurs in `r`.
    fn source_in(&self, gc: &GoldClaim, r: TextRange) -> bool {
        let Some(source) = gc.source.as_deref() else {
            return false;
        };
        let names = self.gold_names(source, true);
        names
            .iter()
            .flat_map(|n| self.norm.find_all(self.text, n))
            .any(|m| r.contains_range(m))
    }

    fn describe_claim(&self, c: &Claim) -> String {
        match c.source {
            Some(a) => format!(
                "{} (source {})",
                c.status.as_str(),
                self.analysis.actors[a].name
            ),
            None => c.status.as_str().to_string(),
        }
    }

    /// The markers, or the cue, as written.
    fn claim_evidence(&self, c: &Claim) -> Option<String> {
        let quoted = |r: TextRange| format!("«{}»", excerpt(&self.text[r.as_range()], 40));
        match c.status {
            ClaimStatus::Unattributed if !c.markers.is_empty() => Some(format!(
                "marker {}",
                c.markers
                    .iter()
                    .map(|(r, _)| quoted(*r))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => c.cue.map(|r| format!("cue {}", quoted(r))),
        }
    }
}

/// The rule that fired: the marker kinds of an unattributed claim, the
/// vague source, or the attribution.
fn claim_rule(c: &Claim) -> Option<String> {
    match c.status {
        ClaimStatus::Unattributed => {
            let mut kinds: Vec<&str> = c.markers.iter().map(|(_, k)| k.describe()).collect();
            kinds.dedup();
            Some(format!("claim marker: {}", kinds.join(", ")))
        }
        ClaimStatus::VagueSource => Some("vague source".to_string()),
        ClaimStatus::Attributed => Some("attribution".to_string()),
    }
}

fn describe_gold_claim(gc: &GoldClaim, status: ClaimStatus) -> String {
    let what = match status {
        ClaimStatus::Attributed => format!(
            "attributed to {}",
            gc.source.as_deref().unwrap_or("(no source given)")
        ),
        _ => gc.code.clone().unwrap_or_else(|| UNATTRIBUTED.to_string()),
    };
    match &gc.why {
        Some(why) => format!("{what} ({})", excerpt(why, 60)),
        None => what,
    }
}
