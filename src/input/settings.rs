//! `newsls.toml`: the corpus annotation and settings file (README.md, "Configuration: newsls.toml").
//!
//! Parsing is strict (`deny_unknown_fields`): a typo is an error with its
//! line and column, which the server shows as a `config-error` diagnostic on
//! the file while it keeps the last good settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::finding_kinds::DiagnosticsSection;
pub use super::finding_kinds::{ClientDiagnostics, FindingKind};
use crate::lexicon::{ActorKind, Lang};
use crate::text::{LineIndex, TextRange};

/// The severity a user gives a diagnostic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Off,
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// When the language server computes diagnostics (`run` under
/// `[diagnostics]`). `newsls.toml` spells the values in kebab-case
/// (`on-save`), the editor settings in camelCase (`onSave`); either
/// spelling is read in both places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Run {
    /// After every change (debounced by `delay-ms`), and on open and save.
    #[default]
    #[serde(alias = "onType")]
    OnType,
    /// On open and save only: typing alone analyses nothing.
    #[serde(alias = "onSave")]
    OnSave,
}

/// Documents larger than this many bytes get only the cheap checks
/// (quotation marks) and one diagnostic saying so: 4 MB, about 650,000
/// words, which a full analysis takes seconds over.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 4_000_000;

/// An `[[actor]]` of the registry.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct LanguageSection {
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct FilesSection {
    #[serde(skip_serializing_if = "Option::is_none")]
    include: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exclude: Option<Vec<String>>,
}

/// `newsls.toml` as written. Its fields, in this order, are the sections
/// `newsls init` writes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    #[serde(default)]
    language: LanguageSection,
    #[serde(default)]
    diagnostics: DiagnosticsSection,
    #[serde(default)]
    files: FilesSection,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actor: Vec<ActorEntry>,
}

/// What a `newsls.toml` sets, and only that: a key it leaves out is left
/// to the layers below it (the editor's settings, then the defaults).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileSettings {
    file: SettingsFile,
    /// `[language] default`, checked: `Some(None)` is "auto".
    language: Option<Option<Lang>>,
}

/// Resolved settings: every value present, defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `None` means detect per document.
    pub language: Option<Lang>,
    pub severities: Severities,
    /// When the language server computes diagnostics.
    pub run: Run,
    pub delay_ms: u64,
    /// Over this size a document gets only the cheap checks.
    pub max_document_bytes: u64,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub actors: Vec<ActorEntry>,
    /// Outline grouping: "speaker" or "none" (client setting).
    pub outline_group_by: String,
}

/// The severity of each finding kind: its default unless a setting says
/// otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Severities(BTreeMap<FindingKind, Severity>);

impl Default for Severities {
    fn default() -> Severities {
        Severities(
            FindingKind::ALL
                .iter()
                .map(|&k| (k, k.default_severity()))
                .collect(),
        )
    }
}

impl Severities {
    pub fn get(&self, kind: FindingKind) -> Severity {
        self.0
            .get(&kind)
            .copied()
            .unwrap_or(kind.default_severity())
    }

    pub fn set(&mut self, kind: FindingKind, severity: Severity) {
        self.0.insert(kind, severity);
    }

    /// Sets the severities a settings section gives.
    fn apply(&mut self, given: Vec<(FindingKind, Option<Severity>)>) {
        for (kind, severity) in given {
            if let Some(s) = severity {
                self.set(kind, s);
            }
        }
    }
}

impl FindingKind {
    pub fn severity(self, s: &Severities) -> Severity {
        s.get(self)
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            language: None,
            severities: Severities::default(),
            run: Run::OnType,
            delay_ms: 50,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            include: vec!["**/*.txt".to_string(), "**/*.md".to_string()],
            exclude: Vec::new(),
            actors: Vec::new(),
            outline_group_by: "speaker".to_string(),
        }
    }
}

/// Settings sent by an editor (`initializationOptions`,
/// `workspace/didChangeConfiguration`): camelCase JSON mirroring
/// `newsls.toml`, every field optional. Unknown fields are ignored so a newer
/// extension can talk to an older server. The command line's flags are
/// the same shape (`newsls check --lang fr` is `{"language": {"default":
/// "fr"}}`), applied last.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientOptions {
    pub language: ClientLanguage,
    pub diagnostics: ClientDiagnostics,
    pub outline: ClientOutline,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientLanguage {
    pub default: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientOutline {
    /// "speaker" (default) or "none".
    pub group_by: Option<String>,
}

impl ClientOptions {
    /// Reads the options from the JSON a client sends: either the object
    /// itself or wrapped in a `newsls` section (VS Code's
    /// `didChangeConfiguration`). A malformed payload is an error message.
    pub fn from_json(value: &serde_json::Value) -> Result<ClientOptions, String> {
        let inner = value.get("newsls").unwrap_or(value);
        if inner.is_null() {
            return Ok(ClientOptions::default());
        }
        serde_json::from_value(inner.clone()).map_err(|e| e.to_string())
    }
}

/// A `newsls.toml` that could not be used, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError {
    pub message: String,
    pub range: TextRange,
    /// Zero-based line and column (in characters) of the start of `range`.
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line + 1, self.col + 1, self.message)
    }
}

