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

/// Candidate subjects of a verb at `at`, most likely first: the comma
/// segments from the last to the first, then the whole clause.
pub(super) fn subject_candidates(doc: &Doc, from: usize, at: usize) -> Vec<TextRange> {
    let start = clause_start(doc, from, at);
    let mut span = crate::text::trim_range(doc.text, TextRange::new(start, at));
    if span.is_empty() {
        return coordinated_subject(doc, from, at).into_iter().collect();
    }
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

/// "Erdoğan cited Article 5 and said", "Le ministre Jean Roux a visité
/// l'usine et a ajouté": a verb right after and/et/but/mais shares the
/// subject opening the clause before: its words up to the first lower-case
/// word that is neither a determiner, a particle nor a title, once a
/// capitalised word has been seen.
fn coordinated_subject(doc: &Doc, from: usize, at: usize) -> Option<TextRange> {
    let before = doc.words(TextRange::new(from.min(at), at));
    let conj = before.last()?;
    if !matches!(conj.folded.as_str(), "and" | "et" | "but" | "mais") {
        return None;
    }
    let start = clause_start(doc, from, conj.range.start());
    let words = doc.words(TextRange::new(start, conj.range.start()));
    let mut seen_capital = false;
    let mut end = None;
    for w in words {
        let capital = doc.text[w.range.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let grammar = doc.lexicons.shared.term_determiners.contains(&w.folded)
            || doc.lexicons.shared.particles.contains(&w.folded);
        if capital && !grammar {
            seen_capital = true;
        } else if !capital && !grammar && !doc.lex.titles.contains_key(&w.folded) && seen_capital {
            break;
        }
        end = Some(w.range.end());
        if doc.text[w.range.end()..].starts_with(',') {
            break;
        }
    }
    let span = TextRange::new(words.first()?.range.start(), end?);
    seen_capital.then_some(span)
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
    fn a_coordinated_verb_shares_the_subject_before_and() {
        check_quote(
            "Turkish president Erdoğan cited Article 5 of the NATO treaty and $0said$0: \"They need to stand by us.\"",
            "direct Erdoğan «They need to stand by us.»",
        );
        check_quote(
            "Le ministre Jean Roux a visité l'usine de Renault et $0a ajouté$0 : « Nous tiendrons. »",
            "direct Jean Roux « Nous tiendrons. »",
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
