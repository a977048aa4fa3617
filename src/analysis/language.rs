//! French or English, from function-word frequencies: for the document
//! ([`detect`]), and for the paragraphs written in the other language
//! ([`foreign_paragraphs`]), whose results come from an analysis with that
//! language's rules ([`merge`]).
//!
//! A paragraph is in the other language when all of these hold, counting
//! only the function words of one language's list and not the other's
//! ("a" is in both, so it counts for neither):
//! - it has at least [`MIN_WORDS`] words;
//! - at least [`MIN_EVIDENCE`] of them are function words of the other
//!   language, and at least [`MIN_RATIO`] times as many as those of the
//!   document's language;
//! - outside its quotation marks (the writer's own words, where cues and
//!   claim markers are), the other language's function words outnumber
//!   the document's, and there is at least one: a French paragraph quoting
//!   a long English sentence (`« We will … », a déclaré le sénateur`)
//!   stays French, while `"We will …," said Senator Smith` is English.
//!
//! Every other paragraph follows the document's language. Deliberately
//! not done: a language per sentence (too little evidence), languages
//! other than French and English.

use std::collections::HashMap;

use super::{Actor, ActorId, Analysis, Doc, Mention};
use crate::lexicon::{Lang, Lexicons};
use crate::text::fold_into;

/// Fewer words than this and a paragraph follows the document's language.
pub const MIN_WORDS: usize = 15;
/// The other language's function words a paragraph needs at the least.
pub const MIN_EVIDENCE: usize = 5;
/// …and how many times those of the document's language they must number.
pub const MIN_RATIO: usize = 3;

/// The language that is not `lang`.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    }
}

/// For each paragraph of `doc` (analysed in `lang`), whether it is written
/// in the other language (see the module's doc for the thresholds).
pub(super) fn foreign_paragraphs(doc: &Doc, lang: Lang) -> Vec<bool> {
    let own = &doc.lexicons.lang(lang).function_words;
    let foreign = &doc.lexicons.lang(other(lang)).function_words;
    // Function words are short: longer words are not looked up.
    let longest = doc.lexicons.longest_function_word;
    doc.paragraphs
        .iter()
        .map(|&p| {
            let words = doc.words(p);
            if words.len() < MIN_WORDS {
                return false;
            }
            let (mut n_own, mut n_foreign, mut own_outside, mut foreign_outside) = (0, 0, 0, 0);
            for w in words.iter().filter(|w| w.folded.len() <= longest) {
                let is_own = own.contains(w.folded);
                if is_own == foreign.contains(w.folded) {
                    continue;
                }
                let outside = usize::from(!doc.in_quote(w.range));
                if is_own {
                    n_own += 1;
                    own_outside += outside;
                } else {
                    n_foreign += 1;
                    foreign_outside += outside;
                }
            }
            n_foreign >= MIN_EVIDENCE
                && n_foreign >= MIN_RATIO * n_own
                && foreign_outside > own_outside
        })
        .collect()
}

