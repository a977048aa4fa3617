//! didChange → publishDiagnostics latency, in process, over the real
//! protocol (framed JSON-RPC on a duplex pipe), with `diagnostics.delayMs`
//! at 0 so the figures show the work and not the debounce. Single
//! characters are typed alternately at the end and in the middle of
//! documents of 1,000 and 150,000 words built from the fixture articles.
//!
//! `cargo bench --bench edit_latency` prints median, p95 and max, until the
//! diagnostics have arrived whole and until the client has parsed them.

use std::time::{Duration, Instant};

use serde_json::json;

#[path = "../tests/common/lsp_client.rs"]
#[allow(dead_code)]
mod client;

#[path = "../tests/common/fixture_document.rs"]
mod fixture_document;
use fixture_document::document;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

async fn measure(words: usize, edits: usize) {
    let text = document(words);
    let mut c = client::Client::start(&["utf-16"], json!({"diagnostics": {"delayMs": 0}})).await;
    let uri = "file:///bench.txt";
    c.open(uri, "plaintext", &text).await;
    let _ = c.diagnostics(uri, 0).await;
    let lines = text.lines().count() as u32;
    let mid_line = lines / 2;
    let mut times = Vec::with_capacity(edits);
    let mut arrivals = Vec::with_capacity(edits);
    for v in 1..=edits as i64 {
        // Alternate: append to the last line, insert at the start of the middle line.
        let (line, character) = if v % 2 == 0 {
            (lines, 0)
        } else {
            (mid_line, 0)
        };
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "text": "e"}]}),
        )
        .await;
        let list = c.diagnostics(uri, v).await;
        arrivals.extend(c.arrived.map(|a| a - t));
        drop(list);
        times.push(t.elapsed());
    }
    for (what, mut times) in [("arrived", arrivals), ("parsed ", times)] {
        times.sort();
        println!(
            "{words:>7} words, {edits:>4} edits, {what}: median {:>8.2?}  p95 {:>8.2?}  max {:>8.2?}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: keep it short.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        if quick {
            measure(1_000, 5).await;
            return;
        }
        measure(1_000, 500).await;
        measure(20_000, 100).await;
        measure(150_000, 40).await;
    });
}
