//! Where the subject of a cue lies: after an inverted verb or phrase
//! ([`subject_span`]), or before a verb, back to the start of its clause
//! ([`subject_candidates`]). Shared geometry of the constructions; which
//! actor a subject names is [`super::resolve`]'s business.

use super::super::Doc;
use crate::text::{is_space, TextRange};

/// The subject after an inverted verb: up to the next comma, period or
/// preposition introducing a complement of time or place.
pub(super) fn subject_span(doc: &Doc, from: usize, limit: usize) -> TextRange {
    // A subject is a few words: never look further than this.
    let limit = crate::text::snap(doc.text, TextRange::new(from, limit.min(from + 300))).end();
    let rest = &doc.text[from..limit];
    let body = rest.trim_start_matches(|c: char| c == ' ' || is_space(c) || c == '-');
    // The euphonic t of "assure-t-il".
    let body = body.strip_prefix("t-").unwrap_or(body);
    let start = limit - body.len();
    let mut stop = subject_stop(body);
    // "la préfète des Landes, Isabelle Roche, …": the name after the
    // comma is the subject's apposition.
    if body[stop..].starts_with(',') {
        let next = body[stop + 1..].trim_start();
        let next_at = body.len() - next.len();
        let next_stop = subject_stop(next);
        if is_name(doc, start + next_at, &next[..next_stop]) {
            stop = next_at + next_stop;
        }
    }
    TextRange::new(start, start + body[..stop].trim_end().len())
}

/// Whether `segment` (at offset `at`) is a name: capitalised words, and
/// particles between them ("Isabelle Roche", "Ursula von der Leyen"), not
/// a clause ("Matignon envisagerait un report").
fn is_name(doc: &Doc, at: usize, segment: &str) -> bool {
    let words = doc.words(TextRange::new(at, at + segment.len()));
    words.first().is_some_and(|w| capitalised(doc, w)) && capitalised_run(doc, words)
}

fn capitalised(doc: &Doc, w: &crate::analysis::Word) -> bool {
    doc.text[w.range.as_range()].starts_with(char::is_uppercase)
}

/// Capitalised words and name particles only.
fn capitalised_run(doc: &Doc, words: &[crate::analysis::Word]) -> bool {
    words
        .iter()
        .all(|w| capitalised(doc, w) || doc.lexicons.shared.particles.contains(w.folded))
}

/// Where a subject starting `body` stops: the next
/// comma, period or mark, except the period of an initial (`selon M.
/// Dupont`, `Pour B. Obama,`).
fn subject_stop(body: &str) -> usize {
    let mut at = 0;
    loop {
        let Some(i) = body[at..].find([',', '.', ';', ':', '!', '?', '(', '«', '"', '“', '\n'])
        else {
            return body.len();
        };
        let stop = at + i;
        if !is_initial(body, stop) {
            return stop;
        }
        at = stop + 1;
    }
}

/// Whether the period at `dot` ends an initial: one capital letter standing
/// alone as a word, followed by a capitalised word.
fn is_initial(body: &str, dot: usize) -> bool {
    if !body[dot..].starts_with('.') {
        return false;
    }
    let mut before = body[..dot].chars().rev();
    let letter = before.next().is_some_and(char::is_uppercase);
    let alone = before.next().is_none_or(|c| c == ' ' || is_space(c));
    let next = body[dot + 1..].trim_start_matches(|c: char| c == ' ' || is_space(c));
    let word_follows = body[dot + 1..].len() > next.len();
    letter && alone && word_follows && next.chars().next().is_some_and(char::is_uppercase)
}

/// The subject after an inverted verb of an incise (`», a expliqué à
/// l'AFP Jean Roux`, `», a déclaré dimanche sur France Inter la
/// ministre`): the time adverbs and prepositional phrases before it are
/// skipped, and a prepositional phrase after its head ends it (`la
/// porte-parole de la fédération à une question de la RTBF`).
pub(super) fn inverted_subject_span(doc: &Doc, from: usize, limit: usize) -> TextRange {
    let from = skip_complements(doc, from, limit);
    let span = subject_span(doc, from, limit);
    let words = doc.words(span);
    let stop = words.iter().skip(1).find(|w| {
        doc.lex.complement_prepositions.contains(w.folded)
            && !doc.lexicons.shared.particles.contains(w.folded)
    });
    match stop {
        Some(w) => crate::text::trim_range(doc.text, TextRange::new(span.start(), w.range.start())),
        None => span,
    }
}

