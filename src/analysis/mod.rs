//! The analysis: text → paragraphs and sentences → quotation spans → actor
//! mentions → attributions → claims → findings.
//!
//! Pure: no I/O, no protocol types, and it never fails — a half-typed
//! article is analysed as well as it can be and its problems are findings.
//! Every range is a byte range into [`Article::text`].

mod actors;
pub mod annotations;
mod attribution;
mod claims;
pub mod findings;
pub mod language;
mod memo;
mod quotes;
mod sections;
mod segment;
mod too_large;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use crate::input::{ActorEntry, Article};
use crate::lexicon::{ActorKind, Gender, Lang, Lexicon, Lexicons, PhraseMatch, PhraseSet};
use crate::text::{Folded, TextRange};

pub use actors::key as actor_key;
pub use findings::{Finding, FindingKind};
pub use memo::Memo;
pub use sections::Section;

/// What the analysis needs besides the article, resolved from settings by
/// the caller. There is deliberately no `Default`: callers say what they use.
#[derive(Clone, Debug)]
pub struct AnalysisConfig {
    /// Language when the article does not say; `None` detects it.
    pub language: Option<Lang>,
    /// The registry of `newsls.toml`.
    pub actors: Vec<ActorEntry>,
    /// Human annotations of this document (a brat `.ann`), which win over
    /// the automatic analysis.
    pub annotations: Option<annotations::Annotations>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Mixed,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimStatus {
    Attributed,
    VagueSource,
    Unattributed,
}

impl ClaimStatus {
    /// The status written as [`ClaimStatus::as_str`] writes it.
    pub fn parse(s: &str) -> Option<ClaimStatus> {
        [
            ClaimStatus::Attributed,
            ClaimStatus::VagueSource,
            ClaimStatus::Unattributed,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Attributed => "attributed",
            // Such a claim is reported under the finding code of that name.
            ClaimStatus::VagueSource => FindingKind::VagueSource.code(),
            ClaimStatus::Unattributed => "unattributed",
        }
    }
}

pub type ActorId = usize;

/// How a mention names its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// The full name, an alias or a short name ("Obama").
    Name,
    /// A pronoun resolved to the actor ("elle", "he").
    Pronoun,
    /// A definite description ("le quotidien", "the agency", "le président chinois").
    Description,
    /// A capital or institution standing for a country ("Washington").
    Metonym,
    /// A demonym with a government noun ("les autorités chinoises").
    Demonym,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub range: TextRange,
    pub actor: ActorId,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    pub kind: ActorKind,
    pub description: Option<String>,
    pub wikidata: Option<String>,
    /// False for anonymous sources ("un membre de l'administration").
    pub named: bool,
    pub gender: Gender,
    pub plural: bool,
    /// For media, whether it is a news agency ("l'agence").
    pub is_agency: bool,
    /// Country the actor belongs to, when known (a demonym resolves to it).
    pub country: Option<String>,
    /// Indexes into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// True when the actor comes from the registry or annotations.
    pub registered: bool,
    /// How the analysis found the actor (the rule that made it).
    pub origin: ActorOrigin,
}

/// How an actor was found: the rule that made it, shown by `eval -v`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorOrigin {
    /// A `[[actor]]` entry of `newsls.toml`.
    Registry,
    /// A human annotation (brat `.ann`).
    Annotation,
    /// The compiled-in gazetteer: countries, capitals, media, institutions.
    Gazetteer,
    /// An acronym after its expansion: `National Security Agency (NSA)`.
    Acronym,
    /// A run of capitalised words read as a proper name.
    Name,
    /// A lower-case institution named by its noun and a complement or
    /// adjective: `ministère de l'Agriculture`, `la police fédérale`.
    Institution,
    /// A description of someone unnamed (`un membre de l'administration`).
    Description,
    /// A word that context names: `selon Febelfin`, `Coles and
    /// Woolworths`, `told ThePrint`, an institution that speaks.
    Context,
}

