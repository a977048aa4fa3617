//! Actors and their mentions.
//!
//! In order of trust:
//! 1. the registry of `newsls.toml` (names and aliases, any case and accent);
//! 2. the gazetteer: countries, capitals (a metonym for the country, or the
//!    city itself in a dateline or after a locative preposition), media and
//!    agencies, institutions, places;
//! 3. proper-name sequences, with particles (de, du, d', van, von, al-, bin,
//!    of, for), titles and civilities before them (`le président Barack
//!    Obama`, `Le vice-président, Joe Biden`), appositions after them
//!    (`Vikram Singh, ancien responsable du Pentagone`) and acronyms in
//!    parentheses (`National Security Agency (NSA)`);
//! 4. demonyms after a government noun (`les autorités chinoises`) and
//!    definite descriptions (`le quotidien`, `l'agence`, `le président
//!    chinois`) resolved to the most recent compatible actor.
//!
//! One actor per entity: a later short name (`Obama`, `Xi`) joins the full
//! name it is part of. A capitalised word alone at the start of a sentence
//! is not taken for a name unless something else says it is one.

use std::collections::HashMap;

use super::{Actor, ActorId, Doc, Mention, MentionKind, Word};
use crate::input::ActorEntry;
use crate::lexicon::{ActorKind, CaseRule, Gazetteer, GazetteerEntry, Gender, Lang, PhraseSet};
use crate::text::{fold, is_space, TextRange};

/// Actors and mentions while the analysis builds them.
#[derive(Default)]
pub(crate) struct Registry {
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
    keys: HashMap<String, ActorId>,
    /// Each folded token of a multi-word person name → the first such
    /// person (a later short name joins it); kept by [`Registry::add`].
    person_tokens: HashMap<String, ActorId>,
    claimed: Vec<bool>,
}

impl Registry {
    pub fn new(len: usize) -> Registry {
        Registry {
            claimed: vec![false; len],
            ..Registry::default()
        }
    }

    pub fn find_key(&self, name: &str) -> Option<ActorId> {
        self.keys.get(&key(name)).copied()
    }

    pub fn add(&mut self, name: &str, kind: ActorKind) -> ActorId {
        if let Some(id) = self.find_key(name) {
            return id;
        }
        let id = self.actors.len();
        self.actors.push(Actor {
            name: name.to_string(),
            kind,
            description: None,
            wikidata: None,
            named: true,
            gender: Gender::Any,
            plural: false,
            is_agency: false,
            country: None,
            mentions: Vec::new(),
            registered: false,
        });
        self.keys.insert(key(name), id);
        if kind == ActorKind::Person && name.contains(' ') {
            for part in fold(name).split([' ', '-']) {
                if !PARTICLES.contains(&part) {
                    self.person_tokens.entry(part.to_string()).or_insert(id);
                }
            }
        }
        id
    }

    pub fn add_key(&mut self, name: &str, actor: ActorId) {
        self.keys.entry(key(name)).or_insert(actor);
    }

    pub fn is_claimed(&self, r: TextRange) -> bool {
        self.claimed[r.as_range()].iter().any(|&c| c)
    }

    /// Removes the mentions inside `range` (a longer name absorbs them).
    fn unclaim(&mut self, range: TextRange) {
        self.mentions.retain(|m| !range.contains_range(m.range));
        for c in &mut self.claimed[range.as_range()] {
            *c = false;
        }
    }

    fn kind_at(&self, r: TextRange) -> Option<ActorKind> {
        let start = self.mentions.partition_point(|m| m.range.end <= r.start);
        // Sorted by start; a nested mention may end later, so look a little
        // before.
        self.mentions[start.saturating_sub(4)..]
            .iter()
            .take_while(|m| m.range.start < r.end)
            .find(|m| m.range.intersects(r))
            .map(|m| self.actors[m.actor].kind)
    }

    /// A mention that may contain others (an anonymous source's phrase).
    pub fn mention_nested(&mut self, range: TextRange, actor: ActorId, kind: MentionKind) {
        let exact = self.mentions_in(range).any(|m| m.range == range);
        if !range.is_empty() && !exact {
            self.insert(Mention { range, actor, kind });
        }
    }

    pub fn mention(&mut self, range: TextRange, actor: ActorId, kind: MentionKind) {
        if range.is_empty() || self.is_claimed(range) {
            return;
        }
        for c in &mut self.claimed[range.as_range()] {
            *c = true;
        }
        self.insert(Mention { range, actor, kind });
    }

    /// Mentions stay sorted by start, so lookups by position are binary
    /// searches.
    fn insert(&mut self, m: Mention) {
        let at = self
            .mentions
            .partition_point(|o| o.range.start <= m.range.start);
        self.mentions.insert(at, m);
    }

    /// Adds many mentions at once (annotations): one sort, not one insert
    /// each; a range already present is kept once.
    pub fn extend_mentions(
        &mut self,
        items: impl IntoIterator<Item = (TextRange, ActorId)>,
        kind: MentionKind,
    ) {
        let mut seen: std::collections::HashSet<TextRange> =
            self.mentions.iter().map(|m| m.range).collect();
        for (range, actor) in items {
            if !range.is_empty() && seen.insert(range) {
                self.mentions.push(Mention { range, actor, kind });
            }
        }
        self.mentions.sort_by_key(|m| m.range.start);
    }

    /// Mentions wholly inside a range.
    pub fn mentions_in(&self, r: TextRange) -> impl Iterator<Item = &Mention> {
        let start = self.mentions.partition_point(|m| m.range.start < r.start);
        self.mentions[start..]
            .iter()
            .take_while(move |m| m.range.start < r.end)
            .filter(move |m| r.contains_range(m.range))
    }

