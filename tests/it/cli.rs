//! The `newsls` command line as a user and a CI job see it.

use std::fs;

use serde_json::Value;

use crate::{fixtures, newsls};

fn run(args: &[&str]) -> (String, String, i32) {
    let out = newsls().args(args).output().expect("newsls runs");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code().unwrap_or(-1),
    )
}

/// `newsls eval` on the fixture corpus stays above the floors the project
/// promises (issue 2): quotes F1 0.90, speaker accuracy 0.85, unattributed
/// claims precision 0.80 and recall 0.60, named actors F1 0.85.
#[test]
fn eval_on_the_fixture_corpus_meets_the_floors() {
    let gold = fixtures().join("gold");
    let articles = fixtures().join("articles");
    let (stdout, stderr, code) = run(&[
        "eval",
        "--json",
        "--gold",
        gold.to_str().unwrap(),
        articles.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let rep: Value = serde_json::from_str(&stdout).expect("eval --json prints JSON");
    let f1 = |c: &Value| {
        let (tp, fp, fn_) = (
            c["tp"].as_f64().unwrap(),
            c["fp"].as_f64().unwrap(),
            c["fn_"].as_f64().unwrap(),
        );
        let (p, r) = (tp / (tp + fp).max(1.0), tp / (tp + fn_).max(1.0));
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    let (_, _, quotes) = f1(&rep["quotes"]);
    let speaker = rep["speaker_correct"].as_f64().unwrap() / rep["speaker_total"].as_f64().unwrap();
    let (up, ur, _) = f1(&rep["unattributed_claims"]);
    let (_, _, actors) = f1(&rep["actors"]);
    let summary = format!("quotes F1 {quotes:.3}, speaker {speaker:.3}, unattributed P {up:.3} R {ur:.3}, actors F1 {actors:.3}");
    assert!(quotes >= 0.90, "{summary}");
    assert!(speaker >= 0.85, "{summary}");
    assert!(up >= 0.80 && ur >= 0.60, "{summary}");
    assert!(actors >= 0.85, "{summary}");
}

#[test]
fn eval_prints_a_table() {
    let gold = fixtures().join("gold");
    let article = fixtures().join("articles/002_cyber_accord_2015.txt");
    let (stdout, _, code) = run(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 article(s) scored"), "{stdout}");
    assert!(stdout.contains("quotes (direct+mixed)"));
    assert!(stdout.contains("speaker accuracy"));
}

#[test]
fn check_reports_like_a_compiler_and_fails_on_warnings() {
    let article = fixtures().join("articles/002_cyber_accord_2015.txt");
    let (stdout, _, code) = run(&["check", article.to_str().unwrap()]);
    assert_eq!(code, 1, "an unattributed claim is a warning: exit 1");
    // The sentence flagged in the issue, at its line and column.
    assert!(stdout.contains("002_cyber_accord_2015.txt:1:"), "{stdout}");
    assert!(stdout.contains("warning[unattributed-claim]"), "{stdout}");
    assert!(stdout.contains("error[unbalanced-quote]"), "{stdout}");
    // The line and a caret underline under the finding.
    assert!(
        stdout
            .lines()
            .any(|l| l.trim_start().starts_with('|') && l.contains('^')),
        "{stdout}"
    );
}

#[test]
fn check_formats_json_and_sarif() {
    let article = fixtures().join("articles/002_cyber_accord_2015.txt");
    let (stdout, _, _) = run(&["check", "--format", "json", article.to_str().unwrap()]);
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    let claim = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "unattributed-claim")
        .expect("an unattributed claim");
    assert_eq!(claim["line"], 1);
    let (stdout, _, _) = run(&["check", "--format", "sarif", article.to_str().unwrap()]);
    let sarif: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "unbalanced-quote" && r["level"] == "error"));
}

#[test]
fn a_clean_article_passes_and_severities_come_from_newsls_toml() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Un accord pourrait voir le jour.\n",
    )
    .unwrap();
    let (_, _, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    fs::write(
        dir.path().join("newsls.toml"),
        "[diagnostics]\nunattributed-claim = \"hint\"\n",
    )
    .unwrap();
    let (stdout, _, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("hint[unattributed-claim]"), "{stdout}");
}

#[test]
fn bad_files_are_reported_and_skipped_without_stopping_the_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.txt"),
        b"Le march\xe9 est \xff ferm\xe9.",
    )
    .unwrap();
    fs::write(
        dir.path().join("good.txt"),
        "Un accord pourrait voir le jour.\n",
    )
    .unwrap();
    fs::write(dir.path().join("notes.csv"), "not an article").unwrap();
    let (stdout, stderr, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
    assert!(stdout.contains("good.txt:1:1"), "{stdout}");
    assert!(stdout.contains("in 1 file(s)"), "{stdout}");
    assert_eq!(code, 1);
    let (_, stderr, code) = run(&["check", dir.path().join("missing.txt").to_str().unwrap()]);
    assert!(stderr.contains("no such file"), "{stderr}");
    assert_eq!(code, 0);
}

#[test]
fn a_broken_newsls_toml_is_reported_and_defaults_apply() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("newsls.toml"),
        "[diagnostics]\nunatributed-claim = \"off\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Un accord pourrait voir le jour.\n",
    )
    .unwrap();
    let (stdout, stderr, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert!(
        stderr.contains("newsls.toml") && stderr.contains("unknown field"),
        "{stderr}"
    );
    assert!(stderr.contains(":2:"), "line of the error: {stderr}");
    assert!(stdout.contains("unattributed-claim"), "{stdout}");
    assert_eq!(code, 1);
}

#[test]
fn extract_writes_one_json_object_per_file_with_scalar_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\nlang: fr\n---\n« Été précoce 🌞 », a déclaré Éloïse Martin à l’AFP.\r\nUn accord pourrait être signé.\n";
    fs::write(dir.path().join("a.md"), text).unwrap();
    fs::write(
        dir.path().join("newsls.toml"),
        "[[actor]]\nname = \"Éloïse Martin\"\nkind = \"person\"\naliases = [\"la porte-parole\"]\ndescription = \"Porte-parole\"\n",
    )
    .unwrap();
    let (stdout, stderr, code) = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let rec: Value = serde_json::from_str(lines[0]).unwrap();
    for key in ["file", "language", "actors", "quotes", "claims", "findings"] {
        assert!(rec.get(key).is_some(), "missing {key}");
    }
    assert_eq!(rec["language"], "fr");
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    let quote = &rec["quotes"][0];
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["speaker"], "Éloïse Martin");
    assert_eq!(slice(quote), quote["text"].as_str().unwrap());
    assert!(quote["text"].as_str().unwrap().contains("🌞"));
    let actor = rec["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Éloïse Martin")
        .unwrap();
    assert_eq!(actor["description"], "Porte-parole");
    assert_eq!(slice(&actor["mentions"][0]), "Éloïse Martin");
    let claim = rec["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "unattributed")
        .unwrap();
    assert_eq!(slice(claim), "Un accord pourrait être signé.");
    assert!(claim["source"].is_null());
}

/// The diagnostic-code table in README.md is generated from the code; this
/// fails when they drift apart.
#[test]
fn readme_code_table_is_current() {
    let readme =
        fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let start = readme
        .find("<!-- codes:start -->")
        .expect("codes:start marker")
        + "<!-- codes:start -->".len();
    let end = readme.find("<!-- codes:end -->").expect("codes:end marker");
    let expected = newsls::analysis::FindingKind::code_table();
    assert_eq!(
        readme[start..end].trim(),
        expected.trim(),
        "regenerate the table in README.md"
    );
}