/// The offset after the time adverbs ("dimanche soir", "yesterday") and
/// prepositional phrases ("à l'AFP", "sur BFM TV", "to reporters") that
/// open the words from `from`, when words remain after them.
fn skip_complements(doc: &Doc, from: usize, limit: usize) -> usize {
    let limit = crate::text::snap(doc.text, TextRange::new(from, limit.min(from + 300))).end();
    let words = doc.words(TextRange::new(from, limit));
    let shared = &doc.lexicons.shared;
    let capitalised = |i: usize| {
        words.get(i).is_some_and(|w: &crate::analysis::Word| {
            doc.text[w.range.as_range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    };
    // Only words: a quotation or punctuation first is no complement.
    if words
        .first()
        .is_none_or(|w| !doc.text[from..w.range.start()].trim().is_empty())
    {
        return from;
    }
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let mut next = i;
        if shared.time_adverbs.contains(w.folded) {
            next = i + 1;
        } else if doc.lex.complement_prepositions.contains(w.folded)
            && !shared.particles.contains(w.folded)
        {
            next = i + 1;
            while words
                .get(next)
                .is_some_and(|w| shared.definite_determiners.contains(w.folded))
            {
                next += 1;
            }
            if capitalised(next) {
                let run = next;
                while capitalised(next) {
                    next += 1;
                }
                // "à l'AFP Jean Roux,": a run reaching the end of the
                // clause holds the subject too; it starts at a first name,
                // else after the run's first word.
                let clause_end = words.get(next).is_none_or(|after| {
                    doc.text[words[next - 1].range.end()..after.range.start()]
                        .contains([',', '.', ';', ':', '«', '"', '“'])
                });
                if clause_end && next - run >= 2 {
                    next = (run + 1..next)
                        .find(|&k| first_name(doc, words[k].folded))
                        .unwrap_or(run + 1);
                }
            } else {
                next += 1;
            }
        }
        // Nothing skipped, or nothing left to be the subject, or a
        // punctuation mark inside what would be skipped.
        let Some(after) = words.get(next).filter(|_| next > i) else {
            break;
        };
        if doc.text[w.range.start()..after.range.start()]
            .contains([',', '.', ';', ':', '«', '"', '“'])
        {
            break;
        }
        i = next;
    }
    words.get(i).map_or(from, |w| w.range.start())
}

/// Whether a folded word is a known first name ("jean-philippe" by its
/// first part).
fn first_name(doc: &Doc, folded: &str) -> bool {
    let names = &doc.lexicons.gazetteer.first_names;
    names.contains_key(folded) || names.contains_key(folded.split('-').next().unwrap_or(""))
}

/// Candidate subjects of a verb at `at`, most likely first.
///
/// - After a parenthetical set off by commas (`Nadim Houry, responsable
///   de l'ONG et spécialiste de la Syrie, précise`, `The mayor, speaking
///   to the BBC, said`), the words before the parenthetical, then the
///   parenthetical, then the segments before;
/// - else the comma segments of the verb's clause from the last to the
///   first, then the whole clause.
pub(super) fn subject_candidates(doc: &Doc, from: usize, at: usize) -> Vec<TextRange> {
    let from = from.min(at);
    if doc.text[from..at].trim_end().ends_with(',') {
        if let Some(res) = around_parenthetical(doc, from, at) {
            return res;
        }
    }
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
    let mut res: Vec<TextRange> = segments(doc, span).into_iter().rev().collect();
    if res.len() > 1 {
        res.push(span);
    }
    res
}

/// The comma segments of `span` (commas inside parentheses or quotations
/// do not cut; the end of a quotation does: a subject never spans one),
/// trimmed, empty ones left out, in text order.
fn segments(doc: &Doc, span: TextRange) -> Vec<TextRange> {
    let text = &doc.text[span.as_range()];
    let first_quote = doc.quoted.partition_point(|q| q.end() <= span.start());
    let quote_ends: Vec<usize> = doc.quoted[first_quote..]
        .iter()
        .take_while(|q| q.start() < span.end())
        .map(|q| q.end())
        .filter(|&e| e > span.start() && e < span.end())
        .collect();
    // Each cut as (end of the segment before, start of the next).
    let mut cuts = vec![(0, 0)];
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        let at = span.start() + i;
        if quote_ends.contains(&at) {
            cuts.push((i, i));
        }
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 && !doc.in_quote(TextRange::new(at, at + 1)) => cuts.push((i, i + 1)),
            _ => {}
        }
    }
    cuts.push((text.len(), text.len()));
    cuts.windows(2)
        .map(|w| {
            let r = TextRange::new(span.start() + w[0].1, span.start() + w[1].0.max(w[0].1));
            crate::text::trim_range(doc.text, r)
        })
        .filter(|r| !r.is_empty() && !doc.in_quote(*r))
        .collect()
}

