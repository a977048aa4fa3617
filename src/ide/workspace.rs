//! The workspace as one query: the open documents (their snapshots: what
//! the editor has, which beats the disk) merged with the index summaries
//! of the closed articles. References, rename, workspace symbols and the
//! corpus counts of hover all go through here, so the merge is written
//! once.
//!
//! Files are named by whatever handle the caller uses (`F`: a URI for the
//! server); places are either a byte range in an open snapshot or a span
//! of the index, already in the client's position encoding.

use std::sync::Arc;

use super::hover::{counts_in, CorpusCounts};
use super::outline::SymbolKind;
use super::workspace_symbols::{fuzzy_match, symbols};
use super::Snapshot;
use crate::corpus::index::{counts, Span, Summary};
use crate::text::TextRange;

pub struct Workspace<F> {
    pub open: Vec<(F, Arc<Snapshot>)>,
    pub closed: Vec<(F, Arc<Summary>)>,
}

/// A place in a file of the workspace.
#[derive(Clone, Copy, Debug)]
pub enum Place<'a> {
    /// A byte range of an open document.
    Open(&'a Snapshot, TextRange),
    /// A span of a closed article, from the index.
    Closed(Span),
}

/// A symbol of the workspace (an actor or a quote).
#[derive(Clone, Debug)]
pub struct Symbol<'a, F> {
    pub file: &'a F,
    pub place: Place<'a>,
    pub name: String,
    pub kind: SymbolKind,
    /// Speaker of a quote, kind of an actor.
    pub container: String,
}

impl<F> Workspace<F> {
    /// Every mention of the actor with canonical-name key `key`.
    pub fn mentions(&self, key: &str) -> Vec<(&F, Place<'_>)> {
        let mut res = Vec::new();
        for (file, snap) in &self.open {
            res.extend(
                super::navigation::mentions(snap, key)
                    .into_iter()
                    .map(|r| (file, Place::Open(snap, r))),
            );
        }
        for (file, summary) in &self.closed {
            if let Some(a) = summary.actor(key) {
                res.extend(
                    a.mentions
                        .iter()
                        .map(|(span, _)| (file, Place::Closed(*span))),
                );
            }
        }
        res
    }

    /// The edits renaming the actor `key` (now named `old_name`), per
    /// file: the mentions written with its canonical name.
    pub fn rename(
        &self,
        key: &str,
        old_name: &str,
        new_name: &str,
    ) -> Vec<(&F, Vec<(Place<'_>, String)>)> {
        let mut res = Vec::new();
        for (file, snap) in &self.open {
            let edits: Vec<(Place, String)> = super::rename::edits(snap, key, old_name, new_name)
                .into_iter()
                .map(|(r, new)| (Place::Open(snap, r), new))
                .collect();
            if !edits.is_empty() {
                res.push((file, edits));
            }
        }
        for (file, summary) in &self.closed {
            let Some(a) = summary.actor(key) else {
                continue;
            };
            let edits: Vec<(Place, String)> = a
                .mentions
                .iter()
                .filter(|(_, full)| *full)
                .map(|(span, _)| (Place::Closed(*span), new_name.to_string()))
                .collect();
            if !edits.is_empty() {
                res.push((file, edits));
            }
        }
        res
    }

    /// Actors and quotes matching a fuzzy query.
    pub fn symbols(&self, query: &str) -> Vec<Symbol<'_, F>> {
        let mut res = Vec::new();
        for (file, snap) in &self.open {
            res.extend(symbols(snap, query).into_iter().map(|s| Symbol {
                file,
                place: Place::Open(snap, s.range),
                name: s.name,
                kind: s.kind,
                container: s.container,
            }));
        }
        for (file, summary) in &self.closed {
            for a in summary
                .actors
                .iter()
                .filter(|a| a.named && fuzzy_match(query, &a.name))
            {
                let Some((span, _)) = a.mentions.first() else {
                    continue;
                };
                res.push(Symbol {
                    file,
                    place: Place::Closed(*span),
                    name: a.name.clone(),
                    kind: SymbolKind::Actor(a.kind),
                    container: a.kind.as_str().to_string(),
                });
            }
            for q in &summary.quotes {
                let speaker = q
                    .speaker
                    .and_then(|i| summary.actors.get(i as usize))
                    .map_or("unattributed", |a| a.name.as_str());
                if fuzzy_match(query, &q.excerpt) || fuzzy_match(query, speaker) {
                    res.push(Symbol {
                        file,
                        place: Place::Closed(q.span),
                        name: q.excerpt.clone(),
                        kind: SymbolKind::Quote(q.kind),
                        container: speaker.to_string(),
                    });
                }
            }
        }
        res
    }

    /// How often the actor `key` is mentioned and quoted across the files.
    pub fn counts(&self, key: &str) -> CorpusCounts {
        let open: Vec<&Snapshot> = self.open.iter().map(|(_, s)| s.as_ref()).collect();
        let mut c = counts_in(&open, key);
        let (mentions, quotes, articles, quoting) =
            counts(self.closed.iter().map(|(_, s)| s.as_ref()), key);
        c.mentions += mentions;
        c.quotes += quotes;
        c.articles += articles;
        c.articles_quoting += quoting;
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::index::{summarize, Columns};
    use crate::ide::fixture;

    fn workspace() -> Workspace<&'static str> {
        let open = fixture::parse("« Oui », a dit Barack Obama. Obama est parti.").snapshot;
        let closed = fixture::parse("Barack Obama est venu. « Non », a dit Barack Obama.").snapshot;
        let summary = summarize(closed.text(), &closed.analysis, Columns::Utf16);
        Workspace {
            open: vec![("open.txt", Arc::new(open))],
            closed: vec![("closed.txt", Arc::new(summary))],
        }
    }

    #[test]
    fn open_documents_and_closed_summaries_are_one_workspace() {
        let ws = workspace();
        let files: Vec<&str> = ws
            .mentions("barack obama")
            .into_iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(files, ["open.txt", "open.txt", "closed.txt", "closed.txt"]);
        let renamed: Vec<(&str, usize)> = ws
            .rename("barack obama", "Barack Obama", "B. Obama")
            .into_iter()
            .map(|(f, edits)| (*f, edits.len()))
            .collect();
        // The short name "Obama" is left as written.
        assert_eq!(renamed, [("open.txt", 1), ("closed.txt", 2)]);
        let c = ws.counts("barack obama");
        assert_eq!((c.mentions, c.quotes, c.articles), (4, 2, 2));
        let symbols: Vec<(&str, String)> = ws
            .symbols("non")
            .into_iter()
            .map(|s| (*s.file, s.name))
            .collect();
        assert_eq!(symbols, [("closed.txt", "Non".to_string())]);
    }
}
