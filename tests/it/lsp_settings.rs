//! Settings as an editor meets them, over the protocol: when diagnostics
//! run (`diagnostics.run`), the size limit (`diagnostics.maxDocumentBytes`)
//! and the precedence of newsls.toml over the editor's settings.

use serde_json::{json, Value};

use crate::client::Client;
use crate::fixtures;

fn codes(diags: &[Value]) -> Vec<&str> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default())
        .collect()
}

async fn replace_text(c: &mut Client, uri: &str, version: i64, text: &str) {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
    )
    .await;
}

fn is_publish_for(uri: &str) -> impl Fn(&Value) -> bool + '_ {
    move |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
}

/// Opens the seed article in another document and waits for its
/// diagnostics: a barrier. A change to a small document sent before it
/// would have been published by then (its analysis is a fraction of the
/// seed's), so a test can look for publications that should not exist
/// without sleeping.
async fn barrier(c: &mut Client, name: &str) {
    let text =
        std::fs::read_to_string(fixtures().join("articles/002_cyber_accord_2015.txt")).unwrap();
    let uri = format!("file:///barrier/{name}.txt");
    c.open(&uri, "plaintext", &text).await;
    let d = c.diagnostics(&uri, 0).await;
    assert!(!d.is_empty());
}

#[tokio::test]
async fn with_on_save_a_change_publishes_nothing_and_a_save_publishes_the_latest_version() {
    let mut c = Client::start(
        &["utf-16"],
        json!({"diagnostics": {"delayMs": 0, "run": "onSave"}}),
    )
    .await;
    let uri = "file:///onsave/draft.txt";
    // Opening publishes.
    c.open(uri, "plaintext", "Un accord pourrait être signé.")
        .await;
    assert_eq!(codes(&c.diagnostics(uri, 0).await), ["unattributed-claim"]);
    // Two edits: the claim gets a source, then a second claim comes.
    replace_text(
        &mut c,
        uri,
        1,
        "Selon Reuters, un accord pourrait être signé.",
    )
    .await;
    let latest =
        "Selon Reuters, un accord pourrait être signé.\n\nLe chômage aurait baissé de 3 %.";
    replace_text(&mut c, uri, 2, latest).await;
    barrier(&mut c, "a").await;
    assert!(
        !c.notifications.iter().any(is_publish_for(uri)),
        "a change published diagnostics: {:?}",
        c.notifications
    );
    // Requests answer for the current text, analysed on demand.
    assert_eq!(c.server_text(uri).await, latest);
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}}),
        )
        .await;
    let md = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(md.starts_with("**Reuters**"), "{r}");
    let r = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert!(r["result"].is_array(), "{r}");
    // …and still publish nothing.
    barrier(&mut c, "b").await;
    assert!(!c.notifications.iter().any(is_publish_for(uri)));
    // Saving publishes the latest version: the new claim on line 3, the
    // sourced one no longer flagged.
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    )
    .await;
    let d = c.diagnostics(uri, 2).await;
    assert_eq!(codes(&d), ["unattributed-claim"], "{d:?}");
    assert_eq!(d[0]["range"]["start"], json!({"line": 2, "character": 0}));
    assert!(!c.notifications.iter().any(is_publish_for(uri)));
}

#[tokio::test]
async fn with_on_type_a_change_publishes_and_a_save_adds_nothing() {
    let mut c = Client::start(&["utf-16"], json!({"diagnostics": {"delayMs": 0}})).await;
    let uri = "file:///ontype/draft.txt";
    c.open(uri, "plaintext", "Un accord pourrait être signé.")
        .await;
    assert_eq!(codes(&c.diagnostics(uri, 0).await), ["unattributed-claim"]);
    replace_text(
        &mut c,
        uri,
        1,
        "Selon Reuters, un accord pourrait être signé.",
    )
    .await;
    assert!(c.diagnostics(uri, 1).await.is_empty());
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    )
    .await;
    barrier(&mut c, "c").await;
    assert!(!c.notifications.iter().any(is_publish_for(uri)));
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

