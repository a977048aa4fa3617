//! brat standoff ↔ analysis.
//!
//! `write` renders an analysis as a `.ann` (what `newsls extract --format
//! brat` writes): one `T` per actor mention (`Person`, `Organization`,
//! `Country`, `Media`, `Place`) with `Coref` relations to the actor's first
//! mention and its canonical name in an `AnnotatorNotes`; anonymous sources
//! carry an `Anonymous` attribute; one `Quote` per quotation (its words,
//! split at line breaks) with a `Kind` attribute, a `Speaker` relation and a
//! `Cue`; one `Claim` per claim with a `Status` attribute and a `Source`
//! relation. `annotations` reads such a file back (or one written by a
//! person) into the [`Annotations`] the analysis applies, so a round trip
//! gives the same analysis.

use std::collections::HashMap;

use crate::analysis::annotations::{AnnotatedActor, AnnotatedClaim, AnnotatedQuote, Annotations};
use crate::analysis::{Analysis, ClaimStatus, QuoteKind};
use crate::input::brat::{fragments, Ann, Entity};
use crate::lexicon::ActorKind;
use crate::text::{LineIndex, TextRange};

fn type_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::Country => "Country",
        ActorKind::Media => "Media",
        ActorKind::Place => "Place",
    }
}

fn actor_kind(type_name: &str) -> Option<ActorKind> {
    match type_name {
        "Person" => Some(ActorKind::Person),
        "Organization" | "Organisation" => Some(ActorKind::Organization),
        "Country" => Some(ActorKind::Country),
        "Media" => Some(ActorKind::Media),
        "Place" | "Location" => Some(ActorKind::Place),
        _ => None,
    }
}

/// The `.ann` text of an analysis.
pub fn write(text: &str, a: &Analysis) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    let (mut t, mut r, mut attr, mut note) = (0, 0, 0, 0);
    let mut entity = |out: &mut String, kind: &str, range: TextRange| -> Option<String> {
        let frags = fragments(text, &index, range);
        if frags.is_empty() {
            return None;
        }
        t += 1;
        let offsets: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let words: Vec<String> = frags
            .iter()
            .map(|&(s, e)| {
                let (bs, be) = (
                    index.offset_of_char(text, s).unwrap_or(0),
                    index.offset_of_char(text, e).unwrap_or(0),
                );
                text[bs..be].to_string()
            })
            .collect();
        out.push_str(&format!(
            "T{t}\t{kind} {}\t{}\n",
            offsets.join(";"),
            words.join(" ")
        ));
        Some(format!("T{t}"))
    };
    // Actors: first mention carries the name; the others corefer to it.
    let mut first_mention: HashMap<usize, String> = HashMap::new();
    for (id, actor) in a.actors.iter().enumerate() {
        let mut first: Option<String> = None;
        for &m in &actor.mentions {
            let Some(tid) = entity(&mut out, type_name(actor.kind), a.mentions[m].range) else {
                continue;
            };
            match &first {
                None => {
                    note += 1;
                    out.push_str(&format!("#{note}\tAnnotatorNotes {tid}\t{}\n", actor.name));
                    if !actor.named {
                        attr += 1;
                        out.push_str(&format!("A{attr}\tAnonymous {tid}\n"));
                    }
                    first = Some(tid);
                }
                Some(f) => {
                    r += 1;
                    out.push_str(&format!("R{r}\tCoref Arg1:{tid} Arg2:{f}\n"));
                }
            }
        }
        if let Some(f) = first {
            first_mention.insert(id, f);
        }
    }
    for q in &a.quotes {
        let Some(qid) = entity(&mut out, "Quote", q.content) else {
            continue;
        };
        attr += 1;
        out.push_str(&format!("A{attr}\tKind {qid} {}\n", q.kind.as_str()));
        if let Some(s) = q.speaker.and_then(|s| first_mention.get(&s)) {
            r += 1;
            out.push_str(&format!("R{r}\tSpeaker Arg1:{qid} Arg2:{s}\n"));
        }
        if let Some(cue) = q.cue.filter(|c| !c.is_empty() && !q.content.intersects(*c)) {
            if let Some(cid) = entity(&mut out, "Cue", cue) {
                r += 1;
                out.push_str(&format!("R{r}\tCue Arg1:{qid} Arg2:{cid}\n"));
            }
        }
    }
    for c in &a.claims {
        let Some(cid) = entity(&mut out, "Claim", a.sentences[c.sentence].range) else {
            continue;
        };
        attr += 1;
        out.push_str(&format!("A{attr}\tStatus {cid} {}\n", c.status.as_str()));
        if let Some(s) = c.source.and_then(|s| first_mention.get(&s)) {
            r += 1;
            out.push_str(&format!("R{r}\tSource Arg1:{cid} Arg2:{s}\n"));
        }
    }
    out
}

/// Parses an `.ann`, validates it against its article's text and reads its
/// annotations: what the CLI, the server and the fuzzer all do with one.
pub fn load(ann_text: &str, article_text: &str) -> (Ann, Annotations) {
    let mut ann = Ann::parse(ann_text);
    let index = LineIndex::new(article_text);
    ann.validate(article_text, &index);
    let res = annotations(&ann, article_text, &index);
    (ann, res)
}

