//! brat standoff (`article.ann` beside `article.txt`): the de-facto format
//! of annotated text corpora.
//!
//! Lines: `T<n>\t<Type> <start> <end>[;<start> <end>…]\t<text>` (Unicode
//! scalar offsets into the text, end exclusive), `R<n>\t<Type> Arg1:T<a>
//! Arg2:T<b>`, `A<n>\t<Name> T<n> [<value>]`, `#<n>\tAnnotatorNotes
//! T<n>\t<note>`; `N` and `E` lines and anything else are kept and written
//! back untouched. Reading never fails: a line that cannot be understood,
//! or a span that falls outside the article or disagrees with its text, is a
//! problem reported at its line (`ann-mismatch`) while the rest is used.

use crate::text::{LineIndex, TextRange};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub kind: String,
    /// Fragments in Unicode scalar offsets.
    pub spans: Vec<(usize, usize)>,
    pub text: String,
    /// 0-based line in the `.ann`.
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    pub kind: String,
    pub arg1: String,
    pub arg2: String,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub id: String,
    pub name: String,
    pub target: String,
    pub value: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    pub target: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 0-based line in the `.ann`.
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ann {
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub attributes: Vec<Attribute>,
    pub notes: Vec<Note>,
    /// Lines newsls does not use (`N`, `E`, unknown), kept verbatim.
    pub other: Vec<String>,
    pub problems: Vec<Problem>,
}

impl Ann {
    pub fn parse(text: &str) -> Ann {
        let mut ann = Ann::default();
        for (line_no, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let problem = |message: String| Problem {
                line: line_no,
                message,
            };
            let mut fields = line.splitn(3, '\t');
            let id = fields.next().unwrap_or_default().to_string();
            let body = fields.next().unwrap_or_default();
            let tail = fields.next();
            match id.chars().next() {
                Some('T') => match parse_entity(&id, body, tail, line_no) {
                    Ok(e) => ann.entities.push(e),
                    Err(m) => ann.problems.push(problem(m)),
                },
                Some('R') => {
                    let mut parts = body.split_whitespace();
                    let kind = parts.next().unwrap_or_default().to_string();
                    let arg = |p: Option<&str>| {
                        p.and_then(|a| a.split_once(':'))
                            .map(|(_, v)| v.to_string())
                    };
                    match (arg(parts.next()), arg(parts.next())) {
                        (Some(arg1), Some(arg2)) if !kind.is_empty() => {
                            ann.relations.push(Relation {
                                id,
                                kind,
                                arg1,
                                arg2,
                                line: line_no,
                            })
                        }
                        _ => ann.problems.push(problem(format!(
                            "relation {id}: expected `Type Arg1:T<a> Arg2:T<b>`"
                        ))),
                    }
                }
                Some('A') | Some('M') => {
                    let mut parts = body.split_whitespace();
                    match (parts.next(), parts.next()) {
                        (Some(name), Some(target)) => ann.attributes.push(Attribute {
                            id,
                            name: name.to_string(),
                            target: target.to_string(),
                            value: parts.next().map(str::to_string),
                        }),
                        _ => ann.problems.push(problem(format!(
                            "attribute {id}: expected `Name T<n> [value]`"
                        ))),
                    }
                }
                Some('#') => {
                    let target = body
                        .split_whitespace()
                        .nth(1)
                        .unwrap_or_default()
                        .to_string();
                    ann.notes.push(Note {
                        id,
                        target,
                        text: tail.unwrap_or_default().to_string(),
                    });
                }
                _ => ann.other.push(line.to_string()),
            }
        }
        ann
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn attribute(&self, target: &str, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.target == target && a.name == name)
            .and_then(|a| a.value.as_deref())
    }

    pub fn note(&self, target: &str) -> Option<&str> {
        self.notes
            .iter()
            .find(|n| n.target == target)
            .map(|n| n.text.as_str())
    }

    /// Checks every entity against the article text: offsets inside it and
    /// the same text. Entities that fail are removed and reported.
    pub fn validate(&mut self, article: &str, index: &LineIndex) {
        let n_chars = index.char_offset(article, article.len());
        let mut kept = Vec::with_capacity(self.entities.len());
        for e in std::mem::take(&mut self.entities) {
            if let Some((s, end)) = e.spans.iter().find(|(s, end)| s > end || *end > n_chars) {
                self.problems.push(Problem {
                    line: e.line,
                    message: format!(
                        "{} {}: span {s}-{end} is outside the article ({n_chars} characters)",
                        e.id, e.kind
                    ),
                });
                continue;
            }
            let actual: Vec<String> = e
                .spans
                .iter()
                .filter_map(|&(s, end)| {
                    let a = index.offset_of_char(article, s)?;
                    let b = index.offset_of_char(article, end)?;
                    Some(article[a..b].to_string())
                })
                .collect();
            let actual = actual.join(" ");
            if normalize(&actual) != normalize(&e.text) {
                self.problems.push(Problem {
                    line: e.line,
                    message: format!(
                        "{} {}: the .ann says {:?} but the article has {:?} there",
                        e.id,
                        e.kind,
                        e.text,
                        crate::text::excerpt(&actual, 60)
                    ),
                });
                continue;
            }
            kept.push(e);
        }
        self.entities = kept;
        // Relations and attributes to dropped entities are dropped too.
        let ids: std::collections::HashSet<&str> =
            self.entities.iter().map(|e| e.id.as_str()).collect();
        let mut dangling = Vec::new();
        self.relations.retain(|r| {
            let ok = ids.contains(r.arg1.as_str()) && ids.contains(r.arg2.as_str());
            if !ok {
                dangling.push(Problem {
                    line: r.line,
                    message: format!(
                        "relation {} {} points at a missing or invalid entity",
                        r.id, r.kind
                    ),
                });
            }
            ok
        });
        self.problems.extend(dangling);
        self.problems.sort_by_key(|p| p.line);
    }

