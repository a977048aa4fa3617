//! Proves a refactoring left the analysis output unchanged.
//!
//! `cargo run --release --example analysis_digest -- OUT` analyses every
//! fixture article (`tests/fixtures/**`), every saved fuzz input of the
//! analysis target, the examples corpus and the development set
//! (`../shared/corpus/dev`, skipped when absent), each in three
//! configurations (language detected on plain text, French on plain text,
//! English on Markdown), and renders every field of every analysis in a
//! stable text form (not `Debug`, so a type rename is no change). It adds
//! what the CLI writes over the same folders (`extract` JSON Lines, brat,
//! `check` text/JSON/SARIF, `eval` JSON). The full rendering goes to OUT
//! (diff two of them to see what changed); stdout gets one FNV-1a hash per
//! input set and a total.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use newsls::analysis::{analyze, Analysis, AnalysisConfig};
use newsls::cli::{self, check::CheckFormat};
use newsls::input::{Article, Format};
use newsls::lexicon::Lang;

/// 64-bit FNV-1a: stable across Rust versions, unlike `DefaultHasher`.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const CONFIGS: [(&str, Option<Lang>, Format); 3] = [
    ("auto/plain", None, Format::Plain),
    ("fr/plain", Some(Lang::Fr), Format::Plain),
    ("en/markdown", Some(Lang::En), Format::Markdown),
];

fn render(out: &mut String, text: &str, a: &Analysis) {
    let r = |r: newsls::text::TextRange| format!("{}..{}", r.start(), r.end());
    let _ = writeln!(out, "language {}", a.language.code());
    let paragraphs: Vec<String> = a.paragraphs.iter().map(|p| r(*p)).collect();
    let _ = writeln!(out, "paragraphs {}", paragraphs.join(" "));
    for s in &a.sentences {
        let _ = writeln!(out, "sentence {} p{}", r(s.range), s.paragraph);
    }
    for q in &a.quotes {
        let _ = writeln!(
            out,
            "quote {} content {} {} speaker {:?} cue {:?} s{} «{}»",
            r(q.range),
            r(q.content),
            q.kind.as_str(),
            q.speaker,
            q.cue.map(r),
            q.sentence,
            text.get(q.content.as_range()).unwrap_or("?")
        );
    }
    for (i, x) in a.actors.iter().enumerate() {
        let _ = writeln!(
            out,
            "actor {i} {:?} {} desc {:?} wd {:?} named {} gender {:?} plural {} agency {} country {:?} registered {} mentions {:?}",
            x.name,
            x.kind.as_str(),
            x.description,
            x.wikidata,
            x.named,
            x.gender,
            x.plural,
            x.is_agency,
            x.country,
            x.registered,
            x.mentions
        );
    }
    for m in &a.mentions {
        let _ = writeln!(
            out,
            "mention {} actor {} {:?} «{}»",
            r(m.range),
            m.actor,
            m.kind,
            text.get(m.range.as_range()).unwrap_or("?")
        );
    }
    for c in &a.claims {
        let markers: Vec<String> = c
            .markers
            .iter()
            .map(|(m, k)| format!("{} {}", r(*m), k.describe()))
            .collect();
        let _ = writeln!(
            out,
            "claim s{} {} source {:?} cue {:?} markers [{}]",
            c.sentence,
            c.status.as_str(),
            c.source,
            c.cue.map(r),
            markers.join(", ")
        );
    }
    for f in &a.findings {
        let replacement = f.replacement.clone();
        let related: Vec<String> = f
            .related
            .iter()
            .map(|(x, msg)| format!("{} {msg}", r(*x)))
            .collect();
        let _ = writeln!(
            out,
            "finding {} {} fix {:?} {:?} related [{}]",
            f.code(),
            r(f.range),
            replacement,
            f.message,
            related.join("; ")
        );
    }
}

/// Files under `dir` (recursively) accepted by `keep`, sorted.
fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut res = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return res;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            res.extend(files(&p, keep));
        } else if keep(&p) {
            res.push(p);
        }
    }
    res.sort();
    res
}

fn is_article(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
}

/// Analyses each text in every configuration, rendered into `out`.
fn analyse_set(out: &mut String, inputs: &[(String, String)]) {
    for (name, text) in inputs {
        for (label, language, format) in CONFIGS {
            let article = Article::new(text, format);
            let a = analyze(
                &article,
                &AnalysisConfig {
                    language,
                    actors: Vec::new(),
                    annotations: None,
                },
            );
            let _ = writeln!(out, "=== {name} [{label}]");
            render(out, &article.text, &a);
        }
    }
}

