//! What each LSP method does. Handlers that change state do it in a short
//! synchronous section before their first `.await`; handlers that read take
//! a snapshot and compute in `spawn_blocking`, where a panic becomes an
//! `InternalError` reply and a log line instead of a dead server.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::convert::{self, Encoding};
use super::documents::Document;
use super::state::{is_ann_file, is_settings_file};
use super::{capabilities, Server};
use crate::analysis::FindingKind;
use crate::ide::{self, outline::GroupBy, Snapshot};
use crate::input::{ClientOptions, Settings};
use crate::text::{LineIndex, TextRange};

// Running work off the protocol task.

/// Runs `f` on the blocking pool; a panic is logged and answered with an
/// internal error.
async fn blocking<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    match tokio::task::spawn_blocking(move || std::panic::catch_unwind(AssertUnwindSafe(f))).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(panic)) => {
            tracing::error!("{what} panicked: {}", panic_message(panic.as_ref()));
            Err(Error::internal_error())
        }
        Err(e) => {
            tracing::error!("{what} failed: {e}");
            Err(Error::internal_error())
        }
    }
}

use crate::corpus::files::panic_message;

/// Runs a request handler; a panic is logged and answered with an internal
/// error instead of ending the server.
pub async fn guard<T>(
    what: &'static str,
    fut: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    use futures::FutureExt;
    match AssertUnwindSafe(fut).catch_unwind().await {
        Ok(res) => res,
        Err(panic) => {
            tracing::error!("{what} panicked: {}", panic_message(panic.as_ref()));
            Err(Error::internal_error())
        }
    }
}

/// Runs a notification handler; a panic is logged.
pub async fn guard_notification(what: &'static str, fut: impl std::future::Future<Output = ()>) {
    use futures::FutureExt;
    if let Err(panic) = AssertUnwindSafe(fut).catch_unwind().await {
        tracing::error!("{what} panicked: {}", panic_message(panic.as_ref()));
    }
}

impl Server {
    /// The analysis of the current version of a document, computed if
    /// missing.
    async fn snapshot(&self, uri: &Uri) -> Result<Arc<Snapshot>> {
        let (text, version, format, settings, annotations, memo) = {
            let w = self.world();
            let doc = w.docs.get(uri).ok_or_else(|| {
                Error::invalid_params(format!("document {} is not open", uri.as_str()))
            })?;
            if let Some(s) = doc.snapshot.as_ref().filter(|s| s.version == doc.version) {
                return Ok(s.clone());
            }
            (
                doc.text(),
                doc.version,
                doc.format,
                w.settings(),
                doc.annotations.clone(),
                doc.memo.clone(),
            )
        };
        let snap = Arc::new(
            blocking("analysis", move || {
                // Two analyses of one document at once: the second goes
                // without the memo rather than wait (same result either way).
                let mut memo = memo.try_lock().ok();
                Snapshot::with_annotations(
                    version,
                    &text,
                    format,
                    settings,
                    annotations,
                    memo.as_deref_mut(),
                )
            })
            .await?,
        );
        let mut w = self.world();
        if let Some(doc) = w.docs.get_mut(uri).filter(|d| d.version == version) {
            doc.snapshot = Some(snap.clone());
        }
        Ok(snap)
    }

    /// Snapshots of every open article but `except`.
    async fn other_snapshots(&self, except: &Uri) -> Vec<Arc<Snapshot>> {
        let uris: Vec<Uri> = self
            .world()
            .docs
            .keys()
            .filter(|u| *u != except)
            .cloned()
            .collect();
        let mut res = Vec::new();
        for u in uris {
            if let Ok(s) = self.snapshot(&u).await {
                res.push(s);
            }
        }
        res
    }

    pub(super) fn encoding(&self) -> Encoding {
        self.world().encoding
    }

