//! Claims: sentences outside quotations, classified as attributed,
//! vague-source or unattributed.
//!
//! A sentence is a claim when it names a source, or when it carries a claim
//! marker ([`markers`]): hearsay, a hearsay or speculative conditional, the
//! writer's speculation, an appeal to common knowledge, an accusation, an
//! evaluation presented as fact, a statistic.
//!
//! - attributed: a source governs every marker: a sentence-wide one (an
//!   incise at its end, `selon X`, `Pour X,`) or a speech verb before the
//!   marker; a source the registry does not know counts when it is a
//!   definite description or a name (`…, a indiqué la direction.`,
//!   `according to the report`); or the sentence carries on the reported
//!   speech of its paragraph ([`Carried`]): a conditional, a statistic or
//!   an accusation after a sourced sentence of the same paragraph;
//! - vague-source: the only source is anonymous, indefinite or impersonal
//!   (`des sources proches du dossier`, `some experts`, `it is believed`);
//! - unattributed: markers and no source.
//!
//! Not carried over: the writer's own hearsay, speculation, evaluations
//! and appeals to consensus (`reportedly`, `probablement`), and a sentence
//! that opens by contradicting (`Pourtant`, `However`). Not claims:
//! sentences without a marker or a source, questions, hypotheses
//! (si/if), counts, dates, times, ages and vote results (see [`figures`]),
//! sentences that are quotations (a direct quote, or an utterance quoted
//! right after its speaker's verb: see [`utterance`]).

mod conditional;
mod figures;
mod markers;

#[cfg(test)]
mod check;

use super::actors::Registry;
use super::attribution::{sentence_cues, sentence_sources, Scope, Source};
use super::{ActorId, Claim, ClaimStatus, Doc, MarkerKind, Quote, QuoteKind};
use crate::lexicon::{word_classes, ClaimRole, Lang};
use crate::text::TextRange;

/// Where a claim comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Origin {
    /// The actor, when the source is one the registry knows.
    actor: Option<ActorId>,
    cue: TextRange,
    vague: bool,
    /// A sentence-wide attribution (`selon X`, an incise): it frames what
    /// the paragraph goes on to report.
    frames: bool,
}

impl Origin {
    fn of(doc: &Doc, src: Source, scope: Scope, reg: &Registry) -> Origin {
        let actor = &reg.actors[src.actor];
        Origin {
            actor: Some(src.actor),
            cue: src.cue,
            vague: !actor.named && !on_record(&actor.name),
            frames: frames(doc, scope, src.cue),
        }
    }
}

/// Whether a cue frames what its paragraph goes on to report: a
/// sentence-wide one (`selon X`, an incise `a indiqué X`), not a present
/// participle (`…, demandant aux clients de…` heads its own clause).
fn frames(doc: &Doc, scope: Scope, cue: TextRange) -> bool {
    scope == Scope::Sentence
        && (doc
            .match_at(&doc.lex.attribution_phrases, cue.start())
            .is_some()
            || !participle(doc, cue))
}

/// Whether a cue opens with a present participle (`demandant`, `asking`):
/// it reports within its own clause, never for the sentences after it.
fn participle(doc: &Doc, cue: TextRange) -> bool {
    let first = doc.words(cue).first().map_or("", |w| w.folded);
    // The endings of the present participle: the grammar of the rule.
    match doc.lex.lang {
        Lang::Fr => first.ends_with("ant"),
        Lang::En => first.ends_with("ing"),
    }
}

/// An unnamed source reporting no marked claim is vague only when it is an
/// anonymous source of the lexicon (officials, sources, experts, son
/// entourage) or asked not to be named; an indefinite noun phrase the
/// resolver made an actor of (`A potential charge`, `a facility within
/// …`) is no anonymous source of information. The reporter's own
/// interviewees (`protesters the paper interviewed`) are first-hand
/// sources whatever they report, unless they asked not to be named.
fn settle_vagueness(
    doc: &Doc,
    o: Origin,
    markers: &[(TextRange, MarkerKind)],
    phrases: &[(TextRange, ClaimRole)],
    reg: &Registry,
) -> Origin {
    let Some(actor) = o.actor.filter(|_| o.vague) else {
        return o;
    };
    let name = crate::text::fold(&reg.actors[actor].name);
    let asked_anonymity = phrases.iter().any(|(_, r)| *r == ClaimRole::Anonymity);
    let first_hand = name
        .split_whitespace()
        .any(|w| doc.lex.claims.first_hand.contains(w));
    if asked_anonymity {
        return o;
    }
    if first_hand {
        return Origin { vague: false, ..o };
    }
    if !markers.is_empty() {
        return o;
    }
    let anonymous = doc.lex.vague_sources.find_iter(&name).next().is_some();
    Origin {
        vague: anonymous,
        ..o
    }
}

