//! Validates the embedded lexicon files: they parse, no list repeats an
//! entry, entries are trimmed and single-spaced, and the speech-verb lists
//! are as broad as the analysis needs. Failures name file and line.

use super::*;

/// Keys of every list of a parsed file, with the list's name: plain
/// strings, the first string of a tuple, or `name`/`fr` of a table.
fn lists(value: &toml::Value, path: &str, acc: &mut Vec<(String, Vec<String>)>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                lists(v, &format!("{path}.{k}"), acc);
            }
        }
        toml::Value::Array(items) => {
            let keys = items
                .iter()
                .filter_map(|item| match item {
                    toml::Value::String(s) => Some(s.clone()),
                    toml::Value::Array(a) => a.first().and_then(|f| f.as_str()).map(str::to_string),
                    toml::Value::Table(t) => t
                        .get("name")
                        .or_else(|| t.get("fr"))
                        .and_then(|f| f.as_str())
                        .map(str::to_string),
                    _ => None,
                })
                .collect();
            acc.push((path.to_string(), keys));
            for item in items {
                if let toml::Value::Table(t) = item {
                    for (k, v) in t {
                        if let toml::Value::Array(_) = v {
                            let name = t
                                .get("name")
                                .or_else(|| t.get("fr"))
                                .and_then(|f| f.as_str())
                                .unwrap_or("?");
                            lists(v, &format!("{path}[{name}].{k}"), acc);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

fn line_of(src: &str, entry: &str) -> usize {
    let quoted = format!("\"{entry}\"");
    src.lines()
        .position(|l| l.contains(&quoted))
        .map_or(0, |i| i + 1)
}

#[test]
fn every_file_parses() {
    if let Err(e) = load() {
        panic!("{e}");
    }
}

#[test]
fn no_duplicates_and_entries_are_normalized() {
    let mut problems = Vec::new();
    for (name, src) in FILES {
        let value: toml::Value = match toml::from_str(src) {
            Ok(v) => v,
            Err(e) => panic!("{name}: {e}"),
        };
        let mut all = Vec::new();
        lists(&value, "", &mut all);
        for (list, keys) in all {
            let mut seen: HashMap<String, &str> = HashMap::default();
            for key in &keys {
                if key != key.trim() || key.contains("  ") {
                    problems.push(format!(
                        "{name}:{}: {key:?} in {list} has stray spaces",
                        line_of(src, key)
                    ));
                }
                if let Some(first) = seen.insert(fold(key), key) {
                    problems.push(format!(
                        "{name}:{}: {key:?} in {list} repeats {first:?}",
                        line_of(src, key)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn speech_verb_lexicons_are_broad() {
    let lex = Lexicons::get();
    assert!(
        lex.fr.n_speech_verbs > 130,
        "{} French speech verbs",
        lex.fr.n_speech_verbs
    );
    assert!(
        lex.en.n_speech_verbs > 90,
        "{} English speech verbs",
        lex.en.n_speech_verbs
    );
    for form in [
        "a déclaré",
        "déclarait",
        "ajoute-t-elle",
        "précise",
        "avait précisé",
        "assurant",
        "s'est inquiétée",
    ] {
        let words: Vec<String> = fold(form).split(['-', ' ']).map(str::to_string).collect();
        let known = words.iter().any(|w| lex.fr.speech_forms.contains_key(w))
            || lex.fr.speech_forms.contains_key(&fold(form));
        assert!(known, "no French speech form in {form:?}");
    }
    for form in [
        "said",
        "says",
        "told",
        "added",
        "warned",
        "insisting",
        "denied",
    ] {
        assert!(lex.en.speech_forms.contains_key(form), "{form}");
    }
}

#[test]
fn gazetteer_links_names_to_entries() {
    let g = &Lexicons::get().gazetteer;
    let find = |name: &str| {
        let f = fold(name);
        let found = g.names.find_iter(&f).next().map(|m| g.name_entries[m.id]);
        found
    };
    let china = g.countries.iter().position(|c| c.fr == "Chine");
    assert_eq!(find("Pékin"), china.map(GazetteerEntry::Capital));
    assert_eq!(find("Etats-Unis"), find("États-Unis"));
    assert!(matches!(
        find("Chine nouvelle"),
        Some(GazetteerEntry::Media(_))
    ));
    assert_eq!(g.demonyms.get("chinoises").copied(), china);
}

#[test]
fn kind_nouns_agree_with_the_descriptions() {
    // A noun that tells a name's kind (`shared.toml`) and heads a definite
    // description (`descriptions` of a language) must mean the same kind
    // in both, or "le groupe Vernier" and "le groupe" would disagree.
    let lex = Lexicons::get();
    let mut problems = Vec::new();
    for (noun, kind) in &lex.shared.kind_nouns {
        for l in [&lex.fr, &lex.en] {
            if let Some((k, _)) = l.descriptions.get(noun) {
                if k != kind {
                    problems.push(format!(
                        "{noun}: {} in shared.toml, {} in {}/words.toml",
                        kind.as_str(),
                        k.as_str(),
                        l.lang.code()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn bare_clause_forms_come_from_the_conjugation() {
    let forms = &Lexicons::get().en.bare_clause_forms;
    for form in [
        "say", "saying", "said", "adds", "added", "thinks", "thought", "wrote",
    ] {
        assert!(forms.iter().any(|f| f == form), "{form} missing");
    }
    for form in ["add", "adding", "warn", "warning", "writing"] {
        assert!(
            !forms.iter().any(|f| f == form),
            "{form} should not be there"
        );
    }
}
