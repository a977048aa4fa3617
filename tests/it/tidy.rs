//! Tidy checks on the source tree (after rust-analyzer's `tidy.rs`): rules
//! of ARCHITECTURE.md that the compiler does not enforce.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut res = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                res.push(p);
            }
        }
    }
    res.sort();
    res
}

/// The text of a file without its `#[cfg(test)]` modules (tests may hold
/// any literal) and without files that are tests as a whole.
fn non_test_text(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).unwrap();
    if text.starts_with("//! (tests only)") || path.ends_with("tests.rs") {
        return None;
    }
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim_start() == "#[cfg(test)]" {
            // Skip the item that follows: a `mod x;` line or a braced block.
            let mut depth = 0i32;
            for l in lines.by_ref() {
                depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
                if depth <= 0 && (l.ends_with(';') || l.trim_start().starts_with('}')) {
                    break;
                }
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// String literals inside `&[&str]` constants of a text.
fn word_list_literals(text: &str) -> usize {
    let mut n = 0;
    let mut rest = text;
    while let Some(i) = rest.find(": &[&str] = &[") {
        let body = &rest[i..];
        let end = body.find("];").unwrap_or(body.len());
        n += body[..end].matches('"').count() / 2;
        rest = &body[end..];
    }
    n
}

#[test]
fn word_lists_live_in_the_lexicon() {
    let mut total = 0;
    let mut per_file = Vec::new();
    for path in rust_files(&src().join("analysis")) {
        let Some(text) = non_test_text(&path) else {
            continue;
        };
        let n = word_list_literals(&text);
        if n > 0 {
            per_file.push(format!("{}: {n}", path.display()));
        }
        total += n;
    }
    assert!(
        total <= 80,
        "{total} string literals in &[&str] constants under src/analysis (at most 80: \
         word lists belong in src/lexicon/*.toml):\n{}",
        per_file.join("\n")
    );
}

/// A finding code is declared once (`input/finding_kinds.rs`); everything
/// else asks the table, so a renamed code cannot leave a stale copy.
#[test]
fn each_finding_code_is_written_once() {
    let files: Vec<(PathBuf, String)> = rust_files(&src())
        .into_iter()
        .filter_map(|p| non_test_text(&p).map(|t| (p, t)))
        .collect();
    let mut problems = Vec::new();
    for kind in newsls::analysis::FindingKind::ALL {
        let quoted = format!("\"{}\"", kind.code());
        let holders: Vec<String> = files
            .iter()
            .filter(|(_, text)| text.contains(&quoted))
            .map(|(p, _)| p.display().to_string())
            .collect();
        if holders.len() != 1 {
            problems.push(format!("{quoted} in {holders:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Lengths of the `fn` bodies of a text (tests removed), with their names:
/// from the line of `fn name` to the line of its closing brace, found by
/// counting braces outside strings, chars and comments.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut res = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let Some(at) = t.find("fn ") else {
            continue;
        };
        let head = &t[..at];
        let is_item = head.is_empty()
            || head.split_whitespace().all(|w| {
                matches!(w, "pub" | "async" | "const" | "unsafe" | "extern")
                    || w.starts_with("pub(")
            });
        if !is_item {
            continue;
        }
        let name: String = t[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut depth = 0i32;
        let mut opened = false;
        let mut end = None;
        'outer: for (k, l) in lines.iter().enumerate().skip(i) {
            let mut chars = l.chars().peekable();
            let mut in_str = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' if in_str => {
                        chars.next();
                    }
                    '"' => in_str = !in_str,
                    '/' if !in_str && chars.peek() == Some(&'/') => break,
                    '\'' if !in_str => {
                        // A char literal ('{', '\''): skip it; a lifetime has no closing quote.
                        let rest: String = chars.clone().take(3).collect();
                        if rest.starts_with('\\') {
                            chars.nth(2);
                        } else if rest.chars().nth(1) == Some('\'') {
                            chars.nth(1);
                        }
                    }
                    '{' if !in_str => {
                        depth += 1;
                        opened = true;
                    }
                    '}' if !in_str => {
                        depth -= 1;
                        if opened && depth == 0 {
                            end = Some(k);
                            break 'outer;
                        }
                    }
                    ';' if !in_str && !opened && depth == 0 => break 'outer,
                    _ => {}
                }
            }
        }
        if let Some(end) = end {
            res.push((name, end - i + 1));
        }
    }
    res
}

#[test]
fn functions_and_files_stay_short() {
    const MAX_FN: usize = 120;
    const MAX_FILE: usize = 700;
    let mut problems = Vec::new();
    for path in rust_files(&src()) {
        let Some(text) = non_test_text(&path) else {
            continue;
        };
        let n_lines = text.lines().count();
        if n_lines > MAX_FILE {
            problems.push(format!(
                "{}: {n_lines} lines (at most {MAX_FILE})",
                path.display()
            ));
        }
        for (name, len) in function_lengths(&text) {
            if len > MAX_FN {
                problems.push(format!(
                    "{}: fn {name} is {len} lines (at most {MAX_FN})",
                    path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_length_counter_reads_braces_in_strings_and_chars() {
    let text =
        "fn a() {\n    let s = \"{\";\n    let c = '}';\n}\nfn b<'x>(v: &'x str) {\n    // }\n}\n";
    assert_eq!(
        function_lengths(text),
        [("a".to_string(), 4), ("b".to_string(), 3)]
    );
}
