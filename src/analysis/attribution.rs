//! Quotes with their kind, speaker and cue.
//!
//! - Marked quotes that are speech: a passage in marks is *direct* when it
//!   is the whole utterance (it opens its sentence, follows a colon, or
//!   follows que/that and runs to the end of the sentence) and *mixed* when
//!   the writer's sentence continues around it. Short marked passages in a
//!   sentence without any speech cue, and passages after a naming word
//!   (surnommé, intitulé, le livre, dubbed…), are names, titles or terms,
//!   not quotes.
//! - Indirect quotes: a speech verb with que/qu'/that and a clause, an
//!   attribution phrase (`selon X, …`, `according to X`) or an inverted
//!   incise without marks (`…, rapporte l'agence X`).
//! - Speakers, in order: an incise after the quote (`», a souligné le
//!   journal`, `", dit-elle`, `," Smith said`), the subject of a speech verb
//!   before it, an attribution phrase in the sentence, a cue ending the
//!   previous paragraph with a colon, and for a paragraph that is only a
//!   quote, the speaker of a quote in the two paragraphs before. Pronouns
//!   and descriptions go to the most recent compatible speaker, else the
//!   most recent compatible actor. An anonymous subject (`un membre de
//!   l'administration`) is an unnamed actor. No cue, no speaker: never a
//!   guess.

use super::actors::Registry;
use super::quotes::QuoteSpan;
use super::{Actor, ActorId, Doc, MentionKind, Quote, QuoteKind, Word};
use crate::lexicon::{ActorKind, FormKind, Gender, Lang};
use crate::text::{collapse_whitespace, is_space, TextRange};

/// A source found for a quote or a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub actor: ActorId,
    pub cue: TextRange,
}

pub fn quotes(doc: &Doc, spans: &[QuoteSpan], reg: &mut Registry) -> Vec<Quote> {
    let mut res: Vec<Quote> = Vec::new();
    // Marked quotes that are speech.
    for span in spans.iter().filter(|s| s.depth == 0) {
        let sentence = doc.sentence_of(span.range.start());
        if is_name_or_term(doc, span, sentence) {
            continue;
        }
        let kind = marked_kind(doc, span, sentence);
        res.push(Quote {
            range: span.range,
            content: span.content,
            kind,
            speaker: None,
            cue: None,
            sentence,
        });
    }
    // Indirect quotes in sentences without marked speech. The marked
    // quotes are sorted by start: each sentence finds its own by binary
    // search.
    let marked_all: Vec<TextRange> = res.iter().map(|q| q.range).collect();
    let mut indirect_quotes = Vec::new();
    for (idx, s) in doc.sentences.iter().enumerate() {
        let first = marked_all.partition_point(|m| m.end() <= s.range.start());
        let marked: Vec<TextRange> = marked_all[first..]
            .iter()
            .take_while(|m| m.start() < s.range.end())
            .filter(|m| m.intersects(s.range))
            .copied()
            .collect();
        if marked.is_empty() {
            indirect_quotes.extend(indirect(doc, idx, reg));
        } else {
            // Reported clauses that hold no quotation ("… « à la
            // responsabilité » et a estimé qu'une reprise était possible").
            let clauses = reported_clauses(doc, idx);
            indirect_quotes.extend(
                clauses
                    .into_iter()
                    .filter(|c| !marked.iter().any(|m| m.intersects(c.range))),
            );
        }
    }
    res.extend(indirect_quotes);
    res.sort_by_key(|q| q.range.start);
    // Speakers in text order, so pronouns can prefer earlier speakers.
    let mut speakers: Vec<(usize, ActorId)> = Vec::new();
    for i in 0..res.len() {
        if res[i].speaker.is_none() {
            if let Some(src) = speaker(doc, &res[i], reg, &speakers) {
                res[i].speaker = Some(src.actor);
                res[i].cue = Some(src.cue);
            } else if let Some(prev) = continued_speaker(doc, &res, i) {
                res[i].speaker = Some(prev);
            }
        }
        if let Some(a) = res[i].speaker {
            speakers.push((res[i].range.start(), a));
        }
    }
    res
}

fn words_before<'a>(doc: &'a Doc, at: usize, sentence: usize) -> &'a [Word] {
    let s = doc.sentences[sentence].range;
    doc.words(TextRange::new(s.start().min(at), at))
}

