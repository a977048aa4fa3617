//! The release binary over stdio, as an editor drives it: start →
//! initialize reply, didOpen, single-character edits typed at the end and
//! in the middle (didChange → publishDiagnostics), hover and
//! documentSymbol after an edit, and the server process's peak resident
//! memory; on documents of 1,000, 20,000 and 150,000 words, with `delayMs`
//! 0 so the figures show the work, not the debounce.
//!
//! Latencies are given twice: until the answer has arrived whole on the
//! client's side of the pipe (what the server costs), and until this
//! client has parsed it into a `serde_json::Value` and freed it (what a
//! Rust client adds; an editor parses with its own JSON reader).
//!
//!     cargo build --release && cargo bench --bench stdio_latency

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::json;

#[path = "../tests/common/lsp_client.rs"]
#[allow(dead_code)]
mod client;

#[path = "../tests/common/fixture_document.rs"]
mod fixture_document;
use fixture_document::document;

fn stats(mut v: Vec<Duration>) -> String {
    v.sort();
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    format!(
        "median {:>9.2?}  p95 {:>9.2?}  max {:>9.2?}",
        p(0.5),
        p(0.95),
        v[v.len() - 1]
    )
}

fn peak_rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0
}

async fn run(binary: &Path, words: usize, edits: usize) {
    let text = document(words);
    let started = Instant::now();
    let mut child = tokio::process::Command::new(binary)
        .arg("--stdio")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("release binary (cargo build --release)");
    let pid = child.id().unwrap_or(0);
    let mut c = client::Client::over(child.stdout.take().unwrap(), child.stdin.take().unwrap());
    let init = c
        .request(
            "initialize",
            json!({"capabilities": {}, "initializationOptions": {"diagnostics": {"delayMs": 0}}}),
        )
        .await;
    let init_time = started.elapsed();
    assert!(init["result"].is_object());
    c.notify("initialized", json!({})).await;
    let idle = peak_rss_mib(pid);
    let uri = "file:///bench.txt";
    c.open(uri, "plaintext", &text).await;
    let _ = c.diagnostics(uri, 0).await;
    let last_line = text.lines().count() as u32;
    let mid_line = last_line / 2;
    let mut latencies = Vec::with_capacity(edits);
    let mut arrivals = Vec::with_capacity(edits);
    for v in 1..=edits as i64 {
        let line = if v % 2 == 0 { last_line } else { mid_line };
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "e"}]}),
        )
        .await;
        let list = c.diagnostics(uri, v).await;
        arrivals.extend(c.arrived.map(|a| a - t));
        drop(list);
        latencies.push(t.elapsed());
    }
    let mut hovers = Vec::new();
    let mut symbols = Vec::new();
    let mut symbol_arrivals = Vec::new();
    let (mut token_arrivals, mut token_bytes, mut hints) = (Vec::new(), 0, Vec::new());
    let mut outline_bytes = 0;
    for i in 0..20 {
        // Each pair of requests after an edit, as an editor sends them: the
        // outline is answered for a new version every time.
        let v = edits as i64 + 1 + i;
        let line = if v % 2 == 0 { last_line } else { mid_line };
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "e"}]}),
        )
        .await;
        let _ = c.diagnostics(uri, v).await;
        let t = Instant::now();
        let _ = c
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 3}}),
            )
            .await;
        hovers.push(t.elapsed());
        let t = Instant::now();
        let outline = c
            .request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uri}}),
            )
            .await;
        symbol_arrivals.extend(c.arrived.map(|a| a - t));
        if outline_bytes == 0 {
            outline_bytes = outline.to_string().len();
        }
        drop(outline);
        symbols.push(t.elapsed());
        // The whole document's semantic tokens, and the inlay hints of a
        // screenful (60 lines) in the middle.
        let t = Instant::now();
        let tokens = c
            .request(
                "textDocument/semanticTokens/full",
                json!({"textDocument": {"uri": uri}}),
            )
            .await;
        token_arrivals.extend(c.arrived.map(|a| a - t));
        if token_bytes == 0 {
            token_bytes = tokens.to_string().len();
        }
        drop(tokens);
        let t = Instant::now();
        let _ = c
            .request(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": uri}, "range": {"start": {"line": mid_line, "character": 0}, "end": {"line": mid_line + 60, "character": 0}}}),
            )
            .await;
        hints.push(t.elapsed());
    }
    println!("{words:>7} words: initialize reply {init_time:>8.2?}, idle RSS {idle:.1} MiB, peak RSS {:.1} MiB", peak_rss_mib(pid));
    println!(
        "    didChange→diagnostics ({edits} edits), arrived: {}",
        stats(arrivals)
    );
    println!(
        "      the same, parsed by the client:     {}",
        stats(latencies)
    );
    println!("    hover:                           {}", stats(hovers));
    println!(
        "    documentSymbol, arrived:         {} ({outline_bytes} bytes)",
        stats(symbol_arrivals)
    );
    println!("      the same, parsed:              {}", stats(symbols));
    println!(
        "    semanticTokens/full, arrived:    {} ({token_bytes} bytes)",
        stats(token_arrivals)
    );
    println!("    inlayHint (60 lines):            {}", stats(hints));
    let _ = c.request("shutdown", serde_json::Value::Null).await;
    c.notify("exit", serde_json::Value::Null).await;
    let status = tokio::time::timeout(Duration::from_secs(5), child.wait()).await;
    assert!(status.is_ok(), "the server did not exit after `exit`");
}