    /// Publishes diagnostics for the current version after the debounce
    /// delay, unless a newer version arrives meanwhile.
    pub(super) fn schedule_diagnostics(&self, uri: Uri) {
        let (version, delay) = {
            let w = self.world();
            let Some(doc) = w.docs.get(&uri) else { return };
            (doc.version, w.settings().delay_ms)
        };
        let server = self.clone();
        tokio::spawn(async move {
            if delay > 0 {
                tokio::time::sleep(Duration::from_millis(delay)).await;
            }
            let current = |s: &Server| {
                s.world()
                    .docs
                    .get(&uri)
                    .is_some_and(|d| d.version == version)
            };
            if !current(&server) {
                return;
            }
            let Ok(snap) = server.snapshot(&uri).await else {
                return;
            };
            if snap.version != version {
                return;
            }
            let enc = server.encoding();
            let uri2 = uri.clone();
            let Ok(diags) = blocking("diagnostics", move || {
                ide::diagnostics::diagnostics(&snap)
                    .iter()
                    .map(|d| convert::diagnostic(&snap, enc, &uri2, d))
                    .collect::<Vec<_>>()
            })
            .await
            else {
                return;
            };
            if current(&server) {
                server
                    .client
                    .publish_diagnostics(uri, diags, Some(version))
                    .await;
            }
        });
    }

    fn schedule_all(&self) {
        let uris: Vec<Uri> = self.world().docs.keys().cloned().collect();
        for uri in uris {
            self.schedule_diagnostics(uri);
        }
    }

    /// Applies the text of a `newsls.toml`: on success the settings change
    /// and every open article is re-analysed; on error the last good
    /// settings stay and the error is shown on the file.
    async fn apply_settings_text(&self, uri: Option<Uri>, text: &str) {
        self.world().settings_text = Some(text.to_string());
        let enc = self.encoding();
        let parsed = Settings::parse(text);
        let mut diags = Vec::new();
        match parsed {
            Ok(settings) => {
                let mut w = self.world();
                w.file_settings = settings;
                w.invalidate();
            }
            Err(e) => {
                let index = LineIndex::new(text);
                let range = convert::range_in(text, &index, enc, e.range);
                let severity = self.world().settings().severities.config_error;
                tracing::warn!("newsls.toml: {e}; keeping the last good settings");
                if let Some(sev) = convert::severity(severity) {
                    diags.push(Diagnostic {
                        range,
                        severity: Some(sev),
                        code: Some(NumberOrString::String(
                            FindingKind::ConfigError.code().to_string(),
                        )),
                        source: Some("newsls".to_string()),
                        message: format!("{} (the last good settings stay in force)", e.message),
                        ..Diagnostic::default()
                    });
                }
            }
        }
        if let Some(uri) = uri {
            self.client.publish_diagnostics(uri, diags, None).await;
        }
        self.schedule_all();
    }

    async fn reload_settings_from_disk(&self) {
        let Some(path) = self.world().settings_path() else {
            return;
        };
        let uri = Uri::from_file_path(&path);
        // The editor's copy wins over the disk's.
        if let Some(u) = &uri {
            if self.world().docs.contains_key(u) {
                return;
            }
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => self.apply_settings_text(uri, &text).await,
            Err(_) => {
                let mut w = self.world();
                w.settings_text = None;
                w.file_settings = Settings::default();
                w.invalidate();
                drop(w);
                self.schedule_all();
            }
        }
    }
}

fn position_params(p: &TextDocumentPositionParams) -> (&Uri, Position) {
    (&p.text_document.uri, p.position)
}

// Lifecycle.

pub fn initialize(s: &Server, p: InitializeParams) -> Result<InitializeResult> {
    let encoding = Encoding::negotiate(
        p.capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let root = p
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| f.uri.to_file_path().map(|p| p.into_owned()));
    #[allow(deprecated)]
    let root = root.or_else(|| {
        p.root_uri
            .as_ref()
            .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
    });
    let options = match p
        .initialization_options
        .as_ref()
        .map(ClientOptions::from_json)
    {
        Some(Ok(o)) => o,
        Some(Err(e)) => {
            tracing::warn!("initializationOptions ignored: {e}");
            ClientOptions::default()
        }
        None => ClientOptions::default(),
    };
    let dynamic = p
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    {
        let mut w = s.world();
        w.encoding = encoding;
        w.root = root;
        w.client_options = options;
        w.dynamic_watchers = dynamic;
        if let Some(path) = w.settings_path() {
            if let Ok(text) = std::fs::read_to_string(&path) {
                match Settings::parse(&text) {
                    Ok(settings) => w.file_settings = settings,
                    Err(e) => tracing::warn!("{}: {e}", path.display()),
                }
                w.settings_text = Some(text);
            }
        }
    }
    Ok(InitializeResult {
        capabilities: capabilities::server_capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "newsls".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        ..InitializeResult::default()
    })
}

