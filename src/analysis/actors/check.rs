//! (tests only) The `check` helper of the actor passes' tests: the named
//! actors of a short article, one line each: `kind name (description):
//! mention | mention`.

use super::super::{analyze, Analysis, AnalysisConfig};
use crate::input::{ActorEntry, Article};

#[track_caller]
pub(super) fn check_actors(text: &str, actors: Vec<ActorEntry>, expected: &str) {
    let a = analyze(
        &Article::plain(text),
        &AnalysisConfig {
            language: None,
            actors,
            annotations: None,
        },
    );
    let got = actor_lines(text, &a).join("\n");
    assert_eq!(got, expected.trim(), "\n--- got ---\n{got}\n");
}

/// The named actors of an analysis, one line each.
pub(in crate::analysis) fn actor_lines(text: &str, a: &Analysis) -> Vec<String> {
    a.actors
        .iter()
        .filter(|x| x.named)
        .map(|actor| {
            let mentions: Vec<&str> = actor
                .mentions
                .iter()
                .map(|&m| &text[a.mentions[m].range.as_range()])
                .collect();
            let desc = actor
                .description
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            format!(
                "{} {}{desc}: {}",
                actor.kind.as_str(),
                actor.name,
                mentions.join(" | ")
            )
        })
        .collect()
}
