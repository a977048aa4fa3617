//! `--stdin`: JSON Lines in, JSON Lines out, so any engine can run newsls
//! as a map step (Spark `rdd.pipe`, Hadoop streaming, GNU parallel
//! `--pipe`). Each input line is `{"id": …, "text": …, "lang"?: "fr"|"en"}`;
//! each output line carries the same `id`. A line that is not such an
//! object gets `{"id": …, "error": …}` and the run goes on. Lines are
//! analysed in parallel and written in input order.

use std::io::{BufRead, Write};

use rayon::prelude::*;
use serde_json::{json, Value};

use crate::analysis::{analyze, AnalysisConfig};
use crate::input::{Article, Format, Settings};
use crate::lexicon::Lang;

use crate::corpus::files::Input;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Extract,
    Stats,
}

fn process(line: &str, settings: &Settings, mode: Mode) -> Value {
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"id": null, "error": format!("not JSON: {e}")}),
    };
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = v.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": "missing \"text\""});
    };
    let lang = v
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Lang::from_code);
    let article = Article::new(text, Format::Plain);
    let config = AnalysisConfig {
        language: lang.or(settings.language),
        actors: settings.actors.clone(),
        annotations: None,
    };
    let analysis = analyze(&article, &config);
    let name = match &id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match mode {
        Mode::Extract => {
            let input = Input {
                path: name.into(),
                article,
                settings: settings.clone(),
                analysis,
                ann: None,
            };
            let mut rec = super::extract::record(&input);
            if let Some(obj) = rec.as_object_mut() {
                obj.remove("file");
                obj.insert("id".to_string(), id);
            }
            rec
        }
        Mode::Stats => {
            let s = super::stats::compute([(name, &analysis)]);
            let mut rec = serde_json::to_value(&s.articles[0]).unwrap_or(Value::Null);
            if let Some(obj) = rec.as_object_mut() {
                obj.remove("article");
                obj.insert("id".to_string(), id);
                obj.insert(
                    "speakers_quoted".to_string(),
                    serde_json::to_value(&s.actors).unwrap_or(Value::Null),
                );
            }
            rec
        }
    }
}

pub fn run(
    input: impl BufRead,
    mut out: impl Write,
    settings: &Settings,
    mode: Mode,
) -> std::io::Result<()> {
    // Chunks keep memory bounded on endless streams while using every core.
    let mut lines = input.lines();
    loop {
        let mut chunk = Vec::with_capacity(256);
        for line in lines.by_ref().take(256) {
            let line = line?;
            if !line.trim().is_empty() {
                chunk.push(line);
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<Value> = chunk
            .par_iter()
            .map(|l| process(l, settings, mode))
            .collect();
        for r in results {
            serde_json::to_writer(&mut out, &r)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
}
