//! Analysis time of one document, as the editor and `newsls check` pay it.
//! Documents of 1,000, 20,000 and 150,000 words are built by repeating the
//! fixture articles (French and English alternate, paragraphs intact).
//!
//! Run with `cargo bench --bench analysis`; DESIGN §7 targets < 1 ms for
//! 1,000 words.

use std::path::Path;

use newsls::analysis::{analyze, AnalysisConfig};
use newsls::input::Article;

fn main() {
    divan::main();
}

/// Fixture articles concatenated until the text holds `words` words.
fn document(words: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(
        !texts.is_empty(),
        "no fixture articles in {}",
        dir.display()
    );
    let mut doc = String::new();
    let mut n = 0;
    for text in texts.iter().cycle() {
        if n >= words {
            break;
        }
        doc.push_str(text);
        doc.push_str("\n\n");
        n += text.split_whitespace().count();
    }
    // Trim to about `words` words at a paragraph boundary.
    doc
}

#[divan::bench(args = [1_000, 20_000, 150_000], sample_count = 30)]
fn analyze_document(bencher: divan::Bencher, words: usize) {
    let article = Article::plain(&document(words));
    let config = AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations: None,
    };
    bencher.bench(|| analyze(divan::black_box(&article), &config));
}