fn read(paths: &[PathBuf]) -> Vec<(String, String)> {
    paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            Some((
                p.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ))
        })
        .collect()
}

/// What the CLI writes over these folders.
fn cli_outputs(out: &mut String, folders: &[PathBuf]) {
    let (inputs, skipped) = cli::load_inputs(folders);
    for s in skipped {
        let _ = writeln!(out, "skipped {} {}", s.path.display(), s.reason);
    }
    let _ = writeln!(out, "=== extract jsonl");
    for input in &inputs {
        let record = serde_json::to_string(&cli::extract::record(input)).unwrap_or_default();
        let _ = writeln!(out, "{record}");
    }
    let _ = writeln!(out, "=== extract brat");
    for input in &inputs {
        let _ = writeln!(out, "--- {}", input.path.display());
        out.push_str(&newsls::corpus::brat::write(
            &input.article.text,
            &input.analysis,
        ));
    }
    for format in [CheckFormat::Text, CheckFormat::Json, CheckFormat::Sarif] {
        let (text, failing) = cli::check::run(&inputs, folders, format);
        let _ = writeln!(out, "=== check {format:?} failing={failing}");
        out.push_str(&text);
    }
    for gold in [
        "tests/fixtures/gold",
        "tests/fixtures/holdout/gold",
        "../shared/corpus/gold",
        "../shared/corpus/dev/gold",
    ] {
        let gold = Path::new(gold);
        if !gold.is_dir() {
            continue;
        }
        let ev = cli::eval::run(&inputs, gold, None);
        let _ = writeln!(
            out,
            "=== eval {} problems={:?}",
            gold.display(),
            ev.problems
        );
        let _ = writeln!(out, "{}", cli::eval::json(&ev, None).unwrap_or_default());
    }
}

fn main() {
    let Some(out_path) = std::env::args().nth(1) else {
        eprintln!("usage: analysis_digest OUT");
        std::process::exit(2);
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Err(e) = std::env::set_current_dir(root) {
        eprintln!("analysis_digest: {e}");
        std::process::exit(2);
    }
    let dev = Path::new("../shared/corpus/dev");
    let fixtures = files(Path::new("tests/fixtures"), &|p| {
        is_article(p) && !p.starts_with("tests/fixtures/fuzz")
    });
    // A fuzz input's first byte picks format and language: the rest is the
    // article, as the fuzz target reads it.
    let fuzz: Vec<(String, String)> = files(Path::new("tests/fixtures/fuzz/analysis"), &|_| true)
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let rest = bytes.get(1..).unwrap_or_default();
            Some((
                p.display().to_string(),
                String::from_utf8_lossy(rest).into_owned(),
            ))
        })
        .collect();
    let examples = files(Path::new("examples/corpus"), &is_article);
    let dev_files = files(dev, &|p| p.extension().is_some_and(|e| e == "txt"));
    let mut sets: Vec<(&str, String)> = Vec::new();
    for (name, inputs) in [
        ("fixtures", read(&fixtures)),
        ("fuzz", fuzz),
        ("examples", read(&examples)),
        ("dev", read(&dev_files)),
    ] {
        let mut out = String::new();
        analyse_set(&mut out, &inputs);
        sets.push((name, out));
    }
    let mut folders: Vec<PathBuf> = vec![
        "tests/fixtures/articles".into(),
        "tests/fixtures/holdout/articles".into(),
        "tests/fixtures/corpus/valid".into(),
        "tests/fixtures/corpus/broken".into(),
        "examples/corpus".into(),
    ];
    if dev.is_dir() {
        folders.push(dev.to_path_buf());
    }
    let mut out = String::new();
    cli_outputs(&mut out, &folders);
    sets.push(("cli", out));
    // Messages may name files by absolute path: the digest must not depend
    // on where the repository is checked out.
    let prefix = format!("{}/", root.display());
    for (_, out) in &mut sets {
        *out = out.replace(&prefix, "");
    }
    let mut all = String::new();
    for (name, out) in &sets {
        println!(
            "{name:<9} {:016x}  ({} bytes)",
            fnv(out.as_bytes()),
            out.len()
        );
        all.push_str(out);
    }
    println!("{:<9} {:016x}", "total", fnv(all.as_bytes()));
    if let Err(e) = std::fs::write(&out_path, all) {
        eprintln!("analysis_digest: {out_path}: {e}");
        std::process::exit(2);
    }
}