fn is_name_or_term(doc: &Doc, span: &QuoteSpan, sentence: usize) -> bool {
    let before = words_before(doc, span.range.start(), sentence);
    let near: Vec<&Word> = before.iter().rev().take(2).collect();
    let content = &doc.text[span.content.as_range()];
    // A naming participle ("surnommé", "dubbed") always names; a naming
    // noun ("son livre", "ce programme") only before a title-like passage
    // (a capital or an article), not before speech ("ce programme
    // « coûterait 40 millions »").
    let first_word = doc.words(span.content).iter().next();
    let title_like = content
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        || first_word
            .as_ref()
            .is_some_and(|w| DETERMINERS.contains(&w.folded.as_str()));
    let naming = near
        .iter()
        .any(|w| doc.lex.naming_words.contains(&w.folded));
    let titled = title_like && near.iter().any(|w| doc.lex.title_nouns.contains(&w.folded));
    if naming || titled {
        return true;
    }
    let n_words = content.split_whitespace().count();
    let has_terminal = content.trim_end().ends_with(['.', '!', '?', '…']);
    if n_words > 4 || has_terminal {
        return false;
    }
    // "du « dialogue stratégique »", "the "special relationship"": a short
    // passage after a determiner is a name or a term.
    if near.first().is_some_and(|w| {
        DETERMINERS.contains(&w.folded.as_str()) && w.range.end() + 3 >= span.range.start()
    }) {
        return true;
    }
    // A short passage is speech only in a sentence that reports speech.
    let s = doc.sentences[sentence].range;
    let around = doc.window(s, span.range);
    let outside: Vec<(TextRange, usize)> = doc
        .speech_in(around)
        .iter()
        .copied()
        .filter(|(r, _)| !span.range.contains_range(*r))
        .collect();
    let has_cue = outside.iter().any(|(r, id)| cue_form_ok(doc, *r, *id))
        || !doc.find(&doc.lex.attribution_phrases, around).is_empty()
        || opinion_opener(doc, sentence).is_some()
        || starts_sentence(doc, span.range, sentence) && n_words >= 2;
    !has_cue
}

const DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "du",
    "des",
    "un",
    "une",
    "ce",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "so-called",
];

fn starts_sentence(doc: &Doc, range: TextRange, sentence: usize) -> bool {
    let s = doc.sentences[sentence].range;
    doc.text[s.start()..range.start()]
        .chars()
        .all(|c| c.is_whitespace() || is_space(c) || matches!(c, '-' | '–' | '—' | '«' | '"' | '“'))
}

fn marked_kind(doc: &Doc, span: &QuoteSpan, sentence: usize) -> QuoteKind {
    if starts_sentence(doc, span.range, sentence) {
        return QuoteKind::Direct;
    }
    let before = doc.text[doc.sentences[sentence].range.start()..span.range.start()]
        .trim_end_matches(|c: char| c == ' ' || is_space(c));
    if before.ends_with(':') {
        return QuoteKind::Direct;
    }
    let before_words = words_before(doc, span.range.start(), sentence);
    let after_complementizer = before_words.last().is_some_and(|w| {
        doc.lex.complementizers.contains(&w.folded) && w.range.end() + 2 >= span.range.start()
    });
    // After que/that, a quotation is the whole utterance only when it reads
    // as one: it starts with a capital or holds a sentence of its own.
    let content = doc.text[span.content.as_range()].trim();
    let inner_end = content.trim_end_matches(['.', '!', '?', '…', ' ']);
    let utterance = content.chars().next().is_some_and(char::is_uppercase)
        || inner_end.contains(['.', '!', '?']);
    if after_complementizer && utterance && runs_to_sentence_end(doc, span, sentence) {
        return QuoteKind::Direct;
    }
    QuoteKind::Mixed
}

/// Only punctuation or an incise follows the quote in its sentence.
fn runs_to_sentence_end(doc: &Doc, span: &QuoteSpan, sentence: usize) -> bool {
    let s = doc.sentences[sentence].range;
    // A quotation over several paragraphs ends past its first sentence.
    let Some(rest) = doc.text.get(span.range.end()..s.end()) else {
        return true;
    };
    let rest = rest.trim();
    rest.chars().all(|c| !c.is_alphanumeric()) || incise(doc, span.range.end(), s.end()).is_some()
}

/// A speech form counts as a cue when finite, or a participle after an
/// auxiliary.
fn cue_form_ok(doc: &Doc, r: TextRange, id: usize) -> bool {
    match form_kind(doc, r, id) {
        Some(FormKind::Finite) => true,
        Some(FormKind::Participle) => auxiliary_before(doc, r.start()).is_some(),
        None => false,
    }
}

/// "une telle annonce", "the report": a form after a determiner is a noun.
fn after_determiner(doc: &Doc, at: usize) -> bool {
    let before = doc.words(TextRange::new(at.saturating_sub(12), at));
    before
        .last()
        .is_some_and(|w| w.range.end() + 2 >= at && doc.lex.determiners.contains(&w.folded))
}

/// "was cited", "est annoncé": a participle after a form of "be" is a
/// passive, not someone speaking.
fn passive(doc: &Doc, at: usize) -> bool {
    const BE: &[&str] = &[
        "was", "were", "is", "are", "been", "being", "be", "est", "sont", "ete", "etait",
        "etaient", "sera", "seront",
    ];
    let before = doc.words(TextRange::new(at.saturating_sub(12), at));
    before
        .last()
        .is_some_and(|w| BE.contains(&w.folded.as_str()) && w.range.end() + 2 >= at)
}

