//! Analysis time of one document, as the editor and `newsls check` pay it.
//! Documents of 1,000, 20,000 and 150,000 words are built by repeating the
//! fixture articles (French and English alternate, paragraphs intact).
//!
//! Run with `cargo bench --bench analysis`; DESIGN §7 targets < 1 ms for
//! 1,000 words.

use newsls::analysis::{analyze, analyze_with, AnalysisConfig, Memo};
use newsls::input::Article;

fn main() {
    divan::main();
}

#[path = "../tests/common/fixture_document.rs"]
mod fixture_document;
use fixture_document::document;

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

/// Re-analysis after typing one character in the middle, with the memo of
/// the previous analysis (what the language server does per edit).
#[divan::bench(args = [1_000, 20_000, 150_000], sample_count = 30)]
fn reanalyze_after_an_edit(bencher: divan::Bencher, words: usize) {
    let text = document(words);
    let mut middle = text.len() / 2;
    while !text.is_char_boundary(middle) {
        middle += 1;
    }
    let versions = [
        text.clone(),
        format!("{}x{}", &text[..middle], &text[middle..]),
    ];
    let articles: Vec<Article> = versions.iter().map(|t| Article::plain(t)).collect();
    let config = AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations: None,
    };
    let mut memo = Memo::new();
    analyze_with(&articles[0], &config, &mut memo);
    let mut i = 0;
    bencher.bench_local(|| {
        i += 1;
        analyze_with(divan::black_box(&articles[i % 2]), &config, &mut memo)
    });
}
