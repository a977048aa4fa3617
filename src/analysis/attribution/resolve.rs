//! Resolution: the actor a subject span names. A mention heading the
//! subject (not a complement: `de l'administration d'Obama` is not the
//! speaker), the institution a role speaks for (`le porte-parole du
//! Kremlin`), an anonymous or indefinite subject as an unnamed actor (`un
//! membre de l'administration`, `two diplomats`), an institution noun
//! (`le parquet`), and pronouns and descriptions to the most recent
//! compatible actor, preferring recent speakers. Never a guess: a subject
//! naming no one resolves to nothing.

use super::super::actors::Registry;
use super::super::{Actor, ActorId, ActorOrigin, Doc, Mention, MentionKind};
use crate::lexicon::{ActorKind, Gender, Lang};
use crate::text::{collapse_whitespace, is_space, TextRange};

/// The actor a subject span refers to.
pub(super) fn resolve_subject(
    doc: &Doc,
    subject: TextRange,
    reg: &mut Registry,
    speakers: &[(usize, ActorId)],
) -> Option<ActorId> {
    if subject.is_empty() {
        return None;
    }
    let words = doc.words(subject);
    let first = words.first()?;
    // "A l'occasion d'un séminaire", "After the meeting": an adverbial
    // phrase, never a subject.
    if doc
        .lexicons
        .shared
        .adverbial_openers
        .contains(&first.folded)
        && !(doc.lex.lang == Lang::En && first.folded == "a")
    {
        return None;
    }
    // A pronoun.
    if let Some(&(gender, plural)) = doc.lex.pronouns.get(&first.folded) {
        if words.len() == 1 || words.len() <= 2 && doc.lex.function_words.contains(&words[1].folded)
        {
            return resolve_pronoun(doc, subject.start(), gender, plural, reg, speakers);
        }
    }
    let apposition_to_person = apposition_to_person(doc, subject, reg);
    let inside = subject_mentions(doc, subject, reg, apposition_to_person);
    // The institution a role speaks for: "le porte-parole du Kremlin",
    // "analysts at Morgan Stanley", "la direction de l'entreprise".
    let institution = inside
        .iter()
        .filter(|m| {
            matches!(
                reg.actors[m.actor].kind,
                ActorKind::Organization | ActorKind::Country | ActorKind::Media
            )
        })
        .find(|m| is_complement(doc, subject.start(), m.range.start()))
        .map(|m| m.actor);
    // An anonymous source leads the subject ("un membre de …", "some
    // officials"), or an indefinite noun phrase does ("un vétérinaire",
    // "two diplomats").
    let vague = doc
        .match_at(&doc.lex.vague_sources, first.range.start())
        .filter(|(r, _)| {
            r.start() == first.range.start() && !doc.lex.pronouns.contains_key(&first.folded)
        });
    if let Some((r, _)) = vague {
        let phrase = doc.folded_at(r);
        if institution.is_some()
            && doc
                .lexicons
                .shared
                .institutional_voices
                .iter()
                .any(|v| phrase.contains(v.as_str()))
        {
            return institution;
        }
        return Some(unnamed(doc, subject, reg));
    }
    // A mention heading the subject, not a complement ("de
    // l'administration d'Obama" is not the speaker). English puts the head
    // last ("U.S. Trade Representative Daniel Okafor"), French first.
    let heads = inside
        .iter()
        .filter(|m| !is_complement(doc, subject.start(), m.range.start()));
    let head = match doc.lex.lang {
        Lang::En if !doc.text[subject.as_range()].contains(',') => {
            heads.max_by_key(|m| m.range.start)
        }
        _ => heads.min_by_key(|m| m.range.start),
    };
    if let Some(m) = head {
        return Some(m.actor);
    }
    let indefinite = doc.lexicons.shared.indefinites.contains(&first.folded)
        && !(doc.lex.lang == Lang::Fr && matches!(first.folded.as_str(), "a" | "an"));
    // "Des leaders du Parti populaire": some people of an institution, not
    // the institution ("une étude de l'université" is the university's).
    let people_of = indefinite
        && words.get(1).is_some_and(|w| {
            let singular = w.folded.trim_end_matches(['s', 'x']);
            doc.lex.titles.contains_key(&w.folded) || doc.lex.titles.contains_key(singular)
        });
    if people_of {
        return Some(unnamed(doc, subject, reg));
    }
    if institution.is_some() && !is_bare_apposition(doc, subject) && !apposition_to_person {
        return institution;
    }
    if indefinite && words.len() >= 2 {
        return Some(unnamed(doc, subject, reg));
    }
    // "le parquet", "the police": the institution speaks.
    let head = words
        .iter()
        .find(|w| !matches!(w.folded.as_str(), "le" | "la" | "l'" | "les" | "the"))?;
    if doc.lex.institutions.contains(&head.folded) && words.len() <= 3 {
        let id = reg.add(&head.folded, ActorKind::Organization);
        reg.mention(
            TextRange::new(words[0].range.start(), head.range.end()),
            id,
            MentionKind::Description,
        );
        return Some(id);
    }
    None
}