/// "declined to comment", "refuse de commenter": an infinitive is no cue.
fn after_infinitive_marker(doc: &Doc, at: usize) -> bool {
    let before = doc.folded_at(TextRange::new(at.saturating_sub(4), at));
    before.ends_with(" to ") || before.ends_with(" de ") || before.ends_with(" d'")
}

/// Whether a matched speech form is finite or a participle, read from the
/// text with its accents ("a proposé" vs "propose"); text typed without
/// accents falls back to the folded form.
fn form_kind(doc: &Doc, r: TextRange, id: usize) -> Option<FormKind> {
    let exact = crate::lexicon::exact_key(&doc.text[r.as_range()]);
    doc.lex.speech_exact.get(&exact).copied().or_else(|| {
        doc.lex
            .speech_forms
            .get(doc.lex.speech.phrase(id))
            .map(|(_, k)| *k)
    })
}

/// The auxiliary (and adverbs) before a participle: "a", "avait également".
fn auxiliary_before(doc: &Doc, at: usize) -> Option<TextRange> {
    // Never across a sentence or paragraph break ("… a\n\nNote …").
    let floor = doc
        .sentences
        .get(doc.sentence_of(at))
        .map_or(0, |s| s.range.start().min(at));
    let mut end = doc.text[..at].trim_end().len();
    for _ in 0..3 {
        if end <= floor {
            return None;
        }
        if let Some((r, _)) = doc.match_ending_at(&doc.lex.auxiliaries, end) {
            return (r.start() >= floor).then_some(r);
        }
        let (r, _) = doc.match_ending_at(&doc.lex.inserted_adverbs, end)?;
        end = doc.text[..r.start()].trim_end().len();
    }
    None
}

/// Speech cues of a range, with their full extent (auxiliary included).
fn cues_in(doc: &Doc, within: TextRange) -> Vec<TextRange> {
    doc.speech_in(within)
        .iter()
        .copied()
        .filter(|(r, _)| {
            !doc.in_quote(*r)
                && !after_infinitive_marker(doc, r.start())
                && !passive(doc, r.start())
                && !after_determiner(doc, r.start())
        })
        .filter(|(r, id)| cue_form_ok(doc, *r, *id))
        .map(|(r, _)| match auxiliary_before(doc, r.start()) {
            // The cue stays inside the range searched (a window may start
            // between the auxiliary and the verb).
            Some(aux) if aux.start() >= within.start() => aux.cover(r),
            _ => r,
        })
        .collect()
}

/// "», a souligné le journal américain", "", dit-elle", "," Smith said":
/// the incise after a quote, as (cue range, subject range).
fn incise(doc: &Doc, after: usize, limit: usize) -> Option<(TextRange, TextRange)> {
    let rest = doc.text.get(after..limit)?;
    let trimmed = rest
        .trim_start_matches(|c: char| c == ' ' || is_space(c) || c == ',' || c == '—' || c == '–');
    let start = limit - trimmed.len();
    if trimmed.is_empty() {
        return None;
    }
    let words = doc.words(TextRange::new(start, limit));
    let first = words.first()?;
    if first.range.start() != start {
        return None;
    }
    // Verb first: ", a souligné X", ", dit-elle", ", said Smith".
    let aux = doc.match_at(&doc.lex.auxiliaries, start);
    let verb_at = match aux {
        Some((r, _)) => doc
            .words(TextRange::new(r.end(), limit))
            .first()
            .map(|w| w.range.start())?,
        None => start,
    };
    let verb_at = skip_adverbs(doc, verb_at, limit);
    if let Some((vr, id)) = doc.match_at(&doc.lex.speech, verb_at) {
        let ok = aux.is_some() || form_kind(doc, vr, id) == Some(FormKind::Finite);
        // "…, warned that it would": a verb with its clause is no incise.
        let next = doc.words(TextRange::new(vr.end(), limit)).iter().next();
        let takes_clause = next.is_some_and(|w| doc.lex.complementizers.contains(&w.folded));
        if ok && !takes_clause {
            // "a-t-il ajouté": the pronoun is inside the auxiliary.
            let cue = TextRange::new(start, vr.end());
            let subject_from = if let Some((ar, _)) = aux {
                ar.start()
            } else {
                vr.end()
            };
            let subject = if aux.is_some_and(|(ar, _)| doc.text[ar.as_range()].contains('-')) {
                // The clitic closing the auxiliary: "a-t-il" → "il".
                let clitic = doc.words(TextRange::new(subject_from, vr.start())).last();
                clitic.map_or(TextRange::empty(subject_from), |w| w.range)
            } else {
                subject_span(doc, vr.end(), limit)
            };
            return Some((cue, subject));
        }
    }
    // Subject first (English, and French "…, X a-t-il dit"): ", Smith said".
    if doc.lex.lang == Lang::En || doc.lex.lang == Lang::Fr {
        let subject_end = words.iter().take(8).find_map(|w| {
            let (vr, id) = doc.match_at(&doc.lex.speech, w.range.start())?;
            (form_kind(doc, vr, id) == Some(FormKind::Finite)).then_some((w.range.start(), vr))
        })?;
        let (subject_stop, vr) = subject_end;
        let between = &doc.text[start..subject_stop];
        if between.contains([',', '.', ';', ':']) || between.trim().is_empty() {
            return None;
        }
        let subject = TextRange::new(start, doc.text[..subject_stop].trim_end().len());
        // "X said" must end the clause: ", Smith said." not ", Smith said that".
        return Some((TextRange::new(start, vr.end()), subject));
    }
    None
}

