//! Statistics: which figures make a claim.
//!
//! A figure an editor wants sourced says something of a population or a
//! trend: a share (`52 %`, `deux tiers des`, `un Français sur trois`,
//! `1 in 5`), a rate or a comparison (`fois plus`, `doubled`), a record
//! or a projection with a quantity (`expected to cost $240 million`,
//! `estimé à 3 milliards`). The shares and comparisons are phrases of
//! `claims.toml`; this file reads the proportions written with numbers and
//! whether a sentence holds a quantity.
//!
//! Deliberately not claims: a count on its own (`800 comédiens`, `499
//! patients`, `14 villes`): the count of a reported event is a fact of
//! the report, and a sourced one is sourced in its paragraph; dates,
//! times, years, ages, ordinals and scores (`8:30`, `2014`, `Adamowicz,
//! 53,`, `3-1`); numbers in names (`Area 51`, `Article 50`, `résolution
//! 2259`); the shares of a vote (`478 voix contre 39`, `52% voted to
//! leave`: the caller drops them unless a poll is named).

use super::super::{Doc, MarkerKind, Word};
use crate::text::TextRange;

/// Proportions written with numbers: "un sur trois", "1 in 5", "two out
/// of three"; not "sur trois ans" (a duration).
pub(super) fn proportions(doc: &Doc, s: TextRange) -> Vec<(TextRange, MarkerKind)> {
    let words = doc.words(s);
    let mut res = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // A number, not the tail of one ("45,000 in 2019").
        let glued = doc.text[..w.range.start()].ends_with([',', '.']);
        if !is_number(doc, w) || glued {
            continue;
        }
        // The linking words are the closed grammar of the construction;
        // the counted noun may come between with `sur` and `out of`
        // (`trois Français sur quatre`), not with `in` (`3 goals in 5
        // games` is a record of play).
        let link_at = |j: usize, gap: bool| match words.get(j).map(|n| n.folded) {
            Some("sur") => Some(1),
            Some("in") if !gap => Some(1),
            Some("out") if words.get(j + 1).is_some_and(|n| n.folded == "of") => Some(2),
            _ => None,
        };
        let noun = words.get(i + 1).is_some_and(|n| !is_number(doc, n));
        let (gap, link) = match (link_at(i + 1, false), link_at(i + 2, true)) {
            (Some(link), _) => (0, link),
            (None, Some(link)) if noun => (1, link),
            _ => continue,
        };
        let Some(total) = words.get(i + 1 + gap + link) else {
            continue;
        };
        let unit = words.get(i + 2 + gap + link).map(|n| n.folded);
        let duration = unit.is_some_and(|u| doc.lexicons.shared.time_words.contains(u));
        if is_number(doc, total) && !duration && !is_year(doc, total) {
            res.push((w.range.cover(total.range), MarkerKind::Statistic));
        }
    }
    res
}

/// Whether the sentence holds a quantity: a quantity word (millions,
/// dollars) or a number that counts something (not a date, a time, a year,
/// an age, an ordinal, a score or a small number).
pub(super) fn has_quantity(doc: &Doc, s: TextRange) -> bool {
    let words = doc.words(s);
    let quantity_words = &doc.lex.claims.quantity_words;
    words
        .iter()
        .enumerate()
        .any(|(i, w)| quantity_words.contains(w.folded) || counts_something(doc, words, i, s))
}

