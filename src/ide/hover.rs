//! Hover: on an actor mention, who the actor is (kind, description,
//! aliases seen, mention counts, quotes with line numbers, Wikidata link);
//! on a quotation, its speaker, cue and kind.

use super::Snapshot;
use crate::analysis::{actor_key, Actor, ActorId, Quote};
use crate::text::{collapse_whitespace, excerpt, TextRange};

#[derive(Debug, PartialEq, Eq)]
pub struct HoverInfo {
    pub range: TextRange,
    pub markdown: String,
}

/// `others` are the other documents known to the server; they feed the
/// corpus counts.
pub fn hover(snap: &Snapshot, offset: usize, others: &[&Snapshot]) -> Option<HoverInfo> {
    let a = &snap.analysis;
    if let Some(m) = a.mention_at(offset) {
        return Some(HoverInfo {
            range: m.range,
            markdown: actor_card(snap, m.actor, others),
        });
    }
    let q = a.quote_at(offset)?;
    Some(HoverInfo {
        range: q.range,
        markdown: quote_card(snap, q),
    })
}

fn actor_card(snap: &Snapshot, id: ActorId, others: &[&Snapshot]) -> String {
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
    let in_corpus: usize = others.iter().map(|o| mentions_of(o, actor)).sum();
    let n_docs = others.iter().filter(|o| mentions_of(o, actor) > 0).count();
    out.push_str(&format!(
        "\nMentioned {} time(s) in this article",
        actor.mentions.len()
    ));
    if n_docs > 0 {
        out.push_str(&format!(", {in_corpus} in {n_docs} other open article(s)"));
    }
    out.push_str(".\n");
    let quotes: Vec<&Quote> = a.quotes_of(id).collect();
    if !quotes.is_empty() {
        out.push_str(&format!("\nQuoted {} time(s):\n", quotes.len()));
        for q in quotes {
            out.push_str(&format!(
                "- line {}, {}: « {} »\n",
                snap.line_number(q.range.start()),
                q.kind.as_str(),
                excerpt(&text[q.content.as_range()], 80)
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

/// Mentions of an actor with the same canonical name in another document.
fn mentions_of(snap: &Snapshot, actor: &Actor) -> usize {
    let key = actor_key(&actor.name);
    snap.analysis
        .actors
        .iter()
        .filter(|a| actor_key(&a.name) == key)
        .map(|a| a.mentions.len())
        .sum()
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
        let got = super::hover(&f.snapshot, f.cursor, &[])
            .map(|h| h.markdown)
            .unwrap_or_default();
        assert_eq!(got.trim(), expected.trim(), "\n{got}");
    }

    #[test]
    fn actor_card_lists_aliases_counts_and_quotes() {
        check(
            "Le 23 septembre, Xi$0 Jinping a assuré que « la Chine est une victime ». Le président chinois a garanti que son pays n'était « en aucune manière » engagé.",
            "**Xi Jinping** — person\n\nAlso: *Le président chinois*\n\nMentioned 2 time(s) in this article.\n\nQuoted 2 time(s):\n- line 1, mixed: « la Chine est une victime »\n- line 1, mixed: « en aucune manière »",
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
