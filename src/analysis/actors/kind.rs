//! The kind of actor a run of capitalised words names: from its head
//! words, a kind noun before it, a title or first name, or its place in
//! the sentence; none when it names no actor (an event, a head noun
//! alone, an acronym modifying a common noun).

use super::super::{Doc, Word};
use super::acronyms::is_acronym;
use super::gazetteer::after_locative;
use super::names::Run;
use super::{dict, is_capitalized, is_particle};
use crate::lexicon::{ActorKind, Gazetteer, Gender, Lang};
use crate::text::TextRange;

pub(super) fn first_name_gender(g: &Gazetteer, first: &str) -> Option<Gender> {
    g.first_names
        .get(first)
        .or_else(|| g.first_names.get(first.split('-').next().unwrap_or("")))
        .copied()
}

/// The kind of actor a new run names, from its head words, a kind noun
/// before it, a title or first name, or its place in the sentence; `None`
/// when it names no actor (an event, a head noun alone, an acronym
/// modifying a common noun).
pub(super) fn kind_of(
    doc: &Doc,
    words: &[Word],
    run: &Run,
    sentence_initial: bool,
    title_gender: Option<Gender>,
) -> Option<ActorKind> {
    let text = doc.text;
    let (seq, first_idx, range) = (run.seq, run.first_idx, run.range);
    let shared = &doc.lexicons.shared;
    let folded: Vec<&str> = seq.iter().map(|w| w.folded).collect();
    let has_org_head = folded.iter().any(|w| shared.org_heads.contains(*w));
    if !has_org_head && folded.iter().any(|w| shared.event_heads.contains(*w)) {
        return None;
    }
    // The head noun decides over an organisation inside the name: English
    // puts it last ("Tenure of Office Act"), French first ("Loi sur
    // l'Office…").
    let head = match doc.lex.lang {
        Lang::En => folded[folded.len() - 1],
        Lang::Fr => folded[0],
    };
    if shared.event_heads.contains(head) {
        return None;
    }
    let kind_noun = kind_noun_before(doc, words, first_idx);
    // A head noun alone ("Stade rennais", "Côté") is not a name; in
    // capitals after a kind noun it is an acronym ("le syndicat SUD").
    let all_heads = folded.iter().all(|w| is_head(doc, w));
    let named_acronym = kind_noun.is_some() && is_acronym(&text[range.as_range()]);
    if all_heads && seq.len() == 1 && !named_acronym {
        return None;
    }
    // "United States Coast Guard": an organisation's head noun beats a
    // place word inside the name.
    let org_headed = shared.org_heads.contains(head);
    let is_place = (folded.iter().any(|w| shared.place_heads.contains(*w))
        && !org_headed
        && !(sentence_initial && seq.len() == 1))
        || kind_noun == Some(ActorKind::Place);
    let is_org = folded.iter().any(|w| shared.org_heads.contains(*w))
        && !(sentence_initial && seq.len() == 1);
    let is_media = folded
        .iter()
        .skip(1)
        .any(|w| shared.media_heads.contains(*w));
    let first_name = dict::first_name(doc, folded[0]);
    let acronym = seq.len() == 1 && is_acronym(&text[range.as_range()]);
    // "adresses IP", "format PDF": an acronym right after a common noun
    // modifies it; actors come after a determiner, a preposition, a kind
    // noun or a title ("le syndicat SUD"), or nothing.
    if acronym && !sentence_initial {
        if let Some(prev) = first_idx.checked_sub(1).map(|k| &words[k]) {
            if modified_noun(doc, prev) && !followed_by_speech(doc, range.end()) {
                return None;
            }
        }
    }
    // "a Member State", "President Street": a title before a common word
    // makes no person.
    let title_gender =
        title_gender.filter(|_| !(seq.len() == 1 && dict::is_plain_word(doc, folded[0])));
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
        let prev = first_idx.checked_sub(1).map(|k| words[k].folded);
        let definite = prev.is_none_or(|p| doc.lexicons.shared.acronym_introducers.contains(p))
            || followed_by_speech(doc, range.end());
        definite.then_some(ActorKind::Organization)
    } else if title_gender.is_some() {
        Some(ActorKind::Person)
    } else {
        bare_run_kind(doc, run, sentence_initial, first_name)
    }
}

