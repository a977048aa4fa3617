//! The gazetteer's actors: countries, capitals (a metonym for the country,
//! or the city itself in a dateline or after a locative preposition),
//! media and agencies, institutions, places.

use super::super::{ActorId, ActorOrigin, Doc, MentionKind};
use super::Registry;
use crate::lexicon::{ActorKind, Gazetteer, GazetteerEntry, Gender, Lang};
use crate::text::{fold, TextRange};

/// Canonical name of a country in the document language.
fn country_name(g: &Gazetteer, i: usize, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &g.countries[i].fr,
        Lang::En => &g.countries[i].en,
    }
}

pub(super) fn country_actor(reg: &mut Registry, g: &Gazetteer, i: usize, lang: Lang) -> ActorId {
    let c = &g.countries[i];
    let id = reg.add_from(
        country_name(g, i, lang),
        ActorKind::Country,
        ActorOrigin::Gazetteer,
    );
    for alias in [&c.fr, &c.en] {
        reg.add_key(alias, id);
    }
    let a = &mut reg.actors[id];
    a.gender = if lang == Lang::En {
        Gender::Neuter
    } else {
        c.gender
    };
    a.plural = c.plural && lang == Lang::Fr;
    id
}

pub(super) fn gazetteer(doc: &Doc, lang: Lang, reg: &mut Registry) {
    let g = &doc.lexicons.gazetteer;
    for (p, &para) in doc.paragraphs.iter().enumerate() {
        for (range, i) in doc.find(&g.names, para) {
            let original = &doc.text[range.as_range()];
            if !g.name_cases[i].accepts(original)
                || reg.is_claimed(range)
                || modifier(doc, range)
                || names_an_event(doc, range)
                || after_first_name(doc, range.start())
            {
                continue;
            }
            let (id, kind) = match g.name_entries[i] {
                GazetteerEntry::Country(c) => (country_actor(reg, g, c, lang), MentionKind::Name),
                GazetteerEntry::Capital(c) => {
                    if is_dateline(doc, p, range) || after_locative(doc, range.start()) {
                        (
                            reg.add_from(
                                &g.name_display[i],
                                ActorKind::Place,
                                ActorOrigin::Gazetteer,
                            ),
                            MentionKind::Name,
                        )
                    } else if let Some(o) = g.name_institution[i] {
                        // "Bruxelles a salué …": the institution the
                        // gazetteer says the capital stands for.
                        (
                            institution_actor(reg, g, o, lang, original),
                            MentionKind::Metonym,
                        )
                    } else {
                        (country_actor(reg, g, c, lang), MentionKind::Metonym)
                    }
                }
                GazetteerEntry::Media(m) => {
                    let media = &g.media[m];
                    let id = reg.add_from(&media.name, ActorKind::Media, ActorOrigin::Gazetteer);
                    let a = &mut reg.actors[id];
                    a.is_agency = media.is_agency;
                    a.gender = if lang == Lang::En {
                        Gender::Neuter
                    } else {
                        media.gender
                    };
                    a.country = media.country.map(|c| g.countries[c].fr.clone());
                    reg.add_key(original, id);
                    (id, MentionKind::Name)
                }
                GazetteerEntry::Institution(o) => (
                    institution_actor(reg, g, o, lang, original),
                    MentionKind::Name,
                ),
                GazetteerEntry::Place(_) => (
                    reg.add_from(&g.name_display[i], ActorKind::Place, ActorOrigin::Gazetteer),
                    MentionKind::Name,
                ),
            };
            reg.mention(range, id, kind);
        }
    }
}

/// "the Luxembourg-based court", "US-led forces": a name glued by a hyphen
/// to a lower-case word makes an adjective, not a mention.
fn modifier(doc: &Doc, range: TextRange) -> bool {
    let rest = &doc.text[range.end()..];
    rest.strip_prefix(['-', '‑'])
        .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()))
}

/// "Labour Day", "Iraq War": a name before a capitalised event noun is
/// part of the event's name.
pub(super) fn names_an_event(doc: &Doc, range: TextRange) -> bool {
    let after = doc.words(TextRange::new(
        range.end(),
        (range.end() + 20).min(doc.text.len()),
    ));
    after.first().is_some_and(|w| {
        doc.text[range.end()..w.range.start()] == *" "
            && super::is_capitalized(w, doc.text)
            && doc.lexicons.shared.event_heads.contains(w.folded)
    })
}

