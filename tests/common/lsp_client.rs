//! A minimal LSP client over an in-memory duplex pipe with real
//! Content-Length framing, shared by the integration tests and the latency
//! bench.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

type Writer = Box<dyn AsyncWrite + Unpin + Send>;
type Reader = BufReader<Box<dyn AsyncRead + Unpin + Send>>;

pub struct Client {
    write: Writer,
    read: Reader,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pub notifications: VecDeque<Value>,
    /// When the message last returned by `diagnostics` or `request` had
    /// arrived whole, before the client parsed it; `None` when it had
    /// been read earlier and queued. The benches time the server with it,
    /// and the client's parsing apart.
    pub arrived: Option<Instant>,
    last_read: Instant,
}

impl Client {
    /// A client over any pair of streams (a pipe to an in-process server, a
    /// child process's stdout and stdin); nothing is sent yet.
    pub fn over(
        read: impl AsyncRead + Unpin + Send + 'static,
        write: impl AsyncWrite + Unpin + Send + 'static,
    ) -> Client {
        Client {
            write: Box::new(write),
            read: BufReader::new(Box::new(read)),
            next_id: 0,
            notifications: VecDeque::new(),
            arrived: None,
            last_read: Instant::now(),
        }
    }

    /// Starts a server and initializes it with the given client
    /// capabilities and options.
    pub async fn start(encodings: &[&str], options: Value) -> Client {
        let (client_io, server_io) = tokio::io::duplex(1 << 22);
        let (sr, sw) = tokio::io::split(server_io);
        tokio::spawn(newsls::lsp::serve(sr, sw));
        let (cr, cw) = tokio::io::split(client_io);
        let mut c = Client::over(cr, cw);
        let init = c
            .request(
                "initialize",
                json!({
                    "capabilities": {"general": {"positionEncodings": encodings}},
                    "initializationOptions": options,
                }),
            )
            .await;
        assert!(
            init["result"]["capabilities"]["hoverProvider"]
                .as_bool()
                .unwrap_or(false),
            "{init}"
        );
        c.notify("initialized", json!({})).await;
        c
    }

    pub async fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.write.write_all(frame.as_bytes()).await.unwrap();
    }

    pub async fn send_raw(&mut self, bytes: &[u8]) {
        self.write.write_all(bytes).await.unwrap();
    }

    pub async fn recv(&mut self) -> Value {
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            let n = self.read.read_line(&mut line).await.unwrap();
            assert!(n > 0, "server closed the stream");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        self.read.read_exact(&mut body).await.unwrap();
        self.last_read = Instant::now();
        serde_json::from_slice(&body).unwrap()
    }

    /// Reads one message; answers requests from the server (capability
    /// registration) and keeps notifications.
    async fn pump(&mut self) -> Value {
        loop {
            let msg = self.recv().await;
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": null});
                self.send(&reply).await;
                continue;
            }
            return msg;
        }
    }

    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(90), self.pump())
                .await
                .expect("response in time");
            if msg.get("id") == Some(&json!(id)) {
                self.arrived = Some(self.last_read);
                return msg;
            }
            self.notifications.push_back(msg);
        }
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// The diagnostics published for `uri` at `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        };
        // The list is taken out of the message, not copied: the benches
        // time this with lists of thousands.
        let list = |mut m: Value| match m["params"]["diagnostics"].take() {
            Value::Array(list) => list,
            _ => Vec::new(),
        };
        if let Some(i) = self.notifications.iter().position(matches) {
            let m = self.notifications.remove(i).unwrap();
            self.arrived = None;
            return list(m);
        }
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(90), self.pump())
                .await
                .expect("diagnostics in time");
            if matches(&msg) {
                self.arrived = Some(self.last_read);
                return list(msg);
            }
            self.notifications.push_back(msg);
        }
    }

    pub async fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": language, "version": 0, "text": text}})).await;
    }

    pub async fn server_text(&mut self, uri: &str) -> String {
        let r = self
            .request("newsls/documentText", json!({"uri": uri}))
            .await;
        r["result"].as_str().unwrap_or_default().to_string()
    }
}

impl Client {
    /// Starts a server on a workspace folder, with file watching and
    /// work-done progress offered.
    pub async fn start_in(root: &std::path::Path, options: Value) -> Client {
        let (client_io, server_io) = tokio::io::duplex(1 << 22);
        let (sr, sw) = tokio::io::split(server_io);
        tokio::spawn(newsls::lsp::serve(sr, sw));
        let (cr, cw) = tokio::io::split(client_io);
        let mut c = Client::over(cr, cw);
        let uri = format!("file://{}", root.display());
        let init = c
            .request(
                "initialize",
                json!({
                    "capabilities": {
                        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                        "window": {"workDoneProgress": true},
                    },
                    "workspaceFolders": [{"uri": uri, "name": "corpus"}],
                    "initializationOptions": options,
                }),
            )
            .await;
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        c.notify("initialized", json!({})).await;
        c
    }

    /// Waits for the end of the indexing progress.
    pub async fn indexed(&mut self) -> String {
        let is_end =
            |m: &Value| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end";
        if let Some(i) = self.notifications.iter().position(is_end) {
            let m = self.notifications.remove(i).unwrap();
            return m["params"]["value"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_string();
        }
        loop {
            let m = tokio::time::timeout(Duration::from_secs(60), self.pump())
                .await
                .expect("indexing ends");
            if is_end(&m) {
                return m["params"]["value"]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
            }
            self.notifications.push_back(m);
        }
    }
}

impl Client {
    /// Waits for a notification that `matches`, answering the server's
    /// requests meanwhile.
    pub async fn notification(&mut self, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.notifications.iter().position(&matches) {
            return self.notifications.remove(i).unwrap();
        }
        loop {
            let m = tokio::time::timeout(Duration::from_secs(60), self.pump())
                .await
                .expect("notification in time");
            if matches(&m) {
                return m;
            }
            self.notifications.push_back(m);
        }
    }
}
