//! `newsls stats`: who is quoted, how often and how — per actor (quotes by
//! kind, number of articles, first and last article), per article (quotes,
//! distinct speakers, share of claims unattributed, date and length) and
//! for the corpus. `stats_html` draws the same data as a report.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::article_rows::ArticleRows;
use crate::analysis::{actor_key, Analysis, ClaimStatus, QuoteKind};
use crate::ide::english::count;
use crate::input::{date::article_date, Article};

#[derive(Clone, Debug, Default, Serialize)]
pub struct ActorStats {
    pub name: String,
    pub kind: String,
    /// An unnamed source ("un membre de l'administration").
    pub anonymous: bool,
    pub quotes: usize,
    pub direct: usize,
    pub mixed: usize,
    pub indirect: usize,
    pub articles: usize,
    pub first_article: String,
    pub last_article: String,
    /// Quotes per month (`2015-09`), from the articles that carry a date.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub months: BTreeMap<String, usize>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct ArticleStats {
    pub article: String,
    pub quotes: usize,
    pub unattributed_quotes: usize,
    pub speakers: usize,
    pub claims: usize,
    pub unattributed_claims: usize,
    pub vague_claims: usize,
    /// Share of claims unattributed (0 when there are no claims).
    pub unattributed_share: f64,
    /// The article's date (`2015-09-23`, or `2015-09`): front matter
    /// `date`, else the dateline (`input::date`).
    pub date: Option<String>,
    /// Words of prose (Markdown markup and front matter left out).
    pub words: usize,
}

/// The quotes whose speaker was not found, counted like a speaker's, so
/// that the speakers' rows and this one add up to the corpus total.
#[derive(Clone, Debug, Default, Serialize)]
pub struct UnattributedQuotes {
    pub quotes: usize,
    pub direct: usize,
    pub mixed: usize,
    pub indirect: usize,
    pub articles: usize,
    pub first_article: String,
    pub last_article: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    pub articles: ArticleRows,
    pub actors: Vec<ActorStats>,
    pub unattributed_quotes: UnattributedQuotes,
    pub total_articles: usize,
    pub total_quotes: usize,
    pub total_speakers: usize,
    pub total_claims: usize,
    pub total_unattributed_claims: usize,
}

/// Words of prose: runs of non-space characters holding a letter or digit.
/// Whitespace-separated tokens with a letter or digit, in one pass over
/// the characters (what `split_whitespace` and a filter would count).
fn word_count(article: &Article) -> usize {
    let (mut count, mut counted) = (0, false);
    for c in article.prose.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            count += 1;
            counted = true;
        }
    }
    count
}

/// What `stats` keeps of one article, computed where it was analysed so
/// the analysis can be dropped: its row, and its quotes by speaker.
pub struct ArticleSummary {
    row: ArticleStats,
    /// The month of the article's date (`2015-09`), if it has one.
    month: Option<String>,
    /// One entry per speaker key, in the order of their first quote.
    speakers: Vec<SpeakerQuotes>,
    /// Quotes with no speaker found: direct, mixed, indirect.
    no_speaker: [usize; 3],
}

/// The quotes of one speaker in one article, with the speaker as its first
/// quote there names it.
struct SpeakerQuotes {
    key: String,
    name: String,
    kind: &'static str,
    anonymous: bool,
    /// Direct, mixed, indirect.
    by_kind: [usize; 3],
}

fn kind_index(kind: QuoteKind) -> usize {
    match kind {
        QuoteKind::Direct => 0,
        QuoteKind::Mixed => 1,
        QuoteKind::Indirect => 2,
    }
}

