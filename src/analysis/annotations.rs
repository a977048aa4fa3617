//! Human annotations (a brat `.ann`, resolved by the caller to byte ranges)
//! win over the automatic analysis, category by category:
//!
//! - if the annotations have actors, the document's actors and mentions are
//!   exactly the annotated ones; automatic speakers and sources are re-linked
//!   to the annotated actor of the same name, or dropped;
//! - if they have quotes, the quotes are exactly the annotated ones (kind
//!   from the annotation, else from the marks around them; speaker from the
//!   `Speaker` relation);
//! - if they have claims, the claims are exactly the annotated ones.
//!
//! A category absent from the annotations stays automatic.

use super::actors::{key, Registry};
use super::{ActorId, ActorOrigin, Claim, ClaimStatus, Doc, MentionKind, Quote, QuoteKind};
use crate::lexicon::ActorKind;
use crate::text::TextRange;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    pub actors: Vec<AnnotatedActor>,
    pub quotes: Vec<AnnotatedQuote>,
    pub claims: Vec<AnnotatedClaim>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedActor {
    pub name: String,
    pub kind: ActorKind,
    pub named: bool,
    pub mentions: Vec<TextRange>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedQuote {
    /// The quoted words, marks excluded.
    pub content: TextRange,
    pub kind: Option<QuoteKind>,
    /// Index into [`Annotations::actors`].
    pub speaker: Option<usize>,
    pub cue: Option<TextRange>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedClaim {
    pub range: TextRange,
    pub status: ClaimStatus,
    pub source: Option<usize>,
}

pub(super) fn apply(
    doc: &Doc,
    ann: &Annotations,
    reg: &mut Registry,
    quotes: &mut Vec<Quote>,
    claims: &mut Vec<Claim>,
) {
    // Annotated actor index → registry id.
    let mut ids: Vec<ActorId> = Vec::new();
    if !ann.actors.is_empty() {
        let old = std::mem::replace(reg, Registry::new(doc.text.len()));
        for a in &ann.actors {
            let id = reg.add_from(&a.name, a.kind, ActorOrigin::Annotation);
            let actor = &mut reg.actors[id];
            actor.kind = a.kind;
            actor.named = a.named;
            actor.registered = true;
            if let Some(prev) = old.actors.iter().find(|o| key(&o.name) == key(&a.name)) {
                actor.description = prev.description.clone();
                actor.wikidata = prev.wikidata.clone();
                actor.gender = prev.gender;
            }
            reg.extend_mentions(a.mentions.iter().map(|&m| (m, id)), MentionKind::Name);
            ids.push(id);
        }
        // Re-link automatic speakers and sources by name.
        let relink = |old_id: ActorId| -> Option<ActorId> {
            let k = key(&old.actors[old_id].name);
            ann.actors
                .iter()
                .position(|a| key(&a.name) == k)
                .map(|i| ids[i])
        };
        for q in quotes.iter_mut() {
            q.speaker = q.speaker.and_then(relink);
        }
        for c in claims.iter_mut() {
            c.source = c.source.and_then(relink);
        }
    } else {
        ids = ann
            .actors
            .iter()
            .map(|a| reg.add_from(&a.name, a.kind, ActorOrigin::Annotation))
            .collect();
    }
    let actor_id = |i: Option<usize>| i.and_then(|i| ids.get(i).copied());
    if !ann.quotes.is_empty() {
        *quotes = ann
            .quotes
            .iter()
            .map(|q| {
                let range = with_marks(doc.text, q.content);
                Quote {
                    range,
                    content: q.content,
                    kind: q.kind.unwrap_or(if range == q.content {
                        QuoteKind::Indirect
                    } else {
                        QuoteKind::Direct
                    }),
                    speaker: actor_id(q.speaker),
                    cue: q.cue,
                    sentence: doc.sentence_of(q.content.start()),
                    construction: q.speaker.map(|_| "annotation"),
                }
            })
            .collect();
        quotes.sort_by_key(|q| q.range.start);
    }
    if !ann.claims.is_empty() {
        *claims = ann
            .claims
            .iter()
            .map(|c| Claim {
                sentence: doc.sentence_of(c.range.start()),
                status: c.status,
                source: actor_id(c.source),
                markers: Vec::new(),
                cue: None,
            })
            .collect();
        claims.sort_by_key(|c| c.sentence);
        claims.dedup_by_key(|c| c.sentence);
    }
}

/// The quote's range with the marks around its content, when there are.
fn with_marks(text: &str, content: TextRange) -> TextRange {
    let is_mark = |c: char| matches!(c, '«' | '»' | '“' | '”' | '„' | '"' | '‹' | '›' | '‘' | '’');
    let before = text[..content.start()].chars().next_back();
    let after = text[content.end()..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) if is_mark(b) && is_mark(a) => {
            TextRange::new(content.start() - b.len_utf8(), content.end() + a.len_utf8())
        }
        _ => content,
    }
}