impl ActorOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorOrigin::Registry => "registry",
            ActorOrigin::Annotation => "annotation",
            ActorOrigin::Gazetteer => "gazetteer",
            ActorOrigin::Acronym => "acronym",
            ActorOrigin::Name => "proper name",
            ActorOrigin::Institution => "institution",
            ActorOrigin::Description => "description",
            ActorOrigin::Context => "context cue",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The whole quotation, marks included (for indirect quotes, the clause).
    pub range: TextRange,
    /// The quoted words, marks excluded.
    pub content: TextRange,
    pub kind: QuoteKind,
    pub speaker: Option<ActorId>,
    /// The words that introduce the quote: "a assuré que", "selon X", "dit-elle".
    pub cue: Option<TextRange>,
    /// Index of the sentence containing the start of the quote.
    pub sentence: usize,
    /// Which construction named the speaker ("incise", "subject-verb",
    /// "continuation"…, or "annotation" for a human one); `None` when no
    /// speaker was found.
    pub construction: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    Hearsay,
    Conditional,
    Statistic,
    Accusation,
    Evaluation,
    /// The writer's own "probablement", "most likely".
    Speculation,
    /// "Everyone knows", "des études montrent": a consensus or unnamed
    /// evidence in place of a source.
    Consensus,
}

impl MarkerKind {
    pub fn describe(self) -> &'static str {
        match self {
            MarkerKind::Hearsay => "hearsay",
            MarkerKind::Conditional => "conditional (hearsay or speculation)",
            MarkerKind::Statistic => "statistic",
            MarkerKind::Accusation => "accusation",
            MarkerKind::Evaluation => "evaluation presented as fact",
            MarkerKind::Speculation => "speculation",
            MarkerKind::Consensus => "appeal to common knowledge or unnamed evidence",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub sentence: usize,
    pub status: ClaimStatus,
    pub source: Option<ActorId>,
    /// The words that make it a claim (for unattributed claims).
    pub markers: Vec<(TextRange, MarkerKind)>,
    /// The attribution cue or vague source phrase.
    pub cue: Option<TextRange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub range: TextRange,
    pub paragraph: usize,
}

#[derive(Clone, Debug)]
pub struct Analysis {
    pub language: Lang,
    pub paragraphs: Vec<TextRange>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub actors: Vec<Actor>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// The sections of a long document, in order (`analysis/sections.rs`);
    /// empty when it was analysed whole.
    pub sections: Vec<Section>,
}

impl Analysis {
    /// The mention under `offset`, or ending right at it (a cursor just
    /// after a name).
    pub fn mention_at(&self, offset: usize) -> Option<&Mention> {
        // Mentions are sorted by start and may nest (an anonymous source's
        // phrase holds a name): the innermost one wins.
        let end = self.mentions.partition_point(|m| m.range.start() <= offset);
        let around = || self.mentions[..end].iter().rev().take(8);
        around()
            .filter(|m| m.range.contains(offset))
            .min_by_key(|m| m.range.len())
            .or_else(|| around().find(|m| m.range.end() == offset))
    }

    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.range.contains(offset))
    }

    pub fn quotes_of(&self, actor: ActorId) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(move |q| q.speaker == Some(actor))
    }
}

/// A word of the text: letters, digits, inner hyphens and a trailing
/// elision apostrophe ("l'", "qu'").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub range: TextRange,
    /// The word in the document's folded text (no copy of its own).
    pub folded: &'a str,
}

impl Word<'_> {
    /// Whether the word is one of a lexicon list (folded).
    pub fn is_in(&self, list: &[String]) -> bool {
        list.iter().any(|x| x == self.folded)
    }
}

/// State shared by the passes over one document.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub folded: &'a Folded,
    pub lex: &'a Lexicon,
    pub lexicons: &'a Lexicons,
    pub paragraphs: Vec<TextRange>,
    pub sentences: Vec<Sentence>,
    /// Closed quotations (marks included): the writer's cues and claim
    /// markers are never looked for inside them.
    pub quoted: Vec<TextRange>,
    /// Every word of the text, tokenised once.
    pub all_words: Vec<Word<'a>>,
    /// Every speech-verb form of the text, found once (the largest lexicon,
    /// looked up many times per sentence).
    pub speech: Vec<(TextRange, usize)>,
    /// Every framing-verb form of the text ("called", "qualifie"), found
    /// once like the speech forms.
    pub framing: Vec<(TextRange, usize)>,
    /// Results kept from the previous analysis of this document, if any.
    pub memo: Option<&'a RefCell<Memo>>,
}

impl<'a> Doc<'a> {
    pub fn in_quote(&self, r: TextRange) -> bool {
        let idx = self.quoted.partition_point(|q| q.end() <= r.start());
        self.quoted.get(idx).is_some_and(|q| q.contains_range(r))
    }

