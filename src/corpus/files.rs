//! Walking folders, reading articles with their `.ann` and finding their
//! `newsls.toml`; analysing them in parallel, in corpus order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;

use crate::analysis::{analyze_within, Analysis, AnalysisConfig};
use crate::corpus::brat;
use crate::corpus::pipeline::{batch_size, batches, par_map_ordered};
use crate::input::brat::Problem;
use crate::input::{Article, ClientOptions, Format, Settings};

/// One article read from disk, analysed with the settings that apply to it.
pub struct Input {
    pub path: PathBuf,
    pub article: Article,
    /// Shared by every article of its folder.
    pub settings: Arc<Settings>,
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
/// `.txt` and `.md`), in a stable order, and the problems met walking.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for found in walk(paths) {
        match found {
            Ok(Found { path, .. }) => files.push(path),
            Err(s) => skipped.push(s),
        }
    }
    (files, skipped)
}

/// A file to read: walked inside a folder, or named on the command line.
struct Found {
    path: PathBuf,
    walked: bool,
}

/// The files under `paths`, lazily: a corpus of any size is walked in
/// constant memory.
fn walk(paths: &[PathBuf]) -> impl Iterator<Item = Result<Found, Skipped>> + '_ {
    paths.iter().flat_map(|p| -> Box<dyn Iterator<Item = _>> {
        if p.is_dir() {
            Box::new(
                walkdir::WalkDir::new(p)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(move |entry| match entry {
                        Ok(e)
                            if e.file_type().is_file()
                                && is_article(e.path())
                                && !is_documentation(e.path()) =>
                        {
                            Some(Ok(Found {
                                path: e.into_path(),
                                walked: true,
                            }))
                        }
                        Ok(_) => None,
                        Err(e) => Some(Err(Skipped {
                            path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                            reason: e.to_string(),
                        })),
                    }),
            )
        } else if p.exists() {
            Box::new(std::iter::once(Ok(Found {
                path: p.clone(),
                walked: false,
            })))
        } else {
            Box::new(std::iter::once(Err(Skipped {
                path: p.clone(),
                reason: "skipped: no such file or directory".to_string(),
            })))
        }
    })
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

/// A folder's own documentation rather than an article: `README.md`,
/// `LICENSE.txt`, `CHANGELOG.md`, and Markdown named in capitals the way
/// such files are (`SOURCES.md`, `ANNOTATION.md`). Left out when a folder
/// is walked; named on the command line, such a file is read like any
/// other.
fn is_documentation(p: &Path) -> bool {
    let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let known = [
        "readme",
        "license",
        "licence",
        "changelog",
        "contributing",
        "copying",
        "authors",
        "notice",
    ];
    let lower = stem.to_ascii_lowercase();
    let capitals = stem.chars().filter(char::is_ascii_uppercase).count() >= 3
        && stem
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c == '-');
    let markdown = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    known.contains(&lower.as_str()) || (markdown && capitals)
}

/// A parsed `newsls.toml`: its settings, its folder and its compiled
/// `[files]` globs.
struct Config {
    settings: Arc<Settings>,
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

/// What applies in one folder: its canonical path and the nearest
/// `newsls.toml` above it (none: the defaults).
#[derive(Clone)]
struct Folder {
    canonical: PathBuf,
    config: Result<Option<Arc<Config>>, String>,
}

/// The `newsls.toml` of the nearest ancestor folder: each file parsed once,
/// each folder looked up once. The command line's flags go on top of every
/// file's settings (they win: README, "Settings precedence").
#[derive(Default)]
pub struct SettingsCache {
    by_file: HashMap<PathBuf, Result<Arc<Config>, String>>,
    by_folder: HashMap<PathBuf, Folder>,
    defaults: Option<Arc<Settings>>,
    flags: ClientOptions,
}

impl SettingsCache {
    /// A cache whose settings all carry `flags` on top.
    pub fn with_flags(flags: &ClientOptions) -> SettingsCache {
        SettingsCache {
            flags: flags.clone(),
            ..SettingsCache::default()
        }
    }

