//! Acronyms: `National Security Agency (NSA)`, `Autorité des marchés
//! financiers (AMF)`: an acronym in parentheses whose letters are the
//! initials of the words before it names an organisation with that full
//! name, and every later use of the acronym is a mention of it; acronyms
//! the document uses for things (`les OGM`, `COVID-19`) are never actors.

use super::super::{ActorId, ActorOrigin, Doc, MentionKind, Word};
use super::{collapse, is_capitalized, is_particle, Registry};
use crate::lexicon::{ActorKind, CaseRule};
use crate::text::{fold, TextRange};

pub(super) fn is_acronym(s: &str) -> bool {
    // Most words fail at their second character: test that first.
    s.chars().all(is_acronym_char)
        && (2..=7).contains(&s.chars().filter(|c| c.is_alphabetic()).count())
}

fn is_acronym_char(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&'
}

/// The candidate acronym at the start of a parenthesis' content: acronym
/// characters up to `)`, `,` or `;` (`(NSA)`, `(CAP, …)`). The scan stops
/// at the first other character, so a text of many `(` costs linear time.
fn parenthesised_acronym(inner: &str) -> &str {
    let end = inner.find(|c| !is_acronym_char(c)).unwrap_or(inner.len());
    match inner[end..].chars().next() {
        Some(')' | ',' | ';') => &inner[..end],
        _ => "",
    }
}

/// Acronyms defined in the text: folded acronym, its actor, and where its
/// definition ends (later uses count from there).
pub(super) type Defined = Vec<(String, ActorId, usize)>;

/// "National Security Agency (NSA)", "Autorité des marchés financiers
/// (AMF)": an acronym in parentheses whose letters are the initials of the
/// words before it names an organisation with that full name; so does a
/// name in parentheses after an acronym whose letters it spells (`ISIS
/// (Islamic State of Iraq and Syria)`), and an organisation's head noun
/// with lower-case words (`la Coalition de la gauche radicale (SYRIZA)`).
/// Later uses are [`later_uses`], once the gazetteer has taken the longer
/// names holding the acronym (`Office of the UN High Commissioner`).
pub(super) fn acronym_expansions(doc: &Doc, reg: &mut Registry) -> Defined {
    let text = doc.text;
    let mut defined = Defined::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let inner = &text[open + 1..];
        let acro = parenthesised_acronym(inner);
        let (acro, acro_range, full) = if is_acronym(acro) && n_letters(acro) >= 2 {
            let acro_range = TextRange::new(open + 1, open + 1 + acro.len());
            let Some(full) = expansion_before(doc, open, &initials(acro)) else {
                continue;
            };
            (acro, acro_range, full)
        } else if let Some((acro_range, full)) = expansion_inside(doc, open) {
            (&text[acro_range.as_range()], acro_range, full)
        } else {
            continue;
        };
        let first_cap = text[full.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        // "Ebola virus disease (EVD)", "accord commercial anti-contrefaçon
        // (ACTA)": the acronym of a thing.
        if !first_cap || names_a_thing(doc, full) {
            reg.things.insert(fold(acro));
            continue;
        }
        // "MP (Member of Parliament)", "CEO (Chief Executive Officer)": the
        // acronym of a title names no one.
        let folded_full = fold(&collapse(&text[full.as_range()]));
        if doc.lex.titles.contains_key(&folded_full) || doc.lex.titles.contains_key(&fold(acro)) {
            continue;
        }
        if reg.is_claimed(full) {
            continue;
        }
        let name = collapse(&text[full.as_range()]);
        let id = reg.add_from(&name, ActorKind::Organization, ActorOrigin::Acronym);
        reg.add_key(acro, id);
        reg.mention(full, id, MentionKind::Name);
        reg.mention(acro_range, id, MentionKind::Name);
        defined.push((fold(acro), id, acro_range.end().max(full.end())));
    }
    defined
}

/// Every later use of each defined acronym, in one pass over the text.
pub(super) fn later_uses(doc: &Doc, defined: &Defined, reg: &mut Registry) {
    if defined.is_empty() {
        return;
    }
    let set = crate::lexicon::PhraseSet::per_document(
        defined.iter().map(|(a, _, _)| a.clone()).collect(),
    );
    for (r, i) in doc.find_in_text(&set) {
        let (_, id, defined_at) = defined[i];
        if r.start() >= defined_at && CaseRule::Upper.accepts(&doc.text[r.as_range()]) {
            reg.mention(r, id, MentionKind::Name);
        }
    }
}

fn n_letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

