//! `newsls check`: findings for terminals (text), machines (JSON) and code
//! scanning (SARIF 2.1.0). Exit status 1 when a finding at warning or
//! error level exists.

use std::path::PathBuf;

use serde_json::json;

use super::render;
use crate::analysis::{Finding, FindingKind};
use crate::corpus::files::Input;
use crate::ide::diagnostics::visible;
use crate::ide::english::count;
use crate::input::Severity;
use crate::text::{LineCol, LineIndex};

/// The problems of an article's `.ann` as findings on the `.ann` itself.
pub fn ann_findings(input: &Input) -> Vec<Finding> {
    let Some(ann) = &input.ann else {
        return Vec::new();
    };
    let index = LineIndex::new(&ann.text);
    ann.problems
        .iter()
        .filter_map(|p| {
            let range = index.line_content_range(&ann.text, p.line)?;
            Some(Finding::new(
                FindingKind::AnnMismatch,
                range,
                p.message.clone(),
            ))
        })
        .collect()
}

/// How many findings were shown at each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeverityCounts {
    pub error: usize,
    pub warning: usize,
    pub information: usize,
    pub hint: usize,
}

impl SeverityCounts {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Information => self.information += 1,
            Severity::Hint => self.hint += 1,
            Severity::Off => {}
        }
    }

    fn total(&self) -> usize {
        self.error + self.warning + self.information + self.hint
    }
}

/// The end of the text report: the count per severity, then, when
/// something was found, one line saying where to go next.
///
/// ```text
/// 6 errors, 7 warnings, 4 information in 5 articles
/// next: `newsls stats examples/corpus` shows who is quoted; to silence a finding, add [newsls-ignore CODE] to its sentence or set CODE = "off" under [diagnostics] in newsls.toml
/// ```
pub fn summary(counts: &SeverityCounts, n_articles: usize, paths: &[PathBuf]) -> String {
    let articles = count(n_articles, "article", "articles");
    if counts.total() == 0 {
        return format!("no findings in {articles}\n");
    }
    let parts: Vec<String> = [
        (counts.error, "error", "errors"),
        (counts.warning, "warning", "warnings"),
        (counts.information, "information", "information"),
        (counts.hint, "hint", "hints"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| count(n, one, many))
    .collect();
    format!(
        "{} in {articles}\nnext: `newsls stats {}` shows who is quoted; to silence a finding, add [newsls-ignore CODE] to its sentence or set CODE = \"off\" under [diagnostics] in newsls.toml\n",
        parts.join(", "),
        shell_words(paths),
    )
}

/// The paths as a user would type them again; `PATH…` when one would need
/// quoting.
fn shell_words(paths: &[PathBuf]) -> String {
    let plain = |p: &PathBuf| {
        let s = p.to_string_lossy();
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || "/._-+:,@%~".contains(c))
    };
    if paths.is_empty() || !paths.iter().all(plain) {
        return "PATH…".to_string();
    }
    paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
}

/// Renders the findings of every input; returns the output and whether
/// any finding is at warning or error level. `paths` are the paths the
/// user gave, for the next-steps line of the text report.
pub fn run(inputs: &[Input], paths: &[PathBuf], format: CheckFormat) -> (String, bool) {
    let mut failing = false;
    let mut text_out = String::new();
    let mut json_rows = Vec::new();
    let mut sarif_results = Vec::new();
    let mut counts = SeverityCounts::default();
    for input in inputs {
        let ann_findings = ann_findings(input);
        let severities = &input.settings.severities;
        // The article's findings as the editor shows them (settings and
        // suppression markers applied), then its `.ann`'s.
        let mut documents = vec![(
            input.path.to_string_lossy().to_string(),
            input.article.text.as_str(),
            visible(
                &input.article.text,
                &input.analysis.sentences,
                &input.analysis.findings,
                severities,
            ),
        )];
        if let Some(a) = &input.ann {
            documents.push((
                a.path.to_string_lossy().to_string(),
                a.text.as_str(),
                visible(&a.text, &[], &ann_findings, severities),
            ));
        }
        for (path, text, findings) in documents {
            let index = LineIndex::new(text);
            // Findings come in text order: columns are counted incrementally.
            let mut starts = render::Cursor::new(text, &index);
            let mut ends = render::Cursor::new(text, &index);
            for (f, severity) in findings {
                counts.add(severity);
                failing |= severity >= Severity::Warning;
                let start = starts.line_col(f.range.start());
                let end = ends.line_col(f.range.end());
                let start_char = starts.char_offset(f.range.start());
                let end_char = ends.char_offset(f.range.end());
                let at = Located {
                    path: &path,
                    start,
                    end,
                    chars: (start_char, end_char),
                };
                match format {
                    CheckFormat::Text => {
                        text_out
                            .push_str(&render::finding_at(&path, text, &index, f, severity, start));
                        text_out.push('\n');
                    }
                    CheckFormat::Json => json_rows.push(json_row(&at, f, severity)),
                    CheckFormat::Sarif => sarif_results.push(sarif_result(&at, f, severity)),
                }
            }
        }
    }
    let out = match format {
        CheckFormat::Text => {
            text_out.push_str(&summary(&counts, inputs.len(), paths));
            text_out
        }
        CheckFormat::Json => serde_json::to_string_pretty(&json_rows).unwrap_or_default() + "\n",
        CheckFormat::Sarif => sarif_document(sarif_results),
    };
    (out, failing)
}

