//! Single-word names: a capitalised word seen at least twice, once with
//! an apposition saying what it is (`Orbitel, the Seattle-based cloud
//! company,`), or once before a determiner and a person's title
//! (`Barroso, le président de la Commission …`), when it is no common
//! word. Runs of several words are [`super::names`]' business.

use std::collections::HashMap;

use super::super::Word;
use super::super::{ActorOrigin, Doc, MentionKind};
use super::gazetteer::names_an_event;
use super::person::apposition;
use super::{adjacent, is_capitalized, Registry};
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
    // A word only a coordination names ("Woolworths and Coles") waits until
    // the others are known: decided after them, from them alone, whatever
    // the order of the map.
    let mut coordinated = Vec::new();
    for (_, ranges) in counts {
        let name = doc.text[ranges[0].as_range()].to_string();
        // A one-word name read elsewhere ("…, a précisé Febelfin") also
        // names its occurrences before that ("Febelfin a rappelé …").
        let known = reg.find_key(&name);
        let titled = ranges.len() == 1 && titled_apposition(doc, ranges[0]);
        let kind = ranges
            .iter()
            .find_map(|r| apposition_kind(doc, r.end()))
            .or(titled.then_some(ActorKind::Person));
        let id = match (known, kind) {
            (Some(id), _) => id,
            (None, Some(kind)) if ranges.len() >= 2 || titled => {
                reg.add_from(&name, kind, ActorOrigin::Context)
            }
            _ => {
                coordinated.push((name, ranges));
                continue;
            }
        };
        mention_all(doc, reg, ranges, id);
    }
    let coordinated: Vec<_> = coordinated
        .into_iter()
        .filter_map(|(name, ranges)| {
            let kind = ranges.iter().find_map(|r| coordinated_kind(doc, reg, *r))?;
            Some((name, ranges, kind))
        })
        .collect();
    for (name, ranges, kind) in coordinated {
        let id = reg.add_from(&name, kind, ActorOrigin::Context);
        mention_all(doc, reg, ranges, id);
    }
}

/// Every occurrence of a single-word name is a mention, except before an
/// event noun ("Labour Day" is the event's).
fn mention_all(doc: &Doc, reg: &mut Registry, ranges: Vec<TextRange>, id: usize) {
    for r in ranges.into_iter().filter(|r| !names_an_event(doc, *r)) {
        reg.mention(r, id, MentionKind::Name);
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

/// "Woolworths and Coles", "Coles et Woolworths": a word joined by a
/// coordinating conjunction to an organisation or a medium the document
/// names is one of the same kind, even when it is also a common word.
fn coordinated_kind(doc: &Doc, reg: &Registry, r: TextRange) -> Option<ActorKind> {
    let near = TextRange::new(
        r.start().saturating_sub(120),
        (r.end() + 120).min(doc.text.len()),
    );
    let words = doc.words(near);
    let i = words.iter().position(|w| w.range == r)?;
    let conjunction = |w: &Word| matches!(w.folded, "and" | "et" | "or" | "ou");
    let kind_of = |w: &Word| {
        reg.kind_at(w.range)
            .filter(|k| matches!(k, ActorKind::Organization | ActorKind::Media))
    };
    let joined = |a: &Word, conj: &Word, b: &Word| {
        conjunction(conj) && adjacent(doc.text, a, conj) && adjacent(doc.text, conj, b)
    };
    let before = match i {
        2.. => {
            let (other, conj) = (&words[i - 2], &words[i - 1]);
            joined(other, conj, &words[i])
                .then(|| kind_of(other))
                .flatten()
        }
        _ => None,
    };
    before.or_else(|| {
        let (conj, other) = (words.get(i + 1)?, words.get(i + 2)?);
        joined(&words[i], conj, other)
            .then(|| kind_of(other))
            .flatten()
    })
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
    fn a_word_coordinated_with_an_organisation_is_one() {
        check_actors(
            "The limits were introduced by Reuters and Coles on March 4. Coles later reported shortages.",
            Vec::new(),
            "media Reuters: Reuters\nmedia Coles: Coles | Coles",
        );
        check_actors(
            "La mesure a été saluée par l'AFP et Libre, dès lundi.",
            Vec::new(),
            "media Agence France-Presse: AFP\nmedia Libre: Libre",
        );
        // Only with an organisation or a medium: beside a person, a common
        // word stays one.
        check_actors(
            "The plan was backed by Barack Obama and Wolf on Monday.",
            Vec::new(),
            "person Barack Obama: Barack Obama",
        );
    }

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
