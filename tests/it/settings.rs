//! Settings as a user meets them on the command line: `newsls init`, the
//! flags that set a setting for one run, the precedence of the layers
//! (flag > newsls.toml > defaults; the editor's layer is in
//! `lsp_settings.rs`) and the size limit of `newsls check`.

use std::fs;
use std::path::Path;

use serde_json::Value;

use newsls::input::{FileSettings, Settings};

use crate::newsls;

fn run(args: &[&str]) -> (String, String, i32) {
    let out = newsls().args(args).output().expect("newsls runs");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code().unwrap_or(-1),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

#[test]
fn init_writes_every_setting_at_its_default_and_never_overwrites_silently() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    // The folder is created.
    let (stdout, stderr, code) = run(&["init", path(&corpus)]);
    assert_eq!(code, 0, "{stderr}");
    let file = corpus.join("newsls.toml");
    assert!(stdout.contains(path(&file)), "{stdout}");
    assert!(stdout.contains("wins over the editor"), "{stdout}");
    let text = fs::read_to_string(&file).unwrap();
    // Strict parsing (unknown keys are errors), every key set, the defaults.
    let parsed = FileSettings::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_ne!(parsed, FileSettings::default());
    assert_eq!(Settings::parse(&text).ok(), Some(Settings::default()));
    for key in [
        "run = \"on-type\"",
        "max-document-bytes = 4000000",
        "delay-ms = 50",
    ] {
        assert!(text.contains(key), "{key} missing:\n{text}");
    }
    // newsls check reads it like any newsls.toml: no complaint.
    fs::write(corpus.join("a.txt"), "Un accord pourrait être signé.\n").unwrap();
    let (stdout, stderr, code) = run(&["check", path(&corpus)]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(stdout.contains("warning[unattributed-claim]"), "{stdout}");

    // A second init refuses, says why and what to do, and leaves the file.
    fs::write(&file, "[diagnostics]\nvague-source = \"off\"\n").unwrap();
    let (stdout, stderr, code) = run(&["init", path(&corpus)]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "[diagnostics]\nvague-source = \"off\"\n"
    );
    // --force replaces it.
    let (_, stderr, code) = run(&["init", "--force", path(&corpus)]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn init_without_a_folder_writes_in_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsls()
        .arg("init")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(dir.path().join("newsls.toml").is_file());
}

/// The `severity` of the finding of `a.txt` in `newsls check --format json`.
fn severity_of_the_claim(args: &[&str]) -> String {
    let (stdout, stderr, _) = run(args);
    let rows: Value = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stdout}{stderr}"));
    rows.as_array()
        .and_then(|r| r.iter().find(|f| f["code"] == "unattributed-claim"))
        .map(|f| f["severity"].as_str().unwrap_or_default().to_string())
        .unwrap_or_else(|| "none".to_string())
}

/// README, "Settings precedence": a flag beats newsls.toml, which beats
/// the defaults.
#[test]
fn a_flag_beats_newsls_toml_which_beats_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("a.txt"), "Un accord pourrait être signé.\n").unwrap();
    let check = |flags: &[&str]| {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(flags);
        args.push(path(root));
        severity_of_the_claim(&args)
    };
    // The default.
    assert_eq!(check(&[]), "warning");
    // newsls.toml over the default.
    fs::write(
        root.join("newsls.toml"),
        "[diagnostics]\nunattributed-claim = \"hint\"\n",
    )
    .unwrap();
    assert_eq!(check(&[]), "hint");
    // The flag over newsls.toml.
    assert_eq!(check(&["--severity", "unattributed-claim=error"]), "error");
    assert_eq!(check(&["--severity", "unattributed-claim=off"]), "none");

    // The language the same way. newsls.toml says English: the French
    // conditional is then no claim marker, and extract says `en`.
    fs::write(
        root.join("newsls.toml"),
        "[diagnostics]\nunattributed-claim = \"hint\"\n\n[language]\ndefault = \"en\"\n",
    )
    .unwrap();
    let language = |flags: &[&str]| {
        let mut args = vec!["extract"];
        args.extend_from_slice(flags);
        args.push(path(root));
        let (stdout, stderr, code) = run(&args);
        assert_eq!(code, 0, "{stderr}");
        let rec: Value = serde_json::from_str(stdout.trim()).unwrap();
        rec["language"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(language(&[]), "en");
    assert_eq!(check(&[]), "none");
    // --lang fr over the file: French rules, the claim is found.
    assert_eq!(language(&["--lang", "fr"]), "fr");
    assert_eq!(check(&["--lang", "fr"]), "hint");
    // Front matter is the article's own word: it wins over every layer.
    fs::remove_file(root.join("a.txt")).unwrap();
    fs::write(
        root.join("b.md"),
        "---\nlang: fr\n---\nUn accord pourrait être signé.\n",
    )
    .unwrap();
    assert_eq!(language(&["--lang", "en"]), "fr");
}

#[test]
fn bad_flags_are_usage_errors_that_say_what_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Texte.\n").unwrap();
    for (flag, expected) in [
        ("unattributed-claim", "CODE=LEVEL"),
        ("no-such-code=off", "vague-source"),
        ("vague-source=loud", "information"),
    ] {
        let (_, stderr, code) = run(&["check", "--severity", flag, path(dir.path())]);
        assert_eq!(code, 2, "{flag}: {stderr}");
        assert!(stderr.contains(expected), "{flag}: {stderr}");
    }
    let (_, stderr, code) = run(&["check", "--lang", "de", path(dir.path())]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("fr"), "{stderr}");
}

