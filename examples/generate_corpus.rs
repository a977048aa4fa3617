//! Generates a corpus of N articles from the fixture articles, for scale
//! tests: each article mixes paragraphs of the fixtures (same language) so
//! actors, quotes and claims vary from file to file.
//!
//!     cargo run --release --example generate_corpus -- 10000 /tmp/corpus
//!
//! With `--jsonl FILE`, the same articles are also written as JSON Lines
//! (`{"id": "000/article_00000.txt", "text": …}`, the id being the file's
//! path under the corpus folder), the input of `newsls extract --stdin`
//! and of the Spark job in examples/spark/. The generator itself is
//! `tests/common/generate.rs`, shared with the tests and the
//! `corpus_throughput` bench.

use std::path::PathBuf;

#[path = "../tests/common/generate.rs"]
mod generate;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "corpus".to_string()));
    let jsonl = match (args.next().as_deref(), args.next()) {
        (Some("--jsonl"), Some(file)) => Some(PathBuf::from(file)),
        _ => None,
    };
    generate::write_folder(n, &out)?;
    if let Some(file) = jsonl {
        generate::write_jsonl(n, std::fs::File::create(file)?)?;
    }
    Ok(())
}
