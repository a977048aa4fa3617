//! General features of names and passages that error classes are built
//! from: casing, length, title words, one name inside another, quotation
//! marks. Nothing here knows a sentence of any corpus.

use crate::lexicon::Lexicons;
use crate::text::{fold, is_space};

use super::key;

pub(super) fn n_words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// At least two letters and none in lower case: `ING`, `COVID-19`, `OGM`.
pub(super) fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

pub(super) fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// A word that starts in lower case and is not a function word of either
/// language, once an elided article is removed: `monétaire` in `Fonds
/// monétaire international`, `ministère` in `ministère des Affaires`, but
/// not `de` in `Université de Caen`.
pub(super) fn has_lowercase_content_word(s: &str) -> bool {
    let lex = Lexicons::get();
    s.split(|c: char| c.is_whitespace() || is_space(c) || c == '-')
        .map(|w| match w.rfind(['\'', '’']) {
            Some(i) => &w[i + w[i..].chars().next().map_or(1, char::len_utf8)..],
            None => w,
        })
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .any(|w| {
            let f = fold(w);
            !lex.fr.function_words.contains(&f) && !lex.en.function_words.contains(&f)
        })
}

/// A title of either language among the words of `s` (`président`,
/// `minister`, `porte-parole`).
pub(super) fn has_title_word(s: &str) -> bool {
    let lex = Lexicons::get();
    let f = fold(s);
    lex.fr.title_set.find_iter(&f).next().is_some()
        || lex.en.title_set.find_iter(&f).next().is_some()
}

/// Whether the words of `inner` occur, contiguous, inside the longer name
/// `outer` (compared as actor keys: folded, leading article dropped).
pub(super) fn holds_name(outer: &str, inner: &str) -> bool {
    let (o, i) = (key(outer), key(inner));
    o != i && !i.is_empty() && format!(" {o} ").contains(&format!(" {i} "))
}

/// The words of `outer` that are not in `inner` (for a name that holds
/// another).
pub(super) fn extra_words(outer: &str, inner: &str) -> String {
    let inner: Vec<String> = key(inner).split(' ').map(str::to_string).collect();
    key(outer)
        .split(' ')
        .filter(|w| !inner.iter().any(|i| i == w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a quotation mark opens right before `at` (spaces skipped).
pub(super) fn quotation_mark_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .rev()
        .find(|&c| !c.is_whitespace() && !is_space(c))
        .is_some_and(is_quotation_mark)
}

fn is_quotation_mark(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '"' | '“' | '”' | '„' | '‘' | '’' | '\'' | '‹' | '›' | '‚'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing() {
        assert!(is_all_caps("ING"));
        assert!(is_all_caps("COVID-19"));
        assert!(!is_all_caps("Febelfin"));
        assert!(!is_all_caps("A"));
        assert!(!is_all_caps("51"));
        assert!(has_digit("Area 51"));
    }

    #[test]
    fn lowercase_content_words() {
        assert!(has_lowercase_content_word("Fonds monétaire international"));
        assert!(has_lowercase_content_word("ministère des Affaires"));
        assert!(!has_lowercase_content_word("Université de Caen"));
        assert!(!has_lowercase_content_word("Bank of England"));
        assert!(!has_lowercase_content_word("Direction de l'Homme"));
    }

    #[test]
    fn names_inside_names() {
        assert!(holds_name("François Hollande", "François"));
        assert!(holds_name(
            "Organisation des Nations unies",
            "Nations unies"
        ));
        assert!(!holds_name("Nations unies", "Nations unies"));
        assert!(!holds_name("Françoise Hardy", "François"));
        assert_eq!(
            extra_words("Minority Whip Dick Durbin", "Dick Durbin"),
            "minority whip"
        );
    }

    #[test]
    fn titles_and_marks() {
        assert!(has_title_word("le président François Hollande"));
        assert!(!has_title_word("François Hollande"));
        let text = "il a dit « bonjour »";
        assert!(quotation_mark_before(text, text.find("bonjour").unwrap()));
        assert!(!quotation_mark_before(text, text.find("dit").unwrap()));
    }
}