/// A text of about `bytes` bytes full of claims, with one quotation never
/// closed at its end.
fn large_text(bytes: usize) -> String {
    let paragraph =
        "Le ministre a déclaré : « Nous signerons. » Un accord pourrait être signé.\n\n";
    let mut text = paragraph.repeat(bytes / paragraph.len() + 1);
    text.push_str("Fin « ouverte.\n");
    text
}

#[test]
fn check_limits_a_document_over_the_size_limit_and_says_so_once_at_its_top() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let text = large_text(4_000_000);
    assert!(text.len() > 4_000_000);
    fs::write(&big, &text).unwrap();
    let (stdout, stderr, code) = run(&["check", path(&big)]);
    assert_eq!(code, 1, "{stderr}");
    // One information at 1:1 that says why and what to change, the cheap
    // check (the quotation never closed), and nothing else.
    let headers: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with(path(&big)))
        .collect();
    assert_eq!(headers.len(), 2, "{stdout}");
    assert!(
        headers[0].starts_with(&format!(
            "{}:1:1: information[document-too-large]: diagnostics limited: this document is {} bytes",
            path(&big),
            thousands(text.len())
        )),
        "{}",
        headers[0]
    );
    for part in [
        "4,000,000 bytes",
        "max-document-bytes",
        "maxDocumentBytes",
        "only its quotation marks are checked",
    ] {
        assert!(headers[0].contains(part), "{part}: {}", headers[0]);
    }
    assert!(
        headers[1].contains("error[unbalanced-quote]"),
        "{}",
        headers[1]
    );
    assert!(!stdout.contains("unattributed-claim"), "{stdout}");
    assert!(
        stdout.contains("1 error, 1 information in 1 article"),
        "{stdout}"
    );

    // The same rule from newsls.toml, and from the flag (which wins).
    let small = dir.path().join("small");
    fs::create_dir(&small).unwrap();
    fs::write(small.join("a.txt"), "Un accord pourrait être signé.\n").unwrap();
    fs::write(
        small.join("newsls.toml"),
        "[diagnostics]\nmax-document-bytes = 10\n",
    )
    .unwrap();
    let (stdout, _, code) = run(&["check", path(&small)]);
    assert_eq!(code, 0, "information only: {stdout}");
    assert!(
        stdout.contains("information[document-too-large]: diagnostics limited: this document is 33 bytes, over the limit of 10 bytes"),
        "{stdout}"
    );
    let (stdout, _, code) = run(&["check", "--max-document-bytes", "1000", path(&small)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(!stdout.contains("document-too-large"), "{stdout}");
    assert!(stdout.contains("warning[unattributed-claim]"), "{stdout}");
    // extract gives data, not diagnostics: it analyses whatever the size.
    let (stdout, _, _) = run(&["extract", path(&small)]);
    assert!(stdout.contains("\"unattributed\""), "{stdout}");
    assert!(!stdout.contains("document-too-large"), "{stdout}");
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut res = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            res.push(',');
        }
        res.push(c);
    }
    res
}

#[test]
fn extract_stdin_lang_is_the_language_of_lines_that_do_not_say() {
    use std::io::Write;
    let mut child = newsls()
        .args(["extract", "--stdin", "--lang", "en"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = "{\"id\": 1, \"text\": \"Un accord pourrait être signé.\"}\n{\"id\": 2, \"text\": \"Un accord pourrait être signé.\", \"lang\": \"fr\"}\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let languages: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["language"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(languages, ["en", "fr"]);
}
