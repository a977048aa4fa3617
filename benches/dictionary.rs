//! The open dictionaries (`lexicon::dictionary`): what the first lookup of
//! a language pays to decode its embedded file, and what a lookup costs.
//!
//! Run with `cargo bench --bench dictionary`.

use newsls::lexicon::{Dictionary, Lang};

fn main() {
    divan::main();
}

/// Decoding a whole file, as the first lookup of a language does.
#[divan::bench(args = [Lang::Fr, Lang::En], sample_count = 20)]
fn load(lang: Lang) -> Dictionary {
    match Dictionary::parse(divan::black_box(Dictionary::embedded(lang))) {
        Ok(dict) => dict,
        Err(e) => panic!("{e}"),
    }
}

/// Words of a news sentence, folded: found, capitalised names, and misses.
const WORDS: &[&str] = &[
    "selon",
    "le",
    "president",
    "emmanuel",
    "macron",
    "la",
    "france",
    "a",
    "annonce",
    "vendredi",
    "montebourg",
    "however",
    "john",
    "said",
    "xqzw",
    "nato",
];

/// One lookup, averaged over the words above.
#[divan::bench(args = [Lang::Fr, Lang::En])]
fn lookup(bencher: divan::Bencher, lang: Lang) {
    let dict = Dictionary::get(lang);
    bencher
        .counter(divan::counter::ItemsCount::new(WORDS.len()))
        .bench(|| {
            WORDS
                .iter()
                .map(|w| dict.classes(divan::black_box(w)).bits() as u32)
                .sum::<u32>()
        });
}