    /// The actor of the latest mention before `offset` accepted by `ok`,
    /// with the offset of that mention.
    pub fn latest_before(
        &self,
        offset: usize,
        ok: impl Fn(&Actor) -> bool,
    ) -> Option<(ActorId, usize)> {
        /// Antecedents are recent: looking further back than this many
        /// mentions costs time on huge documents and finds wrong ones.
        const LOOKBACK: usize = 400;
        let end = self.mentions.partition_point(|m| m.range.start() < offset);
        self.mentions[..end]
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|m| m.range.end() <= offset && ok(&self.actors[m.actor]))
            .map(|m| (m.actor, m.range.start()))
    }

    /// Sorts mentions, fills each actor's mention list, and drops actors
    /// neither mentioned nor `referenced` (by a quote or claim); returns the
    /// map from old to new ids.
    pub fn finish(
        &mut self,
        referenced: impl IntoIterator<Item = ActorId>,
    ) -> Vec<Option<ActorId>> {
        self.mentions
            .sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        let mut used = vec![false; self.actors.len()];
        for m in &self.mentions {
            used[m.actor] = true;
        }
        for a in referenced {
            used[a] = true;
        }
        // Kept actors in order of first mention (referenced-only actors last).
        let mut first = vec![usize::MAX; self.actors.len()];
        for m in &self.mentions {
            first[m.actor] = first[m.actor].min(m.range.start());
        }
        let mut order: Vec<ActorId> = (0..self.actors.len()).filter(|&a| used[a]).collect();
        order.sort_by_key(|&a| (first[a], a));
        let mut map = vec![None; self.actors.len()];
        for (new, &old) in order.iter().enumerate() {
            map[old] = Some(new);
        }
        let mut old_actors: Vec<Option<Actor>> = std::mem::take(&mut self.actors)
            .into_iter()
            .map(Some)
            .collect();
        let mut actors: Vec<Actor> = order
            .iter()
            .filter_map(|&old| old_actors[old].take())
            .collect();
        for (i, m) in self.mentions.iter_mut().enumerate() {
            if let Some(new) = map[m.actor] {
                m.actor = new;
                actors[new].mentions.push(i);
            }
        }
        self.actors = actors;
        map
    }
}

/// Folded lookup key: case, accents and apostrophes folded, a leading
/// article dropped.
pub fn key(name: &str) -> String {
    let f = fold(name.trim());
    for article in ["le ", "la ", "les ", "l'", "the "] {
        if let Some(rest) = f.strip_prefix(article) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    f
}

pub fn detect(doc: &Doc, entries: &[ActorEntry], lang: Lang) -> Registry {
    let mut reg = Registry::new(doc.text.len());
    registry_entries(doc, entries, &mut reg);
    acronym_expansions(doc, &mut reg);
    gazetteer(doc, lang, &mut reg);
    for (idx, s) in doc.sentences.iter().enumerate() {
        let words = doc.words(s.range);
        lowercase_institutions(doc, words, &mut reg);
        names(doc, words, idx, &mut reg);
    }
    repeated_names(doc, &mut reg);
    for s in &doc.sentences {
        let words = doc.words(s.range);
        demonyms(doc, words, lang, &mut reg);
        descriptions(doc, words, &mut reg);
    }
    reg
}

fn registry_entries(doc: &Doc, entries: &[ActorEntry], reg: &mut Registry) {
    if entries.is_empty() {
        return;
    }
    let mut names = Vec::new();
    let mut owners = Vec::new();
    for entry in entries {
        let id = reg.add(&entry.name, entry.kind);
        let actor = &mut reg.actors[id];
        actor.description = entry.description.clone();
        actor.wikidata = entry.wikidata.clone();
        actor.registered = true;
        for alias in std::iter::once(&entry.name).chain(&entry.aliases) {
            reg.add_key(alias, id);
            names.push(fold(alias));
            owners.push((
                id,
                CaseRule::of(alias),
                alias.chars().next().is_some_and(char::is_lowercase),
            ));
        }
    }
    let set = PhraseSet::new(names);
    let whole = TextRange::new(0, doc.text.len());
    for (range, i) in doc.find(&set, whole) {
        let (id, case, descriptive) = owners[i];
        if case.accepts(&doc.text[range.as_range()]) {
            let kind = if descriptive {
                MentionKind::Description
            } else {
                MentionKind::Name
            };
            reg.mention(range, id, kind);
        }
    }
}

/// Canonical name of a country in the document language.
fn country_name(g: &Gazetteer, i: usize, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &g.countries[i].fr,
        Lang::En => &g.countries[i].en,
    }
}

pub fn country_actor(reg: &mut Registry, g: &Gazetteer, i: usize, lang: Lang) -> ActorId {
    let c = &g.countries[i];
    let id = reg.add(country_name(g, i, lang), ActorKind::Country);
    for alias in [&c.fr, &c.en] {
        reg.add_key(alias, id);
    }
    let a = &mut reg.actors[id];
    a.gender = if lang == Lang::En {
        Gender::Neuter
    } else {
        c.gender
    };
    a.plural = c.plural && lang == Lang::Fr;
    id
}

fn gazetteer(doc: &Doc, lang: Lang, reg: &mut Registry) {
    let g = &doc.lexicons.gazetteer;
    for (p, &para) in doc.paragraphs.iter().enumerate() {
        for (range, i) in doc.find(&g.names, para) {
            let original = &doc.text[range.as_range()];
            if !g.name_cases[i].accepts(original) || reg.is_claimed(range) {
                continue;
            }
            let (id, kind) = match g.name_entries[i] {
                GazetteerEntry::Country(c) => (country_actor(reg, g, c, lang), MentionKind::Name),
                GazetteerEntry::Capital(c) => {
                    if is_dateline(doc, p, range) || after_locative(doc, range.start()) {
                        (
                            reg.add(&g.name_display[i], ActorKind::Place),
                            MentionKind::Name,
                        )
                    } else {
                        (country_actor(reg, g, c, lang), MentionKind::Metonym)
                    }
                }
                GazetteerEntry::Media(m) => {
                    let media = &g.media[m];
                    let id = reg.add(&media.name, ActorKind::Media);
                    let a = &mut reg.actors[id];
                    a.is_agency = media.is_agency;
                    a.gender = if lang == Lang::En {
                        Gender::Neuter
                    } else {
                        media.gender
                    };
                    a.country = media.country.map(|c| g.countries[c].fr.clone());
                    reg.add_key(original, id);
                    (id, MentionKind::Name)
                }
                GazetteerEntry::Institution(o) => {
                    let inst = &g.institutions[o];
                    let name = if lang == Lang::Fr { &inst.fr } else { &inst.en };
                    let id = reg.add(name, ActorKind::Organization);
                    reg.add_key(&inst.fr, id);
                    reg.add_key(&inst.en, id);
                    reg.add_key(original, id);
                    let a = &mut reg.actors[id];
                    a.gender = if lang == Lang::En {
                        Gender::Neuter
                    } else {
                        inst.gender
                    };
                    a.plural = inst.plural && lang == Lang::Fr;
                    a.is_agency = fold(name).contains("agenc");
                    (id, MentionKind::Name)
                }
                GazetteerEntry::Place(_) => (
                    reg.add(&g.name_display[i], ActorKind::Place),
                    MentionKind::Name,
                ),
            };
            reg.mention(range, id, kind);
        }
    }
}

