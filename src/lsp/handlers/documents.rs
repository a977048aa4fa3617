//! Documents opened, edited, saved and closed. Edits are applied in a
//! short synchronous section before the first `.await`, so they keep the
//! order in which they were received.
//!
//! Diagnostics follow `diagnostics.run`: with `onType` (the default) every
//! change schedules them; with `onSave` only opening and saving do, and a
//! change analyses nothing by itself (a request still analyses the
//! current text when it needs to: see `handlers/mod.rs`).

use tower_lsp_server::ls_types::*;

use super::super::documents::Document;
use super::super::state::{is_ann_file, is_settings_file};
use super::super::Server;
use crate::input::Run;

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
    if s.world().settings().run == Run::OnType {
        s.schedule_diagnostics(uri);
    }
}

pub async fn did_save(s: &Server, p: DidSaveTextDocumentParams) {
    let uri = p.text_document.uri;
    if is_settings_file(&uri) {
        s.reload_settings_from_disk().await;
        return;
    }
    // With `onType` the diagnostics of the saved text are already out.
    let article = {
        let w = s.world();
        w.docs.contains_key(&uri) && w.settings().run == Run::OnSave
    };
    if article {
        s.schedule_diagnostics(uri);
    }
}

pub async fn did_close(s: &Server, p: DidCloseTextDocumentParams) {
    let uri = p.text_document.uri;
    let was_ann = s.world().ann_docs.remove(&uri).is_some();
    s.world().docs.remove(&uri);
    s.publish(uri.clone(), Vec::new());
    if is_settings_file(&uri) {
        s.reload_settings_from_disk().await;
    } else if was_ann {
        // Back to the disk's copy for the article, if it is open.
        if let Some(article) = super::super::annfiles::article_of(&uri) {
            s.refresh_annotations(&article).await;
        }
    } else {
        // The disk's copy of a closed article goes back to the index.
        s.file_changed(&uri, FileChangeType::CHANGED).await;
    }
}
