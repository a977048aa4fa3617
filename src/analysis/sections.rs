//! A long document as a left-to-right fold over sections, so that an edit
//! costs the section it touches, not the document.
//!
//! A document longer than [`SECTION_BYTES`] is cut into sections of whole
//! paragraphs, each analysed as an article of its own. What one section
//! carries into the next is explicit: the **known actors**, every actor the
//! sections before it named (name, kind, gender, country…). A section
//! starts from those of them it could use, the ones sharing a word with its
//! text ([`relevant`]): "Macron" there joins "Emmanuel Macron" named pages
//! before. Everything else starts afresh at a cut, which is why cuts fall
//! only where no quotation is open (see [`cuts`]).
//!
//! Each section's result is kept in the document's [`Memo`], keyed by the
//! section's text, the document's language, the configuration and the
//! known actors it started from. After an edit, every section whose key is
//! unchanged reuses its result; the edited section is analysed again, and
//! so is any later one whose known actors changed (a name added or removed
//! far before it). A section not reached by an edit is never re-run,
//! whatever its position.
//!
//! The analysis of a document is this fold whether or not a memo is given:
//! a full analysis and one after any sequence of edits are equal
//! (`tests/it/incremental.rs` checks it whole, and checks that a memo
//! ignoring the known actors is caught).

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::{actor_key, Actor, ActorId, ActorOrigin, Analysis, Memo};
use crate::input::Article;
use crate::lexicon::{ActorKind, Gender, Lang};
use crate::text::{fold, TextRange};

/// A document shorter than this is one section (almost every article: the
/// longest of the development set is under 5 KB). Cuts come after at least
/// this many bytes, about 4,000 words.
pub(super) const SECTION_BYTES: usize = 24 * 1024;

/// An actor named before a section, as the section starts from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Known {
    pub name: String,
    pub kind: ActorKind,
    pub gender: Gender,
    pub plural: bool,
    pub is_agency: bool,
    pub country: Option<String>,
    pub origin: ActorOrigin,
    /// The folded words of the name: a section's text must hold one of
    /// them for the actor to matter there.
    words: Vec<String>,
}

impl Known {
    fn of(a: &Actor) -> Known {
        Known {
            name: a.name.clone(),
            kind: a.kind,
            gender: a.gender,
            plural: a.plural,
            is_agency: a.is_agency,
            country: a.country.clone(),
            origin: a.origin,
            words: words(&fold(&a.name)).map(str::to_string).collect(),
        }
    }
}

/// The folded words of a text: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// One section's analysis kept between edits, in the section's own
/// offsets.
pub(crate) struct Kept {
    pub lang: Lang,
    pub config: u64,
    pub known: Vec<Known>,
    pub analysis: Analysis,
}

/// What the memo keeps for one section's text.
pub(crate) struct SectionEntry {
    /// The folded words of the text, to choose the known actors it uses.
    pub(super) words: FxHashSet<Box<str>>,
    /// Results for the states the text was analysed from (a text repeated
    /// in a document may be reached from different ones).
    pub(super) kept: Vec<Kept>,
}

impl SectionEntry {
    fn new(text: &str) -> SectionEntry {
        SectionEntry {
            words: words(&fold(text)).map(Box::from).collect(),
            kept: Vec::new(),
        }
    }
}

/// The byte offsets where sections start after the first. A cut comes
/// before a paragraph that follows a blank line, at least
/// [`SECTION_BYTES`] after the previous cut, when
/// - the paragraph before it opens as many quotation marks as it closes,
///   and the paragraph itself does not open with a mark or a dash (a
///   quotation running over paragraphs, a dialogue);
/// - a hash of the paragraph's first line is divisible by 4.
///
/// The last condition makes cuts depend on the text around them, not on
/// their distance from the start: an edit moves at most the cuts of the
/// section it is in and of the next, and further on the cuts fall where
/// they fell before, so the sections there keep their text and results.
pub(super) fn cuts(text: &str) -> Vec<usize> {
    let mut res = Vec::new();
    let mut last = 0;
    let mut at = SECTION_BYTES;
    while let Some(cut) = next_paragraph(text, at) {
        if is_cut(text, cut) {
            res.push(cut);
            last = cut;
            at = last + SECTION_BYTES;
        } else {
            at = cut;
        }
        if text.len() - last < SECTION_BYTES {
            break;
        }
    }
    res
}

/// The start of the first paragraph after a blank line at or after `from`.
fn next_paragraph(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    // The end of a line, then a line of spaces only, then text.
    loop {
        let nl = i + bytes.get(i..)?.iter().position(|&b| b == b'\n')?;
        let mut j = nl + 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if bytes.get(j) == Some(&b'\n') {
            let mut k = j;
            while k < bytes.len() && matches!(bytes[k], b'\n' | b'\r' | b' ' | b'\t') {
                k += 1;
            }
            // The paragraph starts at its line's start.
            let start = text[..k].rfind('\n').map_or(0, |n| n + 1);
            return (k < bytes.len()).then_some(start);
        }
        i = nl + 1;
    }
}

fn is_cut(text: &str, at: usize) -> bool {
    let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let line = text[at..line_end].trim_start();
    if line.starts_with(['«', '»', '“', '”', '"', '-', '–', '—', '‘', '„']) {
        return false;
    }
    let before = text[..at].trim_end();
    let para_start = before.rfind("\n\n").map_or(0, |n| n + 2);
    let before = &before[para_start..];
    let count = |c: char| before.matches(c).count();
    let balanced = count('«') == count('»') && count('“') == count('”') && count('"') % 2 == 0;
    let mut h = FxHasher::default();
    line.as_bytes()[..line.len().min(256)].hash(&mut h);
    balanced && h.finish() % 4 == 0
}