/// One analysis from two of the same text: `main` with the document's
/// rules, `other` with the other language's. Each paragraph's sentences,
/// quotes, claims, mentions and findings come from the analysis in its
/// language (`foreign[i]`: paragraph `i` is in the other language).
///
/// Actors: an actor of one analysis and one of the other are one actor
/// when they have the same canonical name (anonymous sources excepted),
/// or when, in a paragraph the first does not decide, its name mention
/// overlaps a name mention of the second (`Senator John Smith` read with
/// French rules is `John Smith` read with English ones). The merged actor
/// is the one of the analysis that holds its first kept mention; actors
/// are ordered by first mention, as the registry orders them.
pub(super) fn merge(main: Analysis, other: Analysis, foreign: &[bool]) -> Analysis {
    if main.paragraphs != other.paragraphs {
        // Paragraphs do not depend on the language; should that change,
        // the document's language decides everything.
        return main;
    }
    let m = Merge {
        sources: [main, other],
        foreign,
    };
    let (sentences, sentence_map) = m.sentences();
    let sentence_at = |src: usize, old: usize, offset: usize| -> usize {
        sentence_map[src]
            .get(old)
            .copied()
            .flatten()
            .unwrap_or_else(|| {
                sentences
                    .partition_point(|s| s.range.end() <= offset)
                    .min(sentences.len().saturating_sub(1))
            })
    };
    let mut mentions: Vec<(usize, Mention)> = Vec::new();
    let mut quotes = Vec::new();
    let mut claims = Vec::new();
    let mut findings = Vec::new();
    for (src, a) in m.sources.iter().enumerate() {
        let kept = |offset: usize| m.decides(src, offset);
        mentions.extend(
            a.mentions
                .iter()
                .filter(|x| kept(x.range.start()))
                .map(|x| (src, x.clone())),
        );
        quotes.extend(
            a.quotes
                .iter()
                .filter(|q| kept(q.range.start()))
                .map(|q| (src, q.clone())),
        );
        claims.extend(
            a.claims
                .iter()
                .filter(|c| {
                    a.sentences
                        .get(c.sentence)
                        .is_some_and(|s| kept(s.range.start()))
                })
                .map(|c| (src, c.clone())),
        );
        findings.extend(a.findings.iter().filter(|f| kept(f.range.start())).cloned());
    }
    mentions.sort_by_key(|(_, x)| (x.range.start, std::cmp::Reverse(x.range.end)));
    let used: Vec<(usize, ActorId)> = mentions
        .iter()
        .map(|(src, x)| (*src, x.actor))
        .chain(
            quotes
                .iter()
                .filter_map(|(src, q)| q.speaker.map(|a| (*src, a))),
        )
        .chain(
            claims
                .iter()
                .filter_map(|(src, c)| c.source.map(|a| (*src, a))),
        )
        .collect();
    let (mut actors, remap) = m.actors(&used);
    let mentions: Vec<Mention> = mentions
        .into_iter()
        .filter_map(|(src, mut x)| {
            x.actor = remap(src, x.actor)?;
            Some(x)
        })
        .collect();
    for (i, x) in mentions.iter().enumerate() {
        actors[x.actor].mentions.push(i);
    }
    // Quotes in paragraph order, each analysis' order kept within a
    // paragraph; sentences and actors renumbered.
    quotes.sort_by_key(|(_, q)| m.paragraph_of(q.range.start()));
    let quotes = quotes
        .into_iter()
        .map(|(src, mut q)| {
            q.sentence = sentence_at(src, q.sentence, q.range.start());
            q.speaker = q.speaker.and_then(|a| remap(src, a));
            q
        })
        .collect();
    let mut claims: Vec<super::Claim> = claims
        .into_iter()
        .map(|(src, mut c)| {
            let start = m.sources[src]
                .sentences
                .get(c.sentence)
                .map_or(0, |s| s.range.start());
            c.sentence = sentence_at(src, c.sentence, start);
            c.source = c.source.and_then(|a| remap(src, a));
            c
        })
        .collect();
    claims.sort_by_key(|c| c.sentence);
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    let main = &m.sources[0];
    Analysis {
        language: main.language,
        paragraphs: main.paragraphs.clone(),
        sentences,
        quotes,
        actors,
        mentions,
        claims,
        findings,
        sections: Vec::new(),
    }
}

/// The two analyses being merged: `sources[0]` in the document's language,
/// `sources[1]` in the other.
struct Merge<'a> {
    sources: [Analysis; 2],
    foreign: &'a [bool],
}

