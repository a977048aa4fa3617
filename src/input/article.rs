//! An article as the analysis sees it: the text with its BOM removed, its
//! metadata, and a *prose* copy of the same length in which everything
//! that is not prose (front matter, Markdown code, link targets, markup) is
//! blanked with spaces. Offsets into the prose are offsets into the text.

use crate::lexicon::Lang;
use crate::text::{strip_bom, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
}

impl Format {
    /// The format of a file, from its extension.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub lang: Option<Lang>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Article {
    pub text: String,
    pub prose: String,
    pub format: Format,
    pub meta: Metadata,
}

impl Article {
    pub fn new(text: &str, format: Format) -> Article {
        Article::from_string(strip_bom(text).to_string(), format)
    }

    /// [`Article::new`] on a text the caller owns (read from a file or an
    /// input line): the text is kept, not copied.
    pub fn from_string(mut text: String, format: Format) -> Article {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let mut blank = Vec::new();
        let mut meta = Metadata::default();
        if format == Format::Markdown {
            if let Some((range, m)) = front_matter(&text) {
                blank.push(range);
                meta = m;
            }
            markdown_markup(&text, &mut blank);
        }
        blank.extend(suppressions(&text).into_iter().map(|s| s.range));
        let prose = blanked(&text, &blank);
        Article {
            text,
            prose,
            format,
            meta,
        }
    }

    pub fn plain(text: &str) -> Article {
        Article::new(text, Format::Plain)
    }
}

/// A copy of `text` with every character in `ranges` replaced by spaces of
/// the same byte length; line breaks are kept so lines stay where they are.
fn blanked(text: &str, ranges: &[TextRange]) -> String {
    if ranges.is_empty() {
        return text.to_string();
    }
    let mut bytes = text.as_bytes().to_vec();
    for r in ranges {
        for b in &mut bytes[r.as_range()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Ranges lie on character boundaries, so the result is valid UTF-8; if a
    // caller ever passes a bad range, fall back to the unblanked text.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// YAML (`---`) or TOML (`+++`) front matter at the very start.
fn front_matter(text: &str) -> Option<(TextRange, Metadata)> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != fence {
        return None;
    }
    let mut offset = first_line_end + 1;
    let mut meta = Metadata::default();
    for line in text[offset..].split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == fence {
            return Some((TextRange::new(0, offset), meta));
        }
        let Some((key, value)) = line.split_once(if fence == "---" { ':' } else { '=' }) else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).to_string();
        match key.trim() {
            "lang" | "language" => meta.lang = Lang::from_code(&value),
            "title" => meta.title = Some(value),
            "author" => meta.author = Some(value),
            "date" => meta.date = Some(value),
            _ => {}
        }
    }
    None
}

/// Markdown that is not prose: fenced and indented code, inline code, link
/// and image targets, HTML tags, heading and blockquote markers.
fn markdown_markup(text: &str, acc: &mut Vec<TextRange>) {
    let mut offset = 0;
    let mut in_fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let content_end = start + line.trim_end_matches(['\n', '\r']).len();
        if let Some(fence) = in_fence {
            acc.push(TextRange::new(start, content_end));
            if trimmed.starts_with(fence) {
                in_fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = Some(&trimmed[..3]);
            acc.push(TextRange::new(start, content_end));
            continue;
        }
        if indent >= 4 && !trimmed.trim().is_empty() && line.starts_with("    ") {
            acc.push(TextRange::new(start, content_end));
            continue;
        }
        // Heading and blockquote markers.
        let marker_len = trimmed
            .find(|c: char| c != '#' && c != '>' && c != ' ')
            .unwrap_or(0);
        if trimmed.starts_with('#') || trimmed.starts_with('>') {
            acc.push(TextRange::new(start + indent, start + indent + marker_len));
        }
        inline_markup(text, start, content_end, acc);
    }
}

