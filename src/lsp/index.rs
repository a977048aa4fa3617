//! The workspace index: every article under the root (filtered by the
//! `[files]` globs of `newsls.toml`) summarised in the background with
//! work-done progress, never blocking requests; kept current by watched-file
//! events. Open documents are served from their snapshots, not the index.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use tower_lsp_server::ls_types::*;

use super::Server;
use crate::corpus::files::{analyse_file, collect_paths, included};
use crate::corpus::index::{summarize, Columns, Summary};
use crate::ide::english::count;
use crate::input::Settings;

/// Articles summarised per batch between two progress reports.
const BATCH: usize = 256;

fn summarise_path(path: &Path, settings: &Settings, columns: Columns) -> Option<(Uri, Summary)> {
    let text = std::fs::read_to_string(path).ok()?;
    // An article the analysis fails on is left out of the index (and logged
    // by the panic hook), the others are indexed.
    let input =
        std::panic::catch_unwind(|| analyse_file(path.to_path_buf(), &text, settings.clone()))
            .ok()?;
    let uri = Uri::from_file_path(path)?;
    Some((
        uri,
        summarize(&input.article.text, &input.analysis, columns),
    ))
}

impl Server {
    pub(super) async fn index_workspace(&self) {
        let (root, settings, columns) = {
            let w = self.world();
            let Some(root) = w.root.clone() else { return };
            (root, w.settings(), w.columns())
        };
        let token = NumberOrString::String("newsls-index".to_string());
        let progress = match self.client.create_work_done_progress(token.clone()).await {
            Ok(()) => Some(
                self.client
                    .progress(token, "newsls: indexing")
                    .with_percentage(0)
                    .begin()
                    .await,
            ),
            Err(_) => None,
        };
        let started = std::time::Instant::now();
        let walk_root = root.clone();
        let walk_settings = settings.clone();
        let paths: Vec<PathBuf> = tokio::task::spawn_blocking(move || {
            let (files, _) = collect_paths(std::slice::from_ref(&walk_root));
            files
                .into_iter()
                .filter(|p| included(&walk_settings, Some(&walk_root), p))
                .collect()
        })
        .await
        .unwrap_or_default();
        let total = paths.len();
        let mut done = 0;
        for chunk in paths.chunks(BATCH) {
            let chunk = chunk.to_vec();
            let settings = settings.clone();
            let summaries = tokio::task::spawn_blocking(move || {
                chunk
                    .par_iter()
                    .filter_map(|p| summarise_path(p, &settings, columns))
                    .collect::<Vec<_>>()
            })
            .await
            .unwrap_or_default();
            done += BATCH.min(total - done);
            self.world()
                .index
                .extend(summaries.into_iter().map(|(u, s)| (u, Arc::new(s))));
            if let Some(p) = &progress {
                let pct = (done * 100 / total.max(1)) as u32;
                p.report_with_message(format!("{done}/{total} articles"), pct)
                    .await;
            }
        }
        let secs = started.elapsed().as_secs_f64();
        let articles = count(total, "article", "articles");
        tracing::info!("indexed {articles} in {secs:.2} s");
        if let Some(p) = progress {
            p.finish_with_message(format!("{articles} indexed")).await;
        }
    }

    /// A file changed on disk (watched-file event).
    pub(super) async fn file_changed(&self, uri: &Uri, kind: FileChangeType) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else {
            return;
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if ext == "ann" {
            // The article it annotates: refresh it whether open or indexed.
            let Some(article) = super::annfiles::article_of(uri) else {
                return;
            };
            if self.world().docs.contains_key(&article) {
                self.refresh_annotations(&article).await;
            } else if let Some(p) = article.to_file_path() {
                let p = p.into_owned();
                self.reindex(&p).await;
            }
            return;
        }
        if !matches!(ext.as_str(), "txt" | "md" | "markdown") {
            return;
        }
        if kind == FileChangeType::DELETED {
            self.world().index.remove(uri);
            return;
        }
        self.reindex(&path).await;
    }

    async fn reindex(&self, path: &Path) {
        let (settings, columns, root) = {
            let w = self.world();
            (w.settings(), w.columns(), w.root.clone())
        };
        if !included(&settings, root.as_deref(), path) {
            return;
        }
        let p = path.to_path_buf();
        if let Ok(Some((uri, summary))) =
            tokio::task::spawn_blocking(move || summarise_path(&p, &settings, columns)).await
        {
            self.world().index.insert(uri, Arc::new(summary));
        }
    }
}
