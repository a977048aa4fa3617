//! Settings: `newsls.toml` (opened, edited, saved, or changed on disk)
//! and the client's options. A good file replaces the settings and every
//! open article is re-analysed; a broken one is shown as a `config-error`
//! on the file while the last good settings stay.

use tower_lsp_server::ls_types::*;

use super::super::state::is_settings_file;
use super::super::{convert, Server};
use crate::analysis::FindingKind;
use crate::ide::diagnostics::Diagnostic;
use crate::input::{ClientOptions, FileSettings};

impl Server {
    /// Applies the text of a `newsls.toml`: on success the settings change
    /// and every open article is re-analysed; on error the last good
    /// settings stay and the error is shown on the file.
    pub(super) async fn apply_settings_text(&self, uri: Option<Uri>, text: &str) {
        self.world().settings_text = Some(text.to_string());
        let enc = self.encoding();
        let parsed = FileSettings::parse(text);
        let mut diags = Vec::new();
        // The same settings again (read at start, then when the client is
        // ready; saved unchanged) change nothing: no document is
        // re-analysed or re-published, which with `run = "on-save"` would
        // look like publishing on a change.
        let mut changed = true;
        match parsed {
            Ok(settings) => {
                let mut w = self.world();
                changed = w.file_settings != settings;
                w.file_settings = settings;
                if changed {
                    w.invalidate();
                }
            }
            Err(e) => {
                tracing::warn!("newsls.toml: {e}; keeping the last good settings");
                let kind = FindingKind::ConfigError;
                let d = Diagnostic {
                    range: e.range,
                    severity: self.world().settings().severities.get(kind),
                    code: kind.code(),
                    message: format!("{} (the last good settings stay in force)", e.message),
                    related: Vec::new(),
                };
                if let Some(uri) = &uri {
                    diags.extend(convert::file_diagnostic(text, enc, uri, &d));
                }
            }
        }
        if let Some(uri) = uri {
            self.publish(uri, diags);
        }
        if changed {
            self.schedule_all();
        }
    }

    pub(super) async fn reload_settings_from_disk(&self) {
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
                if w.file_settings == FileSettings::default() {
                    // No file before either: nothing changes.
                    return;
                }
                w.file_settings = FileSettings::default();
                w.invalidate();
                drop(w);
                self.schedule_all();
            }
        }
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
