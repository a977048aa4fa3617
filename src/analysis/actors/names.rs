//! Proper names: capitalised sequences with particles (de, du, d', van,
//! von, al-, bin, of, for), titles and civilities before them (`le
//! président Barack Obama`, `Le vice-président, Joe Biden`), appositions
//! after them (`Vikram Singh, ancien responsable du Pentagone`), lower-case
//! institutions with a capitalised complement (`ministère de
//! l'Agriculture`), and single words seen twice with an apposition that
//! says what they are. A capitalised word alone at the start of a
//! sentence is not taken for a name unless something else says it is one.

use super::super::{ActorOrigin, Doc, MentionKind, Word};
use super::acronyms::acronym_after;
use super::kind::{kind_of, organisation_shaped};
use super::person::{person_details, title_before, title_inside_run};
use super::split;
use super::{adjacent, collapse, dict, is_capitalized, is_particle, other, Registry};
use crate::lexicon::{ActorKind, Gazetteer, Gender};
use crate::text::TextRange;

pub(super) fn names(doc: &Doc, words: &[Word], reg: &mut Registry) {
    let g = &doc.lexicons.gazetteer;
    let mut i = 0;
    while i < words.len() {
        let Some(from) = run_start(doc, words, i, reg) else {
            i += 1;
            continue;
        };
        let last = extend_run(doc, words, from, reg);
        let seq = &words[i..=last];
        i = last + 1;
        read_run(doc, words, seq, reg, g);
    }
}

/// Whether a run of names starts at word `i`, and where its extension
/// starts: the word itself, or the end of the place or country mention it
/// opens when a longer name may absorb it ("Texas Department of Public
/// Safety", "United States Air Force").
fn run_start(doc: &Doc, words: &[Word], i: usize, reg: &Registry) -> Option<usize> {
    let w = &words[i];
    if !starts_name(w, doc.text) || w.folded.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !reg.is_claimed(w.range) {
        return Some(i);
    }
    let m = reg.mention_starting_at(w.range.start())?;
    if !matches!(
        reg.actors[m.actor].kind,
        ActorKind::Place | ActorKind::Country
    ) {
        return None;
    }
    let end = m.range.end();
    let last = i + words[i..].partition_point(|x| x.range.end() <= end);
    let last = last.checked_sub(1)?;
    let next = words.get(last + 1)?;
    (adjacent(doc.text, &words[last], next)
        && starts_name(next, doc.text)
        && !reg.is_claimed(next.range))
    .then_some(last)
}

/// A word that can carry a name: capitalised, or an Arabic article glued
/// to a capitalised name (`al-Assad`, `el-Sissi`, `ben-Gourion`).
pub(super) fn starts_name(w: &Word, text: &str) -> bool {
    if is_capitalized(w, text) {
        return true;
    }
    let s = &text[w.range.as_range()];
    ["al-", "el-", "ad-", "ben-", "bin-", "abu-", "abd-"]
        .iter()
        .any(|p| {
            s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
                && s[p.len()..].chars().next().is_some_and(char::is_uppercase)
        })
}

/// The last word of the run of names that goes on from word `from`:
/// capitalised words, particles between them (`of the` inside an
/// organisation's name), a possessive inside a name (`People's Vote`,
/// `Workers' Party`) and `and` between two common words of a name
/// (`Center for Systems Science and Engineering`). Claimed words end it
/// unless they are places or countries a longer name may absorb.
fn extend_run(doc: &Doc, words: &[Word], from: usize, reg: &Registry) -> usize {
    let text = doc.text;
    let free = |k: usize| {
        !reg.is_claimed(words[k].range)
            || matches!(
                reg.kind_at(words[k].range),
                Some(ActorKind::Place | ActorKind::Country)
            )
    };
    let name_at = |k: usize| k < words.len() && starts_name(&words[k], text) && free(k);
    let mut last = from;
    let mut j = from + 1;
    let mut has_org_head = doc.lexicons.shared.org_heads.contains(words[from].folded);
    while j < words.len() {
        let prev = &words[j - 1];
        // "People's Vote": the possessive's "s" is a word of its own. A
        // longer run goes on only into an organisation's head noun:
        // "Lincoln County Sheriff's Office".
        let org_after = |after: &usize| {
            j - from <= 2 || doc.lexicons.shared.org_heads.contains(words[*after].folded)
        };
        if let Some(after) = possessive(doc, words, j - 1).filter(org_after) {
            if name_at(after) {
                last = after;
                j = after + 1;
                continue;
            }
            break;
        }
        if !adjacent(text, prev, &words[j]) || !free(j) {
            break;
        }
        let w = &words[j];
        if starts_name(w, text) {
            has_org_head |= doc.lexicons.shared.org_heads.contains(w.folded);
            last = j;
            j += 1;
            continue;
        }
        if let Some(k) = skip_linking_words(doc, words, j, has_org_head) {
            if name_at(k) && adjacent(text, &words[k - 1], &words[k]) {
                j = k;
                continue;
            }
        }
        break;
    }
    last
}

