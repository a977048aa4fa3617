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
    assert!(stdout.contains("in 1 article(s)"), "{stdout}");
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

#[test]
fn stats_show_who_is_quoted_and_how() {
    let article = fixtures().join("articles/002_cyber_accord_2015.txt");
    let (stdout, _, code) = run(&["stats", "--format", "json", article.to_str().unwrap()]);
    assert_eq!(code, 0);
    let s: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        s["actors"][0]["name"], "Xi Jinping",
        "the most quoted actor comes first"
    );
    assert_eq!(s["actors"][0]["quotes"], 4);
    assert_eq!(s["total_articles"], 1);
    let (csv, _, _) = run(&["stats", "--format", "csv", article.to_str().unwrap()]);
    assert!(csv.starts_with("speaker,kind,quotes,"), "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("Xi Jinping,person,4,1,3,0,1"),
        "{csv}"
    );
    let (table, _, _) = run(&["stats", fixtures().join("articles").to_str().unwrap()]);
    assert!(table.contains("14 article(s)"), "{table}");
    let (md, _, _) = run(&["stats", "--format", "markdown", article.to_str().unwrap()]);
    assert!(md.starts_with("# newsls corpus stats"), "{md}");
    assert!(
        md.contains("| Xi Jinping | person | 4 | 1 | 3 | 0 | 1 |"),
        "{md}"
    );
    assert!(
        md.contains("*(unnamed)*"),
        "an anonymous source is marked: {md}"
    );
}

