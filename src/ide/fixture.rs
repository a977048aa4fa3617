//! Test fixtures with cursor markers: `$0` marks the cursor, a pair of
//! `$0` marks a range. The markers are removed from the text.

use crate::input::{Format, Settings};
use crate::text::TextRange;

use super::Snapshot;

pub struct Fixture {
    pub snapshot: Snapshot,
    pub cursor: usize,
    pub range: Option<TextRange>,
}

pub fn parse(fixture: &str) -> Fixture {
    parse_with(fixture, Settings::default(), Format::Plain)
}

pub fn parse_with(fixture: &str, settings: Settings, format: Format) -> Fixture {
    let (text, marks) = crate::text::fixture::markers(fixture);
    let cursor = marks.first().copied().unwrap_or(0);
    let range = (marks.len() == 2).then(|| TextRange::new(marks[0], marks[1]));
    Fixture {
        snapshot: Snapshot::new(0, &text, format, settings),
        cursor,
        range,
    }
}

/// A snapshot of `text` (plain text) analysed with `memo`, as the language
/// server makes one after an edit.
pub fn with_memo(text: &str, settings: Settings, memo: &mut crate::analysis::Memo) -> Snapshot {
    Snapshot::with_annotations(
        1,
        text.to_string(),
        Format::Plain,
        settings,
        None,
        Some(memo),
    )
}