fn inline_markup(text: &str, start: usize, end: usize, acc: &mut Vec<TextRange>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => {
                let close = line[i + 1..].find('`').map(|j| i + 1 + j);
                let stop = close.map_or(bytes.len(), |c| c + 1);
                acc.push(TextRange::new(start + i, start + stop));
                i = stop;
            }
            b'<' if line[i + 1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') =>
            {
                let stop = line[i..].find('>').map_or(bytes.len(), |j| i + j + 1);
                acc.push(TextRange::new(start + i, start + stop));
                i = stop;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                // Images are not prose at all.
                let stop = link_end(line, i + 1).unwrap_or(i + 2);
                acc.push(TextRange::new(start + i, start + stop));
                i = stop;
            }
            b'[' => {
                if let Some(stop) = link_end(line, i) {
                    let label_end = line[i..].find("](").map_or(i, |j| i + j);
                    acc.push(TextRange::new(start + i, start + i + 1));
                    acc.push(TextRange::new(start + label_end, start + stop));
                    i = stop;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
}

/// End (exclusive) of `[label](target)` starting at `open`.
fn link_end(line: &str, open: usize) -> Option<usize> {
    let label_end = open + line[open..].find("](")?;
    let target_end = label_end + 2 + line[label_end + 2..].find(')')?;
    Some(target_end + 1)
}

/// A suppression marker: `[newsls-ignore]` or `[newsls-ignore CODE …]` in
/// plain text, `<!-- newsls-ignore CODE -->` in Markdown. It silences the
/// named codes (all codes when none is named) for the sentence it ends or
/// sits in. Markers are not prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub range: TextRange,
    /// Empty: every code.
    pub codes: Vec<String>,
}

pub fn suppressions(text: &str) -> Vec<Suppression> {
    let mut res = Vec::new();
    for (open, close) in [("[newsls-ignore", "]"), ("<!-- newsls-ignore", "-->")] {
        let mut from = 0;
        let finder = memchr::memmem::Finder::new(open);
        while let Some(i) = finder.find(&text.as_bytes()[from..]).map(|i| from + i) {
            let body_start = i + open.len();
            let Some(end) = text[body_start..].find(close).map(|j| body_start + j) else {
                break;
            };
            let body = &text[body_start..end];
            from = end + close.len();
            if body.contains('\n') || !(body.is_empty() || body.starts_with(' ')) {
                continue;
            }
            res.push(Suppression {
                range: TextRange::new(i, end + close.len()),
                codes: body.split_whitespace().map(str::to_string).collect(),
            });
        }
    }
    res.sort_by_key(|s| s.range.start);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_metadata_not_prose() {
        let a = Article::new(
            "---\nlang: en\ntitle: \"Talks\"\n---\nThe talks.\n",
            Format::Markdown,
        );
        assert_eq!(a.meta.lang, Some(Lang::En));
        assert_eq!(a.meta.title.as_deref(), Some("Talks"));
        assert_eq!(a.prose.len(), a.text.len());
        assert!(a.prose.trim_start().starts_with("The talks."));
    }

    #[test]
    fn code_and_link_targets_are_blanked() {
        let text =
            "# Titre\nVoir [l’article](https://ex.fr/a) et `code \"x\"`.\n```\n\"pas\"\n```\n";
        let a = Article::new(text, Format::Markdown);
        assert!(a.prose.contains("Titre"));
        assert!(a.prose.contains("l’article"));
        assert!(!a.prose.contains("https"));
        assert!(!a.prose.contains("code"));
        assert!(!a.prose.contains("pas"));
        assert_eq!(a.prose.len(), a.text.len());
    }

    #[test]
    fn plain_text_is_untouched_but_loses_its_bom() {
        let a = Article::plain("\u{feff}« Oui », dit-il.");
        assert_eq!(a.text, "« Oui », dit-il.");
        assert_eq!(a.prose, a.text);
    }

    #[test]
    fn suppression_markers_are_found_and_are_not_prose() {
        let text = "Un accord pourrait être signé. [newsls-ignore unattributed-claim] Suite. <!-- newsls-ignore -->";
        let found = suppressions(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].codes, ["unattributed-claim"]);
        assert!(found[1].codes.is_empty());
        let a = Article::plain(text);
        assert!(!a.prose.contains("newsls-ignore"));
        assert_eq!(a.prose.len(), text.len());
    }
}
