//! The generated corpus of scale tests: article `i` mixes the paragraphs of
//! a fixture article with two paragraphs borrowed from others of the same
//! language, so actors, quotes and claims vary from file to file. The
//! sequence is fixed (a xorshift seed), so every run and every tool
//! (`examples/generate_corpus`, `benches/corpus_throughput`, the tests)
//! sees the same articles.

use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Generator {
    /// Per fixture article: whether it is English, and its paragraphs.
    articles: Vec<(bool, Vec<String>)>,
    rng: Xorshift,
    produced: usize,
}

struct Xorshift(u64);

impl Xorshift {
    /// A number in `0..k`.
    fn below(&mut self, k: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % k as u64) as usize
    }
}

impl Generator {
    /// From the fixture articles of this repository.
    pub fn new() -> std::io::Result<Generator> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        paths.sort();
        let articles = paths
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
        Ok(Generator {
            articles,
            rng: Xorshift(0x2545_f491_4f6c_dd1d),
            produced: 0,
        })
    }

    /// The text of the next article.
    pub fn next_article(&mut self) -> String {
        let Generator {
            articles,
            rng,
            produced,
        } = self;
        let n = articles.len();
        let (en, base) = &articles[*produced % n];
        *produced += 1;
        let mut paragraphs: Vec<&str> = base.iter().map(String::as_str).collect();
        // Borrow two paragraphs from another article of the same language.
        for _ in 0..2 {
            let (other_en, other) = &articles[rng.below(n)];
            if other_en == en && !other.is_empty() {
                let at = rng.below(paragraphs.len() + 1);
                paragraphs.insert(at, &other[rng.below(other.len())]);
            }
        }
        paragraphs.join("\n\n")
    }
}

/// The relative path of article `i`: 1,000 files per folder.
pub fn article_path(i: usize) -> PathBuf {
    PathBuf::from(format!("{:03}/article_{i:05}.txt", i / 1000))
}

/// Writes `n` articles under `out`.
pub fn write_folder(n: usize, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut generator = Generator::new()?;
    for i in 0..n {
        let path = out.join(article_path(i));
        if i % 1000 == 0 {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
        }
        std::fs::write(path, generator.next_article())?;
    }
    Ok(())
}

/// Writes the same `n` articles as JSON Lines for `--stdin`, one
/// `{"id", "text"}` per line, the id being the article's relative path.
pub fn write_jsonl(n: usize, out: impl Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let mut generator = Generator::new()?;
    for i in 0..n {
        let record = serde_json::json!({
            "id": article_path(i).to_string_lossy(),
            "text": generator.next_article(),
        });
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
