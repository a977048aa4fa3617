//! Quotes with their kind, speaker and cue, and the sources of sentences.
//!
//! Every way a text names who speaks is a *construction*, one file each,
//! listed once in [`CONSTRUCTIONS`]. Each caller loops over that table:
//!
//! - the speaker of a quote ([`speaker`]): the first cue, in table order,
//!   whose subject resolves to an actor ([`resolve`]); some constructions
//!   (interview answers, continued speech) name the actor directly;
//! - the sources of a sentence read as a claim ([`sentence_sources`]);
//! - whether a sentence reports speech around a short marked passage
//!   ([`marked`]: else the passage is a name or a term);
//! - the clause a construction attributes in a sentence without marks
//!   ([`attributed_sentence`]), and where a reported clause ends
//!   ([`clause_content`]).
//!
//! Marked passages that are speech and their kind live in [`marked`];
//! indirect speech with que/that in [`reported_clause`]. No cue, no
//! speaker: never a guess.
//!
//! To add a construction: a new file implementing [`Construction`] for the
//! roles it plays (each method defaults to "not this construction"), with
//! its tests at the bottom, and one line in [`CONSTRUCTIONS`].

mod announced;
mod colon;
mod continuation;
mod incise;
mod interview;
mod marked;
mod opinion;
mod opinion_role;
mod participial;
mod passive;
mod phrase;
mod reported_clause;
mod resolve;
mod sentence_cues;
mod split;
mod subject;
mod subject_verb;
mod verbs;

#[cfg(test)]
mod check;

use super::actors::Registry;
use super::quotes::QuoteSpan;
use super::{ActorId, Doc, Quote, QuoteKind};
use crate::text::{is_space, TextRange};
use marked::{is_name_or_term, marked_kind};
use reported_clause::reported_clauses;
pub use sentence_cues::sentence_cues;

/// Every construction, in order of precedence: for a quote, the first
/// whose cue resolves names the speaker.
const CONSTRUCTIONS: &[&dyn Construction] = &[
    &participial::Participial,
    &incise::Incise,
    &passive::PassiveAgent,
    &split::SplitQuote,
    &subject_verb::SubjectVerb,
    &incise::ClauseIncise,
    &phrase::AttributionPhrase,
    &opinion::OpinionOpener,
    &opinion_role::OpinionRole,
    &colon::ColonCue,
    &interview::InterviewAnswer,
    &announced::AnnouncedSpeech,
    &continuation::Continuation,
];

/// One way a text names a source. Each method is one role the
/// construction may play; the defaults play none.
trait Construction {
    /// The construction's stable name, recorded on the quotes whose
    /// speaker it names ([`Quote::construction`]) and shown by `eval -v`.
    fn id(&self) -> &'static str;

    /// Cues naming the speaker of the quote `at`, most likely first.
    fn quote(&self, _doc: &Doc, _at: &QuoteAt, _reg: &Registry) -> Vec<Found> {
        Vec::new()
    }

    /// Sources of sentence `idx` read as a claim, with their scope;
    /// `found` holds what the constructions before this one found.
    fn sentence(&self, _doc: &Doc, _idx: usize, _found: &[(Cue, Scope)]) -> Vec<(Cue, Scope)> {
        Vec::new()
    }

    /// Whether `sentence` reports speech around the marked passage `span`
    /// (`around`: the part of the sentence near it).
    fn reports_speech(
        &self,
        _doc: &Doc,
        _span: TextRange,
        _sentence: usize,
        _around: TextRange,
    ) -> bool {
        false
    }

    /// The clause this construction attributes in sentence `idx`, which
    /// holds no marked speech.
    fn unmarked_clause(&self, _doc: &Doc, _idx: usize, _reg: &Registry) -> Option<Clause> {
        None
    }

    /// Whether a reported clause running to `end` stops at the comma at
    /// `comma` (the construction follows it).
    fn ends_clause(&self, _doc: &Doc, _comma: usize, _end: usize) -> bool {
        false
    }
}

/// What a construction finds: the words naming a source, to be resolved
/// to an actor, and the words that introduce the speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cue {
    /// "le journal américain", "Xi Jinping", "elle".
    subject: TextRange,
    /// "a souligné", "a assuré que", "selon Reuters", "Pour Vikram Singh".
    words: TextRange,
}

/// A speaker candidate of a quote.
enum Found {
    Cue(Cue),
    /// The actor itself (the interviewee, the speaker continued), with a
    /// cue when there is one.
    Speaker {
        actor: ActorId,
        cue: Option<TextRange>,
    },
}

impl Found {
    /// The candidate of a construction that finds at most one (subject,
    /// words) pair.
    fn one(pair: Option<(TextRange, TextRange)>) -> Vec<Found> {
        pair.map(|(subject, words)| Found::Cue(Cue { subject, words }))
            .into_iter()
            .collect()
    }
}

