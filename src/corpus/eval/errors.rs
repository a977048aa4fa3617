//! The errors of an evaluation as data: every miss, false hit and wrong
//! speaker or source, with its place, what the gold and newsls say, what
//! the analysis shows of the rule that fired, and a *class* built from
//! general features of the error (casing, length, where the cue is, how a
//! name relates to the gold name), never from the words of a sentence.
//!
//! [`class_table`] counts the classes so the biggest come first;
//! [`sort_errors`] orders the full list the same way.

use std::collections::HashMap;
use std::path::Path;

/// What an error is about, in the order they are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Direct and mixed quotes.
    Quotes,
    IndirectQuotes,
    /// Speakers of matched direct and mixed quotes.
    Speakers,
    /// Named actors.
    Actors,
    UnattributedClaims,
    VagueSources,
    /// Attributed claims and their sources.
    AttributedClaims,
    /// Warnings a reader would see and the gold does not support: an
    /// `unattributed-claim` or `vague-source` on a sentence the gold lists
    /// neither as unattributed nor as borderline, an `unattributed-quote`
    /// on a quote whose gold speaker is named or on a non-quote.
    FalseWarnings,
    /// Gold strings not found in the article (a problem of the gold).
    Gold,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Quotes,
        Category::IndirectQuotes,
        Category::Speakers,
        Category::Actors,
        Category::UnattributedClaims,
        Category::VagueSources,
        Category::AttributedClaims,
        Category::FalseWarnings,
        Category::Gold,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Category::Quotes => "quotes",
            Category::IndirectQuotes => "indirect-quotes",
            Category::Speakers => "speakers",
            Category::Actors => "actors",
            Category::UnattributedClaims => "unattributed-claims",
            Category::VagueSources => "vague-sources",
            Category::AttributedClaims => "attributed-claims",
            Category::FalseWarnings => "false-warnings",
            Category::Gold => "gold",
        }
    }

    /// The heading in the text report.
    pub fn title(self) -> &'static str {
        match self {
            Category::Quotes => "quotes (direct+mixed)",
            Category::IndirectQuotes => "quotes (indirect)",
            Category::Speakers => "speakers",
            Category::Actors => "named actors",
            Category::UnattributedClaims => "unattributed claims",
            Category::VagueSources => "vague-source claims",
            Category::AttributedClaims => "attributed claims",
            Category::FalseWarnings => "false warnings",
            Category::Gold => "gold problems",
        }
    }

    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Which way the system and the gold disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// In the gold, not found by newsls.
    Missed,
    /// Found by newsls, not in the gold.
    False,
    /// Found by both, with a different speaker or source.
    Wrong,
}

/// One error of the evaluation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct EvalError {
    pub category: Category,
    pub kind: ErrorKind,
    /// `primary · detail`, from general features of the error.
    pub class: String,
    /// The article as given on the command line (set by the caller).
    pub article: String,
    /// 1-based line and column (in characters) of the item; `None` for a
    /// gold string that is not in the text.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The item's words, shortened.
    pub snippet: String,
    /// What the gold says (kind, speaker, source, name, reason).
    pub expected: Option<String>,
    /// What newsls says.
    pub found: Option<String>,
    /// The rule that produced the system item, when the analysis records
    /// it: the claim marker kind, the vague-source phrase, the finding
    /// code, the actor's origin (registry, gazetteer, acronym, proper name,
    /// description; inferred from the actor's fields), and for quotes and
    /// speakers the construction that named the speaker
    /// ([`crate::analysis::Quote::construction`]).
    pub rule: Option<String>,
    /// What the analysis shows of how it got there: the cue, the marker,
    /// the mention the speaker was reached through.
    pub evidence: Option<String>,
}

impl EvalError {
    pub(super) fn expected(mut self, s: impl Into<String>) -> EvalError {
        self.expected = Some(s.into());
        self
    }

    pub(super) fn found(mut self, s: impl Into<String>) -> EvalError {
        self.found = Some(s.into());
        self
    }

    pub(super) fn rule(mut self, s: Option<String>) -> EvalError {
        self.rule = s;
        self
    }

    pub(super) fn evidence(mut self, s: Option<String>) -> EvalError {
        self.evidence = s;
        self
    }

