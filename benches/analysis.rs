//! Analysis time of one document, as the editor and `newsls check` pay it.
//! Documents of 1,000, 20,000 and 150,000 words are built by repeating the
//! fixture articles (French and English alternate, paragraphs intact).
//!
//! Run with `cargo bench --bench analysis`; DESIGN §7 targets < 1 ms for
//! 1,000 words.

use newsls::analysis::{analyze, AnalysisConfig};
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