/// "Philippe Martin, secrétaire général de la CGT, a déclaré", "Jan Peeters,
/// spokesman for Febelfin, said": a comma segment opening on a bare noun (no
/// determiner) is an apposition to the name before it, not the subject: the
/// institution it names is where the speaker works, not who speaks.
fn is_bare_apposition(doc: &Doc, subject: TextRange) -> bool {
    let after_comma = doc.text[..subject.start()]
        .trim_end_matches(|c: char| c == ' ' || crate::text::is_space(c))
        .ends_with(',');
    let Some(first) = doc.words(subject).first() else {
        return false;
    };
    after_comma
        && first.folded.chars().next().is_some_and(char::is_alphabetic)
        && doc.text[first.range.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && !doc.lexicons.shared.term_determiners.contains(&first.folded)
}

/// The mentions in a subject that may name its speaker.
fn subject_mentions<'r>(
    doc: &Doc,
    subject: TextRange,
    reg: &'r Registry,
    apposition_to_person: bool,
) -> Vec<&'r Mention> {
    // "speaking to BBC", "wrote Joshua Wong on Twitter", "per ABC News",
    // "sur Europe 1": the medium a speaker talks through is not the speaker.
    // "Donald Tusk, the current President of the European Council, wrote",
    // "Gérald Karsenti, PDG de HP France, a indiqué": the segment between a
    // person's name and the verb is that person's apposition; only a person
    // in it may be the subject, the earlier segment names the speaker.
    reg.mentions_in(subject)
        .filter(|m| !apposition_to_person || reg.actors[m.actor].kind == ActorKind::Person)
        .filter(|m| {
            reg.actors[m.actor].kind != ActorKind::Media
                || !is_channel(doc, subject.start(), m.range.start())
        })
        .collect()
}