fn skip_adverbs(doc: &Doc, mut at: usize, limit: usize) -> usize {
    while let Some((r, _)) = doc.match_at(&doc.lex.inserted_adverbs, at) {
        let next = doc.words(TextRange::new(r.end(), limit));
        match next.first() {
            Some(w) => at = w.range.start(),
            None => break,
        }
    }
    at
}

/// The subject after an inverted verb: up to the next comma, period or
/// preposition introducing a complement of time or place.
fn subject_span(doc: &Doc, from: usize, limit: usize) -> TextRange {
    // A subject is a few words: never look further than this.
    let limit = crate::text::snap(doc.text, TextRange::new(from, limit.min(from + 300))).end();
    let rest = &doc.text[from..limit];
    let body = rest.trim_start_matches(|c: char| c == ' ' || is_space(c) || c == '-');
    // The euphonic t of "assure-t-il".
    let body = body.strip_prefix("t-").unwrap_or(body);
    let start = limit - body.len();
    let mut stop = body
        .find([',', '.', ';', ':', '!', '?', '(', '«', '"', '“', '\n'])
        .unwrap_or(body.len());
    // "la préfète des Landes, Isabelle Roche, …": the name after the
    // comma is the subject's apposition.
    if body[stop..].starts_with(',') {
        let next = body[stop + 1..].trim_start();
        if next.chars().next().is_some_and(char::is_uppercase) {
            let next_at = body.len() - next.len();
            let next_stop = next
                .find([',', '.', ';', ':', '!', '?', '(', '«', '"', '“', '\n'])
                .unwrap_or(next.len());
            stop = next_at + next_stop;
        }
    }
    TextRange::new(start, start + body[..stop].trim_end().len())
}

/// The actor a subject span refers to.
fn resolve_subject(
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
    if ADVERBIAL_OPENERS.contains(&first.folded.as_str())
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
    let inside: Vec<&super::Mention> = reg.mentions_in(subject).collect();
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
        if institution.is_some() && INSTITUTIONAL_VOICES.iter().any(|v| phrase.contains(v)) {
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
    if institution.is_some() {
        return institution;
    }
    let indefinite = INDEFINITES.contains(&first.folded.as_str())
        && !(doc.lex.lang == Lang::Fr && matches!(first.folded.as_str(), "a" | "an"));
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

/// Prepositions that open an adverbial phrase rather than a subject.
const ADVERBIAL_OPENERS: &[&str] = &[
    "a",
    "dans",
    "depuis",
    "apres",
    "avant",
    "lors",
    "pendant",
    "en",
    "sur",
    "sous",
    "avec",
    "sans",
    "chez",
    "entre",
    "vers",
    "devant",
    "derriere",
    "face",
    "malgre",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "with",
    "without",
    "from",
    "under",
    "over",
    "despite",
    "amid",
    "following",
    "ahead",
    "until",
];

/// Roles that speak for their institution when it is named after them.
const INSTITUTIONAL_VOICES: &[&str] = &[
    "porte-parole",
    "spokes",
    "analyst",
    "forecaster",
    "economist",
    "researcher",
    "expert",
    "direction",
];

/// Determiners that make a subject indefinite, hence anonymous.
const INDEFINITES: &[&str] = &[
    "un",
    "une",
    "des",
    "a",
    "an",
    "some",
    "several",
    "plusieurs",
    "certains",
    "certaines",
    "deux",
    "trois",
    "two",
    "three",
    "quelques",
];

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
    let id = reg.add(&name, ActorKind::Person);
    reg.actors[id].named = false;
    // The span may hold a name ("un membre de l'administration d'Obama"):
    // both are mentions.
    reg.mention_nested(subject, id, MentionKind::Description);
    id
}

pub fn resolve_pronoun(
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

/// The subject of a speech verb: back from the verb to the start of its
/// clause. Returns (subject span, cue span).
fn cue_before(doc: &Doc, within: TextRange) -> Vec<(TextRange, TextRange)> {
    let Some(&cue) = cues_in(doc, within).last() else {
        return Vec::new();
    };
    // Include "que"/"that" after the verb in the cue.
    let after = doc.words(TextRange::new(cue.end(), within.end()));
    let full_cue = match after.first() {
        Some(w) if doc.lex.complementizers.contains(&w.folded) => cue.cover(w.range),
        _ => cue,
    };
    subject_candidates(doc, within.start(), cue.start())
        .into_iter()
        .map(|subject| (subject, full_cue))
        .collect()
}

/// Candidate subjects of a verb at `at`, most likely first: the comma
/// segments from the last to the first, then the whole clause.
fn subject_candidates(doc: &Doc, from: usize, at: usize) -> Vec<TextRange> {
    let start = clause_start(doc, from, at);
    let mut span = crate::text::trim_range(doc.text, TextRange::new(start, at));
    let text = &doc.text[span.as_range()];
    for rel in [
        ", qui ", ", who ", ", which ", ", dont ", ", lui, ", ", elle, ", ", eux, ",
    ] {
        if let Some(i) = text.find(rel) {
            span = TextRange::new(span.start(), span.start() + i);
            break;
        }
    }
    let text = &doc.text[span.as_range()];
    let mut cuts = vec![0];
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => cuts.push(i + 1),
            _ => {}
        }
    }
    cuts.push(text.len() + 1);
    let mut res: Vec<TextRange> = cuts
        .windows(2)
        .rev()
        .map(|w| {
            crate::text::trim_range(
                doc.text,
                TextRange::new(
                    span.start() + w[0],
                    span.start() + (w[1] - 1).min(text.len()),
                ),
            )
        })
        .filter(|r| !r.is_empty())
        .collect();
    if res.len() > 1 {
        res.push(span);
    }
    res
}