/// Whether a segment reads as a proper name: capitalised words and name
/// particles only, not opening with a determiner ("Chuck Schumer", not
/// "The Senate Minority Leader" nor "Dunn's mother").
fn name_like(doc: &Doc, seg: TextRange) -> bool {
    let words = doc.words(seg);
    let shared = &doc.lexicons.shared;
    let Some(first) = words.first() else {
        return false;
    };
    !shared.definite_determiners.contains(first.folded)
        && !shared.term_determiners.contains(first.folded)
        && capitalised_run(doc, words)
}

/// "X, <parenthetical>, verb": the subject is X, read from the start of
/// its own clause; the parenthetical (an apposition, a participle, an
/// adverbial) and the segments before X come after it. `None` when no
/// segment precedes the parenthetical.
fn around_parenthetical(doc: &Doc, from: usize, at: usize) -> Option<Vec<TextRange>> {
    // The sentence part after the last semicolon or colon.
    let s = &doc.text[from..at];
    let start = s
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, ';' | ':') && !doc.in_quote(TextRange::new(from + i, from + i + 1))
        })
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let segs = segments(doc, TextRange::new(start, at));
    let (parenthetical, before) = segs.split_last()?;
    let (subject, earlier) = before.split_last()?;
    let head = crate::text::trim_range(
        doc.text,
        TextRange::new(
            clause_start(doc, subject.start(), subject.end()),
            subject.end(),
        ),
    );
    let mut res = Vec::new();
    // "The Senate Minority Leader, Chuck Schumer, said": a name set off
    // after a description is the subject's name.
    let name_after = !name_like(doc, head) && name_like(doc, *parenthetical);
    if name_after {
        res.push(*parenthetical);
    }
    res.push(head);
    if head != *subject {
        res.push(*subject);
    }
    if !name_after {
        res.push(*parenthetical);
    }
    res.extend(earlier.iter().rev());
    Some(res)
}

/// The segments of the part of a sentence before a participle (`…,
/// affirmant que`, `…, also observing`), first to last: a participle's
/// subject is its main clause's, at the start of the sentence.
pub(super) fn main_clause_candidates(doc: &Doc, from: usize, at: usize) -> Vec<TextRange> {
    let from = from.min(at);
    segments(doc, TextRange::new(from, at))
}

/// A verb coordinated with an earlier one and no subject of its own
/// (`X a salué … et a estimé que`, `X called it "lousy" and said`): the
/// coordinator's offset, when the words between it and the verb at `at`
/// are only adverbs.
pub(super) fn bare_coordination(doc: &Doc, from: usize, at: usize) -> Option<usize> {
    let start = clause_start(doc, from, at);
    let words = doc.words(TextRange::new(from.min(start), start));
    let coord = words.last().filter(|w| {
        w.range.end() == start && doc.lexicons.shared.coordinators.contains(w.folded)
    })?;
    let between = doc.words(TextRange::new(start, at));
    between
        .iter()
        .all(|w| {
            doc.match_at(&doc.lex.inserted_adverbs, w.range.start())
                .is_some()
        })
        .then_some(coord.range.start())
}

/// Start of the clause that ends at `at`: after the last comma, semicolon,
/// "et"/"mais"/"and"/"but" or relative "qui"/"who".
pub(super) fn clause_start(doc: &Doc, from: usize, at: usize) -> usize {
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
    // An acronym spelled like a conjunction or relative ("the World Health
    // Organization (WHO)") is a name, not a clause boundary.
    let acronym = |w: &&crate::analysis::Word| {
        let t = &doc.text[w.range.as_range()];
        t.chars().count() > 1 && t.chars().all(char::is_uppercase)
    };
    for (i, w) in words.iter().enumerate().rev().filter(|(_, w)| !acronym(w)) {
        // "où il a promis", "where she said": a relative adverb opens a
        // clause with its own subject. Folded, "où" is "ou" (or), which
        // does not: the written word decides.
        let relative_adverb = match w.folded {
            "ou" => doc.text[w.range.as_range()].ends_with('ù'),
            f => matches!(f, "where" | "when" | "lorsque" | "quand"),
        };
        if relative_adverb {
            return w.range.end();
        }
        if matches!(w.folded, "et" | "and") && coordinates_a_title(doc, &words[i + 1..]) {
            continue;
        }
        if matches!(
            w.folded,
            "mais" | "but" | "qui" | "who" | "which" | "et" | "and" | "que" | "qu'" | "that"
        ) {
            // "qui" as a relative: the subject is its antecedent just before.
            if matches!(w.folded, "qui" | "who" | "which") {
                return relative_antecedent(doc, from, w.range.start());
            }
            return w.range.end();
        }
    }
    start
}

