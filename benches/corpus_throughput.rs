//! Corpus throughput of the release binary, run as a researcher runs it:
//! articles per second and peak resident memory of `newsls stats DIR`,
//! `newsls extract --stdin < articles.jsonl` and `newsls check DIR` over a
//! generated corpus (`tests/common/generate.rs`, the articles of
//! `examples/generate_corpus`), on one core (`RAYON_NUM_THREADS=1`) and on
//! all cores.
//!
//!     cargo bench --bench corpus_throughput                                  # 10,000 articles
//!     NEWSLS_BENCH_ARTICLES=100000 cargo bench --bench corpus_throughput     # 100,000 (a few minutes)
//!
//! Settings (environment):
//! - `NEWSLS_BENCH_ARTICLES`: corpus sizes, comma-separated (default 10000);
//! - `NEWSLS_BENCH_RUNS`: runs per case, the median is reported (default 3
//!   under 100,000 articles, 1 from there);
//! - `NEWSLS_BENCH_ONLY`: `stats`, `extract` or `check`;
//! - `NEWSLS_BENCH_BIN`: another `newsls` binary (an older build, to
//!   compare), instead of the one `cargo bench` builds.
//!
//! The corpus is written to a temporary folder (and the same articles to a
//! JSON Lines file for `--stdin`), removed at the end. Wall time is from
//! spawn to exit; CPU time and peak RSS are the child's own, from `wait4`
//! (Linux counts in a child's peak the parent's resident memory at spawn:
//! the bench keeps its own small and prints it at the end).
//! The machine's load average is printed before and after: on a shared
//! machine, articles per CPU-second moves less than articles per second.
//! Without `--bench` (as `cargo test --benches` runs it) it is a smoke run
//! on 200 articles.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../tests/common/generate.rs"]
mod generate;

/// What one run of the binary cost.
#[derive(Clone, Copy)]
struct Measure {
    wall: Duration,
    cpu: Duration,
    peak_rss_kib: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Stats,
    Extract,
    Check,
}

impl Case {
    const ALL: [Case; 3] = [Case::Stats, Case::Extract, Case::Check];

    fn name(self) -> &'static str {
        match self {
            Case::Stats => "stats",
            Case::Extract => "extract",
            Case::Check => "check",
        }
    }

    fn shown(self) -> &'static str {
        match self {
            Case::Stats => "stats DIR",
            Case::Extract => "extract --stdin",
            Case::Check => "check DIR",
        }
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}

fn seconds(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
}

/// Runs `command` to its end and reads its own resource usage.
fn measure(command: &mut Command) -> (Measure, i32) {
    let started = Instant::now();
    let child = command.spawn().expect("the newsls binary starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data, all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, with pointers to live locals; the
    // child is reaped here and `Child` is never waited on afterwards.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    drop(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let m = Measure {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        // Linux reports ru_maxrss in KiB.
        peak_rss_kib: usage.ru_maxrss as u64,
    };
    (m, code)
}

struct Corpus {
    n: usize,
    dir: PathBuf,
    jsonl: PathBuf,
}

fn generate(n: usize, root: &Path) -> Corpus {
    let started = Instant::now();
    let dir = root.join(format!("corpus-{n}"));
    generate::write_folder(n, &dir).expect("the corpus is written");
    let jsonl = root.join(format!("articles-{n}.jsonl"));
    let file = std::fs::File::create(&jsonl).expect("the JSON Lines file is created");
    generate::write_jsonl(n, file).expect("the JSON Lines file is written");
    eprintln!(
        "generated {n} articles (a folder and JSON Lines) in {:.1?}",
        started.elapsed()
    );
    Corpus { n, dir, jsonl }
}

