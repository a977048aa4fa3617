//! `newsls check`: findings for terminals (text), machines (JSON) and code
//! scanning (SARIF 2.1.0). Exit status 1 when a finding at warning or
//! error level exists.

use std::io::Write;
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

/// What one article adds to the report, rendered on the thread that
/// analysed it, so the analysis can be dropped: text lines, or JSON rows
/// already indented for their place in the document.
pub struct ArticleReport {
    out: String,
    rows: Vec<String>,
    counts: SeverityCounts,
    failing: bool,
}

/// Renders the findings of one article and of its `.ann`, as the editor
/// shows them (settings and suppression markers applied).
pub fn article(input: &Input, format: CheckFormat) -> ArticleReport {
    let mut res = ArticleReport {
        out: String::new(),
        rows: Vec::new(),
        counts: SeverityCounts::default(),
        failing: false,
    };
    let ann_findings = ann_findings(input);
    let severities = &input.settings.severities;
    let path = input.path.to_string_lossy();
    let mut documents = vec![(
        path,
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
            a.path.to_string_lossy(),
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
            res.counts.add(severity);
            res.failing |= severity >= Severity::Warning;
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
                    res.out
                        .push_str(&render::finding_at(&path, text, &index, f, severity, start));
                    res.out.push('\n');
                }
                CheckFormat::Json => res
                    .rows
                    .push(PrettyArray::row(&json_row(&at, f, severity), JSON_DEPTH)),
                CheckFormat::Sarif => res.rows.push(PrettyArray::row(
                    &sarif_result(&at, f, severity),
                    SARIF_DEPTH,
                )),
            }
        }
    }
    res
}

/// The report, written as each article's part arrives (in corpus order):
/// its size in memory does not grow with the corpus.
pub struct Report<W: Write> {
    format: CheckFormat,
    out: W,
    array: PrettyArray,
    counts: SeverityCounts,
    failing: bool,
    n_articles: usize,
}

/// Nesting of the rows of the JSON output (a top-level array) and of the
/// results of the SARIF log (`runs[0].results`).
const JSON_DEPTH: usize = 1;
const SARIF_DEPTH: usize = 4;

impl<W: Write> Report<W> {
    pub fn new(mut out: W, format: CheckFormat) -> std::io::Result<Report<W>> {
        let array = match format {
            CheckFormat::Text => PrettyArray::default(),
            CheckFormat::Json => PrettyArray::new("[]\n".to_string(), "[]", JSON_DEPTH),
            CheckFormat::Sarif => {
                PrettyArray::new(sarif_document(Vec::new()), "\"results\": []", SARIF_DEPTH)
            }
        };
        out.write_all(array.before.as_bytes())?;
        Ok(Report {
            format,
            out,
            array,
            counts: SeverityCounts::default(),
            failing: false,
            n_articles: 0,
        })
    }

    pub fn add(&mut self, a: ArticleReport) -> std::io::Result<()> {
        self.n_articles += 1;
        self.failing |= a.failing;
        self.counts.error += a.counts.error;
        self.counts.warning += a.counts.warning;
        self.counts.information += a.counts.information;
        self.counts.hint += a.counts.hint;
        self.out.write_all(a.out.as_bytes())?;
        for row in &a.rows {
            self.array.push(&mut self.out, row)?;
        }
        Ok(())
    }

    /// Ends the report; returns whether any finding is at warning or error
    /// level. `paths` are the paths the user gave, for the next-steps line
    /// of the text report.
    pub fn finish(mut self, paths: &[PathBuf]) -> std::io::Result<bool> {
        match self.format {
            CheckFormat::Text => self
                .out
                .write_all(summary(&self.counts, self.n_articles, paths).as_bytes())?,
            CheckFormat::Json | CheckFormat::Sarif => self.array.end(&mut self.out)?,
        }
        self.out.flush()?;
        Ok(self.failing)
    }
}

/// Renders the findings of every input; returns the output and whether
/// any finding is at warning or error level. `paths` are the paths the
/// user gave, for the next-steps line of the text report.
pub fn run(inputs: &[Input], paths: &[PathBuf], format: CheckFormat) -> (String, bool) {
    let mut out = Vec::new();
    let failing = Report::new(&mut out, format)
        .and_then(|mut report| {
            for input in inputs {
                report.add(article(input, format))?;
            }
            report.finish(paths)
        })
        .unwrap_or_default();
    (String::from_utf8(out).unwrap_or_default(), failing)
}

/// A pretty-printed JSON document with one array written element by
/// element: the bytes `serde_json::to_string_pretty` gives for the whole
/// document, without holding the elements. The document is printed once
/// with the array empty and cut there.
#[derive(Default)]
struct PrettyArray {
    /// Up to and with the array's `[`.
    before: String,
    /// After its `]`.
    after: String,
    /// The indentation of the line the array opens on.
    indent: String,
    n: usize,
}

impl PrettyArray {
    /// `doc` is the document as printed with the array empty, `empty` how the array
    /// and what introduces it read there (`"results": []`), `depth` the
    /// nesting of its elements.
    fn new(doc: String, empty: &str, depth: usize) -> PrettyArray {
        let at = doc.find(empty).unwrap_or(doc.len());
        let open = (at + empty.len()).saturating_sub(1).min(doc.len());
        PrettyArray {
            before: doc[..open].to_string(),
            after: doc[open..]
                .strip_prefix(']')
                .unwrap_or_default()
                .to_string(),
            indent: "  ".repeat(depth.saturating_sub(1)),
            n: 0,
        }
    }

    /// An element, pretty-printed and indented for `depth`.
    fn row(value: &impl serde::Serialize, depth: usize) -> String {
        let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
        let indent = "  ".repeat(depth);
        let mut res = String::with_capacity(pretty.len() + 64);
        for (i, line) in pretty.split('\n').enumerate() {
            if i > 0 {
                res.push('\n');
            }
            res.push_str(&indent);
            res.push_str(line);
        }
        res
    }

    fn push(&mut self, out: &mut impl Write, row: &str) -> std::io::Result<()> {
        out.write_all(if self.n == 0 { b"\n" } else { b",\n" })?;
        out.write_all(row.as_bytes())?;
        self.n += 1;
        Ok(())
    }

    fn end(&self, out: &mut impl Write) -> std::io::Result<()> {
        if self.n > 0 {
            out.write_all(b"\n")?;
            out.write_all(self.indent.as_bytes())?;
        }
        out.write_all(b"]")?;
        out.write_all(self.after.as_bytes())
    }
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
