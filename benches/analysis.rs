//! Analysis time of one document, as the editor and `newsls check` pay it.
//! Documents of 1,000, 20,000 and 150,000 words are built by repeating the
//! fixture articles (French and English alternate, paragraphs intact).
//!
//! Run with `cargo bench --bench analysis`; docs/targets.md targets < 1 ms
//! for 1,000 words.

use newsls::analysis::{analyze, analyze_with, AnalysisConfig, Memo};
use newsls::input::Article;

fn main() {
    divan::main();
}

#[path = "../tests/common/fixture_document.rs"]
mod fixture_document;
use fixture_document::{document, one_language};

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

/// A 1,000-word article in one language: the cost of a typical article.
/// `analyze_document` alternates French and English articles, so its
/// paragraphs in the other language are analysed a second time with that
/// language's rules (README, "What it finds").
#[divan::bench(args = ["fr", "en"], sample_count = 30)]
fn analyze_article(bencher: divan::Bencher, lang: &str) {
    let article = Article::plain(&one_language(lang, 1_000));
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

/// Constructions repeated in one sentence or paragraph after paragraph,
/// at two sizes: the second time should be about twice the first (linear
/// work), never four times. Each once took quadratic time.
#[divan::bench(args = [
    "parenthesis_without_acronym 5000",
    "parenthesis_without_acronym 10000",
    "names_in_one_sentence 5000",
    "names_in_one_sentence 10000",
    "descriptions_in_one_sentence 5000",
    "descriptions_in_one_sentence 10000",
    "colon_then_quote_paragraphs 5000",
    "colon_then_quote_paragraphs 10000",
], sample_count = 10)]
fn pathological(bencher: divan::Bencher, case: &str) {
    let (kind, n) = case.split_once(' ').expect("kind and count");
    let n: usize = n.parse().expect("a count");
    let unit = match kind {
        "parenthesis_without_acronym" => "Le ministre (",
        "names_in_one_sentence" => "Jean Dupont, Marie Curie, ",
        "descriptions_in_one_sentence" => "le président a vu le quotidien et ",
        "colon_then_quote_paragraphs" => "Le ministre :\n\n« Oui. »\n\n",
        other => panic!("unknown case {other}"),
    };
    let article = Article::plain(&format!("{}.", unit.repeat(n)));
    let config = AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations: None,
    };
    bencher.bench(|| analyze(divan::black_box(&article), &config));
}
