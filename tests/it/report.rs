//! `newsls stats --format html`: one self-contained page a reader opens
//! from disk. (tests/browser/ renders it in Chromium.)

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::newsls;

fn stats(args: &[&str]) -> String {
    let out = newsls()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("stats")
        .args(args)
        .output()
        .expect("newsls runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The `<svg>…</svg>` of the figure named `name`.
fn chart<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page
        .find(&format!("data-chart=\"{name}\""))
        .unwrap_or_else(|| panic!("no {name} chart"));
    let svg = &page[start..];
    let end = svg.find("</svg>").expect("the chart's SVG ends");
    &svg[..end]
}

/// The texts of an SVG with their `y`, top to bottom.
fn texts(svg: &str) -> Vec<(f64, String)> {
    let mut res = Vec::new();
    for part in svg.split("<text ").skip(1) {
        let y = part
            .split(" y=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|y| y.parse::<f64>().ok())
            .expect("a text has a y");
        let content = part
            .split_once('>')
            .and_then(|(_, r)| r.split("</text>").next())
            .unwrap_or_default();
        res.push((y, content.trim().to_string()));
    }
    res.sort_by(|a, b| a.0.total_cmp(&b.0));
    res
}

#[test]
fn the_report_is_one_page_that_loads_nothing() {
    let page = stats(&["--format", "html", "examples/corpus"]);
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..200]);
    assert!(page.trim_end().ends_with("</html>"));
    for outside in [
        "http://",
        "https://",
        "<script src",
        "<link",
        "<img",
        "@import",
        "url(",
    ] {
        assert!(
            !page.contains(outside),
            "the report refers outside: {outside}"
        );
    }
    assert!(
        page.contains("Content-Security-Policy\" content=\"default-src 'none';"),
        "the page forbids every load itself"
    );
    let charts = page.matches("<figure class=\"chart\"").count();
    assert!(charts >= 3, "{charts} charts");
    assert!(page.matches("<svg ").count() >= 3);
    // One written by hand would not say so.
    assert!(page.contains("<rect"), "bars are drawn");
    assert!(page.contains("id=\"article-table\""), "the sortable table");
    assert!(page.contains("<h2>Over time</h2>"));
}

#[test]
fn the_most_quoted_speaker_is_the_first_bar() {
    let json: Value =
        serde_json::from_str(&stats(&["--format", "json", "examples/corpus"])).expect("stats JSON");
    let names: Vec<&str> = json["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    let page = stats(&["--format", "html", "examples/corpus"]);
    let labels: Vec<String> = texts(chart(&page, "speakers"))
        .into_iter()
        .map(|(_, t)| t.trim_end_matches(" (anonymous)").to_string())
        .filter(|t| names.contains(&t.as_str()))
        .collect();
    assert_eq!(
        labels.first().map(String::as_str),
        Some(names[0]),
        "{labels:?}"
    );
    // The first actor of the JSON is one of the most quoted.
    let quotes = |a: &Value| a["quotes"].as_u64().unwrap_or(0);
    let actors = json["actors"].as_array().expect("actors");
    let most = actors.iter().map(quotes).max().unwrap_or(0);
    assert!(most >= 2 && quotes(&actors[0]) == most, "{names:?}");
    // The over-time chart exists because two example articles carry a
    // date (a date line, "Le 23 septembre 2015, …").
    let months: Vec<String> = texts(chart(&page, "time"))
        .into_iter()
        .map(|t| t.1)
        .collect();
    assert!(
        months.iter().any(|m| m == "2015-08" || m == "2013-07"),
        "{months:?}"
    );
    assert!(
        page.contains("<td>2015-09-23</td>"),
        "the article's date in its row"
    );
}

#[test]
fn text_from_articles_is_escaped_and_o_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a<b>&c'\".txt";
    fs::write(
        dir.path().join(name),
        "« Nous partirons <demain> & après », a déclaré Marie Dupont.\n",
    )
    .unwrap();
    let file = dir.path().join("report.html");
    let d = dir.path().to_str().unwrap();
    let page = stats(&["--format", "html", d, "-o", file.to_str().unwrap()]);
    assert_eq!(page, "", "-o writes nothing on stdout");
    let page = fs::read_to_string(&file).unwrap();
    assert!(
        page.contains("a&lt;b&gt;&amp;c&#39;&quot;.txt"),
        "the file name is escaped"
    );
    assert!(!page.contains("a<b>"), "no raw markup from articles");
    assert!(page.contains("Marie Dupont"));
    assert!(
        page.contains("No quote comes from a dated article"),
        "an undated corpus says why there is no timeline"
    );
    // An unwritable -o is an error naming the file, exit 2.
    let out = newsls()
        .args(["stats", "--format", "html", d, "-o"])
        .arg(Path::new(d).join("no/such/folder/r.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}
