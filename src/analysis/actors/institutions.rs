//! Institutions named by common words: a lower-case head noun with a
//! capitalised complement (`ministère de l'Agriculture`, `département
//! d'État`, `l'hôpital Sao Joao`), a noun with adjectives (`le Fonds
//! monétaire international`, `la police fédérale`), and the forces named
//! by a common noun (`l'armée`, `the police`).

use super::super::{ActorOrigin, Doc, MentionKind, Word};
use super::names::opens_clause;
use super::{adjacent, collapse, dict, is_capitalized, is_particle, Registry};
use crate::lexicon::{ActorKind, Lang};
use crate::text::TextRange;

/// "ministère de l'Agriculture", "département d'État": a lower-case
/// institution noun with a capitalised complement.
pub(super) fn lowercase_institutions(doc: &Doc, words: &[Word], reg: &mut Registry) {
    for (i, w) in words.iter().enumerate() {
        if !doc.lexicons.shared.institution_heads.contains(w.folded) || reg.is_claimed(w.range) {
            continue;
        }
        if doc.text[w.range.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let mut k = i + 1;
        while k < words.len()
            && is_particle(doc, words[k].folded)
            && adjacent(doc.text, &words[k - 1], &words[k])
        {
            k += 1;
        }
        if k >= words.len()
            || !adjacent(doc.text, &words[k - 1], &words[k])
            || !is_capitalized(&words[k], doc.text)
            || doc.lex.sentence_words.contains(words[k].folded)
        {
            continue;
        }
        let mut end = k;
        while end + 1 < words.len()
            && adjacent(doc.text, &words[end], &words[end + 1])
            && is_capitalized(&words[end + 1], doc.text)
        {
            end += 1;
        }
        let range = w.range.cover(words[end].range);
        if reg.is_claimed(range) {
            reg.unclaim(range);
        }
        let name = collapse(&doc.text[range.as_range()]);
        let id = reg.add_from(&name, ActorKind::Organization, ActorOrigin::Institution);
        reg.mention(range, id, MentionKind::Name);
    }
}

/// French institutions named by a noun and adjectives: a capitalised
/// common noun inside a sentence (`le Fonds monétaire international`, `la
/// Gauche démocratique`, `la Poste portugaise`), or a noun of force in
/// lower case after a determiner (`la police fédérale`, `l'armée
/// malienne`). A noun of force alone (`l'armée`, `la police`) is that
/// institution too: the one named before with adjectives, or its own.
pub(super) fn adjective_institutions(doc: &Doc, words: &[Word], reg: &mut Registry) {
    if doc.lex.lang != Lang::Fr {
        return forces_before_demonyms(doc, words, reg);
    }
    for (i, w) in words.iter().enumerate() {
        if reg.is_claimed(w.range) {
            continue;
        }
        let force = w.is_in(&doc.lex.forces)
            && !is_capitalized(w, doc.text)
            && i > 0
            && doc
                .lexicons
                .shared
                .definite_determiners
                .contains(words[i - 1].folded);
        let named = is_capitalized(w, doc.text)
            && !opens_clause(doc, words, i)
            && dict::classes(doc, w.folded).is_common()
            && !dict::classes(doc, w.folded).is_place()
            && !doc.lex.sentence_words.contains(w.folded)
            && !doc.lexicons.shared.event_heads.contains(w.folded)
            && !doc.lexicons.shared.place_heads.contains(w.folded);
        if !force && !named {
            continue;
        }
        if named && !names_an_institution(doc, words, i) {
            continue;
        }
        let mut end = i;
        while end + 1 < words.len()
            && end - i < 3
            && adjacent(doc.text, &words[end], &words[end + 1])
            && is_adjective(doc, &words[end + 1])
        {
            end += 1;
        }
        let range = w.range.cover(words[end].range);
        if end == i {
            if force {
                force_alone(doc, range, reg);
            }
            continue;
        }
        if reg.is_claimed(range) {
            continue;
        }
        let name = collapse(&doc.text[range.as_range()]);
        let id = reg.add_from(&name, ActorKind::Organization, ActorOrigin::Institution);
        reg.mention(range, id, MentionKind::Name);
    }
}

/// Whether the capitalised noun at `i` can open an institution's name: not
/// after an indefinite article ("un Etat décisif", a state among others),
/// nor as the portfolio of a minister ("le ministre du Redressement
/// productif", "la ministre de l'Économie numérique"): part of a title.
fn names_an_institution(doc: &Doc, words: &[Word], i: usize) -> bool {
    let before: Vec<&str> = words[..i].iter().rev().take(3).map(|w| w.folded).collect();
    if before.first().is_some_and(|w| matches!(*w, "un" | "une")) {
        return false;
    }
    let title = before
        .iter()
        .find(|w| !is_particle(doc, w) && !doc.lexicons.shared.articles.contains(**w));
    !title.is_some_and(|t| MINISTER_TITLES.contains(t))
}

/// Titles whose complement is a portfolio, not an institution: a closed
/// set, part of this rule's grammar.
const MINISTER_TITLES: &[&str] = &["ministre", "ministres", "secretaire", "sous-secretaire"];

/// "l'armée", "the police": the force named before with adjectives (`la
/// police fédérale … la police`), else its own actor.
fn force_alone(doc: &Doc, range: TextRange, reg: &mut Registry) {
    let noun = doc.folded_at(range).to_string();
    let id = reg
        .latest_before(range.start(), |a| {
            a.origin == ActorOrigin::Institution
                && crate::text::fold(&a.name).starts_with(&format!("{noun} "))
        })
        .map(|(id, _)| id)
        .unwrap_or_else(|| reg.add_from(&noun, ActorKind::Organization, ActorOrigin::Institution));
    reg.mention(range, id, MentionKind::Description);
}

/// English: "the police", "the army" after a definite determiner, alone.
fn forces_before_demonyms(doc: &Doc, words: &[Word], reg: &mut Registry) {
    for (i, w) in words.iter().enumerate().skip(1) {
        if w.is_in(&doc.lex.forces)
            && !is_capitalized(w, doc.text)
            && !reg.is_claimed(w.range)
            && doc
                .lexicons
                .shared
                .definite_determiners
                .contains(words[i - 1].folded)
            && !words.get(i + 1).is_some_and(|n| {
                !is_capitalized(n, doc.text)
                    && dict::is_common_only(doc, n.folded)
                    && !doc.lex.function_words.contains(n.folded)
                    && !doc.lex.speech_forms.contains_key(n.folded)
            })
        {
            force_alone(doc, w.range, reg);
        }
    }
}

/// A lower-case adjective that can follow an institution's noun: a
/// demonym or a word with an adjective's ending (`monétaire`,
/// `fédérale`), never a grammar word or a verb of speech.
fn is_adjective(doc: &Doc, w: &Word) -> bool {
    let f = w.folded;
    !is_capitalized(w, doc.text)
        && f.chars().count() >= 4
        && !doc.lex.sentence_words.contains(f)
        && !doc.lex.function_words.contains(f)
        && !doc.lex.speech_forms.contains_key(f)
        && !is_particle(doc, f)
        && (doc.lexicons.gazetteer.demonyms.contains_key(f)
            || doc
                .lex
                .adjective_endings
                .iter()
                .any(|e| f.ends_with(e.as_str())))
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn a_noun_and_adjectives_name_an_institution() {
        check_actors(
            "Le texte a été soutenu par la Gauche démocratique et la police fédérale.",
            Vec::new(),
            "organization Gauche démocratique: Gauche démocratique\norganization police fédérale: police fédérale",
        );
    }

    #[test]
    fn a_minister_s_portfolio_or_a_state_among_others_is_no_institution() {
        check_actors(
            "Le ministre du Redressement productif a visité un Etat décisif.",
            Vec::new(),
            "",
        );
    }
}
