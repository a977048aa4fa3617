//! Walking folders, reading articles with their `.ann` and finding their
//! `newsls.toml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analysis::{analyze_within, Analysis, AnalysisConfig};
use crate::corpus::brat;
use crate::input::brat::Problem;
use crate::input::{Article, ClientOptions, Format, Settings};

/// One article read from disk, analysed with the settings that apply to it.
pub struct Input {
    pub path: PathBuf,
    pub article: Article,
    pub settings: Settings,
    pub analysis: Analysis,
    /// The `.ann` beside the article, if any, with what was wrong in it.
    pub ann: Option<AnnFile>,
}

pub struct AnnFile {
    pub path: PathBuf,
    pub text: String,
    pub problems: Vec<Problem>,
}

/// A problem with one file; the run goes on without it.
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Article files under the given paths (folders walked recursively for
/// `.txt` and `.md`, filtered by the `[files]` globs of the settings that
/// apply), in a stable order.
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
                reason: "skipped: no such file or directory".to_string(),
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

/// The `newsls.toml` of the nearest ancestor folder, parsed once per file.
#[derive(Default)]
pub struct SettingsCache {
    by_file: HashMap<PathBuf, Result<(Settings, PathBuf), String>>,
}

impl SettingsCache {
    /// The settings and the folder of the `newsls.toml` they come from.
    pub fn for_article(&mut self, article: &Path) -> Result<(Settings, Option<PathBuf>), String> {
        let start = article
            .canonicalize()
            .unwrap_or_else(|_| article.to_path_buf());
        let found = start
            .ancestors()
            .skip(1)
            .map(|dir| dir.join("newsls.toml"))
            .find(|p| p.is_file());
        let Some(path) = found else {
            return Ok((Settings::default(), None));
        };
        self.by_file
            .entry(path.clone())
            .or_insert_with(|| {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let settings =
                    Settings::parse(&text).map_err(|e| format!("{}:{e}", path.display()))?;
                Ok((
                    settings,
                    path.parent().map(Path::to_path_buf).unwrap_or_default(),
                ))
            })
            .clone()
            .map(|(s, root)| (s, Some(root)))
    }
}

/// Whether `path` passes the `[files]` globs (relative to `root`).
pub fn included(settings: &Settings, root: Option<&Path>, path: &Path) -> bool {
    let rel = match root.and_then(|r| {
        path.canonicalize()
            .ok()?
            .strip_prefix(r)
            .ok()
            .map(Path::to_path_buf)
    }) {
        Some(rel) => rel,
        None => return true,
    };
    let build = |globs: &[String]| {
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            if let Ok(glob) = globset::Glob::new(g) {
                b.add(glob);
            }
        }
        b.build().ok()
    };
    let inc = build(&settings.include).is_none_or(|s| s.is_match(&rel));
    let exc = build(&settings.exclude).is_some_and(|s| s.is_match(&rel));
    inc && !exc
}

/// The `.ann` beside an article, validated against its text.
pub fn read_ann(
    article_path: &Path,
    text: &str,
) -> Option<(AnnFile, crate::analysis::annotations::Annotations)> {
    let path = article_path.with_extension("ann");
    let ann_text = std::fs::read_to_string(&path).ok()?;
    let (mut ann, annotations) = brat::load(&ann_text, text);
    Some((
        AnnFile {
            path,
            text: ann_text,
            problems: std::mem::take(&mut ann.problems),
        },
        annotations,
    ))
}

/// Analyses one article's text with its settings and `.ann`.
pub fn analyse_file(path: PathBuf, text: &str, settings: Settings) -> Input {
    let format = Format::from_path(&path.to_string_lossy());
    let article = Article::new(text, format);
    let (ann, annotations) = match read_ann(&path, &article.text) {
        Some((file, a)) => (Some(file), Some(a)),
        None => (None, None),
    };
    let config = AnalysisConfig {
        language: settings.language,
        actors: settings.actors.clone(),
        annotations,
    };
    let analysis = analyze_within(&article, &config, settings.max_document_bytes, None);
    Input {
        path,
        article,
        settings,
        analysis,
        ann,
    }
}

/// Reads and analyses every article under `paths`, in parallel. Unreadable
/// and non-UTF-8 files, and any article the analysis fails on, are
/// reported in the second list and skipped.
pub fn load_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Skipped>) {
    load_inputs_with(paths, &ClientOptions::default())
}

/// [`load_inputs`] with the command line's flags on top of each article's
/// `newsls.toml` (they win: README, "Settings precedence").
pub fn load_inputs_with(paths: &[PathBuf], flags: &ClientOptions) -> (Vec<Input>, Vec<Skipped>) {
    let (files, mut skipped) = collect_paths(paths);
    let mut cache = SettingsCache::default();
    let mut reported = std::collections::HashSet::new();
    // Settings first (cheap, sequential, reported once), then the work.
    let mut jobs = Vec::new();
    for path in files {
        // A broken newsls.toml is reported once; its articles are still
        // checked, with the default settings.
        let (settings, root) = cache.for_article(&path).unwrap_or_else(|e| {
            if reported.insert(e.clone()) {
                skipped.push(Skipped {
                    path: path.clone(),
                    reason: format!("broken newsls.toml, default settings used: {e}"),
                });
            }
            (Settings::default(), None)
        });
        let settings = settings.with_client(flags);
        if paths.iter().any(|p| p == &path) || included(&settings, root.as_deref(), &path) {
            jobs.push((path, settings));
        }
    }
    let results: Vec<Result<Input, Skipped>> = jobs
        .into_par_iter()
        .map(|(path, settings)| {
            let bytes = std::fs::read(&path).map_err(|e| Skipped {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let text = String::from_utf8(bytes).map_err(|e| Skipped {
                path: path.clone(),
                reason: format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            })?;
            // A bug in the analysis costs one article, not the run.
            let shown = path.clone();
            std::panic::catch_unwind(move || analyse_file(path, &text, settings)).map_err(|panic| {
                Skipped {
                    path: shown,
                    reason: format!(
                        "internal error while analysing, please report it: {}",
                        panic_message(&*panic)
                    ),
                }
            })
        })
        .collect();
    let mut res = Vec::new();
    for r in results {
        match r {
            Ok(input) => res.push(input),
            Err(s) => skipped.push(s),
        }
    }
    (res, skipped)
}

/// The text of a caught panic, for a report.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