impl Cue {
    /// At most one (subject, words) pair, as a source of the whole
    /// sentence.
    fn sentence_wide(pair: Option<(TextRange, TextRange)>) -> Vec<(Cue, Scope)> {
        pair.map(|(subject, words)| (Cue { subject, words }, Scope::Sentence))
            .into_iter()
            .collect()
    }
}

/// A clause of an unmarked sentence attributed by a construction.
struct Clause {
    content: TextRange,
    /// An attribution phrase frames the whole sentence: its clause wins
    /// over those of constructions before it in the table.
    frames_sentence: bool,
}

/// A quote whose speaker is looked for.
struct QuoteAt<'a> {
    /// Every quote, in text order; those before `index` have their speakers.
    quotes: &'a [Quote],
    index: usize,
    /// The quote's sentence (to the end of the sentence it ends in), cut
    /// to a window around it.
    window: TextRange,
}

impl QuoteAt<'_> {
    fn quote(&self) -> &Quote {
        &self.quotes[self.index]
    }
}

/// A source found for a quote or a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub actor: ActorId,
    pub cue: TextRange,
}

/// How a source is tied to its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A speech verb; `Some(end)` when a que/that clause, colon or quote
    /// follows it, from `end` on.
    Verb(Option<usize>),
    /// An incise, an attribution phrase or an opinion opener: the whole
    /// sentence.
    Sentence,
}

pub fn quotes(doc: &Doc, spans: &[QuoteSpan], reg: &mut Registry) -> Vec<Quote> {
    let mut res: Vec<Quote> = Vec::new();
    // Marked quotes that are speech.
    for span in spans.iter().filter(|s| s.depth == 0) {
        let sentence = doc.sentence_of(span.range.start());
        if is_name_or_term(doc, span, sentence) {
            continue;
        }
        let kind = marked_kind(doc, span, sentence);
        res.push(Quote {
            range: span.range,
            content: span.content,
            kind,
            speaker: None,
            cue: None,
            sentence,
            construction: None,
        });
    }
    // Indirect quotes in sentences without marked speech. The marked
    // quotes are sorted by start: each sentence finds its own by binary
    // search.
    let marked_all: Vec<TextRange> = res.iter().map(|q| q.range).collect();
    let mut indirect_quotes = Vec::new();
    for (idx, s) in doc.sentences.iter().enumerate() {
        let first = marked_all.partition_point(|m| m.end() <= s.range.start());
        let marked: Vec<TextRange> = marked_all[first..]
            .iter()
            .take_while(|m| m.start() < s.range.end())
            .filter(|m| m.intersects(s.range))
            .copied()
            .collect();
        if marked.is_empty() {
            indirect_quotes.extend(indirect(doc, idx, reg));
        } else {
            // Reported clauses that hold no quotation ("… « à la
            // responsabilité » et a estimé qu'une reprise était possible").
            let clauses = reported_clauses(doc, idx);
            indirect_quotes.extend(
                clauses
                    .into_iter()
                    .filter(|c| !marked.iter().any(|m| m.intersects(c.range))),
            );
        }
    }
    res.extend(indirect_quotes);
    res.sort_by_key(|q| q.range.start);
    // Speakers in text order, so pronouns can prefer earlier speakers.
    let mut speakers: Vec<(usize, ActorId)> = Vec::new();
    for i in 0..res.len() {
        if res[i].speaker.is_none() {
            if let Some(found) = speaker(doc, &res, i, reg, &speakers) {
                res[i].speaker = Some(found.actor);
                res[i].cue = found.cue;
                res[i].construction = Some(found.construction);
            }
        }
        if let Some(a) = res[i].speaker {
            speakers.push((res[i].range.start(), a));
        }
    }
    res
}

/// A quote's speaker, its cue and the construction that found them.
struct Speaker {
    actor: ActorId,
    cue: Option<TextRange>,
    construction: &'static str,
}

/// The speaker of quote `i` and its cue: the first construction's
/// candidate that names an actor.
fn speaker(
    doc: &Doc,
    quotes: &[Quote],
    i: usize,
    reg: &mut Registry,
    speakers: &[(usize, ActorId)],
) -> Option<Speaker> {
    let q = &quotes[i];
    let sentence = doc.sentences[q.sentence].range;
    let sentence_end = doc.sentences[doc.sentence_of(q.range.end().saturating_sub(1))]
        .range
        .end()
        .max(sentence.end());
    let window = doc.window(TextRange::new(sentence.start(), sentence_end), q.range);
    let at = QuoteAt {
        quotes,
        index: i,
        window,
    };
    for construction in CONSTRUCTIONS {
        let named = |actor, cue| Speaker {
            actor,
            cue,
            construction: construction.id(),
        };
        let mut cues = Vec::new();
        for found in construction.quote(doc, &at, reg) {
            match found {
                Found::Cue(cue) => cues.push(cue),
                Found::Speaker { actor, cue } => return Some(named(actor, cue)),
            }
        }
        // The candidates of a construction are read together: a subject
        // naming its actor (a name, a pronoun) wins over one reached
        // through a complement or a vague phrase.
        if let Some((i, r)) = resolve::best_of(doc, cues.iter().map(|c| c.subject), reg, speakers) {
            let actor = r.commit(doc, reg);
            return Some(named(actor, Some(cues[i].words)));
        }
    }
    None
}

