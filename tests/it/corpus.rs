//! Corpus mode in the server: a workspace on disk, indexed in the
//! background, kept current by watched-file events.

use std::fs;

use serde_json::{json, Value};

use crate::client::Client;

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    fs::write(dir.join(name), text).unwrap();
    format!("file://{}", dir.join(name).display())
}

fn hover_at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

#[tokio::test]
async fn the_workspace_index_feeds_references_hover_rename_and_symbols() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    write(&root, "newsls.toml", "[[actor]]\nname = \"Xi Jinping\"\nkind = \"person\"\naliases = [\"le président chinois\"]\n\n[files]\nexclude = [\"drafts/**\"]\n");
    let a = write(
        &root,
        "a.txt",
        "Xi Jinping a assuré que « la Chine est une victime ».\n",
    );
    let b = write(
        &root,
        "b.txt",
        "Selon Xi Jinping, rien n'est décidé. « Nous verrons », a dit Xi Jinping.\n",
    );
    let c = write(&root, "c.txt", "Le président chinois est arrivé à Paris.\n");
    fs::create_dir(root.join("drafts")).unwrap();
    write(&root.join("drafts"), "d.txt", "Xi Jinping, encore.\n");
    let mut client = Client::start_in(&root, json!({"diagnostics": {"delayMs": 0}})).await;
    let done = client.indexed().await;
    assert_eq!(done, "3 articles indexed", "drafts/ is excluded");

    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": a, "languageId": "plaintext", "version": 0, "text": fs::read_to_string(root.join("a.txt")).unwrap()}})).await;
    // References from the open article reach the closed ones.
    let r = client.request("textDocument/references", json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 2}, "context": {"includeDeclaration": true}})).await;
    let mut uris: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    uris.sort();
    uris.dedup();
    assert_eq!(uris, [a.as_str(), b.as_str(), c.as_str()], "{r}");
    // Hover counts the corpus.
    let h = client
        .request("textDocument/hover", hover_at(&a, 0, 2))
        .await;
    let md = h["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        md.contains("in 2 other articles") && md.contains("Quoted in 1 other article (2 quotes)"),
        "{md}"
    );
    // Workspace symbols include the closed articles' quotes.
    let r = client
        .request("workspace/symbol", json!({"query": "verrons"}))
        .await;
    assert_eq!(r["result"][0]["location"]["uri"], b.as_str(), "{r}");
    // Rename edits the closed articles' full-name mentions too.
    let r = client.request("textDocument/rename", json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 2}, "newName": "Xi Jin-ping"})).await;
    assert_eq!(
        r["result"]["changes"][b.as_str()].as_array().unwrap().len(),
        2,
        "{r}"
    );
    assert!(
        r["result"]["changes"].get(c.as_str()).is_none(),
        "a description is not renamed"
    );
    assert!(
        r["result"]["changes"][format!("file://{}", root.join("newsls.toml").display())].is_array()
    );

    // A file changes on disk: the watcher event updates the index.
    fs::write(
        root.join("c.txt"),
        "« Rien », a dit Xi Jinping. « Jamais », a ajouté Xi Jinping.\n",
    )
    .unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": c, "type": 2}]}),
        )
        .await;
    // The index is updated in the background: poll, bounded.
    let mut md = String::new();
    for _ in 0..100 {
        let h = client
            .request("textDocument/hover", hover_at(&a, 0, 2))
            .await;
        md = h["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .to_string();
        if md.contains("Quoted in 2 other articles") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(md.contains("Quoted in 2 other articles (4 quotes)"), "{md}");
    // Deleted: gone from the index.
    fs::remove_file(root.join("b.txt")).unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": b, "type": 3}]}),
        )
        .await;
    let mut gone = false;
    for _ in 0..100 {
        let r = client.request("textDocument/references", json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 2}, "context": {"includeDeclaration": true}})).await;
        gone = !r["result"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["uri"] == b.as_str());
        if gone {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(gone, "a deleted file leaves the index");
}

#[tokio::test]
async fn an_ann_beside_an_open_article_wins_and_open_ann_files_get_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let text = "« Nous partirons », a dit Paul Girard.\n";
    let a = write(&root, "a.txt", text);
    let ann = write(&root, "a.ann", "T1\tPerson 26 37\tPaul Girard\n#1\tAnnotatorNotes T1\tMarie Girard\nT2\tQuote 2 15\tNous partiron\nR1\tSpeaker Arg1:T2 Arg2:T1\nT3\tPerson 0 4\tnope\n");
    let mut client = Client::start_in(&root, json!({"diagnostics": {"delayMs": 0}})).await;
    client.indexed().await;
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": a, "languageId": "plaintext", "version": 0, "text": text}})).await;
    let r = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": a}}),
        )
        .await;
    assert_eq!(
        r["result"][0]["name"], "Marie Girard",
        "the annotator's speaker: {r}"
    );
    // The .ann opened in the editor: its mismatch is a diagnostic on it.
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": ann, "languageId": "plaintext", "version": 0, "text": fs::read_to_string(root.join("a.ann")).unwrap()}})).await;
    loop {
        let m = client.recv().await;
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == ann.as_str() {
            let d = m["params"]["diagnostics"].as_array().unwrap();
            assert_eq!(d.len(), 1, "{m}");
            assert_eq!(d[0]["code"], "ann-mismatch");
            assert_eq!(d[0]["range"]["start"]["line"], 4);
            break;
        }
    }
    let h = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": ann}, "position": {"line": 0, "character": 1}}),
        )
        .await;
    assert!(
        h["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Paul Girard"),
        "{h}"
    );
}