/// Whether an unnamed source speaks on the record for an organisation it
/// names: a spokesperson, an analyst or a study of a capitalised name (`a
/// Coles spokesperson`, `analysts at Morgan Stanley`, `une étude de
/// l'université de Caen`).
fn on_record(phrase: &str) -> bool {
    let folded = crate::text::fold(phrase);
    let voices = &crate::lexicon::Lexicons::get().shared.institutional_voices;
    voices.iter().any(|v| folded.contains(v.as_str()))
        && phrase
            .split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
}

/// The source a paragraph's reported speech carries to its next sentences:
/// the latest one named in the paragraph (by a claim or a quote).
#[derive(Default)]
struct Carried {
    paragraph: usize,
    source: Option<Origin>,
}

impl Carried {
    fn enter(&mut self, paragraph: usize) {
        if paragraph != self.paragraph {
            self.paragraph = paragraph;
            self.source = None;
        }
    }
}

pub fn classify(doc: &Doc, quotes: &mut [Quote], reg: &mut Registry) -> Vec<Claim> {
    let mut res: Vec<Claim> = Vec::new();
    let mut speakers: Vec<(usize, ActorId)> = Vec::new();
    let mut carried = Carried::default();
    for (idx, s) in doc.sentences.iter().enumerate() {
        carried.enter(s.paragraph);
        let in_sentence = quotes_in(quotes, s.range);
        let mut reported = None;
        for q in &in_sentence {
            if let Some(a) = q.speaker {
                speakers.push((q.range.start(), a));
                let cue = q.cue.unwrap_or(q.range);
                if q.kind == QuoteKind::Indirect && !participle(doc, cue) {
                    reported = Some(Origin::of(
                        doc,
                        Source { actor: a, cue },
                        Scope::Verb(None),
                        reg,
                    ));
                }
            }
        }
        if reported.is_some() {
            carried.source = reported;
        }
        // A sentence holding a direct quotation is checked as a quote (for
        // its speaker), not as a claim of the writer.
        if in_sentence
            .iter()
            .any(|q| q.kind == QuoteKind::Direct || utterance(doc, q, s.range))
        {
            continue;
        }
        let phrases = markers::phrases(doc, s.range);
        let markers = markers::markers(doc, s.range, &phrases);
        let sources = sentence_sources(doc, idx, reg, &speakers);
        let origin = own_source(doc, idx, &markers, &sources, &in_sentence, reg)
            .or_else(|| impersonal(&phrases))
            .or_else(|| carried_over(doc, idx, &markers, &carried));
        let origin = origin.map(|o| settle_vagueness(doc, o, &markers, &phrases, reg));
        let status = match origin {
            Some(o) if o.vague => ClaimStatus::VagueSource,
            Some(_) => ClaimStatus::Attributed,
            None if !markers.is_empty() => ClaimStatus::Unattributed,
            None => continue,
        };
        if let Some(o) = origin {
            if let Some(a) = o.actor {
                speakers.push((o.cue.start(), a));
            }
            // Only reported speech carries on: a frame or a reported
            // clause, not a quotation's speaker nor a verb with an object
            // ("HP accuse une baisse", "expriment leur lassitude").
            if o.frames || reported.is_some() {
                carried.source = Some(o);
            }
        }
        res.push(Claim {
            sentence: idx,
            status,
            source: origin.and_then(|o| o.actor),
            markers,
            cue: origin.map(|o| o.cue),
        });
    }
    res
}

/// Whether marked words embedded in the sentence are an utterance of
/// their own, so the sentence is checked as a quote: a clause of a few
/// words or more opening with a capital, the object of its speaker's verb
/// with no que/that between them (`said on Friday "We are committed…"`).
/// Not the writer's clause: lowercase words (`called it "a
/// non-starter"`), a name or a title (`raille « Coach » Romney`), words
/// governed by `selon X` or `according to X` (the guide makes them
/// reported speech of the sentence).
fn utterance(doc: &Doc, q: &Quote, s: TextRange) -> bool {
    let Some(cue) = q
        .cue
        .filter(|_| q.kind == QuoteKind::Mixed && q.speaker.is_some())
    else {
        return false;
    };
    if cue.end() > q.range.start()
        || doc
            .match_at(&doc.lex.attribution_phrases, cue.start())
            .is_some()
    {
        return false;
    }
    let text = &doc.text[q.content.as_range()];
    let capital = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let between = doc.words(TextRange::new(cue.end(), q.range.start()));
    let introduced = between.last().is_some_and(|w| {
        let folded = w.folded.trim_end_matches('\'');
        doc.lex
            .complementizers
            .iter()
            .any(|c| c.trim_end_matches('\'') == folded)
    });
    // The verb's object is next to it (a complement of place or time at
    // most), not in apposition to a noun after it, which the sentence
    // goes on from (`says his event, "Storm…", was posted`); a clause has
    // a subject, a verb and more.
    let gap = doc.text[cue.end()..q.range.start()].trim_end();
    let rest = doc.words(TextRange::new(q.range.end(), s.end()));
    let apposition = !between.is_empty() && gap.ends_with(',') && !rest.is_empty();
    capital
        && !introduced
        && !apposition
        && between.len() <= 3
        && doc.words(q.content).len() >= 3
        && s.contains_range(q.range)
}

