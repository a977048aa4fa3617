//! Hover: on an actor mention, who the actor is (kind, description,
//! aliases seen, mention counts, quotes with line numbers, Wikidata link);
//! on a quotation, its speaker, cue and kind.

use super::english::{count, quoted};
use super::Snapshot;
use crate::analysis::{actor_key, ActorId, Quote};
use crate::text::{collapse_whitespace, excerpt, TextRange};

#[derive(Debug, PartialEq, Eq)]
pub struct HoverInfo {
    pub range: TextRange,
    pub markdown: String,
}

/// How often an actor appears in the rest of the corpus (the other open
/// documents and the workspace index).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CorpusCounts {
    pub mentions: usize,
    pub quotes: usize,
    pub articles: usize,
    pub articles_quoting: usize,
}

/// `corpus` gives the counts of an actor (by canonical-name key) in the
/// other articles of the corpus.
pub fn hover(
    snap: &Snapshot,
    offset: usize,
    corpus: &dyn Fn(&str) -> CorpusCounts,
) -> Option<HoverInfo> {
    let a = &snap.analysis;
    if let Some(m) = a.mention_at(offset) {
        return Some(HoverInfo {
            range: m.range,
            markdown: actor_card(snap, m.actor, corpus),
        });
    }
    let q = a.quote_at(offset)?;
    Some(HoverInfo {
        range: q.range,
        markdown: quote_card(snap, q),
    })
}

fn actor_card(snap: &Snapshot, id: ActorId, corpus: &dyn Fn(&str) -> CorpusCounts) -> String {
    let a = &snap.analysis;
    let actor = &a.actors[id];
    let text = snap.text();
    let mut out = format!("**{}** — {}", actor.name, actor.kind.as_str());
    if !actor.named {
        out.push_str(" (anonymous source)");
    }
    out.push('\n');
    if let Some(d) = &actor.description {
        out.push_str(&format!("\n{d}\n"));
    }
    let mut aliases: Vec<String> = Vec::new();
    for &m in &actor.mentions {
        let seen = collapse_whitespace(&text[a.mentions[m].range.as_range()]);
        if seen != actor.name && !aliases.contains(&seen) {
            aliases.push(seen);
        }
    }
    if !aliases.is_empty() {
        out.push_str(&format!(
            "\nAlso: {}\n",
            aliases
                .iter()
                .map(|s| format!("*{s}*"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let c = corpus(&actor_key(&actor.name));
    out.push_str(&format!(
        "\nMentioned {} in this article",
        count(actor.mentions.len(), "time", "times")
    ));
    if c.articles > 0 {
        out.push_str(&format!(
            ", {} in {}",
            count(c.mentions, "time", "times"),
            count(c.articles, "other article", "other articles")
        ));
    }
    out.push_str(".\n");
    if c.articles_quoting > 0 {
        out.push_str(&format!(
            "\nQuoted in {} ({}).\n",
            count(c.articles_quoting, "other article", "other articles"),
            count(c.quotes, "quote", "quotes")
        ));
    }
    let quotes: Vec<&Quote> = a.quotes_of(id).collect();
    if !quotes.is_empty() {
        out.push_str(&format!(
            "\nQuoted {}:\n",
            count(quotes.len(), "time", "times")
        ));
        for q in quotes {
            out.push_str(&format!(
                "- line {}, {}: {}\n",
                snap.line_number(q.range.start()),
                q.kind.as_str(),
                quoted(&excerpt(&text[q.content.as_range()], 80), a.language)
            ));
        }
    }
    if let Some(w) = &actor.wikidata {
        out.push_str(&format!(
            "\n[Wikidata {w}](https://www.wikidata.org/wiki/{w})\n"
        ));
    }
    out
}

/// The counts of an actor in other snapshots (open documents).
pub fn counts_in(snaps: &[&Snapshot], key: &str) -> CorpusCounts {
    let mut c = CorpusCounts::default();
    for s in snaps {
        let a = &s.analysis;
        let mut found = false;
        for (id, actor) in a
            .actors
            .iter()
            .enumerate()
            .filter(|(_, x)| actor_key(&x.name) == key)
        {
            found = true;
            c.mentions += actor.mentions.len();
            let q = a.quotes_of(id).count();
            c.quotes += q;
            c.articles_quoting += usize::from(q > 0);
        }
        c.articles += usize::from(found);
    }
    c
}

fn quote_card(snap: &Snapshot, q: &Quote) -> String {
    let a = &snap.analysis;
    let text = snap.text();
    let speaker = q.speaker.map_or("unknown (no cue found)".to_string(), |s| {
        a.actors[s].name.clone()
    });
    let mut out = format!(
        "**Quote** — {}\n\nSpeaker: **{speaker}**\n",
        q.kind.as_str()
    );
    if let Some(cue) = q.cue.filter(|c| !c.is_empty()) {
        out.push_str(&format!(
            "\nCue: *{}*\n",
            collapse_whitespace(&text[cue.as_range()])
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture;

    fn check(fixture_text: &str, expected: &str) {
        let f = fixture::parse(fixture_text);
        let got = super::hover(&f.snapshot, f.cursor, &|_| super::CorpusCounts::default())
            .map(|h| h.markdown)
            .unwrap_or_default();
        assert_eq!(got.trim(), expected.trim(), "\n{got}");
    }

    #[test]
    fn actor_card_lists_aliases_counts_and_quotes() {
        check(
            "Le 23 septembre, Xi$0 Jinping a assuré que « la Chine est une victime ». Le président chinois a garanti que son pays n'était « en aucune manière » engagé.",
            "**Xi Jinping** — person\n\nAlso: *Le président chinois*\n\nMentioned 2 times in this article.\n\nQuoted 2 times:\n- line 1, mixed: «\u{202f}la Chine est une victime\u{202f}»\n- line 1, mixed: «\u{202f}en aucune manière\u{202f}»",
        );
    }

    #[test]
    fn english_quotes_in_english_marks_and_singular_counts() {
        check(
            "\"We will not sign,\" said Paul$0 Girard.",
            "**Paul Girard** — person\n\nMentioned 1 time in this article.\n\nQuoted 1 time:\n- line 1, direct: “We will not sign,”",
        );
    }

    #[test]
    fn quote_card_shows_speaker_cue_and_kind() {
        check(
            "« Rien n'est $0signé », a souligné Marie Curien.",
            "**Quote** — direct\n\nSpeaker: **Marie Curien**\n\nCue: *a souligné*",
        );
        check(
            "Il pleut. « Rien$0 du tout. »",
            "**Quote** — direct\n\nSpeaker: **unknown (no cue found)**",
        );
    }

    #[test]
    fn nothing_elsewhere() {
        check("Il $0pleut sur Paris.", "");
    }
}
