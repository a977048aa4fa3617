//! `newsls eval --gold DIR PATH…`: scores the analysis of each article
//! that has a `DIR/<stem>.json` gold file.

use std::path::Path;

use crate::corpus::eval::{evaluate, Report};
use crate::corpus::files::Input;
use crate::input::gold::Gold;

/// Scores every input with a gold file; returns the total report, the
/// number of articles scored, and problems with gold files.
pub fn run(inputs: &[Input], gold_dir: &Path) -> (Report, usize, Vec<String>) {
    let mut total = Report::default();
    let mut n = 0;
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
        let mut rep = evaluate(&input.article.text, &input.analysis, &gold);
        for e in &mut rep.errors {
            *e = format!("{stem}: {e}");
        }
        total.add(&rep);
        n += 1;
    }
    (total, n, problems)
}