/// Start of the clause that ends at `at`: after the last comma, semicolon,
/// "et"/"mais"/"and"/"but" or relative "qui"/"who".
fn clause_start(doc: &Doc, from: usize, at: usize) -> usize {
    let from = from.min(at);
    let from = crate::text::snap(
        doc.text,
        TextRange::new(from.max(at.saturating_sub(600)), at),
    )
    .start();
    let s = &doc.text[from..at];
    let mut start = from;
    // A comma pair around an apposition ("X, ancien ministre, a dit") keeps X.
    let mut depth = 0;
    for (i, c) in s.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => depth -= 1,
            ';' | ':' if depth == 0 => {
                start = from + i + 1;
                break;
            }
            _ => {}
        }
    }
    let words = doc.words(TextRange::new(start, at));
    for w in words.iter().rev() {
        if matches!(
            w.folded.as_str(),
            "mais" | "but" | "qui" | "who" | "which" | "et" | "and" | "que" | "qu'" | "that"
        ) {
            // "qui" as a relative: the subject is its antecedent just before.
            if matches!(w.folded.as_str(), "qui" | "who" | "which") {
                return relative_antecedent(doc, from, w.range.start());
            }
            return w.range.end();
        }
    }
    start
}

/// "selon The New York Times, qui explique": the antecedent of "qui".
fn relative_antecedent(doc: &Doc, from: usize, qui: usize) -> usize {
    let before =
        doc.text[from..qui].trim_end_matches(|c: char| c == ' ' || c == ',' || is_space(c));
    let end = from + before.len();
    let start = before.rfind([',', ';', ':']).map_or(from, |i| from + i + 1);
    // The span is searched for mentions; a wider span errs toward the last.
    let words = doc.words(TextRange::new(start, end));
    words[words.len().saturating_sub(6)..]
        .first()
        .map_or(start, |w| w.range.start())
}

fn attribution_phrase(doc: &Doc, sentence: usize) -> Option<(TextRange, TextRange)> {
    attribution_phrase_in(doc, doc.sentences[sentence].range)
}

fn attribution_phrase_in(doc: &Doc, s: TextRange) -> Option<(TextRange, TextRange)> {
    let (r, _) = doc
        .find(&doc.lex.attribution_phrases, s)
        .into_iter()
        .find(|(r, _)| !doc.in_quote(*r))?;
    let subject = subject_span(doc, r.end(), s.end());
    Some((subject, r.cover(subject)))
}

/// "Pour Vikram Singh, …": an opinion opener at the start of a sentence
/// followed by an actor and a comma.
fn opinion_opener(doc: &Doc, sentence: usize) -> Option<(TextRange, TextRange)> {
    let s = doc.sentences[sentence].range;
    let (r, _) = doc.match_at(&doc.lex.opinion_openers, s.start())?;
    let subject = subject_span(doc, r.end(), s.end());
    if subject.is_empty() || !doc.text[subject.end()..].trim_start().starts_with(',') {
        return None;
    }
    // The subject must begin with a capital (a name) or a determiner + title.
    let first = doc.text[subject.as_range()].chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    Some((subject, r.cover(subject)))
}