/// "X of American University and contributor to Slate wrote", "X,
/// chercheuse et membre du collectif, a dit": a bare noun and its
/// complement after the coordinator (no determiner, not a pronoun, verb or
/// adverb; in English not a plural, which may be a subject of its own)
/// coordinate two descriptions of one subject, not two clauses.
fn coordinates_a_title(doc: &Doc, after: &[crate::analysis::Word]) -> bool {
    let [noun, preposition, ..] = after else {
        return false;
    };
    let lex = doc.lex;
    let lowercase = doc.text[noun.range.as_range()]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let plural = lex.lang == crate::lexicon::Lang::En && noun.folded.ends_with('s');
    lowercase
        && !plural
        && lex.complement_prepositions.contains(preposition.folded)
        && !lex.function_words.contains(noun.folded)
        && !doc
            .lexicons
            .shared
            .definite_determiners
            .contains(noun.folded)
        && !lex.speech_forms.contains_key(noun.folded)
        && !noun.is_in(&lex.finite_markers)
        && doc
            .match_at(&lex.inserted_adverbs, noun.range.start())
            .is_none()
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

#[cfg(test)]
mod tests {
    use super::super::check::check_quote;

    #[test]
    fn an_apposition_after_the_subject_belongs_to_it() {
        check_quote(
            "« Nous tiendrons », $0a assuré$0 la préfète des Landes, Isabelle Roche, hier.",
            "direct Isabelle Roche « Nous tiendrons »",
        );
    }

    #[test]
    fn a_parenthetical_before_the_verb_is_not_the_subject() {
        check_quote(
            "Léa Marchand, directrice de l'usine et spécialiste de la Bolivie, $0précise que$0 : « La production reprendra. »",
            "direct Léa Marchand « La production reprendra. »",
        );
        check_quote(
            "Tom Baker of the Riverside Institute, speaking to the BBC, $0said$0, \"The river is rising.\"",
            "mixed Tom Baker «The river is rising.»",
        );
    }

    #[test]
    fn an_acronym_spelled_like_a_relative_does_not_cut_the_subject() {
        check_quote(
            "Anna Berg of the World Health Organization (WHO) $0told$0 reporters: \"The talks are over.\"",
            "direct Anna Berg «The talks are over.»",
        );
    }

    #[test]
    fn a_name_set_off_after_a_description_is_the_subject() {
        check_quote(
            "The city's deputy mayor, Ann Ortega, $0said$0 on Monday \"We will rebuild.\"",
            "mixed Ann Ortega «We will rebuild.»",
        );
    }

    #[test]
    fn a_relative_adverb_opens_a_clause_with_its_own_subject() {
        check_quote(
            "« Je promets le changement », a déclaré Paul Girard dans le Jura, où il $0a promis$0 un « nouveau départ ».",
            "direct Paul Girard « Je promets le changement »\nmixed Paul Girard « nouveau départ »",
        );
        // "ou" (or) coordinates subjects, it opens no clause.
        check_quote(
            "Paul Girard ou son adjoint $0a dit que$0 « rien ne change ».",
            "mixed Paul Girard « rien ne change »",
        );
    }

    #[test]
    fn a_second_title_after_and_describes_the_same_subject() {
        check_quote(
            "Maria Lopez of Northfield University and contributor to the Gazette $0wrote$0, \"the ruling goes too far\".",
            "mixed Maria Lopez «the ruling goes too far»",
        );
        // A subject of its own after "and" (a plural is no title): not
        // Maria Lopez.
        check_quote(
            "Maria Lopez left the hall and officers of the guard said \"it was over\".",
            "mixed null «it was over»",
        );
    }

    #[test]
    fn a_verb_coordinated_without_subject_shares_the_first_one() {
        check_quote(
            "Paula Reyes praised the rescuers and $0said$0 \"they saved the town\".",
            "mixed Paula Reyes «they saved the town»",
        );
    }

    #[test]
    fn a_participle_speaks_for_the_subject_of_the_main_clause() {
        check_quote(
            "Le maire, Henri Vasseur, a présenté son budget à la presse de Lille, en $0affirmant que$0 « la dette baissera ».",
            "mixed Henri Vasseur « la dette baissera »",
        );
    }

    #[test]
    fn the_subject_of_a_relative_is_its_antecedent() {
        check_quote(
            "Il y a eu un accord, selon The New York Times, qui $0explique que$0 les deux pays ont cédé.",
            "indirect The New York Times «Il y a eu un accord»\nindirect The New York Times «les deux pays ont cédé»",
        );
    }
}