fn is_year(doc: &Doc, w: &Word) -> bool {
    let raw = &doc.text[w.range.as_range()];
    raw.len() == 4 && raw.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

fn is_number(doc: &Doc, w: &Word) -> bool {
    let raw = &doc.text[w.range.as_range()];
    raw.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        && raw.starts_with(|c: char| c.is_ascii_digit())
        || doc.lex.claims.number_words.contains(w.folded)
}

/// A number of ten or more that is not a date, a time, a year or a score.
fn counts_something(doc: &Doc, words: &[Word], i: usize, s: TextRange) -> bool {
    let w = &words[i];
    let raw = &doc.text[w.range.as_range()];
    if !raw.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // Ordinals and times glued to letters (66ème, 21st, 09h20), scores,
    // times and dates written with separators (3-1, 10:30, 12/05).
    if raw
        .chars()
        .any(|c| c.is_alphabetic() || matches!(c, '-' | ':' | '/'))
    {
        return false;
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let value: u64 = digits.parse().unwrap_or(0);
    let before = doc.text[s.start()..w.range.start()].chars().next_back();
    let after = doc.text[w.range.end()..s.end()].chars().next();
    let next = words.get(i + 1).map_or("", |n| n.folded);
    let prev = i.checked_sub(1).map_or("", |k| words[k].folded);
    let shared = &doc.lexicons.shared;
    let is_year = digits.len() == 4 && (1800..=2100).contains(&value);
    let time_or_score = matches!(after, Some(':' | 'h' | '-' | '/')) || matches!(before, Some(':'));
    let unit_of_time = shared.time_words.contains(next);
    let date = shared.months.contains(next) || shared.months.contains(prev);
    !(is_year || time_or_score || unit_of_time || date || value < 10)
}

#[cfg(test)]
mod tests {
    use super::super::check::check_claims;

    #[test]
    fn shares_and_comparisons_are_statistics() {
        check_claims(
            "Le chômage a baissé de 3 $0%$0 en un an.",
            "unattributed [statistic «%»]",
        );
        check_claims(
            "$0Un sur trois$0 des salariés travaille le dimanche.",
            "unattributed [statistic «Un sur trois»]",
        );
        check_claims(
            "Nearly $0half of$0 the town's children live in poverty.",
            "unattributed [statistic «half of»]",
        );
        check_claims(
            "Les loyers ont augmenté deux $0fois plus$0 vite que les salaires.",
            "unattributed [statistic «fois plus»]",
        );
    }

    #[test]
    fn a_proportion_may_name_what_it_counts() {
        check_claims(
            "$0Trois Français sur quatre$0 partent en vacances en août.",
            "unattributed [statistic «Trois Français sur quatre»]",
        );
        check_claims("He scored 3 goals in 5 games this season.", "");
    }

    #[test]
    fn a_trend_with_a_quantity_is_a_statistic() {
        check_claims(
            "Le chômage $0a augmenté de$0 200 000 personnes.",
            "unattributed [statistic «a augmenté de»]",
        );
        check_claims("Les prix ont augmenté de façon continue.", "");
    }

    #[test]
    fn a_projection_or_a_record_needs_a_quantity() {
        check_claims(
            "The stadium is $0expected to$0 cost $900 million.",
            "unattributed [statistic «expected to»]",
        );
        check_claims("The vote is expected to take place on Tuesday.", "");
        check_claims("La ville a battu un record d'affluence.", "");
    }

    #[test]
    fn counts_ages_times_and_numbers_in_names_are_facts() {
        check_claims(
            "Plus de 800 comédiens ont joué devant 12 000 spectateurs.",
            "",
        );
        check_claims(
            "Jan Kowalski, 61, arrived at 8:30 p.m. near Area 51 with 40 friends.",
            "",
        );
        check_claims("L'équipe a recruté 210 jeunes sur trois ans.", "");
        check_claims("The firm was fined $45,000 in 2019 and 3 in 2020.", "");
    }

    #[test]
    fn the_shares_of_a_vote_are_its_result_unless_a_poll_gives_them() {
        check_claims(
            "Le texte a été rejeté par 478 voix contre 39, soit 90 % des suffrages.",
            "",
        );
        check_claims("About 52% of those who voted chose to leave.", "");
        check_claims(
            "Le maire obtiendrait 45 $0%$0 des intentions de vote.",
            "unattributed [conditional «obtiendrait», statistic «%»]",
        );
    }
}
