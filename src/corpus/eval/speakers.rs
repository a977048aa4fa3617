//! Speakers of matched direct and mixed quotes: the class of every wrong
//! or missing speaker, from where the gold cue is, what kind of cue it is,
//! whether the speaker is mentioned in the sentence, and how the system's
//! speaker relates to the gold one.

use super::features::holds_name;
use super::locate::distance;
use super::quotes::describe_gold_quote;
use super::{Category, ErrorKind, GoldQuoteAt, Report, Scorer};
use crate::analysis::{Mention, MentionKind, Quote};
use crate::input::gold::GoldQuote;
use crate::lexicon::ActorKind;
use crate::text::{excerpt, fold, TextRange};

/// Where the gold puts a quote's cue, relative to the quote, and what
/// kind of cue it is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CuePlace {
    NoCue,
    NotInText,
    /// In a sentence the quote spans, before or after the quote.
    Before(CueKind),
    After(CueKind),
    Earlier(CueKind),
    Later(CueKind),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    /// `selon X`, `according to X`, `pour X`, … (the lexicon's
    /// attribution phrases and opinion openers).
    AttributionPhrase,
    /// Anything else: a speech verb, a participle, a noun.
    Verb,
}

impl CueKind {
    fn as_str(self) -> &'static str {
        match self {
            CueKind::AttributionPhrase => "attribution-phrase cue",
            CueKind::Verb => "verb cue",
        }
    }
}

impl CuePlace {
    pub(super) fn describe(self) -> String {
        match self {
            CuePlace::NoCue => "no gold cue (continuation)".to_string(),
            CuePlace::NotInText => "gold cue not in the text".to_string(),
            CuePlace::Before(k) => format!("{} before it, same sentence", k.as_str()),
            CuePlace::After(k) => format!("{} after it, same sentence", k.as_str()),
            CuePlace::Earlier(k) => format!("{} in an earlier sentence", k.as_str()),
            CuePlace::Later(k) => format!("{} in a later sentence", k.as_str()),
        }
    }

    fn same_sentence(self) -> bool {
        matches!(self, CuePlace::Before(_) | CuePlace::After(_))
    }
}

pub(super) fn mention_kind(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Name => "name",
        MentionKind::Pronoun => "pronoun",
        MentionKind::Description => "description",
        MentionKind::Metonym => "metonym",
        MentionKind::Demonym => "demonym",
    }
}

impl<'a> Scorer<'a> {
    /// An attribution phrase or opinion opener of the article's language
    /// opening the cue, or anything else.
    pub(super) fn cue_kind(&self, cue: &str) -> CueKind {
        let f = fold(cue.trim());
        let opens = |set: &crate::lexicon::PhraseSet| set.match_at(&f, 0).is_some();
        if opens(&self.lex.attribution_phrases) || opens(&self.lex.opinion_openers) {
            CueKind::AttributionPhrase
        } else {
            CueKind::Verb
        }
    }

    pub(super) fn speaker_name(&self, q: &Quote) -> String {
        q.speaker.map_or("none".to_string(), |a| {
            let a = &self.analysis.actors[a];
            format!("{} ({})", a.name, a.kind.as_str())
        })
    }

