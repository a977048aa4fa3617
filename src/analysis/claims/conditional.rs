//! Conditionals of hearsay or speculation: `seraient`, `pourrait`,
//! `could collapse`, `may have spurred`.
//!
//! French: a third-person form in -rait/-raient is a conditional unless it
//! is the imperfect of a verb whose stem ends in r (`déclarait`,
//! `instauraient`, `couvrait`, `courait`): the open dictionary knows the
//! infinitive (`déclarer`, `couvrir`) those imperfects come from, and no
//! conditional's stem plus -er is a verb (`déclarerer`), bar a few listed
//! in `claims.toml` (`saurait`: `saurer` is a verb). Nouns and the
//! present of paraître (`portrait`, `il apparait`) are listed exceptions.
//! English: the modals of `claims.toml` (`could`, `might`, `may`, not
//! `May`) when they speculate about the past (`may have spurred`) or about
//! a quantity (`could cost $2 billion`); elsewhere they mostly say what is
//! possible or able (`could be seen by anyone`, `could not agree`).
//! `would` is not one (the future of reported speech).
//!
//! Not markers: a conditional after a condition (`si`, `if`: the caller
//! drops them), after a first-person or impersonal subject (`nous
//! pourrions`, `on pourrait`), or in a relative clause of an indefinite
//! noun (`un gouvernement qui continuerait à…`: a hypothetical thing, not
//! hearsay; `le suspect, qui aurait agi seul` stays one).

use super::super::{Doc, MarkerKind, Word};
use super::figures::has_quantity;
use crate::lexicon::{word_classes, Lang};
use crate::text::TextRange;

pub(super) fn conditionals(doc: &Doc, s: TextRange) -> Vec<(TextRange, MarkerKind)> {
    let words = doc.words(s);
    let claims = &doc.lex.claims;
    let mut res = Vec::new();
    let mut quantity = None;
    for (i, w) in words.iter().enumerate() {
        let conditional = match doc.lex.lang {
            Lang::Fr => french_conditional(doc, w),
            Lang::En => {
                english_modal(doc, words, i)
                    && (words.get(i + 1).is_some_and(|n| n.folded == "have")
                        || *quantity.get_or_insert_with(|| has_quantity(doc, s)))
            }
        };
        if !conditional {
            continue;
        }
        let prev = i.checked_sub(1).map(|k| words[k].folded);
        if prev.is_some_and(|p| claims.first_person.contains(p)) {
            continue;
        }
        if hypothetical_relative(doc, words, i) {
            continue;
        }
        res.push((w.range, MarkerKind::Conditional));
    }
    res
}

/// A French third-person conditional (see the module doc).
fn french_conditional(doc: &Doc, w: &Word) -> bool {
    let f = w.folded;
    let claims = &doc.lex.claims;
    let stem = match f.strip_suffix("aient").or_else(|| f.strip_suffix("ait")) {
        Some(stem) if stem.ends_with('r') && f.chars().count() > 5 => stem,
        _ => return false,
    };
    if claims.conditionals.contains(f) {
        return true;
    }
    if claims.conditional_exceptions.contains(f) {
        return false;
    }
    let is_verb = |infinitive: String| word_classes(Lang::Fr, &infinitive).is_common();
    // The imperfect of an -er verb: déclar-ait (déclarer).
    if is_verb(format!("{stem}er")) {
        return false;
    }
    // The imperfect of couvrir, offrir, courir, acquérir: the conditional
    // doubles the r or keeps the i (courrait, couvrirait).
    let ir_imperfect = stem.ends_with("vr")
        || stem.ends_with("fr")
        || (stem.ends_with("our") && !stem.ends_with("ourr"))
        || stem.ends_with("quer");
    !(ir_imperfect && is_verb(format!("{stem}ir")))
}

/// An English modal of speculation, not negated "could".
fn english_modal(doc: &Doc, words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if !doc.lex.claims.modals.contains(w.folded) {
        return false;
    }
    // "May" with a capital is the month.
    if !doc.text[w.range.as_range()].starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let next = words.get(i + 1).map(|n| n.folded);
    // Closed grammar of the rule: "could not" is a past inability.
    !(w.folded == "could" && matches!(next, Some("not" | "never" | "hardly")))
}

/// Whether the conditional at `i` ends a relative clause of an indefinite
/// noun: "un gouvernement qui (ne) continuerait", "a deal that could".
fn hypothetical_relative(doc: &Doc, words: &[Word], i: usize) -> bool {
    let claims = &doc.lex.claims;
    // Clitics and negation between the relative and the verb: a closed
    // set of the grammar of this rule.
    let mut k = i;
    while k > 0 && matches!(words[k - 1].folded, "ne" | "n'" | "se" | "s'" | "y" | "en") {
        k -= 1;
    }
    let Some(rel) = k.checked_sub(1) else {
        return false;
    };
    if !claims.relatives.contains(words[rel].folded) {
        return false;
    }
    // An appositive relative ("le suspect, qui aurait…") is hearsay.
    let before_rel = &doc.text[..words[rel].range.start()];
    if before_rel.trim_end().ends_with(',') {
        return false;
    }
    let indefinites = &doc.lexicons.shared.indefinites;
    words[rel.saturating_sub(4)..rel]
        .iter()
        .any(|w| indefinites.contains(w.folded))
}

#[cfg(test)]
mod tests {
    use super::super::check::check_claims;

    #[test]
    fn a_french_conditional_is_read_from_its_ending() {
        check_claims(
            "Les pirates $0auraient$0 détourné de l'argent.",
            "unattributed [conditional «auraient»]",
        );
        check_claims(
            "La réforme $0déclencherait$0 une grève.",
            "unattributed [conditional «déclencherait»]",
        );
        check_claims(
            "Le prix $0saurait$0 grimper encore.",
            "unattributed [conditional «saurait»]",
        );
    }

    #[test]
    fn imperfects_of_verbs_in_r_are_not_conditionals() {
        check_claims(
            "Les deux partis concentraient leurs efforts sur le centre.",
            "",
        );
        check_claims(
            "Le traité instaurait une trêve et ouvrait les frontières.",
            "",
        );
        check_claims("Il courait vers la gare et déclarait son amour.", "");
        check_claims("Le portrait du maire apparait dans le hall.", "");
    }

    #[test]
    fn a_relative_of_an_indefinite_noun_is_hypothetical() {
        check_claims(
            "Le parti refuse d'entrer dans un gouvernement qui continuerait la rigueur.",
            "",
        );
        check_claims(
            "Le suspect, qui $0aurait$0 agi seul, a été arrêté.",
            "unattributed [conditional «aurait»]",
        );
    }

    #[test]
    fn english_modals_of_speculation() {
        check_claims(
            "The merger $0could$0 cost thousands of jobs.",
            "unattributed [conditional «could»]",
        );
        check_claims(
            "The leak $0may$0 have caused the blast.",
            "unattributed [conditional «may»]",
        );
        check_claims(
            "Congress could not agree on a budget. She said she would resign in May.",
            "",
        );
        check_claims("The video could be seen by anyone online.", "");
    }

    #[test]
    fn conditions_and_first_persons_are_not_hearsay() {
        check_claims("Si la pluie cessait, la course pourrait reprendre.", "");
        check_claims("Nous pourrions partir demain, on pourrait dire.", "");
    }
}
