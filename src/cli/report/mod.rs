//! `newsls stats --format html`: the corpus stats as one self-contained
//! page — charts inlined as SVG (drawn by plotters, `charts.rs`), sortable
//! tables, a few lines of inline script and style, nothing fetched. The
//! page's own Content-Security-Policy forbids every load, so a report can
//! be opened, mailed or archived without calling anywhere.
//!
//! Every text that comes from articles (names, paths) is HTML-escaped
//! here; plotters escapes what it writes into the SVG.

mod charts;

use crate::cli::stats::{headline, ActorStats, ArticleStats, Stats, NO_SPEAKER};
use crate::ide::english::count;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The policy of the page: inline style and script only, no load of any
/// kind. (The VS Code webview replaces it with its own, nonce-based.)
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// `s` safe in HTML text and in quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Share of an article's quotes without a speaker (0 without quotes).
fn no_speaker_share(a: &ArticleStats) -> f64 {
    if a.quotes == 0 {
        0.0
    } else {
        a.unattributed_quotes as f64 / a.quotes as f64
    }
}

/// Unattributed claims per 1,000 words of prose (0 for an empty article).
fn unattributed_per_1000(a: &ArticleStats) -> f64 {
    if a.words == 0 {
        0.0
    } else {
        a.unattributed_claims as f64 * 1000.0 / a.words as f64
    }
}

/// The whole page.
pub fn html(s: &Stats) -> anyhow::Result<String> {
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"newsls {}\">\n\
         <title>newsls corpus stats</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str(&format!(
        "<header>\n<h1>Who is quoted, and how</h1>\n<p class=\"headline\">{}.</p>\n</header>\n",
        escape(&headline(s))
    ));
    speakers_section(&mut out, s)?;
    kinds_section(&mut out, s)?;
    articles_section(&mut out, s)?;
    time_section(&mut out, s)?;
    out.push_str(
        "<footer><p>Made by <code>newsls stats --format html</code>. A quote is <em>direct</em> \
         (a whole utterance in quotation marks), <em>mixed</em> (quoted words inside the \
         writer's sentence) or <em>indirect</em> (reported speech). A speaker is \
         <em>anonymous</em> when the article does not name it (\u{201c}two diplomats\u{201d}). \
         Quotes whose speaker newsls did not find are never given one.</p></footer>\n",
    );
    out.push_str(&format!("<script>\n{SCRIPT}</script>\n</body>\n</html>\n"));
    Ok(out)
}

/// A chart in its figure, with a caption that says what it shows.
fn figure(out: &mut String, name: &str, svg: &str, caption: &str) {
    out.push_str(&format!(
        "<figure class=\"chart\" data-chart=\"{name}\">\n{}\n<figcaption>{caption}</figcaption>\n</figure>\n",
        svg.replacen("<svg ", "<svg role=\"img\" ", 1)
    ));
}

fn speakers_section(out: &mut String, s: &Stats) -> anyhow::Result<()> {
    out.push_str("<section id=\"speakers\">\n<h2>Most-quoted speakers</h2>\n");
    if s.actors.is_empty() {
        out.push_str("<p class=\"empty\">No quote has a speaker in these articles.</p>\n");
    } else {
        let shown = s.actors.len().min(charts::TOP_SPEAKERS);
        let mut caption = format!(
            "The {} most quoted of {}, bars stacked by quote kind; anonymous sources are \
             marked (anonymous).",
            shown,
            count(s.actors.len(), "speaker", "speakers")
        );
        if s.unattributed_quotes.quotes > 0 {
            caption.push_str(&format!(
                " {} had no speaker found.",
                count(s.unattributed_quotes.quotes, "quote", "quotes")
            ));
        }
        figure(out, "speakers", &charts::speakers(s)?, &caption);
    }
    out.push_str("<details>\n<summary>Every speaker (table)</summary>\n");
    speakers_table(out, s);
    out.push_str("</details>\n</section>\n");
    Ok(())
}

