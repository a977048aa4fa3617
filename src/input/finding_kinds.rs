//! Every kind of finding, declared once: the [`finding_kinds!`] table below
//! yields the `FindingKind` enum, each kind's stable code, default
//! severity and one-line description, and the two settings sections that
//! set severities per code (`[diagnostics]` of `newsls.toml`, kebab-case,
//! and the client's `diagnostics`, camelCase). The README table, the SARIF
//! rules of `newsls check` and the VS Code settings are derived from it
//! (the last checked by `tests/it/editors.rs`).
//!
//! It lives in `input` because settings name the codes and `input` comes
//! before `analysis` in the layers; `analysis::findings` re-exports it with
//! the rules' documentation. To add a kind: one line in the table (plus
//! the VS Code setting the editors test asks for) and the rule that emits
//! it; every `match` on `FindingKind` the compiler then points at.

use serde::{Deserialize, Serialize};

use super::settings::{Run, Severity};

macro_rules! finding_kinds {
    ($(
        $(#[$meta:meta])*
        $kind:ident / $field:ident = $code:literal, $severity:ident, $describe:literal;
    )*) => {
        /// What newsls reports; see [`FindingKind::code`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingKind {
            $($(#[$meta])* $kind,)*
        }

        impl FindingKind {
            /// Every kind, in documentation order.
            pub const ALL: &'static [FindingKind] = &[$(FindingKind::$kind),*];

            /// The stable code used in `newsls.toml`, diagnostics and CLI output.
            pub const fn code(self) -> &'static str {
                match self {
                    $(FindingKind::$kind => $code,)*
                }
            }

            pub const fn default_severity(self) -> Severity {
                match self {
                    $(FindingKind::$kind => Severity::$severity,)*
                }
            }

            /// One line on what the code reports, for documentation.
            pub const fn describe(self) -> &'static str {
                match self {
                    $(FindingKind::$kind => $describe,)*
                }
            }
        }

        /// `[diagnostics]` of `newsls.toml`: a severity per code, then
        /// when and on what the server computes diagnostics. `newsls init`
        /// writes this struct, so its fields are the keys in that order.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub(super) struct DiagnosticsSection {
            $(#[serde(skip_serializing_if = "Option::is_none")] $field: Option<Severity>,)*
            #[serde(skip_serializing_if = "Option::is_none")]
            pub(super) run: Option<Run>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub(super) delay_ms: Option<u64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub(super) max_document_bytes: Option<u64>,
        }

        impl DiagnosticsSection {
            pub(super) fn severities(&self) -> Vec<(FindingKind, Option<Severity>)> {
                vec![$((FindingKind::$kind, self.$field)),*]
            }

            /// Every key set to the value `severities` gives it.
            pub(super) fn every_key(
                severities: &super::settings::Severities,
                run: Run,
                delay_ms: u64,
                max_document_bytes: u64,
            ) -> DiagnosticsSection {
                DiagnosticsSection {
                    $($field: Some(severities.get(FindingKind::$kind)),)*
                    run: Some(run),
                    delay_ms: Some(delay_ms),
                    max_document_bytes: Some(max_document_bytes),
                }
            }
        }

        /// The client's `diagnostics` options: a severity per code
        /// (camelCase), when to compute them, the debounce delay and the
        /// size limit.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct ClientDiagnostics {
            $(pub $field: Option<Severity>,)*
            pub run: Option<Run>,
            pub delay_ms: Option<u64>,
            pub max_document_bytes: Option<u64>,
        }

        impl ClientDiagnostics {
            pub fn severities(&self) -> Vec<(FindingKind, Option<Severity>)> {
                vec![$((FindingKind::$kind, self.$field)),*]
            }

            /// These options with `kind` set to `severity`.
            pub fn with(mut self, kind: FindingKind, severity: Severity) -> ClientDiagnostics {
                match kind {
                    $(FindingKind::$kind => self.$field = Some(severity),)*
                }
                self
            }
        }
    };
}

finding_kinds! {
    /// A claim marker and no source.
    UnattributedClaim / unattributed_claim = "unattributed-claim", Warning,
        "a sentence with a claim marker (hearsay conditional, statistic, accusation, evaluation, \"reportedly\") and no source";
    /// A claim whose only source is anonymous or impersonal.
    VagueSource / vague_source = "vague-source", Information,
        "a claim whose only source is anonymous or impersonal (\"un responsable\", \"some officials say\", \"it is believed\")";
    /// A direct or mixed quotation without speaker.
    UnattributedQuote / unattributed_quote = "unattributed-quote", Warning,
        "a direct or mixed quotation whose speaker cannot be found";
    /// A quotation mark never closed, closing nothing, or of the wrong
    /// direction (then the finding carries its fix).
    UnbalancedQuote / unbalanced_quote = "unbalanced-quote", Error,
        "a quotation mark never closed, a closing mark with nothing open, or a wrong-direction mark (with a fix)";
    /// A `.ann` span disagreeing with its article.
    AnnMismatch / ann_mismatch = "ann-mismatch", Error,
        "a brat `.ann` span whose text or offsets disagree with the article";
    /// An error in `newsls.toml`.
    ConfigError / config_error = "config-error", Error,
        "an error in `newsls.toml`, at its line and column";
    /// A document over the size limit: analysed for quotation marks only,
    /// and told so once at its top.
    DocumentTooLarge / document_too_large = "document-too-large", Information,
        "a document over `max-document-bytes` (default 4 MB): only its quotation marks are checked, and this one diagnostic at its top says so";
}

impl FindingKind {
    pub fn from_code(code: &str) -> Option<FindingKind> {
        FindingKind::ALL.iter().copied().find(|k| k.code() == code)
    }

    /// The key of the client setting: the code in camelCase.
    pub fn client_key(self) -> String {
        let mut res = String::new();
        let mut upper = false;
        for c in self.code().chars() {
            match c {
                '-' => upper = true,
                c if upper => {
                    res.extend(c.to_uppercase());
                    upper = false;
                }
                c => res.push(c),
            }
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_settings_keys() {
        // The settings structs are generated from the field names: their
        // kebab-case must be the code, or newsls.toml would not read it.
        let options = serde_json::to_value(ClientDiagnostics::default()).unwrap();
        for kind in FindingKind::ALL {
            assert_eq!(FindingKind::from_code(kind.code()), Some(*kind));
            assert!(
                options.get(kind.client_key()).is_some(),
                "no client option {}",
                kind.client_key()
            );
            let toml = format!("{} = \"off\"", kind.code());
            let section: Result<DiagnosticsSection, _> = toml::from_str(&toml);
            assert!(section.is_ok(), "newsls.toml does not read {}", kind.code());
        }
    }
}
