//! The `newsls` binary: the command line of README.md ("Command line").

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use newsls::analysis::FindingKind;
use newsls::cli::{self, check::CheckFormat, stats::CsvTable};
use newsls::corpus::eval::Category;
use newsls::input::{ClientOptions, Settings, Severity};
use newsls::lexicon::Lang;

#[derive(Parser)]
#[command(
    name = "newsls",
    version,
    about = "Actors, quotes and unsourced claims in French and English news"
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Serve the language server on stdin/stdout (what editor clients pass;
    /// also the default without a subcommand).
    #[arg(long, global = true)]
    stdio: bool,
    /// Language server: also write its log to this file (level from
    /// NEWSLS_LOG, default info).
    #[arg(long, value_name = "FILE")]
    log_file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the language server on stdin/stdout (the default).
    Lsp {
        /// Also write the server's log to this file (level from NEWSLS_LOG,
        /// default info).
        #[arg(long, value_name = "FILE")]
        log_file: Option<PathBuf>,
    },
    /// Report unattributed claims, vague sources, quotes without speaker and
    /// unbalanced quotation marks.
    Check {
        /// Files or folders (walked for .txt and .md).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// Write a commented newsls.toml with every setting at its default in
    /// DIR (default: the current folder); an existing one is kept unless
    /// --force.
    Init {
        dir: Option<PathBuf>,
        /// Replace an existing newsls.toml.
        #[arg(long)]
        force: bool,
    },
    /// Actors, quotes, claims and findings of each file.
    Extract {
        /// Files or folders; none with --stdin.
        #[arg(required_unless_present = "stdin_jsonl")]
        paths: Vec<PathBuf>,
        /// jsonl: one object per file on stdout; brat: one .ann per file in --out.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
        /// Folder for brat files.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overwrite existing .ann files.
        #[arg(long)]
        force: bool,
        /// Read JSON Lines `{"id", "text", "lang"?}` on stdin, write JSON Lines.
        #[arg(long = "stdin", id = "stdin_jsonl")]
        stdin_jsonl: bool,
        /// The language of articles that do not say (front matter `lang:`,
        /// or `"lang"` with --stdin); wins over newsls.toml.
        #[arg(long, value_parser = ["auto", "fr", "en"])]
        lang: Option<String>,
    },
    /// Who is quoted, how often and how: per actor, per article, corpus.
    Stats {
        #[arg(required_unless_present = "stdin_jsonl")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: StatsFormat,
        /// With --format csv, the table to write (a CSV file holds one):
        /// speakers (the default) or articles.
        #[arg(long, value_enum)]
        table: Option<CsvTable>,
        /// Read JSON Lines on stdin, write one stats line per article.
        #[arg(long = "stdin", id = "stdin_jsonl")]
        stdin_jsonl: bool,
        /// Write the report to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "stdin_jsonl")]
        output: Option<PathBuf>,
    },
    /// Precision, recall and F1 against gold annotations (schema: docs/gold-schema.md),
    /// overall and per language; with --verbose, every error by class.
    Eval {
        /// Folder of `<article-stem>.json` gold files.
        #[arg(long)]
        gold: PathBuf,
        /// Articles or folders (walked for .txt and .md); those without a
        /// gold file are skipped.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Machine-readable output: the scores (counts with precision,
        /// recall, F1), `by_language`, `classes` and `errors`.
        #[arg(long)]
        json: bool,
        /// The error analysis: classes of errors per category, largest
        /// first, with examples; then every miss, false hit, wrong speaker
        /// or source and false warning with its article, line, the gold's
        /// and newsls's reading and the rule that fired.
        #[arg(long, short)]
        verbose: bool,
        /// Score only the articles in this language (the gold's `language`,
        /// else the detected one).
        #[arg(long, value_parser = ["fr", "en"])]
        lang: Option<String>,
        /// Only the errors of this category (implies --verbose without
        /// --json); the scores are unchanged.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Category::ALL.map(Category::name)))]
        category: Option<String>,
    },
}

/// Flags that set a setting for this run: they win over newsls.toml
/// (README, "Settings precedence").
#[derive(clap::Args)]
struct SettingsArgs {
    /// The language of articles whose front matter does not say
    /// (`[language] default`).
    #[arg(long, value_parser = ["auto", "fr", "en"])]
    lang: Option<String>,
    /// The severity of a code, e.g. `--severity vague-source=off`
    /// (repeatable; levels error, warning, information, hint, off).
    #[arg(long, value_name = "CODE=LEVEL", value_parser = code_severity)]
    severity: Vec<(FindingKind, Severity)>,
    /// Documents larger than this get only their quotation marks checked,
    /// and one diagnostic saying so (`[diagnostics] max-document-bytes`).
    #[arg(long, value_name = "BYTES")]
    max_document_bytes: Option<u64>,
}

impl SettingsArgs {
    /// The flags as a layer of settings.
    fn options(&self) -> ClientOptions {
        let mut res = ClientOptions::default();
        res.language.default = self.lang.clone();
        for &(kind, severity) in &self.severity {
            res.diagnostics = res.diagnostics.with(kind, severity);
        }
        res.diagnostics.max_document_bytes = self.max_document_bytes;
        res
    }
}

/// `CODE=LEVEL` of `--severity`.
fn code_severity(arg: &str) -> Result<(FindingKind, Severity), String> {
    let codes = || {
        FindingKind::ALL
            .iter()
            .map(|k| k.code())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (code, level) = arg.split_once('=').ok_or_else(|| {
        format!(
            "expected CODE=LEVEL, e.g. vague-source=off; codes: {}",
            codes()
        )
    })?;
    let kind = FindingKind::from_code(code.trim())
        .ok_or_else(|| format!("unknown code {code:?}; codes: {}", codes()))?;
    let severity = [
        Severity::Error,
        Severity::Warning,
        Severity::Information,
        Severity::Hint,
        Severity::Off,
    ]
    .into_iter()
    .find(|s| s.as_str() == level.trim())
    .ok_or_else(|| {
        format!("unknown level {level:?}; levels: error, warning, information, hint, off")
    })?;
    Ok((kind, severity))
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Jsonl,
    Brat,
}

#[derive(Clone, Copy, ValueEnum)]
enum StatsFormat {
    Table,
    Json,
    Csv,
    /// Markdown tables.
    Markdown,
    /// One self-contained page with charts and sortable tables, as the
    /// editors show it.
    Html,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let command = match args.command {
        None => return serve(args.log_file.as_deref()),
        Some(Command::Lsp { log_file }) => return serve(log_file.or(args.log_file).as_deref()),
        Some(c) => c,
    };
    match run(command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsls: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The language server. stdout carries the protocol; the log goes to the
/// editor as `window/logMessage` (level from `NEWSLS_LOG`, default info),
/// and also to `--log-file`, or to stderr when `NEWSLS_LOG` is set. stderr
/// otherwise only hears of startup and fatal errors.
fn serve(log_file: Option<&Path>) -> ExitCode {
    use tracing_subscriber::fmt::writer::BoxMakeWriter;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;

    if let Some(notice) = newsls::lsp::terminal_notice(std::io::stdin().is_terminal()) {
        eprintln!("{notice}");
    }
    let asked = std::env::var_os("NEWSLS_LOG").is_some();
    let filter = || {
        tracing_subscriber::EnvFilter::try_from_env("NEWSLS_LOG")
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("newsls=info"))
    };
    let writer = match log_file {
        Some(path) => match std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            Ok(file) => Some(BoxMakeWriter::new(std::sync::Mutex::new(file))),
            Err(e) => {
                eprintln!("newsls: cannot open the log file {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None if asked => Some(BoxMakeWriter::new(std::io::stderr)),
        None => None,
    };
    let text_log = writer.map(|w| {
        tracing_subscriber::fmt::layer()
            .with_writer(w)
            .with_ansi(false)
            .with_filter(filter())
    });
    tracing_subscriber::registry()
        .with(newsls::lsp::logging::client_layer().with_filter(filter()))
        .with(text_log)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("newsls: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(newsls::lsp::serve_stdio());
    // The stdin reader may still be blocked in a read the client never
    // ends: do not wait for it, or the process would outlive `exit`.
    runtime.shutdown_background();
    ExitCode::SUCCESS
}

/// Settings for `--stdin`: the `newsls.toml` of the current folder or its
/// ancestors, else the defaults; then the flags.
fn stdin_settings(flags: &ClientOptions) -> Settings {
    stdin_file_settings().with_client(flags)
}

fn stdin_file_settings() -> Settings {
    let mut cache = cli::files::SettingsCache::default();
    let here = std::env::current_dir()
        .unwrap_or_default()
        .join("stdin.txt");
    match cache.for_article(&here) {
        Ok((s, _)) => s,
        Err(e) => {
            eprintln!("newsls: broken newsls.toml, default settings used: {e}");
            newsls::input::Settings::default()
        }
    }
}

/// These flags, with no size limit (`extract`, `stats` and `eval` give
/// data, not diagnostics: the size limit is for `check` and the editor).
fn unlimited(mut flags: ClientOptions) -> ClientOptions {
    flags.diagnostics.max_document_bytes = Some(u64::MAX);
    flags
}

/// A path that does not exist is a usage error (exit 2, nothing read): a
/// typo must not pass for a clean run.
fn check_paths(paths: &[PathBuf]) -> anyhow::Result<()> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| {
            std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        })
        .map(|p| p.display().to_string())
        .collect();
    if !missing.is_empty() {
        anyhow::bail!("no such file or folder: {}", missing.join(", "));
    }
    Ok(())
}

fn report_skipped(s: &cli::files::Skipped) {
    eprintln!("newsls: {}: {}", s.path.display(), s.reason);
}

/// Reads and analyses the articles under `paths`, whatever their size, all
/// kept (for `eval`). A file that cannot be read inside a folder is
/// reported and skipped.
fn load(paths: &[PathBuf]) -> anyhow::Result<Vec<cli::Input>> {
    check_paths(paths)?;
    let (inputs, skipped) =
        cli::files::load_inputs_with(paths, &unlimited(ClientOptions::default()));
    skipped.iter().for_each(report_skipped);
    Ok(inputs)
}

/// Reads and analyses the articles under `paths` in parallel, hands each to
/// `work` as soon as it is analysed (then drops it), and what `work`
/// returns to `sink`, in corpus order. A file that cannot be read inside a
/// folder is reported when its turn comes, and skipped.
fn each_article<T: Send>(
    paths: &[PathBuf],
    flags: &ClientOptions,
    work: impl Fn(cli::Input) -> T + Sync,
    mut sink: impl FnMut(T) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    check_paths(paths)?;
    cli::files::for_each_input(paths, flags, work, |r| match r {
        Ok(t) => sink(t),
        Err(s) => {
            report_skipped(&s);
            Ok(())
        }
    })?;
    Ok(())
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    // Buffered: a line-buffered stdout would make a system call per line.
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let res = run_with(command, &mut out);
    let flushed = out.flush();
    let code = res?;
    flushed?;
    Ok(code)
}

fn run_with(command: Command, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    match command {
        Command::Lsp { log_file } => Ok(serve(log_file.as_deref())),
        Command::Init { dir, force } => init(&dir.unwrap_or_else(|| PathBuf::from(".")), force),
        Command::Check {
            paths,
            format,
            settings,
        } => {
            let mut report = cli::check::Report::new(&mut *out, format)?;
            each_article(
                &paths,
                &settings.options(),
                |input| cli::check::article(&input, format),
                |a| report.add(a),
            )?;
            Ok(if report.finish(&paths)? {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Extract {
            stdin_jsonl: true,
            lang,
            ..
        } => {
            let stdin = std::io::stdin().lock();
            cli::stdin::run(
                stdin,
                out,
                &stdin_settings(&lang_flag(lang)),
                cli::stdin::Mode::Extract,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            paths,
            format: ExtractFormat::Jsonl,
            lang,
            ..
        } => {
            each_article(
                &paths,
                &unlimited(lang_flag(lang)),
                |input| cli::extract::line(&cli::extract::record(&input)),
                |line| out.write_all(&line?),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            paths,
            format: ExtractFormat::Brat,
            out: dir,
            force,
            lang,
            ..
        } => extract_brat(&paths, dir, force, &unlimited(lang_flag(lang))),
        Command::Stats {
            stdin_jsonl: true, ..
        } => {
            let stdin = std::io::stdin().lock();
            let settings = stdin_settings(&ClientOptions::default());
            cli::stdin::run(stdin, out, &settings, cli::stdin::Mode::Stats)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats {
            paths,
            format,
            table,
            output: Some(file),
            ..
        } => {
            let mut buf = Vec::new();
            let code = stats(&mut buf, &paths, format, table)?;
            std::fs::write(&file, buf)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", file.display()))?;
            Ok(code)
        }
        Command::Stats {
            paths,
            format,
            table,
            ..
        } => stats(out, &paths, format, table),
        Command::Eval {
            gold,
            paths,
            json,
            verbose,
            lang,
            category,
        } => evaluate(
            out,
            &gold,
            &paths,
            EvalOptions {
                json,
                verbose,
                lang,
                category,
            },
        ),
    }
}

/// `extract --format brat --out DIR`: one `.ann` per article, never over
/// an existing one without `--force` (exit status 1 then).
fn extract_brat(
    paths: &[PathBuf],
    dir: Option<PathBuf>,
    force: bool,
    flags: &ClientOptions,
) -> anyhow::Result<ExitCode> {
    let Some(dir) = dir else {
        anyhow::bail!("--format brat needs --out DIR");
    };
    check_paths(paths)?;
    std::fs::create_dir_all(&dir)?;
    let mut status = ExitCode::SUCCESS;
    each_article(
        paths,
        flags,
        |input| {
            let stem = input
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let ann = newsls::corpus::brat::write(&input.article.text, &input.analysis);
            (stem, ann)
        },
        |(stem, ann)| {
            let target = dir.join(format!("{stem}.ann"));
            if target.exists() && !force {
                eprintln!(
                    "newsls: {} exists, not overwritten (use --force)",
                    target.display()
                );
                status = ExitCode::from(1);
                return Ok(());
            }
            std::fs::write(&target, ann)
        },
    )?;
    Ok(status)
}

/// `--lang` as a layer of settings.
fn lang_flag(lang: Option<String>) -> ClientOptions {
    let mut res = ClientOptions::default();
    res.language.default = lang;
    res
}

/// `newsls init [DIR]`: the commented newsls.toml with every setting at
/// its default. An existing file is a usage error unless `--force`.
fn init(dir: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let path = dir.join("newsls.toml");
    if path.exists() && !force {
        anyhow::bail!(
            "{} already exists and was left as it is (--force replaces it)",
            path.display()
        );
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    std::fs::write(
        &path,
        newsls::input::template::template(&Settings::default()),
    )
    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    println!(
        "wrote {} with every setting at its default. Each key set there wins over the editor's setting of the same name: delete a line to let the editor decide it.",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn stats(
    out: &mut impl Write,
    paths: &[PathBuf],
    format: StatsFormat,
    table: Option<CsvTable>,
) -> anyhow::Result<ExitCode> {
    if table.is_some() && !matches!(format, StatsFormat::Csv) {
        anyhow::bail!(
            "--table chooses the table of --format csv; the other formats hold both tables"
        );
    }
    // Each article is summarised where it was analysed, and only its
    // summary is kept.
    let mut acc = cli::stats::Aggregate::default();
    each_article(
        paths,
        &unlimited(ClientOptions::default()),
        |input| {
            cli::stats::ArticleSummary::new(
                input.path.to_string_lossy().to_string(),
                &input.article,
                &input.analysis,
            )
        },
        |summary| {
            acc.add(summary);
            Ok(())
        },
    )?;
    let stats = acc.finish();
    // Written as rendered: no copy of the report is held in memory.
    match format {
        StatsFormat::Table => cli::stats::write_table(out, &stats)?,
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &stats)?;
            out.write_all(b"\n")?;
        }
        StatsFormat::Csv => cli::stats::write_csv(out, &stats, table.unwrap_or_default())?,
        StatsFormat::Markdown => cli::stats::write_markdown(out, &stats)?,
        StatsFormat::Html => out.write_all(cli::report::html(&stats)?.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// How `eval` reports.
struct EvalOptions {
    json: bool,
    verbose: bool,
    lang: Option<String>,
    category: Option<String>,
}

fn evaluate(
    out: &mut impl Write,
    gold: &Path,
    paths: &[PathBuf],
    o: EvalOptions,
) -> anyhow::Result<ExitCode> {
    if !gold.is_dir() {
        anyhow::bail!("gold folder {} does not exist", gold.display());
    }
    let inputs = load(paths)?;
    let lang = o.lang.as_deref().and_then(Lang::from_code);
    let ev = cli::eval::run(&inputs, gold, lang);
    for p in &ev.problems {
        eprintln!("newsls: {p}");
    }
    if ev.total.articles == 0 {
        anyhow::bail!(
            "no article under the given paths has a gold file in {}{}",
            gold.display(),
            lang.map_or(String::new(), |l| format!(" (language {})", l.code()))
        );
    }
    let category = o.category.as_deref().and_then(Category::parse);
    if o.json {
        out.write_all(cli::eval::json(&ev, category)?.as_bytes())?;
        out.write_all(b"\n")?;
    } else {
        let verbose = o.verbose || category.is_some();
        out.write_all(cli::eval::text(&ev, gold, verbose, category).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
