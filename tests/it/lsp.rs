//! The language server end to end: framed JSON-RPC over an in-memory
//! duplex pipe, as an editor speaks it.

use serde_json::{json, Value};

use crate::fixtures;

use crate::client::Client;

fn seed_2015() -> String {
    std::fs::read_to_string(fixtures().join("articles/002_cyber_accord_2015.txt")).unwrap()
}

const URI: &str = "file:///corpus/002_cyber_accord_2015.txt";

/// Position of the first occurrence of `needle` in `text`, in the given
/// encoding.
fn pos(text: &str, needle: &str, utf8: bool) -> Value {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count();
    let col: usize = if utf8 {
        at - line_start
    } else {
        text[line_start..at].encode_utf16().count()
    };
    json!({"line": line, "character": col})
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn no_delay() -> Value {
    json!({"diagnostics": {"delayMs": 0}})
}

#[tokio::test]
async fn hover_on_xi_jinping_lists_his_quotes() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    let text = seed_2015();
    c.open(URI, "plaintext", &text).await;
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": pos(&text, "Xi Jinping a assuré", false)})).await;
    let md = r["result"]["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**Xi Jinping** — person"), "{md}");
    assert!(md.contains("Quoted 4 times:"), "{md}");
    // French quotations in French marks, with narrow no-break spaces.
    assert!(
        md.contains("mixed: «\u{202f}en aucune manière\u{202f}»"),
        "{md}"
    );
    assert!(md.contains("en aucune manière"), "{md}");
    assert!(md.contains("le président chinois"), "{md}");
    // On a quote: its speaker and cue.
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": pos(&text, "fervent", false)}),
        )
        .await;
    let md = r["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("Speaker: **Xi Jinping**") && md.contains("a assuré que"),
        "{md}"
    );
}

#[tokio::test]
async fn outline_groups_quotes_by_speaker() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    c.open(URI, "plaintext", &seed_2015()).await;
    let r = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let nodes = r["result"].as_array().unwrap();
    let names: Vec<&str> = nodes.iter().map(|n| n["name"].as_str().unwrap()).collect();
    for speaker in [
        "Xi Jinping",
        "Barack Obama",
        "The New York Times",
        "Vikram Singh",
    ] {
        assert!(names.contains(&speaker), "{names:?}");
    }
    let xi = nodes.iter().find(|n| n["name"] == "Xi Jinping").unwrap();
    assert_eq!(xi["detail"], "4 quotes");
    assert_eq!(xi["children"].as_array().unwrap().len(), 4);
    assert!(xi["children"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("a assuré"));
}

/// The server writes the outline's answer itself (`frames::DETOURED`): the
/// request still gets an answer under its own id, errors included, and
/// sees the edits sent before it.
#[tokio::test]
async fn an_outline_request_gets_its_own_answer_errors_included() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    let outline = |uri: Value| json!({"textDocument": {"uri": uri}});
    let r = c
        .request(
            "textDocument/documentSymbol",
            outline(json!("file:///nowhere.txt")),
        )
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c
        .request("textDocument/documentSymbol", outline(json!(3)))
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    c.open(URI, "plaintext", "Il pleut.").await;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 1}, "contentChanges": [{"text": "« Oui », a dit Jean Valjean."}]}),
    )
    .await;
    let r = c
        .request("textDocument/documentSymbol", outline(json!(URI)))
        .await;
    assert_eq!(r["result"][0]["name"], "Jean Valjean", "{r}");
    assert_eq!(r["result"][0]["children"][0]["name"], "Oui", "{r}");
}