fn initials(acro: &str) -> Vec<char> {
    acro.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words an acronym's initials skip: particles and `and`.
fn skipped(doc: &Doc, w: &Word) -> bool {
    is_particle(doc, w.folded) || matches!(w.folded, "a" | "en" | "et" | "and")
}

/// The full name before `(` that an acronym abbreviates: the words whose
/// initials it spells, walking back (particles may be skipped), or else a
/// capitalised organisation head followed by lower-case words only.
fn expansion_before(doc: &Doc, open: usize, letters: &[char]) -> Option<TextRange> {
    let end = doc.text[..open].trim_end().len();
    let words = doc.words(TextRange::new(open.saturating_sub(200), open));
    let mut need = letters.len();
    let mut start = None;
    for w in words.iter().rev() {
        let initial = w.folded.chars().next().unwrap_or(' ');
        if need > 0 && initial == crate::text::fold_char(letters[need - 1]) {
            need -= 1;
            start = Some(w.range.start());
            if need == 0 {
                break;
            }
        } else if !skipped(doc, w) {
            break;
        }
    }
    if let (Some(start), 0) = (start, need) {
        return Some(TextRange::new(start, end));
    }
    // "la Coalition de la gauche radicale (SYRIZA)": a head noun with a
    // capital, then lower-case words, up to the parenthesis.
    let org_heads = &doc.lexicons.shared.org_heads;
    for (n, w) in words.iter().rev().enumerate() {
        if n > 8 {
            break;
        }
        if is_capitalized(w, doc.text) {
            return (n > 0 && org_heads.contains(w.folded))
                .then(|| TextRange::new(w.range.start(), end));
        }
    }
    None
}

/// "ISIS (Islamic State of Iraq and Syria)": an acronym before `(` and,
/// inside, capitalised words whose initials it spells. Returns the
/// acronym's range and the name's.
fn expansion_inside(doc: &Doc, open: usize) -> Option<(TextRange, TextRange)> {
    let text = doc.text;
    let close = open + 1 + text[open + 1..].find(')')?;
    if close - open > 200 {
        return None;
    }
    let before = doc.words(TextRange::new(open.saturating_sub(20), open));
    let acro = before.last()?;
    let acro_text = &text[acro.range.as_range()];
    if !is_acronym(acro_text)
        || n_letters(acro_text) < 2
        || !text[acro.range.end()..open].trim().is_empty()
    {
        return None;
    }
    let inner = crate::text::trim_range(text, TextRange::new(open + 1, close));
    let words = doc.words(inner);
    let spelled: Vec<char> = words
        .iter()
        .filter(|w| !skipped(doc, w))
        .map(|w| w.folded.chars().next().unwrap_or(' '))
        .collect();
    let letters: Vec<char> = initials(acro_text)
        .into_iter()
        .map(crate::text::fold_char)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| !skipped(doc, w))
        .all(|w| is_capitalized(w, text));
    (capitalised && spelled == letters && !words.is_empty()).then_some((acro.range, inner))
}

/// Whether the words of an expansion name a thing: an event, a law, a
/// disease, a product (`shared.toml`'s event heads).
fn names_a_thing(doc: &Doc, full: TextRange) -> bool {
    let events = &doc.lexicons.shared.event_heads;
    doc.words(full).iter().any(|w| events.contains(w.folded))
}

/// Acronyms the document uses for things, wherever they stand: with a
/// hyphen and digits (`COVID-19`, `REGN-EB3`), after a plural determiner
/// (`les OGM`), after a lower-case common noun (`le projet ACTA`) or before
/// an event noun (`the PALM trial`). One such use makes every use a thing.
pub(super) fn things(doc: &Doc, reg: &mut Registry) {
    let shared = &doc.lexicons.shared;
    let words = &doc.all_words;
    for (i, w) in words.iter().enumerate() {
        let s = &doc.text[w.range.as_range()];
        if !is_acronym(s) || !s.chars().any(char::is_alphabetic) {
            continue;
        }
        let coded = s
            .split_once('-')
            .is_some_and(|(_, tail)| tail.chars().any(|c| c.is_ascii_digit()));
        let prev = i.checked_sub(1).map(|k| &words[k]);
        let plural = prev.is_some_and(|p| shared.plural_determiners.contains(p.folded));
        let after_noun = prev.is_some_and(|p| {
            super::kind::modified_noun(doc, p)
                && super::dict::is_common_only(doc, p.folded)
                && super::adjacent(doc.text, p, w)
        });
        let before_event = words.get(i + 1).is_some_and(|n| {
            shared.event_heads.contains(n.folded)
                && doc.text[n.range.as_range()]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        });
        if coded || plural || after_noun || before_event {
            reg.things.insert(w.folded.to_string());
        }
    }
}

/// "National Security Agency (NSA)", "Center for American Progress (CAP, …)".
pub(super) fn acronym_after(doc: &Doc, end: usize, id: ActorId, reg: &mut Registry) {
    let rest = &doc.text[end..];
    let Some(inner) = rest.trim_start_matches(' ').strip_prefix('(') else {
        return;
    };
    let start = doc.text.len() - inner.len();
    let acro = parenthesised_acronym(inner);
    let len = acro.len();
    if !is_acronym(acro) {
        return;
    }
    reg.add_key(acro, id);
    reg.mention(TextRange::new(start, start + len), id, MentionKind::Name);
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn an_acronym_after_its_expansion_names_the_organisation() {
        check_actors(
            "La National Security Agency (NSA) surveille. La NSA dément.",
            Vec::new(),
            "organization National Security Agency: National Security Agency | NSA | NSA",
        );
    }

    #[test]
    fn the_acronym_of_a_title_names_no_one() {
        check_actors(
            "Green MP (Member of Parliament) Tom Reed spoke.",
            Vec::new(),
            "person Tom Reed: Tom Reed",
        );
    }

    #[test]
    fn particles_and_lower_case_words_count_for_initials() {
        check_actors(
            "L'Autorité des marchés financiers (AMF) enquête. L'AMF dément.",
            Vec::new(),
            "organization Autorité des marchés financiers: Autorité des marchés financiers | AMF | AMF",
        );
    }
}