fn speaker(
    doc: &Doc,
    q: &Quote,
    reg: &mut Registry,
    speakers: &[(usize, ActorId)],
) -> Option<super::attribution::Source> {
    let sentence = doc.sentences[q.sentence].range;
    let sentence_end = doc.sentences[doc.sentence_of(q.range.end().saturating_sub(1))]
        .range
        .end()
        .max(sentence.end());
    let s = doc.window(TextRange::new(sentence.start(), sentence_end), q.range);
    let sentence_end = s.end();
    let mut found: Vec<(TextRange, TextRange)> = Vec::new();
    if q.kind != QuoteKind::Indirect {
        if let Some((cue, subject)) = incise(doc, q.range.end(), sentence_end) {
            found.push((subject, cue));
        }
    }
    found.extend(cue_before(doc, TextRange::new(s.start(), q.range.start())));
    if let Some(a) = attribution_phrase_in(doc, s) {
        found.push(a);
    }
    if let Some(o) = opinion_opener(doc, q.sentence) {
        found.push(o);
    }
    if q.kind == QuoteKind::Direct {
        if let Some(c) = colon_cue(doc, q) {
            found.push(c);
        }
    }
    for (subject, cue) in found {
        if let Some(actor) = resolve_subject(doc, subject, reg, speakers) {
            return Some(Source { actor, cue });
        }
    }
    interview_answer(doc, q, reg)
}

/// In an interview (Q:/A:, or dialogue dashes after a question), an answer
/// is the interviewee's: the person named most often before it.
fn interview_answer(doc: &Doc, q: &Quote, reg: &Registry) -> Option<Source> {
    let p = doc.sentences[q.sentence].paragraph;
    let para = doc.text[doc.paragraphs[p].as_range()].trim_start();
    let is_answer = ["A:", "R:", "R :", "A :", "—", "–", "-"]
        .iter()
        .any(|m| para.starts_with(m));
    let prev = doc.text[doc.paragraphs.get(p.checked_sub(1)?)?.as_range()].trim();
    let after_question = prev.trim_end_matches(['»', '"', '”', ' ']).ends_with('?');
    if !is_answer || !after_question {
        return None;
    }
    let mut counts: std::collections::HashMap<ActorId, usize> = Default::default();
    for m in reg
        .mentions
        .iter()
        .filter(|m| m.range.end() <= q.range.start())
    {
        let a = &reg.actors[m.actor];
        if a.kind == ActorKind::Person && a.named {
            *counts.entry(m.actor).or_default() += 1;
        }
    }
    let (&actor, _) = counts
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))?;
    Some(Source {
        actor,
        cue: TextRange::new(doc.paragraphs[p].start(), doc.paragraphs[p].start()),
    })
}

/// A quote opening a paragraph right after a paragraph that ends with a
/// colon: the cue is at the end of that paragraph.
fn colon_cue(doc: &Doc, q: &Quote) -> Option<(TextRange, TextRange)> {
    let p = doc.sentences[q.sentence].paragraph;
    let prev = doc.paragraphs.get(p.checked_sub(1)?)?;
    if !doc.text[prev.as_range()].trim_end().ends_with(':') {
        return None;
    }
    // Sentences are in paragraph order: the last one before paragraph `p`.
    let before_p = doc.sentences.partition_point(|s| s.paragraph < p);
    let last = doc.sentences[..before_p]
        .last()
        .filter(|s| s.paragraph == p - 1)?;
    cue_before(doc, last.range).into_iter().next().or_else(|| {
        // "Le ministre :" — a bare name before the colon.
        let r = crate::text::trim_range(
            doc.text,
            TextRange::new(last.range.start(), last.range.end() - 1),
        );
        Some((r, r))
    })
}

/// A paragraph that is only a quote continues the speaker of a quote in
/// the paragraph before (or the one before that).
fn continued_speaker(doc: &Doc, quotes: &[Quote], i: usize) -> Option<ActorId> {
    let q = &quotes[i];
    if q.kind != QuoteKind::Direct {
        return None;
    }
    let p = doc.sentences[q.sentence].paragraph;
    // "« … », a dit X. « … »": a quote opening the sentence right after a
    // sentence quoting X, in the same paragraph, is X's too.
    if q.sentence > 0
        && doc.sentences[q.sentence - 1].paragraph == p
        && starts_sentence(doc, q.range, q.sentence)
    {
        let prev_sentence = doc.sentences[q.sentence - 1].range;
        if let Some(a) = quotes[..i]
            .iter()
            .rev()
            .find(|o| prev_sentence.intersects(o.range) && o.kind != QuoteKind::Indirect)
            .and_then(|o| o.speaker)
        {
            return Some(a);
        }
    }
    let para = doc.paragraphs[p];
    // Quotes are sorted by start: the paragraph's are a contiguous run.
    let first = quotes.partition_point(|o| o.range.start() < para.start());
    let covered: usize = quotes[first..]
        .iter()
        .take_while(|o| o.range.start() < para.end())
        .filter(|o| para.contains_range(o.range))
        .map(|o| o.range.len())
        .sum();
    if covered * 10 < para.len() * 7 {
        return None;
    }
    quotes[..i]
        .iter()
        .rev()
        .take_while(|o| doc.sentences[o.sentence].paragraph + 2 >= p)
        .find_map(|o| o.speaker)
}

