//! The dev-set gate of issue 14: `newsls eval --json` on the 32 real
//! Wikinews articles of `../shared/corpus/dev` (outside the repository;
//! CI has it at that path) must stay at or above the floors below, overall
//! and per language, and under the ceiling on false warnings. The gold
//! there is never edited nor copied here.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::newsls;

/// THE table: one row per metric, its field in `eval --json` (a JSON
/// pointer, the same in each `by_language` entry), then the bound overall,
/// for French and for English. Floors are the figures after the accuracy
/// work of issue 14 (they were 0967d08's before it) less about 0.02,
/// rounded down; the ceiling on false warnings per article is a little
/// above them (one or two warnings more). Raise them here as accuracy
/// improves.
#[rustfmt::skip] // a table, one row a line
const GATES: [Gate; 7] = [
    //       metric                      field in eval --json              all   French English
    floor(  "quotes (direct+mixed) F1", "/quotes/f1",                     0.94, 0.95,  0.93),
    floor(  "all quotes F1",            "/all_quotes/f1",                 0.86, 0.89,  0.85),
    floor(  "speaker accuracy",         "/speaker_accuracy",              0.85, 0.83,  0.86),
    floor(  "named actors F1",          "/actors/f1",                     0.91, 0.91,  0.90),
    floor(  "unattributed claims P",    "/unattributed_claims/precision", 0.90, 0.97,  0.88),
    floor(  "unattributed claims R",    "/unattributed_claims/recall",    0.72, 0.40,  0.86),
    ceiling("false warnings / article", "/false_warnings/per_article",    0.45, 0.50,  0.50),
];

struct Gate {
    metric: &'static str,
    field: &'static str,
    /// A ceiling rather than a floor.
    at_most: bool,
    /// Overall, French, English.
    bounds: [f64; 3],
}

const fn floor(metric: &'static str, field: &'static str, all: f64, fr: f64, en: f64) -> Gate {
    Gate {
        metric,
        field,
        at_most: false,
        bounds: [all, fr, en],
    }
}

const fn ceiling(metric: &'static str, field: &'static str, all: f64, fr: f64, en: f64) -> Gate {
    Gate {
        metric,
        field,
        at_most: true,
        bounds: [all, fr, en],
    }
}

impl Gate {
    fn holds(&self, value: f64, bound: f64) -> bool {
        // Scores are printed to three decimals; compare at that precision
        // so a floor equal to a printed figure holds.
        let value = (value * 1000.0).round() / 1000.0;
        match self.at_most {
            true => value <= bound,
            false => value >= bound,
        }
    }
}

/// The scopes of the table: the report overall, then per language.
const SCOPES: [(&str, Option<&str>); 3] = [
    ("all", None),
    ("French", Some("fr")),
    ("English", Some("en")),
];

fn dev_set() -> PathBuf {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    assert!(
        dev.join("gold").is_dir(),
        "the dev set of issue 14 is missing: expected its articles in {} and their gold in \
         {}/gold (`../shared/corpus/dev` from the repository root, where CI has it). \
         It is kept outside the repository; put it there to run this test.",
        dev.display(),
        dev.display()
    );
    dev
}

fn eval(dev: &Path, json: bool) -> String {
    let gold = dev.join("gold");
    let mut cmd = newsls();
    cmd.arg("eval").arg("--gold").arg(&gold).arg(dev);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("newsls runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every gate, overall and per language, with the score table printed on
/// failure: the gates' own (value against bound) and `newsls eval`'s.
#[test]
fn dev_set_scores_stay_above_the_floors() {
    let dev = dev_set();
    let rep: Value = serde_json::from_str(&eval(&dev, true)).expect("eval --json prints JSON");
    let n_gold = std::fs::read_dir(dev.join("gold"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
        .count() as u64;
    let mut failures = Vec::new();
    if rep["articles"].as_u64() != Some(n_gold) {
        failures.push(format!(
            "{} article(s) scored, {n_gold} gold file(s)",
            rep["articles"]
        ));
    }
    let mut table = format!("{:<26}", "metric");
    for (scope, _) in SCOPES {
        table.push_str(&format!(" {scope:>15}  "));
    }
    table.push('\n');
    for gate in &GATES {
        table.push_str(&format!("{:<26}", gate.metric));
        for ((scope, lang), bound) in SCOPES.iter().zip(gate.bounds) {
            let report = match lang {
                Some(l) => &rep["by_language"][l],
                None => &rep,
            };
            let cell = match report.pointer(gate.field).and_then(Value::as_f64) {
                Some(value) => {
                    let sign = if gate.at_most { "≤" } else { "≥" };
                    let ok = gate.holds(value, bound);
                    if !ok {
                        failures.push(format!(
                            "{} ({scope}): {value:.3}, bound {sign} {bound:.2}",
                            gate.metric
                        ));
                    }
                    format!(
                        "{value:.3} {sign}{bound:.2}{}",
                        if ok { "  " } else { " ✗" }
                    )
                }
                None => {
                    failures.push(format!(
                        "{} ({scope}): no {} in the report",
                        gate.metric, gate.field
                    ));
                    "missing".to_string()
                }
            };
            table.push_str(&format!(" {cell:>17}"));
        }
        table.push('\n');
    }
    assert!(
        failures.is_empty(),
        "dev-set gate failed:\n  {}\n\n{table}\n`newsls eval --gold {dev}/gold {dev}`:\n{}",
        failures.join("\n  "),
        eval(&dev, false),
        dev = dev.display(),
    );
}