impl ArticleSummary {
    /// The summary of the article `name`.
    pub fn new(name: String, article: &Article, a: &Analysis) -> ArticleSummary {
        let date = article_date(article);
        let n_speakers = a
            .quotes
            .iter()
            .filter_map(|q| q.speaker)
            .collect::<BTreeSet<usize>>()
            .len();
        let count = |status| a.claims.iter().filter(|c| c.status == status).count();
        let unattributed = count(ClaimStatus::Unattributed);
        let mut speakers: Vec<SpeakerQuotes> = Vec::new();
        let mut no_speaker = [0; 3];
        for q in &a.quotes {
            let Some(s) = q.speaker else {
                no_speaker[kind_index(q.kind)] += 1;
                continue;
            };
            let actor = &a.actors[s];
            let key = actor_key(&actor.name);
            let at = match speakers.iter().position(|sp| sp.key == key) {
                Some(at) => at,
                None => {
                    speakers.push(SpeakerQuotes {
                        key,
                        name: actor.name.clone(),
                        kind: actor.kind.as_str(),
                        anonymous: !actor.named,
                        by_kind: [0; 3],
                    });
                    speakers.len() - 1
                }
            };
            speakers[at].by_kind[kind_index(q.kind)] += 1;
        }
        ArticleSummary {
            row: ArticleStats {
                article: name,
                quotes: a.quotes.len(),
                unattributed_quotes: no_speaker.iter().sum(),
                speakers: n_speakers,
                claims: a.claims.len(),
                unattributed_claims: unattributed,
                vague_claims: count(ClaimStatus::VagueSource),
                unattributed_share: if a.claims.is_empty() {
                    0.0
                } else {
                    unattributed as f64 / a.claims.len() as f64
                },
                date: date.map(|d| d.iso()),
                words: word_count(article),
            },
            month: date.map(|d| d.month_key()),
            speakers,
            no_speaker,
        }
    }
}

/// The stats of a corpus, built one article summary at a time in corpus
/// order (first and last articles depend on it).
#[derive(Default)]
pub struct Aggregate {
    res: Stats,
    by_actor: BTreeMap<String, ActorStats>,
}

impl Aggregate {
    pub fn add(&mut self, summary: ArticleSummary) {
        let ArticleSummary {
            row,
            month,
            speakers,
            no_speaker,
        } = summary;
        let name = &row.article;
        let u = &mut self.res.unattributed_quotes;
        if no_speaker.iter().sum::<usize>() > 0 {
            if u.articles == 0 {
                u.first_article = name.clone();
            }
            u.articles += 1;
            u.last_article = name.clone();
            u.quotes += no_speaker.iter().sum::<usize>();
            u.direct += no_speaker[0];
            u.mixed += no_speaker[1];
            u.indirect += no_speaker[2];
        }
        for sp in speakers {
            let st = self.by_actor.entry(sp.key).or_insert_with(|| ActorStats {
                name: sp.name,
                kind: sp.kind.to_string(),
                anonymous: sp.anonymous,
                first_article: name.clone(),
                ..ActorStats::default()
            });
            st.quotes += sp.by_kind.iter().sum::<usize>();
            st.direct += sp.by_kind[0];
            st.mixed += sp.by_kind[1];
            st.indirect += sp.by_kind[2];
            st.articles += 1;
            st.last_article.clone_from(name);
            if let Some(m) = &month {
                *st.months.entry(m.clone()).or_default() += sp.by_kind.iter().sum::<usize>();
            }
        }
        self.res.articles.push(&row);
    }

    pub fn finish(self) -> Stats {
        let Aggregate { mut res, by_actor } = self;
        res.total_articles = res.articles.len();
        res.total_quotes = res.articles.iter().map(|a| a.quotes).sum();
        res.total_claims = res.articles.iter().map(|a| a.claims).sum();
        res.total_unattributed_claims = res.articles.iter().map(|a| a.unattributed_claims).sum();
        res.total_speakers = by_actor.len();
        res.actors = by_actor.into_values().collect();
        res.actors
            .sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        res
    }
}

/// Stats over articles given as (name, article, analysis), in corpus order.
pub fn compute<'a>(
    articles: impl IntoIterator<Item = (String, &'a Article, &'a Analysis)>,
) -> Stats {
    let mut acc = Aggregate::default();
    for (name, article, a) in articles {
        acc.add(ArticleSummary::new(name, article, a));
    }
    acc.finish()
}

/// The first line of the table and Markdown reports.
pub(crate) fn headline(s: &Stats) -> String {
    let u = s.unattributed_quotes.quotes;
    let quotes = if u == 0 {
        format!(
            "{} from {}",
            count(s.total_quotes, "quote", "quotes"),
            count(s.total_speakers, "speaker", "speakers")
        )
    } else {
        format!(
            "{} ({} from {}, {} with no speaker found)",
            count(s.total_quotes, "quote", "quotes"),
            s.total_quotes - u,
            count(s.total_speakers, "speaker", "speakers"),
            u
        )
    };
    format!(
        "{}, {quotes}, {} of which {} unattributed",
        count(s.total_articles, "article", "articles"),
        count(s.total_claims, "claim", "claims"),
        s.total_unattributed_claims
    )
}

