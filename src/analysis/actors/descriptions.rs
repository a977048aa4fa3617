//! Demonyms and definite descriptions: `les autorités chinoises`,
//! `Chinese officials` (a country speaking), and determiner + description
//! noun or title with an optional demonym (`le quotidien`, `l'agence`, `le
//! journal américain`, `le président chinois`, `the newspaper`), resolved
//! to the most recent compatible actor. Two different people just before
//! make a person description ambiguous: no mention.

use super::super::{Actor, ActorId, Doc, MentionKind, Word};
use super::gazetteer::country_actor;
use super::{adjacent, is_capitalized, Registry};
use crate::lexicon::{ActorKind, Gender, Lang};
use crate::text::{fold, TextRange};

/// "les autorités chinoises", "Chinese officials": a country speaking.
pub(super) fn demonyms(doc: &Doc, words: &[Word], lang: Lang, reg: &mut Registry) {
    let g = &doc.lexicons.gazetteer;
    for pair in words.windows(2) {
        let (head, dem) = match lang {
            Lang::Fr => (&pair[0], &pair[1]),
            Lang::En => (&pair[1], &pair[0]),
        };
        if !head.is_in(&doc.lex.government_heads) {
            continue;
        }
        let Some(&c) = g.demonyms.get(dem.folded) else {
            continue;
        };
        let range = pair[0].range.cover(pair[1].range);
        if reg.is_claimed(range) {
            continue;
        }
        let id = country_actor(reg, g, c, lang);
        reg.mention(range, id, MentionKind::Demonym);
    }
}

/// Definite descriptions: determiner + description noun or title, with an
/// optional demonym: "le quotidien", "l'agence", "le journal américain",
/// "le président chinois", "the newspaper".
pub(super) fn descriptions(doc: &Doc, words: &[Word], reg: &mut Registry) {
    let g = &doc.lexicons.gazetteer;
    for (i, det) in words.iter().enumerate() {
        if !doc
            .lexicons
            .shared
            .definite_determiners
            .contains(det.folded)
        {
            continue;
        }
        let Some(head) = words.get(i + 1) else {
            continue;
        };
        if !adjacent(doc.text, det, head) || reg.is_claimed(head.range) {
            continue;
        }
        // Multi-word titles ("premier ministre", "news agency").
        let (head_end, head_key, kind, gender) = {
            let at = head.range.start();
            if let Some((r, id)) = doc.match_at(&doc.lex.title_set, at) {
                let t = doc.lex.title_set.phrase(id).to_string();
                let gender = doc.lex.titles.get(&t).copied().unwrap_or(Gender::Any);
                (r.end(), t, ActorKind::Person, gender)
            } else if let Some(&(kind, gender)) = doc.lex.descriptions.get(head.folded) {
                (head.range.end(), head.folded.to_string(), kind, gender)
            } else if head.is_in(&doc.lex.institutions) {
                (
                    head.range.end(),
                    head.folded.to_string(),
                    ActorKind::Organization,
                    Gender::Any,
                )
            } else {
                continue;
            }
        };
        let next_idx = words.partition_point(|w| w.range.start() < head_end);
        let next = words.get(next_idx);
        // "le président Barack Obama": a title before a name is not a
        // description of its own; "le ministre de l'Intérieur" names
        // someone else.
        if let Some(n) = next {
            let gap = doc.text[head_end..n.range.start()].trim();
            let glued = gap.is_empty();
            if glued
                && (is_capitalized(n, doc.text)
                    || matches!(n.folded, "de" | "du" | "des" | "d'" | "of"))
            {
                continue;
            }
            // "Le vice-président, Joe Biden, …": the title of the name after it.
            if gap == "," && kind == ActorKind::Person && is_capitalized(n, doc.text) {
                continue;
            }
            // "le député socialiste Boris Vallaud", "le président chinois Xi
            // Jinping": one adjective between the title and the person it is
            // the title of (not a verb: "le président reçoit Vladimir Poutine").
            let adjective = g.demonyms.contains_key(n.folded)
                || doc
                    .lex
                    .adjective_endings
                    .iter()
                    .any(|e| n.folded.ends_with(e.as_str()))
                    && !doc.lex.speech_forms.contains_key(n.folded);
            let named_after = adjective
                && words.get(next_idx + 1).is_some_and(|n2| {
                    adjacent(doc.text, n, n2)
                        && reg
                            .mention_starting_at(n2.range.start())
                            .is_some_and(|m| reg.actors[m.actor].kind == ActorKind::Person)
                });
            if glued && kind == ActorKind::Person && !is_capitalized(n, doc.text) && named_after {
                continue;
            }
        }
        let mut end = head_end;
        let mut country = None;
        if let Some(n) = next {
            if let Some(&c) = g.demonyms.get(n.folded) {
                if doc.text[head_end..n.range.start()].trim().is_empty() {
                    country = Some(g.countries[c].fr.clone());
                    end = n.range.end();
                }
            }
        }
        let range = TextRange::new(det.range.start(), end);
        if reg.is_claimed(range) {
            continue;
        }
        // "le parquet", "the police": an institution of its own, made an
        // actor only when it speaks (see attribution).
        if doc.lex.institutions.contains(&head_key) {
            continue;
        }
        // "la maire", "le ministre": the article tells the gender a title
        // leaves open.
        let gender = match (gender, det.folded) {
            (Gender::Any, "la" | "cette") => Gender::Feminine,
            (Gender::Any, "le" | "ce") => Gender::Masculine,
            (g, _) => g,
        };
        let wanted = Wanted {
            kind,
            gender,
            head: &head_key,
            agency: matches!(head_key.as_str(), "agence" | "agency" | "news agency"),
            country: country.as_deref(),
            typed: doc.lex.typed_descriptions.contains(&head_key),
        };
        let found = resolve_description(doc, reg, range.start(), &wanted);
        if let Some(id) = found {
            if kind == ActorKind::Person && reg.actors[id].country.is_none() {
                reg.actors[id].country = country;
            }
            reg.mention(range, id, MentionKind::Description);
        }
    }
}

