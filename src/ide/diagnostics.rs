//! Findings as the editor shows them: with the severity the settings give
//! their code, without the ones turned off or suppressed in the text.
//!
//! Suppression: `[newsls-ignore CODE]` (plain text) or `<!-- newsls-ignore
//! CODE -->` (Markdown) at the end of or inside a sentence silences CODE
//! (or every code, without one) for the findings that start in it.

use super::Snapshot;
use crate::analysis::{Finding, FindingKind, Sentence};
use crate::input::settings::Severities;
use crate::input::{suppressions, Severity, Suppression};
use crate::text::TextRange;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub range: TextRange,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub related: Vec<(TextRange, String)>,
}

pub fn diagnostics(snap: &Snapshot) -> Vec<Diagnostic> {
    shown(snap).into_iter().map(|(_, d)| d).collect()
}

/// The diagnostics the editor shows, each with the finding it comes from.
pub fn shown(snap: &Snapshot) -> Vec<(&Finding, Diagnostic)> {
    let a = &snap.analysis;
    visible(
        snap.text(),
        &a.sentences,
        &a.findings,
        &snap.settings.severities,
    )
    .into_iter()
    .map(|(f, severity)| {
        let d = Diagnostic {
            range: f.range,
            severity,
            code: f.code(),
            message: f.message.clone(),
            related: f.related.clone(),
        };
        (f, d)
    })
    .collect()
}

/// The findings a user sees, with their severity: not turned off in the
/// settings and not suppressed by a marker in the text. The editor and
/// `newsls check` both go through here.
pub fn visible<'a>(
    text: &str,
    sentences: &[Sentence],
    findings: &'a [Finding],
    severities: &Severities,
) -> Vec<(&'a Finding, Severity)> {
    visible_among(text, sentences, findings, severities, &suppressions(text))
}

/// [`visible`] with the text's suppression markers already found (the
/// language server asks section by section).
pub fn visible_among<'a>(
    text: &str,
    sentences: &[Sentence],
    findings: &'a [Finding],
    severities: &Severities,
    marks: &[Suppression],
) -> Vec<(&'a Finding, Severity)> {
    findings
        .iter()
        .filter(|f| !suppressed(text, sentences, f, marks))
        .filter_map(|f| {
            let severity = f.kind.severity(severities);
            (severity != Severity::Off).then_some((f, severity))
        })
        .collect()
}

/// The span a marker at `offset` covers: its sentence, from the start of
/// that sentence to the start of the next.
fn suppressed(text: &str, sentences: &[Sentence], f: &Finding, marks: &[Suppression]) -> bool {
    if marks.is_empty()
        || matches!(
            f.kind,
            FindingKind::ConfigError | FindingKind::AnnMismatch | FindingKind::DocumentTooLarge
        )
    {
        return false;
    }
    let idx = sentences.partition_point(|s| s.range.end() <= f.range.start());
    let Some(s) = sentences.get(idx) else {
        return false;
    };
    let scope_end = sentences
        .get(idx + 1)
        .map_or(text.len(), |n| n.range.start());
    let scope = TextRange::new(s.range.start(), scope_end);
    marks
        .iter()
        .filter(|m| scope.contains(m.range.start()))
        .any(|m| m.codes.is_empty() || m.codes.iter().any(|c| c == f.code()))
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        let f = fixture::parse(text);
        diagnostics(&f.snapshot).iter().map(|d| d.code).collect()
    }

    #[test]
    fn markers_silence_their_sentence_only() {
        assert_eq!(
            codes("Un accord pourrait être signé. Le chômage a baissé de 3 %."),
            ["unattributed-claim", "unattributed-claim"]
        );
        assert_eq!(codes("Un accord pourrait être signé. [newsls-ignore unattributed-claim] Le chômage a baissé de 3 %."), ["unattributed-claim"]);
        assert_eq!(codes("Un accord pourrait être signé. [newsls-ignore vague-source] Le chômage a baissé de 3 %."), ["unattributed-claim", "unattributed-claim"]);
        assert_eq!(
            codes("Un accord pourrait être signé [newsls-ignore]. Le chômage a baissé de 3 %."),
            ["unattributed-claim"]
        );
    }

    #[test]
    fn severities_come_from_settings_and_off_hides() {
        let mut settings = crate::input::Settings::default();
        settings.severities.set(
            crate::analysis::FindingKind::UnattributedClaim,
            Severity::Off,
        );
        let f = fixture::parse_with(
            "Un accord pourrait être signé. « Fin",
            settings,
            crate::input::Format::Plain,
        );
        let d = diagnostics(&f.snapshot);
        assert_eq!(
            d.iter().map(|d| (d.code, d.severity)).collect::<Vec<_>>(),
            [("unbalanced-quote", Severity::Error)]
        );
    }
}
