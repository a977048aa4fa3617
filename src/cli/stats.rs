//! `newsls stats`: who is quoted, how often and how — per actor (quotes by
//! kind, number of articles, first and last article), per article (quotes,
//! distinct speakers, share of claims unattributed) and for the corpus.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analysis::{actor_key, Analysis, ClaimStatus, QuoteKind};
use crate::ide::english::count;

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
    pub articles: Vec<ArticleStats>,
    pub actors: Vec<ActorStats>,
    pub unattributed_quotes: UnattributedQuotes,
    pub total_articles: usize,
    pub total_quotes: usize,
    pub total_speakers: usize,
    pub total_claims: usize,
    pub total_unattributed_claims: usize,
}

/// What `stats` keeps of one article, computed where it was analysed so
/// the analysis can be dropped: its row, and its quotes by speaker.
pub struct ArticleSummary {
    row: ArticleStats,
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
    pub fn new(name: String, a: &Analysis) -> ArticleSummary {
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
            },
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
        }
        self.res.articles.push(row);
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

/// Stats over articles given as (name, analysis), in corpus order.
pub fn compute<'a>(articles: impl IntoIterator<Item = (String, &'a Analysis)>) -> Stats {
    let mut acc = Aggregate::default();
    for (name, a) in articles {
        acc.add(ArticleSummary::new(name, a));
    }
    acc.finish()
}

/// The first line of the table and Markdown reports.
fn headline(s: &Stats) -> String {
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
const NO_SPEAKER: &str = "(no speaker found)";

/// Rows of cells as aligned columns: `right[i]` right-aligns column `i`.
/// Widths come from the content, so no name is cut.
fn columns(rows: &[Vec<String>], right: &[bool]) -> String {
    let n = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..n)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let w = widths[i];
            if right.get(i).copied().unwrap_or(false) {
                line.push_str(&format!("{cell:>w$}"));
            } else {
                line.push_str(&format!("{cell:<w$}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The report for a terminal: a headline, the speakers (anonymous sources
/// marked, quotes with no speaker found on the last row), the articles.
pub fn table(s: &Stats) -> String {
    let mut out = headline(s);
    out.push_str("\n\n");
    let mut rows = vec![[
        "speaker", "kind", "source", "quotes", "direct", "mixed", "indirect", "articles", "first",
        "last",
    ]
    .map(String::from)
    .to_vec()];
    for a in &s.actors {
        rows.push(vec![
            a.name.clone(),
            a.kind.clone(),
            if a.anonymous { "anonymous" } else { "named" }.to_string(),
            a.quotes.to_string(),
            a.direct.to_string(),
            a.mixed.to_string(),
            a.indirect.to_string(),
            a.articles.to_string(),
            a.first_article.clone(),
            a.last_article.clone(),
        ]);
    }
    let u = &s.unattributed_quotes;
    if u.quotes > 0 {
        rows.push(vec![
            NO_SPEAKER.to_string(),
            String::new(),
            String::new(),
            u.quotes.to_string(),
            u.direct.to_string(),
            u.mixed.to_string(),
            u.indirect.to_string(),
            u.articles.to_string(),
            u.first_article.clone(),
            u.last_article.clone(),
        ]);
    }
    let right = [
        false, false, false, true, true, true, true, true, false, false,
    ];
    out.push_str(&columns(&rows, &right));
    out.push('\n');
    let mut rows = vec![[
        "article",
        "quotes",
        "no speaker",
        "speakers",
        "claims",
        "unattributed claims",
        "vague",
    ]
    .map(String::from)
    .to_vec()];
    for a in &s.articles {
        rows.push(vec![
            a.article.clone(),
            a.quotes.to_string(),
            a.unattributed_quotes.to_string(),
            a.speakers.to_string(),
            a.claims.to_string(),
            format!(
                "{} ({:.0}%)",
                a.unattributed_claims,
                a.unattributed_share * 100.0
            ),
            a.vague_claims.to_string(),
        ]);
    }
    out.push_str(&columns(
        &rows,
        &[false, true, true, true, true, true, true],
    ));
    out
}

/// A Markdown cell: pipes escaped, line breaks flattened.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The report as Markdown tables, for the editors' stats view.
pub fn markdown(s: &Stats) -> String {
    let mut out = format!(
        "# newsls corpus stats\n\n{}.\n\n## Speakers\n\n",
        headline(s)
    );
    out.push_str(
        "| speaker | kind | quotes | direct | mixed | indirect | articles | first | last |\n",
    );
    out.push_str("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for a in &s.actors {
        let name = if a.anonymous {
            format!("{} *(unnamed)*", md_cell(&a.name))
        } else {
            md_cell(&a.name)
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            name,
            a.kind,
            a.quotes,
            a.direct,
            a.mixed,
            a.indirect,
            a.articles,
            md_cell(&a.first_article),
            md_cell(&a.last_article)
        ));
    }
    let u = &s.unattributed_quotes;
    if u.quotes > 0 {
        out.push_str(&format!(
            "| *{}* |  | {} | {} | {} | {} | {} | {} | {} |\n",
            NO_SPEAKER,
            u.quotes,
            u.direct,
            u.mixed,
            u.indirect,
            u.articles,
            md_cell(&u.first_article),
            md_cell(&u.last_article)
        ));
    }
    out.push_str("\n## Articles\n\n| article | quotes | unattributed quotes | speakers | claims | unattributed | vague |\n");
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for a in &s.articles {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {:.0}% | {} |\n",
            md_cell(&a.article),
            a.quotes,
            a.unattributed_quotes,
            a.speakers,
            a.claims,
            a.unattributed_share * 100.0,
            a.vague_claims
        ));
    }
    out
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

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV table, with a header row.
pub fn csv(s: &Stats, table: CsvTable) -> String {
    match table {
        CsvTable::Speakers => {
            let mut out = String::from(
                "speaker,kind,anonymous,quotes,direct,mixed,indirect,articles,first_article,last_article\n",
            );
            for a in &s.actors {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{}\n",
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
                ));
            }
            let u = &s.unattributed_quotes;
            if u.quotes > 0 {
                out.push_str(&format!(
                    ",,,{},{},{},{},{},{},{}\n",
                    u.quotes,
                    u.direct,
                    u.mixed,
                    u.indirect,
                    u.articles,
                    csv_field(&u.first_article),
                    csv_field(&u.last_article)
                ));
            }
            out
        }
        CsvTable::Articles => {
            let mut out = String::from("article,quotes,unattributed_quotes,speakers,claims,unattributed_claims,vague_claims,unattributed_share\n");
            for a in &s.articles {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{:.3}\n",
                    csv_field(&a.article),
                    a.quotes,
                    a.unattributed_quotes,
                    a.speakers,
                    a.claims,
                    a.unattributed_claims,
                    a.vague_claims,
                    a.unattributed_share
                ));
            }
            out
        }
    }
}