    /// Folded text of a range of the original.
    /// Whether `w` opens an adverbial phrase ("A l'occasion de …", "On
    /// Friday, …"), never a subject. The shared list mixes the languages:
    /// English "a" is an article, French "on" a pronoun.
    pub fn opens_adverbial(&self, w: &Word) -> bool {
        let other_word = match self.lex.lang {
            Lang::En => w.folded == "a",
            Lang::Fr => w.folded == "on",
        };
        self.lexicons.shared.adverbial_openers.contains(w.folded) && !other_word
    }

    pub fn folded_at(&self, range: TextRange) -> &'a str {
        let range = crate::text::snap(self.text, range);
        let start = self.folded.folded_offset(range.start());
        let end = self.folded.folded_offset(range.end());
        &self.folded.text[start..end]
    }

    fn unfold(&self, start: usize, end: usize) -> TextRange {
        TextRange::new(self.folded.original(start), self.folded.original(end))
    }

    /// Matches of a phrase set in the whole text, without the memo: for a
    /// set built by this analysis (it would never hit) searched over a text
    /// too large to be worth keeping as a key.
    pub fn find_in_text(&self, set: &PhraseSet) -> Vec<(TextRange, usize)> {
        set.find_iter(&self.folded.text)
            .map(|m| (self.unfold(m.start, m.end), m.id))
            .collect()
    }

    /// Matches of a phrase set inside a range, in original coordinates.
    pub fn find(&self, set: &PhraseSet, within: TextRange) -> Vec<(TextRange, usize)> {
        let start = self.folded.folded_offset(within.start());
        let end = self.folded.folded_offset(within.end());
        // Ranges searched begin and end at word boundaries (sentences,
        // clauses), so the slice's edges are boundaries too.
        let hay = &self.folded.text[start..end];
        let unfold = |m: PhraseMatch| (self.unfold(start + m.start, start + m.end), m.id);
        match self.memo {
            Some(memo) => memo
                .borrow_mut()
                .find(set, hay)
                .iter()
                .map(|&m| unfold(m))
                .collect(),
            None => set.find_iter(hay).map(unfold).collect(),
        }
    }

    /// The part of sentence `s` within a clause-sized distance of `around`,
    /// cut at word boundaries: cues and phrases are looked for there, so a
    /// pathological sentence of a million words costs linear time.
    pub fn window(&self, s: TextRange, around: TextRange) -> TextRange {
        const REACH: usize = 400;
        let start = s.start().max(around.start().saturating_sub(REACH));
        let end = s.end().min(around.end() + REACH);
        let words = self.words(TextRange::new(start, end));
        let start = if start > s.start() {
            words.first().map_or(start, |w| w.range.start())
        } else {
            start
        };
        let end = if end < s.end() {
            words.last().map_or(end, |w| w.range.end())
        } else {
            end
        };
        // Cutting at words never cuts into `around` itself (a quotation
        // followed by 400 bytes of symbols); `around` may be a byte reach,
        // so it is snapped to characters first.
        let around = crate::text::snap(self.text, around);
        let start = start.min(around.start().max(s.start()));
        let end = end.max(around.end().min(s.end()));
        TextRange::new(start.min(end), end)
    }

    /// Speech-verb forms inside a range.
    pub fn speech_in(&self, within: TextRange) -> &[(TextRange, usize)] {
        forms_in(&self.speech, within)
    }

    /// Framing-verb forms inside a range.
    pub fn framing_in(&self, within: TextRange) -> &[(TextRange, usize)] {
        forms_in(&self.framing, within)
    }

    /// The longest phrase of a set starting at an original offset.
    pub fn match_at(&self, set: &PhraseSet, at: usize) -> Option<(TextRange, usize)> {
        let f = self.folded.folded_offset(at);
        set.match_at(&self.folded.text, f)
            .map(|m| (self.unfold(m.start, m.end), m.id))
    }

    /// The longest phrase of a set ending at an original offset.
    pub fn match_ending_at(&self, set: &PhraseSet, end: usize) -> Option<(TextRange, usize)> {
        let f = self.folded.folded_offset(end);
        set.match_ending_at(&self.folded.text, f)
            .map(|m| (self.unfold(m.start, m.end), m.id))
    }

    /// The words lying wholly inside a range, with their folded forms.
    pub fn words(&self, within: TextRange) -> &[Word<'a>] {
        let start = self
            .all_words
            .partition_point(|w| w.range.start() < within.start());
        let end = self
            .all_words
            .partition_point(|w| w.range.end() <= within.end());
        &self.all_words[start..end.max(start)]
    }

    pub fn sentence_of(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|s| s.range.end() <= offset)
            .min(self.sentences.len().saturating_sub(1))
    }
}

