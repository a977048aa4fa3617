//! Acronyms: `National Security Agency (NSA)`, `Autorité des marchés
//! financiers (AMF)`: an acronym in parentheses whose letters are the
//! initials of the words before it names an organisation with that full
//! name, and every later use of the acronym is a mention of it.

use super::super::{ActorId, Doc, MentionKind};
use super::{collapse, is_particle, Registry};
use crate::lexicon::{ActorKind, CaseRule};
use crate::text::{fold, TextRange};

pub(super) fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=7).contains(&letters) && s.chars().all(is_acronym_char)
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

/// "National Security Agency (NSA)", "Autorité des marchés financiers
/// (AMF)": an acronym in parentheses whose letters are the initials of the
/// words before it names an organisation with that full name.
pub(super) fn acronym_expansions(doc: &Doc, reg: &mut Registry) {
    let text = doc.text;
    // (folded acronym, actor, end of its definition)
    let mut defined: Vec<(String, ActorId, usize)> = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let inner = &text[open + 1..];
        let acro = parenthesised_acronym(inner);
        let len = acro.len();
        if !is_acronym(acro) || acro.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        let letters: Vec<char> = acro
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let before = TextRange::new(open.saturating_sub(200), open);
        let words = doc.words(before);
        // Walk back over words, matching initials from the last letter;
        // particles may be skipped.
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
            } else if is_particle(doc, &w.folded)
                || matches!(w.folded.as_str(), "a" | "en" | "et" | "and")
            {
                continue;
            } else {
                break;
            }
        }
        let (Some(start), 0) = (start, need) else {
            continue;
        };
        let end = text[..open].trim_end().len();
        let full = TextRange::new(start, end);
        let first_cap = text[full.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !first_cap || reg.is_claimed(full) {
            continue;
        }
        let name = collapse(&text[full.as_range()]);
        let id = reg.add(&name, ActorKind::Organization);
        reg.add_key(acro, id);
        reg.mention(full, id, MentionKind::Name);
        let acro_range = TextRange::new(open + 1, open + 1 + len);
        reg.mention(acro_range, id, MentionKind::Name);
        defined.push((fold(acro), id, acro_range.end()));
    }
    if defined.is_empty() {
        return;
    }
    // Every later use of each acronym, in one pass over the text.
    let set = crate::lexicon::PhraseSet::new(defined.iter().map(|(a, _, _)| a.clone()).collect());
    for (r, i) in doc.find_in_text(&set) {
        let (_, id, defined_at) = defined[i];
        if r.start() >= defined_at && CaseRule::Upper.accepts(&text[r.as_range()]) {
            reg.mention(r, id, MentionKind::Name);
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
    fn particles_and_lower_case_words_count_for_initials() {
        check_actors(
            "L'Autorité des marchés financiers (AMF) enquête. L'AMF dément.",
            Vec::new(),
            "organization Autorité des marchés financiers: Autorité des marchés financiers | AMF | AMF",
        );
    }
}
