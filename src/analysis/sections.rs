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

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::{actor_key, Actor, ActorId, ActorOrigin, Analysis, Memo, MentionKind};
use crate::input::Article;
use crate::lexicon::{ActorKind, Gender, Lang};
use crate::text::{collapse_whitespace, fold, TextRange};

/// A document shorter than this is one section (almost every article: the
/// longest of the development set is under 5 KB). Cuts come after at least
/// this many bytes, about 4,000 words.
pub(super) const SECTION_BYTES: usize = 12 * 1024;

/// One section of a long document as its analysis used it: where it
/// starts, which findings, quotes and mentions of the joined analysis are
/// its own, and its result, which stays the same `Arc` for as long as the
/// memo reuses it. Whoever builds something per section from the analysis
/// (the language server's diagnostics, outline and semantic tokens) can
/// keep it for the sections whose result is [`Section::same_result`] and
/// redo only the others.
#[derive(Clone)]
pub struct Section {
    pub start: usize,
    pub findings: std::ops::Range<usize>,
    pub quotes: std::ops::Range<usize>,
    pub mentions: std::ops::Range<usize>,
    part: Arc<Part>,
}

impl Section {
    /// Whether the two sections have the one same result (the memo reused
    /// it): same text, same language, same known actors.
    pub fn same_result(&self, other: &Section) -> bool {
        Arc::ptr_eq(&self.part, &other.part)
    }
}

/// Two analyses are equal whatever the memo kept: sections compare by
/// where they are, not by which result object they hold.
impl std::fmt::Debug for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Section")
            .field("start", &self.start)
            .field("findings", &self.findings)
            .field("quotes", &self.quotes)
            .field("mentions", &self.mentions)
            .finish()
    }
}

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
    /// Other names the section before wrote it by ("NSA" for the National
    /// Security Agency, "Obama" for Barack Obama): a later one names the
    /// same actor.
    pub aliases: Vec<String>,
    /// The folded words of the names: a section's text must hold one of
    /// them for the actor to matter there.
    words: Vec<String>,
}

impl Known {
    /// Actor `id` of a section's analysis, whose text is `text`.
    fn of(analysis: &Analysis, id: ActorId, text: &str) -> Known {
        let a = &analysis.actors[id];
        let key = actor_key(&a.name);
        let mut aliases: Vec<String> = Vec::new();
        for &m in &a.mentions {
            let m = &analysis.mentions[m];
            let written = collapse_whitespace(&text[m.range.as_range()]);
            if m.kind == MentionKind::Name
                && aliases.len() < 4
                && actor_key(&written) != key
                && !aliases.contains(&written)
            {
                aliases.push(written);
            }
        }
        let mut words: Vec<String> = Vec::new();
        for name in std::iter::once(&a.name).chain(&aliases) {
            words.extend(self::words(&fold(name)).map(str::to_string));
        }
        words.sort();
        words.dedup();
        Known {
            name: a.name.clone(),
            kind: a.kind,
            gender: a.gender,
            plural: a.plural,
            is_agency: a.is_agency,
            country: a.country.clone(),
            origin: a.origin,
            aliases,
            words,
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
/// offsets, with the lookup key of each of its actors.
pub(crate) struct Kept {
    pub lang: Lang,
    pub config: u64,
    pub known: Vec<Known>,
    pub part: Arc<Part>,
}

/// A section's analysis and the key ([`actor_key`]) of each actor.
pub(crate) struct Part {
    analysis: Analysis,
    keys: Vec<String>,
}

impl Part {
    fn new(analysis: Analysis) -> Part {
        let keys = analysis.actors.iter().map(|a| actor_key(&a.name)).collect();
        Part { analysis, keys }
    }
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
    let before = &before[paragraph_start(before)..];
    let count = |c: char| before.matches(c).count();
    let balanced = count('«') == count('»') && count('“') == count('”') && count('"') % 2 == 0;
    let mut h = FxHasher::default();
    line.as_bytes()[..line.len().min(256)].hash(&mut h);
    balanced && h.finish() % 4 == 0
}

/// Where the last paragraph of `text` starts: after its last blank line,
/// LF or CRLF.
fn paragraph_start(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(nl) = memchr::memrchr(b'\n', &bytes[..end]) {
        let mut i = nl;
        while i > 0 && bytes[i - 1] == b'\r' {
            i -= 1;
        }
        if i > 0 && bytes[i - 1] == b'\n' {
            return nl + 1;
        }
        end = nl;
    }
    0
}

/// A fingerprint of the `[[actor]]` registry, part of every section's key.
pub(super) fn fingerprint(actors: &[crate::input::ActorEntry]) -> u64 {
    let mut h = FxHasher::default();
    format!("{actors:?}").hash(&mut h);
    h.finish()
}

/// The known actors a section could use: those with a word of their name
/// in its text.
fn relevant<'k>(
    known: &'k [Known],
    words: &'k FxHashSet<Box<str>>,
) -> impl Iterator<Item = &'k Known> + Clone {
    known
        .iter()
        .filter(|k| k.words.iter().any(|w| words.contains(w.as_str())))
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
    memo: Option<&RefCell<Memo>>,
    analyze_section: impl Fn(&Article, &[Known]) -> Analysis,
) -> Analysis {
    let len = article.prose.len();
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(len));
    let mut known: Vec<Known> = Vec::new();
    let mut known_keys: FxHashSet<String> = FxHashSet::default();
    let mut parts: Vec<(usize, Arc<Part>)> = Vec::new();
    for (start, end) in starts.zip(ends) {
        let range = TextRange::new(start, end);
        let text = &article.prose[range.as_range()];
        let analyse = |from: &[Known]| {
            Arc::new(Part::new(analyze_section(
                &section_article(article, range, lang),
                from,
            )))
        };
        let part = match memo {
            Some(memo) => {
                let mut m = memo.borrow_mut();
                let ignore_known = m.ignores_known_actors();
                let entry = m.section(text, SectionEntry::new);
                let from = relevant(&known, &entry.words);
                let hit = entry.kept.iter().find(|k| {
                    k.lang == lang
                        && k.config == config
                        && (ignore_known || k.known.iter().eq(from.clone()))
                });
                match hit {
                    Some(k) => k.part.clone(),
                    None => {
                        let from: Vec<Known> = from.cloned().collect();
                        drop(m);
                        let part = analyse(&from);
                        let mut m = memo.borrow_mut();
                        let kept = &mut m.section(text, SectionEntry::new).kept;
                        // A text reached from many states keeps the latest few.
                        if kept.len() >= 4 {
                            kept.remove(0);
                        }
                        kept.push(Kept {
                            lang,
                            config,
                            known: from,
                            part: part.clone(),
                        });
                        part
                    }
                }
            }
            None => {
                let entry = SectionEntry::new(text);
                let from: Vec<Known> = relevant(&known, &entry.words).cloned().collect();
                analyse(&from)
            }
        };
        for (id, (a, key)) in part.analysis.actors.iter().zip(&part.keys).enumerate() {
            if a.named && !known_keys.contains(key) {
                known_keys.insert(key.clone());
                known.push(Known::of(&part.analysis, id, text));
            }
        }
        parts.push((start, part));
    }
    join(lang, &parts)
}