/// The name shown for quotes whose speaker was not found.
pub(crate) const NO_SPEAKER: &str = "(no speaker found)";

/// Aligned columns of `n_rows` rows: `cell(row, col)` gives a cell, and
/// `right[i]` right-aligns column `i`. Widths come from the content, so no
/// name is cut. Cells are computed when needed (twice: widths, then the
/// line), never held: a table of 100,000 articles costs one line of memory.
fn write_columns<'a>(
    out: &mut impl Write,
    n_rows: usize,
    right: &[bool],
    cell: impl Fn(usize, usize) -> Cow<'a, str>,
) -> std::io::Result<()> {
    let mut widths = vec![0; right.len()];
    for row in 0..n_rows {
        for (col, w) in widths.iter_mut().enumerate() {
            *w = (*w).max(cell(row, col).chars().count());
        }
    }
    let mut line = String::new();
    for row in 0..n_rows {
        line.clear();
        for (col, &w) in widths.iter().enumerate() {
            if col > 0 {
                line.push_str("  ");
            }
            let cell = cell(row, col);
            // Writing to a String cannot fail.
            let _ = if right[col] {
                write!(line, "{cell:>w$}")
            } else {
                write!(line, "{cell:<w$}")
            };
        }
        out.write_all(line.trim_end().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A number as a cell.
fn num(n: usize) -> Cow<'static, str> {
    Cow::Owned(n.to_string())
}

/// The report for a terminal: a headline, the speakers (anonymous sources
/// marked, quotes with no speaker found on the last row), the articles.
pub fn write_table(out: &mut impl Write, s: &Stats) -> std::io::Result<()> {
    out.write_all(headline(s).as_bytes())?;
    out.write_all(b"\n\n")?;
    const SPEAKERS: [&str; 10] = [
        "speaker", "kind", "source", "quotes", "direct", "mixed", "indirect", "articles", "first",
        "last",
    ];
    let u = &s.unattributed_quotes;
    let n_rows = 1 + s.actors.len() + usize::from(u.quotes > 0);
    let right = [
        false, false, false, true, true, true, true, true, false, false,
    ];
    write_columns(out, n_rows, &right, |row, col| {
        if row == 0 {
            return Cow::Borrowed(SPEAKERS[col]);
        }
        match s.actors.get(row - 1) {
            Some(a) => match col {
                0 => Cow::Borrowed(a.name.as_str()),
                1 => Cow::Borrowed(a.kind.as_str()),
                2 => Cow::Borrowed(if a.anonymous { "anonymous" } else { "named" }),
                3 => num(a.quotes),
                4 => num(a.direct),
                5 => num(a.mixed),
                6 => num(a.indirect),
                7 => num(a.articles),
                8 => Cow::Borrowed(a.first_article.as_str()),
                _ => Cow::Borrowed(a.last_article.as_str()),
            },
            None => match col {
                0 => Cow::Borrowed(NO_SPEAKER),
                1 | 2 => Cow::Borrowed(""),
                3 => num(u.quotes),
                4 => num(u.direct),
                5 => num(u.mixed),
                6 => num(u.indirect),
                7 => num(u.articles),
                8 => Cow::Borrowed(u.first_article.as_str()),
                _ => Cow::Borrowed(u.last_article.as_str()),
            },
        }
    })?;
    out.write_all(b"\n")?;
    const ARTICLES: [&str; 7] = [
        "article",
        "quotes",
        "no speaker",
        "speakers",
        "claims",
        "unattributed claims",
        "vague",
    ];
    let right = [false, true, true, true, true, true, true];
    write_columns(out, 1 + s.articles.len(), &right, |row, col| {
        let Some(a) = row.checked_sub(1).and_then(|i| s.articles.get(i)) else {
            return Cow::Borrowed(ARTICLES[col]);
        };
        match col {
            0 => Cow::Owned(a.article),
            1 => num(a.quotes),
            2 => num(a.unattributed_quotes),
            3 => num(a.speakers),
            4 => num(a.claims),
            5 => Cow::Owned(format!(
                "{} ({:.0}%)",
                a.unattributed_claims,
                a.unattributed_share * 100.0
            )),
            _ => num(a.vague_claims),
        }
    })
}

/// [`write_table`] into a string.
pub fn table(s: &Stats) -> String {
    to_string(|out| write_table(out, s))
}

fn to_string(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and only UTF-8 is written.
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// A Markdown cell: pipes escaped, line breaks flattened.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The report as Markdown tables, for the editors' stats view.
pub fn write_markdown(out: &mut impl Write, s: &Stats) -> std::io::Result<()> {
    write!(
        out,
        "# newsls corpus stats\n\n{}.\n\n## Speakers\n\n",
        headline(s)
    )?;
    out.write_all(
        b"| speaker | kind | quotes | direct | mixed | indirect | articles | first | last |\n",
    )?;
    out.write_all(b"| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n")?;
    for a in &s.actors {
        let name = if a.anonymous {
            format!("{} *(unnamed)*", md_cell(&a.name))
        } else {
            md_cell(&a.name)
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            name,
            a.kind,
            a.quotes,
            a.direct,
            a.mixed,
            a.indirect,
            a.articles,
            md_cell(&a.first_article),
            md_cell(&a.last_article)
        )?;
    }
    let u = &s.unattributed_quotes;
    if u.quotes > 0 {
        writeln!(
            out,
            "| *{}* |  | {} | {} | {} | {} | {} | {} | {} |",
            NO_SPEAKER,
            u.quotes,
            u.direct,
            u.mixed,
            u.indirect,
            u.articles,
            md_cell(&u.first_article),
            md_cell(&u.last_article)
        )?;
    }
    out.write_all(b"\n## Articles\n\n| article | quotes | unattributed quotes | speakers | claims | unattributed | vague |\n")?;
    out.write_all(b"| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")?;
    for a in s.articles.iter() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.0}% | {} |",
            md_cell(&a.article),
            a.quotes,
            a.unattributed_quotes,
            a.speakers,
            a.claims,
            a.unattributed_share * 100.0,
            a.vague_claims
        )?;
    }
    Ok(())
}