    /// Byte range covering all fragments of an entity.
    pub fn byte_range(&self, e: &Entity, article: &str, index: &LineIndex) -> Option<TextRange> {
        let start = e.spans.iter().map(|s| s.0).min()?;
        let end = e.spans.iter().map(|s| s.1).max()?;
        Some(TextRange::new(
            index.offset_of_char(article, start)?,
            index.offset_of_char(article, end)?,
        ))
    }
}

fn normalize(s: &str) -> String {
    crate::text::collapse_whitespace(s)
}

fn parse_entity(id: &str, body: &str, tail: Option<&str>, line: usize) -> Result<Entity, String> {
    let (kind, offsets) = body
        .split_once(' ')
        .ok_or_else(|| format!("entity {id}: expected `Type start end`"))?;
    let mut spans = Vec::new();
    for frag in offsets.split(';') {
        let mut nums = frag.split_whitespace().map(str::parse::<usize>);
        match (nums.next(), nums.next(), nums.next()) {
            (Some(Ok(s)), Some(Ok(e)), None) => spans.push((s, e)),
            _ => return Err(format!("entity {id}: bad offsets {frag:?}")),
        }
    }
    Ok(Entity {
        id: id.to_string(),
        kind: kind.to_string(),
        spans,
        text: tail.unwrap_or_default().to_string(),
        line,
    })
}

/// Splits a byte range into fragments that do not cross a line break (brat
/// keeps each entity's text on one line), in Unicode scalar offsets.
pub fn fragments(article: &str, index: &LineIndex, r: TextRange) -> Vec<(usize, usize)> {
    let mut res = Vec::new();
    let mut start = r.start();
    let s = &article[r.as_range()];
    for (i, c) in s.char_indices() {
        let at = r.start() + i;
        if c == '\n' || c == '\r' {
            if at > start {
                res.push((start, at));
            }
            start = at + c.len_utf8();
        }
    }
    if r.end() > start {
        res.push((start, r.end()));
    }
    res.into_iter()
        .filter(|(a, b)| !article[*a..*b].trim().is_empty())
        .map(|(a, b)| (index.char_offset(article, a), index.char_offset(article, b)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_line_kind_and_keeps_the_rest() {
        let ann = Ann::parse(
            "T1\tPerson 0 10\tXi Jinping\nT2\tQuote 20 25;30 35\tabcde fghij\nR1\tSpeaker Arg1:T2 Arg2:T1\nA1\tKind T2 direct\n#1\tAnnotatorNotes T1\tXi Jinping\nE1\tEvent:T1\nN1\tReference T1 Wikipedia:123\tXi\ngarbage\nT3\tPerson x y\tbad\n",
        );
        assert_eq!(ann.entities.len(), 2);
        assert_eq!(ann.entities[1].spans, [(20, 25), (30, 35)]);
        assert_eq!(ann.relations[0].arg1, "T2");
        assert_eq!(ann.attribute("T2", "Kind"), Some("direct"));
        assert_eq!(ann.note("T1"), Some("Xi Jinping"));
        assert_eq!(ann.other.len(), 3);
        assert_eq!(ann.problems.len(), 1);
        assert_eq!(ann.problems[0].line, 8);
    }

    #[test]
    fn mismatched_and_out_of_range_spans_are_problems_and_dropped() {
        let article = "Été: Xi Jinping parle.";
        let index = LineIndex::new(article);
        let mut ann = Ann::parse("T1\tPerson 5 15\tXi Jinping\nT2\tPerson 0 3\tÉtÉ\nT3\tPerson 10 99\tx\nR1\tCoref Arg1:T2 Arg2:T1\n");
        ann.validate(article, &index);
        assert_eq!(
            ann.entities
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>(),
            ["T1"]
        );
        let lines: Vec<usize> = ann.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2, 3]);
    }

    #[test]
    fn fragments_never_cross_a_line() {
        let article = "« Un.\n\n« Deux »";
        let index = LineIndex::new(article);
        let r = TextRange::new(article.find("Un").unwrap(), article.find(" »").unwrap());
        assert_eq!(fragments(article, &index, r), [(2, 5), (7, 13)]);
    }
}