pub async fn initialized(s: &Server) {
    let dynamic = s.world().dynamic_watchers;
    if dynamic {
        let watcher = |glob: &str| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None,
        };
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                watcher("**/newsls.toml"),
                watcher("**/*.{txt,md,markdown,ann}"),
            ],
        };
        let registration = Registration {
            id: "newsls-watch".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = s.client.register_capability(vec![registration]).await {
            tracing::warn!("could not register file watchers: {e}");
        }
    }
    // A broken newsls.toml found at start is shown now.
    s.reload_settings_from_disk().await;
    // The corpus is indexed in the background; requests do not wait for it.
    let server = s.clone();
    tokio::spawn(async move { server.index_workspace().await });
}

// Documents.

pub async fn did_open(s: &Server, p: DidOpenTextDocumentParams) {
    let doc = p.text_document;
    if is_settings_file(&doc.uri) {
        s.world().docs.remove(&doc.uri);
        s.apply_settings_text(Some(doc.uri), &doc.text).await;
        return;
    }
    if is_ann_file(&doc.uri) {
        s.ann_changed(doc.uri, doc.text).await;
        return;
    }
    let format = Document::format_of(&doc.language_id, &doc.uri);
    s.world().docs.insert(
        doc.uri.clone(),
        Document::new(doc.version, &doc.text, format),
    );
    // Loads the .ann beside it (if any) and schedules diagnostics.
    s.refresh_annotations(&doc.uri).await;
}

pub async fn did_change(s: &Server, p: DidChangeTextDocumentParams) {
    let uri = p.text_document.uri;
    if is_ann_file(&uri) {
        let text = {
            let w = s.world();
            w.ann_docs.get(&uri).cloned()
        };
        if let Some(text) = text {
            let mut doc = Document::new(0, &text, crate::input::Format::Plain);
            if let Err(e) = doc.apply(&p.content_changes, s.encoding()) {
                tracing::error!("{}: {e}", uri.as_str());
            }
            s.ann_changed(uri, doc.text()).await;
        }
        return;
    }
    if is_settings_file(&uri) {
        // Incremental edits, applied to the editor's copy like an article's.
        let text = s.world().settings_text.clone().unwrap_or_default();
        let mut doc = Document::new(0, &text, crate::input::Format::Plain);
        if let Err(e) = doc.apply(&p.content_changes, s.encoding()) {
            tracing::error!("{}: {e}", uri.as_str());
        }
        s.apply_settings_text(Some(uri), &doc.text()).await;
        return;
    }
    // Applied synchronously, before any `.await`: edits keep their order.
    let result = {
        let mut w = s.world();
        let enc = w.encoding;
        match w.docs.get_mut(&uri) {
            None => Err(format!(
                "didChange for {}, which is not open; ignored",
                uri.as_str()
            )),
            Some(doc) => {
                if p.text_document.version < doc.version {
                    tracing::warn!(
                        "{}: version went back from {} to {}",
                        uri.as_str(),
                        doc.version,
                        p.text_document.version
                    );
                }
                doc.version = p.text_document.version;
                doc.apply(&p.content_changes, enc)
            }
        }
    };
    if let Err(e) = result {
        tracing::error!("{e}");
    }
    s.schedule_diagnostics(uri);
}

pub async fn did_save(s: &Server, p: DidSaveTextDocumentParams) {
    if is_settings_file(&p.text_document.uri) {
        s.reload_settings_from_disk().await;
    }
}

