//! Proper names: capitalised sequences with particles (de, du, d', van,
//! von, al-, bin, of, for), titles and civilities before them (`le
//! président Barack Obama`, `Le vice-président, Joe Biden`), appositions
//! after them (`Vikram Singh, ancien responsable du Pentagone`), lower-case
//! institutions with a capitalised complement (`ministère de
//! l'Agriculture`); single words seen twice with an apposition that says
//! what they are are [`super::single_names`]. A capitalised word alone at
//! the start of a sentence is not taken for a name unless something else
//! says it is one.

use super::super::{ActorId, Doc, MentionKind, Word};
use super::acronyms::{acronym_after, is_acronym};
use super::gazetteer::after_locative;
use super::{adjacent, collapse, is_capitalized, is_particle, other, Registry};
use crate::lexicon::{ActorKind, Gazetteer, Gender};
use crate::text::{is_space, TextRange};

pub(super) fn names(doc: &Doc, words: &[Word], reg: &mut Registry) {
    let text = doc.text;
    let g = &doc.lexicons.gazetteer;
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let starts_absorbable = reg.is_claimed(w.range)
            && matches!(
                reg.kind_at(w.range),
                Some(ActorKind::Place | ActorKind::Country)
            )
            && words.get(i + 1).is_some_and(|n| {
                adjacent(text, w, n) && is_capitalized(n, text) && !reg.is_claimed(n.range)
            });
        if !is_capitalized(w, text)
            || (reg.is_claimed(w.range) && !starts_absorbable)
            || w.folded.chars().all(|c| c.is_ascii_digit())
        {
            i += 1;
            continue;
        }
        // Extend over capitalised words and particles between them; a place
        // inside a longer name ("Texas Department of Public Safety") is
        // absorbed when the name turns out to be an organisation.
        let absorbable =
            |r: TextRange| matches!(reg.kind_at(r), Some(ActorKind::Place | ActorKind::Country));
        let mut j = i + 1;
        let mut last = i;
        while j < words.len() {
            if !adjacent(text, &words[j - 1], &words[j])
                || (reg.is_claimed(words[j].range) && !absorbable(words[j].range))
            {
                break;
            }
            if is_capitalized(&words[j], text) {
                last = j;
                j += 1;
                continue;
            }
            if is_particle(doc, &words[j].folded) {
                // Particles only count between capitalised words.
                let mut k = j + 1;
                while k < words.len()
                    && is_particle(doc, &words[k].folded)
                    && adjacent(text, &words[k - 1], &words[k])
                {
                    k += 1;
                }
                if k < words.len()
                    && adjacent(text, &words[k - 1], &words[k])
                    && is_capitalized(&words[k], text)
                    && (!reg.is_claimed(words[k].range) || absorbable(words[k].range))
                {
                    j = k;
                    continue;
                }
            }
            break;
        }
        let seq = &words[i..=last];
        i = last + 1;
        let has_claimed = seq.iter().any(|w| reg.is_claimed(w.range));
        if has_claimed {
            let is_org = seq
                .iter()
                .any(|w| doc.lexicons.shared.org_heads.contains(&w.folded));
            if is_org && seq.iter().any(|w| !reg.is_claimed(w.range)) {
                reg.unclaim(seq[0].range.cover(seq[seq.len() - 1].range));
                candidate(doc, words, seq, reg, g);
            } else {
                // Keep the gazetteer's reading; the free runs stand alone.
                let claimed: Vec<bool> = seq.iter().map(|w| reg.is_claimed(w.range)).collect();
                let mut start = 0;
                for k in 0..=seq.len() {
                    if k == seq.len() || claimed[k] {
                        if k > start {
                            candidate(doc, words, &seq[start..k], reg, g);
                        }
                        start = k + 1;
                    }
                }
            }
            continue;
        }
        candidate(doc, words, seq, reg, g);
    }
}

/// Whether a run of words could be a name on its own (not only particles
/// and sentence words).
fn could_be_name(doc: &Doc, run: &[Word]) -> bool {
    run.iter()
        .any(|w| !is_particle(doc, &w.folded) && !doc.lex.sentence_words.contains(&w.folded))
}

