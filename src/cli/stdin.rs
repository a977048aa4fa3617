//! `--stdin`: JSON Lines in, JSON Lines out, so any engine can run newsls
//! as a map step (Spark `rdd.pipe`, Hadoop streaming, GNU parallel
//! `--pipe`). Each input line is `{"id": …, "text": …, "lang"?: "fr"|"en"}`
//! (`"auto"` or no `lang`: detected); each output line carries the same
//! `id`. A line that cannot be analysed gets `{"id", "line", "error"}`,
//! where `line` is its number in the input (blank lines count), the `id`
//! is kept whenever it can be read, and the run goes on. Lines are
//! analysed in parallel and written in input order.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::extract::Record;
use super::stats::ActorStats;
use crate::analysis::{analyze, AnalysisConfig};
use crate::corpus::pipeline::{batch_size, par_map_ordered};
use crate::input::{Article, Format, Settings};
use crate::lexicon::Lang;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Extract,
    Stats,
}

/// What one input line asks for.
struct Request {
    id: Value,
    text: String,
    lang: Option<Lang>,
}

/// Why an input line cannot be analysed, with its `id` when it was read.
struct Rejected {
    id: Value,
    message: String,
}

impl Rejected {
    fn new(id: Value, message: String) -> Rejected {
        Rejected { id, message }
    }
}

/// Reads one input line.
fn parse(line: &str) -> Result<Request, Rejected> {
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            // serde says "at line 1 column N": the line is the input's to
            // number, so only the column is kept.
            let full = e.to_string();
            let what = full
                .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
                .unwrap_or(&full);
            return Err(Rejected::new(
                id_in_broken_json(line),
                format!("not valid JSON: {what} at column {}", e.column()),
            ));
        }
    };
    let mut obj = match v {
        Value::Object(obj) => obj,
        other => {
            return Err(Rejected::new(
                Value::Null,
                format!(
                    "not an object: expected {{\"id\": …, \"text\": \"…\"}}, got {}",
                    json_type(&other)
                ),
            ))
        }
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    let text = match obj.remove("text") {
        Some(Value::String(t)) => t,
        None => return Err(Rejected::new(id, "missing \"text\"".to_string())),
        Some(other) => {
            let message = format!("\"text\" must be a string, not {}", json_type(&other));
            return Err(Rejected::new(id, message));
        }
    };
    let lang = match lang_of(&obj) {
        Ok(lang) => lang,
        Err(message) => return Err(Rejected::new(id, message)),
    };
    Ok(Request { id, text, lang })
}

/// The `lang` of a record: absent, `null` or `"auto"` to detect it.
fn lang_of(obj: &Map<String, Value>) -> Result<Option<Lang>, String> {
    match obj.get("lang") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(code)) if code.trim().eq_ignore_ascii_case("auto") => Ok(None),
        Some(Value::String(code)) => Lang::from_code(code).map(Some).ok_or_else(|| {
            format!(
                "unknown \"lang\" {code:?}: newsls analyses \"fr\" and \"en\" (\"auto\" or no \"lang\" detects which)"
            )
        }),
        Some(other) => Err(format!(
            "\"lang\" must be a string (\"fr\", \"en\" or \"auto\"), not {}",
            json_type(other)
        )),
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The `id` of a line that is not valid JSON, when the line starts like
/// a record whose `id` is a string or a number: `{"id": "a7", "text": "…`
/// cut short still names `a7`. `null` otherwise.
fn id_in_broken_json(line: &str) -> Value {
    let Some(rest) = line.trim_start().strip_prefix('{') else {
        return Value::Null;
    };
    // Keys are read in order, up to the `id`, as long as the JSON is good.
    let mut rest = rest;
    loop {
        rest = rest.trim_start();
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let key = match values.next() {
            Some(Ok(Value::String(k))) => k,
            _ => return Value::Null,
        };
        rest = rest[values.byte_offset()..].trim_start();
        let Some(after_colon) = rest.strip_prefix(':') else {
            return Value::Null;
        };
        rest = after_colon.trim_start();
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let value = match values.next() {
            Some(Ok(v)) => v,
            _ => return Value::Null,
        };
        if key == "id" {
            return match value {
                Value::String(_) | Value::Number(_) => value,
                _ => Value::Null,
            };
        }
        rest = rest[values.byte_offset()..].trim_start();
        match rest.strip_prefix(',') {
            Some(r) => rest = r,
            None => return Value::Null,
        }
    }
}