/// "PEKIN (Reuters) -", "WASHINGTON, 3 mars -": a place name in capitals
/// opening one of the first paragraphs.
fn is_dateline(doc: &Doc, paragraph: usize, range: TextRange) -> bool {
    let para = doc.paragraphs[paragraph];
    let text = &doc.text[range.as_range()];
    paragraph < 4
        && range.start() == para.start()
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

fn after_locative(doc: &Doc, start: usize) -> bool {
    let before = doc.folded_at(TextRange::new(start.saturating_sub(8), start));
    let before = before.trim_end();
    ["a", "en", "in", "at", "near", "pres de", "vers", "sur"]
        .iter()
        .any(|p| {
            before.ends_with(p) && before[..before.len() - p.len()].ends_with([' ', '\n', '('])
        })
}

const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "van", "von", "der", "den", "al", "bin", "ben", "el", "la", "le",
    "di", "da", "dos", "del", "of", "for", "l'", "y", "&",
];

const ORG_HEADS: &[&str] = &[
    "agency",
    "agence",
    "center",
    "centre",
    "institute",
    "institut",
    "university",
    "universite",
    "ministry",
    "ministere",
    "department",
    "departement",
    "bank",
    "banque",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "group",
    "groupe",
    "party",
    "parti",
    "association",
    "foundation",
    "fondation",
    "council",
    "conseil",
    "commission",
    "committee",
    "comite",
    "office",
    "bureau",
    "organisation",
    "organization",
    "union",
    "federation",
    "fund",
    "fonds",
    "court",
    "cour",
    "tribunal",
    "assemblee",
    "assembly",
    "police",
    "army",
    "armee",
    "society",
    "societe",
    "club",
    "school",
    "ecole",
    "hospital",
    "hopital",
    "authority",
    "autorite",
    "service",
    "services",
    "board",
    "network",
    "forum",
    "observatoire",
    "observatory",
    "laboratoire",
    "laboratory",
    "lab",
    "alliance",
    "front",
    "mouvement",
    "movement",
    "syndicat",
    "confederation",
    "sa",
    "systems",
    "technologies",
    "motors",
    "airlines",
    "energy",
    "holdings",
    "partners",
    "capital",
    "trust",
    "reserve",
    "directorate",
    "direction",
    "ministere",
    "prefecture",
    "mairie",
    "senat",
    "senate",
    "congress",
];

const MEDIA_HEADS: &[&str] = &[
    "news",
    "times",
    "post",
    "journal",
    "tribune",
    "gazette",
    "herald",
    "daily",
    "radio",
    "tv",
    "television",
    "presse",
    "press",
    "magazine",
    "hebdo",
    "quotidien",
    "chronicle",
    "observer",
    "courier",
    "courrier",
];

fn is_capitalized(w: &Word, text: &str) -> bool {
    let s = &text[w.range.as_range()];
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=7).contains(&letters) && s.chars().all(is_acronym_char)
}

fn is_acronym_char(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&'
}

/// The candidate acronym at the start of a parenthesis' content: acronym
/// characters up to `)`, `,` or `;` (`(NSA)`, `(CAP, …)`). The scan stops
/// at the first other character, so a text of many `(` costs linear time.
fn parenthesised_acronym(inner: &str) -> &str {
    let end = inner.find(|c| !is_acronym_char(c)).unwrap_or(inner.len());
    match inner[end..].chars().next() {
        Some(')' | ',' | ';') => &inner[..end],
        _ => "",
    }
}

/// Only spaces (or nothing, after an elision) between two words.
fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.range.end()..b.range.start()];
    if gap.is_empty() {
        // Only an elision glues two words: "l'Agriculture".
        return a.folded.ends_with('\'');
    }
    gap.len() <= 3 && gap.chars().all(|c| c == ' ' || is_space(c))
}

fn names(doc: &Doc, words: &[Word], _sentence: usize, reg: &mut Registry) {
    let text = doc.text;
    let g = &doc.lexicons.gazetteer;
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let starts_absorbable = reg.is_claimed(w.range)
            && matches!(
                reg.kind_at(w.range),
                Some(ActorKind::Place | ActorKind::Country)
            )
            && words.get(i + 1).is_some_and(|n| {
                adjacent(text, w, n) && is_capitalized(n, text) && !reg.is_claimed(n.range)
            });
        if !is_capitalized(w, text)
            || (reg.is_claimed(w.range) && !starts_absorbable)
            || w.folded.chars().all(|c| c.is_ascii_digit())
        {
            i += 1;
            continue;
        }
        // Extend over capitalised words and particles between them; a place
        // inside a longer name ("Texas Department of Public Safety") is
        // absorbed when the name turns out to be an organisation.
        let absorbable =
            |r: TextRange| matches!(reg.kind_at(r), Some(ActorKind::Place | ActorKind::Country));
        let mut j = i + 1;
        let mut last = i;
        while j < words.len() {
            if !adjacent(text, &words[j - 1], &words[j])
                || (reg.is_claimed(words[j].range) && !absorbable(words[j].range))
            {
                break;
            }
            if is_capitalized(&words[j], text) {
                last = j;
                j += 1;
                continue;
            }
            if PARTICLES.contains(&words[j].folded.as_str()) {
                // Particles only count between capitalised words.
                let mut k = j + 1;
                while k < words.len()
                    && PARTICLES.contains(&words[k].folded.as_str())
                    && adjacent(text, &words[k - 1], &words[k])
                {
                    k += 1;
                }
                if k < words.len()
                    && adjacent(text, &words[k - 1], &words[k])
                    && is_capitalized(&words[k], text)
                    && (!reg.is_claimed(words[k].range) || absorbable(words[k].range))
                {
                    j = k;
                    continue;
                }
            }
            break;
        }
        let seq = &words[i..=last];
        i = last + 1;
        let has_claimed = seq.iter().any(|w| reg.is_claimed(w.range));
        if has_claimed {
            let is_org = seq.iter().any(|w| ORG_HEADS.contains(&w.folded.as_str()));
            if is_org && seq.iter().any(|w| !reg.is_claimed(w.range)) {
                reg.unclaim(seq[0].range.cover(seq[seq.len() - 1].range));
                candidate(doc, words, seq, reg, g);
            } else {
                // Keep the gazetteer's reading; the free runs stand alone.
                let claimed: Vec<bool> = seq.iter().map(|w| reg.is_claimed(w.range)).collect();
                let mut start = 0;
                for k in 0..=seq.len() {
                    if k == seq.len() || claimed[k] {
                        if k > start {
                            candidate(doc, words, &seq[start..k], reg, g);
                        }
                        start = k + 1;
                    }
                }
            }
            continue;
        }
        candidate(doc, words, seq, reg, g);
    }
}

