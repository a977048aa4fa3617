//! Articles in two languages: a paragraph clearly in the other language
//! than the document's is analysed with that language's rules (quotes,
//! speaker cues, claim markers), through the command line and the
//! language server; the rest follows the document's language.

use std::fs;

use serde_json::{json, Value};

use crate::client::Client;
use crate::newsls;

/// A French article (front matter `lang: fr`) whose second paragraph is an
/// English wire quote; the last one quotes English inside French.
const ARTICLE: &str = "---
lang: fr
title: Sommet de Bruxelles
---
Le ministre français des Affaires étrangères, Jean Dupont, a rencontré mardi à Bruxelles son homologue américain pour discuter de l'accord commercial.

\"We will not accept any deal that would hurt the workers of our country, and we have said so to the French delegation,\" said Senator John Smith after the meeting. The talks have reportedly stalled over the question of agricultural subsidies.

« Nous restons ouverts au dialogue », a déclaré Jean Dupont à la presse.

« We are ready to sign it today if they are ready too, and we have been ready for a long time », a ajouté John Smith.
";

fn extract(text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sommet.md");
    fs::write(&file, text).unwrap();
    let out = newsls().arg("extract").arg(&file).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn quotes(rec: &Value) -> Vec<(String, Value, Value)> {
    rec["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let words: Vec<&str> = q["text"]
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .take(3)
                .collect();
            (words.join(" "), q["speaker"].clone(), q["cue"].clone())
        })
        .collect()
}

#[test]
fn an_english_paragraph_of_a_french_article_is_read_with_english_rules() {
    let rec = extract(ARTICLE);
    assert_eq!(rec["language"], "fr", "the document stays French");
    assert_eq!(
        quotes(&rec),
        [
            // English incise: `said` is an English speech verb, `Senator`
            // an English title.
            (
                "We will not".to_string(),
                json!("John Smith"),
                json!("said")
            ),
            (
                "Nous restons ouverts".to_string(),
                json!("Jean Dupont"),
                json!("a déclaré")
            ),
            // French writer, English words: French rules.
            (
                "We are ready".to_string(),
                json!("John Smith"),
                json!("a ajouté")
            ),
        ]
    );
    // `reportedly` is an English claim marker.
    let claims = rec["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["status"], "unattributed");
    assert!(claims[0]["sentence"]
        .as_str()
        .unwrap_or_default()
        .starts_with("The talks have reportedly stalled"));
    let findings: Vec<&str> = rec["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        findings,
        ["unattributed claim (hearsay: « reportedly »): who says so?"]
    );
    // One actor for the senator, named in both languages.
    let actors: Vec<(&str, usize)> = rec["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap_or_default(),
                a["mentions"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    assert!(actors.contains(&("John Smith", 2)), "{actors:?}");
    assert!(
        !actors.iter().any(|(n, _)| n.contains("Senator")),
        "{actors:?}"
    );
}

#[test]
fn the_same_paragraph_read_with_french_rules_finds_neither_speaker_nor_claim() {
    // Under the thresholds (a short paragraph), the document's language
    // decides: what the English rules found above is not found.
    let short = "---\nlang: fr\n---\nLe ministre a rencontré mardi son homologue américain.\n\n\"We will not sign it,\" said John Smith. The talks have reportedly stalled.\n";
    let rec = extract(short);
    assert_eq!(quotes(&rec)[0].1, Value::Null, "{rec}");
    assert!(rec["claims"].as_array().unwrap().is_empty(), "{rec}");
}

#[tokio::test]
async fn the_language_server_shows_the_english_rules_findings() {
    let mut c = Client::start(&["utf-16"], json!({"diagnostics": {"delayMs": 0}})).await;
    let uri = "file:///mixed/sommet.md";
    c.open(uri, "markdown", ARTICLE).await;
    let d = c.diagnostics(uri, 0).await;
    let shown: Vec<(&str, u64)> = d
        .iter()
        .map(|x| {
            (
                x["code"].as_str().unwrap_or_default(),
                x["range"]["start"]["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    // The claim of the English paragraph (line 7); no quote without
    // speaker.
    assert_eq!(shown, [("unattributed-claim", 6)], "{d:?}");
    // Hover on the senator: one actor, quoted twice.
    let line = ARTICLE.lines().nth(6).unwrap_or_default();
    let col = line[..line.find("John Smith").unwrap_or(0)]
        .encode_utf16()
        .count();
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 6, "character": col}}),
        )
        .await;
    let md = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(md.starts_with("**John Smith** — person"), "{md}");
    assert!(md.contains("Quoted 2 times"), "{md}");
}
