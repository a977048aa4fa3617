//! `newsls extract --format jsonl`: one JSON object per file with actors,
//! quotes, claims and findings. Offsets are Unicode scalar offsets into the
//! file's text (as in brat), end exclusive.
//!
//! The record borrows from the analysis and is written straight to the
//! output. Its fields are declared in alphabetical order, the order of
//! the JSON objects the format was first written with: the bytes stay the
//! same.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::analysis::Analysis;
use crate::corpus::files::Input;
use crate::input::settings::Severities;
use crate::text::{LineIndex, TextRange};

/// The record of one article: `file` for an article read from disk, `id`
/// for an input line of `--stdin`.
#[derive(Serialize)]
pub struct Record<'a> {
    actors: Vec<ActorRecord<'a>>,
    claims: Vec<ClaimRecord<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<Cow<'a, str>>,
    findings: Vec<FindingRecord<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    language: &'static str,
    quotes: Vec<QuoteRecord<'a>>,
}

#[derive(Serialize)]
struct ActorRecord<'a> {
    description: Option<&'a str>,
    /// What `stats` groups speakers by across articles.
    key: String,
    kind: &'static str,
    mentions: Vec<MentionRecord<'a>>,
    name: &'a str,
    named: bool,
    wikidata: Option<&'a str>,
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    end: usize,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct QuoteRecord<'a> {
    cue: Option<String>,
    end: usize,
    kind: &'static str,
    speaker: Option<&'a str>,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct ClaimRecord<'a> {
    end: usize,
    sentence: &'a str,
    source: Option<&'a str>,
    start: usize,
    status: &'static str,
}

#[derive(Serialize)]
struct FindingRecord<'a> {
    code: &'static str,
    end: usize,
    message: &'a str,
    severity: &'static str,
    start: usize,
}

/// A record as one line of JSON Lines, line break included.
pub fn line(record: &Record) -> std::io::Result<Vec<u8>> {
    let mut res = serde_json::to_vec(record)?;
    res.push(b'\n');
    Ok(res)
}

/// The record of an article read from disk.
pub fn record(input: &Input) -> Record<'_> {
    let mut rec = Record::new(
        &input.article.text,
        &input.analysis,
        &input.settings.severities,
    );
    rec.file = Some(input.path.to_string_lossy());
    rec
}

impl<'a> Record<'a> {
    /// The record of an analysed text, with neither `file` nor `id`.
    pub fn new(text: &'a str, a: &'a Analysis, severities: &Severities) -> Record<'a> {
        let index = LineIndex::new(text);
        let off = |r: TextRange| {
            (
                index.char_offset(text, r.start()),
                index.char_offset(text, r.end()),
            )
        };
        let actor_name = |id: Option<usize>| id.map(|i| a.actors[i].name.as_str());
        let actors = a
            .actors
            .iter()
            .map(|actor| ActorRecord {
                description: actor.description.as_deref(),
                key: crate::analysis::actor_key(&actor.name),
                kind: actor.kind.as_str(),
                mentions: actor
                    .mentions
                    .iter()
                    .map(|&m| {
                        let r = a.mentions[m].range;
                        let (start, end) = off(r);
                        MentionRecord {
                            end,
                            start,
                            text: &text[r.as_range()],
                        }
                    })
                    .collect(),
                name: &actor.name,
                named: actor.named,
                wikidata: actor.wikidata.as_deref(),
            })
            .collect();
        let quotes = a
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = off(q.content);
                QuoteRecord {
                    cue: q
                        .cue
                        .map(|c| crate::text::collapse_whitespace(&text[c.as_range()])),
                    end,
                    kind: q.kind.as_str(),
                    speaker: actor_name(q.speaker),
                    start,
                    text: &text[q.content.as_range()],
                }
            })
            .collect();
        let claims = a
            .claims
            .iter()
            .map(|c| {
                let r = a.sentences[c.sentence].range;
                let (start, end) = off(r);
                ClaimRecord {
                    end,
                    sentence: &text[r.as_range()],
                    source: actor_name(c.source),
                    start,
                    status: c.status.as_str(),
                }
            })
            .collect();
        let findings = a
            .findings
            .iter()
            .map(|f| {
                let (start, end) = off(f.range);
                FindingRecord {
                    code: f.code(),
                    end,
                    message: &f.message,
                    severity: f.kind.severity(severities).as_str(),
                    start,
                }
            })
            .collect();
        Record {
            actors,
            claims,
            file: None,
            findings,
            id: None,
            language: a.language.code(),
            quotes,
        }
    }

    /// The same record under the `id` of an input line.
    pub fn with_id(mut self, id: &'a Value) -> Record<'a> {
        self.id = Some(id);
        self
    }
}
