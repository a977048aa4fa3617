//! Resolution: the actor a subject span names. A mention heading the
//! subject (not a complement: `de l'administration d'Obama` is not the
//! speaker), the institution a role speaks for (`analysts at Morgan
//! Stanley`), a spokesperson with no name (`le porte-parole du Kremlin`,
//! `a Coles spokesperson`) or an anonymous or indefinite subject as an
//! unnamed actor (`un membre de l'administration`, `two diplomats`), an
//! institution noun
//! (`le parquet`), and pronouns and descriptions to the most recent
//! compatible actor, preferring recent speakers. Never a guess: a subject
//! naming no one resolves to nothing.

use super::super::actors::Registry;
use super::super::{Actor, ActorId, ActorOrigin, Doc, Mention, MentionKind};
use crate::lexicon::{ActorKind, Gender, Lang};
use crate::text::{collapse_whitespace, is_space, TextRange};

/// What a subject names, found without touching the registry: the
/// speaker constructions compare the candidates of a cue before one is
/// kept ([`Resolution::commit`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Resolution {
    /// A mention heading the subject, or a pronoun's antecedent.
    Actor(ActorId),
    /// The institution a role speaks for, named in a complement of the
    /// subject ("le porte-parole du Kremlin", "analysts at Morgan Stanley").
    Institution(ActorId),
    /// An anonymous or indefinite subject: an unnamed actor of its words.
    Unnamed(TextRange),
    /// An institution named by its common noun ("le parquet"): the words
    /// from the determiner to the noun, and the noun.
    InstitutionNoun(TextRange, String),
}

impl Resolution {
    /// A subject that names its actor itself (a head mention or a
    /// pronoun), rather than through a complement, a vague phrase or a
    /// common noun: it wins over a weaker candidate of the same cue.
    pub(super) fn is_strong(&self) -> bool {
        matches!(self, Resolution::Actor(_))
    }

    /// The actor, added to the registry when it is new.
    pub(super) fn commit(self, doc: &Doc, reg: &mut Registry) -> ActorId {
        match self {
            Resolution::Actor(id) | Resolution::Institution(id) => id,
            Resolution::Unnamed(subject) => unnamed(doc, subject, reg),
            Resolution::InstitutionNoun(range, head) => {
                let id = reg.add(&head, ActorKind::Organization);
                reg.mention(range, id, MentionKind::Description);
                id
            }
        }
    }
}

/// The actor a subject span refers to.
pub(super) fn resolve_subject(
    doc: &Doc,
    subject: TextRange,
    reg: &mut Registry,
    speakers: &[(usize, ActorId)],
) -> Option<ActorId> {
    resolve(doc, subject, reg, speakers).map(|r| r.commit(doc, reg))
}

/// The best of several candidate subjects of one cue: the first strong
/// one, else the first that resolves at all; with its index.
pub(super) fn best_of(
    doc: &Doc,
    subjects: impl IntoIterator<Item = TextRange>,
    reg: &Registry,
    speakers: &[(usize, ActorId)],
) -> Option<(usize, Resolution)> {
    let mut weak = None;
    for (i, subject) in subjects.into_iter().enumerate() {
        match resolve(doc, subject, reg, speakers) {
            Some(r) if r.is_strong() => return Some((i, r)),
            Some(r) => {
                weak.get_or_insert((i, r));
            }
            None => {}
        }
    }
    weak
}