    /// The settings and the folder of the `newsls.toml` they come from.
    pub fn for_article(&mut self, article: &Path) -> Result<(Settings, Option<PathBuf>), String> {
        let start = article
            .canonicalize()
            .unwrap_or_else(|_| article.to_path_buf());
        let dir = start.parent().unwrap_or(&start).to_path_buf();
        match self.nearest(&dir)? {
            Some(c) => Ok(((*c.settings).clone(), Some(c.root.clone()))),
            None => Ok(((*self.defaults()).clone(), None)),
        }
    }

    /// The parsed `newsls.toml` of `dir` (canonical) or its nearest
    /// ancestor.
    fn nearest(&mut self, dir: &Path) -> Result<Option<Arc<Config>>, String> {
        let Some(path) = dir
            .ancestors()
            .map(|d| d.join("newsls.toml"))
            .find(|p| p.is_file())
        else {
            return Ok(None);
        };
        let flags = &self.flags;
        self.by_file
            .entry(path.clone())
            .or_insert_with(|| {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let settings =
                    Settings::parse(&text).map_err(|e| format!("{}:{e}", path.display()))?;
                Ok(Arc::new(Config {
                    include: globs(&settings.include),
                    exclude: globs(&settings.exclude),
                    settings: Arc::new(settings.with_client(flags)),
                    root: path.parent().map(Path::to_path_buf).unwrap_or_default(),
                }))
            })
            .clone()
            .map(Some)
    }

    /// What applies to the articles of a folder as walked (the same for
    /// every article in it: a walked file is never a symbolic link).
    fn for_folder(&mut self, dir: &Path) -> Folder {
        if let Some(f) = self.by_folder.get(dir) {
            return f.clone();
        }
        let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let folder = Folder {
            config: self.nearest(&canonical),
            canonical,
        };
        self.by_folder.insert(dir.to_path_buf(), folder.clone());
        folder
    }

    fn defaults(&mut self) -> Arc<Settings> {
        self.defaults
            .get_or_insert_with(|| Arc::new(Settings::default().with_client(&self.flags)))
            .clone()
    }
}

fn globs(globs: &[String]) -> Option<GlobSet> {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        if let Ok(glob) = globset::Glob::new(g) {
            b.add(glob);
        }
    }
    b.build().ok()
}

/// Whether `rel` (relative to the `newsls.toml`'s folder) passes the
/// `[files]` globs.
fn passes(include: Option<&GlobSet>, exclude: Option<&GlobSet>, rel: &Path) -> bool {
    let inc = include.is_none_or(|s| s.is_match(rel));
    let exc = exclude.is_some_and(|s| s.is_match(rel));
    inc && !exc
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
    passes(
        globs(&settings.include).as_ref(),
        globs(&settings.exclude).as_ref(),
        &rel,
    )
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
pub fn analyse_file(path: PathBuf, text: &str, settings: impl Into<Arc<Settings>>) -> Input {
    analyse_text(path, text.to_string(), settings.into())
}

/// [`analyse_file`] on a text read for it: the text is not copied.
fn analyse_text(path: PathBuf, text: String, settings: Arc<Settings>) -> Input {
    let format = Format::from_path(&path.to_string_lossy());
    let article = Article::from_string(text, format);
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

/// An article to read, with the settings that apply to it.
struct Job {
    path: PathBuf,
    settings: Arc<Settings>,
}

/// The articles to read under `paths`, lazily and in corpus order, each
/// with its settings; articles left out by the `[files]` globs are
/// dropped, a broken `newsls.toml` is reported once, at its first article
/// (its articles are still read, with the default settings).
fn jobs<'a>(
    paths: &'a [PathBuf],
    flags: &ClientOptions,
) -> impl Iterator<Item = Result<Job, Skipped>> + 'a {
    let mut cache = SettingsCache::with_flags(flags);
    let mut reported = std::collections::HashSet::new();
    walk(paths).flat_map(move |found| {
        let mut res = [None, None];
        let Found { path, walked } = match found {
            Ok(f) => f,
            Err(s) => {
                res[0] = Some(Err(s));
                return res.into_iter().flatten();
            }
        };
        // A walked file is never a symbolic link: its folder decides.
        let (config, canonical) = if walked {
            let folder = cache.for_folder(path.parent().unwrap_or(Path::new("")));
            let canonical = path.file_name().map(|name| folder.canonical.join(name));
            (folder.config, canonical)
        } else {
            let canonical = path.canonicalize().ok();
            let start = canonical.clone().unwrap_or_else(|| path.clone());
            (cache.nearest(start.parent().unwrap_or(&start)), canonical)
        };
        let config = match config {
            Ok(config) => config,
            Err(e) => {
                if reported.insert(e.clone()) {
                    res[0] = Some(Err(Skipped {
                        path: path.clone(),
                        reason: format!("broken newsls.toml, default settings used: {e}"),
                    }));
                }
                None
            }
        };
        let settings = match &config {
            Some(c) => c.settings.clone(),
            None => cache.defaults(),
        };
        let kept = paths.iter().any(|p| p == &path)
            || config.as_ref().is_none_or(|c| {
                canonical
                    .as_deref()
                    .and_then(|canonical| canonical.strip_prefix(&c.root).ok())
                    .is_none_or(|rel| passes(c.include.as_ref(), c.exclude.as_ref(), rel))
            });
        if kept {
            res[1] = Some(Ok(Job { path, settings }));
        }
        res.into_iter().flatten()
    })
}

