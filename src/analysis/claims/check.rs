//! (tests only) The `check` helper of the claim detector's tests. A
//! fixture is a short article; a pair of `$0` marks the words that must be
//! one of the markers (or the cue) of a claim. Each claim renders as what
//! a reporter sees: its status, its source, and the markers that fired.

use super::super::{analyze, AnalysisConfig, MarkerKind};
use crate::input::Article;
use crate::text::{fixture, TextRange};

fn short(kind: MarkerKind) -> &'static str {
    match kind {
        MarkerKind::Hearsay => "hearsay",
        MarkerKind::Conditional => "conditional",
        MarkerKind::Statistic => "statistic",
        MarkerKind::Accusation => "accusation",
        MarkerKind::Evaluation => "evaluation",
        MarkerKind::Speculation => "speculation",
        MarkerKind::Consensus => "consensus",
    }
}

/// The claims of the fixture, one line each: `status source [kind
/// «marker», …]` (the source when there is one, the markers when any).
#[track_caller]
pub(super) fn check_claims(fixture: &str, expected: &str) {
    let (text, marks) = fixture::markers(fixture);
    let a = analyze(
        &Article::plain(&text),
        &AnalysisConfig {
            language: None,
            actors: Vec::new(),
            annotations: None,
        },
    );
    let mut lines = Vec::new();
    let mut spans: Vec<TextRange> = Vec::new();
    for c in &a.claims {
        let mut line = c.status.as_str().to_string();
        if let Some(s) = c.source {
            line.push(' ');
            line.push_str(&a.actors[s].name);
        }
        if !c.markers.is_empty() {
            let markers: Vec<String> = c
                .markers
                .iter()
                .map(|(r, k)| format!("{} «{}»", short(*k), &text[r.as_range()]))
                .collect();
            line.push_str(&format!(" [{}]", markers.join(", ")));
        }
        lines.push(line);
        spans.extend(c.markers.iter().map(|(r, _)| *r));
        spans.extend(c.cue);
    }
    let got = lines.join("\n");
    assert_eq!(got, expected.trim(), "\n--- got ---\n{got}\n");
    if let [start, end] = marks[..] {
        let want = TextRange::new(start, end);
        assert!(
            spans.contains(&want),
            "«{}» is neither a marker nor a cue",
            &text[want.as_range()]
        );
    }
}
