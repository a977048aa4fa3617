//! The `newsls.toml` that `newsls init` writes: every key set, each under
//! a comment saying what it does.
//!
//! The keys are not listed here: they are the settings file itself
//! ([`FileSettings::every_key`], serialised in declaration order), so a new
//! setting is written as soon as `newsls.toml` reads it. Only the comments
//! live here ([`key_doc`]); a test fails for a key without one.

use super::finding_kinds::FindingKind;
use super::settings::{FileSettings, Settings};

const HEADER: &str = "\
# newsls.toml: the settings and actor registry of the articles in this
# folder and below. Written by `newsls init` with every key at its default.
#
# Precedence: command-line flags > this file > editor settings > defaults.
# Every key below is set, so it wins over the editor setting of the same
# name (VS Code `newsls.*`, Neovim `init_options`): delete a line to let
# the editor decide it. An unknown key is an error, shown at its line.
";

const ACTOR_EXAMPLE: &str = "
# The actor registry: one [[actor]] per person, organization, country,
# media or place; names and aliases match whatever the case, accents and
# apostrophes. For example:
#
# [[actor]]
# name = \"Xi Jinping\"                          # canonical name
# kind = \"person\"                              # person | organization | country | media | place
# aliases = [\"Xi\", \"le président chinois\", \"President Xi\"]
# description = \"Président de la République populaire de Chine\"
# wikidata = \"Q15031\"                          # linked from hover
";

/// The comment of a section header, if it has one.
fn section_doc(section: &str) -> Option<&'static str> {
    match section {
        "language" => Some("The language of the articles."),
        "diagnostics" => Some(
            "Diagnostics: the severity of each code (\"error\" | \"warning\" | \"information\" | \"hint\" | \"off\"), then when and on what they are computed.",
        ),
        "files" => Some(
            "Which files are articles (folders given to the command line, the editor's workspace index); globs relative to this file's folder.",
        ),
        "actor" => Some("An actor of the registry."),
        _ => None,
    }
}

/// The comment above a key.
pub fn key_doc(section: &str, key: &str) -> Option<String> {
    let fixed = match (section, key) {
        ("language", "default") => {
            "\"auto\" (detected per article) | \"fr\" | \"en\"; an article's front matter `lang:` wins"
        }
        ("diagnostics", "run") => {
            "when the language server computes diagnostics: \"on-type\" (after each change) | \"on-save\" (on open and save only: for very long documents and slow machines)"
        }
        ("diagnostics", "delay-ms") => {
            "milliseconds the language server waits after an edit before computing diagnostics (0 = immediately)"
        }
        ("diagnostics", "max-document-bytes") => {
            "a larger document gets its quotation marks checked and nothing else, with one diagnostic at its top saying so (language server and `newsls check`)"
        }
        ("files", "include") => "what is an article",
        ("files", "exclude") => "what is not, even when included",
        ("actor", "name") => "canonical name",
        ("actor", "kind") => "person | organization | country | media | place",
        ("actor", "aliases") => "other names of the actor",
        ("actor", "description") => "shown on hover",
        ("actor", "wikidata") => "Wikidata id, linked from hover",
        ("diagnostics", code) => {
            return FindingKind::from_code(code).map(|k| k.describe().to_string());
        }
        _ => return None,
    };
    Some(fixed.to_string())
}

/// The commented `newsls.toml` with every key set to its value in `s`.
pub fn template(s: &Settings) -> String {
    let body = match FileSettings::every_key(s).to_toml() {
        Ok(body) => body,
        // Strings, numbers and arrays of them always serialise; should
        // that change, the file still gets its header and example.
        Err(e) => format!("# (the settings could not be written: {e})\n"),
    };
    let mut out = String::from(HEADER);
    let mut section = String::new();
    for line in body.lines() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[') {
            section = name.trim_matches(['[', ']']).to_string();
            out.push('\n');
            if let Some(doc) = section_doc(&section) {
                push_comment(&mut out, doc);
            }
        } else if let Some((key, _)) = trimmed.split_once(" = ") {
            if let Some(doc) = key_doc(&section, key.trim()) {
                push_comment(&mut out, &doc);
            }
        } else if trimmed.is_empty() {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(ACTOR_EXAMPLE);
    out
}

/// `text` as `#` lines of at most about 76 columns.
fn push_comment(out: &mut String, text: &str) {
    let mut line = String::from("#");
    for word in text.split(' ') {
        if line.len() > 1 && line.len() + 1 + word.len() > 76 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys a section of `newsls.toml` accepts, as the parser itself
    /// lists them when it meets an unknown one: independent of the
    /// template's code.
    fn accepted_keys(section: Option<&str>) -> Vec<String> {
        let text = match section {
            Some(s) => format!("[{s}]\nnot-a-key = 1\n"),
            None => "not-a-key = 1\n".to_string(),
        };
        let err = match FileSettings::parse(&text) {
            Err(e) => e.message,
            Ok(_) => panic!("an unknown key was accepted"),
        };
        let listed = err
            .split_once("expected")
            .map(|(_, l)| l)
            .unwrap_or_else(|| panic!("no list of keys in: {err}"));
        listed
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn the_template_parses_to_the_defaults_and_sets_every_key() {
        let text = template(&Settings::default());
        let file = FileSettings::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(file, FileSettings::every_key(&Settings::default()));
        assert_eq!(Settings::parse(&text).ok(), Some(Settings::default()));
        // Every key of every section is written (uncommented), each under
        // a comment.
        let sections = accepted_keys(None);
        assert_eq!(sections, ["language", "diagnostics", "files", "actor"]);
        let lines: Vec<&str> = text.lines().collect();
        for section in sections.iter().filter(|s| *s != "actor") {
            let keys = accepted_keys(Some(section));
            assert!(!keys.is_empty(), "{section}");
            let start = lines
                .iter()
                .position(|l| *l == format!("[{section}]"))
                .unwrap_or_else(|| panic!("no [{section}] in\n{text}"));
            for key in keys {
                let at = lines[start..]
                    .iter()
                    .position(|l| l.starts_with(&format!("{key} = ")))
                    .map(|i| start + i)
                    .unwrap_or_else(|| panic!("{section}.{key} missing from\n{text}"));
                assert!(lines[at - 1].starts_with('#'), "{key} has no comment");
            }
        }
        for kind in FindingKind::ALL {
            assert!(
                text.contains(&format!(
                    "{} = \"{}\"",
                    kind.code(),
                    kind.default_severity().as_str()
                )),
                "{}",
                kind.code()
            );
        }
        // The registry is empty by default: its example is a comment.
        assert!(text.contains("# [[actor]]"));
    }

    #[test]
    fn actors_are_written_with_their_keys() {
        let mut s = Settings::default();
        s.actors.push(super::super::settings::ActorEntry {
            name: "Xi Jinping".to_string(),
            kind: crate::lexicon::ActorKind::Person,
            aliases: vec!["Xi".to_string()],
            description: None,
            wikidata: Some("Q15031".to_string()),
        });
        let text = template(&s);
        assert_eq!(Settings::parse(&text).ok(), Some(s), "{text}");
        assert!(text.contains("[[actor]]\n# canonical name\nname = \"Xi Jinping\""));
    }
}