#[tokio::test]
async fn a_document_over_the_size_limit_gets_one_information_at_its_top() {
    let mut c = Client::start(&["utf-16"], json!({"diagnostics": {"delayMs": 0}})).await;
    let uri = "file:///large/big.txt";
    let text = large_text(4_000_000);
    c.open(uri, "plaintext", &text).await;
    let d = c.diagnostics(uri, 0).await;
    // The notice, at the top, as information; then the one cheap check
    // (the quotation never closed); no claim, although there are
    // thousands.
    assert_eq!(
        codes(&d),
        ["document-too-large", "unbalanced-quote"],
        "{d:?}"
    );
    assert_eq!(d[0]["severity"], 3);
    assert_eq!(d[0]["range"]["start"], json!({"line": 0, "character": 0}));
    let message = d[0]["message"].as_str().unwrap_or_default();
    for part in [
        "diagnostics limited",
        "over the limit of 4,000,000 bytes",
        "max-document-bytes",
        "maxDocumentBytes",
        "only its quotation marks are checked",
    ] {
        assert!(message.contains(part), "{part}: {message}");
    }
    let last_line = text.lines().count() - 1;
    assert_eq!(d[1]["range"]["start"]["line"], last_line);
    // Requests answer (with nothing to show) instead of failing.
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
        )
        .await;
    assert!(r.get("error").is_none() && r["result"].is_null(), "{r}");

    // The setting moves the limit both ways, and applies at once.
    let small = "file:///large/small.txt";
    c.open(small, "plaintext", "Un accord pourrait être signé.")
        .await;
    assert_eq!(
        codes(&c.diagnostics(small, 0).await),
        ["unattributed-claim"]
    );
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"newsls": {"diagnostics": {"delayMs": 0, "maxDocumentBytes": 10}}}}),
    )
    .await;
    let d = c.diagnostics(small, 0).await;
    assert_eq!(codes(&d), ["document-too-large"], "{d:?}");
    assert!(d[0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("this document is 32 bytes, over the limit of 10 bytes"));
}

/// README, "Settings precedence": newsls.toml wins over the editor's
/// settings for the keys it sets; the editor's settings decide the keys
/// it leaves out; the defaults the rest.
#[tokio::test]
async fn newsls_toml_wins_over_the_editor_settings_for_the_keys_it_sets() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("newsls.toml"),
        "[diagnostics]\nunattributed-claim = \"hint\"\nrun = \"on-save\"\n",
    )
    .unwrap();
    let mut c = Client::start_in(
        dir.path(),
        json!({"diagnostics": {"delayMs": 0, "unattributedClaim": "error", "vagueSource": "hint", "run": "onType"}}),
    )
    .await;
    let uri = format!("file://{}/a.txt", dir.path().display());
    let text = "Un accord pourrait être signé.\n\nSelon des sources proches du dossier, le ministre aurait démissionné.\n\nLe texte « reste ouvert.";
    c.open(&uri, "plaintext", text).await;
    let d = c.diagnostics(&uri, 0).await;
    let severity = |code: &str| {
        d.iter()
            .find(|x| x["code"] == code)
            .map(|x| x["severity"].clone())
            .unwrap_or_else(|| panic!("no {code} in {d:?}"))
    };
    // newsls.toml's hint beats the editor's error.
    assert_eq!(severity("unattributed-claim"), 4);
    // The editor's hint where the file says nothing.
    assert_eq!(severity("vague-source"), 4);
    // The default where neither does.
    assert_eq!(severity("unbalanced-quote"), 1);
    // newsls.toml's on-save beats the editor's onType: a change publishes
    // nothing until saved.
    replace_text(&mut c, &uri, 1, "Un accord pourrait être signé.").await;
    barrier(&mut c, "precedence").await;
    let published: Vec<&Value> = c
        .notifications
        .iter()
        .filter(|m| is_publish_for(&uri)(m))
        .collect();
    assert!(published.is_empty(), "{published:?}");
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    )
    .await;
    assert_eq!(codes(&c.diagnostics(&uri, 1).await), ["unattributed-claim"]);
}
