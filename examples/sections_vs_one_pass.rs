//! What cutting a long document into sections changes, against one pass
//! over its whole text (`analysis::sections`).
//!
//! `cargo run --release --example sections_vs_one_pass -- [DIR]` joins the
//! `.txt` articles of DIR (default `../shared/corpus/dev`) into one
//! document, analyses it both ways and prints, for quotes (range, kind,
//! speaker), claims (sentence, status), findings (range, code) and
//! mentions (range, actor), how many each way and how many of them the
//! other way does not have.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeSet;

use newsls::analysis::{analyze, analyze_in_one_pass, Analysis, AnalysisConfig};
use newsls::input::{Article, Format};

fn lines(a: &Analysis) -> [BTreeSet<String>; 4] {
    let name = |id: Option<usize>| id.map_or("-", |id| a.actors[id].name.as_str());
    let quotes = a.quotes.iter().map(|q| {
        let r = q.range;
        format!(
            "{}..{} {:?} {}",
            r.start(),
            r.end(),
            q.kind,
            name(q.speaker)
        )
    });
    let claims = a.claims.iter().map(|c| {
        let r = a.sentences[c.sentence].range;
        format!("{}..{} {:?}", r.start(), r.end(), c.status)
    });
    let findings = a.findings.iter().map(|f| {
        let r = f.range;
        format!("{}..{} {}", r.start(), r.end(), f.kind.code())
    });
    let mentions = a.mentions.iter().map(|m| {
        let r = m.range;
        format!("{}..{} {}", r.start(), r.end(), a.actors[m.actor].name)
    });
    [
        quotes.collect(),
        claims.collect(),
        findings.collect(),
        mentions.collect(),
    ]
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/dev".to_string());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {dir}");
        std::process::exit(1);
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let text = texts.join("\n\n");
    let config = AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations: None,
    };
    let article = Article::new(&text, Format::Plain);
    let sections = lines(&analyze(&article, &config));
    let one_pass = lines(&analyze_in_one_pass(&article, &config));
    println!(
        "{} articles, {} bytes, joined with blank lines",
        texts.len(),
        text.len()
    );
    for (i, what) in ["quotes", "claims", "findings", "mentions"]
        .iter()
        .enumerate()
    {
        let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.difference(b).count();
        println!(
            "{what:>9}: one pass {:>5} ({:>3} not in sections), sections {:>5} ({:>3} not in one pass)",
            one_pass[i].len(),
            only(&one_pass[i], &sections[i]),
            sections[i].len(),
            only(&sections[i], &one_pass[i]),
        );
    }
}
