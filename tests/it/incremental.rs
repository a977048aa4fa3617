//! Re-analysis after an edit reuses the previous analysis' work through a
//! memo (`newsls::analysis::Memo`). Property: after every edit of a random
//! sequence, the analysis with the memo equals a fresh full analysis.

use newsls::analysis::{analyze, analyze_with, AnalysisConfig, Memo};
use newsls::input::{ActorEntry, Article, Format};
use newsls::lexicon::ActorKind;

use crate::{fixtures, Rng};

/// What a reporter types: quotation marks, paragraph breaks, names, speech
/// verbs, sources, hedges, and plain letters.
const PIECES: &[&str] = &[
    "e",
    " ",
    "é",
    ".",
    ",",
    "\n",
    "\n\n",
    "« ",
    " »",
    "“",
    "”",
    "\"",
    "Paul Girard",
    "Girard",
    " a déclaré que ",
    " said ",
    ", a-t-il ajouté.",
    "Selon Reuters, ",
    "According to AP, ",
    " pourrait ",
    " would reportedly ",
    "L'ONU",
    "la Commission européenne",
    " Il ",
    "She ",
    "\u{a0}",
    "\u{202f}",
    "😀",
    "\r\n",
    "[newsls-ignore]",
];

fn char_boundary_at(text: &str, rng: &mut Rng) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn edit(text: &mut String, rng: &mut Rng) {
    let at = char_boundary_at(text, rng);
    match rng.below(4) {
        // Delete a short run (a typo fixed, a word cut).
        0 => {
            let mut end = (at + 1 + rng.below(40)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, "");
        }
        // Move a sentence-sized piece elsewhere.
        1 => {
            let mut end = (at + rng.below(200)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let piece = text[at..end].to_string();
            text.replace_range(at..end, "");
            let to = char_boundary_at(text, rng);
            text.insert_str(to, &piece);
        }
        _ => text.insert_str(at, PIECES[rng.below(PIECES.len())]),
    }
}

fn run(seed: u64, files: &[&str], format: Format, edits: usize) {
    let dir = fixtures().join("articles");
    let mut text: String = files
        .iter()
        .map(|f| std::fs::read_to_string(dir.join(f)).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let config = AnalysisConfig {
        language: None,
        actors: vec![ActorEntry {
            name: "Paul Girard".to_string(),
            kind: ActorKind::Person,
            aliases: vec!["le ministre".to_string()],
            description: None,
            wikidata: None,
        }],
        annotations: None,
    };
    let mut rng = Rng(seed);
    let mut memo = Memo::new();
    for i in 0..edits {
        let article = Article::new(&text, format);
        let reused = analyze_with(&article, &config, &mut memo);
        let full = analyze(&article, &config);
        assert_eq!(
            format!("{reused:#?}"),
            format!("{full:#?}"),
            "seed {seed}, edit {i}: the analysis with the memo differs; text:\n{text}"
        );
        edit(&mut text, &mut rng);
    }
    let (hits, misses) = memo.stats();
    assert!(
        hits > misses,
        "the memo is used: {hits} hits, {misses} misses"
    );
}

#[test]
fn memo_gives_the_full_analysis_french() {
    run(
        1,
        &["002_cyber_accord_2015.txt", "fr_05_proces.txt"],
        Format::Plain,
        120,
    );
}

#[test]
fn memo_gives_the_full_analysis_english() {
    run(
        2,
        &["en_05_interview.txt", "en_02_city_council.txt"],
        Format::Plain,
        120,
    );
}

#[test]
fn memo_gives_the_full_analysis_markdown_and_mixed() {
    run(
        3,
        &["fr_03_epidemie.txt", "en_06_election.txt"],
        Format::Markdown,
        120,
    );
}

#[test]
fn memo_stays_bounded_across_edits() {
    // The memo holds one analysis' worth: 200 edits leave it the size it
    // had after the first analysis.
    let text =
        std::fs::read_to_string(fixtures().join("articles/002_cyber_accord_2015.txt")).unwrap();
    let config = AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations: None,
    };
    let mut memo = Memo::new();
    analyze_with(&Article::plain(&text), &config, &mut memo);
    let size = memo.len();
    // A different first paragraph every time: without the sweep, each
    // version's entries would stay.
    for i in 0..200 {
        let edited = format!("{i}{text}");
        analyze_with(&Article::plain(&edited), &config, &mut memo);
    }
    assert!(
        memo.len() <= size + 2,
        "memo grew from {size} to {}",
        memo.len()
    );
}
