//! (tests only) Cursor markers in test fixtures: `$0` marks a cursor, a
//! pair of `$0` marks a range. Used by the `ide` and `analysis` fixtures.

/// The fixture's text without its markers, and the offset of each marker.
pub fn markers(fixture: &str) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut rest = fixture;
    while let Some(i) = rest.find("$0") {
        text.push_str(&rest[..i]);
        marks.push(text.len());
        rest = &rest[i + 2..];
    }
    text.push_str(rest);
    (text, marks)
}
