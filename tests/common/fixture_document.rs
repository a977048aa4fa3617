//! A document of about `words` words built by repeating the fixture
//! articles (French and English alternate, paragraphs intact), shared by
//! the benches.

use std::path::Path;

pub fn document(words: usize) -> String {
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
    doc
}
