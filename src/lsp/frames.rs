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
        if let Err(e) = check(&body) {
            tracing::error!("dropped a malformed message body: {e}");
            continue;
        }
        let header = format!("Content-Length: {length}\r\n\r\n");
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

/// A JSON-RPC 2.0 request, notification or response.
fn check(body: &[u8]) -> Result<(), String> {
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    if obj.get("jsonrpc").and_then(|j| j.as_str()) != Some("2.0") {
        return Err("missing \"jsonrpc\": \"2.0\"".to_string());
    }
    let is_call = obj.get("method").is_some_and(|m| m.is_string());
    let is_response =
        obj.contains_key("id") && (obj.contains_key("result") || obj.contains_key("error"));
    if is_call || is_response {
        Ok(())
    } else {
        Err("neither a request, a notification nor a response".to_string())
    }
}
