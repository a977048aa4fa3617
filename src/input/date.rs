//! The date of an article, for reports over time: the front matter's
//! `date`, else a date in the article's head, where newspapers put it
//! (a date line under the title, or the dateline starting the first
//! paragraph: `PARIS, 12 mars 2024 (AFP) -`, `Le 23 septembre 2015, …`,
//! `WASHINGTON, March 3, 2024 (Reuters) -`).
//!
//! Only the first three non-blank lines are read, and only their first
//! 160 characters: a date further down is an event the article reports,
//! not the day it was written. A date without a year (`March 3`) is not
//! read: its year would be a guess.

use std::sync::OnceLock;

use regex::Regex;

use crate::input::Article;
use crate::text::fold;

/// A calendar date; `day` is absent when the source only gives a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl Date {
    /// `2015-09-23`, or `2015-09` without a day.
    pub fn iso(self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{d:02}", self.year, self.month),
            None => self.month_key(),
        }
    }

    /// `2015-09`: the month the article belongs to in a timeline.
    pub fn month_key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// The article's date: front matter first, then its head.
pub fn article_date(article: &Article) -> Option<Date> {
    if let Some(d) = article.meta.date.as_deref().and_then(parse_front_matter) {
        return Some(d);
    }
    article
        .prose
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .find_map(|l| {
            let head: String = l.trim().chars().take(160).collect();
            parse(&head)
        })
}

/// Month names and abbreviations, French and English, folded (no accents,
/// lower case). A closed set: the grammar of a written date.
const MONTHS: [(&str, u8); 36] = [
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

fn month_number(folded: &str) -> Option<u8> {
    let name = folded.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == name).map(|&(_, n)| n)
}

struct Patterns {
    iso: Regex,
    day_month_year: Regex,
    month_day_year: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("the date patterns are valid regular expressions");
        Patterns {
            // 2024-03-12, 2024/03/12, 2024-03-12T10:00:00Z
            iso: re(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b"),
            // 12 mars 2024, 1er mai 2020, 3 March 2024
            day_month_year: re(r"\b(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-z]{3,9}\.?)\s+(\d{4})\b"),
            // March 3, 2024; Sept. 3 2024
            month_day_year: re(r"\b([a-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"),
        }
    })
}

/// The first date written in `text`, in one of the forms above.
pub fn parse(text: &str) -> Option<Date> {
    // Every form has a year of four ASCII digits (other digits never parse
    // as a number): without one, the patterns need not run.
    let year = text
        .as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4);
    if !year {
        return None;
    }
    let folded = fold(text);
    let p = patterns();
    let mut found: Vec<(usize, Date)> = Vec::new();
    if let Some(c) = p.iso.captures(&folded) {
        if let Some(d) = date(&c[1], &c[2], Some(&c[3])) {
            found.push((c.get(0).map_or(0, |m| m.start()), d));
        }
    }
    for c in p.day_month_year.captures_iter(&folded) {
        if let Some(d) = month_number(&c[2]).and_then(|m| date(&c[3], &m.to_string(), Some(&c[1])))
        {
            found.push((c.get(0).map_or(0, |m| m.start()), d));
            break;
        }
    }
    for c in p.month_day_year.captures_iter(&folded) {
        if let Some(d) = month_number(&c[1]).and_then(|m| date(&c[3], &m.to_string(), Some(&c[2])))
        {
            found.push((c.get(0).map_or(0, |m| m.start()), d));
            break;
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, d)| d)
}

/// A front matter `date`: any form [`parse`] reads, or a month alone
/// (`2024-03`).
fn parse_front_matter(value: &str) -> Option<Date> {
    parse(value).or_else(|| {
        let (y, m) = value.trim().split_once(['-', '/'])?;
        date(y, m, None)
    })
}

fn date(year: &str, month: &str, day: Option<&str>) -> Option<Date> {
    let year: u16 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let day = match day {
        Some(d) => Some(d.parse::<u8>().ok()?),
        None => None,
    };
    let plausible = (1800..=2200).contains(&year)
        && (1..=12).contains(&month)
        && day.is_none_or(|d| (1..=31).contains(&d));
    plausible.then_some(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;

    fn date_of(text: &str, format: Format) -> Option<String> {
        article_date(&Article::new(text, format)).map(Date::iso)
    }

    #[test]
    fn front_matter_date_wins() {
        let md = "---\ntitle: X\ndate: 2024-03-12\n---\n\nPARIS, 1er mai 2020 (AFP) - Rien.\n";
        assert_eq!(date_of(md, Format::Markdown).as_deref(), Some("2024-03-12"));
        let md = "---\ndate: \"2024-03\"\n---\n\nRien.\n";
        assert_eq!(date_of(md, Format::Markdown).as_deref(), Some("2024-03"));
    }

    #[test]
    fn datelines_in_french_and_english() {
        let cases = [
            (
                "PARIS, 1er mai 2020 (AFP) - Le gouvernement a dit.",
                "2020-05-01",
            ),
            (
                "Titre\n\nmercredi 10 juillet 2013 09h20\n\nPEKIN (Reuters) - …",
                "2013-07-10",
            ),
            (
                "Le 23 septembre 2015, Xi Jinping a assuré que…",
                "2015-09-23",
            ),
            (
                "WASHINGTON, March 3, 2024 (Reuters) - The talks…",
                "2024-03-03",
            ),
            ("LONDON, 3 Feb. 2021 - Rain.", "2021-02-03"),
            ("Le 4 février 2019 à Nantes.", "2019-02-04"),
        ];
        for (text, want) in cases {
            assert_eq!(
                date_of(text, Format::Plain).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn no_year_or_far_down_is_no_date() {
        assert_eq!(
            date_of("WASHINGTON, March 3 (Reuters) - Talks.", Format::Plain),
            None
        );
        let late = "Titre\n\nUn paragraphe.\n\nUn autre.\n\nLe 3 mars 2020, tout a changé.";
        assert_eq!(date_of(late, Format::Plain), None);
        assert_eq!(date_of("Entre 2015 et 2019, rien.", Format::Plain), None);
        assert_eq!(date_of("Il a 45 mai 2019 ans.", Format::Plain), None);
    }
}
