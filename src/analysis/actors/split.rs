//! Runs of capitalised words that hold two names: a person and the
//! organisation after `of` or `for` (`Jennifer Daskal of American
//! University`, `Danny Dyer for PM`), and a description ending in a first
//! name and a surname (`Monsenor Jorge Eduardo Scheinig`, `House
//! Intelligence Committee Representative Adam Schiff`): the title or the
//! organisation never becomes part of the person's name.

use super::super::{ActorOrigin, Doc, MentionKind, Word};
use super::names::candidate;
use super::{dict, is_capitalized, is_particle, Registry};
use crate::lexicon::{ActorKind, Gazetteer, Gender};
use crate::text::TextRange;

/// "Jennifer Daskal of American University", "Martin Smith of PBS": a
/// person's name (a first name and one or two more words) then `of` or
/// `for` and another name. Person names never hold `of` or `for`, so the
/// run is two names. Returns whether the run was read that way.
pub(super) fn person_of(
    doc: &Doc,
    words: &[Word],
    seq: &[Word],
    reg: &mut Registry,
    g: &Gazetteer,
) -> bool {
    let Some(k) = seq
        .iter()
        .position(|w| matches!(w.folded, "of" | "for") && !is_capitalized(w, doc.text))
    else {
        return false;
    };
    if !(2..=3).contains(&k) || !is_first_name(doc, &seq[0]) {
        return false;
    }
    // "Texas Department of Public Safety": a place or an organisation's
    // head noun before `of` is no person.
    let shared = &doc.lexicons.shared;
    if seq[..k].iter().any(|w| {
        is_particle(doc, w.folded)
            || shared.org_heads.contains(w.folded)
            || dict::classes(doc, w.folded).is_place()
            || reg.is_claimed(w.range)
    }) {
        return false;
    }
    person(doc, &seq[..k], reg);
    let rest: Vec<Word> = seq[k..]
        .iter()
        .skip_while(|w| {
            is_particle(doc, w.folded) || w.folded == "the" && !is_capitalized(w, doc.text)
        })
        .cloned()
        .collect();
    if !rest.is_empty() {
        candidate(doc, words, &rest, reg, g);
    }
    true
}

/// "Monsenor Jorge Eduardo Scheinig", "State Mike Pompeo", "House
/// Intelligence Committee Representative Adam Schiff": a first name after
/// the first word, followed by one or two words, ends the run with a
/// person; what comes before is a description, or an organisation up to
/// its head noun (`House Intelligence Committee`). A run of first names
/// (`Mary Ann Smith`) or one whose end is an organisation (`Saint Mary
/// Hospital`) stays whole. Returns whether the run was read that way.
pub(super) fn at_first_name(
    doc: &Doc,
    words: &[Word],
    seq: &[Word],
    reg: &mut Registry,
    g: &Gazetteer,
) -> bool {
    let shared = &doc.lexicons.shared;
    let n = seq.len();
    if n < 3 {
        return false;
    }
    let Some(k) = (1..n - 1).find(|&k| is_first_name(doc, &seq[k])) else {
        return false;
    };
    let prefix = &seq[..k];
    let name = &seq[k..];
    if name.len() > 3
        || prefix.iter().all(|w| is_first_name(doc, w))
            && !is_portfolio(doc, seq[0].range.start(), prefix)
        || prefix.iter().any(|w| is_particle(doc, w.folded))
        || name.iter().any(|w| {
            shared.org_heads.contains(w.folded)
                // "Bruno Le Maire", but not "Adam of …".
                || is_particle(doc, w.folded) && !is_capitalized(w, doc.text)
        })
    {
        return false;
    }
    person(doc, name, reg);
    if let Some(head) = prefix
        .iter()
        .rposition(|w| shared.org_heads.contains(w.folded))
    {
        let org = &prefix[..=head];
        if org.len() > 1 {
            candidate(doc, words, org, reg, g);
        }
    }
    true
}

/// "ministre de l'Économie Bruno Le Maire", "commission des Lois Sacha
/// Houlié": after `de`, `des` or `of`, capitalised common words of the
/// article's language are the portfolio of a title, even when a dictionary
/// also lists them as first names (`Lois`).
fn is_portfolio(doc: &Doc, start: usize, prefix: &[Word]) -> bool {
    let before = doc.words(TextRange::new(start.saturating_sub(12), start));
    let after_de = before.last().is_some_and(|w| {
        is_particle(doc, w.folded)
            && !is_capitalized(w, doc.text)
            && doc.text[w.range.end()..start].trim().is_empty()
    });
    after_de
        && prefix
            .iter()
            .all(|w| crate::lexicon::word_classes(doc.lex.lang, w.folded).is_common())
}

/// A first name that does not also open a common phrase: "Adam", "Mike",
/// "Jorge", not "Will" or "May" at the start of a sentence.
fn is_first_name(doc: &Doc, w: &Word) -> bool {
    is_capitalized(w, doc.text) && dict::first_name(doc, w.folded).is_some()
}

/// A person named by `seq`, or its mention when already known; a first
/// name tells the gender.
fn person(doc: &Doc, seq: &[Word], reg: &mut Registry) {
    let range = TextRange::new(seq[0].range.start(), seq[seq.len() - 1].range.end());
    let name = super::collapse(&doc.text[range.as_range()]);
    let id = reg
        .find_key(&name)
        .unwrap_or_else(|| reg.add_from(&name, ActorKind::Person, ActorOrigin::Name));
    reg.mention(range, id, MentionKind::Name);
    let a = &mut reg.actors[id];
    if a.gender == Gender::Any {
        a.gender = dict::first_name(doc, seq[0].folded).unwrap_or(Gender::Any);
    }
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn a_person_of_an_organisation_is_two_names() {
        check_actors(
            "The ruling was criticised by Laura Benedetti of Northfield University.",
            Vec::new(),
            "person Laura Benedetti: Laura Benedetti\norganization Northfield University: Northfield University",
        );
    }

    #[test]
    fn a_portfolio_before_a_name_is_not_part_of_it() {
        check_actors(
            "Le président de la commission des Lois Sacha Houlié a parlé au ministre de l'Économie Bruno Le Maire.",
            Vec::new(),
            "person Sacha Houlié: Sacha Houlié\nperson Bruno Le Maire: Bruno Le Maire",
        );
    }

    #[test]
    fn a_first_name_inside_a_run_starts_the_person() {
        check_actors(
            "The plan was drafted by Riverside Planning Board Delegat Helen Moss.",
            Vec::new(),
            "organization Riverside Planning Board: Riverside Planning Board\nperson Helen Moss: Helen Moss",
        );
    }
}