fn speakers_table(out: &mut String, s: &Stats) {
    out.push_str(
        "<table class=\"sortable\" id=\"speaker-table\">\n<thead><tr>\
         <th>speaker</th><th>kind</th><th data-type=\"number\">quotes</th>\
         <th data-type=\"number\">direct</th><th data-type=\"number\">mixed</th>\
         <th data-type=\"number\">indirect</th><th data-type=\"number\">articles</th>\
         <th>first article</th><th>last article</th></tr></thead>\n<tbody>\n",
    );
    let row = |out: &mut String, a: &ActorStats, name: String, kind: &str| {
        out.push_str(&format!(
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(kind),
            a.quotes,
            a.direct,
            a.mixed,
            a.indirect,
            a.articles,
            escape(&a.first_article),
            escape(&a.last_article)
        ));
    };
    for a in &s.actors {
        let name = if a.anonymous {
            format!("{} <span class=\"tag\">anonymous</span>", escape(&a.name))
        } else {
            escape(&a.name)
        };
        row(out, a, name, charts::speaker_kind(&a.kind, a.anonymous));
    }
    let u = &s.unattributed_quotes;
    if u.quotes > 0 {
        let none = ActorStats {
            quotes: u.quotes,
            direct: u.direct,
            mixed: u.mixed,
            indirect: u.indirect,
            articles: u.articles,
            first_article: u.first_article.clone(),
            last_article: u.last_article.clone(),
            ..ActorStats::default()
        };
        row(out, &none, format!("<em>{}</em>", escape(NO_SPEAKER)), "");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn kinds_section(out: &mut String, s: &Stats) -> anyhow::Result<()> {
    out.push_str("<section id=\"kinds\">\n<h2>Speakers by kind</h2>\n");
    figure(
        out,
        "kinds",
        &charts::kinds(s)?,
        "Distinct speakers of each kind, with their quotes; an anonymous source counts as \
         unnamed whatever it is.",
    );
    out.push_str("</section>\n");
    Ok(())
}

fn articles_section(out: &mut String, s: &Stats) -> anyhow::Result<()> {
    out.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n");
    figure(
        out,
        "articles",
        &charts::articles(s)?,
        &format!(
            "How the {} spread: each bar counts the articles in its range.",
            count(s.articles.len(), "article", "articles")
        ),
    );
    out.push_str(
        "<p class=\"hint\">Click a column's name to sort by it.</p>\n\
         <table class=\"sortable\" id=\"article-table\">\n<thead><tr>\
         <th>article</th><th>date</th><th data-type=\"number\">words</th>\
         <th data-type=\"number\">quotes</th><th data-type=\"number\">distinct speakers</th>\
         <th data-type=\"number\">quotes without a speaker</th>\
         <th data-type=\"number\">unattributed claims</th>\
         <th data-type=\"number\">per 1,000 words</th></tr></thead>\n<tbody>\n",
    );
    for a in s.articles.iter() {
        let share = no_speaker_share(&a);
        let rate = unattributed_per_1000(&a);
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td data-value=\"{share:.4}\">{:.0}%</td><td>{}</td>\
             <td data-value=\"{rate:.4}\">{rate:.1}</td></tr>\n",
            escape(&a.article),
            escape(a.date.as_deref().unwrap_or("")),
            a.words,
            a.quotes,
            a.speakers,
            share * 100.0,
            a.unattributed_claims,
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    Ok(())
}

fn time_section(out: &mut String, s: &Stats) -> anyhow::Result<()> {
    out.push_str("<section id=\"time\">\n<h2>Over time</h2>\n");
    let dated = s.articles.iter().filter(|a| a.date.is_some()).count();
    match charts::over_time(s)? {
        Some(svg) => figure(
            out,
            "time",
            &svg,
            &format!(
                "Quotes per speaker per month, from the {} of {} that carry a date \
                 (front matter <code>date</code>, or a dateline).",
                count(dated, "article", "articles"),
                s.articles.len()
            ),
        ),
        None => out.push_str(
            "<p class=\"empty\">No quote comes from a dated article: give articles a \
             <code>date</code> in their front matter, or a dateline \
             (<code>PARIS, 12 mars 2024 (AFP) -</code>), to see quotes over time.</p>\n",
        ),
    }
    out.push_str("</section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }
}
