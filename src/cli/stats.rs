//! `newsls stats`: who is quoted, how often and how — per actor (quotes by
//! kind, number of articles, first and last article), per article (quotes,
//! distinct speakers, share of claims unattributed) and for the corpus.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analysis::{actor_key, Analysis, ClaimStatus, QuoteKind};

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

#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    pub articles: Vec<ArticleStats>,
    pub actors: Vec<ActorStats>,
    pub total_articles: usize,
    pub total_quotes: usize,
    pub total_speakers: usize,
    pub total_claims: usize,
    pub total_unattributed_claims: usize,
}

/// Stats over articles given as (name, analysis), in corpus order.
pub fn compute<'a>(articles: impl IntoIterator<Item = (String, &'a Analysis)>) -> Stats {
    let mut by_actor: BTreeMap<String, (ActorStats, BTreeSet<usize>)> = BTreeMap::new();
    let mut res = Stats::default();
    for (i, (name, a)) in articles.into_iter().enumerate() {
        let speakers: BTreeSet<usize> = a.quotes.iter().filter_map(|q| q.speaker).collect();
        let unattributed = a
            .claims
            .iter()
            .filter(|c| c.status == ClaimStatus::Unattributed)
            .count();
        res.articles.push(ArticleStats {
            article: name.clone(),
            quotes: a.quotes.len(),
            unattributed_quotes: a.quotes.iter().filter(|q| q.speaker.is_none()).count(),
            speakers: speakers.len(),
            claims: a.claims.len(),
            unattributed_claims: unattributed,
            vague_claims: a
                .claims
                .iter()
                .filter(|c| c.status == ClaimStatus::VagueSource)
                .count(),
            unattributed_share: if a.claims.is_empty() {
                0.0
            } else {
                unattributed as f64 / a.claims.len() as f64
            },
        });
        for q in &a.quotes {
            let Some(s) = q.speaker else { continue };
            let actor = &a.actors[s];
            let (st, arts) = by_actor.entry(actor_key(&actor.name)).or_insert_with(|| {
                (
                    ActorStats {
                        name: actor.name.clone(),
                        kind: actor.kind.as_str().to_string(),
                        anonymous: !actor.named,
                        first_article: name.clone(),
                        ..ActorStats::default()
                    },
                    BTreeSet::new(),
                )
            });
            st.quotes += 1;
            match q.kind {
                QuoteKind::Direct => st.direct += 1,
                QuoteKind::Mixed => st.mixed += 1,
                QuoteKind::Indirect => st.indirect += 1,
            }
            st.last_article = name.clone();
            arts.insert(i);
        }
    }
    res.total_articles = res.articles.len();
    res.total_quotes = res.articles.iter().map(|a| a.quotes).sum();
    res.total_claims = res.articles.iter().map(|a| a.claims).sum();
    res.total_unattributed_claims = res.articles.iter().map(|a| a.unattributed_claims).sum();
    res.total_speakers = by_actor.len();
    res.actors = by_actor
        .into_values()
        .map(|(mut st, arts)| {
            st.articles = arts.len();
            st
        })
        .collect();
    res.actors
        .sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    res
}

pub fn table(s: &Stats) -> String {
    let mut out = format!(
        "{} article(s), {} quote(s) from {} speaker(s), {} claim(s) of which {} unattributed\n\n",
        s.total_articles,
        s.total_quotes,
        s.total_speakers,
        s.total_claims,
        s.total_unattributed_claims
    );
    out.push_str(&format!(
        "{:<32} {:<13} {:>6} {:>6} {:>6} {:>8} {:>8}  {}\n",
        "speaker", "kind", "quotes", "direct", "mixed", "indirect", "articles", "first … last"
    ));
    for a in &s.actors {
        out.push_str(&format!(
            "{:<32} {:<13} {:>6} {:>6} {:>6} {:>8} {:>8}  {} … {}\n",
            crate::text::excerpt(&a.name, 32),
            a.kind,
            a.quotes,
            a.direct,
            a.mixed,
            a.indirect,
            a.articles,
            a.first_article,
            a.last_article
        ));
    }
    out.push_str(&format!(
        "\n{:<40} {:>6} {:>8} {:>6} {:>12}\n",
        "article", "quotes", "speakers", "claims", "unattributed"
    ));
    for a in &s.articles {
        out.push_str(&format!(
            "{:<40} {:>6} {:>8} {:>6} {:>11.0}%\n",
            crate::text::excerpt(&a.article, 40),
            a.quotes,
            a.speakers,
            a.claims,
            a.unattributed_share * 100.0
        ));
    }
    out
}

/// A Markdown cell: pipes escaped, line breaks flattened.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The report as Markdown tables, for the editors' stats view.
pub fn markdown(s: &Stats) -> String {
    let mut out = format!(
        "# newsls corpus stats\n\n{} article(s), {} quote(s) from {} speaker(s), {} claim(s) of which {} unattributed.\n\n## Speakers\n\n",
        s.total_articles,
        s.total_quotes,
        s.total_speakers,
        s.total_claims,
        s.total_unattributed_claims
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

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Two CSV tables, actors then articles, separated by a blank line.
pub fn csv(s: &Stats) -> String {
    let mut out = String::from(
        "speaker,kind,quotes,direct,mixed,indirect,articles,first_article,last_article\n",
    );
    for a in &s.actors {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            csv_field(&a.name),
            a.kind,
            a.quotes,
            a.direct,
            a.mixed,
            a.indirect,
            a.articles,
            csv_field(&a.first_article),
            csv_field(&a.last_article)
        ));
    }
    out.push_str("\narticle,quotes,unattributed_quotes,speakers,claims,unattributed_claims,vague_claims,unattributed_share\n");
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
