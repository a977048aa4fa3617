//! Paragraphs, sentences and words.
//!
//! A paragraph ends at a blank line, or at a line break after a line that
//! ends like a sentence (news copy often puts one paragraph per line). A
//! sentence ends at `.`, `!`, `?` or `…` followed by a capital, a digit, an
//! opening mark or a dash — but not after an abbreviation (M., Dr., U.S.),
//! an initial, inside a decimal or an ellipsis in brackets ([…]), nor inside
//! a closed quotation, so a quoted passage of several sentences stays in the
//! sentence that reports it.

use super::{Doc, Sentence};
use crate::text::{is_space, trim_range, TextRange};

/// Paragraph ranges, trimmed, in order.
pub fn paragraphs(text: &str) -> Vec<TextRange> {
    let mut res = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_line_end_like_sentence = false;
    let mut offset = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        let line_start = offset;
        offset += line.len();
        // "\r\n" arrives as "…\r" then "\n": the lone "\n" is no line.
        if line == "\n" && text[..line_start].ends_with('\r') {
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.chars().all(|c| c.is_whitespace() || is_space(c));
        if blank {
            if let Some(s) = start.take() {
                push_trimmed(text, s, line_start, &mut res);
            }
            prev_line_end_like_sentence = false;
            continue;
        }
        let trimmed = content.trim_start_matches(|c: char| c.is_whitespace() || is_space(c));
        let new_block = trimmed.starts_with(['-', '–', '—', '*', '•'])
            || trimmed.starts_with("Q:")
            || trimmed.starts_with("R:")
            || trimmed.starts_with("A:");
        if let Some(s) = start {
            if prev_line_end_like_sentence || new_block {
                push_trimmed(text, s, line_start, &mut res);
                start = Some(line_start);
            }
        } else {
            start = Some(line_start);
        }
        let end = content.trim_end_matches(|c: char| c.is_whitespace() || is_space(c));
        prev_line_end_like_sentence =
            end.ends_with(['.', '!', '?', '…', ':', '»', '"', '”', ')', ']', '«']);
    }
    if let Some(s) = start {
        push_trimmed(text, s, text.len(), &mut res);
    }
    res
}

fn push_trimmed(text: &str, start: usize, end: usize, acc: &mut Vec<TextRange>) {
    let r = trim_range(text, TextRange::new(start, end));
    if !r.is_empty() {
        acc.push(r);
    }
}

/// French elisions that end a word at their apostrophe. A closed set of
/// the grammar of tokenisation, kept in code (not a lexicon file) because
/// every word of every text is cut with it before any lexicon is consulted.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

/// Clitic pronouns split off a verb in an inverted incise ("dit-elle",
/// "a-t-il"). A closed grammatical set (subject pronouns), part of this
/// rule rather than vocabulary.
const CLITICS: &[&str] = &[
    "il", "elle", "ils", "elles", "on", "t-il", "t-elle", "t-ils", "t-elles", "t-on",
];

/// Word ranges in a range of text.
pub fn words(text: &str, within: TextRange) -> Vec<TextRange> {
    let s = &text[within.as_range()];
    let base = within.start();
    let mut res = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i;
        loop {
            while j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            }
            let Some(&(at, c)) = chars.get(j) else { break };
            let next_is_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            if !next_is_alnum {
                break;
            }
            if c == '-' || c == '‑' {
                let rest: String = s[at + c.len_utf8()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect::<String>()
                    .to_lowercase();
                if CLITICS.contains(&rest.as_str()) {
                    break;
                }
                j += 1;
                continue;
            }
            if c == '\'' || c == '’' {
                let left = s[start..at].to_lowercase();
                if ELISIONS.contains(&left.as_str()) {
                    // The word is the elided article or pronoun, apostrophe included.
                    j += 1;
                    break;
                }
                let after: String = s[at + c.len_utf8()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                if after == "s" {
                    // English possessive: "Obama's" is "Obama" + "'s".
                    break;
                }
                j += 1;
                continue;
            }
            if c == '.'
                && chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit())
                && chars[j - 1].1.is_ascii_digit()
            {
                // Decimal number.
                j += 1;
                continue;
            }
            break;
        }
        let end = chars.get(j).map_or(s.len(), |&(at, _)| at);
        res.push(TextRange::new(base + start, base + end));
        i = j.max(i + 1);
    }
    res
}