/// 10,000 edits on a 1,000-word document (`NEWSLS_SOAK_WORDS`,
/// `NEWSLS_SOAK_EDITS` to change): resident memory after 1,000 edits and
/// at the end (current, not peak) shows whether it grows.
async fn soak(binary: &Path) {
    let env = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let words = env("NEWSLS_SOAK_WORDS", 1_000);
    let edits = env("NEWSLS_SOAK_EDITS", 10_000) as i64;
    let text = document(words);
    let mut child = tokio::process::Command::new(binary)
        .arg("--stdio")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("release binary");
    let pid = child.id().unwrap_or(0);
    let rss = || {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
            })
            .unwrap_or(0.0)
            / 1024.0
    };
    let mut c = client::Client::over(child.stdout.take().unwrap(), child.stdin.take().unwrap());
    let _ = c
        .request(
            "initialize",
            json!({"capabilities": {}, "initializationOptions": {"diagnostics": {"delayMs": 0}}}),
        )
        .await;
    c.notify("initialized", json!({})).await;
    let uri = "file:///soak.txt";
    c.open(uri, "plaintext", &text).await;
    let _ = c.diagnostics(uri, 0).await;
    let mut after_1k = 0.0;
    let mut every_1k = Vec::new();
    let started = std::time::Instant::now();
    for v in 1..=edits {
        // Type a character, then delete it: the text stays the same size.
        let change = if v % 2 == 1 {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"})
        } else {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""})
        };
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]}),
        )
        .await;
        let _ = c.diagnostics(uri, v).await;
        if v == 1_000 {
            after_1k = rss();
        }
        if v % 1_000 == 0 {
            every_1k.push(format!("{:.1}", rss()));
        }
    }
    println!(
        "soak ({words} words, {edits} edits in {:.0?}): RSS after 1,000 edits {after_1k:.1} MiB, at the end {:.1} MiB",
        started.elapsed(),
        rss()
    );
    println!("    RSS every 1,000 edits (MiB): {}", every_1k.join(" "));
    let _ = c.request("shutdown", serde_json::Value::Null).await;
    c.notify("exit", serde_json::Value::Null).await;
    let _ = tokio::time::timeout(Duration::from_secs(5), child.wait()).await;
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/newsls");
    if !binary.exists() {
        eprintln!("build the release binary first: cargo build --release");
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        if quick {
            run(&binary, 1_000, 5).await;
            return;
        }
        // NEWSLS_BENCH_ONLY=soak, or a number of words (200 edits).
        match std::env::var("NEWSLS_BENCH_ONLY").as_deref() {
            Ok("soak") => return soak(&binary).await,
            Ok(words) => {
                if let Ok(words) = words.parse() {
                    return run(&binary, words, 200).await;
                }
            }
            Err(_) => {}
        }
        run(&binary, 1_000, 1_000).await;
        run(&binary, 20_000, 1_000).await;
        run(&binary, 150_000, 200).await;
        soak(&binary).await;
    });
}