/// Whether an organisation named `name` (folded) may be what a typed
/// description (`head`: "the union", "la banque") refers to: its name holds
/// the noun (the Tenants Union), or no type at all (CGT, Europe Écologie
/// Les Verts); a name of another type (Acme Corp, Banque de France for "le
/// syndicat") may not.
fn of_type_named(doc: &Doc, head: &str, name: &str) -> bool {
    let heads = &doc.lexicons.shared.org_heads;
    name.contains(head) || !name.split([' ', '-', '\'']).any(|w| heads.contains(w))
}

/// What a description says of the actor it refers to.
struct Wanted<'a> {
    kind: ActorKind,
    gender: Gender,
    /// The description's noun, folded ("quotidien", "union").
    head: &'a str,
    /// A news agency ("l'agence", "the agency").
    agency: bool,
    country: Option<&'a str>,
    /// A noun naming a type of organisation (`typed_descriptions`).
    typed: bool,
}

fn resolve_description(
    doc: &Doc,
    reg: &Registry,
    offset: usize,
    wanted: &Wanted,
) -> Option<ActorId> {
    let &Wanted {
        kind,
        gender,
        head,
        agency,
        country,
        typed,
    } = wanted;
    let compatible = |a: &Actor| {
        let kind_ok = match kind {
            ActorKind::Media if agency => {
                a.is_agency && matches!(a.kind, ActorKind::Media | ActorKind::Organization)
            }
            ActorKind::Country => a.kind == ActorKind::Country,
            k => a.kind == k,
        };
        let gender_ok = kind != ActorKind::Person || a.gender.agrees(gender);
        let country_ok = match (country, &a.country) {
            (Some(c), Some(ac)) => fold(c) == fold(ac),
            _ => true,
        };
        let type_ok = !typed || of_type_named(doc, head, &fold(&a.name));
        kind_ok && gender_ok && country_ok && type_ok
    };
    if kind == ActorKind::Person {
        // Prefer someone already described with this title.
        let titled = |a: &Actor| {
            compatible(a)
                && a.description
                    .as_deref()
                    .is_some_and(|d| fold(d).contains(head))
        };
        if let Some((id, _)) = reg.latest_before(offset, titled) {
            return Some(id);
        }
        // Two different people in the latest sentence: ambiguous.
        let (first, at) = reg.latest_before(offset, compatible)?;
        let second = reg.latest_before(offset, |a| {
            compatible(a) && !std::ptr::eq(a, &reg.actors[first])
        });
        if let Some((_, at2)) = second {
            if at - at2 < 60 {
                return None;
            }
        }
        return Some(first);
    }
    reg.latest_before(offset, compatible).map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn a_demonym_after_a_government_noun_is_the_country() {
        check_actors(
            "Les autorités chinoises ont répondu aux entreprises américaines.",
            Vec::new(),
            "country Chine: autorités chinoises",
        );
    }

    #[test]
    fn a_description_goes_to_the_latest_compatible_actor() {
        check_actors(
            "The New York Times a enquêté. Le journal américain a publié.",
            Vec::new(),
            "media The New York Times: The New York Times | Le journal américain",
        );
    }

    #[test]
    fn a_title_and_an_adjective_before_a_name_describe_no_one_else() {
        check_actors(
            "Paul Girard a parlé. Le député socialiste Marc Lenoir a répondu.",
            Vec::new(),
            "person Paul Girard: Paul Girard\nperson Marc Lenoir (député socialiste): Marc Lenoir",
        );
    }
}