/// How the layers of settings stack, lowest first: the defaults, the
/// editor's settings, `newsls.toml`, the command line's flags. A key set in
/// a layer wins over the layers below it; a key it leaves out is theirs.
impl Settings {
    /// The language server's settings: the defaults, then the editor's
    /// settings, then what `newsls.toml` sets (the file wins).
    pub fn resolve(file: &FileSettings, editor: &ClientOptions) -> Settings {
        Settings::default().with_client(editor).with_file(file)
    }

    /// These settings with the client's options (or the command line's
    /// flags) on top: what they set wins.
    pub fn with_client(&self, o: &ClientOptions) -> Settings {
        let mut res = self.clone();
        if let Some(code) = o.language.default.as_deref() {
            res.language = Lang::from_code(code);
        }
        let d = &o.diagnostics;
        res.severities.apply(d.severities());
        if let Some(run) = d.run {
            res.run = run;
        }
        if let Some(ms) = d.delay_ms {
            res.delay_ms = ms;
        }
        if let Some(bytes) = d.max_document_bytes {
            res.max_document_bytes = bytes;
        }
        if let Some(g) = &o.outline.group_by {
            res.outline_group_by = g.clone();
        }
        res
    }

    /// These settings with what a `newsls.toml` sets on top.
    pub fn with_file(&self, f: &FileSettings) -> Settings {
        let mut res = self.clone();
        if let Some(language) = f.language {
            res.language = language;
        }
        let d = &f.file.diagnostics;
        res.severities.apply(d.severities());
        if let Some(run) = d.run {
            res.run = run;
        }
        if let Some(ms) = d.delay_ms {
            res.delay_ms = ms;
        }
        if let Some(bytes) = d.max_document_bytes {
            res.max_document_bytes = bytes;
        }
        if let Some(include) = &f.file.files.include {
            res.include = include.clone();
        }
        if let Some(exclude) = &f.file.files.exclude {
            res.exclude = exclude.clone();
        }
        // The registry lives in the file only.
        res.actors = f.file.actor.clone();
        res
    }

    /// The defaults with the text of a `newsls.toml` on top (the command
    /// line's settings before its flags).
    pub fn parse(text: &str) -> Result<Settings, SettingsError> {
        Ok(Settings::default().with_file(&FileSettings::parse(text)?))
    }
}

impl FileSettings {
    /// Parses the text of a `newsls.toml`.
    pub fn parse(text: &str) -> Result<FileSettings, SettingsError> {
        let file: SettingsFile = toml::from_str(text).map_err(|e| {
            let range = e
                .span()
                .map(|s| TextRange::new(s.start.min(text.len()), s.end.min(text.len())))
                .unwrap_or_default();
            error_at(text, range, e.message().to_string())
        })?;
        let language = match file.language.default.as_deref() {
            None => None,
            Some("auto") => Some(None),
            Some(code) => match Lang::from_code(code) {
                Some(lang) => Some(Some(lang)),
                None => {
                    let range = find_value(text, &format!("\"{code}\""));
                    return Err(error_at(
                        text,
                        range,
                        format!("unknown language {code:?}: expected \"auto\", \"fr\" or \"en\""),
                    ));
                }
            },
        };
        for actor in &file.actor {
            if actor.name.trim().is_empty() {
                let range = find_value(text, "name");
                return Err(error_at(
                    text,
                    range,
                    "an [[actor]] needs a non-empty name".to_string(),
                ));
            }
        }
        Ok(FileSettings { file, language })
    }

    /// A file that sets every key to its value in `s`: what `newsls init`
    /// writes (with the defaults).
    pub(super) fn every_key(s: &Settings) -> FileSettings {
        let file = SettingsFile {
            language: LanguageSection {
                default: Some(s.language.map_or("auto", Lang::code).to_string()),
            },
            diagnostics: DiagnosticsSection::every_key(
                &s.severities,
                s.run,
                s.delay_ms,
                s.max_document_bytes,
            ),
            files: FilesSection {
                include: Some(s.include.clone()),
                exclude: Some(s.exclude.clone()),
            },
            actor: s.actors.clone(),
        };
        FileSettings {
            file,
            language: Some(s.language),
        }
    }

    /// The file as TOML, sections and keys in declaration order.
    pub(super) fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(&self.file)
    }
}

fn error_at(text: &str, range: TextRange, message: String) -> SettingsError {
    let idx = LineIndex::new(text);
    let lc = idx.line_col_chars(text, range.start());
    SettingsError {
        message,
        range,
        line: lc.line,
        col: lc.col,
    }
}