/// The quotes overlapping a sentence. Quotes are sorted by start; one may
/// begin in an earlier sentence (over paragraphs), so look back a little.
fn quotes_in(quotes: &[Quote], s: TextRange) -> Vec<&Quote> {
    let first = quotes
        .partition_point(|q| q.range.start() < s.start())
        .saturating_sub(4);
    quotes[first..]
        .iter()
        .take_while(|q| q.range.start() < s.end())
        .filter(|q| q.range.intersects(s))
        .collect()
}

/// The sentence's own source: one that governs every marker, or the
/// speaker of a quote of the sentence; without markers, any source with
/// content.
fn own_source(
    doc: &Doc,
    idx: usize,
    markers: &[(TextRange, MarkerKind)],
    sources: &[(Source, Scope)],
    in_sentence: &[&Quote],
    reg: &Registry,
) -> Option<Origin> {
    let quote_source = in_sentence.iter().find_map(|q| {
        Some(Source {
            actor: q.speaker?,
            cue: q.cue.unwrap_or(q.range),
        })
    });
    if markers.is_empty() {
        let with_content = sources
            .iter()
            .find(|(_, scope)| !matches!(scope, Scope::Verb(None)));
        let quoted = quote_source.map(|src| Origin::of(doc, src, Scope::Verb(None), reg));
        return quoted.or(with_content.map(|(src, scope)| Origin::of(doc, *src, *scope, reg)));
    }
    if let Some((src, scope)) = governing_source(markers, sources) {
        return Some(Origin::of(doc, src, scope, reg));
    }
    let covered_by_quote = quote_source.filter(|_| {
        in_sentence
            .iter()
            .any(|q| q.speaker.is_some() && q.kind != QuoteKind::Mixed)
    });
    let after_quote = || {
        quote_source.filter(|_| {
            markers
                .iter()
                .all(|(r, _)| in_sentence.iter().any(|q| q.range.start() <= r.start()))
        })
    };
    covered_by_quote
        .or_else(after_quote)
        .map(|src| Origin::of(doc, src, Scope::Verb(None), reg))
        .or_else(|| governing_cue(doc, idx, markers, sources, reg))
}

/// A resolved source governing every marker: a sentence-wide one (an
/// incise, `selon X`, `Pour X,`), or the first speech verb if it comes
/// before them. Computed once so a sentence with many markers and cues
/// costs linear time.
fn governing_source(
    markers: &[(TextRange, MarkerKind)],
    sources: &[(Source, Scope)],
) -> Option<(Source, Scope)> {
    let sentence_wide = sources.iter().find(|(_, scope)| *scope == Scope::Sentence);
    let earliest_verb = sources
        .iter()
        .filter(|(_, scope)| matches!(scope, Scope::Verb(_)))
        .min_by_key(|(src, _)| src.cue.start());
    let first_marker = markers.iter().map(|(r, _)| r.start()).min()?;
    sentence_wide
        .or(earliest_verb.filter(|(src, _)| src.cue.start() <= first_marker))
        .copied()
}