/// Whether `subject` follows a comma that closes a person's name opening
/// its sentence ("Donald Tusk, the President of …"), not one after a
/// preposition ("Selon Jean Roux, la Commission a indiqué") or inside a
/// clause ("huit donnent une avance à B. Obama, et …").
fn apposition_to_person(doc: &Doc, subject: TextRange, reg: &Registry) -> bool {
    let before = doc.text[..subject.start()].trim_end_matches(|c: char| c == ' ' || is_space(c));
    let Some(comma) = before.strip_suffix(',') else {
        return false;
    };
    let name_end = comma.len();
    let sentence = doc.sentences[doc.sentence_of(subject.start())].range;
    let Some(person) = reg
        .mentions_in(TextRange::new(sentence.start(), name_end))
        .filter(|m| m.range.end() == name_end)
        .find(|m| reg.actors[m.actor].kind == ActorKind::Person)
    else {
        return false;
    };
    // The name opens the sentence, after at most a title: "Ex-Prime
    // Minister Donald Tusk", "Le ministre Jean Roux".
    let shared = &doc.lexicons.shared;
    doc.words(TextRange::new(sentence.start(), person.range.start()))
        .iter()
        .all(|w| {
            let capital = doc.text[w.range.as_range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let opener = shared.adverbial_openers.contains(&w.folded)
                || matches!(
                    w.folded.as_str(),
                    "selon" | "pour" | "according" | "d'apres" | "for"
                );
            (capital && !opener)
                || shared.term_determiners.contains(&w.folded)
                || shared.particles.contains(&w.folded)
                || doc.lex.titles.contains_key(&w.folded)
        })
}

/// Whether the mention (of a medium) at `at` is introduced by a
/// preposition of the channel a speaker talks through (to, on, per, sur, via) within the
/// subject that starts at `start`.
fn is_channel(doc: &Doc, start: usize, at: usize) -> bool {
    let before = doc.words(TextRange::new(start, at));
    let Some(prev) = before
        .iter()
        .rev()
        .find(|w| !matches!(w.folded.as_str(), "la" | "le" | "les" | "l'" | "the"))
    else {
        return false;
    };
    matches!(prev.folded.as_str(), "to" | "on" | "per" | "sur" | "via")
}

/// Whether the mention at `at` is introduced by de/du/d'/of within the
/// subject that starts at `start`.
fn is_complement(doc: &Doc, start: usize, at: usize) -> bool {
    let before = doc.words(TextRange::new(start, at));
    let Some(prev) = before
        .iter()
        .rev()
        .find(|w| !matches!(w.folded.as_str(), "la" | "le" | "les" | "l'" | "the"))
    else {
        return false;
    };
    matches!(
        prev.folded.as_str(),
        "de" | "du" | "des" | "d'" | "of" | "for" | "pour" | "aux" | "au" | "a"
    )
}

fn unnamed(doc: &Doc, subject: TextRange, reg: &mut Registry) -> ActorId {
    let name = collapse_whitespace(&doc.text[subject.as_range()]);
    let id = reg.add_from(&name, ActorKind::Person, ActorOrigin::Description);
    reg.actors[id].named = false;
    // The span may hold a name ("un membre de l'administration d'Obama"):
    // both are mentions.
    reg.mention_nested(subject, id, MentionKind::Description);
    id
}

fn resolve_pronoun(
    doc: &Doc,
    at: usize,
    gender: Gender,
    plural: bool,
    reg: &Registry,
    speakers: &[(usize, ActorId)],
) -> Option<ActorId> {
    let lang = doc.lex.lang;
    let compatible = |a: &Actor| {
        if !a.named {
            return false;
        }
        match (lang, gender) {
            (Lang::En, Gender::Neuter) => matches!(
                a.kind,
                ActorKind::Organization | ActorKind::Media | ActorKind::Country
            ),
            (Lang::En, Gender::Any) => {
                plural || a.plural || matches!(a.kind, ActorKind::Organization | ActorKind::Media)
            }
            (Lang::En, g) => a.kind == ActorKind::Person && a.gender.agrees(g),
            (Lang::Fr, g) => a.plural == plural && a.gender.agrees(g) && a.kind != ActorKind::Place,
        }
    };
    // An actor named earlier in the same sentence or the sentence before
    // in the same paragraph ("Philippe Martin, lui, ne désarme pas. …, il
    // avait prévenu"), then the latest compatible speaker within the last
    // few paragraphs, then any compatible actor.
    let idx = doc.sentence_of(at);
    let para = doc.sentences[idx].paragraph;
    let local_start = match idx.checked_sub(1) {
        Some(prev) if doc.sentences[prev].paragraph == para => doc.sentences[prev].range.start(),
        _ => doc.sentences[idx].range.start(),
    };
    let person = |a: &Actor| a.kind == ActorKind::Person && compatible(a);
    if let Some((a, _)) = reg
        .latest_before(at, person)
        .filter(|(_, off)| *off >= local_start)
    {
        return Some(a);
    }
    let recent_speaker = speakers
        .iter()
        .rev()
        .filter(|(off, _)| *off < at)
        .take_while(|(off, _)| doc.sentences[doc.sentence_of(*off)].paragraph + 3 >= para)
        .find(|(_, a)| compatible(&reg.actors[*a]))
        .map(|&(_, a)| a);
    let recent_para_start = doc.paragraphs[para.saturating_sub(2)].start();
    recent_speaker
        .or_else(|| {
            reg.latest_before(at, person)
                .filter(|(_, off)| *off >= recent_para_start)
                .map(|(a, _)| a)
        })
        .or_else(|| {
            reg.latest_before(at, |a| compatible(a))
                .filter(|(_, off)| *off >= local_start)
                .map(|(a, _)| a)
        })
        .or_else(|| reg.latest_before(at, compatible).map(|(a, _)| a))
}

#[cfg(test)]
mod tests {
    use super::super::check::{check_claim, check_quote};

    #[test]
    fn pronouns_and_descriptions_go_to_compatible_actors() {
        check_quote(
            "Les discussions ont progressé, d'après l'agence Reuters.\n\n« Les deux parties sont satisfaites », $0dit$0-elle.",
            "indirect Reuters «Les discussions ont progressé»\ndirect Reuters « Les deux parties sont satisfaites »",
        );
        check_quote(
            "Selon The New York Times, un accord est proche. « Rien n'est signé », a souligné le journal américain.",
            "indirect The New York Times «un accord est proche»\ndirect The New York Times « Rien n'est signé »",
        );
    }

    #[test]
    fn an_anonymous_subject_is_a_vague_source() {
        check_claim(
            "Some officials say the talks could fail.",
            "vague-source Some officials: Some officials say the talks could fail.",
        );
    }

    #[test]
    fn a_role_speaks_for_its_institution() {
        check_claim(
            "Le porte-parole du Kremlin a affirmé que les sanctions pourraient être levées.",
            "attributed Russie: Le porte-parole du Kremlin a affirmé que les sanctions pourraient être levées.",
        );
    }

    #[test]
    fn the_medium_a_speaker_talks_through_is_not_the_speaker() {
        check_quote(
            "Paul Reed, speaking to the BBC, $0said$0: \"It is over.\"",
            "direct Paul Reed «It is over.»",
        );
        check_quote(
            "\"It is over,\" $0wrote$0 student leader Anna Lau on Twitter.",
            "direct Anna Lau «It is over,»",
        );
    }

    #[test]
    fn an_apposition_between_a_name_and_its_verb_leaves_the_name_speaking() {
        check_quote(
            "Ex-Prime Minister Anna Reed, the current President of the European Council, $0wrote$0: \"We are with you.\"",
            "direct Anna Reed «We are with you.»",
        );
        check_quote(
            "Paul Girard, jeune berger en Kabylie à l'époque, $0se souvient$0 : « C'était beau. »",
            "direct Paul Girard « C'était beau. »",
        );
        check_quote(
            "Selon Paul Girard, la Commission européenne $0a indiqué que$0 le texte passerait.",
            "indirect Commission européenne «le texte passerait»",
        );
    }

    #[test]
    fn some_people_of_an_institution_are_a_vague_source() {
        check_claim(
            "Des dirigeants de la Fédération bancaire ont indiqué que les comptes étaient sûrs.",
            "vague-source Des dirigeants de la Fédération bancaire: Des dirigeants de la Fédération bancaire ont indiqué que les comptes étaient sûrs.",
        );
    }

    #[test]
    fn a_role_in_apposition_leaves_the_name_speaking() {
        check_quote(
            "Paul Girard, secrétaire général de la Fédération nationale des transports, $0a déclaré$0 : « Nous tiendrons. »",
            "direct Paul Girard « Nous tiendrons. »",
        );
        check_quote(
            "Jan Peeters, spokesman for the Bank of England, $0said$0: \"We will hold.\"",
            "direct Jan Peeters «We will hold.»",
        );
    }
}
