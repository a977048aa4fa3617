//! The server's state: one writer, many readers.
//!
//! `World` is behind a `std::sync::Mutex` held only for short synchronous
//! sections, never across an `.await`. Notifications that change documents
//! apply their edits inside that section before their first `.await`, so
//! they take effect in the order received even though the framework runs up
//! to four handlers at once. Readers take an `Arc<Snapshot>` of one version
//! and compute on it in `spawn_blocking`.

use std::collections::HashMap;
use std::path::PathBuf;

use tower_lsp_server::ls_types as lsp;

use super::convert::Encoding;
use super::documents::Document;
use crate::input::{ClientOptions, Settings};

#[derive(Default)]
pub struct World {
    pub encoding: Encoding,
    pub docs: HashMap<lsp::Uri, Document>,
    /// Workspace root, where `newsls.toml` is looked for.
    pub root: Option<PathBuf>,
    /// The last `newsls.toml` that parsed (defaults when none).
    pub file_settings: Settings,
    pub client_options: ClientOptions,
    /// Whether the client can register file watchers dynamically.
    pub dynamic_watchers: bool,
}

impl World {
    /// The settings in force: `newsls.toml`, then the client's options.
    pub fn settings(&self) -> Settings {
        self.file_settings.with_client(&self.client_options)
    }

    pub fn settings_path(&self) -> Option<PathBuf> {
        self.root.as_ref().map(|r| r.join("newsls.toml"))
    }

    /// Forgets every analysis (settings changed).
    pub fn invalidate(&mut self) {
        for d in self.docs.values_mut() {
            d.snapshot = None;
        }
    }
}

pub fn is_settings_file(uri: &lsp::Uri) -> bool {
    uri.as_str().ends_with("/newsls.toml")
}