/// Whether a lower-case word before a name is a common noun the name
/// modifies ("adresses IP", "le projet ACTA"), not a determiner, a
/// preposition, a verb, a kind noun or a title ("le syndicat SUD", "the
/// broadcaster PBS").
pub(super) fn modified_noun(doc: &Doc, prev: &Word) -> bool {
    let f = prev.folded;
    let shared = &doc.lexicons.shared;
    doc.text[prev.range.as_range()]
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
        && !doc.lex.sentence_words.contains(f)
        && !is_particle(doc, f)
        && !doc.lex.function_words.contains(f)
        && !doc.lex.speech_forms.contains_key(f)
        && !doc.lex.titles.contains_key(f)
        && !doc.lex.descriptions.contains_key(f)
        && !shared.kind_nouns.iter().any(|(n, _)| n == f)
}

/// The kind of a run with nothing around it to say: a single word only
/// with a cue (a speech verb after it, a locative before it) or when it is
/// a first name and nothing else; a first name and more words make a
/// person, and so do two or three words that look like a name
/// ([`looks_like_person`]); longer runs are organisations unless every
/// word is a common word.
fn bare_run_kind(
    doc: &Doc,
    run: &Run,
    sentence_initial: bool,
    first_name: Option<Gender>,
) -> Option<ActorKind> {
    let (seq, range) = (run.seq, run.range);
    let g = &doc.lexicons.gazetteer;
    // Lower-case particles link the words of a name; a capitalised one is
    // part of it ("Ben Blanchard").
    let n_names = seq
        .iter()
        .filter(|w| !is_particle(doc, w.folded) || is_capitalized(w, doc.text))
        .count();
    let speaks = followed_by_speech(doc, range.end());
    // "Nexora, which is based in Dublin, said": English "which" takes no
    // person for antecedent.
    let which = doc.lex.lang == Lang::En
        && doc.text[range.end()..]
            .trim_start_matches([',', ' '])
            .strip_prefix("which ")
            .is_some();
    if which && !dict::is_plain_word(doc, seq[0].folded) {
        return Some(ActorKind::Organization);
    }
    let article = doc.lexicons.shared.articles.contains(seq[0].folded) && !sentence_initial;
    if article && n_names == 2 {
        // "de La Poste", "for The Greens": an article capitalised inside a
        // sentence belongs to a name.
        return Some(ActorKind::Organization);
    }
    if n_names == 1 {
        let word = &seq[0];
        if g.demonyms.contains_key(word.folded) || after_event_noun(doc, run) {
            return None;
        }
        // At the start of a sentence the capital says nothing of a common
        // word ("Selon", "Visitors"); a word no dictionary calls common is
        // still a name there ("Febelfin a rappelé…").
        let meaningful_capital = !sentence_initial || !dict::classes(doc, word.folded).is_common();
        return if employer_after_title(doc, range.start()) {
            Some(ActorKind::Organization)
        } else if after_locative(doc, range.start()) && !sentence_initial {
            Some(ActorKind::Place)
        } else if !dict::is_plain_word(doc, word.folded)
            && ((speaks && meaningful_capital) || after_speech(doc, range.start()))
        {
            Some(ActorKind::Person)
        } else if !dict::classes(doc, word.folded).is_common()
            && (apposed_title(doc, range.end()) || leads(doc, words_around(doc, range)))
        {
            // "Barroso, le président de la Commission, …"
            Some(ActorKind::Person)
        } else if before_title(doc, range.end()) && !dict::classes(doc, word.folded).is_common() {
            // "Labour MP Tom Watson", "Republican committee member Doug
            // Collins": the party or body a title belongs to.
            Some(ActorKind::Organization)
        } else if title_of(doc, run) && dict::is_unknown(doc, word.folded) {
            Some(ActorKind::Organization)
        } else {
            None
        };
    }
    // "Will Britain…", "Rose Garden": a first name that is also a common
    // word says little at the start of a sentence, unless a word that is
    // not a common one follows ("John Lubbock").
    // "Golden Ticket": a first name of the dictionaries that is also a
    // common word needs a name after it; the gazetteer's first names are
    // names ("Jean Roux").
    let first_name = first_name.is_some()
        && (g.first_names.contains_key(seq[0].folded)
            || !dict::classes(doc, seq[0].folded).is_common()
            || seq
                .get(1)
                .is_some_and(|w| !dict::is_common_only(doc, w.folded)));
    if first_name {
        Some(ActorKind::Person)
    } else if organisation_shaped(doc, seq) {
        // "Bourse de Paris", "House of Representatives": a common noun
        // with a complement, whatever the words after it.
        Some(ActorKind::Organization)
    } else if n_names <= 3 && (speaks || looks_like_person(doc, seq)) {
        Some(ActorKind::Person)
    } else if n_names > 3 && !seq.iter().all(|w| dict::is_common_only(doc, w.folded)) {
        Some(ActorKind::Organization)
    } else {
        None
    }
}