/// Reads one article and analyses it, then hands it to `work`. A bug in
/// the analysis costs one article, not the run.
fn read_and_work<T>(job: Job, work: &impl Fn(Input) -> T) -> Result<T, Skipped> {
    let Job { path, settings } = job;
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
    let shown = path.clone();
    // `work` only reads what it is given; nothing it shares is left half
    // updated by a panic.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        work(analyse_text(path, text, settings))
    }))
    .map_err(|panic| Skipped {
        path: shown,
        reason: format!(
            "internal error while analysing, please report it: {}",
            panic_message(&*panic)
        ),
    })
}

/// Reads and analyses every article under `paths` on the rayon pool and
/// hands each to `work` there as soon as it is analysed; the article and
/// its analysis are dropped after. `sink` gets, on the calling thread and
/// in corpus order, what `work` returned or why a file was skipped
/// (unreadable, not UTF-8, a broken `newsls.toml`, an analysis that
/// failed). Folders are walked as the work goes: a corpus of any size
/// runs in the memory of a few batches of articles, plus what `sink`
/// keeps.
/// The command line's `flags` go on top of each article's `newsls.toml`.
pub fn for_each_input<T: Send, E>(
    paths: &[PathBuf],
    flags: &ClientOptions,
    work: impl Fn(Input) -> T + Sync,
    mut sink: impl FnMut(Result<T, Skipped>) -> Result<(), E>,
) -> Result<(), E> {
    par_map_ordered(
        batches(jobs(paths, flags), batch_size()).map(Ok),
        |job| job.and_then(|job| read_and_work(job, &work)),
        |done| done.into_iter().try_for_each(&mut sink),
    )
}

/// Reads and analyses every article under `paths`, in parallel, and keeps
/// them all (for `eval`, which needs every article with its gold). The
/// second list holds the files skipped, in corpus order.
pub fn load_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Skipped>) {
    load_inputs_with(paths, &ClientOptions::default())
}

/// [`load_inputs`] with the command line's flags on top of each article's
/// `newsls.toml` (they win: README, "Settings precedence").
pub fn load_inputs_with(paths: &[PathBuf], flags: &ClientOptions) -> (Vec<Input>, Vec<Skipped>) {
    let mut res = Vec::new();
    let mut skipped = Vec::new();
    let done: Result<(), std::convert::Infallible> = for_each_input(
        paths,
        flags,
        |input| input,
        |r| {
            match r {
                Ok(input) => res.push(input),
                Err(s) => skipped.push(s),
            }
            Ok(())
        },
    );
    match done {
        Ok(()) => (res, skipped),
    }
}

/// The text of a caught panic, for a report.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