pub async fn did_close(s: &Server, p: DidCloseTextDocumentParams) {
    let uri = p.text_document.uri;
    let was_ann = s.world().ann_docs.remove(&uri).is_some();
    s.world().docs.remove(&uri);
    s.client
        .publish_diagnostics(uri.clone(), Vec::new(), None)
        .await;
    if is_settings_file(&uri) {
        s.reload_settings_from_disk().await;
    } else if was_ann {
        // Back to the disk's copy for the article, if it is open.
        if let Some(article) = super::annfiles::article_of(&uri) {
            s.refresh_annotations(&article).await;
        }
    } else {
        // The disk's copy of a closed article goes back to the index.
        s.file_changed(&uri, FileChangeType::CHANGED).await;
    }
}

pub async fn did_change_configuration(s: &Server, p: DidChangeConfigurationParams) {
    match ClientOptions::from_json(&p.settings) {
        Ok(options) => {
            let mut w = s.world();
            w.client_options = options;
            w.invalidate();
        }
        Err(e) => {
            tracing::warn!("newsls settings ignored: {e}");
            return;
        }
    }
    s.schedule_all();
}

pub async fn did_change_watched_files(s: &Server, p: DidChangeWatchedFilesParams) {
    if p.changes.iter().any(|c| is_settings_file(&c.uri)) {
        s.reload_settings_from_disk().await;
    }
    for c in p.changes.iter().filter(|c| !is_settings_file(&c.uri)) {
        s.file_changed(&c.uri, c.typ).await;
    }
}

// Features.

pub async fn hover(s: &Server, p: HoverParams) -> Result<Option<Hover>> {
    let (uri, pos) = position_params(&p.text_document_position_params);
    if is_ann_file(uri) {
        return Ok(super::annfiles::hover(s, uri, pos));
    }
    let snap = s.snapshot(uri).await?;
    let others = s.other_snapshots(uri).await;
    let enc = s.encoding();
    let offset = convert::offset(&snap, enc, pos)?;
    let world = s.world.clone();
    blocking("hover", move || {
        let refs: Vec<&Snapshot> = others.iter().map(|o| o.as_ref()).collect();
        let counts = |key: &str| {
            let mut c = ide::hover::counts_in(&refs, key);
            let w = world.lock().unwrap_or_else(|p| p.into_inner());
            let (m, q, a, aq) =
                crate::corpus::index::counts(w.closed_summaries().map(|(_, s)| s), key);
            c.mentions += m;
            c.quotes += q;
            c.articles += a;
            c.articles_quoting += aq;
            c
        };
        ide::hover::hover(&snap, offset, &counts).map(|h| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: h.markdown,
            }),
            range: Some(convert::range(&snap, enc, h.range)),
        })
    })
    .await
}

pub async fn document_symbol(
    s: &Server,
    p: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    blocking("documentSymbol", move || {
        let group = GroupBy::parse(&snap.settings.outline_group_by).unwrap_or_default();
        let symbols = ide::outline::outline(&snap, group);
        Some(DocumentSymbolResponse::Nested(
            symbols
                .iter()
                .map(|sym| convert::document_symbol(&snap, enc, sym))
                .collect(),
        ))
    })
    .await
}

/// Location of an actor's `name = "…"` in `newsls.toml`, if registered.
fn registry_location(s: &Server, name: &str) -> Option<Location> {
    let (path, enc, text) = {
        let w = s.world();
        (w.settings_path()?, w.encoding, w.settings_text.clone()?)
    };
    let (r, _) = ide::rename::settings_edit(&text, name, name)?;
    let index = LineIndex::new(&text);
    Some(Location::new(
        Uri::from_file_path(&path)?,
        convert::range_in(&text, &index, enc, r),
    ))
}

pub async fn definition(
    s: &Server,
    p: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    let (uri, pos) = position_params(&p.text_document_position_params);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let offset = convert::offset(&snap, enc, pos)?;
    let Some(m) = snap.analysis.mention_at(offset) else {
        return Ok(None);
    };
    let actor = &snap.analysis.actors[m.actor];
    if actor.registered {
        if let Some(loc) = registry_location(s, &actor.name) {
            return Ok(Some(GotoDefinitionResponse::Scalar(loc)));
        }
    }
    Ok(ide::navigation::definition(&snap, offset).map(|r| {
        GotoDefinitionResponse::Scalar(Location::new(uri.clone(), convert::range(&snap, enc, r)))
    }))
}

