//! Hostile input, end to end: every case gets a clear error or diagnostic,
//! the run or the server goes on, and nothing on disk changes. Sizes are
//! kept so the debug build runs them in seconds; `cargo run --release --
//! check` on the full-size cases is in the README.

use std::fs;
use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::client::Client;
use crate::newsls;

/// `newsls check DIR`, with the process's peak resident memory in MiB
/// (VmHWM, sampled from /proc until it exits). A run longer than
/// `limit` is killed and fails the test, so work that grows faster than
/// the input fails here rather than hanging the suite.
fn check_measured(dir: &std::path::Path, limit: Duration) -> (String, String, f64) {
    let mut child = newsls()
        .args(["check", dir.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut out = String::new();
            pipe.read_to_string(&mut out).unwrap();
            out
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let status = format!("/proc/{}/status", child.id());
    let started = Instant::now();
    let mut peak = 0.0f64;
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("newsls check took over {limit:?}");
        }
        let hwm = fs::read_to_string(&status).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        });
        if let Some(kb) = hwm {
            peak = peak.max(kb / 1024.0);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (stdout.join().unwrap(), stderr.join().unwrap(), peak)
}

#[test]
fn pathological_articles_are_checked_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("unclosed.txt"), "« ".repeat(20_000)).unwrap();
    fs::write(dir.path().join("closers.txt"), "» ".repeat(20_000)).unwrap();
    fs::write(dir.path().join("quotes.txt"), "« a » \"b\" ".repeat(10_000)).unwrap();
    fs::write(
        dir.path().join("nul.txt"),
        "Un accord\0 pourrait\0 être signé.\0".repeat(200),
    )
    .unwrap();
    fs::write(
        dir.path().join("long.txt"),
        "le président a déclaré que « la Chine est une victime » selon Reuters ".repeat(5_000),
    )
    .unwrap();
    // Constructions that once took quadratic time: many "(" with no
    // acronym, and one sentence of thousands of names.
    fs::write(
        dir.path().join("parens.txt"),
        "Le ministre (".repeat(50_000),
    )
    .unwrap();
    fs::write(
        dir.path().join("names.txt"),
        "Jean Dupont, Marie Curie, ".repeat(20_000),
    )
    .unwrap();
    let (stdout, stderr, peak_mib) = check_measured(dir.path(), Duration::from_secs(60));
    assert!(stdout.contains("in 7 articles"), "{stdout}{stderr}");
    // Memory stays proportional to the input (about 2.4 MB of articles).
    assert!(peak_mib < 200.0, "peak RSS {peak_mib:.0} MiB");
    eprintln!("pathological articles: peak RSS {peak_mib:.0} MiB");
    // Every mark is reported (the last one reads as a wrong-direction close).
    assert!(stdout.matches("unclosed.txt:1:").count() >= 19_990);
    // Long lines are cut around each finding in the report.
    assert!(
        stdout.lines().all(|l| l.chars().count() < 400),
        "an excerpt line is too long"
    );
}

#[test]
fn a_huge_ann_and_a_wrong_typed_settings_file_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "« Nous partirons », a dit Paul Girard.\n",
    )
    .unwrap();
    let mut ann = String::new();
    for i in 0..100_000 {
        ann.push_str(&format!("T{i}\tPerson 26 37\tPaul Girard\n"));
    }
    ann.push_str("T999999\tPerson 0 9999999\tfar\n");
    fs::write(dir.path().join("a.ann"), ann).unwrap();
    fs::write(
        dir.path().join("newsls.toml"),
        "[language]\ndefault = 7\n[diagnostics]\nunattributed-claim = true\ndelay-ms = \"x\"\n[files]\ninclude = \"all\"\n[[actor]]\nname = 3\nkind = []\n",
    )
    .unwrap();
    let (stdout, stderr, peak_mib) = check_measured(dir.path(), Duration::from_secs(60));
    // 100,000 annotation lines (3.3 MB): memory stays bounded.
    assert!(peak_mib < 200.0, "peak RSS {peak_mib:.0} MiB");
    eprintln!(".ann of 100,000 lines: peak RSS {peak_mib:.0} MiB");
    // The first wrong field is reported with its line and column; the
    // defaults apply.
    let at = stderr
        .find("newsls.toml:")
        .expect("the settings file is named");
    let pos: Vec<&str> = stderr[at + "newsls.toml:".len()..].splitn(3, ':').collect();
    assert!(
        pos[0].parse::<u32>().is_ok() && pos[1].parse::<u32>().is_ok(),
        "{stderr}"
    );
    assert!(stderr.contains("default settings used"), "{stderr}");
    assert!(
        stdout.contains("a.ann:100001:1: error[ann-mismatch]"),
        "{stdout}"
    );
}

#[tokio::test]
async fn the_server_survives_hostile_documents_and_changes_nothing_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    fs::write(root.join("a.txt"), "Un accord pourrait être signé.\n").unwrap();
    fs::write(
        root.join("newsls.toml"),
        "[diagnostics]\nunattributed-claim = \"warning\"\n",
    )
    .unwrap();
    let before: Vec<(String, Vec<u8>)> = files(&root);
    let mut c = Client::start_in(&root, json!({"diagnostics": {"delayMs": 0}})).await;
    c.indexed().await;
    // A 1 MB single-line document and a document of NULs and marks.
    let big = "le président a déclaré que « la Chine » selon Reuters pourrait ".repeat(16_000);
    c.open("file:///big.txt", "plaintext", &big).await;
    c.open("file:///nul.txt", "plaintext", &"\0«\0»\0".repeat(10_000))
        .await;
    let a = format!("file://{}", root.join("a.txt").display());
    c.open(&a, "plaintext", "Un accord pourrait être signé.\n")
        .await;
    // The small document is still served.
    let d = c.diagnostics(&a, 0).await;
    assert_eq!(d[0]["code"], "unattributed-claim");
    // Versions going backwards are accepted (the client is the source of truth).
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": a, "version": 5}, "contentChanges": [{"text": "Un accord pourrait être signé ici.\n"}]})).await;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"text": "Fin.\n"}]}),
    )
    .await;
    assert_eq!(c.server_text(&a).await, "Fin.\n");
    // Code actions only propose edits; nothing is written.
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": a}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "context": {"diagnostics": []}})).await;
    assert!(r["result"].is_array());
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": "file:///big.txt"}, "position": {"line": 0, "character": 3}})).await;
    assert!(h.get("result").is_some(), "{h}");
    let r: Value = c.request("shutdown", Value::Null).await;
    assert!(r.get("result").is_some());
    assert_eq!(files(&root), before, "the server wrote to disk");
}

fn files(root: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut res: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    res.sort();
    res
}
