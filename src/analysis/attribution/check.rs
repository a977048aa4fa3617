//! (tests only) The `check` helpers of the constructions' tests. A fixture
//! is a short article; a pair of `$0` marks the cue the construction must
//! find. The helpers render what a user sees: each quote (kind, speaker,
//! quoted words) or each claim (status, source, sentence).

use super::super::{analyze, Analysis, AnalysisConfig};
use crate::input::Article;
use crate::text::{fixture, TextRange};

fn run(fixture: &str) -> (String, Option<TextRange>, Analysis) {
    let (text, marks) = fixture::markers(fixture);
    let cue = (marks.len() == 2).then(|| TextRange::new(marks[0], marks[1]));
    let a = analyze(
        &Article::plain(&text),
        &AnalysisConfig {
            language: None,
            actors: Vec::new(),
            annotations: None,
        },
    );
    (text, cue, a)
}

fn name(a: &Analysis, id: Option<usize>) -> &str {
    id.map_or("null", |i| a.actors[i].name.as_str())
}

/// The quotes of the fixture, one line each: `kind speaker «content»`;
/// the marked range, if any, must be the cue of one of them.
#[track_caller]
pub(super) fn check_quote(fixture: &str, expected: &str) {
    check(fixture, expected, |text, a| {
        a.quotes
            .iter()
            .map(|q| {
                let line = format!(
                    "{} {} «{}»",
                    q.kind.as_str(),
                    name(a, q.speaker),
                    &text[q.content.as_range()]
                );
                (line, q.cue)
            })
            .collect()
    });
}

/// The claims of the fixture, one line each: `status source: sentence`;
/// the marked range, if any, must be the cue of one of them.
#[track_caller]
pub(super) fn check_claim(fixture: &str, expected: &str) {
    check(fixture, expected, |text, a| {
        a.claims
            .iter()
            .map(|c| {
                let line = format!(
                    "{} {}: {}",
                    c.status.as_str(),
                    name(a, c.source),
                    &text[a.sentences[c.sentence].range.as_range()]
                );
                (line, c.cue)
            })
            .collect()
    });
}

/// Renders the items of the analysis (`lines`: each with its cue) and
/// compares them with `expected`, then looks for the marked cue.
#[track_caller]
fn check(
    fixture: &str,
    expected: &str,
    lines: impl Fn(&str, &Analysis) -> Vec<(String, Option<TextRange>)>,
) {
    let (text, cue, a) = run(fixture);
    let items = lines(&text, &a);
    let got: Vec<&str> = items.iter().map(|(l, _)| l.as_str()).collect();
    let got = got.join("\n");
    assert_eq!(got, expected.trim(), "\n--- got ---\n{got}\n");
    if let Some(cue) = cue {
        let cues: Vec<&str> = items
            .iter()
            .filter_map(|(_, c)| c.map(|c| &text[c.as_range()]))
            .collect();
        assert!(
            items.iter().any(|(_, c)| *c == Some(cue)),
            "expected cue «{}», got {cues:?}",
            &text[cue.as_range()]
        );
    }
}
