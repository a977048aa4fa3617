//! Quotation marks and the spans they enclose.
//!
//! Marks: « » (with or without U+0020/U+00A0/U+202F padding), “ ”, „ “,
//! straight "…", and nested ‹ › and ‘ ’. A mark's direction comes from the
//! mark itself where it has one and from its neighbours where it has not.
//!
//! - A paragraph that opens a quote and does not close it, followed by a
//!   paragraph that opens again, continues the same quote (the newspaper
//!   convention for quotes over several paragraphs).
//! - A wrong-direction mark where a close is expected (`piratage« .`)
//!   closes the quote and is reported as `unbalanced-quote` with a fix.
//! - A quote never closed, or a closing mark with nothing open, is reported
//!   as `unbalanced-quote`; an unclosed quote produces no span.
//!
//! Apostrophes (’ and ') are never taken for marks unless a ‘ is open.

use super::findings::{Finding, FindingKind};
use super::Doc;
use crate::text::{is_space, TextRange};

/// A closed quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Marks included.
    pub range: TextRange,
    /// Between the outer marks.
    pub content: TextRange,
    /// 0 for a top-level quote, 1 for a quote inside a quote…
    pub depth: usize,
}

pub struct Marks {
    pub spans: Vec<QuoteSpan>,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
enum Family {
    Guillemet,
    Curly,
    Low,
    Straight,
    Angle,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    at: usize,
    len: usize,
}

fn closing_char(family: Family) -> &'static str {
    match family {
        Family::Guillemet => "»",
        Family::Curly => "”",
        Family::Low => "“",
        Family::Straight => "\"",
        Family::Angle => "›",
        Family::Single => "’",
    }
}

fn is_double(f: Family) -> bool {
    matches!(
        f,
        Family::Guillemet | Family::Curly | Family::Low | Family::Straight
    )
}

pub fn scan(doc: &Doc) -> Marks {
    let text = doc.text;
    let mut sc = Scanner::default();
    // The re-opening mark of a quote continued from the previous paragraph.
    let mut reopening: Option<usize> = None;
    for (p, &para) in doc.paragraphs.iter().enumerate() {
        let s = &text[para.as_range()];
        let base = para.start();
        // Only marks matter; their neighbours are read from the text.
        for (i, m) in s.match_indices(MARKS) {
            let at = base + i;
            if reopening == Some(at) {
                reopening = None;
                continue;
            }
            let Some(c) = m.chars().next() else { continue };
            let len = m.len();
            let rest = &s[i + len..];
            sc.mark(c, at, len, s[..i].chars().next_back(), rest);
        }
        if let Some(at) = sc.end_of_paragraph(doc, p) {
            reopening = Some(at);
        }
    }
    let Scanner {
        stack,
        mut spans,
        mut findings,
    } = sc;
    for open in stack.opens {
        findings.push(unclosed(open));
    }
    spans.sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end)));
    Marks { spans, findings }
}

/// The stack machine over the marks of a text.
#[derive(Default)]
struct Scanner {
    stack: Stack,
    spans: Vec<QuoteSpan>,
    findings: Vec<Finding>,
}