/// The length of a wire dateline opening `s` ("PARIS (AFP) - ", "MILAN,
/// May 17 (Reuters) — ", "WASHINGTON, 3 mars - "): a place in capitals,
/// an optional date after a comma, an optional agency in parentheses, then
/// a dash between spaces. 0 when `s` does not open with one.
pub fn dateline_len(s: &str) -> usize {
    let place = s
        .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '-' | '\'' | '’')))
        .unwrap_or(s.len());
    if s[..place].chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return 0;
    }
    let mut rest = &s[place..];
    if let Some(after) = rest.strip_prefix(',') {
        // A date: a few words, no sentence punctuation.
        let end = after
            .find(['(', '-', '–', '—', '.', ';', ':'])
            .unwrap_or(after.len());
        if after[..end].split_whitespace().count() > 4 {
            return 0;
        }
        rest = &after[end..];
    }
    let trimmed = rest.trim_start();
    if let Some(agency) = trimmed.strip_prefix('(') {
        let Some(close) = agency.find(')').filter(|&i| i <= 40) else {
            return 0;
        };
        rest = &agency[close + 1..];
    }
    let before_dash = rest.trim_start_matches([' ', '\u{a0}']);
    let Some(after_dash) = before_dash
        .strip_prefix('-')
        .or_else(|| before_dash.strip_prefix('–'))
        .or_else(|| before_dash.strip_prefix('—'))
    else {
        return 0;
    };
    let spaced = s[..s.len() - before_dash.len()].ends_with([' ', '\u{a0}']);
    if !spaced || !after_dash.starts_with([' ', '\u{a0}']) {
        return 0;
    }
    let after = after_dash.trim_start_matches([' ', '\u{a0}']);
    s.len() - after.len()
}

/// Sentences of every paragraph; `quote_spans` are closed quotations inside
/// which no sentence ends.
pub fn sentences(doc: &Doc, quote_spans: &[TextRange]) -> Vec<Sentence> {
    let mut res = Vec::new();
    for (p, &para) in doc.paragraphs.iter().enumerate() {
        let mut start = para.start();
        for end in boundaries(doc, para, quote_spans) {
            let r = trim_range(doc.text, TextRange::new(start, end));
            if !r.is_empty() {
                res.push(Sentence {
                    range: r,
                    paragraph: p,
                });
            }
            start = end;
        }
        let r = trim_range(doc.text, TextRange::new(start, para.end()));
        if !r.is_empty() {
            res.push(Sentence {
                range: r,
                paragraph: p,
            });
        }
    }
    res
}

fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']')
}