/// What a subject span refers to, if anything.
pub(super) fn resolve(
    doc: &Doc,
    subject: TextRange,
    reg: &Registry,
    speakers: &[(usize, ActorId)],
) -> Option<Resolution> {
    if subject.is_empty() {
        return None;
    }
    let words = doc.words(subject);
    let first = words.first()?;
    // "As one landlord put it", "comme un élu l'a résumé": the
    // comparative conjunction before a subject (a closed pair of the
    // grammar), and an elided object pronoun glued to the verb after it,
    // are not part of it.
    let comparative = matches!(first.folded, "as" | "comme");
    let elided_object = words[words.len() - 1].folded.ends_with('\'');
    if words.len() > 1 && (comparative || elided_object) {
        let start = if comparative {
            words[1].range.start()
        } else {
            subject.start()
        };
        let end = if elided_object {
            words[words.len() - 2].range.end()
        } else {
            subject.end()
        };
        return resolve(doc, TextRange::new(start, end.max(start)), reg, speakers);
    }
    // "A l'occasion d'un séminaire", "After the meeting": an adverbial
    // phrase, never a subject.
    if doc.opens_adverbial(first) {
        return None;
    }
    // A pronoun.
    if let Some(&(gender, plural)) = doc.lex.pronouns.get(first.folded) {
        // "il", "he also" (an inserted adverb between it and the verb).
        let adverb = |w: &crate::analysis::Word| {
            doc.match_at(&doc.lex.inserted_adverbs, w.range.start())
                .is_some_and(|(r, _)| r.end() >= subject.end())
        };
        if words.len() == 1
            || words.len() <= 2 && doc.lex.function_words.contains(words[1].folded)
            || words.len() == 2 && adverb(&words[1])
        {
            return resolve_pronoun(doc, subject.start(), gender, plural, reg, speakers)
                .map(Resolution::Actor);
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
    if let Some(r) = vague_subject(doc, first, subject, institution) {
        return Some(r);
    }
    // A spokesperson with no name of their own ("la porte-parole de la
    // fédération", "a Coles spokesperson"): an unnamed speaker, whose
    // words name the organisation.
    if is_spokesperson(doc, subject, &inside, reg) {
        return Some(Resolution::Unnamed(subject));
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
    let indefinite = doc.lexicons.shared.indefinites.contains(first.folded)
        && !(doc.lex.lang == Lang::Fr && matches!(first.folded, "a" | "an"));
    if let Some(m) = head {
        return Some(heading(doc, subject, m, indefinite, reg));
    }
    // "Des leaders du Parti populaire": some people of an institution, not
    // the institution ("une étude de l'université" is the university's).
    let people_of = indefinite
        && words.get(1).is_some_and(|w| {
            let singular = w.folded.trim_end_matches(['s', 'x']);
            doc.lex.titles.contains_key(w.folded) || doc.lex.titles.contains_key(singular)
        });
    if people_of {
        return Some(Resolution::Unnamed(subject));
    }
    if let Some(id) = institution {
        if !is_bare_apposition(doc, subject) && !apposition_to_person {
            return Some(Resolution::Institution(id));
        }
    }
    if indefinite && words.len() >= 2 {
        return Some(Resolution::Unnamed(subject));
    }
    if let Some(id) = cataphora(doc, subject, reg) {
        return Some(Resolution::Actor(id));
    }
    institution_noun(doc, words)
}

/// "le parquet", "the union", "the government" (no organisation of that
/// type or country named before): the institution speaks, named by its
/// noun. A plural head ("les dirigeants", "the authorities") names people,
/// not one institution.
fn institution_noun(doc: &Doc, words: &[crate::analysis::Word]) -> Option<Resolution> {
    let head = words
        .iter()
        .find(|w| !doc.lexicons.shared.articles.contains(w.folded))?;
    let government = head.is_in(&doc.lex.government_heads) && !head.folded.ends_with('s');
    let institution = head.is_in(&doc.lex.institutions)
        || doc.lex.typed_descriptions.contains(head.folded)
        || government;
    (institution && words.len() <= 3).then(|| {
        let range = TextRange::new(words[0].range.start(), head.range.end());
        Resolution::InstitutionNoun(range, head.folded.to_string())
    })
}

/// A title before the name it announces: "Le ministre du Redressement
/// productif a déclaré … . Arnaud Montebourg reconnait …". A subject made
/// of a definite determiner and a title, naming no one itself, is the
/// person named at the start of the next sentence of its paragraph, when
/// the title's gender does not exclude them.
fn cataphora(doc: &Doc, subject: TextRange, reg: &Registry) -> Option<ActorId> {
    let words = doc.words(subject);
    let det = words.first()?;
    let title = words.get(1)?;
    if !doc
        .lexicons
        .shared
        .definite_determiners
        .contains(det.folded)
    {
        return None;
    }
    let (_, id) = doc.match_at(&doc.lex.title_set, title.range.start())?;
    let gender = doc
        .lex
        .titles
        .get(doc.lex.title_set.phrase(id))
        .copied()
        .filter(|g| *g != Gender::Any)
        .unwrap_or(match det.folded {
            "la" => Gender::Feminine,
            "le" => Gender::Masculine,
            _ => Gender::Any,
        });
    let idx = doc.sentence_of(subject.start());
    let next = doc.sentences.get(idx + 1)?;
    if next.paragraph != doc.sentences[idx].paragraph {
        return None;
    }
    let first = doc.words(next.range).first()?;
    let m = reg.mention_starting_at(first.range.start())?;
    let actor = &reg.actors[m.actor];
    (m.kind == MentionKind::Name
        && actor.kind == ActorKind::Person
        && actor.named
        && actor.gender.agrees(gender))
    .then_some(m.actor)
}

/// An anonymous source leading the subject: unnamed, or the institution
/// it is the voice of ("un porte-parole du ministère" speaks for it).
fn vague_subject(
    doc: &Doc,
    first: &crate::analysis::Word,
    subject: TextRange,
    institution: Option<ActorId>,
) -> Option<Resolution> {
    let r = vague_opening(doc, first)?;
    let phrase = doc.folded_at(r);
    let voice = doc
        .lexicons
        .shared
        .institutional_voices
        .iter()
        .any(|v| phrase.contains(v.as_str()));
    Some(match institution {
        Some(id) if voice => Resolution::Institution(id),
        _ => Resolution::Unnamed(subject),
    })
}

/// The anonymous-source phrase opening at `first` ("des sources proches",
/// "officials"), a pronoun excepted.
pub(super) fn vague_opening(doc: &Doc, first: &crate::analysis::Word) -> Option<TextRange> {
    doc.match_at(&doc.lex.vague_sources, first.range.start())
        .filter(|(r, _)| {
            r.start() == first.range.start() && !doc.lex.pronouns.contains_key(first.folded)
        })
        .map(|(r, _)| r)
}

/// The role word of a subject that a determiner opens and a spokesperson's
/// noun heads, before any complement ("a spokesperson for the city", "le
/// porte-parole du Kremlin").
pub(super) fn spokesperson_role<'w>(
    doc: &Doc,
    words: &'w [crate::analysis::Word<'w>],
) -> Option<&'w crate::analysis::Word<'w>> {
    let shared = &doc.lexicons.shared;
    let first = words.first()?;
    if !shared.definite_determiners.contains(first.folded)
        && !shared.indefinites.contains(first.folded)
    {
        return None;
    }
    words
        .iter()
        .skip(1)
        .take_while(|w| !doc.lex.complement_prepositions.contains(w.folded))
        .find(|w| shared.spokespeople.contains(w.folded))
}

/// What a mention heading the subject names. English puts a name before
/// its head noun as a modifier ("a Coles spokesperson", "the Kremlin
/// spokesman"): then the role speaks, for its institution when it is one.
fn heading(
    doc: &Doc,
    subject: TextRange,
    m: &Mention,
    indefinite: bool,
    reg: &Registry,
) -> Resolution {
    let modifier = doc.lex.lang == Lang::En
        && doc
            .words(subject)
            .last()
            .is_some_and(|w| w.range.end() > m.range.end());
    match reg.actors[m.actor].kind {
        _ if !modifier => Resolution::Actor(m.actor),
        _ if indefinite => Resolution::Unnamed(subject),
        ActorKind::Organization | ActorKind::Country | ActorKind::Media => {
            Resolution::Institution(m.actor)
        }
        _ => Resolution::Actor(m.actor),
    }
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
        && !doc.lexicons.shared.term_determiners.contains(first.folded)
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
    // Names quoted inside the subject's span are nobody's subject
    // ("Facebook" in « … Facebook has to … », said Peers).
    reg.mentions_in(subject)
        .filter(|m| !doc.in_quote(m.range))
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
            let opener = shared.adverbial_openers.contains(w.folded)
                || matches!(w.folded, "selon" | "pour" | "according" | "d'apres" | "for");
            (capital && !opener)
                || shared.term_determiners.contains(w.folded)
                || shared.particles.contains(w.folded)
                || doc.lex.titles.contains_key(w.folded)
        })
}

