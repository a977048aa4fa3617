//! Generates a corpus of N articles from the fixture articles, for scale
//! tests: each article mixes paragraphs of the fixtures (same language) so
//! actors, quotes and claims vary from file to file.
//!
//!     cargo run --release --example generate_corpus -- 10000 /tmp/corpus

use std::path::{Path, PathBuf};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "corpus".to_string()));
    newsls_generate(n, &out)
}

fn newsls_generate(n: usize, out: &Path) -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let articles: Vec<(bool, Vec<String>)> = paths
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .ok()
                .map(|t| (p.to_string_lossy().contains("/en_"), t))
        })
        .map(|(en, t)| {
            (
                en,
                t.split("\n\n")
                    .map(str::to_string)
                    .filter(|p| !p.trim().is_empty())
                    .collect(),
            )
        })
        .collect();
    std::fs::create_dir_all(out)?;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |k: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % k as u64) as usize
    };
    for i in 0..n {
        let (en, base) = &articles[i % articles.len()];
        let mut paragraphs = base.clone();
        // Borrow two paragraphs from another article of the same language.
        for _ in 0..2 {
            let (other_en, other) = &articles[next(articles.len())];
            if other_en == en && !other.is_empty() {
                paragraphs.insert(next(paragraphs.len() + 1), other[next(other.len())].clone());
            }
        }
        let sub = out.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(
            sub.join(format!("article_{i:05}.txt")),
            paragraphs.join("\n\n"),
        )?;
    }
    Ok(())
}
