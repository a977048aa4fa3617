//! `newsls check`: findings for terminals (text), machines (JSON) and code
//! scanning (SARIF 2.1.0). Exit status 1 when a finding at warning or
//! error level exists.

use serde_json::json;

use super::render;
use crate::analysis::{Finding, FindingKind};
use crate::corpus::files::Input;
use crate::ide::diagnostics::visible;
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
}

/// Renders the findings of every input; returns the output and whether
/// any finding is at warning or error level.
pub fn run(inputs: &[Input], format: CheckFormat) -> (String, bool) {
    let mut failing = false;
    let mut text_out = String::new();
    let mut json_rows = Vec::new();
    let mut sarif_results = Vec::new();
    let mut n_findings = 0;
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
                n_findings += 1;
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
            text_out.push_str(&format!(
                "{n_findings} finding(s) in {} article(s)\n",
                inputs.len()
            ));
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