/// The known actors a section could use: those with a word of their name
/// in its text.
fn relevant(known: &[Known], words: &FxHashSet<Box<str>>) -> Vec<Known> {
    known
        .iter()
        .filter(|k| k.words.iter().any(|w| words.contains(w.as_str())))
        .cloned()
        .collect()
}

/// A section of the document as an article of its own, in the document's
/// language.
fn section_article(article: &Article, range: TextRange, lang: Lang) -> Article {
    let mut meta = article.meta.clone();
    meta.lang = Some(lang);
    Article {
        text: article.text[range.as_range()].to_string(),
        prose: article.prose[range.as_range()].to_string(),
        format: article.format,
        meta,
    }
}

/// The analysis of `article` (long enough to be cut) as a fold over its
/// sections; `analyze_section` analyses one section from its known actors.
pub(super) fn analyze(
    article: &Article,
    lang: Lang,
    config: u64,
    cuts: &[usize],
    memo: Option<&std::cell::RefCell<Memo>>,
    analyze_section: impl Fn(&Article, &[Known]) -> Analysis,
) -> Analysis {
    let len = article.prose.len();
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(len));
    let mut known: Vec<Known> = Vec::new();
    let mut known_keys: FxHashSet<String> = FxHashSet::default();
    let mut parts: Vec<(usize, Analysis)> = Vec::new();
    for (start, end) in starts.zip(ends) {
        let range = TextRange::new(start, end);
        let text = &article.prose[range.as_range()];
        let analysis = match memo {
            Some(memo) => {
                let mut m = memo.borrow_mut();
                let ignore_known = m.ignores_known_actors();
                let entry = m.section(text, SectionEntry::new);
                let from = relevant(&known, &entry.words);
                let hit = entry.kept.iter().find(|k| {
                    k.lang == lang && k.config == config && (ignore_known || k.known == from)
                });
                match hit.map(|k| k.analysis.clone()) {
                    Some(a) => a,
                    None => {
                        drop(m);
                        let a = analyze_section(&section_article(article, range, lang), &from);
                        let kept = Kept {
                            lang,
                            config,
                            known: from,
                            analysis: a.clone(),
                        };
                        let mut m = memo.borrow_mut();
                        let kept_list = &mut m.section(text, SectionEntry::new).kept;
                        // A text reached from many states keeps the latest few.
                        if kept_list.len() >= 4 {
                            kept_list.remove(0);
                        }
                        kept_list.push(kept);
                        a
                    }
                }
            }
            None => {
                let from = relevant(&known, &SectionEntry::new(text).words);
                analyze_section(&section_article(article, range, lang), &from)
            }
        };
        for a in analysis.actors.iter().filter(|a| a.named) {
            if known_keys.insert(actor_key(&a.name)) {
                known.push(Known::of(a));
            }
        }
        parts.push((start, analysis));
    }
    join(lang, parts)
}

fn shift(r: TextRange, by: usize) -> TextRange {
    TextRange::new(r.start() + by, r.end() + by)
}

/// The sections' analyses as one: ranges shifted to the document, indexes
/// of paragraphs, sentences and mentions renumbered, and actors of the same
/// name (a key of [`actor_key`]) made one, in order of first mention.
fn join(lang: Lang, parts: Vec<(usize, Analysis)>) -> Analysis {
    let mut res = Analysis {
        language: lang,
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        quotes: Vec::new(),
        actors: Vec::new(),
        mentions: Vec::new(),
        claims: Vec::new(),
        findings: Vec::new(),
    };
    let mut by_key: FxHashMap<String, ActorId> = FxHashMap::default();
    for (offset, part) in parts {
        let (paragraphs, sentences) = (res.paragraphs.len(), res.sentences.len());
        let ids: Vec<ActorId> = part
            .actors
            .into_iter()
            .map(|mut a| {
                *by_key.entry(actor_key(&a.name)).or_insert_with(|| {
                    a.mentions = Vec::new();
                    res.actors.push(a);
                    res.actors.len() - 1
                })
            })
            .collect();
        res.paragraphs
            .extend(part.paragraphs.iter().map(|&p| shift(p, offset)));
        res.sentences
            .extend(part.sentences.iter().map(|s| super::Sentence {
                range: shift(s.range, offset),
                paragraph: s.paragraph + paragraphs,
            }));
        for mut m in part.mentions {
            m.range = shift(m.range, offset);
            m.actor = ids[m.actor];
            res.actors[m.actor].mentions.push(res.mentions.len());
            res.mentions.push(m);
        }
        res.quotes.extend(part.quotes.into_iter().map(|mut q| {
            q.range = shift(q.range, offset);
            q.content = shift(q.content, offset);
            q.cue = q.cue.map(|c| shift(c, offset));
            q.sentence += sentences;
            q.speaker = q.speaker.map(|a| ids[a]);
            q
        }));
        res.claims.extend(part.claims.into_iter().map(|mut c| {
            c.sentence += sentences;
            c.source = c.source.map(|a| ids[a]);
            c.cue = c.cue.map(|r| shift(r, offset));
            for (r, _) in &mut c.markers {
                *r = shift(*r, offset);
            }
            c
        }));
        res.findings.extend(part.findings.into_iter().map(|mut f| {
            f.range = shift(f.range, offset);
            for (r, _) in &mut f.related {
                *r = shift(*r, offset);
            }
            f
        }));
    }
    res
}