/// "an analyst at Bernstein", "économiste chez Natixis": after a title
/// and "at"/"chez", a name is where the person works, not a place.
fn employer_after_title(doc: &Doc, start: usize) -> bool {
    let before = doc.words(TextRange::new(start.saturating_sub(60), start));
    let [.., title, preposition] = before else {
        return false;
    };
    matches!(preposition.folded, "at" | "chez")
        && preposition.range.end() + 1 >= start
        && doc.lex.titles.contains_key(title.folded)
}

/// "», soupire Nadia", "a précisé Febelfin", "told ThePrint": a name right
/// after a speech verb is its inverted subject or the one spoken to.
fn after_speech(doc: &Doc, start: usize) -> bool {
    let before = doc.text[..start].trim_end_matches(' ');
    before.len() < start && doc.match_ending_at(&doc.lex.speech, before.len()).is_some()
}

/// Whether a title starts right after `end` ("… MP", "… committee
/// member").
pub(super) fn before_title(doc: &Doc, end: usize) -> bool {
    let rest = &doc.text[end..];
    let at = end + (rest.len() - rest.trim_start_matches(' ').len());
    at > end && doc.match_at(&doc.lex.title_set, at).is_some()
}

/// "X, le président de …", "X, a spokesman for …": an apposition that
/// opens with a title, after a comma.
fn apposed_title(doc: &Doc, end: usize) -> bool {
    let Some(rest) = doc.text[end..].strip_prefix(',') else {
        return false;
    };
    let body = rest.trim_start_matches(' ');
    let at = doc.text.len() - body.len();
    let words = doc.words(TextRange::new(at, (at + 60).min(doc.text.len())));
    let Some(first) = words.iter().position(|w| {
        !doc.lexicons.shared.definite_determiners.contains(w.folded)
            && !doc.lexicons.shared.indefinites.contains(w.folded)
    }) else {
        return false;
    };
    doc.match_at(&doc.lex.title_set, words[first].range.start())
        .is_some()
}

/// The words just before and just after a range.
fn words_around<'d>(
    doc: &'d Doc,
    range: TextRange,
) -> (Option<&'d Word<'d>>, Option<&'d Word<'d>>) {
    let before = doc.words(TextRange::new(
        range.start().saturating_sub(30),
        range.start(),
    ));
    let after = doc.words(TextRange::new(
        range.end(),
        (range.end() + 30).min(doc.text.len()),
    ));
    (before.last(), after.first())
}

/// "le gouvernement Papadimos", "the Biden administration": a name with
/// a noun of what a person leads is that person.
fn leads(doc: &Doc, (before, after): (Option<&Word>, Option<&Word>)) -> bool {
    let led_by = &doc.lexicons.shared.led_by;
    let lower = |w: &Word| !is_capitalized(w, doc.text);
    match doc.lex.lang {
        Lang::Fr => before.is_some_and(|w| lower(w) && led_by.contains(w.folded)),
        Lang::En => after.is_some_and(|w| lower(w) && led_by.contains(w.folded)),
    }
}