/// Whether the mention (of a medium) at `at` is introduced by a
/// preposition of the channel a speaker talks through (to, on, per, sur, via) within the
/// subject that starts at `start`.
fn is_channel(doc: &Doc, start: usize, at: usize) -> bool {
    word_before(doc, start, at)
        .is_some_and(|prev| matches!(prev, "to" | "on" | "per" | "sur" | "via"))
}

/// The folded word before `at` within the subject that starts at
/// `start`, past a definite article ("to the BBC", "de la Commission").
fn word_before<'d>(doc: &'d Doc, start: usize, at: usize) -> Option<&'d str> {
    doc.words(TextRange::new(start, at))
        .iter()
        .rev()
        .find(|w| !doc.lexicons.shared.articles.contains(w.folded))
        .map(|w| w.folded)
}

/// Whether the subject is a determiner and a spokesperson noun before any
/// complement, with no person's name heading it (`the spokesman, John
/// Smith` is John Smith).
fn is_spokesperson(doc: &Doc, subject: TextRange, inside: &[&Mention], reg: &Registry) -> bool {
    let Some(role) = spokesperson_role(doc, doc.words(subject)) else {
        return false;
    };
    // A person named after the role is the spokesperson ("the spokesman,
    // John Smith"); one before it names the organisation ("a Coles
    // spokesperson").
    let named = inside.iter().any(|m| {
        reg.actors[m.actor].kind == ActorKind::Person
            && m.range.start() > role.range.start()
            && !is_complement(doc, subject.start(), m.range.start())
    });
    !named
}

