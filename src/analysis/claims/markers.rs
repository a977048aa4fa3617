//! Claim markers: the words that make a sentence a claim an editor wants
//! sourced, outside quotations.
//!
//! - hearsay (`reportedly`, `prétendument`, `is reported to have`) and
//!   hearsay or speculative conditionals ([`super::conditional`]);
//! - the writer's speculation (`probablement`, `most likely`);
//! - appeals to common knowledge or unnamed evidence (`tout le monde
//!   sait`, `studies show`);
//! - accusations (`accusé de`, `suspected of`);
//! - evaluations presented as fact (`ont semblé cordiales`, loaded words:
//!   `scandaleux`, `disastrous`);
//! - statistics ([`super::figures`]): shares, rates, comparisons, records
//!   and projections with a quantity.
//!
//! Not markers: anything in a question; anything inside quotation marks
//! (the quote has its own speaker); a share in a sentence about a vote
//! (`52 % des suffrages`, a result of the record) unless it is a poll.
//! Every phrase comes from `claims.toml`, found in one pass per sentence.

use super::super::{Doc, MarkerKind};
use super::{conditional, figures};
use crate::lexicon::ClaimRole;
use crate::text::TextRange;

/// The phrases of `claims.toml` in a sentence, outside quotations, with
/// their roles.
pub(super) fn phrases(doc: &Doc, s: TextRange) -> Vec<(TextRange, ClaimRole)> {
    let words = &doc.lex.claims;
    doc.find(&words.phrases, s)
        .into_iter()
        .filter(|(r, _)| !doc.in_quote(*r))
        .map(|(r, id)| (r, words.role(id)))
        .collect()
}

/// Claim markers of a sentence, in text order.
pub(super) fn markers(
    doc: &Doc,
    s: TextRange,
    phrases: &[(TextRange, ClaimRole)],
) -> Vec<(TextRange, MarkerKind)> {
    let mut res = Vec::new();
    if is_question(doc, s) {
        return res;
    }
    let has = |role: ClaimRole| phrases.iter().any(|(_, r)| *r == role);
    let vote = has(ClaimRole::Vote) && !has(ClaimRole::Poll);
    let mut quantity = None;
    for &(r, role) in phrases {
        let kind = match role {
            ClaimRole::Hearsay => MarkerKind::Hearsay,
            ClaimRole::Speculation => MarkerKind::Speculation,
            ClaimRole::Consensus => MarkerKind::Consensus,
            ClaimRole::Accusation => MarkerKind::Accusation,
            ClaimRole::Evaluation => MarkerKind::Evaluation,
            ClaimRole::Statistic if !vote => MarkerKind::Statistic,
            ClaimRole::Projection
                if *quantity.get_or_insert_with(|| figures::has_quantity(doc, s)) =>
            {
                MarkerKind::Statistic
            }
            _ => continue,
        };
        res.push((r, kind));
    }
    if !has(ClaimRole::Hypothesis) {
        res.extend(conditional::conditionals(doc, s));
    }
    if !vote {
        res.extend(figures::proportions(doc, s));
    }
    res.retain(|(r, _)| !doc.in_quote(*r));
    res.sort_by_key(|(r, _)| r.start);
    res.dedup_by(|a, b| a.0.intersects(b.0));
    res
}

/// A question asks; it does not claim.
fn is_question(doc: &Doc, s: TextRange) -> bool {
    doc.text[s.as_range()]
        .trim_end()
        .trim_end_matches(['»', '"', '”', ' ', '\u{a0}', '\u{202f}'])
        .ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::super::check::check_claims;

    #[test]
    fn hearsay_speculation_and_accusations_are_markers() {
        check_claims(
            "Le maire aurait $0prétendument$0 quitté la ville.",
            "unattributed [conditional «aurait», hearsay «prétendument»]",
        );
        check_claims(
            "The bridge will $0probably$0 reopen in March.",
            "unattributed [speculation «probably»]",
        );
        check_claims(
            "Le trésorier est $0soupçonné d'$0avoir caché des fonds.",
            "unattributed [accusation «soupçonné d'»]",
        );
        check_claims(
            "The attacker $0is reported to$0 have fled on foot.",
            "unattributed [hearsay «is reported to»]",
        );
    }

    #[test]
    fn partisan_appeals_and_loaded_words_are_flagged() {
        check_claims(
            "$0Everyone knows$0 the mayor lied about the budget.",
            "unattributed [consensus «Everyone knows», accusation «lied about»]",
        );
        check_claims(
            "$0Studies show$0 that the new policy has failed.",
            "unattributed [consensus «Studies show»]",
        );
        check_claims(
            "$0Tout le monde sait$0 que cette réforme est un échec.",
            "unattributed [consensus «Tout le monde sait»]",
        );
        check_claims(
            "Cette gestion $0scandaleuse$0 a ruiné la commune.",
            "unattributed [evaluation «scandaleuse»]",
        );
        check_claims(
            "The senator is $0corrupt$0 and everybody in town knows it.",
            "unattributed [evaluation «corrupt»]",
        );
        check_claims(
            "$0Everyone can see$0 that the plan is a total failure.",
            "unattributed [consensus «Everyone can see», evaluation «total failure»]",
        );
        check_claims(
            "$0Tout le monde voit$0 que la réforme a échoué.",
            "unattributed [consensus «Tout le monde voit»]",
        );
        check_claims(
            "C'est le $0pire gouvernement$0 de notre histoire.",
            "unattributed [evaluation «pire gouvernement»]",
        );
        check_claims(
            "The unions are $0to blame for$0 the shortages.",
            "unattributed [accusation «to blame for»]",
        );
        check_claims(
            "Cette réforme est $0de toute évidence$0 une erreur.",
            "unattributed [consensus «de toute évidence»]",
        );
        check_claims(
            "They are $0hiding the truth$0 about the deal.",
            "unattributed [accusation «hiding the truth»]",
        );
        check_claims(
            "Le ministre est un $0menteur$0.",
            "unattributed [evaluation «menteur»]",
        );
        check_claims(
            "Since 2019 the debt has $0exploded by$0 $600 billion.",
            "unattributed [statistic «exploded by»]",
        );
        check_claims(
            "The new tax is $0unfair$0 to families.",
            "unattributed [evaluation «unfair»]",
        );
        check_claims(
            "Cette réforme $0irresponsable$0 a divisé le pays.",
            "unattributed [evaluation «irresponsable»]",
        );
        check_claims(
            "Le ministre est $0accusé d'$0avoir menti aux députés.",
            "unattributed [accusation «accusé d'»]",
        );
    }

    #[test]
    fn a_formal_charge_is_a_fact_of_the_procedure() {
        check_claims("Two men have been charged with burglary.", "");
        check_claims("Police opened a criminal investigation.", "");
        check_claims("Une enquête criminelle a été ouverte.", "");
    }

    #[test]
    fn calling_someone_a_criminal_is_an_evaluation() {
        check_claims(
            "The mayor $0is a criminal$0 who should be in jail.",
            "unattributed [evaluation «is a criminal», evaluation «should be in jail»]",
        );
        check_claims(
            "Ce ministre $0est un voleur$0 et la corruption gangrène tout.",
            "unattributed [evaluation «est un voleur», evaluation «gangrène»]",
        );
    }

    #[test]
    fn questions_and_quoted_words_carry_no_marker() {
        check_claims("Le chômage aurait-il baissé de 3 % ?", "");
        check_claims("Il a crié « c'est scandaleux » devant la mairie.", "");
    }
}