fn shift(r: TextRange, by: usize) -> TextRange {
    TextRange::new(r.start() + by, r.end() + by)
}

/// The sections' analyses as one: ranges shifted to the document, indexes
/// of paragraphs, sentences and mentions renumbered, and actors of the same
/// name (a key of [`actor_key`]) made one, in order of first mention.
fn join(lang: Lang, parts: &[(usize, Arc<Part>)]) -> Analysis {
    let total = |f: fn(&Analysis) -> usize| parts.iter().map(|(_, p)| f(&p.analysis)).sum();
    let mut res = Analysis {
        language: lang,
        paragraphs: Vec::with_capacity(total(|a| a.paragraphs.len())),
        sentences: Vec::with_capacity(total(|a| a.sentences.len())),
        quotes: Vec::with_capacity(total(|a| a.quotes.len())),
        actors: Vec::new(),
        mentions: Vec::with_capacity(total(|a| a.mentions.len())),
        claims: Vec::with_capacity(total(|a| a.claims.len())),
        findings: Vec::with_capacity(total(|a| a.findings.len())),
        sections: Vec::with_capacity(parts.len()),
    };
    let mut by_key: FxHashMap<&str, ActorId> = FxHashMap::default();
    for (offset, whole) in parts {
        let (offset, keys, part) = (*offset, &whole.keys, &whole.analysis);
        let first_finding = res.findings.len();
        let (first_quote, first_mention) = (res.quotes.len(), res.mentions.len());
        let (paragraphs, sentences) = (res.paragraphs.len(), res.sentences.len());
        let ids: Vec<ActorId> = part
            .actors
            .iter()
            .zip(keys)
            .map(|(a, key)| {
                *by_key.entry(key).or_insert_with(|| {
                    res.actors.push(Actor {
                        mentions: Vec::new(),
                        ..a.clone()
                    });
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
        for m in &part.mentions {
            let actor = ids[m.actor];
            res.actors[actor].mentions.push(res.mentions.len());
            res.mentions.push(super::Mention {
                range: shift(m.range, offset),
                actor,
                kind: m.kind,
            });
        }
        res.quotes.extend(part.quotes.iter().map(|q| super::Quote {
            range: shift(q.range, offset),
            content: shift(q.content, offset),
            cue: q.cue.map(|c| shift(c, offset)),
            sentence: q.sentence + sentences,
            speaker: q.speaker.map(|a| ids[a]),
            ..q.clone()
        }));
        res.claims.extend(part.claims.iter().map(|c| {
            super::Claim {
                sentence: c.sentence + sentences,
                source: c.source.map(|a| ids[a]),
                cue: c.cue.map(|r| shift(r, offset)),
                markers: c
                    .markers
                    .iter()
                    .map(|&(r, k)| (shift(r, offset), k))
                    .collect(),
                ..*c
            }
        }));
        res.findings.extend(part.findings.iter().map(|f| {
            let mut f = f.clone();
            f.range = shift(f.range, offset);
            for (r, _) in &mut f.related {
                *r = shift(*r, offset);
            }
            f
        }));
        res.sections.push(Section {
            start: offset,
            findings: first_finding..res.findings.len(),
            quotes: first_quote..res.quotes.len(),
            mentions: first_mention..res.mentions.len(),
            part: whole.clone(),
        });
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, AnalysisConfig};

    /// Paragraphs of filler, numbered so each first line differs.
    fn filler(from: usize, n: usize) -> String {
        (from..from + n)
            .map(|i| format!("Paragraphe {i} : le conseil municipal a voté le budget de la ville pour l'année prochaine, après un long débat sur les routes.\n\n"))
            .collect()
    }

    #[test]
    fn an_article_is_one_section_and_a_long_document_is_cut_at_paragraphs() {
        assert!(cuts(&filler(0, 20)).is_empty());
        let text = filler(0, 2_000);
        let cuts = cuts(&text);
        assert!(cuts.len() > 10, "{} cuts", cuts.len());
        for (i, &c) in cuts.iter().enumerate() {
            assert!(text[..c].ends_with("\n\n") && text[c..].starts_with("Paragraphe"));
            let previous = if i == 0 { 0 } else { cuts[i - 1] };
            assert!(c - previous >= SECTION_BYTES);
        }
    }

    #[test]
    fn a_quotation_left_open_early_stops_no_later_cut_with_crlf_lines() {
        // Only the paragraph before a cut must close its quotations: one
        // left open near the start of a CRLF text once prevented every cut.
        let text = format!("Il a dit « sans fin.\n\n{}", filler(0, 2_000)).replace('\n', "\r\n");
        assert!(cuts(&text).len() > 10);
    }

    #[test]
    fn no_cut_falls_inside_an_open_quotation() {
        // Every paragraph opens a quotation that the next one closes.
        let text: String = (0..2_000)
            .map(|i| match i % 2 {
                0 => format!(
                    "Paragraphe {i} : « le budget de la ville est voté, dit-il, et les routes\n\n"
                ),
                _ => {
                    format!("Paragraphe {i} : seront refaites l'an prochain », a-t-il ajouté.\n\n")
                }
            })
            .collect();
        for c in cuts(&text) {
            let number: usize = text[c..]["Paragraphe ".len()..]
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            assert_eq!(number % 2, 0, "cut before the closing paragraph {number}");
        }
    }

    #[test]
    fn an_edit_moves_no_cut_far_from_it() {
        let text = filler(0, 3_000);
        let before = cuts(&text);
        // Paragraphs of every length up to about one of the filler's: a cut
        // placed by its distance from the previous one alone would move
        // by a paragraph for some of them, and so would every cut after.
        for n in (1..150).step_by(7) {
            let added = format!("{}\n\n", "x".repeat(n));
            let edited = format!("{added}{text}");
            let after: Vec<usize> = cuts(&edited).into_iter().map(|c| c - added.len()).collect();
            // Past the first two sections the cuts are the same.
            let far = |cs: &[usize]| {
                cs.iter()
                    .copied()
                    .filter(|&c| c > before[2])
                    .collect::<Vec<_>>()
            };
            assert_eq!(far(&before), far(&after), "{n} bytes added");
        }
    }

    #[test]
    fn a_surname_sections_later_names_the_person_named_in_full_before() {
        let mut text = String::from("Emmanuel Macron a visité la ville mardi.\n\n");
        text.push_str(&filler(0, 600));
        text.push_str("« Nous tiendrons parole », a déclaré Macron devant les élus.\n");
        assert!(!cuts(&text).is_empty());
        let config = AnalysisConfig {
            language: None,
            actors: Vec::new(),
            annotations: None,
        };
        let a = analyze(&Article::plain(&text), &config);
        let last = a.quotes.last().and_then(|q| q.speaker);
        assert_eq!(
            last.map(|s| a.actors[s].name.as_str()),
            Some("Emmanuel Macron")
        );
        let macron: Vec<_> = a
            .actors
            .iter()
            .filter(|x| x.name.contains("Macron"))
            .collect();
        assert_eq!(macron.len(), 1, "one actor for both mentions");
        assert_eq!(macron[0].mentions.len(), 2);
    }
}