/// Used by claims: every source of a sentence with its scope.
pub fn sentence_sources(
    doc: &Doc,
    idx: usize,
    reg: &mut Registry,
    speakers: &[(usize, ActorId)],
) -> Vec<(Source, Scope)> {
    let mut found: Vec<(Cue, Scope)> = Vec::new();
    for construction in CONSTRUCTIONS {
        let more = construction.sentence(doc, idx, &found);
        found.extend(more);
    }
    found
        .into_iter()
        .filter_map(|(cue, scope)| {
            let actor = resolve::resolve_subject(doc, cue.subject, reg, speakers)?;
            Some((
                Source {
                    actor,
                    cue: cue.words,
                },
                scope,
            ))
        })
        .collect()
}

/// Indirect speech in a sentence without marked speech: every reported
/// clause, and the sentence around an attribution phrase or an inverted
/// incise when no reported clause covers it.
fn indirect(doc: &Doc, idx: usize, reg: &Registry) -> Vec<Quote> {
    let mut res = reported_clauses(doc, idx);
    if let Some(q) = attributed_sentence(doc, idx, reg) {
        if !res.iter().any(|r| r.range.intersects(q.range)) {
            res.push(q);
        }
    }
    res.sort_by_key(|q| q.range.start);
    res
}

fn indirect_quote(content: TextRange, sentence: usize) -> Quote {
    Quote {
        range: content,
        content,
        kind: QuoteKind::Indirect,
        speaker: None,
        cue: None,
        sentence,
        construction: None,
    }
}

/// The clause a construction attributes in a sentence without marked
/// speech ("Selon X, clause." / "Clause, rapporte l'agence X."): the first
/// that frames the sentence, else the first found.
fn attributed_sentence(doc: &Doc, idx: usize, reg: &Registry) -> Option<Quote> {
    let mut first = None;
    for construction in CONSTRUCTIONS {
        let Some(clause) = construction.unmarked_clause(doc, idx, reg) else {
            continue;
        };
        if clause.frames_sentence {
            return Some(indirect_quote(clause.content, idx));
        }
        first.get_or_insert(clause);
    }
    first.map(|c| indirect_quote(c.content, idx))
}

/// The reported clause from `start`: to the end of the sentence, to its
/// first semicolon or colon, or to the comma before a construction that
/// closes it (an incise, an attribution phrase).
fn clause_content(doc: &Doc, start: usize, end: usize) -> TextRange {
    // A reported clause ends within a paragraph's length.
    let end = doc
        .window(
            TextRange::new(start, end),
            TextRange::new(start, start + 1100),
        )
        .end()
        .max(start);
    // A semicolon or a colon ends the clause: what follows is another
    // clause, a list or a quotation of its own.
    let mut stop = doc.text[start..end]
        .find([';', ':'])
        .map_or(end, |i| start + i);
    for (i, _) in doc.text[start..stop].match_indices(',') {
        let at = start + i;
        if CONSTRUCTIONS.iter().any(|c| c.ends_clause(doc, at, end)) {
            stop = at;
            break;
        }
    }
    trim_clause(doc, TextRange::new(start, stop))
}

fn trim_clause(doc: &Doc, r: TextRange) -> TextRange {
    let at_line_start = doc.text[..r.start()]
        .trim_end_matches([' ', '\t'])
        .ends_with('\n')
        || r.start() == 0;
    let skip = if at_line_start {
        crate::analysis::segment::dateline_len(&doc.text[r.as_range()])
    } else {
        0
    };
    let r = TextRange::new(r.start() + skip, r.end().max(r.start() + skip));
    let s = &doc.text[r.as_range()];
    let body = s.trim_start_matches(|c: char| c.is_whitespace() || is_space(c) || c == ',');
    let body = body.trim_end_matches(|c: char| {
        c.is_whitespace() || is_space(c) || matches!(c, '.' | ',' | ';' | ':')
    });
    let start = r.start()
        + (s.len()
            - s.trim_start_matches(|c: char| c.is_whitespace() || is_space(c) || c == ',')
                .len());
    TextRange::new(start, start + body.len())
}

#[cfg(test)]
mod tests {
    use super::check::check_quote;

    #[test]
    fn an_attribution_phrase_wins_over_an_incise_for_the_clause() {
        check_quote(
            "Selon Reuters, les prix vont monter, rapporte l'agence.",
            "indirect Reuters «les prix vont monter»",
        );
    }

    #[test]
    fn a_reported_clause_stops_at_an_incise_or_a_phrase() {
        check_quote(
            "Paul Girard a dit que la ville tiendra bon, selon Reuters.",
            "indirect Paul Girard «la ville tiendra bon»",
        );
    }
}