/// Where a finding is: file, line/column of both ends, and its scalar
/// offsets.
struct Located<'a> {
    path: &'a str,
    start: LineCol,
    end: LineCol,
    chars: (usize, usize),
}

fn json_row(at: &Located, f: &Finding, severity: Severity) -> serde_json::Value {
    json!({
        "file": at.path,
        "line": at.start.line + 1,
        "column": at.start.col + 1,
        "end_line": at.end.line + 1,
        "end_column": at.end.col + 1,
        "start": at.chars.0,
        "end": at.chars.1,
        "severity": severity.as_str(),
        "code": f.code(),
        "message": f.message,
    })
}

fn sarif_result(at: &Located, f: &Finding, severity: Severity) -> serde_json::Value {
    json!({
        "ruleId": f.code(),
        "level": match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            _ => "note",
        },
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": at.path},
            "region": {
                "startLine": at.start.line + 1,
                "startColumn": at.start.col + 1,
                "endLine": at.end.line + 1,
                "endColumn": at.end.col + 1,
                "charOffset": at.chars.0,
                "charLength": at.chars.1 - at.chars.0,
            }
        }}],
    })
}

/// The SARIF 2.1.0 log: one run, the rules from the table of finding kinds.
fn sarif_document(results: Vec<serde_json::Value>) -> String {
    let rules: Vec<_> = FindingKind::ALL
        .iter()
        .map(|k| json!({"id": k.code(), "shortDescription": {"text": k.describe()}}))
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "newsls",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(error: usize, warning: usize, information: usize, hint: usize) -> SeverityCounts {
        SeverityCounts {
            error,
            warning,
            information,
            hint,
        }
    }

    #[test]
    fn summary_counts_each_severity_with_plurals() {
        let paths = [PathBuf::from("articles")];
        let s = summary(&counts(1, 12, 4, 0), 5, &paths);
        let mut lines = s.lines();
        assert_eq!(
            lines.next(),
            Some("1 error, 12 warnings, 4 information in 5 articles")
        );
        assert!(lines.next().is_some_and(|l| l
            .starts_with("next: `newsls stats articles` shows who is quoted;")
            && l.contains("[newsls-ignore CODE]")));
        assert_eq!(lines.next(), None);
        assert_eq!(
            summary(&counts(0, 0, 0, 2), 1, &paths).lines().next(),
            Some("2 hints in 1 article")
        );
        assert_eq!(
            summary(&counts(0, 0, 0, 0), 1, &paths),
            "no findings in 1 article\n"
        );
    }

    #[test]
    fn paths_that_need_quoting_are_not_echoed() {
        assert_eq!(
            shell_words(&[PathBuf::from("a/b.txt"), PathBuf::from("c")]),
            "a/b.txt c"
        );
        assert_eq!(shell_words(&[PathBuf::from("my articles")]), "PATH…");
        assert_eq!(shell_words(&[PathBuf::from("$(rm -rf)")]), "PATH…");
    }
}
