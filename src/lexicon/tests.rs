//! Validates the embedded lexicon files: they parse, no list repeats an
//! entry, entries are trimmed and single-spaced, and the speech-verb lists
//! are as broad as the analysis needs. Failures name file and line.

use super::*;

/// Every string literal of a file with its line, grouped by the array (or
/// table) it belongs to.
fn entries(src: &str) -> Vec<(String, usize, String)> {
    let mut res = Vec::new();
    let mut group = String::new();
    for (n, line) in src.lines().enumerate() {
        let code = line.split('#').next().unwrap_or("");
        if let Some((key, _)) = code.split_once('=') {
            let key = key.trim();
            if !key.is_empty() && !key.contains('"') {
                group = key.to_string();
            }
        }
        if code.trim_start().starts_with('[') && !code.contains('"') || code.trim_start().starts_with("[irregular") {
            group = code.trim().to_string();
        }
        // Inline tables in the gazetteer: each line is its own group.
        let line_group = if code.trim_start().starts_with("{ ") {
            format!("{group}:{n}")
        } else {
            group.clone()
        };
        let mut rest = code;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            res.push((line_group.clone(), n + 1, after[..end].to_string()));
            rest = &after[end + 1..];
        }
    }
    res
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
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for (group, line, entry) in entries(src) {
            if entry != entry.trim() || entry.contains("  ") {
                problems.push(format!("{name}:{line}: entry {entry:?} has stray spaces"));
            }
            // The first-names table pairs a name with its gender; genders repeat.
            if matches!(entry.as_str(), "m" | "f" | "x" | "n" | "s" | "p" | "mp" | "fp") {
                continue;
            }
            let key = (group.clone(), fold(&entry));
            if let Some(first) = seen.insert(key, line) {
                problems.push(format!("{name}:{line}: {entry:?} repeats line {first} in {group}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn speech_verb_lexicons_are_broad() {
    let lex = Lexicons::get();
    assert!(lex.fr.n_speech_verbs > 130, "{} French speech verbs", lex.fr.n_speech_verbs);
    assert!(lex.en.n_speech_verbs > 90, "{} English speech verbs", lex.en.n_speech_verbs);
    for form in ["a déclaré", "déclarait", "ajoute-t-elle", "précise", "avait précisé", "assurant", "s'est inquiétée"] {
        let words: Vec<String> = fold(form).split(['-', ' ']).map(str::to_string).collect();
        let known = words.iter().any(|w| lex.fr.speech_forms.contains_key(w))
            || lex.fr.speech_forms.contains_key(&fold(form));
        assert!(known, "no French speech form in {form:?}");
    }
    for form in ["said", "says", "told", "added", "warned", "insisting", "denied"] {
        assert!(lex.en.speech_forms.contains_key(form), "{form}");
    }
}

#[test]
fn gazetteer_links_names_to_entries() {
    let g = &Lexicons::get().gazetteer;
    let find = |name: &str| {
        let f = fold(name);
        g.names.find_iter(&f).next().map(|m| g.name_entries[m.id])
    };
    let china = g.countries.iter().position(|c| c.fr == "Chine");
    assert_eq!(find("Pékin"), china.map(GazetteerEntry::Capital));
    assert_eq!(find("Etats-Unis"), find("États-Unis"));
    assert!(matches!(find("Chine nouvelle"), Some(GazetteerEntry::Media(_))));
    assert_eq!(g.demonyms.get("chinoises").copied(), china);
}
