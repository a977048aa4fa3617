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
    assert!(stdout.starts_with("1 article scored against "), "{stdout}");
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
    assert!(stdout.contains("1 warning in 1 article\n"), "{stdout}");
    assert_eq!(code, 1);
}

/// A folder's own documentation (README, SOURCES.md in capitals) is not
/// linted as an article when the folder is walked, but is when named.
#[test]
fn a_folders_documentation_is_left_out_of_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let claim = "Un accord pourrait voir le jour.\n";
    fs::write(dir.path().join("article.txt"), claim).unwrap();
    fs::write(dir.path().join("README.md"), claim).unwrap();
    fs::write(dir.path().join("SOURCES.md"), claim).unwrap();
    fs::write(dir.path().join("Notes.md"), claim).unwrap();
    let (stdout, _, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert!(stdout.contains("article.txt:1:1"), "{stdout}");
    assert!(stdout.contains("Notes.md:1:1"), "{stdout}");
    assert!(
        !stdout.contains("README.md") && !stdout.contains("SOURCES.md"),
        "{stdout}"
    );
    assert!(stdout.contains("2 warnings in 2 articles\n"), "{stdout}");
    let named = dir.path().join("SOURCES.md");
    let (stdout, _, _) = run(&["check", named.to_str().unwrap()]);
    assert!(stdout.contains("SOURCES.md:1:1"), "{stdout}");
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
    assert!(csv.starts_with("speaker,kind,anonymous,quotes,"), "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("Xi Jinping,person,false,4,1,3,0,1"),
        "{csv}"
    );
    let (table, _, _) = run(&["stats", fixtures().join("articles").to_str().unwrap()]);
    assert!(table.starts_with("14 articles, "), "{table}");
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
    assert!(stdout.contains(" in 3 articles\n"), "{stdout}");
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
    assert!(stdout.ends_with("no findings in 1 article\n"), "{stdout}");
    assert_eq!(code, 0);
}

/// A path that does not exist is a usage error for every command that
/// reads articles: exit 2, the path named, nothing on stdout. A typo in a
/// newsroom script must not pass for a clean run.
#[test]
fn a_missing_path_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Il pleut.\n").unwrap();
    let missing = dir.path().join("artciles");
    let missing = missing.to_str().unwrap();
    let present = dir.path().to_str().unwrap();
    for args in [
        vec!["check", missing],
        vec!["check", present, missing],
        vec!["extract", missing],
        vec!["stats", missing],
        vec!["stats", "--format", "json", missing],
    ] {
        let (stdout, stderr, code) = run(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(
            stderr.trim_end(),
            format!("newsls: no such file or folder: {missing}"),
            "{args:?}"
        );
        assert_eq!(stdout, "", "{args:?}");
    }
}