pub async fn references(s: &Server, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let (uri, pos) = position_params(&p.text_document_position);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let offset = convert::offset(&snap, enc, pos)?;
    let Some((_, key)) = ide::navigation::actor_at(&snap, offset) else {
        return Ok(None);
    };
    let mut res: Vec<Location> = ide::navigation::mentions(&snap, &key)
        .into_iter()
        .map(|r| Location::new(uri.clone(), convert::range(&snap, enc, r)))
        .collect();
    let uris: Vec<Uri> = s
        .world()
        .docs
        .keys()
        .filter(|u| *u != uri)
        .cloned()
        .collect();
    for other in uris {
        if let Ok(o) = s.snapshot(&other).await {
            res.extend(
                ide::navigation::mentions(&o, &key)
                    .into_iter()
                    .map(|r| Location::new(other.clone(), convert::range(&o, enc, r))),
            );
        }
    }
    let w = s.world();
    for (u, summary) in w.closed_summaries() {
        if let Some(a) = summary.actor(&key) {
            res.extend(
                a.mentions
                    .iter()
                    .map(|(span, _)| Location::new(u.clone(), span_range(*span))),
            );
        }
    }
    Ok(Some(res))
}

fn span_range(s: crate::corpus::index::Span) -> Range {
    Range::new(
        Position::new(s.start.line, s.start.col),
        Position::new(s.end.line, s.end.col),
    )
}

pub async fn document_highlight(
    s: &Server,
    p: DocumentHighlightParams,
) -> Result<Option<Vec<DocumentHighlight>>> {
    let (uri, pos) = position_params(&p.text_document_position_params);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let offset = convert::offset(&snap, enc, pos)?;
    let Some((_, key)) = ide::navigation::actor_at(&snap, offset) else {
        return Ok(None);
    };
    Ok(Some(
        ide::navigation::mentions(&snap, &key)
            .into_iter()
            .map(|r| DocumentHighlight {
                range: convert::range(&snap, enc, r),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect(),
    ))
}

pub async fn prepare_rename(
    s: &Server,
    p: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    let (uri, pos) = position_params(&p);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let offset = convert::offset(&snap, enc, pos)?;
    let Some(m) = snap.analysis.mention_at(offset) else {
        return Ok(None);
    };
    let actor = &snap.analysis.actors[m.actor];
    Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(&snap, enc, m.range),
        placeholder: actor.name.clone(),
    }))
}

