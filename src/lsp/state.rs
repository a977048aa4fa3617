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
use crate::input::{ClientOptions, FileSettings, Settings};

#[derive(Default)]
pub struct World {
    pub encoding: Encoding,
    pub docs: HashMap<lsp::Uri, Document>,
    /// Workspace root, where `newsls.toml` is looked for.
    pub root: Option<PathBuf>,
    /// What the last `newsls.toml` that parsed sets (nothing when none).
    pub file_settings: FileSettings,
    pub client_options: ClientOptions,
    /// Whether the client can register file watchers dynamically.
    pub dynamic_watchers: bool,
    /// Summaries of the workspace's articles from disk. For an open
    /// document the editor's copy wins: features use its snapshot instead.
    pub index: HashMap<lsp::Uri, std::sync::Arc<crate::corpus::index::Summary>>,
    /// The text of `newsls.toml` (the editor's copy when open, else the
    /// disk's), kept so requests never read the disk.
    pub settings_text: Option<String>,
    /// `.ann` files open in the editor, by URI.
    pub ann_docs: HashMap<lsp::Uri, String>,
}

impl World {
    /// The settings in force: the defaults, then the client's options,
    /// then what `newsls.toml` sets (the file wins; README, "Settings
    /// precedence").
    pub fn settings(&self) -> Settings {
        Settings::resolve(&self.file_settings, &self.client_options)
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

pub fn is_ann_file(uri: &lsp::Uri) -> bool {
    uri.as_str().ends_with(".ann")
}

impl World {
    pub fn columns(&self) -> crate::corpus::index::Columns {
        match self.encoding {
            super::convert::Encoding::Utf8 => crate::corpus::index::Columns::Utf8,
            super::convert::Encoding::Utf16 => crate::corpus::index::Columns::Utf16,
        }
    }

    /// Index entries of the articles that are not open.
    pub fn closed_summaries(
        &self,
    ) -> impl Iterator<Item = (&lsp::Uri, &std::sync::Arc<crate::corpus::index::Summary>)> {
        self.index
            .iter()
            .filter(|(u, _)| !self.docs.contains_key(*u))
    }
}
