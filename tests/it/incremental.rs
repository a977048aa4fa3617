//! Re-analysis after an edit reuses the previous analysis' work through a
//! memo (`newsls::analysis::Memo`). Property: after every edit of a random
//! sequence, the analysis with the memo equals a fresh full analysis.

use newsls::analysis::{analyze, analyze_with, Analysis, AnalysisConfig, Memo};
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

/// A long document (several sections: see `analysis::sections`) made of
/// the development set's articles when present and of the fixture articles,
/// in a stable order.
fn long_document() -> String {
    let mut dirs = vec![fixtures().join("articles")];
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    if dev.is_dir() {
        dirs.push(dev);
    }
    let mut paths: Vec<_> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().filter_map(|e| e.ok()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut doc = String::new();
    for p in paths {
        if doc.len() > 90_000 {
            break;
        }
        doc.push_str(&std::fs::read_to_string(p).unwrap());
        doc.push_str("\n\n");
    }
    doc
}

/// An edit that reaches across sections: a quotation opened at one
/// paragraph and closed paragraphs later (or never), a full name added
/// early whose surname the text uses later, two paragraphs joined, one
/// split; or any edit of [`edit`].
fn far_edit(text: &mut String, analysis: &Analysis, rng: &mut Rng) {
    let paragraph_starts: Vec<usize> = text.match_indices("\n\n").map(|(i, _)| i + 2).collect();
    let pick = |rng: &mut Rng| paragraph_starts[rng.below(paragraph_starts.len())];
    match rng.below(6) {
        0 if paragraph_starts.len() > 2 => {
            let (a, b) = (pick(rng), pick(rng));
            let (open, close) = (a.min(b), a.max(b));
            if rng.below(3) > 0 {
                text.insert_str(close, "» ");
            }
            text.insert_str(open, "« ");
        }
        1 if !paragraph_starts.is_empty() => {
            // A person of the second half, their surname given to someone
            // named early: later mentions of it may now name that person.
            let person = analysis
                .actors
                .iter()
                .filter(|a| a.kind == ActorKind::Person && a.named)
                .filter(|a| {
                    a.mentions
                        .iter()
                        .any(|&m| analysis.mentions[m].range.start() > text.len() / 2)
                })
                .nth(rng.below(8));
            if let Some(surname) = person.and_then(|a| a.name.split(' ').next_back()) {
                let at = paragraph_starts[rng.below(paragraph_starts.len().min(4))];
                text.insert_str(at, &format!("Jean {surname} a déclaré à la presse. "));
            }
        }
        2 if !paragraph_starts.is_empty() => {
            let at = pick(rng);
            text.replace_range(at - 2..at, " ");
        }
        3 => {
            if let Some((i, _)) = text.match_indices(". ").nth(rng.below(200)) {
                text.replace_range(i + 1..i + 2, "\n\n");
            }
        }
        _ => edit(text, rng),
    }
}

/// Runs random far edits on the long document, the registry's alias
/// added and removed now and then, and counts the versions where the
/// analysis with `memo` differs from a full analysis.
fn differences(seed: u64, mut memo: Memo, edits: usize) -> usize {
    let mut text = long_document();
    let entry = |aliases: Vec<String>| ActorEntry {
        name: "Paul Girard".to_string(),
        kind: ActorKind::Person,
        aliases,
        description: None,
        wikidata: None,
    };
    let mut config = AnalysisConfig {
        language: None,
        actors: vec![entry(Vec::new())],
        annotations: None,
    };
    let mut rng = Rng(seed);
    let mut differ = 0;
    for _ in 0..edits {
        let article = Article::new(&text, Format::Plain);
        let reused = analyze_with(&article, &config, &mut memo);
        let full = analyze(&article, &config);
        if format!("{reused:#?}") != format!("{full:#?}") {
            differ += 1;
        }
        far_edit(&mut text, &full, &mut rng);
        if rng.below(8) == 0 {
            let aliases = match config.actors[0].aliases.is_empty() {
                true => vec!["le ministre".to_string(), "Girard".to_string()],
                false => Vec::new(),
            };
            config.actors = vec![entry(aliases)];
        }
    }
    differ
}

#[test]
fn a_long_document_reanalysed_by_sections_equals_the_full_analysis() {
    assert_eq!(differences(11, Memo::new(), 40), 0);
}

#[test]
fn reusing_a_section_whatever_the_actors_known_before_it_is_caught() {
    // The same edits with a memo that skips the comparison of the state a
    // section starts from: the property above must see the difference.
    assert!(differences(11, Memo::ignoring_known_actors(), 40) > 0);
}

/// Through the protocol: the diagnostics the server publishes, the outline
/// and the semantic tokens it answers after each far edit of a long
/// document (what it wrote for every section the edit left alone reused,
/// its lines shifted) are the ones it gives for the same text opened
/// fresh.
#[tokio::test]
async fn what_the_server_answers_after_far_edits_equals_its_answers_for_the_text_opened_fresh() {
    let options = serde_json::json!({"diagnostics": {"delayMs": 0}});
    let mut edited = crate::client::Client::start(&["utf-16"], options.clone()).await;
    let mut fresh = crate::client::Client::start(&["utf-16"], options).await;
    let uri = "file:///long.txt";
    let config = AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations: None,
    };
    let mut text = long_document();
    edited.open(uri, "plaintext", &text).await;
    let _ = edited.diagnostics(uri, 0).await;
    let mut rng = Rng(5);
    for version in 1..=12 {
        let analysis = analyze(&Article::new(&text, Format::Plain), &config);
        far_edit(&mut text, &analysis, &mut rng);
        edited
            .notify(
                "textDocument/didChange",
                serde_json::json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
            )
            .await;
        let after_edit = edited.diagnostics(uri, version).await;
        let outline = serde_json::json!({"textDocument": {"uri": uri}});
        let outline_after_edit = edited
            .request("textDocument/documentSymbol", outline.clone())
            .await;
        fresh.open(uri, "plaintext", &text).await;
        let opened = fresh.diagnostics(uri, 0).await;
        let outline_opened = fresh.request("textDocument/documentSymbol", outline).await;
        assert!(outline_opened["result"]
            .as_array()
            .is_some_and(|a| !a.is_empty()));
        assert_eq!(
            outline_after_edit["result"], outline_opened["result"],
            "version {version}"
        );
        let tokens = serde_json::json!({"textDocument": {"uri": uri}});
        let tokens_after_edit = edited
            .request("textDocument/semanticTokens/full", tokens.clone())
            .await;
        let tokens_opened = fresh
            .request("textDocument/semanticTokens/full", tokens)
            .await;
        assert!(tokens_opened["result"]["data"]
            .as_array()
            .is_some_and(|a| !a.is_empty()));
        assert_eq!(
            tokens_after_edit["result"], tokens_opened["result"],
            "version {version}"
        );
        fresh
            .notify(
                "textDocument/didClose",
                serde_json::json!({"textDocument": {"uri": uri}}),
            )
            .await;
        assert!(!opened.is_empty());
        assert_eq!(after_edit, opened, "version {version}");
    }
}