/// Whether a run of words could be a name on its own (not just particles).
fn candidate_len(doc: &Doc, run: &[Word]) -> bool {
    run.iter().any(|w| {
        !PARTICLES.contains(&w.folded.as_str()) && !doc.lex.sentence_words.contains(&w.folded)
    })
}

/// Words that make a capitalised run an event or a thing, not an actor.
const EVENT_HEADS: &[&str] = &[
    "storm",
    "hurricane",
    "cyclone",
    "typhoon",
    "tempete",
    "ouragan",
    "cup",
    "coupe",
    "league",
    "ligue",
    "championship",
    "championnat",
    "festival",
    "summit",
    "sommet",
    "war",
    "guerre",
    "act",
    "law",
    "loi",
    "day",
    "journee",
    "prize",
    "prix",
    "award",
    "conference",
    "conference",
    "olympics",
    "jeux",
    "games",
    "tour",
    "grand",
    "trophy",
    "trophee",
    "marathon",
    "expo",
    "forum",
    "plan",
    "programme",
    "program",
    "covid",
];

/// Words that make a capitalised run a place.
const PLACE_HEADS: &[&str] = &[
    "coast",
    "river",
    "lake",
    "lac",
    "island",
    "ile",
    "bay",
    "baie",
    "valley",
    "vallee",
    "mountain",
    "mont",
    "street",
    "avenue",
    "boulevard",
    "rue",
    "square",
    "park",
    "parc",
    "bridge",
    "pont",
    "airport",
    "aeroport",
    "stadium",
    "stade",
    "county",
    "comte",
    "region",
    "province",
    "district",
    "quartier",
];

/// Words after which an acronym names an actor.
const ACRONYM_INTRODUCERS: &[&str] = &[
    "le",
    "la",
    "l'",
    "les",
    "du",
    "des",
    "au",
    "aux",
    "de",
    "d'",
    "par",
    "pour",
    "selon",
    "avec",
    "contre",
    "et",
    "the",
    "by",
    "of",
    "from",
    "at",
    "with",
    "for",
    "and",
    "to",
    "according",
    "chez",
    "entre",
];