async fn edit_moves_diagnostics(utf8: bool) {
    let encodings: &[&str] = if utf8 {
        &["utf-8", "utf-16"]
    } else {
        &["utf-16"]
    };
    let mut c = Client::start(encodings, no_delay()).await;
    let text = seed_2015();
    c.open(URI, "plaintext", &text).await;
    let before = c.diagnostics(URI, 0).await;
    let target = "Un accord pourrait voir le jour avec les Etats-Unis dans le domaine.";
    let start = pos(&text, target, utf8);
    let flagged = before
        .iter()
        .filter(|d| d["code"] == "unattributed-claim" && d["range"]["start"] == start)
        .count();
    assert_eq!(flagged, 1, "{before:#?}");
    // Insert a source before the claim, as an editor does.
    let insert = "Selon Reuters, u";
    let end = json!({"line": start["line"], "character": start["character"].as_u64().unwrap() + 1});
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 1}, "contentChanges": [{"range": {"start": start, "end": end}, "text": insert}]}),
    )
    .await;
    let after = c.diagnostics(URI, 1).await;
    assert!(
        !after
            .iter()
            .any(|d| d["code"] == "unattributed-claim" && d["range"]["start"] == start),
        "{after:#?}"
    );
    assert_eq!(
        after.len(),
        before.len() - 1,
        "{:?} -> {:?}",
        codes(&before),
        codes(&after)
    );
    // Every other diagnostic moved with the text.
    let new_text = text.replacen(
        "Un accord pourrait voir",
        "Selon Reuters, un accord pourrait voir",
        1,
    );
    assert_eq!(c.server_text(URI).await, new_text);
    let shift = insert.len() as i64 - 1;
    let claim_line = start["line"].as_i64().unwrap();
    let claim_col = start["character"].as_i64().unwrap();
    for (b, a) in before
        .iter()
        .filter(|d| d["range"]["start"] != start)
        .zip(&after)
    {
        assert_eq!(b["code"], a["code"]);
        for end in ["start", "end"] {
            let (bl, bc) = (
                b["range"][end]["line"].as_i64().unwrap(),
                b["range"][end]["character"].as_i64().unwrap(),
            );
            let moved = if bl == claim_line && bc > claim_col {
                bc + shift
            } else {
                bc
            };
            assert_eq!(a["range"][end]["line"].as_i64().unwrap(), bl);
            assert_eq!(
                a["range"][end]["character"].as_i64().unwrap(),
                moved,
                "{b} -> {a}"
            );
        }
    }
}

#[tokio::test]
async fn a_source_clears_the_unattributed_claim_in_utf16() {
    edit_moves_diagnostics(false).await;
}

#[tokio::test]
async fn a_source_clears_the_unattributed_claim_in_utf8() {
    edit_moves_diagnostics(true).await;
}

#[tokio::test]
async fn forty_edits_back_to_back_keep_the_text_in_sync() {
    let mut c = Client::start(&["utf-16"], json!({"diagnostics": {"delayMs": 30}})).await;
    let mut model = String::from("Début « été »\u{a0}😀\r\nfin");
    c.open("file:///a.txt", "plaintext", &model).await;
    for i in 1..=40 {
        // Alternate inserting at the end of line 0 and at the start of line 1.
        let (line, col, piece) = if i % 2 == 0 {
            (0, model.lines().next().unwrap().encode_utf16().count(), "é")
        } else {
            (1, 0, "ж😀")
        };
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": "file:///a.txt", "version": i}, "contentChanges": [{"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": piece}]}),
        )
        .await;
        if line == 0 {
            let at = model.find("\r\n").unwrap();
            model.insert_str(at, piece);
        } else {
            let at = model.find('\n').unwrap() + 1;
            model.insert_str(at, piece);
        }
    }
    assert_eq!(c.server_text("file:///a.txt").await, model);
    // Only the last version's diagnostics are published.
    let _ = c.diagnostics("file:///a.txt", 40).await;
    assert!(!c.notifications.iter().any(|m| m["params"]["version"]
        .as_i64()
        .is_some_and(|v| v < 40 && v > 0)));
}