impl Scanner {
    /// The mark `c` at `at` (`len` bytes), after `prev` and before `rest`.
    fn mark(&mut self, c: char, at: usize, len: usize, prev: Option<char>, rest: &str) {
        let next = rest.chars().next();
        let after = rest.chars().find(|&c| !is_pad(c));
        let looks_closing = looks_closing(prev, next, after);
        let looks_opening = looks_opening(prev, next);
        let top = self.stack.last().map(|o| o.family);
        match c {
            '«' => {
                if top == Some(Family::Guillemet) && looks_closing && !looks_opening {
                    self.findings.push(wrong_direction(
                        "»",
                        TextRange::new(at, at + len),
                        "opening mark « used to close a quotation; did you mean »?".to_string(),
                    ));
                    self.stack
                        .close(&mut self.spans, Family::Guillemet, at, len);
                } else {
                    self.stack.push(Open {
                        family: Family::Guillemet,
                        at,
                        len,
                    });
                }
            }
            '»' => {
                if self.stack.has(Family::Guillemet) {
                    self.stack
                        .close(&mut self.spans, Family::Guillemet, at, len);
                } else {
                    self.findings.push(stray(at, len, c));
                }
            }
            '„' => self.stack.push(Open {
                family: Family::Low,
                at,
                len,
            }),
            '“' => {
                if top == Some(Family::Low) {
                    self.stack.close(&mut self.spans, Family::Low, at, len);
                } else if top == Some(Family::Curly) && looks_closing && !looks_opening {
                    self.findings.push(wrong_direction(
                        "”",
                        TextRange::new(at, at + len),
                        "opening mark “ used to close a quotation; did you mean ”?".to_string(),
                    ));
                    self.stack.close(&mut self.spans, Family::Curly, at, len);
                } else {
                    self.stack.push(Open {
                        family: Family::Curly,
                        at,
                        len,
                    });
                }
            }
            '”' => {
                if self.stack.has(Family::Curly) {
                    self.stack.close(&mut self.spans, Family::Curly, at, len);
                } else if looks_opening && !looks_closing {
                    self.findings.push(wrong_direction(
                        "“",
                        TextRange::new(at, at + len),
                        "closing mark ” used to open a quotation; did you mean “?".to_string(),
                    ));
                    self.stack.push(Open {
                        family: Family::Curly,
                        at,
                        len,
                    });
                } else {
                    self.findings.push(stray(at, len, c));
                }
            }
            '"' => {
                // Inches and seconds: 5'10", 30".
                if prev.is_some_and(|p| p.is_ascii_digit()) && !self.stack.has(Family::Straight) {
                    return;
                }
                if self.stack.has(Family::Straight)
                    && !(looks_opening && !looks_closing && top != Some(Family::Straight))
                {
                    self.stack.close(&mut self.spans, Family::Straight, at, len);
                } else {
                    self.stack.push(Open {
                        family: Family::Straight,
                        at,
                        len,
                    });
                }
            }
            '‹' => self.stack.push(Open {
                family: Family::Angle,
                at,
                len,
            }),
            '›' if self.stack.has(Family::Angle) => {
                self.stack.close(&mut self.spans, Family::Angle, at, len)
            }
            '‘' if looks_opening => self.stack.push(Open {
                family: Family::Single,
                at,
                len,
            }),
            '’' | '\''
                if top == Some(Family::Single) && !next.is_some_and(char::is_alphanumeric) =>
            {
                self.stack.close(&mut self.spans, Family::Single, at, len);
            }
            _ => {}
        }
    }

    /// End of paragraph `p`: a quote still open continues into the next
    /// paragraph when that paragraph opens with a mark of the same family
    /// (returns where that mark is); otherwise it is reported unclosed.
    fn end_of_paragraph(&mut self, doc: &Doc, p: usize) -> Option<usize> {
        if self.stack.is_empty() {
            return None;
        }
        let text = doc.text;
        let outer = self.stack.outer();
        let continues = doc.paragraphs.get(p + 1).is_some_and(|next| {
            let first = text[next.as_range()].chars().next();
            match first {
                Some('«') => outer.family == Family::Guillemet,
                Some('“') => outer.family == Family::Curly,
                Some('„') => outer.family == Family::Low,
                Some('"') => outer.family == Family::Straight,
                _ => false,
            }
        });
        // Inner quotes never span paragraphs.
        for open in self.stack.drain_inner() {
            self.findings.push(unclosed(open));
        }
        if continues && is_double(outer.family) {
            return Some(doc.paragraphs[p + 1].start());
        }
        self.findings.push(unclosed(outer));
        self.stack.clear();
        None
    }
}

/// Open marks, innermost last, with a count per family so that "is one
/// open?" is O(1) even for a text of 100,000 unclosed marks.
#[derive(Default)]
struct Stack {
    opens: Vec<Open>,
    counts: [usize; 6],
}