/// After word `at`, the index of the capitalised word a possessive joins
/// it to: `People's Vote` (words `People`, `s`, `Vote`), `Workers' Party`.
/// Only after a common word: `Britain's Labour Party` is two names.
fn possessive(doc: &Doc, words: &[Word], at: usize) -> Option<usize> {
    let w = &words[at];
    let next = words.get(at + 1)?;
    let gap = &doc.text[w.range.end()..next.range.start()];
    let after = if matches!(gap, "'" | "’") && next.folded == "s" {
        let after = words.get(at + 2)?;
        adjacent(doc.text, next, after).then_some(at + 2)?
    } else if matches!(gap, "' " | "’ ") && w.folded.ends_with('s') {
        at + 1
    } else {
        return None;
    };
    let org = doc.lexicons.shared.org_heads.contains(w.folded);
    (dict::is_common_only(doc, w.folded) && !org).then_some(after)
}

/// From word `j` (not a name), the index just past particles linking two
/// parts of a name (`de la`, `of`, `of the` inside an organisation's
/// name), or past `and` between two common words (`Allergy and
/// Infectious Diseases`); `None` when `j` links nothing.
fn skip_linking_words(doc: &Doc, words: &[Word], j: usize, has_org_head: bool) -> Option<usize> {
    let text = doc.text;
    let w = &words[j];
    if matches!(w.folded, "and" | "et") {
        let before = &words[j - 1];
        let after = words.get(j + 1)?;
        let common = |x: &Word| is_capitalized(x, text) && dict::is_common_anywhere(doc, x.folded);
        return (common(before) && common(after)).then_some(j + 1);
    }
    if !is_particle(doc, w.folded) {
        return None;
    }
    let mut k = j + 1;
    while k < words.len() && adjacent(text, &words[k - 1], &words[k]) {
        let f = words[k].folded;
        let article = has_org_head && f == "the" && matches!(words[k - 1].folded, "of" | "for");
        if !is_particle(doc, f) && !article {
            break;
        }
        k += 1;
    }
    Some(k)
}

