//! People: a title inside a run of capitalised words (`European Trade
//! Commissioner Helena Varga`), a title or civility before a name (`le
//! président Barack Obama`, `M. Dupont`), an apposition after it (`Vikram
//! Singh, ancien responsable du Pentagone,`), and what they tell of the
//! person: gender, description, country.

use super::super::{ActorId, ActorOrigin, Doc, MentionKind, Word};
use super::kind::first_name_gender;
use super::names::{candidate, could_be_name, Run};
use super::{collapse, is_particle, other, Registry};
use crate::lexicon::{ActorKind, FormKind, Gazetteer, Gender};
use crate::text::{is_space, TextRange};

/// "European Trade Commissioner Helena Varga", "U.S. Trade Representative
/// Daniel Okafor": a title inside the run ends its description part.
/// Returns whether the run was read that way.
pub(super) fn title_inside_run(
    doc: &Doc,
    words: &[Word],
    seq: &[Word],
    reg: &mut Registry,
    g: &Gazetteer,
) -> bool {
    // "Sheriff's Office": a title with a possessive names no one.
    let Some(t) = (0..seq.len()).rev().find(|&i| {
        let w = &seq[i];
        (doc.lex.titles.contains_key(w.folded) || doc.lex.civilities.contains_key(w.folded))
            && seq.get(i + 1).is_none_or(|s| s.folded != "s")
    }) else {
        return false;
    };
    if t == 0 || t + 1 >= seq.len() {
        return false;
    }
    let gender = doc
        .lex
        .titles
        .get(seq[t].folded)
        .copied()
        .unwrap_or(Gender::Any);
    let mut end = seq.len();
    while end > t + 1 && is_particle(doc, seq[end - 1].folded) {
        end -= 1;
    }
    let name_part = &seq[t + 1..end];
    if name_part.is_empty() {
        return false;
    }
    // "PDG de Vernier": the title's institution, not a person.
    if is_particle(doc, name_part[0].folded) {
        let rest: Vec<Word> = name_part
            .iter()
            .skip_while(|w| is_particle(doc, w.folded))
            .cloned()
            .collect();
        if !rest.is_empty() {
            candidate(doc, words, &rest, reg, g);
        }
        return true;
    }
    // "Police Chief Mark Smith of the Lincoln County Sheriff's Office": the
    // person, then the organisation after `of`.
    if super::split::person_of(doc, words, name_part, reg, g) {
        return true;
    }
    if !could_be_name(doc, name_part) {
        return false;
    }
    let text = doc.text;
    let desc = collapse(&text[seq[0].range.start()..seq[t].range.end()]);
    let range = TextRange::new(
        name_part[0].range.start(),
        name_part[name_part.len() - 1].range.end(),
    );
    let name = collapse(&text[range.as_range()]);
    let id = reg
        .find_key(&name)
        .unwrap_or_else(|| reg.add_from(&name, ActorKind::Person, ActorOrigin::Name));
    reg.mention(range, id, MentionKind::Name);
    let a = &mut reg.actors[id];
    if a.description.is_none() {
        a.description = Some(desc);
    }
    if a.gender == Gender::Any && gender != Gender::Any {
        a.gender = gender;
    }
    if a.gender == Gender::Any {
        if let Some(&fg) = g.first_names.get(name_part[0].folded) {
            a.gender = fg;
        }
    }
    true
}

/// A person's gender (from a title or first name), and a description from
/// the title before the name or the apposition after it.
pub(super) fn person_details(
    doc: &Doc,
    reg: &mut Registry,
    id: ActorId,
    run: &Run,
    title_gender: Option<Gender>,
    title: Option<(TextRange, Gender)>,
    g: &Gazetteer,
) {
    let gender = title_gender
        .filter(|g| *g != Gender::Any)
        .or(first_name_gender(g, run.seq[0].folded))
        .unwrap_or(Gender::Any);
    let a = &mut reg.actors[id];
    if a.gender == Gender::Any {
        a.gender = gender;
    }
    if let Some((title_range, _)) = title {
        if a.description.is_none() {
            a.description = Some(collapse(&doc.text[title_range.as_range()]));
            a.country = demonym_country(doc, title_range);
        }
    }
    if let Some(desc) = apposition(doc, run.range.end()) {
        if reg.actors[id].description.is_none() {
            reg.actors[id].description = Some(desc);
        }
    }
}

