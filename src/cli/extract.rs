//! `newsls extract --format jsonl`: one JSON object per file with actors,
//! quotes, claims and findings. Offsets are Unicode scalar offsets into the
//! file's text (as in brat), end exclusive.

use serde_json::{json, Value};

use crate::corpus::files::Input;
use crate::text::{LineIndex, TextRange};

pub fn record(input: &Input) -> Value {
    let text = &input.article.text;
    let index = LineIndex::new(text);
    let a = &input.analysis;
    let off = |r: TextRange| {
        (
            index.char_offset(text, r.start()),
            index.char_offset(text, r.end()),
        )
    };
    let actor_name = |id: Option<usize>| id.map(|i| a.actors[i].name.clone());
    let actors: Vec<Value> = a
        .actors
        .iter()
        .map(|actor| {
            let mentions: Vec<Value> = actor
                .mentions
                .iter()
                .map(|&m| {
                    let r = a.mentions[m].range;
                    let (start, end) = off(r);
                    json!({"text": &text[r.as_range()], "start": start, "end": end})
                })
                .collect();
            json!({
                "name": actor.name,
                // What `stats` groups speakers by across articles.
                "key": crate::analysis::actor_key(&actor.name),
                "kind": actor.kind.as_str(),
                "description": actor.description,
                "named": actor.named,
                "wikidata": actor.wikidata,
                "mentions": mentions,
            })
        })
        .collect();
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| {
            let (start, end) = off(q.content);
            json!({
                "text": &text[q.content.as_range()],
                "start": start,
                "end": end,
                "kind": q.kind.as_str(),
                "speaker": actor_name(q.speaker),
                "cue": q.cue.map(|c| crate::text::collapse_whitespace(&text[c.as_range()])),
            })
        })
        .collect();
    let claims: Vec<Value> = a
        .claims
        .iter()
        .map(|c| {
            let r = a.sentences[c.sentence].range;
            let (start, end) = off(r);
            json!({
                "sentence": &text[r.as_range()],
                "start": start,
                "end": end,
                "status": c.status.as_str(),
                "source": actor_name(c.source),
            })
        })
        .collect();
    let findings: Vec<Value> = a
        .findings
        .iter()
        .map(|f| {
            let (start, end) = off(f.range);
            json!({
                "code": f.code(),
                "severity": f.kind.severity(&input.settings.severities).as_str(),
                "message": f.message,
                "start": start,
                "end": end,
            })
        })
        .collect();
    json!({
        "file": input.path.to_string_lossy(),
        "language": a.language.code(),
        "actors": actors,
        "quotes": quotes,
        "claims": claims,
        "findings": findings,
    })
}
