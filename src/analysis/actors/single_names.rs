//! Single-word names: a capitalised word seen at least twice, once with
//! an apposition saying what it is (`Orbitel, the Seattle-based cloud
//! company,`), or once before a determiner and a person's title
//! (`Barroso, le président de la Commission …`), when it is no common
//! word. Runs of several words are [`super::names`]' business.

use std::collections::HashMap;

use super::super::{ActorOrigin, Doc, MentionKind};
use super::gazetteer::names_an_event;
use super::person::apposition;
use super::{is_capitalized, Registry};
use crate::lexicon::{word_classes, ActorKind};
use crate::text::{fold, TextRange};

/// A single capitalised word seen at least twice, once with an apposition
/// that says what it is ("Orbitel, the Seattle-based cloud company,"), is
/// a name of that kind; every occurrence becomes a mention.
pub(super) fn repeated_names(doc: &Doc, reg: &mut Registry) {
    let mut counts: HashMap<String, Vec<TextRange>> = HashMap::new();
    for s in &doc.sentences {
        for w in doc.words(s.range) {
            if is_capitalized(w, doc.text)
                && !reg.is_claimed(w.range)
                && !doc.lex.sentence_words.contains(w.folded)
                && w.folded.chars().count() > 2
            {
                counts
                    .entry(w.folded.to_string())
                    .or_default()
                    .push(w.range);
            }
        }
    }
    for (_, ranges) in counts {
        let name = doc.text[ranges[0].as_range()].to_string();
        // A one-word name read elsewhere ("…, a précisé Febelfin") also
        // names its occurrences before that ("Febelfin a rappelé …").
        let known = reg.find_key(&name);
        let titled = ranges.len() == 1 && titled_apposition(doc, ranges[0]);
        if ranges.len() < 2 && known.is_none() && !titled {
            continue;
        }
        let kind = ranges
            .iter()
            .find_map(|r| apposition_kind(doc, r.end()))
            .or(titled.then_some(ActorKind::Person));
        let id = match (known, kind) {
            (Some(id), _) => id,
            (None, Some(kind)) => reg.add_from(&name, kind, ActorOrigin::Context),
            (None, None) => continue,
        };
        // "Labour Day": a name before an event noun is the event's.
        for r in ranges.into_iter().filter(|r| !names_an_event(doc, *r)) {
            reg.mention(r, id, MentionKind::Name);
        }
    }
}

/// "Barroso, le président de la Commission, …": a word that is no common
/// word, set off by a comma before a determiner and a person's title.
fn titled_apposition(doc: &Doc, range: TextRange) -> bool {
    let Some(rest) = doc.text[range.end()..].strip_prefix(", ") else {
        return false;
    };
    let at = doc.text.len() - rest.len();
    let words = doc.words(TextRange::new(at, (at + 40).min(doc.text.len())));
    let (Some(det), Some(title)) = (words.first(), words.get(1)) else {
        return false;
    };
    let common = word_classes(doc.lex.lang, doc.folded_at(range)).is_common();
    det.range.start() == at
        && doc
            .lexicons
            .shared
            .definite_determiners
            .contains(det.folded)
        && doc
            .match_at(&doc.lex.title_set, title.range.start())
            .is_some()
        && !common
}

fn apposition_kind(doc: &Doc, end: usize) -> Option<ActorKind> {
    let desc = apposition(doc, end)?;
    let words: Vec<String> = desc.split([' ', '-']).map(fold).collect();
    doc.lexicons
        .shared
        .kind_nouns
        .iter()
        .find(|(n, _)| words.iter().any(|w| w == n))
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn a_word_before_a_titled_apposition_is_a_person() {
        check_actors(
            "Kowalczyk, le ministre des finances se dit satisfait.",
            Vec::new(),
            "person Kowalczyk (le ministre des finances): Kowalczyk",
        );
        check_actors(
            "Finalement, le ministre des finances se dit satisfait.",
            Vec::new(),
            "",
        );
    }
}
