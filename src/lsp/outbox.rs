//! The way out to the client: one task owns the output stream and writes
//! whole messages to it, in the order they arrive, from two sources.
//!
//! - The framework's messages (replies, log lines, requests to the
//!   client): it writes them as framed bytes into a [`FrameWriter`], which
//!   passes each message on once its last byte is in.
//! - The large messages, which the server writes as JSON bytes itself
//!   ([`Outbox::send`]): `textDocument/publishDiagnostics`, the most
//!   frequent, and the answers to the requests the input guard detours
//!   (`frames::DETOURED`: the outline, the whole document's semantic
//!   tokens). Through the framework, a list of 1,765 diagnostics was first
//!   built as a `serde_json::Value` tree, then written, then freed: three
//!   passes and tens of thousands of allocations on every keystroke, for
//!   bytes that are mostly the same as the previous publish.
//!
//! The queue is unbounded: a client that stops reading makes it grow, as
//! the framework's own buffer would have, but never blocks the server.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// A message on the queue, framed; `None` ends the output.
type Item = Option<Vec<u8>>;

/// A handle that queues messages for the client.
#[derive(Clone)]
pub struct Outbox {
    tx: mpsc::UnboundedSender<Item>,
}

/// The queue's far end, which [`pump`] writes out.
pub struct Frames(mpsc::UnboundedReceiver<Item>);

pub fn channel() -> (Outbox, FrameWriter, Frames) {
    let (tx, rx) = mpsc::unbounded_channel();
    let writer = FrameWriter {
        tx: tx.clone(),
        pending: Vec::new(),
    };
    (Outbox { tx }, writer, Frames(rx))
}

impl Outbox {
    /// Queues a JSON-RPC message given as its JSON body. A message sent
    /// after the output ended is dropped (the client is gone).
    pub fn send(&self, body: &[u8]) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let mut frame = Vec::with_capacity(header.len() + body.len());
        frame.extend_from_slice(header.as_bytes());
        frame.extend_from_slice(body);
        let _ = self.tx.send(Some(frame));
    }

    /// Ends the output once every message queued before is written.
    pub fn close(&self) {
        let _ = self.tx.send(None);
    }
}

/// Writes queued messages to `output` until [`Outbox::close`], flushing
/// whenever the queue is empty.
pub async fn pump<O: AsyncWrite>(frames: Frames, output: O) {
    let Frames(mut rx) = frames;
    let mut output = std::pin::pin!(output);
    while let Some(Some(frame)) = rx.recv().await {
        if output.write_all(&frame).await.is_err() {
            return;
        }
        if rx.is_empty() && output.flush().await.is_err() {
            return;
        }
    }
    let _ = output.flush().await;
    let _ = output.shutdown().await;
}

/// The framework's output stream: collects its bytes and queues each
/// message when it is complete, so that a message written here and one
/// sent by [`Outbox::send`] never interleave.
pub struct FrameWriter {
    tx: mpsc::UnboundedSender<Item>,
    pending: Vec<u8>,
}

impl FrameWriter {
    /// Queues every complete message at the front of `pending`.
    fn pass_complete(&mut self) {
        while let Some(len) = frame_len(&self.pending) {
            let rest = self.pending.split_off(len);
            let frame = std::mem::replace(&mut self.pending, rest);
            let _ = self.tx.send(Some(frame));
        }
    }
}

/// The length of the complete message (header and body) at the start of
/// `bytes`, if all of it is there. A header without a readable
/// `Content-Length` (which the framework never writes) passes on as it is,
/// up to its blank line, rather than stopping the output.
fn frame_len(bytes: &[u8]) -> Option<usize> {
    let header_end = memchr::memmem::find(bytes, b"\r\n\r\n")? + 4;
    let header = std::str::from_utf8(&bytes[..header_end]).ok();
    let length = header.and_then(|h| {
        h.lines().find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
    });
    match length {
        Some(n) => (bytes.len() >= header_end + n).then_some(header_end + n),
        None => Some(header_end),
    }
}

impl AsyncWrite for FrameWriter {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.pending.extend_from_slice(buf);
        this.pass_complete();
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    #[tokio::test]
    async fn messages_come_out_whole_and_in_order_whatever_the_writes() {
        let (outbox, mut writer, frames) = channel();
        let first = framed(r#"{"id":1,"result":"é"}"#);
        let second = framed(r#"{"id":2,"result":null}"#);
        // The framework's first message arrives a few bytes at a time; a
        // message sent directly meanwhile goes out whole before it, never
        // inside it.
        writer.write_all(&first[..5]).await.unwrap();
        writer.write_all(&first[5..30]).await.unwrap();
        outbox.send(br#"{"method":"direct"}"#);
        let mut rest = first[30..].to_vec();
        rest.extend_from_slice(&second[..3]);
        writer.write_all(&rest).await.unwrap();
        writer.write_all(&second[3..]).await.unwrap();
        outbox.close();
        let mut out = Vec::new();
        pump(frames, &mut out).await;
        let mut expected = framed(r#"{"method":"direct"}"#);
        expected.extend(first);
        expected.extend(second);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[tokio::test]
    async fn nothing_queued_after_close_is_written() {
        let (outbox, _writer, frames) = channel();
        outbox.send(b"{}");
        outbox.close();
        outbox.send(b"[]");
        let mut out = Vec::new();
        pump(frames, &mut out).await;
        assert_eq!(out, b"Content-Length: 2\r\n\r\n{}");
    }
}