fn institution_actor(
    reg: &mut Registry,
    g: &Gazetteer,
    o: usize,
    lang: Lang,
    original: &str,
) -> ActorId {
    let inst = &g.institutions[o];
    let name = if lang == Lang::Fr { &inst.fr } else { &inst.en };
    let id = reg.add_from(name, ActorKind::Organization, ActorOrigin::Gazetteer);
    reg.add_key(&inst.fr, id);
    reg.add_key(&inst.en, id);
    reg.add_key(original, id);
    let a = &mut reg.actors[id];
    a.gender = if lang == Lang::En {
        Gender::Neuter
    } else {
        inst.gender
    };
    a.plural = inst.plural && lang == Lang::Fr;
    a.is_agency = fold(name).contains("agenc");
    id
}

/// "François Hollande", "Georges Washington": a name right after a first
/// name is a surname, not the country or city it spells.
fn after_first_name(doc: &Doc, start: usize) -> bool {
    let before = &doc.text[..start];
    let Some(gap) = before.strip_suffix(' ') else {
        return false;
    };
    let word_start = gap
        .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |i| i + gap[i..].chars().next().map_or(1, char::len_utf8));
    let word = &gap[word_start..];
    word.chars().next().is_some_and(char::is_uppercase)
        && doc.lexicons.gazetteer.first_names.contains_key(&fold(word))
}

/// "PEKIN (Reuters) -", "WASHINGTON, 3 mars -": a place name in capitals
/// opening one of the first paragraphs.
fn is_dateline(doc: &Doc, paragraph: usize, range: TextRange) -> bool {
    let para = doc.paragraphs[paragraph];
    let text = &doc.text[range.as_range()];
    paragraph < 4
        && range.start() == para.start()
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

pub(super) fn after_locative(doc: &Doc, start: usize) -> bool {
    let before = doc.folded_at(TextRange::new(start.saturating_sub(8), start));
    let before = before.trim_end();
    // Folded, French "à" is "a": in English that is the article ("according
    // to a Woolworths spokesperson").
    let french_a = doc.lex.lang == crate::lexicon::Lang::Fr;
    ["a", "en", "in", "at", "near", "pres de", "vers", "sur"]
        .iter()
        .filter(|p| **p != "a" || french_a)
        .any(|p| {
            before.ends_with(p) && before[..before.len() - p.len()].ends_with([' ', '\n', '('])
        })
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn english_a_is_an_article_not_a_place_preposition() {
        check_actors(
            "Sales went up, according to a Woolworths spokesperson.",
            Vec::new(),
            "organization Woolworths: Woolworths",
        );
        check_actors(
            "Le syndicat a manifesté à Vierzon mardi.",
            Vec::new(),
            "place Vierzon: Vierzon",
        );
    }

    #[test]
    fn capitals_are_metonyms_except_in_datelines() {
        check_actors(
            "PEKIN (Reuters) - Washington fait pression.",
            Vec::new(),
            "place Pékin: PEKIN\nmedia Reuters: Reuters\ncountry États-Unis: Washington",
        );
    }

    #[test]
    fn a_lower_case_article_before_a_listed_name() {
        check_actors(
            "She told the Daily Mail that Uruguay and Guyana agreed.",
            Vec::new(),
            "media Daily Mail: the Daily Mail\ncountry Uruguay: Uruguay\ncountry Guyana: Guyana",
        );
    }

    #[test]
    fn a_capital_an_institution_lists_is_the_institution() {
        check_actors(
            "Bruxelles a salué l'accord conclu à Athènes.",
            Vec::new(),
            "organization Commission européenne: Bruxelles\nplace Athènes: Athènes",
        );
    }

    #[test]
    fn parties_but_not_an_event_named_after_one() {
        check_actors(
            "Labour MP Anna Reed and a Republican senator spoke on Labour Day.",
            Vec::new(),
            "organization Labour Party: Labour\nperson Anna Reed (MP): Anna Reed\norganization Republican Party: Republican",
        );
    }

    #[test]
    fn a_country_after_a_first_name_is_a_surname() {
        check_actors(
            "François Hollande a rencontré la reine de Hollande.",
            Vec::new(),
            // The second "Hollande", alone after the person's full name, is
            // read as his surname: news writing's usage, right here too.
            "person François Hollande: François Hollande | Hollande",
        );
    }

    #[test]
    fn a_capital_after_a_locative_is_the_city() {
        check_actors(
            "Le sommet s'est tenu à Washington hier.",
            Vec::new(),
            "place Washington: Washington",
        );
    }
}
