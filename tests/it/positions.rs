//! Random incremental edits against a reference `String`: the server's
//! rope must hold exactly the client's text after every edit, in UTF-16 and
//! UTF-8, with accents, no-break spaces, emoji (surrogate pairs), CRLF and
//! lone CR. Positions are computed from the reference with `LineIndex`, an
//! implementation independent of the rope conversion under test.

use newsls::input::Format;
use newsls::lsp::convert::Encoding;
use newsls::lsp::documents::Document;
use newsls::text::LineIndex;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

use crate::fuzz_inputs::PIECES;
use crate::Rng;

/// A char-boundary offset that is not between "\r" and "\n".
fn offset(rng: &mut Rng, text: &str) -> usize {
    let candidates: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .filter(|&i| !(text[..i].ends_with('\r') && text[i..].starts_with('\n')))
        .collect();
    candidates[rng.below(candidates.len())]
}

fn position(text: &str, index: &LineIndex, enc: Encoding, at: usize) -> Position {
    let lc = match enc {
        Encoding::Utf8 => index.line_col_utf8(at),
        Encoding::Utf16 => index.line_col_utf16(text, at),
    };
    Position::new(lc.line, lc.col)
}

fn run(enc: Encoding, seed: u64, n_edits: usize) {
    let mut rng = Rng(seed);
    let mut model = String::from("Début « été »\u{a0}😀\r\nfin\rencore");
    let mut doc = Document::new(0, &model, Format::Plain);
    for step in 0..n_edits {
        let index = LineIndex::new(&model);
        let a = offset(&mut rng, &model);
        let b = offset(&mut rng, &model);
        let (start, mut end) = (a.min(b), a.max(b));
        // Keep the text small, so each step is cheap: mostly short
        // deletions, longer ones once it has grown.
        let longest = if model.len() > 2_000 { 400 } else { 12 };
        if end - start > longest {
            end = start;
        }
        let mut insert = String::new();
        for _ in 0..rng.below(3) {
            insert.push_str(PIECES[rng.below(PIECES.len())]);
        }
        // Never split a "\r\n" by inserting between its halves' neighbours.
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(
                position(&model, &index, enc, start),
                position(&model, &index, enc, end),
            )),
            range_length: None,
            text: insert.clone(),
        };
        doc.apply(&[change], enc)
            .unwrap_or_else(|e| panic!("step {step}: {e}"));
        model.replace_range(start..end, &insert);
        assert_eq!(
            doc.text(),
            model,
            "step {step} ({enc:?}): replaced {start}..{end} with {insert:?}"
        );
    }
}

/// docs/targets.md: no divergence over 100,000 random edits (UTF-16, the
/// default and the encoding where offsets and columns disagree most).
#[test]
fn a_hundred_thousand_random_edits_in_utf16() {
    run(Encoding::Utf16, 0x9e37_79b9_7f4a_7c15, 100_000);
}

#[test]
fn thousands_of_random_edits_in_utf8() {
    run(Encoding::Utf8, 0x1234_5678_9abc_def1, 10_000);
}
