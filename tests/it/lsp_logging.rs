//! The server's log as an editor sees it: the real binary over stdio,
//! each log line a `window/logMessage` whose type follows its level, and
//! nothing on stderr (which VS Code shows as errors) unless asked.

use std::process::Stdio;

use serde_json::{json, Value};

use crate::client::Client;

fn log_containing(m: &Value, text: &str) -> bool {
    m["method"] == "window/logMessage"
        && m["params"]["message"]
            .as_str()
            .is_some_and(|s| s.contains(text))
}

/// Starts the binary on a one-article workspace with options of the wrong
/// type, edits a document that is not open, and ends it. Returns the
/// `window/logMessage` type of the INFO, WARN and ERROR lines this
/// causes, and what the server wrote on stderr.
async fn session(args: &[&str], log_env: Option<&str>) -> ([Value; 3], String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "« Oui », a dit Léa Martin.\n").unwrap();
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_newsls"));
    command.args(args).env_remove("NEWSLS_LOG");
    if let Some(level) = log_env {
        command.env("NEWSLS_LOG", level);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut c = Client::over(child.stdout.take().unwrap(), child.stdin.take().unwrap());
    let root = format!("file://{}", dir.path().display());
    let init = c
        .request(
            "initialize",
            json!({
                "capabilities": {},
                "workspaceFolders": [{"uri": root, "name": "corpus"}],
                // A wrong type: the options are ignored, with a warning.
                "initializationOptions": {"diagnostics": {"delayMs": "soon"}},
            }),
        )
        .await;
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    c.notify("initialized", json!({})).await;
    // INFO: the end of the workspace indexing.
    let info = c
        .notification(|m| log_containing(m, "indexed 1 article in"))
        .await;
    // WARN: the ignored options.
    let warning = c
        .notification(|m| log_containing(m, "initializationOptions ignored"))
        .await;
    // ERROR: an edit to a document that is not open.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.txt", "version": 2}, "contentChanges": [{"text": "x"}]}),
    )
    .await;
    let error = c
        .notification(|m| log_containing(m, "which is not open"))
        .await;
    let r = c.request("shutdown", Value::Null).await;
    assert!(r.get("error").is_none(), "{r}");
    c.notify("exit", Value::Null).await;
    drop(c);
    let out = tokio::time::timeout(std::time::Duration::from_secs(30), child.wait_with_output())
        .await
        .expect("the server exits")
        .unwrap();
    assert!(out.status.success());
    let types = [info, warning, error].map(|m| m["params"]["type"].clone());
    (types, String::from_utf8_lossy(&out.stderr).to_string())
}

#[tokio::test]
async fn log_levels_arrive_as_log_message_types_and_stderr_stays_quiet() {
    let (types, stderr) = session(&[], None).await;
    // Error 1, Warning 2, Info 3 (LSP MessageType).
    assert_eq!(types, [json!(3), json!(2), json!(1)]);
    assert_eq!(stderr, "", "stderr is for startup and fatal errors only");
}

#[tokio::test]
async fn the_log_is_copied_where_asked() {
    let (types, stderr) = session(&[], Some("info")).await;
    assert_eq!(types, [json!(3), json!(2), json!(1)]);
    assert!(
        stderr.contains("INFO") && stderr.contains("indexed 1 article in"),
        "NEWSLS_LOG copies the log to stderr: {stderr}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("newsls.log");
    let (types, stderr) = session(&["lsp", "--log-file", file.to_str().unwrap()], None).await;
    assert_eq!(types, [json!(3), json!(2), json!(1)]);
    assert_eq!(stderr, "");
    let log = std::fs::read_to_string(&file).unwrap();
    assert!(
        log.contains("WARN") && log.contains("initializationOptions ignored"),
        "{log}"
    );
}