/// A run read as one name, or split where a gazetteer name sits inside it:
/// the whole is read when it is an organisation around a place (`Texas
/// Department of Public Safety`) or a person whose surname is a place
/// (`François Hollande`, `Sudesh Amman`); otherwise the free parts stand
/// alone and the gazetteer's reading stays.
fn read_run(doc: &Doc, words: &[Word], seq: &[Word], reg: &mut Registry, g: &Gazetteer) {
    let claimed: Vec<bool> = seq.iter().map(|w| reg.is_claimed(w.range)).collect();
    if !claimed.iter().any(|&c| c) {
        candidate(doc, words, seq, reg, g);
        return;
    }
    let free: Vec<Word> = seq
        .iter()
        .zip(&claimed)
        .filter(|(w, &c)| !c && !is_particle(doc, w.folded))
        .map(|(w, _)| w.clone())
        .collect();
    // "First Minister of Scotland Nicola Sturgeon" is a title and a name
    // around a country, not an organisation.
    let titled = free.iter().any(|w| doc.lex.titles.contains_key(w.folded));
    let unclaimed: Vec<Word> = seq
        .iter()
        .zip(&claimed)
        .filter(|(_, &c)| !c)
        .map(|(w, _)| w.clone())
        .collect();
    let is_org = seq
        .iter()
        .any(|w| doc.lexicons.shared.org_heads.contains(w.folded))
        || (!titled && organisation_shaped(doc, &unclaimed));
    if !free.is_empty() && (is_org || surname_is_a_place(doc, words, seq, &claimed)) {
        reg.unclaim(seq[0].range.cover(seq[seq.len() - 1].range));
        candidate(doc, words, seq, reg, g);
        return;
    }
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

/// "François Hollande", "Sudesh Amman": a first name (or, inside a
/// sentence, a word no dictionary knows) and a last word the gazetteer
/// took for a place or a country.
fn surname_is_a_place(doc: &Doc, words: &[Word], seq: &[Word], claimed: &[bool]) -> bool {
    let [first, _] = seq else {
        return false;
    };
    if claimed != [false, true] {
        return false;
    }
    let first_idx = words.partition_point(|w| w.range.start() < first.range.start());
    let sentence_initial = first_idx == 0;
    let first_name = dict::first_name(doc, first.folded).is_some()
        && !(sentence_initial && dict::classes(doc, first.folded).is_common());
    first_name || (!sentence_initial && dict::is_unknown(doc, first.folded))
}

/// Whether a run of words could be a name on its own (not only particles
/// and sentence words).
pub(super) fn could_be_name(doc: &Doc, run: &[Word]) -> bool {
    run.iter()
        .any(|w| !is_particle(doc, w.folded) && !doc.lex.sentence_words.contains(w.folded))
}

/// A run of capitalised words (with particles) → an actor mention, in
/// named steps: a title inside the run, trimming, a name already known,
/// the kind, and what a person's title and apposition tell.
pub(super) fn candidate(
    doc: &Doc,
    words: &[Word],
    seq: &[Word],
    reg: &mut Registry,
    g: &Gazetteer,
) {
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
    let initial = opens_clause(doc, words, first_idx);
    let Some(trimmed) = trim_run(doc, seq, initial) else {
        return;
    };
    let seq = &seq[trimmed.skip..trimmed.end];
    if seq.iter().any(|w| reg.things.contains(w.folded)) {
        return;
    }
    if split::person_of(doc, words, seq, reg, g) || split::at_first_name(doc, words, seq, reg, g) {
        return;
    }
    let run = Run {
        seq,
        first_idx: first_idx + trimmed.skip,
        range: TextRange::new(seq[0].range.start(), seq[seq.len() - 1].range.end()),
    };
    let name = collapse(&doc.text[run.range.as_range()]);
    let sentence_initial = opens_clause(doc, words, run.first_idx);
    let title = title_before(doc, words, run.first_idx);
    let title_gender = trimmed.title_gender.or(title.map(|t| t.1));
    if known_name(reg, &run, &name) {
        return;
    }
    let Some(kind) = kind_of(doc, words, &run, sentence_initial, title_gender) else {
        return;
    };
    let id = reg.add_from(&name, kind, ActorOrigin::Name);
    reg.mention(run.range, id, MentionKind::Name);
    if kind == ActorKind::Person {
        person_details(doc, reg, id, &run, title_gender, title, g);
    }
    acronym_after(doc, run.range.end(), id, reg);
}

/// Whether the capital of word `idx` of a sentence says nothing of a name:
/// the word opens the sentence, a quotation, a parenthesis or a clause
/// after a colon or a dash (`… blocked. Visitors wonder`, `: Selon…`), or
/// only sentence words come before it (`Mais`, `Selon`).
pub(super) fn opens_clause(doc: &Doc, words: &[Word], idx: usize) -> bool {
    if idx == 0 || idx > words.len() {
        return true;
    }
    let prev = &words[idx - 1];
    let gap = doc.text[prev.range.end()..words[idx].range.start()].trim_end();
    let abbreviation = prev.folded.chars().count() == 1
        || doc.lex.abbreviations.contains(&format!("{}.", prev.folded))
        || doc
            .lex
            .civilities
            .contains_key(&format!("{}.", prev.folded));
    let boundary = gap.chars().any(|c| {
        matches!(
            c,
            '!' | '?' | ':' | '«' | '“' | '(' | '[' | '—' | '–' | '…' | '\n'
        ) || (c == '.' && !abbreviation)
    });
    let opening_mark = gap
        .strip_suffix(['"', '\''])
        .is_some_and(|before| before.is_empty() || before.ends_with([' ', ',']));
    let dash = gap.ends_with('-') && gap.len() > 1;
    boundary
        || opening_mark
        || dash
        || words[..idx]
            .iter()
            .all(|w| doc.lex.sentence_words.contains(w.folded))
}

/// A run of words read as a name, trimmed.
pub(super) struct Run<'a> {
    pub seq: &'a [Word<'a>],
    /// Index of its first word in the sentence's words.
    pub first_idx: usize,
    pub range: TextRange,
}

/// What trimming leaves of a run: `seq[skip..end]`, and the gender of a
/// title dropped from its front.
struct Trimmed {
    skip: usize,
    end: usize,
    title_gender: Option<Gender>,
}