/// One run of a case; checks the run did the work it was asked.
fn run_once(
    bin: &Path,
    case: Case,
    corpus: &Corpus,
    threads: Option<usize>,
    out: &Path,
) -> Measure {
    let mut command = Command::new(bin);
    match case {
        Case::Stats => command.arg("stats").arg(&corpus.dir),
        Case::Check => command.arg("check").arg(&corpus.dir),
        Case::Extract => command
            .args(["extract", "--stdin"])
            .stdin(std::fs::File::open(&corpus.jsonl).expect("the JSON Lines file opens")),
    };
    match threads {
        Some(t) => command.env("RAYON_NUM_THREADS", t.to_string()),
        None => command.env_remove("RAYON_NUM_THREADS"),
    };
    let stdout = std::fs::File::create(out).expect("the output file is created");
    command.stdout(stdout).stderr(Stdio::inherit());
    let (m, code) = measure(&mut command);
    let expected = if case == Case::Check { 0..=1 } else { 0..=0 };
    assert!(
        expected.contains(&code),
        "{} exited with {code}",
        case.shown()
    );
    // Read line by line: the kernel counts this process's own peak into
    // the peak of the children it starts next, so it must stay small.
    let (n_lines, first, summary) = scan(out);
    match case {
        Case::Stats => assert!(
            first.starts_with(&format!("{} articles", corpus.n)),
            "stats did not count {} articles: {first}",
            corpus.n
        ),
        Case::Extract => assert_eq!(n_lines, corpus.n, "one line per article"),
        Case::Check => assert!(
            summary.contains(&format!("in {} articles", corpus.n)),
            "check did not count {} articles: {summary}",
            corpus.n
        ),
    }
    m
}

/// The number of lines of a file, its first line and its line before last
/// (`check`'s count), read with one small buffer.
fn scan(path: &Path) -> (usize, String, String) {
    use std::io::BufRead;
    let Ok(file) = std::fs::File::open(path) else {
        return (0, String::new(), String::new());
    };
    let mut reader = std::io::BufReader::new(file);
    let mut line = Vec::new();
    let (mut n, mut first, mut previous, mut last) =
        (0, String::new(), String::new(), String::new());
    while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
        let text = String::from_utf8_lossy(&line);
        if n == 0 {
            first = text.chars().take(200).collect();
        }
        previous = std::mem::replace(&mut last, text.chars().take(200).collect());
        n += 1;
        line.clear();
    }
    (n, first, previous)
}

/// This process's own peak RSS, in MiB.
fn own_peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn median(mut v: Vec<Measure>) -> Measure {
    v.sort_by_key(|m| m.wall);
    let mid = v[v.len() / 2];
    let mut cpu: Vec<Duration> = v.iter().map(|m| m.cpu).collect();
    cpu.sort();
    Measure {
        wall: mid.wall,
        cpu: cpu[cpu.len() / 2],
        peak_rss_kib: v.iter().map(|m| m.peak_rss_kib).max().unwrap_or(0),
    }
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = if quick {
        vec![200]
    } else {
        std::env::var("NEWSLS_BENCH_ARTICLES")
            .unwrap_or_else(|_| "10000".to_string())
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect()
    };
    let only = std::env::var("NEWSLS_BENCH_ONLY").ok();
    let cases: Vec<Case> = Case::ALL
        .into_iter()
        .filter(|c| only.as_deref().is_none_or(|o| o == c.name()))
        .collect();
    let bin = std::env::var_os("NEWSLS_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_newsls")));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let tmp = tempfile::tempdir().expect("a temporary folder");
    eprintln!("binary: {}", bin.display());
    eprintln!("load average before: {}", load_average());
    println!(
        "| command | articles | cores | wall (median) | articles/s | CPU (user+sys) | articles per CPU-s | peak RSS |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for n in sizes {
        let corpus = generate(n, tmp.path());
        let runs = if quick {
            1
        } else {
            env_or("NEWSLS_BENCH_RUNS", if n >= 100_000 { 1 } else { 3 })
        };
        for &case in &cases {
            for threads in [Some(1), None] {
                let out = tmp.path().join("out");
                let measures: Vec<Measure> = (0..runs.max(1))
                    .map(|_| run_once(&bin, case, &corpus, threads, &out))
                    .collect();
                let m = median(measures);
                println!(
                    "| `{}` | {} | {} | {:.2} s | {:.0} | {:.2} s | {:.0} | {:.0} MiB |",
                    case.shown(),
                    n,
                    threads.unwrap_or(cores),
                    m.wall.as_secs_f64(),
                    n as f64 / m.wall.as_secs_f64(),
                    m.cpu.as_secs_f64(),
                    n as f64 / m.cpu.as_secs_f64(),
                    m.peak_rss_kib as f64 / 1024.0,
                );
            }
        }
        let _ = std::fs::remove_dir_all(&corpus.dir);
        let _ = std::fs::remove_file(&corpus.jsonl);
    }
    eprintln!("load average after: {}", load_average());
    // A child's peak RSS (wait4) counts the parent's at spawn: this bounds
    // how much of the smallest figure above may be the bench's own.
    eprintln!("the bench's own peak RSS: {:.0} MiB", own_peak_mib());
}