/// "l'ouragan meurtrier Sandy", "storm Ciara": a single name after an
/// event noun (and maybe an adjective) names the event.
fn after_event_noun(doc: &Doc, run: &Run) -> bool {
    let before = doc.words(TextRange::new(
        run.range.start().saturating_sub(40),
        run.range.start(),
    ));
    let events = &doc.lexicons.shared.event_heads;
    before
        .iter()
        .rev()
        .take(2)
        .any(|w| events.contains(w.folded) && !is_capitalized(w, doc.text))
}

/// "secrétaire général de la CGT-Cheminots", "spokesman for Febelfin": a
/// name after a title and `de`/`of`/`for` is the title's institution.
fn title_of(doc: &Doc, run: &Run) -> bool {
    let before = doc.words(TextRange::new(
        run.range.start().saturating_sub(60),
        run.range.start(),
    ));
    let Some(p) = before
        .iter()
        .rposition(|w| !is_particle(doc, w.folded) && w.folded != "the")
    else {
        return false;
    };
    if p + 1 == before.len() {
        return false;
    }
    let end = before[p].range.end();
    doc.match_ending_at(&doc.lex.title_set, end).is_some()
}

/// A short run that is not a person's name but an organisation's: a
/// common noun with a complement (`House of Representatives`, `Quadrature
/// du Net`), or an acronym beside another name (`BNP Paribas`, `RC Lens`).
pub(super) fn organisation_shaped(doc: &Doc, seq: &[Word]) -> bool {
    let complement = seq.windows(2).any(|pair| {
        is_particle(doc, pair[1].folded)
            && !is_capitalized(&pair[1], doc.text)
            && dict::classes(doc, pair[0].folded).is_common()
            && dict::first_name(doc, pair[0].folded).is_none()
    });
    let g = &doc.lexicons.gazetteer;
    let names: Vec<&Word> = seq.iter().filter(|w| !is_particle(doc, w.folded)).collect();
    let acronym = names.len() >= 2
        && names
            .iter()
            .any(|w| is_acronym(&doc.text[w.range.as_range()]))
        && !names.iter().any(|w| {
            g.demonyms.contains_key(w.folded) || w.folded.chars().any(|c| c.is_ascii_digit())
        });
    complement || acronym
}

/// Two or three capitalised words with no title, first name or verb to
/// tell: a name when it ends in a word that can be a surname or starts
/// with a word no dictionary knows (`Sadiq Khan`, `Nadim Houry`), never
/// with a demonym, an acronym or digits in it (`Turkish Cypriot`, `Latin
/// American`, `Turkish EEZ`), nor when it ends in a common word (`Member
/// State`, `Grim Reaper`, `Kleenex Toilet Tissue`).
fn looks_like_person(doc: &Doc, seq: &[Word]) -> bool {
    let g = &doc.lexicons.gazetteer;
    let names: Vec<&Word> = seq.iter().filter(|w| !is_particle(doc, w.folded)).collect();
    let (Some(first), Some(last)) = (names.first(), names.last()) else {
        return false;
    };
    let odd = names.iter().any(|w| {
        g.demonyms.contains_key(w.folded)
            || w.folded.chars().any(|c| c.is_ascii_digit())
            || is_acronym(&doc.text[w.range.as_range()])
    });
    !odd && (dict::can_be_surname(doc, last.folded) || dict::is_unknown(doc, first.folded))
}