/// Indirect speech in a sentence without marked speech: every reported
/// clause, and the sentence around an attribution phrase or an inverted
/// incise when no reported clause covers it.
fn indirect(doc: &Doc, idx: usize, reg: &Registry) -> Vec<Quote> {
    let mut res = reported_clauses(doc, idx);
    if let Some(q) = attributed_sentence(doc, idx, reg) {
        if !res.iter().any(|r| r.range.intersects(q.range)) {
            res.push(q);
        }
    }
    res.sort_by_key(|q| q.range.start);
    res
}

fn indirect_quote(content: TextRange, sentence: usize) -> Quote {
    Quote {
        range: content,
        content,
        kind: QuoteKind::Indirect,
        speaker: None,
        cue: None,
        sentence,
    }
}

/// English verbs that report a clause without "that": "said the deal
/// was close".
const BARE_CLAUSE_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "added",
    "adds",
    "argued",
    "argues",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "believes",
    "believed",
    "thinks",
    "thought",
    "warned",
    "warns",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "explained",
    "explains",
    "conceded",
    "concedes",
    "acknowledged",
    "acknowledges",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "wrote",
    "writes",
    "reckons",
    "reckoned",
];

/// Speech verb + que/that + clause (English also without "that").
fn reported_clauses(doc: &Doc, idx: usize) -> Vec<Quote> {
    let s = doc.sentences[idx].range;
    let text = doc.text;
    let mut res: Vec<Quote> = Vec::new();
    // Speech verb + que/that + clause.
    for cue in cues_in(doc, s) {
        let after = doc.words(TextRange::new(cue.end(), s.end()));
        // "said in a statement that …": a short complement may come first.
        let comp_idx = after
            .iter()
            .take(7)
            .take_while(|w| {
                !text[cue.end()..w.range.start()].contains([',', '.', ';', ':', '«', '"', '“'])
            })
            .position(|w| doc.lex.complementizers.contains(&w.folded))
            .unwrap_or(0);
        let Some(comp) = after.get(comp_idx) else {
            continue;
        };
        // ", said Mayor Torres, who …": an incise reports the quote, not a
        // clause after it.
        let before_cue = text[s.start()..cue.start()].trim_end();
        if before_cue.ends_with([',', '»', '"', '”', '—'])
            && comp_idx == 0
            && !doc.lex.complementizers.contains(&comp.folded)
        {
            continue;
        }
        let glued = comp_idx > 0 || text[cue.end()..comp.range.start()].trim().is_empty();
        let verb = doc.folded_at(TextRange::new(cue.end().saturating_sub(12), cue.end()));
        let say_type = BARE_CLAUSE_VERBS.iter().any(|v| verb.ends_with(v));
        let english_bare = doc.lex.lang == Lang::En
            && say_type
            && glued
            && !comp.folded.is_empty()
            && !matches!(
                comp.folded.as_str(),
                "to" | "on"
                    | "in"
                    | "at"
                    | "of"
                    | "by"
                    | "with"
                    | "from"
                    | "for"
                    | "about"
                    | "reporters"
                    | "so"
                    | "as"
                    | "that"
            );
        let is_comp = glued && doc.lex.complementizers.contains(&comp.folded);
        if !is_comp && !english_bare {
            continue;
        }
        let content_start = if is_comp {
            comp.range.end()
        } else {
            comp.range.start()
        };
        let content = clause_content(doc, content_start, s.end());
        if content.is_empty() || content.len() < 12 {
            continue;
        }
        let subject = TextRange::new(clause_start(doc, s.start(), cue.start()), cue.start());
        if english_bare && subject.is_empty() {
            continue;
        }
        if !res.iter().any(|q| q.range.intersects(content)) {
            res.push(indirect_quote(content, idx));
        }
    }
    res
}

/// "Selon X, clause." / "Clause, selon X." / "Clause, rapporte l'agence X."
fn attributed_sentence(doc: &Doc, idx: usize, reg: &Registry) -> Option<Quote> {
    let s = doc.sentences[idx].range;
    let text = doc.text;
    if let Some((_, cue)) = attribution_phrase(doc, idx) {
        let content = if cue.start() <= s.start() + 1 {
            let rest = text[cue.end()..s.end()].trim_start_matches([',', ' ']);
            TextRange::new(s.end() - rest.len(), s.end())
        } else {
            TextRange::new(s.start(), cue.start())
        };
        let content = clause_content(doc, content.start(), content.end());
        if content.len() >= 12 {
            return Some(indirect_quote(content, idx));
        }
    }
    // Inverted incise without marks: "Clause, rapporte l'agence X."
    for (i, _) in text[s.as_range()].match_indices(',') {
        let comma = s.start() + i;
        if let Some((cue, subject)) = incise(doc, comma + 1, s.end()) {
            if cue.start() > comma + 3 {
                continue;
            }
            let subject_ok = !subject.is_empty() && reg.mentions_in(subject).next().is_some();
            let pronoun_or_vague = doc
                .words(subject)
                .first()
                .is_some_and(|w| doc.lex.pronouns.contains_key(&w.folded));
            if !subject_ok && !pronoun_or_vague {
                continue;
            }
            let content = trim_clause(doc, TextRange::new(s.start(), comma));
            if content.len() >= 12 {
                return Some(indirect_quote(content, idx));
            }
        }
    }
    None
}

