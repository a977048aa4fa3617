//! `newsls stats` summarises each article where it is analysed and drops
//! the analysis; the report must be the one computed from every analysis
//! kept to the end. `reference` below is that computation as it was before
//! streaming (`cli::stats::compute` over the whole corpus, as on main
//! at 392c280, with the dates, word counts and months of the HTML report), kept here verbatim so the two cannot drift together; the
//! binary's `--format json` must print exactly what it gives, on the
//! fixtures, the examples and a generated corpus.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use newsls::analysis::{actor_key, Analysis, ClaimStatus, QuoteKind};
use newsls::cli::stats::{ActorStats, ArticleStats, Stats};
use newsls::input::{date::article_date, Article};

use crate::{fixtures, newsls};

#[path = "../common/generate.rs"]
#[allow(dead_code)]
mod generate;

/// Words of prose: runs of non-space characters holding a letter or digit.
fn word_count(article: &Article) -> usize {
    article
        .prose
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The collect-all computation of the stats, as it was.
fn reference<'a>(articles: impl IntoIterator<Item = (String, &'a Article, &'a Analysis)>) -> Stats {
    let mut by_actor: BTreeMap<String, (ActorStats, BTreeSet<usize>)> = BTreeMap::new();
    let mut res = Stats::default();
    for (i, (name, article, a)) in articles.into_iter().enumerate() {
        let date = article_date(article);
        let speakers: BTreeSet<usize> = a.quotes.iter().filter_map(|q| q.speaker).collect();
        let unattributed = a
            .claims
            .iter()
            .filter(|c| c.status == ClaimStatus::Unattributed)
            .count();
        res.articles.push(&ArticleStats {
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
            date: date.map(|d| d.iso()),
            words: word_count(article),
        });
        let u = &mut res.unattributed_quotes;
        let mut article_counted = false;
        for q in a.quotes.iter().filter(|q| q.speaker.is_none()) {
            if !article_counted {
                article_counted = true;
                if u.articles == 0 {
                    u.first_article = name.clone();
                }
                u.articles += 1;
                u.last_article = name.clone();
            }
            u.quotes += 1;
            match q.kind {
                QuoteKind::Direct => u.direct += 1,
                QuoteKind::Mixed => u.mixed += 1,
                QuoteKind::Indirect => u.indirect += 1,
            }
        }
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
            if let Some(d) = date {
                *st.months.entry(d.month_key()).or_default() += 1;
            }
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

/// The streamed report of the binary against the reference over every
/// analysis of `paths`, kept.
fn check_same(paths: &[PathBuf]) -> usize {
    let (inputs, _) = newsls::cli::load_inputs(paths);
    let expected = reference(inputs.iter().map(|i| {
        (
            i.path.to_string_lossy().to_string(),
            &i.article,
            &i.analysis,
        )
    }));
    let out = newsls()
        .args(["stats", "--format", "json"])
        .args(paths)
        .output()
        .expect("newsls runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = serde_json::to_string_pretty(&expected).expect("JSON") + "\n";
    let got = String::from_utf8_lossy(&out.stdout);
    assert!(
        got == expected,
        "stats --format json differs from the reference on {paths:?}"
    );
    // The library's own entry point agrees too.
    let computed = newsls::cli::stats::compute(inputs.iter().map(|i| {
        (
            i.path.to_string_lossy().to_string(),
            &i.article,
            &i.analysis,
        )
    }));
    assert_eq!(
        serde_json::to_string_pretty(&computed).expect("JSON") + "\n",
        expected
    );
    inputs.len()
}

#[test]
fn streamed_stats_equal_the_collect_all_computation_on_fixtures_and_examples() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let n = check_same(&[fixtures(), examples]);
    assert!(n > 20, "{n} articles");
}

#[test]
fn streamed_stats_equal_the_collect_all_computation_on_a_generated_corpus() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // More than one batch of the pipeline, over several folders.
    generate::write_folder(1100, dir.path()).expect("the corpus is written");
    let n = check_same(&[dir.path().to_path_buf()]);
    assert_eq!(n, 1100);
}
