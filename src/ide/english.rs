//! The user interface speaks English (hover, outline, CLI reports): counts
//! with the right plural, and quotations in the marks of the article's
//! language.

use crate::lexicon::Lang;

/// `n` and the noun, singular for one: `1 quote`, `2 quotes`, `0 quotes`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// `text` between the quotation marks of `lang`: « … » with narrow
/// no-break spaces inside for French, “…” for English.
pub fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("«\u{202f}{text}\u{202f}»"),
        Lang::En => format!("“{text}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count(0, "time", "times"), "0 times");
        assert_eq!(count(1, "time", "times"), "1 time");
        assert_eq!(count(2, "quote", "quotes"), "2 quotes");
        assert_eq!(count(1, "information", "information"), "1 information");
    }

    #[test]
    fn marks_follow_the_language() {
        assert_eq!(quoted("Oui", Lang::Fr), "«\u{202f}Oui\u{202f}»");
        assert_eq!(quoted("Yes", Lang::En), "“Yes”");
    }
}