/// Whether the mention at `at` is a complement within the subject that
/// starts at `start`: introduced by a preposition (de/du/d'/of, à/to…:
/// the lexicon's `complement_prepositions`), or inside parentheses ("Mike
/// Ryan of the World Health Organization (WHO)").
fn is_complement(doc: &Doc, start: usize, at: usize) -> bool {
    let between = &doc.text[start..at];
    if between.matches('(').count() > between.matches(')').count() {
        return true;
    }
    word_before(doc, start, at).is_some_and(|prev| doc.lex.complement_prepositions.contains(prev))
}

/// Whether a name at `at` stands where a subject stands: at the start of
/// its sentence (from `start`) or of a comma segment, after nothing but
/// determiners and capitalised titles ("The previous day, Crown Prince X
/// accepted …", not "… to determine the Volvo had …").
fn opens_segment(doc: &Doc, start: usize, at: usize) -> bool {
    let before = &doc.text[start..at];
    let seg = before
        .rfind([',', ';', ':'])
        .map_or(start, |i| start + i + 1);
    doc.words(TextRange::new(seg, at)).iter().all(|w| {
        doc.lexicons.shared.definite_determiners.contains(w.folded)
            || doc.text[w.range.as_range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
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
            // "they": several people, or a collective.
            (Lang::En, Gender::Any) => {
                a.plural
                    || matches!(
                        a.kind,
                        ActorKind::Organization | ActorKind::Media | ActorKind::Country
                    )
            }
            (Lang::En, g) => a.kind == ActorKind::Person && a.gender.agrees(g),
            (Lang::Fr, g) => a.plural == plural && a.gender.agrees(g) && a.kind != ActorKind::Place,
        }
    };
    // A person named earlier in the same sentence, then the subject of
    // the sentence before in the same paragraph ("Philippe Martin, lui,
    // ne désarme pas. …, il avait prévenu"), then any person named there;
    // then the latest compatible speaker within the last few paragraphs,
    // then any compatible actor. Names inside quotations and after a
    // preposition ("Speaking to Martin Smith, he said") are not
    // antecedents of a speaking pronoun.
    let idx = doc.sentence_of(at);
    let para = doc.sentences[idx].paragraph;
    let local_start = match idx.checked_sub(1) {
        Some(prev) if doc.sentences[prev].paragraph == para => doc.sentences[prev].range.start(),
        _ => doc.sentences[idx].range.start(),
    };
    let person = |a: &Actor| a.kind == ActorKind::Person && compatible(a);
    let sentence = doc.sentences[idx].range;
    let free = |m: &&Mention, from: usize| {
        !doc.in_quote(m.range)
            && !is_complement(doc, from, m.range.start())
            && person(&reg.actors[m.actor])
    };
    let same = TextRange::new(sentence.start(), at.max(sentence.start()));
    let in_same = reg
        .mentions_in(same)
        .filter(|m| free(m, same.start()))
        .last();
    let in_previous = || {
        let prev = TextRange::new(local_start, sentence.start());
        reg.mentions_in(prev)
            .find(|m| free(m, prev.start()) && opens_segment(doc, prev.start(), m.range.start()))
    };
    if let Some(m) = in_same.or_else(in_previous) {
        return Some(m.actor);
    }
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
    fn names_inside_quotations_and_complements_are_not_the_subject() {
        // The audience of "told" and a name quoted earlier are not heads.
        check_quote(
            "\"Acme must pay,\" Jo Park $0told$0 the BBC, \"or Acme will be sued.\"",
            "direct Jo Park «Acme must pay,»\nmixed Jo Park «or Acme will be sued.»",
        );
        check_quote(
            "Kim Lee of the Ocean Trust (OT) $0said$0 \"the reef is dying\".",
            "mixed Kim Lee «the reef is dying»",
        );
    }

    #[test]
    fn a_speaking_pronoun_prefers_the_previous_subject_to_names_in_quotes_or_complements() {
        check_quote(
            "Anna Ruiz, a judge at the Supreme Court, ruled on Tuesday. Speaking to Tom Baker of the Herald, she $0said$0, \"The law is clear.\"",
            "mixed Anna Ruiz «The law is clear.»",
        );
        check_quote(
            "Rita Vance spoke at the rally. \"Mary Lou Dean will lose,\" $0she said$0.",
            "direct Rita Vance «Mary Lou Dean will lose,»",
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
    fn a_spokesperson_without_a_name_is_an_unnamed_speaker() {
        check_claim(
            "Le porte-parole du Kremlin a affirmé que les sanctions pourraient être levées.",
            "attributed Le porte-parole du Kremlin: Le porte-parole du Kremlin a affirmé que les sanctions pourraient être levées.",
        );
        check_claim(
            "Le porte-parole du Kremlin, Pavel Orlov, a affirmé que les sanctions pourraient être levées.",
            "attributed Pavel Orlov: Le porte-parole du Kremlin, Pavel Orlov, a affirmé que les sanctions pourraient être levées.",
        );
        check_claim(
            "Meanwhile the Vantor Group spokesman said the plant could close.",
            "attributed Vantor Group: Meanwhile the Vantor Group spokesman said the plant could close.",
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

    #[test]
    fn a_title_before_a_name_announces_it() {
        check_quote(
            "Le ministre de l'Économie $0a déclaré que$0 « la croissance reviendra ». Jean Roux reconnait que le déficit reste élevé.",
            "mixed Jean Roux « la croissance reviendra »\nindirect Jean Roux «le déficit reste élevé»",
        );
        check_quote(
            "La ministre de l'Économie a déclaré que « la croissance reviendra ». Jean Roux reconnait que le déficit reste élevé.",
            "mixed null « la croissance reviendra »\nindirect Jean Roux «le déficit reste élevé»",
        );
    }

    #[test]
    fn a_typed_description_refers_only_to_an_organisation_of_its_type() {
        check_quote(
            "The Tenants Union met on Monday. The union $0called$0 the move \"a betrayal\".",
            "mixed Tenants Union «a betrayal»",
        );
        check_quote(
            "Acme Corp will close its plant. The union $0called$0 the move \"a betrayal\".",
            "mixed union «a betrayal»",
        );
    }

    #[test]
    fn a_government_no_country_names_speaks_as_the_government() {
        check_claim(
            "The government $0claims$0 the new law will create 300,000 homes.",
            "attributed government: The government claims the new law will create 300,000 homes.",
        );
        check_claim(
            "La France vote. Le gouvernement $0affirme que$0 la loi créera 300 000 logements.",
            "attributed France: Le gouvernement affirme que la loi créera 300 000 logements.",
        );
        // Leaders are people, not one institution.
        check_claim(
            "The leaders said the new law will create 300,000 homes.",
            "",
        );
    }

    #[test]
    fn a_comparative_as_before_the_subject_is_left_out() {
        check_quote(
            "As one landlord in Leeds $0put it$0 to me: \"Why would I invest now?\"",
            "direct one landlord in Leeds «Why would I invest now?»",
        );
        check_quote(
            "Comme un élu local l’$0a résumé$0 : « Rien ne bougera. »",
            "direct un élu local « Rien ne bougera. »",
        );
    }

    #[test]
    fn french_on_speaking_is_a_vague_source() {
        check_claim(
            "On murmure que le maire va partir.",
            "vague-source On: On murmure que le maire va partir.",
        );
    }
}
