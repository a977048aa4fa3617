//! The analysis of a document over `diagnostics.max-document-bytes`:
//! only the checks that cost next to nothing, and one finding saying so.

use super::{quotes, segment, Analysis, AnalysisConfig, Doc, Finding, FindingKind};
use crate::input::Article;
use crate::lexicon::Lexicons;
use crate::text::{Folded, TextRange};

/// Its quotation marks (`unbalanced-quote`), and one `document-too-large`
/// finding at its top saying so, why, and which setting raises the limit.
pub(super) fn analysis(
    article: &Article,
    config: &AnalysisConfig,
    size: u64,
    max_bytes: u64,
) -> Analysis {
    let lexicons = Lexicons::get();
    let text = article.prose.as_str();
    let language = super::language_of(article, config);
    let no_fold = Folded::new("");
    let doc = Doc {
        text,
        folded: &no_fold,
        lex: lexicons.lang(language),
        lexicons,
        paragraphs: segment::paragraphs(text),
        sentences: Vec::new(),
        quoted: Vec::new(),
        all_words: Vec::new(),
        speech: Vec::new(),
        framing: Vec::new(),
        memo: None,
    };
    // The scan of quotation marks reads the text and its paragraphs only.
    let marks = quotes::scan(&doc);
    let first_line = article
        .text
        .find(['\n', '\r'])
        .unwrap_or(article.text.len());
    let top = crate::text::snap(&article.text, TextRange::new(0, first_line.min(80)));
    let mut findings = vec![Finding::new(
        FindingKind::DocumentTooLarge,
        top,
        format!(
            "diagnostics limited: this document is {}, over the limit of {} (`max-document-bytes` under [diagnostics] in newsls.toml, `diagnostics.maxDocumentBytes` in the editor); only its quotation marks are checked ({}), and hover, the outline and the other features find no actors, quotes or claims in it. Raise the limit to analyse it fully.",
            bytes(size),
            bytes(max_bytes),
            FindingKind::UnbalancedQuote.code()
        ),
    )];
    findings.extend(marks.findings);
    Analysis {
        language,
        paragraphs: doc.paragraphs,
        sentences: Vec::new(),
        quotes: Vec::new(),
        actors: Vec::new(),
        mentions: Vec::new(),
        claims: Vec::new(),
        findings,
        sections: Vec::new(),
    }
}

/// A size for people: exact bytes with thousands separators, so a
/// document just over the limit does not read as equal to it, and MB
/// beside large ones.
fn bytes(n: u64) -> String {
    let digits = n.to_string();
    let mut res = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            res.push(',');
        }
        res.push(c);
    }
    res.push_str(" bytes");
    if n >= 1_000_000 {
        res.push_str(&format!(" ({:.1} MB)", n as f64 / 1e6));
    }
    res
}
