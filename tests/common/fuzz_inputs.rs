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

/// Pieces typed into documents by the edit fuzzer (besides bytes of its
/// own input) and by the random-edit test: the characters where UTF-16 and
/// byte offsets disagree, no-break spaces, quotation marks and every line
/// end, including a lone CR and U+2028 (not a line end for LSP).
pub const PIECES: &[&str] = &[
    "", "a", "x y", "Ça", "é", " ", "\u{a0}", "\u{202f}", "😀", "🇫🇷", "\r\n", "\n", "\r", "«", "»",
    "«\u{a0}", "’", "\u{2028}",
];

/// Reads the input a byte at a time; zeros once it is used up.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (&b, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        b
    }

    /// A line or column: mostly small, sometimes far past the end.
    fn coordinate(&mut self) -> u32 {
        match self.byte() {
            250 => u32::MAX,
            251..=255 => u32::from(self.byte()) * 1000,
            b => u32::from(b % 16),
        }
    }

    fn text(&mut self) -> String {
        let n = usize::from(self.byte() % 8);
        let (taken, rest) = self.0.split_at(n.min(self.0.len()));
        self.0 = rest;
        String::from_utf8_lossy(taken).into_owned()
    }
}

/// Incremental edits, as a client sends them: the first byte picks the
/// encoding, the text up to the first NUL is the document, and the rest
/// is read as changes (ranges anywhere, including past the end and inside
/// surrogate pairs, backwards ranges and whole-document replacements),
/// sometimes several per notification. After every notification the
/// server's text must equal the client's, computed independently with
/// `LineIndex`: a change naming a line past the end is skipped and
/// reported, a column past the end of its line is clamped.
pub fn edits(data: &[u8]) {
    use newsls::lsp::convert::Encoding;
    use newsls::lsp::documents::Document;
    use newsls::text::LineCol;
    use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let enc = if head & 1 == 0 {
        Encoding::Utf16
    } else {
        Encoding::Utf8
    };
    let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let mut model = String::from_utf8_lossy(&rest[..split]).into_owned();
    let mut input = Bytes(rest.get(split + 1..).unwrap_or(&[]));
    let mut doc = Document::new(0, &model, Format::Plain);
    while !input.0.is_empty() {
        let mut changes = Vec::new();
        let mut expected_error = false;
        for _ in 0..=input.byte() % 3 {
            let kind = input.byte();
            let text = if kind & 1 == 0 {
                PIECES[usize::from(kind >> 1) % PIECES.len()].to_string()
            } else {
                input.text()
            };
            if kind % 16 == 15 {
                changes.push(TextDocumentContentChangeEvent {
                    range: None,
                    range_length: None,
                    text: text.clone(),
                });
                model = text;
                continue;
            }
            let (l1, c1, l2, c2) = (
                input.coordinate(),
                input.coordinate(),
                input.coordinate(),
                input.coordinate(),
            );
            let index = LineIndex::new(&model);
            let offset = |line, col| {
                let lc = LineCol { line, col };
                match enc {
                    Encoding::Utf8 => index.offset_utf8(&model, lc),
                    Encoding::Utf16 => index.offset_utf16(&model, lc),
                }
            };
            match (offset(l1, c1), offset(l2, c2)) {
                (Some(a), Some(b)) => model.replace_range(a.min(b)..a.max(b), &text),
                _ => expected_error = true,
            }
            changes.push(TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
                range_length: None,
                text,
            });
        }
        let outcome = doc.apply(&changes, enc);
        assert_eq!(
            outcome.is_err(),
            expected_error,
            "a change past the end is reported, no other: {outcome:?} for {changes:?}"
        );
        assert_eq!(
            doc.text(),
            model,
            "the server's text differs after {changes:?}"
        );
    }
}

/// JSON-RPC frames: any bytes go through the guard in front of the
/// transport. What comes out is a sequence of well-formed frames whose
/// bodies are JSON-RPC messages, and well-formed frames in the input
/// come out unchanged.
pub fn frames(data: &[u8]) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let mut out = Vec::new();
    runtime.block_on(newsls::lsp::frames::sanitize(data, &mut out));
    let mut rest = out.as_slice();
    let mut bodies = Vec::new();
    while !rest.is_empty() {
        let header_end = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("every frame has a header");
        let header = std::str::from_utf8(&rest[..header_end]).expect("an ASCII header");
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .expect("one Content-Length header");
        let body = &rest[header_end + 4..header_end + 4 + length];
        let value: serde_json::Value = serde_json::from_slice(body).expect("a JSON body");
        assert_eq!(value["jsonrpc"], "2.0", "a JSON-RPC body");
        bodies.push(body);
        rest = &rest[header_end + 4 + length..];
    }
    // A well-formed input passes unchanged.
    if let Ok(text) = std::str::from_utf8(data) {
        let framed: Vec<&str> = text.split("Content-Length: ").skip(1).collect();
        let all_valid = !framed.is_empty()
            && text.starts_with("Content-Length: ")
            && framed.iter().all(|f| {
                f.split_once("\r\n\r\n").is_some_and(|(n, body)| {
                    n.parse::<usize>().is_ok_and(|n| n == body.len())
                        && serde_json::from_str::<serde_json::Value>(body).is_ok_and(|v| {
                            v["jsonrpc"] == "2.0" && v.get("method").is_some_and(|m| m.is_string())
                        })
                })
            });
        if all_valid {
            assert_eq!(out, data, "well-formed frames pass unchanged");
        }
    }
}
