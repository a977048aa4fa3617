//! Actors and their mentions, one file per source of them.
//!
//! In order of trust:
//! 1. the registry of `newsls.toml` (names and aliases, any case and accent);
//! 2. the gazetteer: countries, capitals (a metonym for the country, or the
//!    city itself in a dateline or after a locative preposition), media and
//!    agencies, institutions, places;
//! 3. proper-name sequences, with particles (de, du, d', van, von, al-, bin,
//!    of, for), titles and civilities before them (`le président Barack
//!    Obama`, `Le vice-président, Joe Biden`), appositions after them
//!    (`Vikram Singh, ancien responsable du Pentagone`) and acronyms in
//!    parentheses (`National Security Agency (NSA)`);
//! 4. demonyms after a government noun (`les autorités chinoises`) and
//!    definite descriptions (`le quotidien`, `l'agence`, `le président
//!    chinois`) resolved to the most recent compatible actor.
//!
//! One actor per entity: a later short name (`Obama`, `Xi`) joins the full
//! name it is part of. A capitalised word alone at the start of a sentence
//! is not taken for a name unless something else says it is one.

mod acronyms;
mod descriptions;
mod dict;
mod gazetteer;
mod institutions;
mod kind;
mod names;
mod person;
mod registry;
mod single_names;
mod split;

#[cfg(test)]
pub(super) mod check;

pub use registry::key;
pub(crate) use registry::Registry;

use super::sections::Known;
use super::{Doc, Word};
use crate::input::ActorEntry;
use crate::lexicon::Lang;
use crate::text::is_space;

pub(crate) fn detect(doc: &Doc, entries: &[ActorEntry], lang: Lang, known: &[Known]) -> Registry {
    let mut reg = Registry::new(doc.text.len());
    registry::registry_entries(doc, entries, &mut reg);
    registry::known_actors(known, &mut reg);
    acronyms::things(doc, &mut reg);
    let defined = acronyms::acronym_expansions(doc, &mut reg);
    gazetteer::gazetteer(doc, lang, &mut reg);
    acronyms::later_uses(doc, &defined, &mut reg);
    for s in &doc.sentences {
        let words = doc.words(s.range);
        institutions::lowercase_institutions(doc, words, &mut reg);
        institutions::adjective_institutions(doc, words, &mut reg);
        names::names(doc, words, &mut reg);
    }
    single_names::repeated_names(doc, &mut reg);
    reg.relink_surnames(doc.text);
    for s in &doc.sentences {
        let words = doc.words(s.range);
        descriptions::demonyms(doc, words, lang, &mut reg);
        descriptions::descriptions(doc, words, &mut reg);
    }
    reg
}

pub(super) fn is_capitalized(w: &Word, text: &str) -> bool {
    let s = &text[w.range.as_range()];
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Only spaces (or nothing, after an elision) between two words.
pub(super) fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.range.end()..b.range.start()];
    if gap.is_empty() {
        // Only an elision glues two words: "l'Agriculture".
        return a.folded.ends_with('\'');
    }
    gap.len() <= 3 && gap.chars().all(|c| c == ' ' || is_space(c))
}

pub(super) fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    }
}

pub(super) fn collapse(s: &str) -> String {
    crate::text::collapse_whitespace(s)
}

/// A particle inside a proper name (`shared.toml`).
pub(super) fn is_particle(doc: &Doc, folded: &str) -> bool {
    doc.lexicons.shared.particles.contains(folded)
}