/// A run of capitalised words (with particles) → an actor mention, in
/// named steps: a title inside the run, trimming, a name already known,
/// the kind, and what a person's title and apposition tell.
fn candidate(doc: &Doc, words: &[Word], seq: &[Word], reg: &mut Registry, g: &Gazetteer) {
    // Words are sorted and disjoint: a binary search, so a sentence of a
    // million words costs no more per name than a short one.
    let first_idx = words.partition_point(|w| w.range.start() < seq[0].range.start());
    let first_idx = if words
        .get(first_idx)
        .is_some_and(|w| w.range == seq[0].range)
    {
        first_idx
    } else {
        0
    };
    if title_inside_run(doc, words, seq, reg, g) {
        return;
    }
    let Some(trimmed) = trim_run(doc, seq) else {
        return;
    };
    let seq = &seq[trimmed.skip..trimmed.end];
    let run = Run {
        seq,
        first_idx: first_idx + trimmed.skip,
        range: TextRange::new(seq[0].range.start(), seq[seq.len() - 1].range.end()),
    };
    let name = collapse(&doc.text[run.range.as_range()]);
    let sentence_initial = run.first_idx == 0
        || words[..run.first_idx]
            .iter()
            .all(|w| doc.lex.sentence_words.contains(&w.folded));
    let title = title_before(doc, words, run.first_idx);
    let title_gender = trimmed.title_gender.or(title.map(|t| t.1));
    if known_name(reg, &run, &name) {
        return;
    }
    let Some(kind) = kind_of(doc, words, &run, sentence_initial, title_gender, g) else {
        return;
    };
    let id = reg.add(&name, kind);
    reg.mention(run.range, id, MentionKind::Name);
    if kind == ActorKind::Person {
        person_details(doc, reg, id, &run, title_gender, title, g);
    }
    acronym_after(doc, run.range.end(), id, reg);
}

/// A run of words read as a name, trimmed.
struct Run<'a> {
    seq: &'a [Word],
    /// Index of its first word in the sentence's words.
    first_idx: usize,
    range: TextRange,
}