impl Merge<'_> {
    fn paragraph_of(&self, offset: usize) -> usize {
        let paragraphs = &self.sources[0].paragraphs;
        paragraphs
            .partition_point(|p| p.end() <= offset)
            .min(paragraphs.len().saturating_sub(1))
    }

    /// Whether analysis `src` decides the paragraph of `offset`.
    fn decides(&self, src: usize, offset: usize) -> bool {
        let foreign = self
            .foreign
            .get(self.paragraph_of(offset))
            .copied()
            .unwrap_or(false);
        foreign == (src == 1)
    }

    /// The kept sentences in text order, and for each analysis the merged
    /// index of each of its sentences (`None`: not kept).
    fn sentences(&self) -> (Vec<super::Sentence>, [Vec<Option<usize>>; 2]) {
        let mut kept = Vec::new();
        for (src, a) in self.sources.iter().enumerate() {
            for (i, s) in a.sentences.iter().enumerate() {
                if self.foreign.get(s.paragraph).copied().unwrap_or(false) == (src == 1) {
                    kept.push((src, i, *s));
                }
            }
        }
        kept.sort_by_key(|(_, _, s)| (s.range.start(), s.range.end()));
        let mut map = [
            vec![None; self.sources[0].sentences.len()],
            vec![None; self.sources[1].sentences.len()],
        ];
        for (new, (src, old, _)) in kept.iter().enumerate() {
            map[*src][*old] = Some(new);
        }
        (kept.into_iter().map(|(_, _, s)| s).collect(), map)
    }

    /// The merged actors, in the order of `used` (the kept mentions in text
    /// order, then the speakers and sources of kept quotes and claims),
    /// and the map from an analysis' actor to its merged id.
    fn actors(
        &self,
        used: &[(usize, ActorId)],
    ) -> (Vec<Actor>, impl Fn(usize, ActorId) -> Option<ActorId>) {
        let n_main = self.sources[0].actors.len();
        let node = move |src: usize, id: ActorId| src * n_main + id;
        let mut groups = Groups::new(n_main + self.sources[1].actors.len());
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (src, a) in self.sources.iter().enumerate() {
            for (id, actor) in a.actors.iter().enumerate().filter(|(_, x)| x.named) {
                let first = *by_name
                    .entry(super::actor_key(&actor.name))
                    .or_insert(node(src, id));
                groups.join(first, node(src, id));
            }
        }
        for src in 0..2 {
            let theirs = &self.sources[1 - src].mentions;
            for x in self.sources[src].mentions.iter().filter(|x| {
                x.kind == super::MentionKind::Name && !self.decides(src, x.range.start())
            }) {
                // Mentions are sorted by start; a name is far shorter than
                // this reach.
                let from = theirs.partition_point(|y| y.range.start() + 400 < x.range.start());
                let to = theirs.partition_point(|y| y.range.start() < x.range.end());
                for y in theirs[from..to.max(from)]
                    .iter()
                    .filter(|y| y.kind == super::MentionKind::Name && y.range.intersects(x.range))
                {
                    groups.join(node(src, x.actor), node(1 - src, y.actor));
                }
            }
        }
        let mut new_ids: Vec<Option<ActorId>> = vec![None; groups.len()];
        let mut actors: Vec<Actor> = Vec::new();
        for &(src, id) in used {
            let root = groups.root(node(src, id));
            if new_ids[root].is_none() {
                new_ids[root] = Some(actors.len());
                let mut a = self.sources[src].actors[id].clone();
                a.mentions = Vec::new();
                actors.push(a);
            }
        }
        // A detail one analysis found and the other did not is kept.
        for (src, a) in self.sources.iter().enumerate() {
            for (id, actor) in a.actors.iter().enumerate() {
                let Some(merged) = new_ids[groups.root(node(src, id))] else {
                    continue;
                };
                let merged = &mut actors[merged];
                merged.registered |= actor.registered;
                if merged.description.is_none() {
                    merged.description = actor.description.clone();
                }
                if merged.wikidata.is_none() {
                    merged.wikidata = actor.wikidata.clone();
                }
            }
        }
        let roots: Vec<usize> = (0..groups.len()).map(|n| groups.root(n)).collect();
        let remap = move |src: usize, id: ActorId| new_ids[roots[node(src, id)]];
        (actors, remap)
    }
}

/// Disjoint sets of actors (union–find).
struct Groups(Vec<usize>);