#[tokio::test]
async fn navigation_rename_actions_hints_tokens_completion_symbols() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    let text = seed_2015();
    c.open(URI, "plaintext", &text).await;
    let td = json!({"uri": URI});
    let at = pos(&text, "Obama avait également", false);
    let r = c
        .request(
            "textDocument/definition",
            json!({"textDocument": td, "position": at}),
        )
        .await;
    assert_eq!(
        r["result"]["range"]["start"],
        pos(&text, "Barack Obama avait laissé", false),
        "{r}"
    );
    let r = c
        .request(
            "textDocument/references",
            json!({"textDocument": td, "position": at, "context": {"includeDeclaration": true}}),
        )
        .await;
    assert_eq!(r["result"].as_array().unwrap().len(), 2, "{r}");
    let r = c
        .request(
            "textDocument/documentHighlight",
            json!({"textDocument": td, "position": at}),
        )
        .await;
    assert_eq!(r["result"].as_array().unwrap().len(), 2);
    let r = c
        .request(
            "textDocument/prepareRename",
            json!({"textDocument": td, "position": at}),
        )
        .await;
    assert_eq!(r["result"]["placeholder"], "Barack Obama");
    let r = c
        .request(
            "textDocument/rename",
            json!({"textDocument": td, "position": at, "newName": "Barack H. Obama"}),
        )
        .await;
    let edits = r["result"]["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 1, "only the full-name mention: {r}");
    assert_eq!(edits[0]["newText"], "Barack H. Obama");

    // Code actions: fix the wrong-direction mark of line 1.
    let mark = text.find("piratage« ").unwrap() + "piratage".len();
    let col = text[..mark].encode_utf16().count() as u64;
    let range =
        json!({"start": {"line": 0, "character": col}, "end": {"line": 0, "character": col + 1}});
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": td, "range": range, "context": {"diagnostics": []}}),
        )
        .await;
    let titles: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Replace « with »"), "{titles:?}");
    let fix = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Replace « with »")
        .unwrap();
    assert_eq!(fix["edit"]["changes"][URI][0]["newText"], "»");

    let r = c.request("textDocument/inlayHint", json!({"textDocument": td, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 20, "character": 0}}})).await;
    let labels: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"← Xi Jinping") && labels.contains(&"← Vikram Singh"),
        "{labels:?}"
    );

    let r = c
        .request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": td}),
        )
        .await;
    let data = r["result"]["data"].as_array().unwrap();
    assert!(data.len() > 50 && data.len() % 5 == 0);
    let r = c.request("textDocument/semanticTokens/range", json!({"textDocument": td, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}})).await;
    assert!(r["result"]["data"].as_array().unwrap().len() < data.len());

    c.open("file:///draft.txt", "plaintext", "Hier, Vikr").await;
    let r = c.request("textDocument/completion", json!({"textDocument": {"uri": "file:///draft.txt"}, "position": {"line": 0, "character": 10}})).await;
    let labels: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Vikram Singh"],
        "completion from the other open article"
    );

    let r = c
        .request("workspace/symbol", json!({"query": "vikram"}))
        .await;
    let names: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Vikram Singh"), "{names:?}");
}

#[tokio::test]
async fn configuration_changes_severities_and_bad_input_is_an_error_not_a_crash() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    let uri = "file:///b.txt";
    c.open(uri, "plaintext", "Un accord pourrait être signé.")
        .await;
    let d = c.diagnostics(uri, 0).await;
    assert_eq!(d[0]["severity"], 2, "warning by default");
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"newsls": {"diagnostics": {"unattributedClaim": "error", "delayMs": 0}}}})).await;
    // Re-published for the same version with the new severity.
    let d = c.diagnostics(uri, 0).await;
    assert_eq!(d[0]["severity"], 1);
    // A position on a line that does not exist: an error reply.
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 99, "character": 0}}),
        )
        .await;
    assert!(r["error"].is_object(), "{r}");
    // A request for a document never opened: an error reply.
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": "file:///nope.txt"}, "position": {"line": 0, "character": 0}})).await;
    assert!(r["error"].is_object(), "{r}");
    // A change for an unknown document and a change with a bad range are
    // logged; the document stays as the client sent it otherwise.
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": "file:///nope.txt", "version": 3}, "contentChanges": [{"text": "x"}]})).await;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [{"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 1}}, "text": "x"}]}),
    )
    .await;
    assert_eq!(c.server_text(uri).await, "Un accord pourrait être signé.");
    // Garbage on the wire does not kill the server.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json").await;
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
        )
        .await;
    assert!(r.get("result").is_some(), "{r}");
    // Close clears the diagnostics; shutdown answers.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    )
    .await;
    let is_clear = |m: &Value| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|a| a.is_empty())
    };
    let mut cleared = c.notifications.iter().any(is_clear);
    while !cleared {
        let m = tokio::time::timeout(std::time::Duration::from_secs(10), c.recv())
            .await
            .expect("diagnostics cleared on close");
        cleared = is_clear(&m);
    }
    let r = c.request("shutdown", Value::Null).await;
    assert!(r.get("result").is_some(), "{r}");
}