pub async fn rename(s: &Server, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let (uri, pos) = position_params(&p.text_document_position);
    let new_name = p.new_name.trim().to_string();
    if new_name.is_empty() {
        return Err(Error::invalid_params("the new name is empty"));
    }
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let offset = convert::offset(&snap, enc, pos)?;
    let Some(m) = snap.analysis.mention_at(offset) else {
        return Ok(None);
    };
    let old_name = snap.analysis.actors[m.actor].name.clone();
    let key = crate::analysis::actor_key(&old_name);
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    let uris: Vec<Uri> = s.world().docs.keys().cloned().collect();
    for u in uris {
        if let Ok(o) = s.snapshot(&u).await {
            let edits = ide::rename::edits(&o, &key, &old_name, &new_name);
            if !edits.is_empty() {
                changes.insert(u.clone(), convert::edits(&o, enc, &edits));
            }
        }
    }
    {
        let w = s.world();
        for (u, summary) in w.closed_summaries() {
            if let Some(a) = summary.actor(&key) {
                let edits: Vec<TextEdit> = a
                    .mentions
                    .iter()
                    .filter(|(_, full)| *full)
                    .map(|(span, _)| TextEdit::new(span_range(*span), new_name.clone()))
                    .collect();
                if !edits.is_empty() {
                    changes.insert(u.clone(), edits);
                }
            }
        }
    }
    let settings = {
        let w = s.world();
        w.settings_path().zip(w.settings_text.clone())
    };
    if let Some((path, text)) = settings {
        {
            if let (Some((r, new)), Some(u)) = (
                ide::rename::settings_edit(&text, &old_name, &new_name),
                Uri::from_file_path(&path),
            ) {
                let index = LineIndex::new(&text);
                changes
                    .entry(u)
                    .or_default()
                    .push(TextEdit::new(convert::range_in(&text, &index, enc, r), new));
            }
        }
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}

pub async fn code_action(s: &Server, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
    let uri = p.text_document.uri;
    let snap = s.snapshot(&uri).await?;
    let enc = s.encoding();
    let range = convert::text_range(&snap, enc, p.range)?;
    let (settings_path, settings_text) = {
        let w = s.world();
        (w.settings_path(), w.settings_text.clone())
    };
    let actions = ide::code_actions::actions(&snap, range);
    let mut res = Vec::new();
    for a in actions {
        let edit = match &a.settings_entry {
            None => WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri.clone(),
                    convert::edits(&snap, enc, &a.edits),
                )])),
                ..WorkspaceEdit::default()
            },
            Some(entry) => match settings_entry_edit(
                settings_path.as_deref(),
                settings_text.as_deref(),
                entry,
                enc,
            ) {
                Some(e) => e,
                None => continue,
            },
        };
        let diagnostics = a.fixes.map(|(r, code)| {
            vec![Diagnostic {
                range: convert::range(&snap, enc, r),
                code: Some(NumberOrString::String(code.to_string())),
                source: Some("newsls".to_string()),
                ..Diagnostic::default()
            }]
        });
        res.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: a.title,
            kind: Some(match a.kind {
                ide::code_actions::ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                ide::code_actions::ActionKind::Refactor => CodeActionKind::REFACTOR,
            }),
            diagnostics,
            edit: Some(edit),
            ..CodeAction::default()
        }));
    }
    Ok(Some(res))
}

/// Appends an `[[actor]]` entry to `newsls.toml`, creating the file when
/// it does not exist.
fn settings_entry_edit(
    path: Option<&std::path::Path>,
    text: Option<&str>,
    entry: &str,
    enc: Encoding,
) -> Option<WorkspaceEdit> {
    let path = path?;
    let uri = Uri::from_file_path(path)?;
    match text {
        Some(text) => {
            let index = LineIndex::new(text);
            let end = convert::position_in(text, &index, enc, text.len());
            let prefix = if text.ends_with('\n') || text.is_empty() {
                ""
            } else {
                "\n"
            };
            Some(WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri,
                    vec![TextEdit::new(
                        Range::new(end, end),
                        format!("{prefix}{entry}"),
                    )],
                )])),
                ..WorkspaceEdit::default()
            })
        }
        None => Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: uri.clone(),
                    options: Some(CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                    edits: vec![OneOf::Left(TextEdit::new(
                        Range::default(),
                        format!("# newsls settings\n{entry}"),
                    ))],
                }),
            ])),
            ..WorkspaceEdit::default()
        }),
    }
}

