//! Code actions, as plain edits:
//! - replace a wrong-direction quotation mark with the right one;
//! - insert a source placeholder before an unattributed claim
//!   ("Selon [source], …" / "According to [source], …");
//! - suppress a diagnostic for one sentence (see `diagnostics`);
//! - add an actor detected in the text to `newsls.toml` (the server
//!   builds that file edit; here the entry text).

use super::diagnostics::{self, Diagnostic};
use super::Snapshot;
use crate::analysis::FindingKind;
use crate::input::Format;
use crate::lexicon::Lang;
use crate::text::TextRange;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionKind {
    QuickFix,
    Refactor,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    /// Edits in this document.
    pub edits: Vec<(TextRange, String)>,
    /// The diagnostic the action fixes, as the editor shows it (clients
    /// such as VS Code reject an attached diagnostic without its message).
    pub fixes: Option<Diagnostic>,
    /// An `[[actor]]` entry to append to `newsls.toml`.
    pub settings_entry: Option<String>,
}

pub fn actions(snap: &Snapshot, range: TextRange) -> Vec<Action> {
    let mut res = Vec::new();
    let text = snap.text();
    // Only what the user sees: a finding turned off or suppressed in the
    // text offers no fix.
    for (f, d) in diagnostics::shown(snap)
        .into_iter()
        .filter(|(f, _)| f.range.intersects(range) || f.range.contains(range.start()))
    {
        if let Some(mark) = &f.replacement {
            res.push(Action {
                title: format!("Replace {} with {mark}", &text[f.range.as_range()]),
                kind: ActionKind::QuickFix,
                edits: vec![(f.range, mark.clone())],
                fixes: Some(d.clone()),
                settings_entry: None,
            });
        }
        if f.kind == FindingKind::UnattributedClaim {
            res.push(source_placeholder(snap, d.clone()));
        }
        // Findings about a whole file are not a sentence's to silence.
        if !matches!(
            f.kind,
            FindingKind::ConfigError | FindingKind::AnnMismatch | FindingKind::DocumentTooLarge
        ) {
            res.push(suppress(snap, d));
        }
    }
    if let Some(m) = snap.analysis.mention_at(range.start()) {
        let actor = &snap.analysis.actors[m.actor];
        if !actor.registered && actor.named {
            let mut entry = format!(
                "\n[[actor]]\nname = {}\nkind = \"{}\"\n",
                toml_string(&actor.name),
                actor.kind.as_str()
            );
            if let Some(d) = &actor.description {
                entry.push_str(&format!("description = {}\n", toml_string(d)));
            }
            res.push(Action {
                title: format!("Add “{}” to newsls.toml", actor.name),
                kind: ActionKind::Refactor,
                edits: Vec::new(),
                fixes: None,
                settings_entry: Some(entry),
            });
        }
    }
    res
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn source_placeholder(snap: &Snapshot, finding: Diagnostic) -> Action {
    let text = snap.text();
    let sentence = finding.range;
    let phrase = match snap.analysis.language {
        Lang::Fr => "Selon [source], ",
        Lang::En => "According to [source], ",
    };
    // Lower-case the first letter unless the sentence opens with a name.
    let mut edits = vec![(TextRange::empty(sentence.start()), phrase.to_string())];
    let first = text[sentence.as_range()].chars().next();
    let opens_with_name = snap
        .analysis
        .mention_at(sentence.start())
        .is_some_and(|m| m.range.start() == sentence.start());
    if let Some(c) = first.filter(|c| c.is_uppercase() && !opens_with_name) {
        let lower: String = c.to_lowercase().collect();
        edits = vec![(
            TextRange::new(sentence.start(), sentence.start() + c.len_utf8()),
            format!("{phrase}{lower}"),
        )];
    }
    Action {
        title: "Insert a source placeholder".to_string(),
        kind: ActionKind::QuickFix,
        edits,
        fixes: Some(finding),
        settings_entry: None,
    }
}

fn suppress(snap: &Snapshot, finding: Diagnostic) -> Action {
    let code = finding.code;
    let sentences = &snap.analysis.sentences;
    let idx = sentences.partition_point(|s| s.range.end() <= finding.range.start());
    let end = sentences
        .get(idx)
        .map_or(finding.range.end(), |s| s.range.end());
    let marker = match snap.article.format {
        Format::Markdown => format!(" <!-- newsls-ignore {code} -->"),
        Format::Plain => format!(" [newsls-ignore {code}]"),
    };
    Action {
        title: format!("Ignore {code} for this sentence"),
        kind: ActionKind::QuickFix,
        edits: vec![(TextRange::empty(end), marker)],
        fixes: Some(finding),
        settings_entry: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn apply(text: &str, edits: &[(TextRange, String)]) -> String {
        let mut out = text.to_string();
        let mut sorted = edits.to_vec();
        sorted.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (r, new) in sorted {
            out.replace_range(r.as_range(), &new);
        }
        out
    }

    fn check(fixture_text: &str, title: &str, expected: &str) {
        let f = fixture::parse(fixture_text);
        let range = f.range.unwrap_or(TextRange::empty(f.cursor));
        let all = actions(&f.snapshot, range);
        let action = all.iter().find(|a| a.title == title).unwrap_or_else(|| {
            panic!(
                "no {title:?} in {:?}",
                all.iter().map(|a| &a.title).collect::<Vec<_>>()
            )
        });
        let got = match &action.settings_entry {
            Some(entry) => entry.clone(),
            None => apply(f.snapshot.text(), &action.edits),
        };
        assert_eq!(got, expected);
    }

    #[test]
    fn fixes_a_wrong_direction_mark() {
        check(
            "Il a dit « c'est fini$0« .",
            "Replace « with »",
            "Il a dit « c'est fini» .",
        );
    }

    #[test]
    fn inserts_a_source_placeholder() {
        check(
            "Un ac$0cord pourrait être signé.",
            "Insert a source placeholder",
            "Selon [source], un accord pourrait être signé.",
        );
        check(
            "A deal may$0 have been signed.",
            "Insert a source placeholder",
            "According to [source], a deal may have been signed.",
        );
    }

    #[test]
    fn suppresses_for_one_sentence() {
        check(
            "Un ac$0cord pourrait être signé. Fin.",
            "Ignore unattributed-claim for this sentence",
            "Un accord pourrait être signé. [newsls-ignore unattributed-claim] Fin.",
        );
    }

    #[test]
    fn adds_a_detected_actor_to_the_settings() {
        check(
            "Selon Marie Dup$0ont, rien.",
            "Add “Marie Dupont” to newsls.toml",
            "\n[[actor]]\nname = \"Marie Dupont\"\nkind = \"person\"\n",
        );
    }
}
