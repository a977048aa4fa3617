//! `newsls eval --gold DIR PATH…`: scores the analysis of each article
//! that has a `DIR/<stem>.json` gold file, overall and per language, and
//! lists the errors by class (`--verbose`, `--json`).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use crate::analysis::Finding;
use crate::corpus::eval::{
    class_table, evaluate, sort_errors, table, Category, ClassRow, EvalError, Report,
};
use crate::corpus::files::Input;
use crate::ide::diagnostics::visible;
use crate::ide::english::count;
use crate::input::gold::Gold;
use crate::lexicon::Lang;

/// The scores of a run, and its errors sorted by class.
pub struct Evaluation {
    /// All articles; its errors are in the order of [`Evaluation::classes`].
    pub total: Report,
    /// The language asked for, if any.
    pub lang: Option<Lang>,
    /// Per language code (`en`, `fr`), without the errors.
    pub by_language: BTreeMap<&'static str, Report>,
    pub classes: Vec<ClassRow>,
    /// Gold files that could not be read.
    pub problems: Vec<String>,
}

/// Scores every input with a gold file (only those in `lang`, if given).
/// An article's language is the gold's, else the analysis'. Warnings are
/// counted as `newsls check` shows them: with the severities of the
/// article's `newsls.toml` (the defaults without one) and its suppression
/// markers.
pub fn run(inputs: &[Input], gold_dir: &Path, lang: Option<Lang>) -> Evaluation {
    let mut total = Report::default();
    let mut by_language: BTreeMap<&'static str, Report> = BTreeMap::new();
    let mut problems = Vec::new();
    for input in inputs {
        let Some(stem) = input.path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let gold_path = gold_dir.join(format!("{stem}.json"));
        if !gold_path.is_file() {
            continue;
        }
        let gold = match std::fs::read_to_string(&gold_path)
            .map_err(|e| e.to_string())
            .and_then(|s| Gold::parse(&s).map_err(|e| e.to_string()))
        {
            Ok(g) => g,
            Err(e) => {
                problems.push(format!("{}: {e}", gold_path.display()));
                continue;
            }
        };
        let language = gold
            .language
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(input.analysis.language);
        if lang.is_some_and(|l| l != language) {
            continue;
        }
        let (text, analysis) = (&input.article.text, &input.analysis);
        let shown: Vec<&Finding> = visible(
            text,
            &analysis.sentences,
            &analysis.findings,
            &input.settings.severities,
        )
        .into_iter()
        .map(|(f, _)| f)
        .collect();
        let mut rep = evaluate(text, analysis, &shown, &gold);
        for e in &mut rep.errors {
            e.article = input.path.display().to_string();
        }
        total.add(&rep);
        rep.errors.clear();
        by_language.entry(language.code()).or_default().add(&rep);
    }
    let classes = class_table(&total.errors);
    sort_errors(&mut total.errors, &classes);
    Evaluation {
        total,
        lang,
        by_language,
        classes,
        problems,
    }
}

fn language_name(code: &str) -> &str {
    match code {
        "fr" => "French",
        "en" => "English",
        other => other,
    }
}

/// The score table, then one per language when there are several; with
/// `verbose`, the class table and every error (of `category`, if given).
pub fn text(ev: &Evaluation, gold_dir: &Path, verbose: bool, category: Option<Category>) -> String {
    let mut out = format!(
        "{} scored against {}{}\n",
        count(ev.total.articles, "article", "articles"),
        gold_dir.display(),
        ev.lang
            .map_or(String::new(), |l| format!(" (language {})", l.code()))
    );
    out.push_str(&table(&ev.total));
    if ev.by_language.len() > 1 {
        for (code, scores) in &ev.by_language {
            let _ = writeln!(
                out,
                "\n{} ({code}): {}",
                language_name(code),
                count(scores.articles, "article", "articles")
            );
            out.push_str(&table(scores));
        }
    }
    if verbose {
        let shown = |c: Category| category.is_none_or(|only| only == c);
        let rows: Vec<&ClassRow> = ev.classes.iter().filter(|r| shown(r.category)).collect();
        let errors: Vec<&EvalError> = ev
            .total
            .errors
            .iter()
            .filter(|e| shown(e.category))
            .collect();
        out.push_str("\nErrors by class, largest first\n");
        if rows.is_empty() {
            out.push_str("none\n");
            return out;
        }
        render_classes(&mut out, &rows);
        out.push_str("\nEvery error, in the order of the classes\n");
        render_errors(&mut out, &errors);
    }
    out
}

/// Per category, primary classes with their total, then their classes
/// with the count and up to three examples.
fn render_classes(out: &mut String, rows: &[&ClassRow]) {
    let mut i = 0;
    while i < rows.len() {
        let category = rows[i].category;
        let n_cat = rows[i..]
            .iter()
            .take_while(|r| r.category == category)
            .count();
        let total: usize = rows[i..i + n_cat].iter().map(|r| r.count).sum();
        let _ = writeln!(out, "\n{}: {total}", category.title());
        let mut j = i;
        while j < i + n_cat {
            let primary = rows[j].primary_class();
            let n = rows[j..i + n_cat]
                .iter()
                .take_while(|r| r.primary_class() == primary)
                .count();
            let group = &rows[j..j + n];
            let sum: usize = group.iter().map(|r| r.count).sum();
            let _ = writeln!(out, "{sum:>6}  {primary}");
            for r in group {
                if let Some((_, detail)) = r.class.split_once(" · ") {
                    let _ = writeln!(out, "{:>12}  {detail}", r.count);
                }
                for ex in &r.examples {
                    let _ = writeln!(out, "{:14}{ex}", "");
                }
            }
            j += n;
        }
        i += n_cat;
    }
}

/// Each error on two lines: place, class and words; then what the gold
/// and newsls say and what fired.
fn render_errors(out: &mut String, errors: &[&EvalError]) {
    let mut category = None;
    for e in errors {
        if category != Some(e.category) {
            category = Some(e.category);
            let _ = writeln!(out, "\n{}", e.category.title());
        }
        let place = match (e.line, e.column) {
            (Some(line), Some(col)) => format!("{}:{line}:{col}", e.article),
            _ => e.article.clone(),
        };
        let _ = writeln!(out, "  {place}: [{}] «{}»", e.class, e.snippet);
        let details: Vec<String> = [
            ("expected", &e.expected),
            ("found", &e.found),
            ("rule", &e.rule),
            ("evidence", &e.evidence),
        ]
        .into_iter()
        .filter_map(|(label, v)| Some(format!("{label}: {}", v.as_ref()?)))
        .collect();
        if !details.is_empty() {
            let _ = writeln!(out, "      {}", details.join("; "));
        }
    }
}

/// The scores as JSON, with the classes and errors (of `category`).
pub fn json(ev: &Evaluation, category: Option<Category>) -> serde_json::Result<String> {
    #[derive(serde::Serialize)]
    struct Json<'a> {
        #[serde(flatten)]
        scores: &'a Report,
        by_language: &'a BTreeMap<&'static str, Report>,
        classes: Vec<&'a ClassRow>,
        errors: Vec<&'a EvalError>,
    }
    let shown = |c: Category| category.is_none_or(|only| only == c);
    serde_json::to_string_pretty(&Json {
        scores: &ev.total,
        by_language: &ev.by_language,
        classes: ev.classes.iter().filter(|r| shown(r.category)).collect(),
        errors: ev
            .total
            .errors
            .iter()
            .filter(|e| shown(e.category))
            .collect(),
    })
}