/// The output line for an input line that cannot be analysed.
fn error_record(line_no: usize, id: Value, message: &str) -> Value {
    json!({"id": id, "line": line_no, "error": format!("input line {line_no}: {message}")})
}

/// The `stats` line of one article: its row of `stats --format json`
/// under its `id`, with the speakers it quotes. Fields in alphabetical
/// order, as the line was first written (from a JSON map).
#[derive(Serialize)]
struct StatsRecord<'a> {
    claims: usize,
    date: Option<&'a str>,
    id: &'a Value,
    quotes: usize,
    speakers: usize,
    speakers_quoted: Vec<SpeakerRecord<'a>>,
    unattributed_claims: usize,
    unattributed_quotes: usize,
    unattributed_share: f64,
    vague_claims: usize,
    words: usize,
}

/// [`ActorStats`] with its fields in alphabetical order.
#[derive(Serialize)]
struct SpeakerRecord<'a> {
    anonymous: bool,
    articles: usize,
    direct: usize,
    first_article: &'a str,
    indirect: usize,
    kind: &'a str,
    last_article: &'a str,
    mixed: usize,
    #[serde(skip_serializing_if = "no_months")]
    months: &'a BTreeMap<String, usize>,
    name: &'a str,
    quotes: usize,
}

/// As `ActorStats` leaves `months` out when there are none.
fn no_months(months: &&BTreeMap<String, usize>) -> bool {
    months.is_empty()
}

