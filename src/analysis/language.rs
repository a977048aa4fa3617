//! French or English, from function-word frequencies.

use crate::lexicon::{Lang, Lexicons};
use crate::text::fold_into;

/// The language of a text: the one whose function words are more frequent
/// among its first 2,000 words. Ties (and empty texts) are French, the
/// language of the project's first corpus.
pub fn detect(text: &str, lex: &Lexicons) -> Lang {
    let mut fr = 0usize;
    let mut en = 0usize;
    // One buffer for every word: this runs on each word of each article.
    let mut w = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        w.clear();
        fold_into(&mut w, word);
        // Count elided articles by their first part ("l'agence" → "l'").
        let head = match w.find('\'') {
            Some(i) => &w[..=i],
            None => &w,
        };
        let fr_word = lex.fr.function_words.contains(head)
            || (head.len() < w.len() && lex.fr.function_words.contains(&w));
        fr += usize::from(fr_word);
        en += usize::from(lex.en.function_words.contains(&w));
    }
    if en > fr {
        Lang::En
    } else {
        Lang::Fr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        let lex = Lexicons::get();
        assert_eq!(
            detect(
                "Les Etats-Unis et la Chine se sont engagés à coopérer.",
                lex
            ),
            Lang::Fr
        );
        assert_eq!(
            detect(
                "The United States and China pledged to work together on the issue.",
                lex
            ),
            Lang::En
        );
    }
}