pub async fn inlay_hint(s: &Server, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    let range =
        convert::text_range(&snap, enc, p.range).unwrap_or(TextRange::new(0, snap.text().len()));
    Ok(Some(
        ide::inlay_hints::hints(&snap, range)
            .into_iter()
            .map(|h| InlayHint {
                position: convert::position(&snap, enc, h.offset),
                label: InlayHintLabel::String(h.label),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(h.tooltip)),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect(),
    ))
}

pub async fn semantic_tokens_full(
    s: &Server,
    p: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    blocking("semanticTokens", move || {
        let tokens = ide::semantic_tokens::tokens(&snap, TextRange::new(0, snap.text().len()));
        Some(SemanticTokensResult::Tokens(SemanticTokens {
            result_id: None,
            data: convert::semantic_tokens(&snap, enc, &tokens),
        }))
    })
    .await
}

pub async fn semantic_tokens_range(
    s: &Server,
    p: SemanticTokensRangeParams,
) -> Result<Option<SemanticTokensRangeResult>> {
    let snap = s.snapshot(&p.text_document.uri).await?;
    let enc = s.encoding();
    let range = convert::text_range(&snap, enc, p.range)?;
    blocking("semanticTokens", move || {
        let tokens = ide::semantic_tokens::tokens(&snap, range);
        Some(SemanticTokensRangeResult::Tokens(SemanticTokens {
            result_id: None,
            data: convert::semantic_tokens(&snap, enc, &tokens),
        }))
    })
    .await
}

pub async fn completion(s: &Server, p: CompletionParams) -> Result<Option<CompletionResponse>> {
    let (uri, pos) = position_params(&p.text_document_position);
    let snap = s.snapshot(uri).await?;
    let others = s.other_snapshots(uri).await;
    let enc = s.encoding();
    let offset = convert::offset(&snap, enc, pos)?;
    let refs: Vec<&Snapshot> = others.iter().map(|o| o.as_ref()).collect();
    let items = ide::completion::complete(&snap, offset, &refs)
        .into_iter()
        .map(|i| CompletionItem {
            label: i.label.clone(),
            kind: Some(CompletionItemKind::REFERENCE),
            detail: Some(i.detail),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                convert::range(&snap, enc, i.replace),
                i.label,
            ))),
            ..CompletionItem::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}

#[allow(deprecated)] // `SymbolInformation::deprecated` must be set.
pub async fn workspace_symbol(
    s: &Server,
    p: WorkspaceSymbolParams,
) -> Result<Option<WorkspaceSymbolResponse>> {
    let uris: Vec<Uri> = s.world().docs.keys().cloned().collect();
    let enc = s.encoding();
    let mut res = Vec::new();
    for uri in uris {
        let Ok(snap) = s.snapshot(&uri).await else {
            continue;
        };
        for sym in ide::workspace_symbols::symbols(&snap, &p.query) {
            res.push(SymbolInformation {
                name: sym.name,
                kind: convert::symbol_kind(sym.kind),
                tags: None,
                deprecated: None,
                location: Location::new(uri.clone(), convert::range(&snap, enc, sym.range)),
                container_name: Some(sym.container),
            });
        }
    }
    let w = s.world();
    for (uri, summary) in w.closed_summaries() {
        for a in summary
            .actors
            .iter()
            .filter(|a| a.named && ide::workspace_symbols::fuzzy_match(&p.query, &a.name))
        {
            let Some((span, _)) = a.mentions.first() else {
                continue;
            };
            res.push(SymbolInformation {
                name: a.name.clone(),
                kind: convert::symbol_kind(ide::outline::SymbolKind::Actor(a.kind)),
                tags: None,
                deprecated: None,
                location: Location::new(uri.clone(), span_range(*span)),
                container_name: Some(a.kind.as_str().to_string()),
            });
        }
        for q in &summary.quotes {
            let speaker = q
                .speaker
                .and_then(|i| summary.actors.get(i as usize))
                .map_or("unattributed", |a| a.name.as_str());
            if ide::workspace_symbols::fuzzy_match(&p.query, &q.excerpt)
                || ide::workspace_symbols::fuzzy_match(&p.query, speaker)
            {
                res.push(SymbolInformation {
                    name: q.excerpt.clone(),
                    kind: SymbolKind::STRING,
                    tags: None,
                    deprecated: None,
                    location: Location::new(uri.clone(), span_range(q.span)),
                    container_name: Some(speaker.to_string()),
                });
            }
        }
    }
    Ok(Some(WorkspaceSymbolResponse::Flat(res)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn panics_become_error_replies_and_logs() {
        let r: Result<u32> = guard("test", async { panic!("boom") }).await;
        assert_eq!(
            r.unwrap_err().code,
            tower_lsp_server::jsonrpc::ErrorCode::InternalError
        );
        guard_notification("test", async { panic!("boom") }).await;
        let r: Result<u32> = blocking("test", || panic!("boom")).await;
        assert!(r.is_err());
        assert_eq!(guard("test", async { Ok(7) }).await.unwrap(), 7);
    }
}