impl<'a> SpeakerRecord<'a> {
    fn new(a: &'a ActorStats) -> SpeakerRecord<'a> {
        SpeakerRecord {
            anonymous: a.anonymous,
            articles: a.articles,
            direct: a.direct,
            first_article: &a.first_article,
            indirect: a.indirect,
            kind: &a.kind,
            last_article: &a.last_article,
            mixed: a.mixed,
            months: &a.months,
            name: &a.name,
            quotes: a.quotes,
        }
    }
}

/// Analyses one input line and writes its output line (without the line
/// break) to `out`.
fn process(
    out: &mut Vec<u8>,
    line_no: usize,
    line: &str,
    settings: &Settings,
    mode: Mode,
) -> serde_json::Result<()> {
    let Request { id, text, lang } = match parse(line) {
        Ok(r) => r,
        Err(Rejected { id, message }) => {
            return serde_json::to_writer(out, &error_record(line_no, id, &message))
        }
    };
    let article = Article::from_string(text, Format::Plain);
    let config = AnalysisConfig {
        language: lang.or(settings.language),
        actors: settings.actors.clone(),
        annotations: None,
    };
    let analysis = analyze(&article, &config);
    match mode {
        Mode::Extract => serde_json::to_writer(
            out,
            &Record::new(&article.text, &analysis, &settings.severities).with_id(&id),
        ),
        Mode::Stats => {
            let name = match &id {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let s = super::stats::compute([(name, &article, &analysis)]);
            let Some(row) = s.articles.first() else {
                return serde_json::to_writer(out, &Value::Null);
            };
            let rec = StatsRecord {
                claims: row.claims,
                date: row.date.as_deref(),
                id: &id,
                quotes: row.quotes,
                speakers: row.speakers,
                speakers_quoted: s.actors.iter().map(SpeakerRecord::new).collect(),
                unattributed_claims: row.unattributed_claims,
                unattributed_quotes: row.unattributed_quotes,
                unattributed_share: row.unattributed_share,
                vague_claims: row.vague_claims,
                words: row.words,
            };
            serde_json::to_writer(out, &rec)
        }
    }
}

/// One input line: its number, and its text or why it cannot be read.
type Line = (usize, Result<String, String>);

/// Reads up to `size` non-blank lines; `None` at the end of the input.
fn read_batch(
    input: &mut impl BufRead,
    line_no: &mut usize,
    size: usize,
) -> std::io::Result<Option<Vec<Line>>> {
    let mut batch = Vec::with_capacity(size);
    let mut buf = Vec::new();
    while batch.len() < size {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        *line_no += 1;
        let bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(l) if l.trim().is_empty() => {}
            Ok(l) => batch.push((*line_no, Ok(l.to_string()))),
            Err(e) => batch.push((
                *line_no,
                Err(format!(
                    "not valid UTF-8 (first bad byte at column {})",
                    e.valid_up_to() + 1
                )),
            )),
        }
    }
    Ok((!batch.is_empty()).then_some(batch))
}

/// Reads JSON Lines from `input` and writes one JSON line per non-blank
/// input line to `out`. Only an I/O error ends the run.
pub fn run(
    mut input: impl BufRead,
    mut out: impl Write,
    settings: &Settings,
    mode: Mode,
) -> std::io::Result<()> {
    // Batches keep memory bounded on endless streams while using every
    // core; each output line is serialised where its article was analysed,
    // and each batch is flushed, so a consumer downstream sees it.
    let mut line_no = 0;
    let size = batch_size();
    let batches = std::iter::from_fn(|| read_batch(&mut input, &mut line_no, size).transpose());
    par_map_ordered(
        batches,
        |(n, line): Line| {
            let mut buf = Vec::new();
            match line {
                Ok(l) => process(&mut buf, n, &l, settings, mode)?,
                Err(message) => {
                    serde_json::to_writer(&mut buf, &error_record(n, Value::Null, &message))?
                }
            }
            buf.push(b'\n');
            Ok(buf)
        },
        |done: Vec<std::io::Result<Vec<u8>>>| {
            for line in done {
                out.write_all(&line?)?;
            }
            out.flush()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_lines(input: &str) -> Vec<Value> {
        let mut out = Vec::new();
        run(
            input.as_bytes(),
            &mut out,
            &Settings::default(),
            Mode::Stats,
        )
        .expect("in-memory I/O");
        String::from_utf8_lossy(&out)
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON out"))
            .collect()
    }

    #[test]
    fn the_id_of_a_broken_line_is_read_when_it_comes_first() {
        assert_eq!(
            id_in_broken_json(r#"{"id": "a7", "text": "cut sh"#),
            json!("a7")
        );
        assert_eq!(
            id_in_broken_json(r#" { "lang": "fr", "id": 12, "text": oops}"#),
            json!(12)
        );
        assert_eq!(id_in_broken_json(r#"{"text": "no id", oops"#), Value::Null);
        assert_eq!(id_in_broken_json("not json"), Value::Null);
        assert_eq!(id_in_broken_json(r#"{"id": {"x": 1}, "#), Value::Null);
    }

    #[test]
    fn errors_name_the_input_line() {
        let out = run_lines(
            "{\"id\": 1, \"text\": \"Il pleut.\"}\n\n{\"id\": \"b\", \"text\": \"x\n[1,2]\n{\"id\": 4, \"text\": \"Rain.\", \"lang\": \"de\"}\n",
        );
        assert_eq!(out.len(), 4);
        assert!(out[0].get("error").is_none(), "{}", out[0]);
        assert_eq!(out[1]["id"], "b");
        assert_eq!(out[1]["line"], 3);
        let e = out[1]["error"].as_str().unwrap_or_default();
        assert!(e.starts_with("input line 3: not valid JSON"), "{e}");
        assert!(!e.contains("line 1"), "{e}");
        assert_eq!(
            out[2]["error"],
            "input line 4: not an object: expected {\"id\": …, \"text\": \"…\"}, got an array"
        );
        assert_eq!(out[3]["id"], 4);
        assert!(
            out[3]["error"]
                .as_str()
                .is_some_and(|e| e.starts_with("input line 5: unknown \"lang\" \"de\"")),
            "{}",
            out[3]
        );
    }
}