pub(super) fn title_before(doc: &Doc, words: &[Word], first: usize) -> Option<(TextRange, Gender)> {
    // Civility: "M. Dupont", "Mme Durand", "Mr Smith".
    if first >= 1 {
        let w = &words[first - 1];
        let with_dot = format!("{}.", w.folded);
        let dotted = doc.text[w.range.end()..].starts_with('.');
        for lex in [doc.lex, doc.lexicons.lang(other(doc.lex.lang))] {
            if let Some(&g) = lex
                .civilities
                .get(if dotted { with_dot.as_str() } else { w.folded })
            {
                return Some((w.range, g));
            }
            if let Some(&g) = lex.civilities.get(w.folded) {
                return Some((w.range, g));
            }
        }
    }
    // Title, possibly followed by a demonym and a comma: "le président
    // chinois", "Le vice-président, ".
    let start = words.get(first)?.range.start();
    let before = doc.text[..start].trim_end_matches(|c: char| c == ' ' || is_space(c) || c == ',');
    let (range, id) = doc
        .match_ending_at(&doc.lex.title_set, before.len())
        .or_else(|| {
            // Skip one adjective or demonym: "le président chinois Xi Jinping",
            // "la maire sortante, Hélène Castagnet".
            let prev = doc.words(TextRange::new(start.saturating_sub(40), before.len()));
            let w = prev.last()?;
            if !doc.text[w.range.as_range()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                || doc.lex.function_words.contains(w.folded)
            {
                return None;
            }
            let before = doc.text[..w.range.start()].trim_end();
            doc.match_ending_at(&doc.lex.title_set, before.len())
        })?;
    let title = doc.lex.title_set.phrase(id);
    let gender = doc.lex.titles.get(title).copied().unwrap_or(Gender::Any);
    Some((TextRange::new(range.start(), before.len()), gender))
}

/// "X, ancien consultant de la NSA, …": the description up to the next
/// comma outside parentheses.
pub(super) fn apposition(doc: &Doc, end: usize) -> Option<String> {
    let rest = &doc.text[end..];
    let rest = rest.strip_prefix(',')?;
    let body = rest.trim_start();
    let start = doc.text.len() - body.len();
    let first = doc.words(TextRange::new(
        start,
        (start + 40).min(doc.text.len()).max(start),
    ));
    let first = first.first()?;
    let opener =
        first.is_in(&doc.lex.apposition_openers) || doc.lex.titles.contains_key(first.folded);
    if !opener || doc.lex.speech_forms.contains_key(first.folded) || first.range.start() != start {
        return None;
    }
    let mut depth = 0i32;
    let mut stop = body.len();
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' | '.' | '«' | '»' | '"' | '“' | '”' | '\n' if depth <= 0 => {
                stop = i;
                break;
            }
            _ => {}
        }
    }
    // "Kowalczyk, le ministre des finances se dit satisfait": an
    // apposition left unclosed ends before its sentence's verb.
    let verb = doc
        .words(TextRange::new(start, start + stop))
        .iter()
        .skip(1)
        .find(|w| {
            doc.lex
                .speech_forms
                .get(w.folded)
                .is_some_and(|(_, kind)| *kind == FormKind::Finite)
        })
        .map(|w| w.range.start() - start);
    let mut body = body[..verb.unwrap_or(stop)].trim_end();
    if verb.is_some() {
        // The clitic or auxiliary before that verb ("se dit", "a dit").
        let last = body.rsplit(' ').next().unwrap_or("");
        if last.chars().count() <= 2 {
            body = &body[..body.len() - last.len()];
        }
    }
    let desc = collapse(body);
    (desc.split(' ').count() <= 20 && !desc.is_empty()).then_some(desc)
}

fn demonym_country(doc: &Doc, title: TextRange) -> Option<String> {
    let after = doc.words(TextRange::new(
        title.end(),
        (title.end() + 30).min(doc.text.len()),
    ));
    let w = after.first()?;
    let g = &doc.lexicons.gazetteer;
    g.demonyms.get(w.folded).map(|&c| g.countries[c].fr.clone())
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn a_title_a_person_and_the_office_after_of() {
        check_actors(
            "Police Chief Mark Ridley of the Lincoln County Sheriff's Office said the road was closed.",
            Vec::new(),
            "person Mark Ridley: Mark Ridley\norganization Lincoln County Sheriff's Office: Lincoln County Sheriff's Office",
        );
    }

    #[test]
    fn a_title_before_a_name_is_not_part_of_it() {
        check_actors(
            "Secretary of State Ann Wiley met Crown Prince Faisal bin Khalid of Qatar.",
            Vec::new(),
            "person Ann Wiley (Secretary of State): Ann Wiley\nperson Faisal bin Khalid (Crown Prince): Faisal bin Khalid\ncountry Qatar: Qatar",
        );
    }
}