/// The slower reading, when no resolved source governs the markers from
/// before them: a cue governs a marker inside its own subject too
/// (`Estimates by the government state …`), and a cue whose subject the
/// registry does not know still sources the claim when it is a definite
/// description or a name (`…, a indiqué la direction.`, `according to the
/// report`), or leaves it vague when it is a bare common noun
/// (`Protesters said`).
fn governing_cue(
    doc: &Doc,
    idx: usize,
    markers: &[(TextRange, MarkerKind)],
    sources: &[(Source, Scope)],
    reg: &Registry,
) -> Option<Origin> {
    let s = doc.sentences[idx].range;
    sentence_cues(doc, idx).into_iter().find_map(|c| {
        let governs = |m: TextRange| match c.scope {
            Scope::Sentence => true,
            Scope::Verb(_) => c.words.start() <= m.start() || c.subject.contains_range(m),
        };
        if !markers.iter().all(|(m, _)| governs(*m)) {
            return None;
        }
        if let Some((src, _)) = sources.iter().find(|(src, _)| src.cue == c.words) {
            return Some(Origin::of(doc, *src, c.scope, reg));
        }
        let vague = subject_kind(doc, c.subject, s)?;
        Some(Origin {
            actor: None,
            cue: c.words,
            vague: vague && !on_record(&doc.text[c.subject.as_range()]),
            frames: frames(doc, c.scope, c.words),
        })
    })
}

/// Whether an unresolved subject is a source: `Some(false)` for a definite
/// one, `Some(true)` for a vague one, `None` for no source at all.
/// Pronouns that resolved to no one are no source: never a guess.
fn subject_kind(doc: &Doc, subject: TextRange, s: TextRange) -> Option<bool> {
    let words = doc.words(subject);
    let first = words.first()?;
    let shared = &doc.lexicons.shared;
    if words.len() > 8
        || shared.adverbial_openers.contains(first.folded)
        || doc.lex.pronouns.contains_key(first.folded)
    {
        return None;
    }
    if !doc.find(&doc.lex.vague_sources, subject).is_empty() {
        return Some(true);
    }
    if doc.lex.claims.source_determiners.contains(first.folded) {
        return Some(false);
    }
    let raw = &doc.text[first.range.as_range()];
    if !raw.starts_with(char::is_uppercase) {
        return None;
    }
    // A capital opening the sentence says nothing: a common word there is
    // a bare noun ("Protesters said"), a vague group; any other capital
    // is a name the actor pass missed.
    let common = word_classes(doc.lex.lang, first.folded);
    let sentence_initial = first.range.start() <= s.start() + 2;
    Some(sentence_initial && common.is_common() && !common.is_name())
}

/// An impersonal attribution of the sentence ("dit-on", "it is believed").
fn impersonal(phrases: &[(TextRange, ClaimRole)]) -> Option<Origin> {
    phrases
        .iter()
        .find(|(_, role)| *role == ClaimRole::Impersonal)
        .map(|&(cue, _)| Origin {
            actor: None,
            cue,
            vague: true,
            frames: true,
        })
}

/// The reported speech of the paragraph, carried on by a sentence whose
/// markers all report (a conditional, a statistic, an accusation) and
/// which does not open by contradicting it.
fn carried_over(
    doc: &Doc,
    idx: usize,
    markers: &[(TextRange, MarkerKind)],
    carried: &Carried,
) -> Option<Origin> {
    let reports = |k: MarkerKind| {
        matches!(
            k,
            MarkerKind::Conditional | MarkerKind::Statistic | MarkerKind::Accusation
        )
    };
    if markers.is_empty() || !markers.iter().all(|(_, k)| reports(*k)) {
        return None;
    }
    let s = doc.sentences[idx].range;
    let first = doc.words(s).first()?;
    if doc
        .match_at(&doc.lex.claims.contrast_openers, first.range.start())
        .is_some()
    {
        return None;
    }
    carried.source.or_else(|| unknown_earlier_source(doc, idx))
}

/// A source the registry does not know framing an earlier sentence of
/// the paragraph (`…, a indiqué la direction.` before `Cette annonce …`);
/// sentences without markers are not read for it until one is needed.
/// A sentence with a quotation frames the quotation, not what follows.
fn unknown_earlier_source(doc: &Doc, idx: usize) -> Option<Origin> {
    let para = doc.sentences[idx].paragraph;
    (idx.saturating_sub(4)..idx)
        .rev()
        .take_while(|&k| doc.sentences[k].paragraph == para)
        .filter(|&k| !holds_quotation(doc, doc.sentences[k].range))
        .find_map(|k| {
            let s = doc.sentences[k].range;
            sentence_cues(doc, k)
                .into_iter()
                .filter(|c| frames(doc, c.scope, c.words))
                .find_map(|c| {
                    let vague = subject_kind(doc, c.subject, s)?;
                    Some(Origin {
                        actor: None,
                        cue: c.words,
                        vague,
                        frames: true,
                    })
                })
        })
}

fn holds_quotation(doc: &Doc, s: TextRange) -> bool {
    let i = doc.quoted.partition_point(|q| q.end() <= s.start());
    doc.quoted.get(i).is_some_and(|q| q.start() < s.end())
}