fn find_value(text: &str, needle: &str) -> TextRange {
    text.find(needle)
        .map(|i| TextRange::new(i, i + needle.len()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_section() {
        let s = Settings::parse(
            r#"
[language]
default = "fr"

[diagnostics]
vague-source = "off"
delay-ms = 0

[files]
exclude = ["drafts/**"]

[[actor]]
name = "Xi Jinping"
kind = "person"
aliases = ["Xi", "le président chinois"]
wikidata = "Q15031"
"#,
        )
        .unwrap();
        assert_eq!(s.language, Some(Lang::Fr));
        assert_eq!(s.severities.get(FindingKind::VagueSource), Severity::Off);
        assert_eq!(
            s.severities.get(FindingKind::UnbalancedQuote),
            Severity::Error
        );
        assert_eq!(s.delay_ms, 0);
        assert_eq!(s.exclude, ["drafts/**"]);
        assert_eq!(s.actors[0].aliases.len(), 2);
        assert_eq!(s.actors[0].kind, ActorKind::Person);
    }

    #[test]
    fn unknown_keys_are_errors_with_a_position() {
        let err = Settings::parse("[diagnostics]\nunatributed-claim = \"warning\"\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("unknown field"), "{}", err.message);
    }

    #[test]
    fn wrong_types_and_values_are_errors() {
        assert!(Settings::parse("[diagnostics]\ndelay-ms = \"soon\"\n").is_err());
        assert!(Settings::parse("[diagnostics]\nvague-source = \"loud\"\n").is_err());
        let err = Settings::parse("[language]\ndefault = \"de\"\n").unwrap_err();
        // Points at the value, quote included.
        assert_eq!((err.line, err.col), (1, 10));
        assert!(Settings::parse("[[actor]]\nname = \"X\"\nkind = \"robot\"\n").is_err());
    }

    /// The payload the VS Code extension sends (a tested contract: see
    /// `tests/fixtures/settings/vscode_init_options.json`), under a
    /// `newsls.toml` that sets some of the same keys: the file wins for the
    /// keys it sets, the editor decides the others.
    #[test]
    fn the_file_wins_over_the_editor_for_the_keys_it_sets() {
        let json = include_str!("../../tests/fixtures/settings/vscode_init_options.json");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let o = ClientOptions::from_json(&value).unwrap();
        let file = FileSettings::parse(
            "[diagnostics]\nunattributed-claim = \"error\"\ndelay-ms = 200\nrun = \"on-save\"\n",
        )
        .unwrap();
        let s = Settings::resolve(&file, &o);
        // Set in both: the file's.
        assert_eq!(s.delay_ms, 200);
        assert_eq!(
            s.severities.get(FindingKind::UnattributedClaim),
            Severity::Error
        );
        // Set by the editor only: the editor's.
        assert_eq!(s.severities.get(FindingKind::VagueSource), Severity::Hint);
        assert_eq!(s.language, Some(Lang::Fr));
        assert_eq!(s.outline_group_by, "speaker");
        assert_eq!(s.max_document_bytes, DEFAULT_MAX_DOCUMENT_BYTES);
        assert_eq!(s.run, Run::OnSave);
        // Set by neither: the default.
        assert_eq!(
            s.severities.get(FindingKind::UnattributedQuote),
            FindingKind::UnattributedQuote.default_severity()
        );
        // The file's "auto" is a choice too: it wins over the editor's "fr".
        let auto = FileSettings::parse("[language]\ndefault = \"auto\"\n").unwrap();
        assert_eq!(Settings::resolve(&auto, &o).language, None);
        // An empty file leaves everything to the editor.
        assert_eq!(
            Settings::resolve(&FileSettings::default(), &o),
            Settings::default().with_client(&o)
        );
        // The command line's flags (the same shape) go on top of both.
        let flags = ClientOptions::from_json(
            &serde_json::json!({"diagnostics": {"unattributedClaim": "hint"}}),
        )
        .unwrap();
        assert_eq!(
            s.with_client(&flags)
                .severities
                .get(FindingKind::UnattributedClaim),
            Severity::Hint
        );
        let wrapped = serde_json::json!({"newsls": {"diagnostics": {"delayMs": 7}}});
        assert_eq!(
            ClientOptions::from_json(&wrapped)
                .unwrap()
                .diagnostics
                .delay_ms,
            Some(7)
        );
        assert!(
            ClientOptions::from_json(&serde_json::json!({"diagnostics": {"delayMs": "soon"}}))
                .is_err()
        );
    }

    #[test]
    fn run_is_kebab_case_in_the_file_and_camel_case_in_the_editor() {
        let file = Settings::parse("[diagnostics]\nrun = \"on-save\"\nmax-document-bytes = 1000\n")
            .unwrap();
        assert_eq!((file.run, file.max_document_bytes), (Run::OnSave, 1000));
        let o = ClientOptions::from_json(
            &serde_json::json!({"diagnostics": {"run": "onSave", "maxDocumentBytes": 5}}),
        )
        .unwrap();
        assert_eq!(o.diagnostics.run, Some(Run::OnSave));
        assert_eq!(o.diagnostics.max_document_bytes, Some(5));
        assert_eq!(Settings::default().run, Run::OnType);
        let err = Settings::parse("[diagnostics]\nrun = \"sometimes\"\n").unwrap_err();
        assert!(err.message.contains("on-save"), "{}", err.message);
    }
}
