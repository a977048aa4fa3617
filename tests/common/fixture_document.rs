//! A document of about `words` words built by repeating the fixture
//! articles (French and English alternate, paragraphs intact), shared by
//! the benches.

use std::path::Path;

pub fn document(words: usize) -> String {
    document_of(words, "")
}

/// The same from the fixture articles in one language only (file names
/// starting `fr_` or `en_`): a document the analysis reads in one pass,
/// where one mixing the languages gets a second pass for its paragraphs in
/// the other language.
#[allow(dead_code)] // only the analysis bench times one language
pub fn one_language(lang: &str, words: usize) -> String {
    document_of(words, &format!("{lang}_"))
}

fn document_of(words: usize, prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix))
    });
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
