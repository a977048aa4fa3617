//! Generates a corpus of N articles from the fixture articles, for scale
//! tests: each article mixes paragraphs of the fixtures (same language) so
//! actors, quotes and claims vary from file to file.
//!
//!     cargo run --release --example generate_corpus -- 10000 /tmp/corpus
//!     cargo run --release --example generate_corpus -- 10000 --jsonl > articles.jsonl
//!
//! The second form writes the same articles as JSON Lines for `--stdin`
//! (`{"id": "000/article_00000.txt", "text": …}`).

use std::path::PathBuf;

#[path = "../tests/common/generate.rs"]
mod generate;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    match args.next().as_deref() {
        Some("--jsonl") => generate::write_jsonl(n, std::io::stdout().lock()),
        out => generate::write_folder(n, &PathBuf::from(out.unwrap_or("corpus"))),
    }
}
