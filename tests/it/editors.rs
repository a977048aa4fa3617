//! The editor integrations agree with the server: every setting the VS Code
//! extension contributes is one the server reads, with values it accepts,
//! and every option the server reads has a setting.

use std::collections::BTreeSet;

use newsls::analysis::FindingKind;
use newsls::ide::outline::GroupBy;
use newsls::input::settings::{ClientOptions, Run, Settings, Severity};
use newsls::lexicon::Lang;
use serde_json::{json, Map, Value};

fn vscode_settings() -> Map<String, Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode/package.json");
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    manifest["contributes"]["configuration"]["properties"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.strip_prefix("newsls.").unwrap().to_string(), v.clone()))
        .collect()
}

/// Settings that belong to the extension itself, not to the server.
const EXTENSION_ONLY: [&str; 2] = ["server.path", "trace.server"];

/// The `diagnostics.*` settings that are not a code's severity.
const NOT_SEVERITIES: [&str; 3] = ["run", "delayMs", "maxDocumentBytes"];

fn dotted(prefix: &str, value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                dotted(&key, v, out);
            }
        }
        _ => {
            out.insert(prefix.to_string());
        }
    }
}

/// The client options built from one setting, as the extension sends them.
fn options(key: &str, value: Value) -> Result<ClientOptions, String> {
    let mut nested = value;
    for part in key.split('.').rev() {
        nested = json!({ part: nested });
    }
    ClientOptions::from_json(&json!({ "newsls": nested }))
}

#[test]
fn vscode_settings_are_the_server_options() {
    let mut server = BTreeSet::new();
    dotted(
        "",
        &serde_json::to_value(ClientOptions::default()).unwrap(),
        &mut server,
    );
    let extension: BTreeSet<String> = vscode_settings()
        .keys()
        .filter(|k| !EXTENSION_ONLY.contains(&k.as_str()))
        .cloned()
        .collect();
    assert_eq!(
        extension, server,
        "package.json settings vs ClientOptions fields"
    );
}

#[test]
fn every_vscode_choice_is_accepted_and_applied() {
    let base = Settings::default();
    let severities = [
        Severity::Off,
        Severity::Hint,
        Severity::Information,
        Severity::Warning,
        Severity::Error,
    ];
    for (key, property) in vscode_settings() {
        if EXTENSION_ONLY.contains(&key.as_str()) {
            continue;
        }
        let Some(choices) = property["enum"].as_array() else {
            // The numbers.
            let o = options(&key, json!(120)).unwrap();
            let applied = base.with_client(&o);
            match key.as_str() {
                "diagnostics.delayMs" => assert_eq!(applied.delay_ms, 120),
                "diagnostics.maxDocumentBytes" => assert_eq!(applied.max_document_bytes, 120),
                _ => panic!("setting {key} has no check here"),
            }
            continue;
        };
        for choice in choices.iter().filter_map(Value::as_str) {
            if choice == "default" {
                // The extension does not send it: newsls.toml decides.
                continue;
            }
            let o = options(&key, json!(choice)).unwrap_or_else(|e| panic!("{key}={choice}: {e}"));
            let applied = base.with_client(&o);
            if key == "diagnostics.run" {
                let wanted = match choice {
                    "onType" => Run::OnType,
                    "onSave" => Run::OnSave,
                    _ => panic!("{key}: {choice} is no run mode"),
                };
                assert_eq!(applied.run, wanted, "{key}={choice}");
            } else if key.starts_with("diagnostics.") {
                let Some(&wanted) = severities.iter().find(|s| s.as_str() == choice) else {
                    panic!("{key}: {choice} is not a severity");
                };
                let Some(kind) = FindingKind::ALL
                    .iter()
                    .find(|k| format!("diagnostics.{}", k.client_key()) == key)
                else {
                    panic!("setting {key} is no finding kind");
                };
                assert_eq!(
                    applied.severities.get(*kind),
                    wanted,
                    "{key}={choice} is not applied"
                );
            } else if key == "language.default" {
                assert_eq!(applied.language, Lang::from_code(choice), "{key}={choice}");
                assert!(
                    choice == "auto" || applied.language.is_some(),
                    "{key}={choice}"
                );
            } else if key == "outline.groupBy" {
                assert!(
                    GroupBy::parse(&applied.outline_group_by).is_some(),
                    "{choice}"
                );
                assert_eq!(applied.outline_group_by, choice);
            } else {
                panic!("setting {key} has no check here");
            }
        }
        if key.starts_with("diagnostics.") && key != "diagnostics.run" {
            let offered: Vec<&str> = choices.iter().filter_map(Value::as_str).collect();
            let mut all = vec!["default"];
            all.extend(severities.iter().map(|s| s.as_str()));
            assert_eq!(offered, all, "{key} offers every severity");
        }
    }
}

/// The VS Code settings of the diagnostics are the table of finding kinds:
/// one per kind, named by its code in camelCase, describing that code and
/// its default severity; no other severity setting.
#[test]
fn vscode_diagnostics_settings_are_the_finding_kinds() {
    let settings = vscode_settings();
    let severity_keys: BTreeSet<&str> = settings
        .keys()
        .filter(|k| {
            k.starts_with("diagnostics.")
                && !NOT_SEVERITIES.contains(&k.trim_start_matches("diagnostics."))
        })
        .map(String::as_str)
        .collect();
    let wanted: BTreeSet<String> = FindingKind::ALL
        .iter()
        .map(|k| format!("diagnostics.{}", k.client_key()))
        .collect();
    let wanted: BTreeSet<&str> = wanted.iter().map(String::as_str).collect();
    assert_eq!(severity_keys, wanted, "package.json vs FindingKind::ALL");
    for kind in FindingKind::ALL {
        let property = &settings[&format!("diagnostics.{}", kind.client_key())];
        let text = property["markdownDescription"].as_str().unwrap_or_default();
        assert!(
            text.contains(&format!("`{}`", kind.code())),
            "{}: the description should name the code",
            kind.code()
        );
        assert!(
            text.contains(&format!("else {})", kind.default_severity().as_str())),
            "{}: the description should give the default severity {}",
            kind.code(),
            kind.default_severity().as_str()
        );
    }
}