/// "le groupe Vernier", "la start-up lyonnaise Kalia", "un sondage Ifop",
/// "le stade Bollaert": a noun of a kind (and an adjective) before a name.
fn kind_noun_before(doc: &Doc, words: &[Word], first: usize) -> Option<ActorKind> {
    let mut k = first.checked_sub(1)?;
    // One adjective may sit between ("start-up lyonnaise").
    if !KIND_NOUNS.iter().any(|(n, _)| *n == words[k].folded) {
        if doc.text[words[k].range.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        k = k.checked_sub(1)?;
    }
    KIND_NOUNS
        .iter()
        .find(|(n, _)| *n == words[k].folded)
        .map(|(_, kind)| *kind)
}

const KIND_NOUNS: &[(&str, ActorKind)] = &[
    ("groupe", ActorKind::Organization),
    ("group", ActorKind::Organization),
    ("societe", ActorKind::Organization),
    ("entreprise", ActorKind::Organization),
    ("company", ActorKind::Organization),
    ("firm", ActorKind::Organization),
    ("start-up", ActorKind::Organization),
    ("startup", ActorKind::Organization),
    ("sondage", ActorKind::Organization),
    ("institut", ActorKind::Organization),
    ("cabinet", ActorKind::Organization),
    ("pollster", ActorKind::Organization),
    ("constructeur", ActorKind::Organization),
    ("carmaker", ActorKind::Organization),
    ("banque", ActorKind::Organization),
    ("bank", ActorKind::Organization),
    ("utility", ActorKind::Organization),
    ("association", ActorKind::Organization),
    ("ong", ActorKind::Organization),
    ("parti", ActorKind::Organization),
    ("party", ActorKind::Organization),
    ("club", ActorKind::Organization),
    ("syndicat", ActorKind::Organization),
    ("union", ActorKind::Organization),
    ("journal", ActorKind::Media),
    ("quotidien", ActorKind::Media),
    ("hebdomadaire", ActorKind::Media),
    ("magazine", ActorKind::Media),
    ("newspaper", ActorKind::Media),
    ("daily", ActorKind::Media),
    ("site", ActorKind::Media),
    ("website", ActorKind::Media),
    ("chaine", ActorKind::Media),
    ("broadcaster", ActorKind::Media),
    ("agence", ActorKind::Media),
    ("agency", ActorKind::Media),
    ("stade", ActorKind::Place),
    ("stadium", ActorKind::Place),
    ("ville", ActorKind::Place),
    ("city", ActorKind::Place),
    ("village", ActorKind::Place),
    ("town", ActorKind::Place),
    ("region", ActorKind::Place),
    ("province", ActorKind::Place),
    ("state", ActorKind::Place),
];

/// "National Security Agency (NSA)", "Autorité des marchés financiers
/// (AMF)": an acronym in parentheses whose letters are the initials of the
/// words before it names an organisation with that full name.
fn acronym_expansions(doc: &Doc, reg: &mut Registry) {
    let text = doc.text;
    // (folded acronym, actor, end of its definition)
    let mut defined: Vec<(String, ActorId, usize)> = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let inner = &text[open + 1..];
        let acro = parenthesised_acronym(inner);
        let len = acro.len();
        if !is_acronym(acro) || acro.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        let letters: Vec<char> = acro
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let before = TextRange::new(open.saturating_sub(200), open);
        let words = doc.words(before);
        // Walk back over words, matching initials from the last letter;
        // particles may be skipped.
        let mut need = letters.len();
        let mut start = None;
        for w in words.iter().rev() {
            let initial = w.folded.chars().next().unwrap_or(' ');
            if need > 0 && initial == crate::text::fold_char(letters[need - 1]) {
                need -= 1;
                start = Some(w.range.start());
                if need == 0 {
                    break;
                }
            } else if PARTICLES.contains(&w.folded.as_str())
                || matches!(w.folded.as_str(), "a" | "en" | "et" | "and")
            {
                continue;
            } else {
                break;
            }
        }
        let (Some(start), 0) = (start, need) else {
            continue;
        };
        let end = text[..open].trim_end().len();
        let full = TextRange::new(start, end);
        let first_cap = text[full.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !first_cap || reg.is_claimed(full) {
            continue;
        }
        let name = collapse(&text[full.as_range()]);
        let id = reg.add(&name, ActorKind::Organization);
        reg.add_key(acro, id);
        reg.mention(full, id, MentionKind::Name);
        let acro_range = TextRange::new(open + 1, open + 1 + len);
        reg.mention(acro_range, id, MentionKind::Name);
        defined.push((fold(acro), id, acro_range.end()));
    }
    if defined.is_empty() {
        return;
    }
    // Every later use of each acronym, in one pass over the text.
    let set = crate::lexicon::PhraseSet::new(defined.iter().map(|(a, _, _)| a.clone()).collect());
    for (r, i) in doc.find_in_text(&set) {
        let (_, id, defined_at) = defined[i];
        if r.start() >= defined_at && CaseRule::Upper.accepts(&text[r.as_range()]) {
            reg.mention(r, id, MentionKind::Name);
        }
    }
}

/// "ministère de l'Agriculture", "département d'État": a lower-case
/// institution noun with a capitalised complement.
fn lowercase_institutions(doc: &Doc, words: &[Word], reg: &mut Registry) {
    const HEADS: &[&str] = &[
        "ministere",
        "ministry",
        "departement",
        "secretariat",
        "commissariat",
        "office",
        "conseil",
        "direction",
    ];
    for (i, w) in words.iter().enumerate() {
        if !HEADS.contains(&w.folded.as_str()) || reg.is_claimed(w.range) {
            continue;
        }
        if doc.text[w.range.as_range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let mut k = i + 1;
        while k < words.len()
            && PARTICLES.contains(&words[k].folded.as_str())
            && adjacent(doc.text, &words[k - 1], &words[k])
        {
            k += 1;
        }
        if k == i + 1
            || k >= words.len()
            || !adjacent(doc.text, &words[k - 1], &words[k])
            || !is_capitalized(&words[k], doc.text)
        {
            continue;
        }
        let mut end = k;
        while end + 1 < words.len()
            && adjacent(doc.text, &words[end], &words[end + 1])
            && is_capitalized(&words[end + 1], doc.text)
        {
            end += 1;
        }
        let range = w.range.cover(words[end].range);
        if reg.is_claimed(range) {
            reg.unclaim(range);
        }
        let name = collapse(&doc.text[range.as_range()]);
        let id = reg.add(&name, ActorKind::Organization);
        reg.mention(range, id, MentionKind::Name);
    }
}

/// A single capitalised word seen at least twice, once with an apposition
/// that says what it is ("Orbitel, the Seattle-based cloud company,"), is
/// a name of that kind; every occurrence becomes a mention.
fn repeated_names(doc: &Doc, reg: &mut Registry) {
    let mut counts: HashMap<String, Vec<TextRange>> = HashMap::new();
    for s in &doc.sentences {
        for w in doc.words(s.range) {
            if is_capitalized(w, doc.text)
                && !reg.is_claimed(w.range)
                && !doc.lex.sentence_words.contains(&w.folded)
                && w.folded.chars().count() > 2
            {
                counts.entry(w.folded.clone()).or_default().push(w.range);
            }
        }
    }
    for (_, ranges) in counts {
        if ranges.len() < 2 {
            continue;
        }
        let kind = ranges.iter().find_map(|r| apposition_kind(doc, r.end()));
        let Some(kind) = kind else { continue };
        let name = doc.text[ranges[0].as_range()].to_string();
        let id = reg.add(&name, kind);
        for r in ranges {
            reg.mention(r, id, MentionKind::Name);
        }
    }
}

fn apposition_kind(doc: &Doc, end: usize) -> Option<ActorKind> {
    let desc = apposition(doc, end)?;
    let words: Vec<String> = desc.split([' ', '-']).map(fold).collect();
    KIND_NOUNS
        .iter()
        .find(|(n, _)| words.iter().any(|w| w == n))
        .map(|(_, k)| *k)
}

fn title_before(doc: &Doc, words: &[Word], first: usize) -> Option<(TextRange, Gender)> {
    // Civility: "M. Dupont", "Mme Durand", "Mr Smith".
    if first >= 1 {
        let w = &words[first - 1];
        let with_dot = format!("{}.", w.folded);
        let dotted = doc.text[w.range.end()..].starts_with('.');
        for lex in [doc.lex, doc.lexicons.lang(other(doc.lex.lang))] {
            if let Some(&g) = lex
                .civilities
                .get(if dotted { &with_dot } else { &w.folded })
            {
                return Some((w.range, g));
            }
            if let Some(&g) = lex.civilities.get(&w.folded) {
                return Some((w.range, g));
            }
        }
    }
    // Title, possibly followed by a demonym and a comma: "le président
    // chinois", "Le vice-président, ".
    let start = words.get(first)?.range.start();
    let before = doc.text[..start].trim_end_matches(|c: char| c == ' ' || is_space(c) || c == ',');
    let (range, id) = doc
        .match_ending_at(&doc.lex.title_set, before.len())
        .or_else(|| {
            // Skip one adjective or demonym: "le président chinois Xi Jinping",
            // "la maire sortante, Hélène Castagnet".
            let prev = doc.words(TextRange::new(start.saturating_sub(40), before.len()));
            let w = prev.last()?;
            if !doc.text[w.range.as_range()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                || doc.lex.function_words.contains(&w.folded)
            {
                return None;
            }
            let before = doc.text[..w.range.start()].trim_end();
            doc.match_ending_at(&doc.lex.title_set, before.len())
        })?;
    let title = doc.lex.title_set.phrase(id);
    let gender = doc.lex.titles.get(title).copied().unwrap_or(Gender::Any);
    Some((TextRange::new(range.start(), before.len()), gender))
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    }
}

fn candidate(doc: &Doc, words: &[Word], seq: &[Word], reg: &mut Registry, g: &Gazetteer) {
    let text = doc.text;
    // Words are sorted and disjoint: a binary search, so a sentence of a
    // million words costs no more per name than a short one.
    let first_idx = words.partition_point(|w| w.range.start() < seq[0].range.start());
    let first_idx = if words
        .get(first_idx)
        .is_some_and(|w| w.range == seq[0].range)
    {
        first_idx
    } else {
        0
    };
    // A title inside the run ends its description part: "European Trade
    // Commissioner Helena Varga", "U.S. Trade Representative Daniel Okafor".
    if let Some(t) = seq.iter().rposition(|w| {
        doc.lex.titles.contains_key(&w.folded) || doc.lex.civilities.contains_key(&w.folded)
    }) {
        if t > 0 && t + 1 < seq.len() {
            let gender = doc
                .lex
                .titles
                .get(&seq[t].folded)
                .copied()
                .unwrap_or(Gender::Any);
            let name_part = &seq[t + 1..];
            // "PDG de Vernier": the title's institution, not a person.
            if PARTICLES.contains(&name_part[0].folded.as_str()) {
                let rest: Vec<Word> = name_part
                    .iter()
                    .skip_while(|w| PARTICLES.contains(&w.folded.as_str()))
                    .cloned()
                    .collect();
                if !rest.is_empty() {
                    candidate(doc, words, &rest, reg, g);
                }
                return;
            }
            let before = candidate_len(doc, name_part);
            if before {
                let desc = collapse(&text[seq[0].range.start()..seq[t].range.end()]);
                let range = TextRange::new(
                    name_part[0].range.start(),
                    name_part[name_part.len() - 1].range.end(),
                );
                let name = collapse(&text[range.as_range()]);
                let id = reg
                    .find_key(&name)
                    .unwrap_or_else(|| reg.add(&name, ActorKind::Person));
                reg.mention(range, id, MentionKind::Name);
                let a = &mut reg.actors[id];
                if a.description.is_none() {
                    a.description = Some(desc);
                }
                if a.gender == Gender::Any && gender != Gender::Any {
                    a.gender = gender;
                }
                if a.gender == Gender::Any {
                    if let Some(&fg) = g.first_names.get(&name_part[0].folded) {
                        a.gender = fg;
                    }
                }
                return;
            }
        }
    }
    // Drop sentence words ("Le", "The", "Mais") and titles at the front.
    let mut skip = 0;
    let mut title_gender = None;
    while skip < seq.len() {
        let f = seq[skip].folded.as_str();
        if doc.lex.sentence_words.contains(f)
            || doc
                .lexicons
                .lang(other(doc.lex.lang))
                .sentence_words
                .contains(f)
        {
            skip += 1;
        } else if let Some(&gender) = doc.lex.titles.get(f).or_else(|| doc.lex.civilities.get(f)) {
            title_gender = Some(gender);
            skip += 1;
        } else {
            break;
        }
    }
    // Lower-case particles at either end are not part of a name ("La PDG
    // de Vernier"); a capitalised one is ("Ben Blanchard", "Van Gogh").
    while skip < seq.len()
        && PARTICLES.contains(&seq[skip].folded.as_str())
        && !is_capitalized(&seq[skip], text)
    {
        skip += 1;
    }
    let mut end = seq.len();
    while end > skip && PARTICLES.contains(&seq[end - 1].folded.as_str()) {
        end -= 1;
    }
    if skip >= end {
        return;
    }
    let seq = &seq[skip..end];
    let first_idx = first_idx + skip;
    let range = TextRange::new(seq[0].range.start(), seq[seq.len() - 1].range.end());
    let name = collapse(&text[range.as_range()]);
    let sentence_initial = first_idx == 0
        || words[..first_idx]
            .iter()
            .all(|w| doc.lex.sentence_words.contains(&w.folded));
    let title = title_before(doc, words, first_idx);
    let title_gender = title_gender.or(title.map(|t| t.1));

    // A known name: the registry, or a short form of a person already seen.
    if let Some(id) = reg.find_key(&name) {
        reg.mention(range, id, MentionKind::Name);
        return;
    }
    if seq.len() == 1 {
        if let Some(id) = person_with_token(reg, &seq[0].folded) {
            reg.mention(range, id, MentionKind::Name);
            return;
        }
    }

    let folded: Vec<&str> = seq.iter().map(|w| w.folded.as_str()).collect();
    let has_org_head = folded.iter().any(|w| ORG_HEADS.contains(w));
    if !has_org_head && folded.iter().any(|w| EVENT_HEADS.contains(w)) {
        return;
    }
    // A head noun alone ("Stade rennais", "Côté") is not a name.
    let all_heads = folded.iter().all(|w| {
        ORG_HEADS.contains(w)
            || PLACE_HEADS.contains(w)
            || MEDIA_HEADS.contains(w)
            || EVENT_HEADS.contains(w)
    });
    if all_heads && seq.len() == 1 {
        return;
    }
    let kind_noun = kind_noun_before(doc, words, first_idx);
    let is_place = (folded.iter().any(|w| PLACE_HEADS.contains(w))
        && !(sentence_initial && seq.len() == 1))
        || kind_noun == Some(ActorKind::Place);
    let is_org =
        folded.iter().any(|w| ORG_HEADS.contains(w)) && !(sentence_initial && seq.len() == 1);
    let is_media = folded.iter().skip(1).any(|w| MEDIA_HEADS.contains(w));
    let first_name = g
        .first_names
        .get(folded[0])
        .or_else(|| g.first_names.get(folded[0].split('-').next().unwrap_or("")))
        .copied();
    let acronym = seq.len() == 1 && is_acronym(&text[range.as_range()]);
    // "adresses IP", "format PDF": an acronym right after a common noun
    // modifies it; actors come after a determiner, a preposition or nothing.
    if acronym && !sentence_initial {
        if let Some(prev) = first_idx.checked_sub(1).map(|k| &words[k]) {
            let lower = doc.text[prev.range.as_range()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let function = doc.lex.sentence_words.contains(&prev.folded)
                || PARTICLES.contains(&prev.folded.as_str())
                || doc.lex.function_words.contains(&prev.folded);
            if lower && !function && !followed_by_speech(doc, range.end()) {
                return;
            }
        }
    }
    let kind = if let Some(k) = kind_noun {
        Some(k)
    } else if is_place {
        Some(ActorKind::Place)
    } else if is_media && !is_org {
        Some(ActorKind::Media)
    } else if is_org {
        Some(ActorKind::Organization)
    } else if acronym {
        // An acronym names an actor after a definite determiner or a
        // preposition ("la NSA", "by the FBI"), not after "un TGV", "as AI".
        let prev = first_idx.checked_sub(1).map(|k| words[k].folded.as_str());
        let definite = prev.is_none_or(|p| ACRONYM_INTRODUCERS.contains(&p))
            || followed_by_speech(doc, range.end());
        definite.then_some(ActorKind::Organization)
    } else if title_gender.is_some() || first_name.is_some() {
        Some(ActorKind::Person)
    } else if seq.len() == 1 {
        if after_locative(doc, range.start()) && !sentence_initial {
            Some(ActorKind::Place)
        } else if followed_by_speech(doc, range.end()) && !sentence_initial {
            Some(ActorKind::Person)
        } else {
            None
        }
    } else if seq.len() <= 3 {
        Some(ActorKind::Person)
    } else if seq.len() > 3 {
        Some(ActorKind::Organization)
    } else {
        None
    };
    let Some(kind) = kind else { return };
    let id = reg.add(&name, kind);
    reg.mention(range, id, MentionKind::Name);
    if kind == ActorKind::Person {
        let gender = title_gender
            .filter(|g| *g != Gender::Any)
            .or(first_name)
            .unwrap_or(Gender::Any);
        let a = &mut reg.actors[id];
        if a.gender == Gender::Any {
            a.gender = gender;
        }
        if let Some((title_range, _)) = title {
            if a.description.is_none() {
                a.description = Some(collapse(&text[title_range.as_range()]));
                a.country = demonym_country(doc, title_range);
            }
        }
        if let Some(desc) = apposition(doc, range.end()) {
            if reg.actors[id].description.is_none() {
                reg.actors[id].description = Some(desc);
            }
        }
    }
    acronym_after(doc, range.end(), id, reg);
}

/// The first person with a multi-word name containing `token` ("Obama"
/// for Barack Obama). Names and kinds never change once added, so the
/// index built by [`Registry::add`] answers in constant time.
fn person_with_token(reg: &Registry, token: &str) -> Option<ActorId> {
    reg.person_tokens.get(token).copied()
}

fn followed_by_speech(doc: &Doc, end: usize) -> bool {
    let rest = doc.text[end..].trim_start_matches([' ', ',']);
    let at = doc.text.len() - rest.len();
    let skip_aux = doc.match_at(&doc.lex.auxiliaries, at).map_or(at, |(r, _)| {
        let after = &doc.text[r.end()..];
        r.end() + (after.len() - after.trim_start().len())
    });
    doc.match_at(&doc.lex.speech, skip_aux).is_some()
}

/// "X, ancien consultant de la NSA, …": the description up to the next
/// comma outside parentheses.
fn apposition(doc: &Doc, end: usize) -> Option<String> {
    let rest = &doc.text[end..];
    let rest = rest.strip_prefix(',')?;
    let body = rest.trim_start();
    let start = doc.text.len() - body.len();
    let first = doc.words(TextRange::new(
        start,
        (start + 40).min(doc.text.len()).max(start),
    ));
    let first = first.first()?;
    let opener = doc.lex.apposition_openers.contains(&first.folded)
        || doc.lex.titles.contains_key(&first.folded);
    if !opener || doc.lex.speech_forms.contains_key(&first.folded) || first.range.start() != start {
        return None;
    }
    let mut depth = 0i32;
    let mut stop = body.len();
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' | '.' | '«' | '»' | '"' | '“' | '”' | '\n' if depth <= 0 => {
                stop = i;
                break;
            }
            _ => {}
        }
    }
    let desc = collapse(&body[..stop]);
    (desc.split(' ').count() <= 20 && !desc.is_empty()).then_some(desc)
}