/// `--stdin` errors say which input line is wrong (blank lines counted),
/// keep the record's `id` whenever it can be read, and leave the other
/// records alone.
#[test]
fn stdin_errors_name_the_input_line_and_keep_the_id() {
    use std::io::Write;
    let input = [
        r#"{"id": "ok", "text": "« Oui », a dit Léa Martin."}"#,
        "",
        r#"{"id": "cut", "text": "Un accord pourrait"#,
        "[1,2]",
        r#"{"id": "de", "text": "Der Vertrag.", "lang": "de"}"#,
        r#"{"id": 42, "text": "A deal.", "lang": 42}"#,
        r#"{"id": "no-text"}"#,
        r#"{"id": "en", "text": "A deal could be signed.", "lang": "en"}"#,
    ]
    .join("\n");
    for command in ["extract", "stats"] {
        let mut child = newsls()
            .args([command, "--stdin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{command}");
        let recs: Vec<Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let ids: Vec<Value> = recs.iter().map(|r| r["id"].clone()).collect();
        assert_eq!(
            ids,
            [
                Value::from("ok"),
                Value::from("cut"),
                Value::Null,
                Value::from("de"),
                Value::from(42),
                Value::from("no-text"),
                Value::from("en")
            ],
            "{command}"
        );
        let error = |i: usize| recs[i]["error"].as_str().unwrap_or_default().to_string();
        assert!(recs[0].get("error").is_none(), "{command}: {}", recs[0]);
        assert!(recs[6].get("error").is_none(), "{command}: {}", recs[6]);
        assert!(
            error(1)
                .starts_with("input line 3: not valid JSON: EOF while parsing a string at column"),
            "{command}: {}",
            error(1)
        );
        assert!(!error(1).contains("line 1"), "{}", error(1));
        assert_eq!(
            error(2),
            r#"input line 4: not an object: expected {"id": …, "text": "…"}, got an array"#
        );
        assert!(
            error(3).starts_with(r#"input line 5: unknown "lang" "de""#),
            "{}",
            error(3)
        );
        assert_eq!(
            error(4),
            r#"input line 6: "lang" must be a string ("fr", "en" or "auto"), not a number"#
        );
        assert_eq!(error(5), r#"input line 7: missing "text""#);
        let lines: Vec<u64> = recs.iter().filter_map(|r| r["line"].as_u64()).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7], "{command}");
    }
}

fn corpus_check() -> (String, i32) {
    let out = newsls()
        .args(["check", "examples/corpus"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        out.status.code().unwrap_or(-1),
    )
}

/// The text report ends with a count per severity and one line of next
/// steps: how to see the stats and how to silence a finding.
#[test]
fn check_ends_with_counts_per_severity_and_next_steps() {
    let (stdout, code) = corpus_check();
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    let n = |what: &str| {
        stdout
            .lines()
            .filter(|l| l.starts_with("examples/corpus/") && l.contains(&format!(": {what}[")))
            .count()
    };
    let (errors, warnings, information) = (n("error"), n("warning"), n("information"));
    assert!(errors > 1 && warnings > 1 && information > 1, "{stdout}");
    assert_eq!(
        lines[lines.len() - 2],
        format!("{errors} errors, {warnings} warnings, {information} information in 5 articles")
    );
    let next = lines[lines.len() - 1];
    assert!(
        next.starts_with("next: `newsls stats examples/corpus` shows who is quoted;"),
        "{next}"
    );
    assert!(
        next.contains("[newsls-ignore CODE]") && next.contains("newsls.toml"),
        "{next}"
    );
    // What the line advises works: the marker silences the finding.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Un accord pourrait être signé. [newsls-ignore unattributed-claim]\n",
    )
    .unwrap();
    let (stdout, _, code) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!((stdout.as_str(), code), ("no findings in 1 article\n", 0));
}

/// README's sample of `newsls check examples/corpus` is the real output:
/// each part between `[…]` lines occurs in it, in order, and the last part
/// is how it ends.
#[test]
fn readme_check_sample_is_the_real_output() {
    let readme =
        fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let start = readme
        .find("<!-- check-sample:start -->")
        .expect("check-sample:start marker");
    let end = readme
        .find("<!-- check-sample:end -->")
        .expect("check-sample:end marker");
    let block = readme[start..end]
        .split_once("```text\n")
        .and_then(|(_, b)| b.rsplit_once("```"))
        .map(|(b, _)| b)
        .expect("a ```text block between the markers");
    let (stdout, _) = corpus_check();
    let parts: Vec<&str> = block.split("[…]\n").collect();
    let mut from = 0;
    for part in &parts {
        let at = stdout[from..].find(part).unwrap_or_else(|| {
            panic!("README sample part not in the output, in order:\n{part}\n--- output:\n{stdout}")
        });
        from += at + part.len();
    }
    assert!(
        stdout.ends_with(parts[parts.len() - 1]),
        "README sample must end as the output does:\n{stdout}"
    );
    assert!(parts[0].starts_with("examples/corpus/"), "{block}");
}

/// `stats` as a table shows everything JSON has: anonymous sources
/// marked, whole names (speakers and files), and a row for quotes with no
/// speaker found, so the speakers' rows add up to the headline's count.
#[test]
fn stats_table_is_complete() {
    let dir = tempfile::tempdir().unwrap();
    let name = "un_article_au_nom_vraiment_tres_long_pour_le_tableau.txt";
    fs::write(
        dir.path().join(name),
        "« Nous partirons demain », a déclaré Marie-Christine Delacroix-Vanderbeken. « Rien n'est joué », a dit un membre du gouvernement.\n\nLa nuit tombe. « Qui parle ? »\n",
    )
    .unwrap();
    let (table, stderr, code) = run(&["stats", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "1 article, 3 quotes (2 from 2 speakers, 1 with no speaker found), 0 claims of which 0 unattributed"
    );
    let row = |start: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no row for {start}:\n{table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let path = dir.path().join(name).display().to_string();
    assert!(
        row("Marie-Christine Delacroix-Vanderbeken ").starts_with(&format!(
            "Marie-Christine Delacroix-Vanderbeken person named 1 1 0 0 1 {path}"
        )),
        "{table}"
    );
    assert!(
        row("un membre du gouvernement ")
            .starts_with("un membre du gouvernement person anonymous 1 1 0 0 1"),
        "{table}"
    );
    assert_eq!(
        row("(no speaker found) "),
        format!("(no speaker found) 1 1 0 0 1 {path} {path}")
    );
    assert!(
        row(&path).starts_with(&format!("{path} 3 1 2 0")),
        "{table}"
    );
    // On the fixture corpus: the quotes column adds up to the headline.
    let (table, _, _) = run(&["stats", fixtures().join("articles").to_str().unwrap()]);
    let headline_quotes: usize = table
        .split(", ")
        .nth(1)
        .and_then(|q| q.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{table}"));
    let header = table.lines().nth(2).unwrap();
    assert!(header.starts_with("speaker "), "{table}");
    let quotes_end = header[..header.find("quotes").unwrap() + "quotes".len()]
        .chars()
        .count();
    let sum: usize = table
        .lines()
        .skip(3)
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let before: String = l.chars().take(quotes_end).collect();
            before
                .split_whitespace()
                .last()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or_else(|| panic!("no quote count in {l:?}"))
        })
        .sum();
    assert_eq!(sum, headline_quotes, "{table}");
}

/// CSV is one table per output: `--table speakers` (the default) or
/// `--table articles`, each with its own header and nothing else.
#[test]
fn stats_csv_writes_one_table() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "« Nous partirons », a dit Paul Girard.\n\nLa nuit tombe. « Qui parle ? »\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let (speakers, _, code) = run(&["stats", "--format", "csv", d]);
    assert_eq!(code, 0);
    let (explicit, _, _) = run(&["stats", "--format", "csv", "--table", "speakers", d]);
    assert_eq!(speakers, explicit);
    let rows: Vec<&str> = speakers.lines().collect();
    assert_eq!(
        rows[0],
        "speaker,kind,anonymous,quotes,direct,mixed,indirect,articles,first_article,last_article"
    );
    assert!(
        rows[1].starts_with("Paul Girard,person,false,1,"),
        "{speakers}"
    );
    let a = dir.path().join("a.txt").display().to_string();
    assert_eq!(rows[rows.len() - 1], format!(",,,1,1,0,0,1,{a},{a}"));
    assert!(
        rows.iter().all(|r| r.split(',').count() == 10),
        "{speakers}"
    );
    let (articles, _, code) = run(&["stats", "--format", "csv", "--table", "articles", d]);
    assert_eq!(code, 0);
    assert_eq!(
        articles,
        format!("article,quotes,unattributed_quotes,speakers,claims,unattributed_claims,vague_claims,unattributed_share\n{a},2,1,1,0,0,0,0.000\n")
    );
    let (_, stderr, code) = run(&["stats", "--table", "articles", d]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--format csv"), "{stderr}");
}

/// Bare `newsls` started from a terminal says what it is doing (serving
/// LSP on stdio) and where the CLI help is, then serves as before. Run
/// under `script`, which gives it a terminal as stdin.
#[test]
fn bare_newsls_on_a_terminal_says_it_serves_lsp() {
    use std::io::Read;
    let bin = env!("CARGO_BIN_EXE_newsls");
    let mut child = std::process::Command::new("script")
        .args(["-q", "-e", "-c", bin, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 256];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if seen.contains(&b'\n') {
                let _ = tx.send(String::from_utf8_lossy(&seen).to_string());
            }
        }
    });
    let seen = rx.recv_timeout(std::time::Duration::from_secs(30));
    let still_running = child.try_wait().map(|s| s.is_none()).unwrap_or(false);
    // Ctrl-D on the terminal (end of input) ends it, as the notice says.
    // (Ctrl-C too, but a test run in the background may inherit SIGINT
    // ignored, so it is not what is checked here.)
    let mut stdin = child.stdin.take().unwrap();
    let _ = std::io::Write::write_all(&mut stdin, b"\x04");
    let _ = std::io::Write::flush(&mut stdin);
    let mut ended = false;
    for _ in 0..100 {
        if child.try_wait().map(|s| s.is_some()).unwrap_or(false) {
            ended = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if !ended {
        let _ = child.kill();
        let _ = child.wait();
    }
    let seen = seen.expect("a line on the terminal within 30 s");
    assert!(
        seen.starts_with("newsls: serving the language server (LSP) on stdin/stdout")
            && seen.contains("`newsls --help`"),
        "{seen:?}"
    );
    assert!(still_running, "it serves after the notice");
    assert!(ended, "Ctrl-D ends it");
    // Not a terminal (an editor's pipe): nothing on stderr.
    let out = newsls()
        .env_remove("NEWSLS_LOG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// `extract` gives each actor the key `stats` groups speakers by, so a map
/// step elsewhere (examples/spark) groups them the same way.
#[test]
fn extract_gives_the_key_stats_groups_speakers_by() {
    let article = fixtures().join("articles/002_cyber_accord_2015.txt");
    let (stdout, stderr, code) = run(&["extract", article.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let rec: Value = serde_json::from_str(stdout.trim()).unwrap();
    let key = |name: &str| {
        rec["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| a["key"].clone())
            .unwrap_or_else(|| panic!("no actor {name}: {rec}"))
    };
    assert_eq!(key("Xi Jinping"), "xi jinping");
    assert_eq!(key("The New York Times"), "new york times");
}
