//! What the open dictionaries (`lexicon::dictionary`) say of a word, as
//! the name rules ask it: common words of the article's language, names
//! of either language (English names turn up in French text and French
//! names in English text). See `src/lexicon/data/README.md` for the
//! sources and their weak spots: a common word can still be a surname
//! (`Tusk`, `Pence`), so "common" never rejects a word on its own in the
//! middle of a sentence.

use super::super::Doc;
use super::other;
use crate::lexicon::{word_classes, Gender, WordClasses};

/// The classes of a folded word: common from the article's language,
/// name classes from both.
pub(super) fn classes(doc: &Doc, folded: &str) -> WordClasses {
    let own = word_classes(doc.lex.lang, folded);
    let names = word_classes(other(doc.lex.lang), folded).names_only();
    own.union(names)
}

/// A common word that nothing says is a name: no first name, surname,
/// place or proper-noun reading in either language.
pub(super) fn is_common_only(doc: &Doc, folded: &str) -> bool {
    let c = classes(doc, folded);
    c.is_common() && !c.is_name()
}

/// A common word of either language that neither calls a name: English
/// organisation names turn up in French text (`Food and Chemical
/// Toxicology`).
pub(super) fn is_common_anywhere(doc: &Doc, folded: &str) -> bool {
    let own = word_classes(doc.lex.lang, folded);
    let other = word_classes(other(doc.lex.lang), folded);
    (own.is_common() || other.is_common()) && !own.union(other).is_name()
}

/// A common word that is no first name or surname (`state`,
/// `constitution`), even if some proper noun spells the same; a name after
/// a title or before a verb is rarely such a word (`President Trump`,
/// `Sheriff Lee`, not `Member State`).
pub(super) fn is_plain_word(doc: &Doc, folded: &str) -> bool {
    let c = classes(doc, folded);
    c.is_common() && !c.is_first_name() && !c.is_surname()
}

/// A word no dictionary knows (most surnames and company names in the
/// news: `Montebourg`, `Febelfin`).
pub(super) fn is_unknown(doc: &Doc, folded: &str) -> bool {
    !classes(doc, folded).is_known()
}

/// A word that can be a surname: unknown, or a name that is not only a
/// common word (`Watson`, `Smith`, `Bush`, but not `reaper`, `state`).
pub(super) fn can_be_surname(doc: &Doc, folded: &str) -> bool {
    let c = classes(doc, folded);
    !c.is_known()
        || c.is_surname()
        || c.is_first_name()
        || (c.is_proper() && !c.is_common() && !c.is_place())
}

/// The gender of a first name: the gazetteer's, else any for a first
/// name of the dictionaries. A hyphenated first name (`Jean-Philippe`)
/// goes by its first part.
pub(super) fn first_name(doc: &Doc, folded: &str) -> Option<Gender> {
    let g = &doc.lexicons.gazetteer;
    let first_part = folded.split('-').next().unwrap_or("");
    if let Some(&gender) = g
        .first_names
        .get(folded)
        .or_else(|| g.first_names.get(first_part))
    {
        return Some(gender);
    }
    // One-letter words are initials, not names; grammar words are not
    // first names ("Les", "May").
    let grammar = |w: &str| {
        [doc.lex, doc.lexicons.lang(other(doc.lex.lang))]
            .iter()
            .any(|l| l.sentence_words.contains(w) || l.function_words.contains(w))
            || doc.lexicons.shared.particles.contains(w)
    };
    if folded.chars().count() < 2 || grammar(folded) {
        return None;
    }
    [folded, first_part]
        .iter()
        .any(|w| classes(doc, w).is_first_name())
        .then_some(Gender::Any)
}
