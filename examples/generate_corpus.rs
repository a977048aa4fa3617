//! Generates a corpus of N articles from the fixture articles, for scale
//! tests: each article mixes paragraphs of the fixtures (same language) so
//! actors, quotes and claims vary from file to file.
//!
//!     cargo run --release --example generate_corpus -- 10000 /tmp/corpus
//!
//! With `--jsonl FILE`, the same articles are also written as JSON Lines
//! (`{"id": "000/article_00000.txt", "text": …}`, the id being the file's
//! path under the corpus folder), the input of `newsls extract --stdin`
//! and of the Spark job in examples/spark/.

use std::io::Write;
use std::path::{Path, PathBuf};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "corpus".to_string()));
    let jsonl = match (args.next().as_deref(), args.next()) {
        (Some("--jsonl"), Some(file)) => Some(PathBuf::from(file)),
        _ => None,
    };
    newsls_generate(n, &out, jsonl.as_deref())
}

fn newsls_generate(n: usize, out: &Path, jsonl: Option<&Path>) -> std::io::Result<()> {
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
    let mut lines = match jsonl {
        Some(file) => Some(std::io::BufWriter::new(std::fs::File::create(file)?)),
        None => None,
    };
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
        let id = format!("{:03}/article_{i:05}.txt", i / 1000);
        let text = paragraphs.join("\n\n");
        let file = out.join(&id);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&file, &text)?;
        if let Some(w) = lines.as_mut() {
            serde_json::to_writer(&mut *w, &serde_json::json!({"id": id, "text": text}))?;
            w.write_all(b"\n")?;
        }
    }
    if let Some(mut w) = lines {
        w.flush()?;
    }
    Ok(())
}