    /// The speaker's mention nearest the cue (or the quote), in the cue's
    /// sentence and outside the quoted words.
    pub(super) fn speaker_mention(&self, q: &Quote) -> Option<&'a Mention> {
        let analysis = self.analysis;
        let actor = &analysis.actors[q.speaker?];
        let anchor = q.cue.unwrap_or(q.range);
        let sentence = analysis.sentences[self.sentence_at(anchor.start())].range;
        actor
            .mentions
            .iter()
            .map(|&m| &analysis.mentions[m])
            .filter(|m| sentence.contains_range(m.range) && !q.content.contains_range(m.range))
            .min_by_key(|m| distance(m.range, anchor))
    }

    pub(super) fn score_speaker(&self, pred: &'a Quote, &(gr, gq): &GoldQuoteAt, rep: &mut Report) {
        rep.speaker_total += 1;
        if self.same_actor(pred.speaker, gq.speaker.as_deref()) {
            rep.speaker_correct += 1;
            return;
        }
        let (kind, class) = self.speaker_class(pred, gr, gq);
        let e = self
            .error(
                Category::Speakers,
                kind,
                Some(gr),
                excerpt(&gq.text, 60),
                class,
            )
            .expected(describe_gold_quote(gq))
            .found(self.speaker_name(pred))
            .rule(self.quote_rule(pred))
            .evidence(self.quote_evidence(pred));
        rep.errors.push(e);
    }

    fn speaker_class(&self, pred: &Quote, gr: TextRange, gq: &GoldQuote) -> (ErrorKind, String) {
        match (pred.speaker, gq.speaker.as_deref()) {
            (None, _) => {
                let place = self.gold_cue_place(gr, gq);
                let mut detail = place.describe();
                if place.same_sentence() {
                    let named = gq
                        .speaker
                        .as_deref()
                        .is_some_and(|g| self.speaker_in_sentence(gr, g));
                    detail.push_str(match named {
                        true => ", speaker mentioned in the sentence",
                        false => ", speaker not mentioned in the sentence",
                    });
                }
                if pred.cue.is_some() {
                    detail.push_str("; newsls cue without speaker");
                }
                (ErrorKind::Missed, format!("no speaker · {detail}"))
            }
            (Some(_), None) => {
                let via = self
                    .speaker_mention(pred)
                    .map_or("no mention in the cue's sentence", |m| mention_kind(m.kind));
                (
                    ErrorKind::False,
                    format!("speaker where gold has none · via {via}"),
                )
            }
            (Some(a), Some(g)) => (
                ErrorKind::Wrong,
                format!("wrong speaker · {}", self.wrong_speaker(a, g, pred, gr, gq)),
            ),
        }
    }

    /// How a wrong speaker relates to the gold one.
    fn wrong_speaker(
        &self,
        a: usize,
        g: &str,
        pred: &Quote,
        gr: TextRange,
        gq: &GoldQuote,
    ) -> String {
        let actor = &self.analysis.actors[a];
        if holds_name(g, &actor.name) {
            return "newsls name is part of the gold name".to_string();
        }
        if holds_name(&actor.name, g) {
            return "newsls name holds the gold name".to_string();
        }
        if self
            .speaker_mention(pred)
            .is_some_and(|m| m.kind == MentionKind::Pronoun)
        {
            return "pronoun resolved to another actor".to_string();
        }
        match actor.kind {
            ActorKind::Media => "a medium taken for the speaker".to_string(),
            ActorKind::Country | ActorKind::Place => {
                "a country or place taken for the speaker".to_string()
            }
            _ => format!("another actor, {}", self.gold_cue_place(gr, gq).describe()),
        }
    }

    /// The gold cue's occurrence nearest the quote.
    pub(super) fn gold_cue(&self, gr: TextRange, gq: &GoldQuote) -> Option<TextRange> {
        self.norm
            .find_all(self.text, gq.cue.as_deref()?)
            .into_iter()
            .min_by_key(|r| distance(*r, gr))
    }

    /// Where the gold cue is, compared with the sentences the quote spans.
    pub(super) fn gold_cue_place(&self, gr: TextRange, gq: &GoldQuote) -> CuePlace {
        let Some(cue) = gq.cue.as_deref() else {
            return CuePlace::NoCue;
        };
        let Some(c) = self.gold_cue(gr, gq) else {
            return CuePlace::NotInText;
        };
        let kind = self.cue_kind(cue);
        let (first, last) = self.sentences_of(gr);
        match self.sentence_at(c.start()) {
            s if (first..=last).contains(&s) && c.end() <= gr.start() => CuePlace::Before(kind),
            s if (first..=last).contains(&s) => CuePlace::After(kind),
            s if s < first => CuePlace::Earlier(kind),
            _ => CuePlace::Later(kind),
        }
    }

    /// The first and last sentences `r` spans.
    fn sentences_of(&self, r: TextRange) -> (usize, usize) {
        (
            self.sentence_at(r.start()),
            self.sentence_at(r.end().saturating_sub(1)),
        )
    }

    /// Whether a name or listed mention (gold mentions include
    /// descriptions, never pronouns) of the gold speaker occurs in the
    /// quote's sentences, outside the quote.
    fn speaker_in_sentence(&self, gr: TextRange, speaker: &str) -> bool {
        let (first, last) = self.sentences_of(gr);
        let sentences = self.analysis.sentences[first]
            .range
            .cover(self.analysis.sentences[last].range);
        self.gold_names(speaker, true)
            .iter()
            .flat_map(|n| self.norm.find_all(self.text, n))
            .any(|m| sentences.contains_range(m) && !gr.intersects(m))
    }
}
