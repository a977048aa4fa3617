//! The workspace index: a compact summary of every article, enough for
//! corpus-wide references, rename, workspace symbols and hover counts
//! without keeping texts or analyses in memory.
//!
//! Spans are stored as line/column pairs in the position encoding the
//! server negotiated, so they can be sent to the client as they are.

use crate::analysis::{actor_key, Analysis, MentionKind, QuoteKind};
use crate::lexicon::ActorKind;
use crate::text::{excerpt, fold, LineCol, LineIndex, TextRange};

/// Column unit of the stored spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    Utf8,
    Utf16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: LineCol,
    pub end: LineCol,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorSummary {
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub named: bool,
    /// Every mention, and whether it is written with the canonical name
    /// (what a rename edits).
    pub mentions: Vec<(Span, bool)>,
    pub quotes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSummary {
    pub span: Span,
    pub excerpt: String,
    pub kind: QuoteKind,
    /// Index into [`Summary::actors`].
    pub speaker: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub actors: Vec<ActorSummary>,
    pub quotes: Vec<QuoteSummary>,
}

pub fn summarize(text: &str, a: &Analysis, columns: Columns) -> Summary {
    let index = LineIndex::new(text);
    let span = |r: TextRange| {
        let lc = |o: usize| match columns {
            Columns::Utf8 => index.line_col_utf8(o),
            Columns::Utf16 => index.line_col_utf16(text, o),
        };
        Span {
            start: lc(r.start()),
            end: lc(r.end()),
        }
    };
    let actors = a
        .actors
        .iter()
        .enumerate()
        .map(|(id, actor)| {
            let canonical = fold(&actor.name);
            ActorSummary {
                key: actor_key(&actor.name),
                name: actor.name.clone(),
                kind: actor.kind,
                named: actor.named,
                mentions: actor
                    .mentions
                    .iter()
                    .map(|&m| {
                        let mention = &a.mentions[m];
                        let full = mention.kind == MentionKind::Name
                            && fold(&text[mention.range.as_range()]) == canonical;
                        (span(mention.range), full)
                    })
                    .collect(),
                quotes: a.quotes.iter().filter(|q| q.speaker == Some(id)).count() as u32,
            }
        })
        .collect();
    let quotes = a
        .quotes
        .iter()
        .map(|q| QuoteSummary {
            span: span(q.range),
            excerpt: excerpt(&text[q.content.as_range()], 60),
            kind: q.kind,
            speaker: q.speaker.map(|s| s as u32),
        })
        .collect();
    Summary { actors, quotes }
}

impl Summary {
    pub fn actor(&self, key: &str) -> Option<&ActorSummary> {
        self.actors.iter().find(|a| a.key == key)
    }
}

/// Counts of an actor across summaries: (mentions, quotes, articles
/// mentioning it, articles quoting it).
pub fn counts<'a>(
    summaries: impl IntoIterator<Item = &'a Summary>,
    key: &str,
) -> (usize, usize, usize, usize) {
    let mut res = (0, 0, 0, 0);
    for s in summaries {
        if let Some(a) = s.actor(key) {
            res.0 += a.mentions.len();
            res.1 += a.quotes as usize;
            res.2 += 1;
            res.3 += usize::from(a.quotes > 0);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, AnalysisConfig};
    use crate::input::Article;

    #[test]
    fn summaries_keep_spans_names_and_quote_counts() {
        let text =
            "« Oui », a dit Barack Obama.\r\nPuis Obama est parti. « Non », a dit Barack Obama.";
        let a = analyze(
            &Article::plain(text),
            &AnalysisConfig {
                language: None,
                actors: Vec::new(),
                annotations: None,
            },
        );
        let s = summarize(text, &a, Columns::Utf16);
        let obama = s.actor("barack obama").unwrap();
        assert_eq!(obama.quotes, 2);
        assert_eq!(obama.mentions.len(), 3);
        assert_eq!(obama.mentions.iter().filter(|(_, full)| *full).count(), 2);
        assert_eq!(obama.mentions[1].0.start, LineCol { line: 1, col: 5 });
        assert_eq!(counts([&s, &s], "barack obama"), (6, 4, 2, 2));
    }
}