#[cfg(test)]
mod tests {
    use super::check::check_claims;

    #[test]
    fn a_source_at_the_end_or_the_start_governs_the_sentence() {
        check_claims(
            "Environ 500 postes seraient supprimés, $0a indiqué$0 la direction.",
            "attributed [conditional «seraient»]",
        );
        check_claims(
            "Sales rose 40% last week, $0according to a Coles spokesperson$0.",
            "attributed a Coles spokesperson [statistic «rose», statistic «%»]",
        );
    }

    #[test]
    fn the_reported_speech_of_a_paragraph_carries_on() {
        check_claims(
            "Selon l'Insee, le chômage a baissé. Il toucherait 7 % des actifs.\n\nLe taux $0serait$0 stable.",
            "attributed Insee\nattributed Insee [conditional «toucherait», statistic «%»]\nunattributed [conditional «serait»]",
        );
        check_claims(
            "Ann Lee said the budget was balanced. However, the deficit $0could$0 reach 12%.",
            "attributed Ann Lee\nunattributed [conditional «could», statistic «%»]",
        );
    }

    #[test]
    fn a_quotation_does_not_frame_what_follows() {
        check_claims(
            "« Nous verrons », a dit Paul Girard. Un accord $0pourrait$0 être signé.",
            "unattributed [conditional «pourrait»]",
        );
        check_claims(
            "Léa Roux a assuré que « tout ira bien ». La crise $0pourrait$0 durer.",
            "attributed Léa Roux\nunattributed [conditional «pourrait»]",
        );
    }

    #[test]
    fn a_present_participle_reports_only_its_own_clause() {
        check_claims(
            "Le ministre Paul Girard a écrit aux maires, demandant qu'ils ferment les écoles. Les pertes $0pourraient$0 atteindre 3 millions d'euros.",
            "attributed Paul Girard\nunattributed [conditional «pourraient»]",
        );
        check_claims(
            "Mayor Ann Lee wrote to the schools, asking that they close on Monday. Losses $0could$0 reach 12% of revenue.",
            "attributed Ann Lee\nunattributed [conditional «could», statistic «%»]",
        );
    }

    #[test]
    fn a_quoted_utterance_after_its_verb_is_a_quote_not_a_claim() {
        check_claims(
            "Mayor Ann Lee said on Monday \"We will rebuild the bridge.\"",
            "",
        );
    }

    #[test]
    fn words_quoted_in_the_writers_clause_are_an_attributed_claim() {
        check_claims(
            "Mayor Ann Lee said the plan was \"a costly mistake\".",
            "attributed Ann Lee",
        );
        check_claims(
            "Selon Paul Girard, « Le chômage baisse depuis trois mois ».",
            "attributed Paul Girard",
        );
    }

    #[test]
    fn the_writers_own_hearsay_is_never_carried_over() {
        check_claims(
            "Police said a man was arrested. He $0reportedly$0 fled from the scene.",
            "attributed police\nunattributed [hearsay «reportedly»]",
        );
    }

    #[test]
    fn an_unnamed_source_of_no_marked_claim_is_vague_only_if_anonymous() {
        check_claims(
            "Un vétérinaire, qui a requis l'anonymat, $0estime que$0 le virus circule.",
            "vague-source Un vétérinaire",
        );
        check_claims(
            "A former teacher said the school was her whole life.",
            "attributed A former teacher",
        );
    }

    #[test]
    fn the_reporters_own_interviewees_are_first_hand_sources() {
        check_claims(
            "Some of the farmers the paper interviewed $0said$0 they had sold their land.",
            "attributed Some of the farmers the paper interviewed",
        );
        check_claims(
            "Des habitants interrogés par notre journal $0affirment$0 que l'usine pourrait fermer.",
            "attributed Des habitants interrogés par notre journal [conditional «pourrait»]",
        );
        check_claims(
            "A farmer interviewed anonymously $0said$0 sales fell by 30%.",
            "vague-source A farmer interviewed anonymously [statistic «fell», statistic «%»]",
        );
    }

    #[test]
    fn anonymous_and_impersonal_sources_are_vague() {
        check_claims(
            "$0D'après des sources proches du dossier$0, l'accord serait signé lundi.",
            "vague-source des sources proches du dossier [conditional «serait»]",
        );
        check_claims(
            "$0There have been reports$0 that the mayor resigned.",
            "vague-source",
        );
        check_claims(
            "The ceasefire, $0it is believed$0, could collapse within days.",
            "vague-source",
        );
        check_claims(
            "$0According to experts$0, repairs could cost $40 million.",
            "vague-source experts [conditional «could»]",
        );
    }
}