/// "European Trade Commissioner Helena Varga", "U.S. Trade Representative
/// Daniel Okafor": a title inside the run ends its description part; so
/// does an unlisted one before a first name ("Minority Whip Dick Durbin").
/// Returns whether the run was read that way.
fn title_inside_run(
    doc: &Doc,
    words: &[Word],
    seq: &[Word],
    reg: &mut Registry,
    g: &Gazetteer,
) -> bool {
    let title = seq.iter().rposition(|w| {
        doc.lex.titles.contains_key(&w.folded) || doc.lex.civilities.contains_key(&w.folded)
    });
    let Some(t) = title.or_else(|| before_first_name(doc, seq, g)) else {
        return false;
    };
    // A title first is dropped by trimming.
    if t == 0 && title.is_some() || t + 1 >= seq.len() {
        return false;
    }
    let gender = doc
        .lex
        .titles
        .get(&seq[t].folded)
        .copied()
        .unwrap_or(Gender::Any);
    // "Prince Mohammad bin Salman of": no particle ends the name.
    let end = seq
        .iter()
        .rposition(|w| !is_particle(doc, &w.folded))
        .map_or(0, |k| k + 1);
    let name_part = &seq[t + 1..if end > t + 1 { end } else { seq.len() }];
    // "PDG de Vernier": the title's institution, not a person.
    if is_particle(doc, &name_part[0].folded) {
        let rest: Vec<Word> = name_part
            .iter()
            .skip_while(|w| is_particle(doc, &w.folded))
            .cloned()
            .collect();
        if !rest.is_empty() {
            candidate(doc, words, &rest, reg, g);
        }
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
        .unwrap_or_else(|| reg.add(&name, ActorKind::Person));
    reg.mention(range, id, MentionKind::Name);
    let a = &mut reg.actors[id];
    if a.description.is_none() {
        a.description = Some(desc);
    }
    if a.gender == Gender::Any && gender != Gender::Any {
        a.gender = gender;
    }
    if a.gender == Gender::Any {
        if let Some(&fg) = g.first_names.get(&name_part[0].folded) {
            a.gender = fg;
        }
    }
    true
}

/// The last word of a description before a first name and surname in a
/// run, unless a head noun is in the name or just before ("Lycée Victor
/// Hugo") or the description holds only sentence words and particles.
fn before_first_name(doc: &Doc, seq: &[Word], g: &Gazetteer) -> Option<usize> {
    const MAX_NAME: usize = 4; // a first name, middle names and a surname
    let f = seq
        .iter()
        .position(|w| first_name_gender(g, &w.folded).is_some())?;
    let word =
        |w: &Word| !is_particle(doc, &w.folded) && !doc.lex.sentence_words.contains(&w.folded);
    let ok = f > 0
        && (2..=MAX_NAME).contains(&(seq.len() - f))
        && !seq[f - 1..].iter().any(|w| is_head(doc, &w.folded))
        && !is_particle(doc, &seq[f - 1].folded)
        && seq[..f]
            .iter()
            .any(|w| word(w) && is_capitalized(w, doc.text));
    ok.then(|| f - 1)
}

/// What trimming leaves of a run: `seq[skip..end]`, and the gender of a
/// title dropped from its front.
struct Trimmed {
    skip: usize,
    end: usize,
    title_gender: Option<Gender>,
}

/// Drops sentence words ("Le", "The", "Mais") and titles at the front, and
/// lower-case particles at either end ("La PDG de Vernier"); a capitalised
/// particle stays ("Ben Blanchard", "Van Gogh"). `None` when nothing is
/// left.
fn trim_run(doc: &Doc, seq: &[Word]) -> Option<Trimmed> {
    let mut skip = 0;
    let mut title_gender = None;
    while skip < seq.len() {
        let f = seq[skip].folded.as_str();
        if doc.lex.sentence_words.contains(f)
            || doc
                .lexicons
                .lang(other(doc.lex.lang))
                .sentence_words
                .contains(f)
        {
            skip += 1;
        } else if let Some(&gender) = doc.lex.titles.get(f).or_else(|| doc.lex.civilities.get(f)) {
            title_gender = Some(gender);
            skip += 1;
        } else {
            break;
        }
    }
    while skip < seq.len()
        && is_particle(doc, &seq[skip].folded)
        && !is_capitalized(&seq[skip], doc.text)
    {
        skip += 1;
    }
    let mut end = seq.len();
    while end > skip && is_particle(doc, &seq[end - 1].folded) {
        end -= 1;
    }
    (skip < end).then_some(Trimmed {
        skip,
        end,
        title_gender,
    })
}

/// A known name: the registry, or a short form of a person already seen.
/// Returns whether the run was mentioned as one.
fn known_name(reg: &mut Registry, run: &Run, name: &str) -> bool {
    if let Some(id) = reg.find_key(name) {
        reg.mention(run.range, id, MentionKind::Name);
        return true;
    }
    if run.seq.len() == 1 {
        if let Some(id) = reg.person_with_token(&run.seq[0].folded) {
            reg.mention(run.range, id, MentionKind::Name);
            return true;
        }
    }
    false
}

fn first_name_gender(g: &Gazetteer, first: &str) -> Option<Gender> {
    g.first_names
        .get(first)
        .or_else(|| g.first_names.get(first.split('-').next().unwrap_or("")))
        .copied()
}

/// Whether a folded word is the head noun of an organisation, a place, a
/// medium or an event.
fn is_head(doc: &Doc, folded: &str) -> bool {
    let sh = &doc.lexicons.shared;
    sh.org_heads.contains(folded)
        || sh.place_heads.contains(folded)
        || sh.media_heads.contains(folded)
        || sh.event_heads.contains(folded)
}

/// The kind of actor a new run names, from its head words, a kind noun
/// before it, a title or first name, or its place in the sentence; `None`
/// when it names no actor (an event, a head noun alone, an acronym
/// modifying a common noun).
fn kind_of(
    doc: &Doc,
    words: &[Word],
    run: &Run,
    sentence_initial: bool,
    title_gender: Option<Gender>,
    g: &Gazetteer,
) -> Option<ActorKind> {
    let text = doc.text;
    let (seq, first_idx, range) = (run.seq, run.first_idx, run.range);
    let shared = &doc.lexicons.shared;
    let folded: Vec<&str> = seq.iter().map(|w| w.folded.as_str()).collect();
    let has_org_head = folded.iter().any(|w| shared.org_heads.contains(*w));
    if !has_org_head && folded.iter().any(|w| shared.event_heads.contains(*w)) {
        return None;
    }
    // A head noun alone ("Stade rennais", "Côté") is not a name.
    let all_heads = folded.iter().all(|w| is_head(doc, w));
    if all_heads && seq.len() == 1 {
        return None;
    }
    let kind_noun = kind_noun_before(doc, words, first_idx);
    let is_place = (folded.iter().any(|w| shared.place_heads.contains(*w))
        && !(sentence_initial && seq.len() == 1))
        || kind_noun == Some(ActorKind::Place);
    let is_org = folded.iter().any(|w| shared.org_heads.contains(*w))
        && !(sentence_initial && seq.len() == 1);
    let is_media = folded
        .iter()
        .skip(1)
        .any(|w| shared.media_heads.contains(*w));
    let first_name = first_name_gender(g, folded[0]);
    let acronym = seq.len() == 1 && is_acronym(&text[range.as_range()]);
    // "adresses IP", "format PDF": an acronym right after a common noun
    // modifies it; actors come after a determiner, a preposition or nothing.
    if acronym && !sentence_initial {
        if let Some(prev) = first_idx.checked_sub(1).map(|k| &words[k]) {
            let lower = doc.text[prev.range.as_range()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let function = doc.lex.sentence_words.contains(&prev.folded)
                || is_particle(doc, &prev.folded)
                || doc.lex.function_words.contains(&prev.folded);
            if lower && !function && !followed_by_speech(doc, range.end()) {
                return None;
            }
        }
    }
    if let Some(k) = kind_noun {
        Some(k)
    } else if is_place {
        Some(ActorKind::Place)
    } else if is_media && !is_org {
        Some(ActorKind::Media)
    } else if is_org {
        Some(ActorKind::Organization)
    } else if acronym {
        // An acronym names an actor after a definite determiner or a
        // preposition ("la NSA", "by the FBI"), not after "un TGV", "as AI".
        let prev = first_idx.checked_sub(1).map(|k| words[k].folded.as_str());
        let definite = prev.is_none_or(|p| doc.lexicons.shared.acronym_introducers.contains(p))
            || followed_by_speech(doc, range.end());
        definite.then_some(ActorKind::Organization)
    } else if title_gender.is_some() || first_name.is_some() {
        Some(ActorKind::Person)
    } else if seq.len() == 1 {
        if after_locative(doc, range.start()) && !sentence_initial {
            Some(ActorKind::Place)
        } else if (followed_by_speech(doc, range.end()) && !sentence_initial)
            || inverted_after_speech(doc, range)
        {
            Some(ActorKind::Person)
        } else {
            None
        }
    } else if seq.len() <= 3 {
        Some(ActorKind::Person)
    } else {
        Some(ActorKind::Organization)
    }
}

/// A person's gender (from a title or first name), and a description from
/// the title before the name or the apposition after it.
fn person_details(
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
        .or(first_name_gender(g, &run.seq[0].folded))
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

/// "le groupe Vernier", "la start-up lyonnaise Kalia", "un sondage Ifop",
/// "le stade Bollaert": a noun of a kind (and an adjective) before a name.
fn kind_noun_before(doc: &Doc, words: &[Word], first: usize) -> Option<ActorKind> {
    let mut k = first.checked_sub(1)?;
    // One adjective may sit between ("start-up lyonnaise").
    if !doc
        .lexicons
        .shared
        .kind_nouns
        .iter()
        .any(|(n, _)| *n == words[k].folded)
    {
        if doc.text[words[k].range.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        k = k.checked_sub(1)?;
    }
    doc.lexicons
        .shared
        .kind_nouns
        .iter()
        .find(|(n, _)| *n == words[k].folded)
        .map(|(_, kind)| *kind)
}

/// "ministère de l'Agriculture", "département d'État": a lower-case
/// institution noun with a capitalised complement.
pub(super) fn lowercase_institutions(doc: &Doc, words: &[Word], reg: &mut Registry) {
    for (i, w) in words.iter().enumerate() {
        if !doc.lexicons.shared.institution_heads.contains(&w.folded) || reg.is_claimed(w.range) {
            continue;
        }
        if doc.text[w.range.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let mut k = i + 1;
        while k < words.len()
            && is_particle(doc, &words[k].folded)
            && adjacent(doc.text, &words[k - 1], &words[k])
        {
            k += 1;
        }
        if k == i + 1
            || k >= words.len()
            || !adjacent(doc.text, &words[k - 1], &words[k])
            || !is_capitalized(&words[k], doc.text)
        {
            continue;
        }
        let mut end = k;
        while end + 1 < words.len()
            && adjacent(doc.text, &words[end], &words[end + 1])
            && is_capitalized(&words[end + 1], doc.text)
        {
            end += 1;
        }
        let range = w.range.cover(words[end].range);
        if reg.is_claimed(range) {
            reg.unclaim(range);
        }
        let name = collapse(&doc.text[range.as_range()]);
        let id = reg.add(&name, ActorKind::Organization);
        reg.mention(range, id, MentionKind::Name);
    }
}

fn title_before(doc: &Doc, words: &[Word], first: usize) -> Option<(TextRange, Gender)> {
    // Civility: "M. Dupont", "Mme Durand", "Mr Smith".
    if first >= 1 {
        let w = &words[first - 1];
        let with_dot = format!("{}.", w.folded);
        let dotted = doc.text[w.range.end()..].starts_with('.');
        for lex in [doc.lex, doc.lexicons.lang(other(doc.lex.lang))] {
            if let Some(&g) = lex
                .civilities
                .get(if dotted { &with_dot } else { &w.folded })
            {
                return Some((w.range, g));
            }
            if let Some(&g) = lex.civilities.get(&w.folded) {
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
                || doc.lex.function_words.contains(&w.folded)
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

/// "…, a précisé Febelfin.", "…, said Khan,": a word closing the clause
/// right after a speech verb is its inverted subject (not a weekday).
fn inverted_after_speech(doc: &Doc, range: TextRange) -> bool {
    let before = doc.text[..range.start()].trim_end();
    let after = doc.text[range.end()..].trim_start();
    let closes = after.is_empty() || after.starts_with(['.', ',', ';', '!', '?']);
    let folded = doc.folded_at(range);
    closes
        && !doc.lexicons.shared.time_adverbs.contains(folded)
        && !doc.lex.sentence_words.contains(folded)
        && doc.match_ending_at(&doc.lex.speech, before.len()).is_some()
}

fn followed_by_speech(doc: &Doc, end: usize) -> bool {
    let rest = doc.text[end..].trim_start_matches([' ', ',']);
    let at = doc.text.len() - rest.len();
    let skip_aux = doc.match_at(&doc.lex.auxiliaries, at).map_or(at, |(r, _)| {
        let after = &doc.text[r.end()..];
        r.end() + (after.len() - after.trim_start().len())
    });
    doc.match_at(&doc.lex.speech, skip_aux).is_some()
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
    let opener = doc.lex.apposition_openers.contains(&first.folded)
        || doc.lex.titles.contains_key(&first.folded);
    if !opener || doc.lex.speech_forms.contains_key(&first.folded) || first.range.start() != start {
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
    let desc = collapse(&body[..stop]);
    (desc.split(' ').count() <= 20 && !desc.is_empty()).then_some(desc)
}

fn demonym_country(doc: &Doc, title: TextRange) -> Option<String> {
    let after = doc.words(TextRange::new(
        title.end(),
        (title.end() + 30).min(doc.text.len()),
    ));
    let w = after.first()?;
    let g = &doc.lexicons.gazetteer;
    g.demonyms
        .get(&w.folded)
        .map(|&c| g.countries[c].fr.clone())
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn names_with_titles_particles_and_appositions() {
        check_actors(
            "Le président Barack Obama a reçu Ursula von der Leyen. Edward Snowden, ancien consultant de la NSA, vit à Moscou.",
            Vec::new(),
            "person Barack Obama (président): Barack Obama\nperson Ursula von der Leyen: Ursula von der Leyen\nperson Edward Snowden (ancien consultant de la NSA): Edward Snowden\norganization National Security Agency: NSA\nplace Moscou: Moscou",
        );
    }

    #[test]
    fn a_title_inside_a_run_describes_the_name_after_it() {
        check_actors(
            "The deal is off, said European Trade Commissioner Helena Varga.",
            Vec::new(),
            "person Helena Varga (European Trade Commissioner): Helena Varga",
        );
    }

    #[test]
    fn events_and_sentence_initial_words_are_not_actors() {
        check_actors(
            "Hurricane Delta hit the coast. Yesterday it rained.",
            Vec::new(),
            "",
        );
    }

    #[test]
    fn a_kind_noun_before_a_name_gives_its_kind() {
        check_actors(
            "Le groupe Vernier a racheté la start-up lyonnaise Kalia.",
            Vec::new(),
            "organization Vernier: Vernier\norganization Kalia: Kalia",
        );
    }

    #[test]
    fn a_description_before_a_first_name_is_not_part_of_the_name() {
        check_actors(
            "Senate Minority Whip Dick Durbin disagreed.",
            Vec::new(),
            "organization Sénat: Senate\nperson Dick Durbin (Minority Whip): Dick Durbin",
        );
    }

    #[test]
    fn a_single_word_closing_an_incise_is_a_name_there_and_before() {
        check_actors(
            "Wilkins est là. « Rien n'est perdu », a précisé Wilkins.",
            Vec::new(),
            "person Wilkins: Wilkins | Wilkins",
        );
    }

    #[test]
    fn no_particle_ends_a_name_after_a_title() {
        check_actors(
            "Crown Prince Mohammad bin Salman of Saudi Arabia spoke.",
            Vec::new(),
            "person Mohammad bin Salman (Crown Prince): Mohammad bin Salman\ncountry Saudi Arabia: Saudi Arabia",
        );
    }
}