#[test]
fn brat_export_does_not_overwrite_and_is_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(
        &article,
        "« Nous partirons », a dit Paul Girard. Un accord pourrait être signé.\n",
    )
    .unwrap();
    let (_, stderr, code) = run(&[
        "extract",
        "--format",
        "brat",
        "--out",
        dir.path().to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let ann = fs::read_to_string(dir.path().join("a.ann")).unwrap();
    assert!(
        ann.contains("\tPerson ") && ann.contains("\tQuote ") && ann.contains("Speaker Arg1:"),
        "{ann}"
    );
    let (_, stderr, code) = run(&[
        "extract",
        "--format",
        "brat",
        "--out",
        dir.path().to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("not overwritten"), "{stderr}");
    let (_, _, code) = run(&[
        "extract",
        "--format",
        "brat",
        "--force",
        "--out",
        dir.path().to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    // The .ann beside the article is used: a human correction wins.
    let corrected = ann.replace(
        "AnnotatorNotes T1\tPaul Girard",
        "AnnotatorNotes T1\tPaul Girard-Roux",
    );
    fs::write(dir.path().join("a.ann"), corrected).unwrap();
    let (stdout, _, _) = run(&["extract", article.to_str().unwrap()]);
    let rec: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(rec["quotes"][0]["speaker"], "Paul Girard-Roux");
}

#[test]
fn ann_mismatches_are_reported_on_the_ann_and_the_rest_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(
        &article,
        "« Nous partirons », a dit Paul Girard.\n\n« Puis revenons »\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.ann"),
        "T1\tPerson 26 37\tPaul Girard\nT2\tPerson 0 5\tWrong\nT3\tPerson 10 9999\tfar\nT4\tQuote 2 15;42 55\tNous partiron Puis revenons\nR1\tSpeaker Arg1:T4 Arg2:T1\nT5\tPerson oops\n",
    )
    .unwrap();
    let (stdout, _, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    for line in [2, 3, 6] {
        assert!(
            stdout.contains(&format!("a.ann:{line}:1: error[ann-mismatch]")),
            "line {line}: {stdout}"
        );
    }
    let (stdout, _, _) = run(&["extract", article.to_str().unwrap()]);
    let rec: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let quotes = rec["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "the discontinuous annotated quote: {rec}");
    assert_eq!(quotes[0]["speaker"], "Paul Girard");
}

#[test]
fn stdin_json_lines_in_and_out() {
    use std::io::Write;
    let mut child = newsls()
        .args(["extract", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("{\"id\": \"x1\", \"text\": \"« Oui », a dit Léa Martin.\"}\nnot json\n{\"id\": 7, \"text\": \"A deal may have been signed.\", \"lang\": \"en\"}\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "x1");
    assert_eq!(lines[0]["quotes"][0]["speaker"], "Léa Martin");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["language"], "en");
    assert_eq!(lines[2]["claims"][0]["status"], "unattributed");
}

/// newsls as the map step of a parallel pipeline (GNU parallel splitting
/// the input into chunks, as Spark's `rdd.pipe` or Hadoop streaming would).
#[test]
fn runs_as_a_map_step_under_gnu_parallel() {
    if std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_err()
    {
        panic!("GNU parallel is required (apt-get install parallel; .ci/run installs it)");
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut lines = String::new();
    for i in 0..40 {
        lines.push_str(&serde_json::json!({"id": i, "text": format!("« Réponse {i} », a dit Paul Girard. Un accord pourrait être signé.")}).to_string());
        lines.push('\n');
    }
    fs::write(&input, lines).unwrap();
    let out = std::process::Command::new("parallel")
        .args([
            "--will-cite",
            "--pipe",
            "-N",
            "7",
            "-k",
            env!("CARGO_BIN_EXE_newsls"),
            "stats",
            "--stdin",
        ])
        .stdin(fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 40);
    let ids: Vec<i64> = recs.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, (0..40).collect::<Vec<_>>());
    assert!(
        recs.iter()
            .all(|r| r["speakers_quoted"][0]["name"] == "Paul Girard"
                && r["unattributed_claims"] == 1)
    );
}

/// The committed corpus fixture: settings (valid and broken), `[files]`
/// exclusions, and `.ann` files valid, mismatched, out of range and
/// discontinuous.
#[test]
fn the_corpus_fixture_is_checked_as_a_researcher_expects() {
    let corpus = fixtures().join("corpus");
    let (stdout, stderr, code) = run(&["check", corpus.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("broken/newsls.toml:6:8") && stderr.contains("default settings used"),
        "{stderr}"
    );
    assert!(
        !stdout.contains("ignored.txt"),
        "drafts/** is excluded: {stdout}"
    );
    assert!(stdout.contains("in 3 article(s)"), "{stdout}");
    for line in [4, 5, 6] {
        assert!(
            stdout.contains(&format!("mismatched.ann:{line}:1: error[ann-mismatch]")),
            "{stdout}"
        );
    }
    assert!(
        !stdout.contains("annotated.ann"),
        "the valid .ann has no problem: {stdout}"
    );
    let (stdout, _, _) = run(&["extract", corpus.join("valid").to_str().unwrap()]);
    let recs: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let annotated = recs
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("annotated.txt"))
        .unwrap();
    let speakers: Vec<&str> = annotated["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["speaker"].as_str().unwrap())
        .collect();
    assert_eq!(
        speakers,
        ["Paul Girard", "Paul Girard"],
        "the Coref mention carries the speaker"
    );
    assert_eq!(annotated["actors"][0]["wikidata"], "Q0");
    let mismatched = recs
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("mismatched.txt"))
        .unwrap();
    assert_eq!(
        mismatched["quotes"].as_array().unwrap().len(),
        1,
        "one quote over two paragraphs, from its discontinuous span"
    );
    assert_eq!(mismatched["quotes"][0]["speaker"], "Léa Martin");
}

/// `newsls check` honours suppression markers exactly as the editor does.
#[test]
fn check_honours_suppression_markers() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Un accord pourrait être signé. [newsls-ignore unattributed-claim] Le chômage a baissé de 3 %.\n",
    )
    .unwrap();
    let (stdout, _, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(
        stdout.matches("warning[unattributed-claim]").count(),
        1,
        "{stdout}"
    );
    assert!(
        stdout.contains("chômage"),
        "the other sentence is still flagged: {stdout}"
    );
    assert_eq!(code, 1);
    fs::write(
        dir.path().join("a.txt"),
        "Un accord pourrait être signé. [newsls-ignore]\n",
    )
    .unwrap();
    let (stdout, _, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert!(stdout.contains("0 finding(s)"), "{stdout}");
    assert_eq!(code, 0);
}
