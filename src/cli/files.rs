//! Walking folders, reading articles and finding their `newsls.toml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::analysis::{analyze, Analysis, AnalysisConfig};
use crate::input::{Article, Format, Settings};

/// One article read from disk, analysed with the settings that apply to it.
pub struct Input {
    pub path: PathBuf,
    pub article: Article,
    pub settings: Settings,
    pub analysis: Analysis,
}

/// A problem with one file; the run goes on without it.
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Article files under the given paths (folders walked recursively for
/// `.txt` and `.md`), in a stable order.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_article(e.path()) => {
                        files.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => skipped.push(Skipped {
                        path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                        reason: e.to_string(),
                    }),
                }
            }
        } else if p.exists() {
            files.push(p.clone());
        } else {
            skipped.push(Skipped {
                path: p.clone(),
                reason: "no such file or directory".to_string(),
            });
        }
    }
    (files, skipped)
}

fn is_article(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// The `newsls.toml` of the nearest ancestor folder, parsed once per folder.
#[derive(Default)]
pub struct SettingsCache {
    by_file: HashMap<PathBuf, Result<Settings, String>>,
}

impl SettingsCache {
    pub fn for_article(&mut self, article: &Path) -> Result<Settings, String> {
        let start = article
            .canonicalize()
            .unwrap_or_else(|_| article.to_path_buf());
        let found = start
            .ancestors()
            .skip(1)
            .map(|dir| dir.join("newsls.toml"))
            .find(|p| p.is_file());
        let Some(path) = found else {
            return Ok(Settings::default());
        };
        self.by_file
            .entry(path.clone())
            .or_insert_with(|| {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                Settings::parse(&text).map_err(|e| format!("{}:{e}", path.display()))
            })
            .clone()
    }
}

/// Reads and analyses every article under `paths`. Unreadable and
/// non-UTF-8 files are reported in the second list and skipped.
pub fn load_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Skipped>) {
    let (files, mut skipped) = collect_paths(paths);
    let mut cache = SettingsCache::default();
    let mut reported = std::collections::HashSet::new();
    let mut res = Vec::new();
    for path in files {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                skipped.push(Skipped {
                    path,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                skipped.push(Skipped {
                    path,
                    reason: format!(
                        "not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                });
                continue;
            }
        };
        // A broken newsls.toml is reported once; its articles are still
        // checked, with the default settings.
        let settings = cache.for_article(&path).unwrap_or_else(|e| {
            if reported.insert(e.clone()) {
                skipped.push(Skipped {
                    path: path.clone(),
                    reason: format!("broken newsls.toml, default settings used: {e}"),
                });
            }
            Settings::default()
        });
        let format = Format::from_path(&path.to_string_lossy());
        let article = Article::new(&text, format);
        let config = AnalysisConfig {
            language: settings.language,
            actors: settings.actors.clone(), annotations: None
        };
        let analysis = analyze(&article, &config);
        res.push(Input {
            path,
            article,
            settings,
            analysis,
        });
    }
    (res, skipped)
}
