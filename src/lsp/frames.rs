//! A guard in front of the JSON-RPC transport.
//!
//! The framework answers one malformed message with a parse error and then
//! stops reading (its framed reader ends after a decoding error), which
//! would leave the editor with a silent server. Frames are therefore read
//! here first: well-formed JSON-RPC messages pass through unchanged; a
//! malformed header or body is logged and dropped, and reading resumes at
//! the next `Content-Length` header.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

/// Largest message accepted (a 10 MB article fits in a didOpen).
const MAX_BODY: usize = 64 << 20;

pub async fn sanitize<R, W>(input: R, mut output: W)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    let mut detours = Detours::default();
    loop {
        let length = match read_header(&mut input).await {
            Ok(Some(n)) => n,
            Ok(None) => break,
            Err(e) => {
                tracing::error!("dropped a malformed message header: {e}");
                continue;
            }
        };
        if length > MAX_BODY {
            tracing::error!("dropped a message of {length} bytes (limit {MAX_BODY})");
            if skip(&mut input, length).await.is_err() {
                break;
            }
            continue;
        }
        let mut body = vec![0; length];
        if input.read_exact(&mut body).await.is_err() {
            break;
        }
        let message = match check(&body) {
            Ok(message) => message,
            Err(e) => {
                tracing::error!("dropped a malformed message body: {e}");
                continue;
            }
        };
        if let Some(detoured) = detours.apply(&message) {
            body = detoured;
        }
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        if output.write_all(header.as_bytes()).await.is_err()
            || output.write_all(&body).await.is_err()
        {
            break;
        }
    }
    let _ = output.shutdown().await;
}

/// Reads header lines up to the blank line; `Ok(None)` at end of input.
async fn read_header<R: AsyncBufReadExt + Unpin>(input: &mut R) -> Result<Option<usize>, String> {
    let mut length = None;
    let mut saw_any = false;
    loop {
        let mut line = Vec::new();
        let n = input
            .read_until(b'\n', &mut line)
            .await
            .map_err(|e| e.to_string())?;
        if n == 0 {
            return if saw_any {
                Err("end of input inside a header".to_string())
            } else {
                Ok(None)
            };
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if !saw_any {
                continue;
            }
            return length
                .map(Some)
                .ok_or_else(|| "no Content-Length header".to_string());
        }
        saw_any = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| format!("bad Content-Length {value:?}"))?,
                );
            }
        }
    }
}

async fn skip<R: AsyncRead + Unpin>(input: &mut R, mut n: usize) -> std::io::Result<()> {
    let mut buf = [0u8; 8192];
    while n > 0 {
        let k = input.read(&mut buf[..n.min(8192)]).await?;
        if k == 0 {
            break;
        }
        n -= k;
    }
    Ok(())
}

/// Requests whose answer the server writes as bytes itself, through the
/// outbox (`outbox.rs`), instead of returning it to the framework, which
/// would first build it as a `serde_json::Value` tree: the outline of a
/// long document is a megabyte of JSON, its semantic tokens a few hundred
/// thousand numbers; and both reuse what they wrote for the sections an
/// edit left alone. Each such request reaches the
/// framework as a notification of the server's own method, carrying the
/// request's id, in the request's place in the stream, so it is handled
/// in the same order as the request would have been. Only between
/// `initialized` and `shutdown`: before and after, the framework answers
/// requests itself (with the errors the protocol wants).
pub const DETOURED: &[(&str, &str)] = &[
    ("textDocument/documentSymbol", "newsls/documentSymbol"),
    (
        "textDocument/semanticTokens/full",
        "newsls/semanticTokensFull",
    ),
];

#[derive(Default)]
struct Detours {
    open: bool,
}

impl Detours {
    /// The body that replaces `message`, if it is detoured.
    fn apply(&mut self, message: &serde_json::Value) -> Option<Vec<u8>> {
        let method = message.get("method")?.as_str()?;
        match method {
            "initialized" => self.open = true,
            "shutdown" | "exit" => self.open = false,
            _ => {}
        }
        let id = message.get("id")?;
        let (_, to) = DETOURED.iter().find(|(from, _)| *from == method)?;
        if !self.open {
            return None;
        }
        let params = message.get("params").cloned().unwrap_or_default();
        serde_json::to_vec(&serde_json::json!({
            "jsonrpc": "2.0",
            "method": to,
            "params": {"id": id, "params": params},
        }))
        .ok()
    }
}

/// A JSON-RPC 2.0 request, notification or response.
fn check(body: &[u8]) -> Result<serde_json::Value, String> {
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    if obj.get("jsonrpc").and_then(|j| j.as_str()) != Some("2.0") {
        return Err("missing \"jsonrpc\": \"2.0\"".to_string());
    }
    let is_call = obj.get("method").is_some_and(|m| m.is_string());
    let is_response =
        obj.contains_key("id") && (obj.contains_key("result") || obj.contains_key("error"));
    if is_call || is_response {
        Ok(v)
    } else {
        Err("neither a request, a notification nor a response".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message(method: &str, id: Option<i64>) -> serde_json::Value {
        let mut m = json!({"jsonrpc": "2.0", "method": method, "params": {"textDocument": {"uri": "file:///a.txt"}}});
        if let Some(id) = id {
            m["id"] = json!(id);
        }
        m
    }

    #[test]
    fn an_outline_request_is_detoured_only_between_initialized_and_shutdown() {
        let mut detours = Detours::default();
        let outline = message("textDocument/documentSymbol", Some(7));
        assert!(detours.apply(&outline).is_none(), "before initialized");
        assert!(detours.apply(&message("initialized", None)).is_none());
        let body = detours.apply(&outline).expect("detoured");
        let detoured: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            detoured,
            json!({"jsonrpc": "2.0", "method": "newsls/documentSymbol", "params": {"id": 7, "params": outline["params"]}})
        );
        assert!(detours
            .apply(&message("textDocument/hover", Some(8)))
            .is_none());
        assert!(detours.apply(&message("shutdown", Some(9))).is_none());
        assert!(detours.apply(&outline).is_none(), "after shutdown");
    }
}
