//! The server's workspace index at scale: articles per second, peak memory,
//! and hover latency on an open document while the index is being built.
//!
//!     cargo run --release --example generate_corpus -- 10000 /tmp/newsls-corpus
//!     cargo bench --bench corpus_index -- /tmp/newsls-corpus
//!
//! Without a folder argument the bench generates 2,000 articles in a
//! temporary folder.

use std::time::{Duration, Instant};

use serde_json::json;

#[path = "../tests/common/lsp_client.rs"]
#[allow(dead_code)]
mod client;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse::<f64>()
                    .unwrap_or(0.0)
            })
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let quick = !std::env::args().any(|a| a == "--bench");
    let tmp;
    let root = match args.first() {
        Some(dir) => std::path::PathBuf::from(dir),
        None => {
            tmp = std::env::temp_dir().join(format!("newsls-bench-{}", std::process::id()));
            let n = if quick { 50 } else { 2000 };
            let status = std::process::Command::new(env!("CARGO"))
                .args([
                    "run",
                    "--release",
                    "--quiet",
                    "--example",
                    "generate_corpus",
                    "--",
                    &n.to_string(),
                ])
                .arg(&tmp)
                .status()
                .expect("generator runs");
            assert!(status.success());
            tmp
        }
    };
    let root = root.canonicalize().expect("corpus folder");
    let rss_before = peak_rss_mib();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let started = Instant::now();
        let mut c = client::Client::start_in(&root, json!({"diagnostics": {"delayMs": 0}})).await;
        // An article being written while the corpus is indexed.
        let uri = "file:///draft/open.txt";
        c.open(
            uri,
            "plaintext",
            "Xi Jinping a assuré que « la Chine est une victime ». Un accord pourrait être signé.",
        )
        .await;
        let mut hovers = Vec::new();
        let message =
            loop {
                let t = Instant::now();
                let r = c
                .request(
                    "textDocument/hover",
                    json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}),
                )
                .await;
                hovers.push(t.elapsed());
                assert!(r["result"].is_object(), "{r}");
                if let Some(i) = c.notifications.iter().position(|m| {
                    m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
                }) {
                    let m = c.notifications.remove(i).unwrap();
                    break m["params"]["value"]["message"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            };
        let elapsed = started.elapsed();
        let n: usize = message
            .split_whitespace()
            .next()
            .and_then(|w| w.parse().ok())
            .unwrap_or(0);
        hovers.sort();
        println!(
            "{message} in {:.2?}: {:.0} articles/s",
            elapsed,
            n as f64 / elapsed.as_secs_f64()
        );
        println!(
            "hover while indexing ({} requests): median {:.2?}, max {:.2?}",
            hovers.len(),
            hovers[hovers.len() / 2],
            hovers[hovers.len() - 1]
        );
        println!(
            "peak resident memory: {:.0} MiB (before the server: {:.0} MiB)",
            peak_rss_mib(),
            rss_before
        );
    });
}