/// The reported clause from `start`: to the end of the sentence, or to an
/// attribution or incise that closes it.
fn clause_content(doc: &Doc, start: usize, end: usize) -> TextRange {
    // A reported clause ends within a paragraph's length.
    let end = doc
        .window(
            TextRange::new(start, end),
            TextRange::new(start, start + 1100),
        )
        .end()
        .max(start);
    let mut stop = end;
    for (i, _) in doc.text[start..end].match_indices(',') {
        let at = start + i;
        if incise(doc, at + 1, end).is_some_and(|(cue, _)| cue.start() <= at + 3) {
            stop = at;
            break;
        }
        let rest = doc.text[at + 1..end].trim_start();
        let rest_at = end - rest.len();
        if doc
            .match_at(&doc.lex.attribution_phrases, rest_at)
            .is_some()
        {
            stop = at;
            break;
        }
    }
    trim_clause(doc, TextRange::new(start, stop))
}

fn trim_clause(doc: &Doc, r: TextRange) -> TextRange {
    let s = &doc.text[r.as_range()];
    let body = s.trim_start_matches(|c: char| c.is_whitespace() || is_space(c) || c == ',');
    let body = body.trim_end_matches(|c: char| {
        c.is_whitespace() || is_space(c) || matches!(c, '.' | ',' | ';' | ':')
    });
    let start = r.start()
        + (s.len()
            - s.trim_start_matches(|c: char| c.is_whitespace() || is_space(c) || c == ',')
                .len());
    TextRange::new(start, start + body.len())
}

/// How a source is tied to its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A speech verb; `Some(end)` when a que/that clause, colon or quote
    /// follows it, from `end` on.
    Verb(Option<usize>),
    /// An incise, an attribution phrase or an opinion opener: the whole
    /// sentence.
    Sentence,
}

/// Words after a speech verb that show it reports no content: "spoke to
/// us", "declined to comment", "a parlé avec".
const NO_CONTENT: &[&str] = &[
    "to", "with", "at", "about", "on", "à", "a", "avec", "aux", "au", "devant", "lors",
];

/// Used by claims: every source of a sentence with its scope.
pub fn sentence_sources(
    doc: &Doc,
    idx: usize,
    reg: &mut Registry,
    speakers: &[(usize, ActorId)],
) -> Vec<(Source, Scope)> {
    let s = doc.sentences[idx].range;
    let mut found: Vec<(TextRange, TextRange, Scope)> = Vec::new();
    let mut incise_cues: Vec<TextRange> = Vec::new();
    for (i, _) in doc.text[s.as_range()].match_indices(',') {
        if let Some((cue, subject)) = incise(doc, s.start() + i + 1, s.end()) {
            if cue.start() <= s.start() + i + 4 && !doc.in_quote(cue) {
                incise_cues.push(cue);
                found.push((subject, cue, Scope::Sentence));
            }
        }
    }
    for cue in cues_in(doc, s) {
        // A verb already read as an inverted incise has its subject after it.
        if incise_cues.iter().any(|c| c.intersects(cue)) {
            continue;
        }
        let subjects = subject_candidates(doc, s.start(), cue.start());
        let rest = doc.text[cue.end()..s.end()].trim_start();
        let rest_at = s.end() - rest.len();
        let first = doc.words(TextRange::new(rest_at, s.end())).iter().next();
        let governs = if rest.starts_with([':', '«', '"', '“']) {
            Some(rest_at)
        } else {
            first.filter(|w| w.range.start() == rest_at).and_then(|w| {
                if doc.lex.complementizers.contains(&w.folded) {
                    Some(w.range.end())
                } else if NO_CONTENT.contains(&w.folded.as_str()) {
                    None
                } else {
                    // A clause or an object: "said the deal was close",
                    // "a annoncé le rachat", "a plaidé pour …".
                    Some(w.range.start())
                }
            })
        };
        for subject in subjects {
            found.push((subject, cue, Scope::Verb(governs)));
        }
    }
    if let Some((subject, cue)) = attribution_phrase(doc, idx) {
        found.push((subject, cue, Scope::Sentence));
    }
    if let Some((subject, cue)) = opinion_opener(doc, idx) {
        found.push((subject, cue, Scope::Sentence));
    }
    found
        .into_iter()
        .filter_map(|(subject, cue, scope)| {
            let actor = resolve_subject(doc, subject, reg, speakers)?;
            Some((Source { actor, cue }, scope))
        })
        .collect()
}