/// Byte offsets (exclusive ends) where sentences end inside a paragraph.
fn boundaries(doc: &Doc, para: TextRange, quote_spans: &[TextRange]) -> Vec<usize> {
    let text = doc.text;
    let s = &text[para.as_range()];
    let base = para.start();
    let mut res = Vec::new();
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let at = base + i;
        if inside_quote(quote_spans, at) {
            continue;
        }
        // Runs of terminators ("?!", "...") end together.
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = iter.peek() {
            if matches!(n, '.' | '!' | '?' | '…') {
                end = j + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        if c == '.' && is_abbreviation(doc, base + i) {
            continue;
        }
        // Closing marks and brackets belong to the sentence they close
        // (French pads » with a space); an opening mark belongs to the next.
        let rest = &s[end..];
        let mut k = 0;
        for (j, n) in rest.char_indices() {
            let mark_end = base + end + j + n.len_utf8();
            if is_closing_bracket(n) || closes_quote(quote_spans, mark_end) {
                k = j + n.len_utf8();
            } else if n == ' ' || is_space(n) {
                continue;
            } else {
                break;
            }
        }
        // A lone quote mark after the terminator opens the next sentence
        // unless it closes a quote started before.
        let stop = end + k;
        let next = s[stop..].trim_start_matches(|c: char| c.is_whitespace() || is_space(c));
        if stop == end
            && !rest.starts_with(|c: char| c.is_whitespace() || is_space(c))
            && !rest.is_empty()
        {
            // "3.5", "U.S.A", "[…]" — no space after the terminator.
            continue;
        }
        let Some(first) = next.chars().next() else {
            continue;
        };
        if c == '…' && s[..i].ends_with('[') {
            continue;
        }
        let starts_sentence = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(
                first,
                '«' | '"' | '“' | '„' | '‹' | '‘' | '-' | '–' | '—' | '(' | '[' | '¿' | '¡'
            );
        if starts_sentence {
            res.push(base + stop);
        }
    }
    // A quotation that ends its own sentence (« C'est fini. » Il part.)
    // ends the sentence around it too.
    let first = quote_spans.partition_point(|q| q.start() < para.start());
    for q in quote_spans[first..]
        .iter()
        .take_while(|q| q.start() < para.end())
        .filter(|q| para.contains_range(**q))
    {
        let inner = text[q.start()..q.end()].trim_end_matches(|c: char| {
            !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?' | '…')
        });
        if !inner.ends_with(['.', '!', '?', '…']) {
            continue;
        }
        let next = text[q.end()..para.end()]
            .trim_start_matches(|c: char| c.is_whitespace() || is_space(c));
        let first = next.chars().next();
        if first.is_some_and(|c| c.is_uppercase() || matches!(c, '«' | '"' | '“' | '„' | '—' | '–'))
            && !res.contains(&q.end())
        {
            res.push(q.end());
        }
    }
    res.sort_unstable();
    res
}

/// `quote_spans` are top-level quotations sorted by start, so they are
/// sorted by end too.
fn inside_quote(quote_spans: &[TextRange], at: usize) -> bool {
    let idx = quote_spans.partition_point(|q| q.end() <= at + 1);
    quote_spans
        .get(idx)
        .is_some_and(|q| q.start() < at && at + 1 < q.end())
}

fn closes_quote(quote_spans: &[TextRange], end: usize) -> bool {
    let idx = quote_spans.partition_point(|q| q.end() < end);
    quote_spans.get(idx).is_some_and(|q| q.end() == end)
}

/// Whether the period at `dot` ends an abbreviation or an initial.
fn is_abbreviation(doc: &Doc, dot: usize) -> bool {
    let before = &doc.text[..dot];
    let word_start = before
        .rfind(|c: char| {
            c.is_whitespace() || is_space(c) || matches!(c, '(' | '«' | '"' | '“' | '\'' | '’')
        })
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter: an initial ("J. Smith"), or a dotted acronym.
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    let candidate = format!("{}.", crate::text::fold(word));
    // The other language's abbreviations ("Mr." in French, "etc." and
    // "U.S." anywhere) only when capitalised or dotted inside: in lower
    // case they are words of this language ("l'est.", "told me.").
    let foreign_form = word.starts_with(char::is_uppercase) || word.contains('.');
    doc.lex.abbreviations.contains(&candidate)
        || foreign_form
            && doc
                .lexicons
                .lang(other(doc.lex.lang))
                .abbreviations
                .contains(&candidate)
}

fn other(lang: crate::lexicon::Lang) -> crate::lexicon::Lang {
    match lang {
        crate::lexicon::Lang::Fr => crate::lexicon::Lang::En,
        crate::lexicon::Lang::En => crate::lexicon::Lang::Fr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para_texts(text: &str) -> Vec<&str> {
        paragraphs(text)
            .iter()
            .map(|r| &text[r.as_range()])
            .collect()
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_sentence_line_ends() {
        assert_eq!(
            para_texts("Un.\n\nDeux\nsuite.\nTrois.\r\n\r\n Quatre "),
            ["Un.", "Deux\nsuite.", "Trois.", "Quatre"]
        );
        assert_eq!(
            para_texts("— Question ?\n— Réponse."),
            ["— Question ?", "— Réponse."]
        );
    }

    #[test]
    fn the_other_languages_abbreviations_need_their_written_form() {
        let text =
            "La base se trouve dans l'est. Pour le juge, rien n'est fait. M. Smith a vu Mr. Brown.";
        let article = crate::input::Article::plain(text);
        let a = crate::analysis::analyze(
            &article,
            &crate::analysis::AnalysisConfig {
                language: None,
                actors: Vec::new(),
                annotations: None,
            },
        );
        let got: Vec<&str> = a
            .sentences
            .iter()
            .map(|s| &text[s.range.as_range()])
            .collect();
        assert_eq!(
            got,
            [
                "La base se trouve dans l'est.",
                "Pour le juge, rien n'est fait.",
                "M. Smith a vu Mr. Brown."
            ]
        );
    }

    #[test]
    fn wire_datelines_are_recognised() {
        let cases = [
            ("PARIS (AFP) - La grève continue.", "La grève continue."),
            (
                "MILAN, May 17 (Reuters) — Heavy rain fell.",
                "Heavy rain fell.",
            ),
            ("WASHINGTON, 3 mars - Le Sénat a voté.", "Le Sénat a voté."),
            (
                "SAINT-DENIS (AFP) – Le match a eu lieu.",
                "Le match a eu lieu.",
            ),
        ];
        for (text, after) in cases {
            assert_eq!(&text[dateline_len(text)..], after, "{text}");
        }
        for text in [
            "Le trafic - très perturbé - reprend.",
            "UN RAPPORT accablant - selon X.",
            "A - B",
            "PARIS-Match a publié",
        ] {
            assert_eq!(dateline_len(text), 0, "{text}");
        }
    }

    #[test]
    fn words_split_elisions_clitics_and_possessives() {
        let text = "L’agence a-t-elle dit qu'Obama's vice-président aujourd'hui 3.5 dit-elle";
        let w: Vec<&str> = words(text, TextRange::new(0, text.len()))
            .iter()
            .map(|r| &text[r.as_range()])
            .collect();
        assert_eq!(
            w,
            [
                "L’",
                "agence",
                "a",
                "t",
                "elle",
                "dit",
                "qu'",
                "Obama",
                "s",
                "vice-président",
                "aujourd'hui",
                "3.5",
                "dit",
                "elle"
            ]
        );
    }
}