/// [`write_markdown`] into a string.
pub fn markdown(s: &Stats) -> String {
    to_string(|out| write_markdown(out, s))
}

/// Which table `--format csv` writes: a CSV file holds one table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    /// One row per speaker, then one for quotes with no speaker found
    /// (empty `speaker`).
    #[default]
    Speakers,
    /// One row per article.
    Articles,
}

fn csv_field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// One CSV table, with a header row.
pub fn write_csv(out: &mut impl Write, s: &Stats, table: CsvTable) -> std::io::Result<()> {
    match table {
        CsvTable::Speakers => {
            out.write_all(
                b"speaker,kind,anonymous,quotes,direct,mixed,indirect,articles,first_article,last_article\n",
            )?;
            for a in &s.actors {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{}",
                    csv_field(&a.name),
                    a.kind,
                    a.anonymous,
                    a.quotes,
                    a.direct,
                    a.mixed,
                    a.indirect,
                    a.articles,
                    csv_field(&a.first_article),
                    csv_field(&a.last_article)
                )?;
            }
            let u = &s.unattributed_quotes;
            if u.quotes > 0 {
                writeln!(
                    out,
                    ",,,{},{},{},{},{},{},{}",
                    u.quotes,
                    u.direct,
                    u.mixed,
                    u.indirect,
                    u.articles,
                    csv_field(&u.first_article),
                    csv_field(&u.last_article)
                )?;
            }
        }
        CsvTable::Articles => {
            out.write_all(b"article,quotes,unattributed_quotes,speakers,claims,unattributed_claims,vague_claims,unattributed_share\n")?;
            for a in s.articles.iter() {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{:.3}",
                    csv_field(&a.article),
                    a.quotes,
                    a.unattributed_quotes,
                    a.speakers,
                    a.claims,
                    a.unattributed_claims,
                    a.vague_claims,
                    a.unattributed_share
                )?;
            }
        }
    }
    Ok(())
}

/// [`write_csv`] into a string.
pub fn csv(s: &Stats, table: CsvTable) -> String {
    to_string(|out| write_csv(out, s, table))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;

    #[test]
    fn words_are_whitespace_tokens_with_a_letter_or_digit() {
        let count = |text: &str| word_count(&Article::new(text, Format::Plain));
        assert_eq!(count("L’agence a dit\u{a0}: « 3,5 % » — rien."), 5);
        assert_eq!(count("  tab\there\r\nCRLF  …  "), 3);
        assert_eq!(count("Les élèves 🙂 ont vu 😀x"), 5);
        assert_eq!(count(""), 0);
    }
}
