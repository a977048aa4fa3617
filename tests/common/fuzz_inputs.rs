//! What each fuzz target does with its input, shared by the cargo-fuzz
//! targets (`fuzz/fuzz_targets`) and the regression test that replays every
//! saved input (`tests/it/fuzz_regressions.rs`). Each function panics when
//! newsls does, or when a result breaks an invariant a user would see
//! (a range outside the text or inside a character).

use newsls::analysis::{analyze, Analysis, AnalysisConfig};
use newsls::input::article::{Article, Format};
use newsls::input::settings::Settings;
use newsls::lexicon::Lang;
use newsls::text::{LineIndex, TextRange};

fn check_range(text: &str, r: TextRange, what: &str) {
    assert!(
        r.start() <= r.end() && r.end() <= text.len(),
        "{what} {r:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start()) && text.is_char_boundary(r.end()),
        "{what} {r:?} splits a character"
    );
}

/// Every range of an analysis lies in the text, on character boundaries.
pub fn check_analysis(text: &str, a: &Analysis) {
    for &p in &a.paragraphs {
        check_range(text, p, "paragraph");
    }
    for s in &a.sentences {
        check_range(text, s.range, "sentence");
        assert!(s.paragraph < a.paragraphs.len(), "sentence paragraph");
    }
    for q in &a.quotes {
        check_range(text, q.range, "quote");
        check_range(text, q.content, "quote content");
        assert!(q.sentence < a.sentences.len(), "quote sentence");
        assert!(
            q.speaker.is_none_or(|s| s < a.actors.len()),
            "quote speaker"
        );
        if let Some(c) = q.cue {
            check_range(text, c, "cue");
        }
    }
    for m in &a.mentions {
        check_range(text, m.range, "mention");
        assert!(m.actor < a.actors.len(), "mention actor");
    }
    for c in &a.claims {
        assert!(c.sentence < a.sentences.len(), "claim sentence");
        assert!(c.source.is_none_or(|s| s < a.actors.len()), "claim source");
        for &(r, _) in &c.markers {
            check_range(text, r, "claim marker");
        }
    }
    for f in &a.findings {
        check_range(text, f.range, "finding");
        for (r, _) in &f.related {
            check_range(text, *r, "related information");
        }
    }
}

/// Analysis: the first byte picks the format and language, the rest is
/// the article (invalid UTF-8 replaced, as the server does not accept it
/// but a fuzzer should still reach the analysis).
pub fn analysis(data: &[u8]) {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let format = if head & 1 == 0 {
        Format::Plain
    } else {
        Format::Markdown
    };
    let language = match (head >> 1) % 3 {
        0 => None,
        1 => Some(Lang::Fr),
        _ => Some(Lang::En),
    };
    let article = Article::new(&text, format);
    let config = AnalysisConfig {
        language,
        actors: Vec::new(),
        annotations: None,
    };
    let a = analyze(&article, &config);
    check_analysis(&article.prose, &a);
}

/// brat: the input is an article and a `.ann`, split at the first NUL.
/// The `.ann` is parsed, validated against the article, turned into
/// annotations and applied by the analysis.
pub fn brat(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (article_text, ann_text) = text.split_once('\0').unwrap_or((&text, ""));
    let article = Article::plain(article_text);
    let (ann, annotations) = newsls::corpus::brat::load(ann_text, &article.text);
    let index = LineIndex::new(&article.text);
    for e in &ann.entities {
        if let Some(r) = ann.byte_range(e, &article.text, &index) {
            check_range(&article.text, r, "entity");
        }
    }
    let config = AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations: Some(annotations),
    };
    let a = analyze(&article, &config);
    check_analysis(&article.prose, &a);
}

/// newsls.toml: parsed; an error points inside the text.
pub fn settings(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = Settings::parse(&text) {
        check_range(&text, e.range, "settings error");
        assert!(!e.message.is_empty(), "an error says what is wrong");
    }
}