/// "le groupe Vernier", "la start-up lyonnaise Kalia", "un sondage Ifop",
/// "le stade Bollaert": a noun of a kind (and an adjective) before a name.
pub(super) fn kind_noun_before(doc: &Doc, words: &[Word], first: usize) -> Option<ActorKind> {
    let mut k = first.checked_sub(1)?;
    // A kind noun is a common noun: "Secretary of State Ann Wiley" has none.
    if is_capitalized(&words[k], doc.text) {
        return None;
    }
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

/// Whether a folded word is the head noun of an organisation, a place, a
/// medium or an event.
pub(super) fn is_head(doc: &Doc, folded: &str) -> bool {
    let sh = &doc.lexicons.shared;
    sh.org_heads.contains(folded)
        || sh.place_heads.contains(folded)
        || sh.media_heads.contains(folded)
        || sh.event_heads.contains(folded)
}

pub(super) fn followed_by_speech(doc: &Doc, end: usize) -> bool {
    // Not after a comma: "which makes Sorbent, emphasized…" ends a
    // clause; the subject is further back.
    let rest = doc.text[end..].trim_start_matches(' ');
    let at = doc.text.len() - rest.len();
    let skip_aux = doc.match_at(&doc.lex.auxiliaries, at).map_or(at, |(r, _)| {
        let after = &doc.text[r.end()..];
        r.end() + (after.len() - after.trim_start().len())
    });
    doc.match_at(&doc.lex.speech, skip_aux).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;

    #[test]
    fn a_name_after_a_title_and_at_is_an_employer() {
        check_actors(
            "\"It is a rounding error,\" said Mark Feldman, an analyst at Zentrum.",
            Vec::new(),
            "person Mark Feldman (an analyst at Zentrum): Mark Feldman\norganization Zentrum: Zentrum",
        );
        check_actors(
            "The storm hit hard in Zentrum.",
            Vec::new(),
            "place Zentrum: Zentrum",
        );
    }

    #[test]
    fn an_english_which_after_a_name_makes_no_person() {
        check_actors(
            "Regulators fined Zantrix on Tuesday. Zantrix, which is based in Dublin, said it would appeal.",
            Vec::new(),
            "organization Zantrix: Zantrix | Zantrix\nplace Dublin: Dublin",
        );
    }

    #[test]
    fn common_words_in_capitals_are_not_a_person() {
        check_actors(
            "Fans waved Golden Ticket banners while Tom Brennick watched.",
            Vec::new(),
            "person Tom Brennick: Tom Brennick",
        );
    }

    #[test]
    fn a_word_no_dictionary_knows_makes_a_name() {
        check_actors(
            "The prize went to Sadiq Halloran on Friday.",
            Vec::new(),
            "person Sadiq Halloran: Sadiq Halloran",
        );
    }

    #[test]
    fn a_common_noun_with_a_complement_is_an_organisation() {
        check_actors(
            "The bill now goes to the House of Delegates for a vote.",
            Vec::new(),
            "organization House of Delegates: House of Delegates",
        );
    }

    #[test]
    fn a_capitalised_article_inside_a_sentence_belongs_to_the_name() {
        check_actors(
            "Le directeur de La Banderole a démissionné hier.",
            Vec::new(),
            "organization La Banderole: La Banderole",
        );
    }

    #[test]
    fn a_name_after_an_event_noun_names_the_event() {
        check_actors(
            "Les dégâts de l'ouragan meurtrier Ophélie restent lourds.",
            Vec::new(),
            "",
        );
    }

    #[test]
    fn an_unknown_name_after_a_title_and_de_is_its_institution() {
        check_actors(
            "Il a rencontré le secrétaire général de Valnordia mardi.",
            Vec::new(),
            "organization Valnordia: Valnordia",
        );
    }

    #[test]
    fn a_name_right_after_a_speech_verb_speaks_or_is_spoken_to() {
        check_actors(
            "« Nous partirons demain », soupire Ombeline, lasse.",
            Vec::new(),
            "person Ombeline: Ombeline",
        );
    }

    #[test]
    fn an_acronym_spelled_like_a_head_noun_after_a_kind_noun_is_named() {
        check_actors(
            "Le syndicat NORD a dénoncé la fermeture de l'usine.",
            Vec::new(),
            "organization NORD: NORD",
        );
    }
}