/// Drops sentence words ("Le", "The", "Mais") and titles (`Secretary of
/// State`) at the front, and lower-case particles at either end ("La PDG
/// de Vernier"); a capitalised particle stays ("Ben Blanchard", "Van
/// Gogh"), and so does a capitalised article inside a sentence, where it
/// belongs to the name ("de La Poste", "for The Greens"). `None` when
/// nothing is left.
fn trim_run(doc: &Doc, seq: &[Word], initial: bool) -> Option<Trimmed> {
    let mut skip = 0;
    let mut title_gender = None;
    while skip < seq.len() {
        let f = seq[skip].folded;
        let article = is_particle(doc, f) || matches!(f, "the" | "les");
        let sentence_word = doc.lex.sentence_words.contains(f)
            || doc
                .lexicons
                .lang(other(doc.lex.lang))
                .sentence_words
                .contains(f);
        if sentence_word && !(article && !initial && skip == 0 && skip + 1 < seq.len()) {
            skip += 1;
        } else if let Some(end) = title_at_front(doc, &seq[skip..]) {
            let t = doc.folded_at(TextRange::new(
                seq[skip].range.start(),
                seq[skip + end - 1].range.end(),
            ));
            title_gender = Some(
                doc.lex
                    .titles
                    .get(t)
                    .or_else(|| doc.lex.civilities.get(t))
                    .copied()
                    .unwrap_or(Gender::Any),
            );
            skip += end;
        } else {
            break;
        }
    }
    // "Intitulé l'Archipel…": a common word opening a sentence, then a
    // lower-case particle, is no part of the name.
    if initial
        && skip == 0
        && seq.len() > 2
        && dict::is_common_only(doc, seq[0].folded)
        && is_particle(doc, seq[1].folded)
        && !is_capitalized(&seq[1], doc.text)
    {
        skip = 1;
    }
    while skip < seq.len()
        && is_particle(doc, seq[skip].folded)
        && !is_capitalized(&seq[skip], doc.text)
    {
        skip += 1;
    }
    let mut end = seq.len();
    while end > skip && is_particle(doc, seq[end - 1].folded) {
        end -= 1;
    }
    // "Labour MP", "Foreign Minister": a title ending the run is not part
    // of the name before it. After a capitalised particle it is a surname:
    // "Bruno Le Maire".
    if let Some(k) = (skip + 1..end).find(|&k| {
        doc.match_at(&doc.lex.title_set, seq[k].range.start())
            .is_some_and(|(r, _)| r.end() == seq[end - 1].range.end())
            && !(is_particle(doc, seq[k - 1].folded) && is_capitalized(&seq[k - 1], doc.text))
    }) {
        end = k;
    }
    (skip < end).then_some(Trimmed {
        skip,
        end,
        title_gender,
    })
}

/// The number of words of a title or civility opening `seq` (`Secretary of
/// State`, `Minority Whip`, `M.`), if one does.
fn title_at_front(doc: &Doc, seq: &[Word]) -> Option<usize> {
    let first = &seq[0];
    if doc.lex.civilities.contains_key(first.folded) {
        return Some(1);
    }
    let (r, _) = doc.match_at(&doc.lex.title_set, first.range.start())?;
    let n = seq.iter().take_while(|w| w.range.end() <= r.end()).count();
    (n > 0 && seq[n - 1].range.end() == r.end()).then_some(n)
}

/// A known name: the registry, or a short form of a person already seen.
/// Returns whether the run was mentioned as one.
fn known_name(reg: &mut Registry, run: &Run, name: &str) -> bool {
    if let Some(id) = reg.find_key(name) {
        reg.mention(run.range, id, MentionKind::Name);
        return true;
    }
    if run.seq.len() == 1 {
        let token = &run.seq[0].folded;
        let known = reg
            .person_with_token(token)
            .or_else(|| reg.organisation_with_short_name(token));
        if let Some(id) = known {
            reg.mention(run.range, id, MentionKind::Name);
            return true;
        }
    }
    false
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
    fn a_possessive_inside_a_name() {
        check_actors(
            "Members of the People's Alliance met the Britain's Labour Party leader.",
            Vec::new(),
            "organization People's Alliance: People's Alliance\ncountry United Kingdom: Britain\norganization Labour Party: Labour Party",
        );
    }

    #[test]
    fn an_arabic_article_glued_to_a_name() {
        check_actors(
            "Talks with Bashir al-Hamadi resumed on Monday.",
            Vec::new(),
            "person Bashir al-Hamadi: Bashir al-Hamadi",
        );
    }

    #[test]
    fn and_and_of_the_inside_an_organisation() {
        check_actors(
            "The National Institute of Soil and Water Research joined the Office of the Public Defender.",
            Vec::new(),
            "organization National Institute of Soil and Water Research: National Institute of Soil and Water Research\norganization Office of the Public Defender: Office of the Public Defender",
        );
    }

    #[test]
    fn an_organisation_absorbs_a_country_and_a_person_a_place() {
        check_actors(
            "The United States Coast Guard thanked Marc Lyon. Lyon said nothing.",
            Vec::new(),
            "organization United States Coast Guard: United States Coast Guard\nperson Marc Lyon: Marc Lyon | Lyon",
        );
    }

    #[test]
    fn a_capital_after_a_full_stop_inside_a_quotation_says_nothing() {
        check_actors(
            "\"Roads were blocked. Visitors wonder why,\" a resident said.",
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
            "organization Sénat: Senate\nperson Dick Durbin: Dick Durbin",
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