    /// The part of the class before ` · `.
    pub fn primary_class(&self) -> &str {
        primary(&self.class)
    }

    /// `article-stem:line «snippet»`, for examples.
    pub fn example(&self) -> String {
        let stem = Path::new(&self.article)
            .file_stem()
            .map_or(self.article.clone(), |s| s.to_string_lossy().to_string());
        match self.line {
            Some(line) => format!("{stem}:{line} «{}»", self.snippet),
            None => format!("{stem} «{}»", self.snippet),
        }
    }
}

fn primary(class: &str) -> &str {
    class.split(" · ").next().unwrap_or(class)
}

/// One class of errors with its size and a few examples.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ClassRow {
    pub category: Category,
    pub class: String,
    pub count: usize,
    /// Up to three, as `article-stem:line «snippet»`.
    pub examples: Vec<String>,
}

impl ClassRow {
    pub fn primary_class(&self) -> &str {
        primary(&self.class)
    }
}

/// The classes of `errors`: by category, then primary classes by size,
/// then classes by size (ties by name), each with three examples.
pub fn class_table(errors: &[EvalError]) -> Vec<ClassRow> {
    let mut rows: Vec<ClassRow> = Vec::new();
    let mut index: HashMap<(Category, &str), usize> = HashMap::new();
    for e in errors {
        let i = *index.entry((e.category, &e.class)).or_insert_with(|| {
            rows.push(ClassRow {
                category: e.category,
                class: e.class.clone(),
                count: 0,
                examples: Vec::new(),
            });
            rows.len() - 1
        });
        rows[i].count += 1;
        if rows[i].examples.len() < 3 {
            rows[i].examples.push(e.example());
        }
    }
    let mut primary_sizes: HashMap<(Category, String), usize> = HashMap::new();
    for r in &rows {
        *primary_sizes
            .entry((r.category, r.primary_class().to_string()))
            .or_default() += r.count;
    }
    let primary_size = |r: &ClassRow| primary_sizes[&(r.category, r.primary_class().to_string())];
    rows.sort_by(|a, b| {
        a.category
            .cmp(&b.category)
            .then(primary_size(b).cmp(&primary_size(a)))
            .then(a.primary_class().cmp(b.primary_class()))
            .then(b.count.cmp(&a.count))
            .then(a.class.cmp(&b.class))
    });
    rows
}

/// Orders `errors` as `rows` (from [`class_table`]), then by article and
/// line.
pub fn sort_errors(errors: &mut [EvalError], rows: &[ClassRow]) {
    let rank: HashMap<(Category, &str), usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.category, r.class.as_str()), i))
        .collect();
    errors.sort_by_cached_key(|e| {
        (
            rank.get(&(e.category, e.class.as_str()))
                .copied()
                .unwrap_or(usize::MAX),
            e.article.clone(),
            e.line,
            e.column,
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(category: Category, class: &str, line: u32) -> EvalError {
        EvalError {
            category,
            kind: ErrorKind::Missed,
            class: class.to_string(),
            article: "corpus/a1.txt".to_string(),
            line: Some(line),
            column: Some(1),
            snippet: format!("s{line}"),
            expected: None,
            found: None,
            rule: None,
            evidence: None,
        }
    }

    #[test]
    fn biggest_primary_class_first_then_biggest_detail() {
        let mut errors = vec![
            error(Category::Actors, "missed · acronym", 1),
            error(Category::Quotes, "false · short", 2),
            error(Category::Actors, "false · all caps", 3),
            error(Category::Actors, "false · sentence start", 4),
            error(Category::Actors, "false · all caps", 5),
            error(Category::Actors, "missed · acronym", 6),
        ];
        let rows = class_table(&errors);
        let got: Vec<(&str, usize)> = rows.iter().map(|r| (r.class.as_str(), r.count)).collect();
        assert_eq!(
            got,
            [
                ("false · short", 1),
                ("false · all caps", 2),
                ("false · sentence start", 1),
                ("missed · acronym", 2),
            ]
        );
        assert_eq!(rows[1].examples, ["a1:3 «s3»", "a1:5 «s5»"]);
        sort_errors(&mut errors, &rows);
        let lines: Vec<u32> = errors.iter().filter_map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 5, 4, 1, 6]);
    }

    #[test]
    fn category_names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.name()), Some(c));
        }
    }
}