/// The forms of a sorted list that lie inside a range.
fn forms_in(forms: &[(TextRange, usize)], within: TextRange) -> &[(TextRange, usize)] {
    let start = forms.partition_point(|(r, _)| r.start() < within.start());
    let end = forms.partition_point(|(r, _)| r.end() <= within.end());
    &forms[start..end.max(start)]
}

/// Every word of the document, paragraph by paragraph (from the memo when
/// a paragraph's text is unchanged).
fn all_words<'a>(doc: &Doc<'a>) -> Vec<Word<'a>> {
    let mut res = Vec::new();
    for &p in &doc.paragraphs {
        let word = |range| Word {
            range,
            folded: doc.folded_at(range),
        };
        let Some(memo) = doc.memo else {
            res.extend(segment::words(doc.text, p).into_iter().map(word));
            continue;
        };
        let mut memo = memo.borrow_mut();
        let relative = memo.words(&doc.text[p.as_range()], || {
            let rel = |r: TextRange| (r.start() - p.start()) as u32;
            let words = segment::words(doc.text, p).into_iter();
            words.map(|r| (rel(r), rel(r) + r.len() as u32)).collect()
        });
        let shift = |n: u32| p.start() + n as usize;
        res.extend(
            relative
                .iter()
                .map(|&(s, e)| word(TextRange::new(shift(s), shift(e)))),
        );
    }
    res
}

/// Analyses an article. Never fails.
pub fn analyze(article: &Article, config: &AnalysisConfig) -> Analysis {
    analyze_inner(article, config, None)
}

/// [`analyze`] reusing what `memo` kept from the previous analysis of the
/// same document (an editor's document between edits). The result is the
/// same as [`analyze`]'s; only the time differs.
pub fn analyze_with(article: &Article, config: &AnalysisConfig, memo: &mut Memo) -> Analysis {
    let cell = RefCell::new(std::mem::take(memo));
    let res = analyze_inner(article, config, Some(&cell));
    *memo = cell.into_inner();
    memo.sweep();
    res
}

/// [`analyze`] without cutting a long document into sections: one pass over
/// the whole text. Only for measuring what the cuts change
/// (`examples/sections_vs_one_pass.rs`); slow on long documents and never
/// reused between edits.
#[doc(hidden)]
pub fn analyze_in_one_pass(article: &Article, config: &AnalysisConfig) -> Analysis {
    let language = language_of(article, config);
    analyze_whole(article, config, None, language, &[])
}

/// The article's language: its front matter's, else the settings', else
/// the one its function words say.
fn language_of(article: &Article, config: &AnalysisConfig) -> Lang {
    article
        .meta
        .lang
        .or(config.language)
        .unwrap_or_else(|| language::detect(article.prose.as_str(), Lexicons::get()))
}

/// [`analyze`] (with the memo, when given) for an article of at most
/// `max_bytes` bytes. A larger one gets only the checks that cost next to
/// nothing, its quotation marks (`unbalanced-quote`), and one
/// `document-too-large` finding at its top saying so, why, and which
/// setting raises the limit: never a silent skip. Hover, the outline and
/// the other features then find no actors, quotes or claims in it. The
/// language server and `newsls check` call this with
/// `diagnostics.max-document-bytes`.
pub fn analyze_within(
    article: &Article,
    config: &AnalysisConfig,
    max_bytes: u64,
    memo: Option<&mut Memo>,
) -> Analysis {
    let size = article.text.len() as u64;
    if size <= max_bytes {
        return match memo {
            Some(memo) => analyze_with(article, config, memo),
            None => analyze(article, config),
        };
    }
    too_large::analysis(article, config, size, max_bytes)
}