/// "National Security Agency (NSA)", "Center for American Progress (CAP, …)".
fn acronym_after(doc: &Doc, end: usize, id: ActorId, reg: &mut Registry) {
    let rest = &doc.text[end..];
    let Some(inner) = rest.trim_start_matches(' ').strip_prefix('(') else {
        return;
    };
    let start = doc.text.len() - inner.len();
    let acro = parenthesised_acronym(inner);
    let len = acro.len();
    if !is_acronym(acro) {
        return;
    }
    reg.add_key(acro, id);
    reg.mention(TextRange::new(start, start + len), id, MentionKind::Name);
}

fn demonym_country(doc: &Doc, title: TextRange) -> Option<String> {
    let after = doc.words(TextRange::new(
        title.end(),
        (title.end() + 30).min(doc.text.len()),
    ));
    let w = after.first()?;
    let g = &doc.lexicons.gazetteer;
    g.demonyms
        .get(&w.folded)
        .map(|&c| g.countries[c].fr.clone())
}

/// "les autorités chinoises", "Chinese officials": a country speaking.
fn demonyms(doc: &Doc, words: &[Word], lang: Lang, reg: &mut Registry) {
    let g = &doc.lexicons.gazetteer;
    for pair in words.windows(2) {
        let (head, dem) = match lang {
            Lang::Fr => (&pair[0], &pair[1]),
            Lang::En => (&pair[1], &pair[0]),
        };
        if !doc.lex.government_heads.contains(&head.folded) {
            continue;
        }
        let Some(&c) = g.demonyms.get(&dem.folded) else {
            continue;
        };
        let range = pair[0].range.cover(pair[1].range);
        if reg.is_claimed(range) {
            continue;
        }
        let id = country_actor(reg, g, c, lang);
        reg.mention(range, id, MentionKind::Demonym);
    }
}