impl Groups {
    fn new(n: usize) -> Groups {
        Groups((0..n).collect())
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn root(&mut self, mut n: usize) -> usize {
        while self.0[n] != n {
            self.0[n] = self.0[self.0[n]];
            n = self.0[n];
        }
        n
    }

    /// Joins two sets; the one with the smaller root leads.
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        let (lead, follow) = (a.min(b), a.max(b));
        self.0[follow] = lead;
    }
}

/// The language of a text: the one whose function words are more frequent
/// among its first 2,000 words. Ties (and empty texts) are French, the
/// language of the project's first corpus.
pub fn detect(text: &str, lex: &Lexicons) -> Lang {
    let mut fr = 0usize;
    let mut en = 0usize;
    // Folding maps a character to one character, and function words are
    // short: a longer word without an elision counts for neither language,
    // and is not folded.
    let longest = lex.longest_function_word;
    // One buffer for every word: this runs on each word of each article.
    let mut w = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let elided = word.contains(['\'', '’']);
        if !elided && word.len() > longest && word.chars().count() > longest {
            continue;
        }
        w.clear();
        fold_into(&mut w, word);
        // Count elided articles by their first part ("l'agence" → "l'").
        let head = match w.find('\'') {
            Some(i) => &w[..=i],
            None => &w,
        };
        let fr_word = lex.fr.function_words.contains(head)
            || (head.len() < w.len() && lex.fr.function_words.contains(&w));
        fr += usize::from(fr_word);
        en += usize::from(lex.en.function_words.contains(&w));
    }
    if en > fr {
        Lang::En
    } else {
        Lang::Fr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        let lex = Lexicons::get();
        assert_eq!(
            detect(
                "Les Etats-Unis et la Chine se sont engagés à coopérer.",
                lex
            ),
            Lang::Fr
        );
        assert_eq!(
            detect(
                "The United States and China pledged to work together on the issue.",
                lex
            ),
            Lang::En
        );
    }

    /// The speaker and cue of each quote of a French article, each
    /// `(speaker, cue)`.
    fn speakers(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let article = crate::input::Article::new(text, crate::input::Format::Plain);
        let config = super::super::AnalysisConfig {
            language: Some(Lang::Fr),
            actors: Vec::new(),
            annotations: None,
        };
        let a = super::super::analyze(&article, &config);
        a.quotes
            .iter()
            .map(|q| {
                (
                    q.speaker.map(|s| a.actors[s].name.clone()),
                    q.cue.map(|c| text[c.as_range()].to_string()),
                )
            })
            .collect()
    }

    const INTRO: &str = "Le ministre a rencontré mardi son homologue américain à Bruxelles.\n\n";

    #[test]
    fn an_english_paragraph_of_a_french_article_gets_english_rules() {
        // 20 words, 9 English function words, none French; `said` outside
        // the marks.
        let text = format!("{INTRO}\"We will not accept any deal that would hurt the workers of our country,\" said John Smith after the meeting.");
        assert_eq!(
            speakers(&text),
            [(Some("John Smith".to_string()), Some("said".to_string()))]
        );
    }

    #[test]
    fn a_short_paragraph_follows_the_document() {
        let text = format!("{INTRO}\"We will not accept any deal,\" said John Smith.");
        assert!(text
            .split("\n\n")
            .nth(1)
            .is_some_and(|p| p.split_whitespace().count() < MIN_WORDS));
        assert_eq!(speakers(&text), [(None, None)]);
    }

    #[test]
    fn english_quoted_by_a_french_writer_stays_french() {
        // Plenty of English inside the marks, French outside them.
        let text = format!("{INTRO}« We will not accept any deal that would hurt the workers of our country and of their families », a déclaré John Smith.");
        assert_eq!(
            speakers(&text),
            [(
                Some("John Smith".to_string()),
                Some("a déclaré".to_string())
            )]
        );
    }

    #[test]
    fn weak_evidence_follows_the_document() {
        // Long enough, but as many French function words as English ones.
        let text = format!("{INTRO}\"The workers of the port and the dockers,\" said John Smith, selon le journal de la ville et les syndicats du port de la région.");
        assert_eq!(speakers(&text), [(None, None)]);
    }
}