#[tokio::test]
async fn a_broken_newsls_toml_is_reported_on_the_file_and_the_last_good_settings_stay() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    let toml = "file:///ws/newsls.toml";
    c.open(
        toml,
        "toml",
        "[diagnostics]\nunattributed-claim = \"hint\"\n",
    )
    .await;
    c.open(
        "file:///ws/c.txt",
        "plaintext",
        "Un accord pourrait être signé.",
    )
    .await;
    let d = c.diagnostics("file:///ws/c.txt", 0).await;
    assert_eq!(d[0]["severity"], 4, "hint from newsls.toml");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": toml, "version": 1}, "contentChanges": [{"text": "[diagnostics]\nunatributed-claim = \"off\"\n"}]}),
    )
    .await;
    loop {
        let m = c.recv().await;
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == toml {
            let d = &m["params"]["diagnostics"][0];
            assert_eq!(d["code"], "config-error");
            assert_eq!(d["range"]["start"]["line"], 1);
            break;
        }
    }
    let d = c.diagnostics("file:///ws/c.txt", 0).await;
    assert_eq!(d[0]["severity"], 4, "the last good settings stay");
}

/// The real binary over stdio: initialize, shutdown, exit — and the process
/// ends (a blocked stdin reader must not keep it alive).
#[tokio::test]
async fn the_binary_exits_on_exit() {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_newsls"))
        .arg("--stdio")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut c = Client::over(child.stdout.take().unwrap(), child.stdin.take().unwrap());
    let r = c.request("initialize", json!({"capabilities": {}})).await;
    assert!(r["result"]["capabilities"].is_object());
    c.notify("initialized", json!({})).await;
    let r = c.request("shutdown", Value::Null).await;
    assert!(r.get("result").is_some());
    c.notify("exit", Value::Null).await;
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait()).await;
    assert!(
        status.is_ok_and(|s| s.is_ok_and(|s| s.success())),
        "the server outlived `exit`"
    );
}

/// An open `newsls.toml` follows incremental edits (the server announces
/// incremental sync for every document).
#[tokio::test]
async fn incremental_edits_to_an_open_newsls_toml_apply() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    let toml = "file:///ws2/newsls.toml";
    c.open(
        toml,
        "toml",
        "[diagnostics]\nunattributed-claim = \"hint\"\n",
    )
    .await;
    c.open(
        "file:///ws2/c.txt",
        "plaintext",
        "Un accord pourrait être signé.",
    )
    .await;
    let d = c.diagnostics("file:///ws2/c.txt", 0).await;
    assert_eq!(d[0]["severity"], 4);
    // Replace `hint` (line 1, columns 22..26) with `error`.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": toml, "version": 1}, "contentChanges": [{"range": {"start": {"line": 1, "character": 22}, "end": {"line": 1, "character": 26}}, "text": "error"}]}),
    )
    .await;
    let d = c.diagnostics("file:///ws2/c.txt", 0).await;
    assert_eq!(d[0]["severity"], 1, "{d:?}");
}

/// VS Code rejects a whole code-action reply when one attached diagnostic
/// lacks its message ("message must be set"): every attached diagnostic
/// must be the one the server published, range and message included.
#[tokio::test]
async fn code_actions_carry_the_published_diagnostics() {
    let mut c = Client::start(&["utf-16"], no_delay()).await;
    let text = seed_2015();
    c.open(URI, "plaintext", &text).await;
    let published = c.diagnostics(URI, 0).await;
    assert!(!published.is_empty());
    let last = text.lines().count() - 1;
    // A column past the end of its line is clamped (LSP).
    let whole =
        json!({"start": {"line": 0, "character": 0}, "end": {"line": last, "character": 100000}});
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": whole, "context": {"diagnostics": published}}),
        )
        .await;
    let actions = r["result"].as_array().expect("a list of actions");
    let attached: Vec<&Value> = actions
        .iter()
        .flat_map(|a| a["diagnostics"].as_array().into_iter().flatten())
        .collect();
    assert!(
        attached.len() >= published.len(),
        "every published diagnostic offers at least one fix: {r}"
    );
    for d in attached {
        assert!(d["range"]["start"]["line"].is_u64(), "{d}");
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
        assert!(published.contains(d), "not as published: {d}");
    }
}