/// Definite descriptions: determiner + description noun or title, with an
/// optional demonym: "le quotidien", "l'agence", "le journal américain",
/// "le président chinois", "the newspaper".
fn descriptions(doc: &Doc, words: &[Word], reg: &mut Registry) {
    const DETERMINERS: &[&str] = &["le", "la", "l'", "the", "ce", "cette", "this"];
    let g = &doc.lexicons.gazetteer;
    for (i, det) in words.iter().enumerate() {
        if !DETERMINERS.contains(&det.folded.as_str()) {
            continue;
        }
        let Some(head) = words.get(i + 1) else {
            continue;
        };
        if !adjacent(doc.text, det, head) || reg.is_claimed(head.range) {
            continue;
        }
        // Multi-word titles ("premier ministre", "news agency").
        let (head_end, head_key, kind, gender) = {
            let at = head.range.start();
            if let Some((r, id)) = doc.match_at(&doc.lex.title_set, at) {
                let t = doc.lex.title_set.phrase(id).to_string();
                let gender = doc.lex.titles.get(&t).copied().unwrap_or(Gender::Any);
                (r.end(), t, ActorKind::Person, gender)
            } else if let Some(&(kind, gender)) = doc.lex.descriptions.get(&head.folded) {
                (head.range.end(), head.folded.clone(), kind, gender)
            } else if doc.lex.institutions.contains(&head.folded) {
                (
                    head.range.end(),
                    head.folded.clone(),
                    ActorKind::Organization,
                    Gender::Any,
                )
            } else {
                continue;
            }
        };
        let next_idx = words.partition_point(|w| w.range.start() < head_end);
        let next = words.get(next_idx);
        // "le président Barack Obama": a title before a name is not a
        // description of its own; "le ministre de l'Intérieur" names
        // someone else.
        if let Some(n) = next {
            let gap = doc.text[head_end..n.range.start()].trim();
            let glued = gap.is_empty();
            if glued
                && (is_capitalized(n, doc.text)
                    || matches!(n.folded.as_str(), "de" | "du" | "des" | "d'" | "of"))
            {
                continue;
            }
            // "Le vice-président, Joe Biden, …": the title of the name after it.
            if gap == "," && kind == ActorKind::Person && is_capitalized(n, doc.text) {
                continue;
            }
        }
        let mut end = head_end;
        let mut country = None;
        if let Some(n) = next {
            if let Some(&c) = g.demonyms.get(&n.folded) {
                if doc.text[head_end..n.range.start()].trim().is_empty() {
                    country = Some(g.countries[c].fr.clone());
                    end = n.range.end();
                }
            }
        }
        let range = TextRange::new(det.range.start(), end);
        if reg.is_claimed(range) {
            continue;
        }
        // "le parquet", "the police": an institution of its own, made an
        // actor only when it speaks (see attribution).
        if doc.lex.institutions.contains(&head_key) {
            continue;
        }
        // "la maire", "le ministre": the article tells the gender a title
        // leaves open.
        let gender = match (gender, det.folded.as_str()) {
            (Gender::Any, "la" | "cette") => Gender::Feminine,
            (Gender::Any, "le" | "ce") => Gender::Masculine,
            (g, _) => g,
        };
        let is_agency_noun = matches!(head_key.as_str(), "agence" | "agency" | "news agency");
        let found = resolve_description(
            reg,
            range.start(),
            kind,
            gender,
            &head_key,
            is_agency_noun,
            country.as_deref(),
        );
        if let Some(id) = found {
            if kind == ActorKind::Person && reg.actors[id].country.is_none() {
                reg.actors[id].country = country;
            }
            reg.mention(range, id, MentionKind::Description);
        }
    }
}

