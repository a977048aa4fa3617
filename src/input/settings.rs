//! `newsls.toml`: the corpus annotation and settings file (README.md, "Configuration: newsls.toml").
//!
//! Parsing is strict (`deny_unknown_fields`): a typo is an error with its
//! line and column, which the server shows as a `config-error` diagnostic on
//! the file while it keeps the last good settings.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::finding_kinds::DiagnosticsSection;
pub use super::finding_kinds::{ClientDiagnostics, FindingKind};
use crate::lexicon::{ActorKind, Lang};
use crate::text::{LineIndex, TextRange};

/// The severity a user gives a diagnostic code.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
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

/// An `[[actor]]` of the registry.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub description: Option<String>,
    pub wikidata: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageSection {
    default: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilesSection {
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    #[serde(default)]
    language: LanguageSection,
    #[serde(default)]
    diagnostics: DiagnosticsSection,
    #[serde(default)]
    files: FilesSection,
    #[serde(default)]
    actor: Vec<ActorEntry>,
}

/// Resolved settings: every value present, defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `None` means detect per document.
    pub language: Option<Lang>,
    pub severities: Severities,
    pub delay_ms: u64,
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
            delay_ms: 50,
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
/// extension can talk to an older server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientOptions {
    pub language: ClientLanguage,
    pub diagnostics: ClientDiagnostics,
    pub outline: ClientOutline,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientLanguage {
    pub default: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
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

impl Settings {
    /// These settings with the client's options on top (client wins).
    pub fn with_client(&self, o: &ClientOptions) -> Settings {
        let mut res = self.clone();
        if let Some(code) = o.language.default.as_deref() {
            res.language = Lang::from_code(code);
        }
        let d = &o.diagnostics;
        res.severities.apply(d.severities());
        if let Some(ms) = d.delay_ms {
            res.delay_ms = ms;
        }
        if let Some(g) = &o.outline.group_by {
            res.outline_group_by = g.clone();
        }
        res
    }

    /// Parses the text of a `newsls.toml`.
    pub fn parse(text: &str) -> Result<Settings, SettingsError> {
        let file: SettingsFile = toml::from_str(text).map_err(|e| {
            let range = e
                .span()
                .map(|s| TextRange::new(s.start.min(text.len()), s.end.min(text.len())))
                .unwrap_or_default();
            error_at(text, range, e.message().to_string())
        })?;
        let language = match file.language.default.as_deref() {
            None | Some("auto") => None,
            Some(code) => match Lang::from_code(code) {
                Some(lang) => Some(lang),
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
        let mut res = Settings {
            language,
            ..Settings::default()
        };
        let d = file.diagnostics;
        res.severities.apply(d.severities());
        if let Some(ms) = d.delay_ms {
            res.delay_ms = ms;
        }
        if let Some(include) = file.files.include {
            res.include = include;
        }
        if let Some(exclude) = file.files.exclude {
            res.exclude = exclude;
        }
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
        res.actors = file.actor;
        Ok(res)
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
    /// `tests/fixtures/settings/vscode_init_options.json`).
    #[test]
    fn client_options_override_the_file() {
        let json = include_str!("../../tests/fixtures/settings/vscode_init_options.json");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let o = ClientOptions::from_json(&value).unwrap();
        let file =
            Settings::parse("[diagnostics]\nunattributed-claim = \"error\"\ndelay-ms = 200\n")
                .unwrap();
        let s = file.with_client(&o);
        assert_eq!(s.delay_ms, 0);
        assert_eq!(
            s.severities.get(FindingKind::UnattributedClaim),
            Severity::Warning
        );
        assert_eq!(s.severities.get(FindingKind::VagueSource), Severity::Hint);
        assert_eq!(s.language, Some(Lang::Fr));
        assert_eq!(s.outline_group_by, "speaker");
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
}