/// The annotations of a validated `.ann` (see [`Ann::validate`]).
pub fn annotations(ann: &Ann, text: &str, index: &LineIndex) -> Annotations {
    let by = Lookups::new(ann);
    let (actors, actor_of_entity) = actors(ann, text, index, &by);
    let quotes = ann
        .entities
        .iter()
        .filter(|e| e.kind == "Quote")
        .filter_map(|e| {
            Some(AnnotatedQuote {
                content: ann.byte_range(e, text, index)?,
                kind: by.attribute(&e.id, "Kind").and_then(|k| match k {
                    "direct" => Some(QuoteKind::Direct),
                    "mixed" => Some(QuoteKind::Mixed),
                    "indirect" => Some(QuoteKind::Indirect),
                    _ => None,
                }),
                speaker: by
                    .related(&e.id, "Speaker")
                    .and_then(|s| actor_of_entity.get(s).copied()),
                cue: by
                    .related(&e.id, "Cue")
                    .and_then(|c| by.entity.get(c))
                    .and_then(|c| ann.byte_range(c, text, index)),
            })
        })
        .collect();
    let claims = ann
        .entities
        .iter()
        .filter(|e| e.kind == "Claim")
        .filter_map(|e| {
            Some(AnnotatedClaim {
                range: ann.byte_range(e, text, index)?,
                status: match by.attribute(&e.id, "Status").and_then(ClaimStatus::parse) {
                    Some(status) => status,
                    None if by.related(&e.id, "Source").is_some() => ClaimStatus::Attributed,
                    None => ClaimStatus::Unattributed,
                },
                source: by
                    .related(&e.id, "Source")
                    .and_then(|s| actor_of_entity.get(s).copied()),
            })
        })
        .collect();
    Annotations {
        actors,
        quotes,
        claims,
    }
}

/// Lookups by id, built once: a `.ann` of a million lines stays linear.
struct Lookups<'a> {
    entity: HashMap<&'a str, &'a Entity>,
    note_by_target: HashMap<&'a str, &'a str>,
    attr: HashMap<(&'a str, &'a str), Option<&'a str>>,
    related_by: HashMap<(&'a str, &'a str), &'a str>,
}

impl<'a> Lookups<'a> {
    fn new(ann: &'a Ann) -> Lookups<'a> {
        let entity = ann.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut note_by_target: HashMap<&str, &str> = HashMap::new();
        for n in &ann.notes {
            note_by_target
                .entry(n.target.as_str())
                .or_insert(n.text.as_str());
        }
        let mut attr: HashMap<(&str, &str), Option<&str>> = HashMap::new();
        for a in &ann.attributes {
            attr.entry((a.target.as_str(), a.name.as_str()))
                .or_insert(a.value.as_deref());
        }
        let mut related_by: HashMap<(&str, &str), &str> = HashMap::new();
        for r in &ann.relations {
            related_by
                .entry((r.arg1.as_str(), r.kind.as_str()))
                .or_insert(r.arg2.as_str());
        }
        Lookups {
            entity,
            note_by_target,
            attr,
            related_by,
        }
    }

    fn related(&self, from: &str, kind: &str) -> Option<&'a str> {
        self.related_by.get(&(from, kind)).copied()
    }

    fn attribute(&self, target: &str, name: &str) -> Option<&'a str> {
        self.attr.get(&(target, name)).copied().flatten()
    }
}

/// Actor entities grouped by Coref (union-find over entity indexes): the
/// indexes of the actor entities, and the groups as positions in it.
fn coref_groups(ann: &Ann) -> (Vec<usize>, Vec<Vec<usize>>) {
    let actor_entities: Vec<usize> = (0..ann.entities.len())
        .filter(|&i| actor_kind(&ann.entities[i].kind).is_some())
        .collect();
    let pos: HashMap<&str, usize> = actor_entities
        .iter()
        .enumerate()
        .map(|(k, &i)| (ann.entities[i].id.as_str(), k))
        .collect();
    let mut parent: Vec<usize> = (0..actor_entities.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for rel in ann.relations.iter().filter(|r| r.kind == "Coref") {
        if let (Some(&a), Some(&b)) = (pos.get(rel.arg1.as_str()), pos.get(rel.arg2.as_str())) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra] = rb;
        }
    }
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for k in 0..actor_entities.len() {
        let root = find(&mut parent, k);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(k);
    }
    (actor_entities, groups)
}

/// One actor per Coref group (groups with the same name and kind are one
/// actor), and the actor of each entity id.
fn actors<'a>(
    ann: &'a Ann,
    text: &str,
    index: &LineIndex,
    by: &Lookups<'a>,
) -> (Vec<AnnotatedActor>, HashMap<&'a str, usize>) {
    let (actor_entities, groups) = coref_groups(ann);
    let mut actors: Vec<AnnotatedActor> = Vec::new();
    let mut actor_by_name: HashMap<(String, ActorKind), usize> = HashMap::new();
    let mut actor_of_entity: HashMap<&str, usize> = HashMap::new();
    for members in &groups {
        let ents: Vec<&Entity> = members
            .iter()
            .map(|&k| &ann.entities[actor_entities[k]])
            .collect();
        let name = ents
            .iter()
            .find_map(|e| by.note_by_target.get(e.id.as_str()).copied())
            .map(str::to_string)
            .unwrap_or_else(|| crate::text::collapse_whitespace(&ents[0].text));
        let Some(kind) = actor_kind(&ents[0].kind) else {
            continue;
        };
        let named = !ents
            .iter()
            .any(|e| by.attr.contains_key(&(e.id.as_str(), "Anonymous")));
        let mentions = ents.iter().filter_map(|e| ann.byte_range(e, text, index));
        let i = *actor_by_name
            .entry((crate::analysis::actor_key(&name), kind))
            .or_insert_with(|| {
                actors.push(AnnotatedActor {
                    name,
                    kind,
                    named,
                    mentions: Vec::new(),
                });
                actors.len() - 1
            });
        actors[i].mentions.extend(mentions);
        for e in &ents {
            actor_of_entity.insert(e.id.as_str(), i);
        }
    }
    for a in &mut actors {
        a.mentions.sort_by_key(|m| (m.start, m.end));
        a.mentions.dedup();
    }
    (actors, actor_of_entity)
}