impl Stack {
    fn push(&mut self, open: Open) {
        self.counts[open.family as usize] += 1;
        self.opens.push(open);
    }

    fn has(&self, family: Family) -> bool {
        self.counts[family as usize] > 0
    }

    fn last(&self) -> Option<&Open> {
        self.opens.last()
    }

    fn is_empty(&self) -> bool {
        self.opens.is_empty()
    }

    fn outer(&self) -> Open {
        self.opens[0]
    }

    fn pop(&mut self) -> Option<Open> {
        let open = self.opens.pop()?;
        self.counts[open.family as usize] -= 1;
        Some(open)
    }

    /// The opens inside the outermost one, removed.
    fn drain_inner(&mut self) -> Vec<Open> {
        let inner: Vec<Open> = self.opens.drain(1..).collect();
        for o in &inner {
            self.counts[o.family as usize] -= 1;
        }
        inner
    }

    fn clear(&mut self) {
        self.opens.clear();
        self.counts = [0; 6];
    }

    /// Closes the innermost open quote of `family`; quotes opened inside it
    /// and still open are dropped.
    fn close(&mut self, spans: &mut Vec<QuoteSpan>, family: Family, at: usize, len: usize) {
        if !self.has(family) {
            return;
        }
        while let Some(open) = self.pop() {
            if open.family == family {
                spans.push(QuoteSpan {
                    range: TextRange::new(open.at, at + len),
                    content: TextRange::new(open.at + open.len, at),
                    depth: self.opens.len(),
                });
                return;
            }
        }
    }
}

/// A wrong-direction mark used to close (or open): the finding carries the
/// mark that fixes it.
fn wrong_direction(fix: &str, range: TextRange, message: String) -> Finding {
    Finding {
        replacement: Some(fix.to_string()),
        ..Finding::new(FindingKind::UnbalancedQuote, range, message)
    }
}

fn stray(at: usize, len: usize, c: char) -> Finding {
    Finding::new(
        FindingKind::UnbalancedQuote,
        TextRange::new(at, at + len),
        format!("closing mark {c} without an opening mark"),
    )
}

fn unclosed(open: Open) -> Finding {
    Finding::new(
        FindingKind::UnbalancedQuote,
        TextRange::new(open.at, open.at + open.len),
        format!(
            "quotation is never closed (expected {})",
            closing_char(open.family)
        ),
    )
}

fn is_pad(c: char) -> bool {
    c == ' ' || is_space(c)
}

/// Every character the scan acts on.
const MARKS: &[char] = &['«', '»', '„', '“', '”', '"', '‹', '›', '‘', '’', '\''];

/// A mark closes when it follows a word or punctuation directly, or is
/// followed (after padding) by punctuation or the end of the paragraph.
fn looks_closing(prev: Option<char>, next: Option<char>, after: Option<char>) -> bool {
    let after_word = prev.is_some_and(|p| {
        !is_pad(p) && !p.is_whitespace() && !matches!(p, '(' | '[' | '«' | '“' | '„')
    });
    let before_punct = match after {
        None => true,
        Some(a) => matches!(
            a,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '…'
                | '»'
                | '”'
                | '\n'
                | '\r'
                | '-'
                | '–'
                | '—'
        ),
    };
    let glued_to_next_word = next.is_some_and(char::is_alphanumeric);
    (after_word && !glued_to_next_word) || before_punct
}

/// A mark opens when it follows a space, an opening bracket or the start of
/// the paragraph and is followed by a word (possibly after padding).
fn looks_opening(prev: Option<char>, next: Option<char>) -> bool {
    let after_space = prev.is_none_or(|p| {
        is_pad(p) || p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':')
    });
    let before_word = next.is_some_and(|n| {
        n.is_alphanumeric() || is_pad(n) || matches!(n, '.' | '…' | '«' | '“' | '‘' | '\'')
    });
    after_space && before_word
}