fn resolve_description(
    reg: &Registry,
    offset: usize,
    kind: ActorKind,
    gender: Gender,
    head: &str,
    agency: bool,
    country: Option<&str>,
) -> Option<ActorId> {
    let compatible = |a: &Actor| {
        let kind_ok = match kind {
            ActorKind::Media if agency => {
                a.is_agency && matches!(a.kind, ActorKind::Media | ActorKind::Organization)
            }
            ActorKind::Country => a.kind == ActorKind::Country,
            k => a.kind == k,
        };
        let gender_ok = kind != ActorKind::Person || a.gender.agrees(gender);
        let country_ok = match (country, &a.country) {
            (Some(c), Some(ac)) => fold(c) == fold(ac),
            _ => true,
        };
        kind_ok && gender_ok && country_ok
    };
    if kind == ActorKind::Person {
        // Prefer someone already described with this title.
        let titled = |a: &Actor| {
            compatible(a)
                && a.description
                    .as_deref()
                    .is_some_and(|d| fold(d).contains(head))
        };
        if let Some((id, _)) = reg.latest_before(offset, titled) {
            return Some(id);
        }
        // Two different people in the latest sentence: ambiguous.
        let (first, at) = reg.latest_before(offset, compatible)?;
        let second = reg.latest_before(offset, |a| {
            compatible(a) && !std::ptr::eq(a, &reg.actors[first])
        });
        if let Some((_, at2)) = second {
            if at - at2 < 60 {
                return None;
            }
        }
        return Some(first);
    }
    reg.latest_before(offset, compatible).map(|(id, _)| id)
}

fn collapse(s: &str) -> String {
    crate::text::collapse_whitespace(s)
}