/// The document's language decides the rules, except in a paragraph that
/// is clearly in the other language (`language::foreign_paragraphs` says
/// when): the text is then analysed once more with the other language's
/// rules, and each paragraph takes its results from the analysis in its
/// own language (`language::merge`). A document without such a paragraph
/// is analysed once, exactly as before.
fn analyze_inner(
    article: &Article,
    config: &AnalysisConfig,
    memo: Option<&RefCell<Memo>>,
) -> Analysis {
    let language = language_of(article, config);
    // Annotations are offsets into the whole text: an annotated document
    // is analysed whole.
    let cuts = match config.annotations {
        Some(_) => Vec::new(),
        None => sections::cuts(&article.prose),
    };
    if cuts.is_empty() {
        return analyze_whole(article, config, memo, language, &[]);
    }
    let fingerprint = sections::fingerprint(&config.actors);
    sections::analyze(article, language, fingerprint, &cuts, memo, |a, known| {
        analyze_whole(a, config, memo, language, known)
    })
}

/// The analysis of one article (or one section of a long one), starting
/// from the actors `known` before it.
fn analyze_whole(
    article: &Article,
    config: &AnalysisConfig,
    memo: Option<&RefCell<Memo>>,
    language: Lang,
    known: &[sections::Known],
) -> Analysis {
    let (main, foreign) = analyze_in(article, config, memo, language, known, true);
    if !foreign.contains(&true) {
        return main;
    }
    let other = language::other(language);
    let (other, _) = analyze_in(article, config, memo, other, known, false);
    language::merge(main, other, &foreign)
}

/// The analysis of the whole text with the rules of `language`, and, when
/// asked, which paragraphs are in the other language.
fn analyze_in(
    article: &Article,
    config: &AnalysisConfig,
    memo: Option<&RefCell<Memo>>,
    language: Lang,
    known: &[sections::Known],
    find_foreign: bool,
) -> (Analysis, Vec<bool>) {
    let lexicons = Lexicons::get();
    let text = article.prose.as_str();
    let lex = lexicons.lang(language);
    // Folding maps one char to one char of the same byte length for all
    // Latin text we handle; where it does not, offsets go through `origin`.
    let folded = Folded::new(text);
    let paragraphs = segment::paragraphs(text);
    let mut doc = Doc {
        text,
        folded: &folded,
        lex,
        lexicons,
        paragraphs,
        sentences: Vec::new(),
        quoted: Vec::new(),
        all_words: Vec::new(),
        speech: Vec::new(),
        framing: Vec::new(),
        memo,
    };
    doc.all_words = all_words(&doc);
    let marks = quotes::scan(&doc);
    doc.speech = doc
        .paragraphs
        .iter()
        .flat_map(|&p| doc.find(&lex.speech, p))
        .collect();
    doc.framing = doc
        .paragraphs
        .iter()
        .flat_map(|&p| doc.find(&lex.framing.set, p))
        .collect();
    // Top-level quotations, sorted by start (and so by end).
    doc.quoted = marks
        .spans
        .iter()
        .filter(|s| s.depth == 0)
        .map(|s| s.range)
        .collect();
    let foreign = match find_foreign {
        true => language::foreign_paragraphs(&doc, language),
        false => Vec::new(),
    };
    doc.sentences = segment::sentences(&doc, &doc.quoted);
    let mut registry = actors::detect(&doc, &config.actors, language, known);
    let mut quotes = attribution::quotes(&doc, &marks.spans, &mut registry);
    let mut claims = claims::classify(&doc, &mut quotes, &mut registry);
    if let Some(ann) = &config.annotations {
        annotations::apply(&doc, ann, &mut registry, &mut quotes, &mut claims);
    }
    // Actors never mentioned (registry entries absent from this article)
    // are dropped; ids held by quotes and claims follow.
    let referenced: Vec<ActorId> = quotes
        .iter()
        .filter_map(|q| q.speaker)
        .chain(claims.iter().filter_map(|c| c.source))
        .collect();
    let new_ids = registry.finish(referenced);
    for q in &mut quotes {
        q.speaker = q.speaker.and_then(|a| new_ids[a]);
    }
    for c in &mut claims {
        c.source = c.source.and_then(|a| new_ids[a]);
    }
    let actors = std::mem::take(&mut registry.actors);
    let mentions = std::mem::take(&mut registry.mentions);
    let mut findings = marks.findings;
    findings.extend(findings::from_analysis(&doc, &quotes, &claims, &actors));
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    let analysis = Analysis {
        language,
        paragraphs: doc.paragraphs,
        sentences: doc.sentences,
        quotes,
        actors,
        mentions,
        claims,
        findings,
        sections: Vec::new(),
    };
    (analysis, foreign)
}
