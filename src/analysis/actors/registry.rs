//! The `Registry` of actors and mentions the analysis builds, and its
//! first source: the `[[actor]]` entries of `newsls.toml` (names and
//! aliases, any case and accent).

use std::collections::HashMap;

use super::super::sections::Known;
use super::super::{Actor, ActorId, ActorOrigin, Doc, Mention, MentionKind};
use crate::input::ActorEntry;
use crate::lexicon::{ActorKind, CaseRule, Gender, Lexicons, PhraseSet};
use crate::text::{fold, TextRange};

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
    /// Short names of organisations ([`short_name`]), kept by
    /// [`Registry::add`].
    org_short_names: HashMap<String, ActorId>,
    /// Folded acronyms the document uses for things (`le projet ACTA`,
    /// `the PALM trial`, `Ebola virus disease (EVD)`): never actors.
    pub things: std::collections::HashSet<String>,
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

    /// An actor made from its context (an institution that speaks, an
    /// anonymous source): see [`Registry::add_from`].
    pub fn add(&mut self, name: &str, kind: ActorKind) -> ActorId {
        self.add_from(name, kind, ActorOrigin::Context)
    }

    /// The actor of that name, added with its kind and origin if new.
    pub fn add_from(&mut self, name: &str, kind: ActorKind, origin: ActorOrigin) -> ActorId {
        if let Some(id) = self.find_key(name) {
            return id;
        }
        if let Some(id) = self.short_form_of(name, kind) {
            self.keys.insert(key(name), id);
            return id;
        }
        if let Some(id) = self.long_form_of(name, kind) {
            self.actors[id].name = name.to_string();
            self.keys.insert(key(name), id);
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
            origin,
        });
        self.keys.insert(key(name), id);
        if kind == ActorKind::Organization {
            if let Some(short) = short_name(&self.actors[id]) {
                self.org_short_names.entry(short).or_insert(id);
            }
        }
        if kind == ActorKind::Person && name.contains(' ') {
            for part in fold(name).split([' ', '-']) {
                if !Lexicons::get().shared.particles.contains(part) {
                    self.person_tokens.entry(part.to_string()).or_insert(id);
                }
            }
        }
        id
    }

    /// An organisation named before whose name this acronym begins,
    /// up to a hyphen ("SUD" after "SUD-PTT").
    fn short_form_of(&self, name: &str, kind: ActorKind) -> Option<ActorId> {
        if kind != ActorKind::Organization || !is_acronym_name(name) {
            return None;
        }
        self.actors.iter().position(|a| {
            a.kind == ActorKind::Organization
                && a.name
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('-'))
        })
    }

    /// An organisation named before by the acronym this name begins with,
    /// up to a hyphen ("SUD" before "SUD-PTT"): the same organisation,
    /// whose name becomes the longer one.
    fn long_form_of(&self, name: &str, kind: ActorKind) -> Option<ActorId> {
        let (short, _) = name.split_once('-')?;
        if kind != ActorKind::Organization || !is_acronym_name(short) {
            return None;
        }
        let id = self.find_key(short)?;
        let a = &self.actors[id];
        (a.name == short && a.kind == ActorKind::Organization).then_some(id)
    }

    pub fn add_key(&mut self, name: &str, actor: ActorId) {
        self.keys.entry(key(name)).or_insert(actor);
    }

    pub fn is_claimed(&self, r: TextRange) -> bool {
        self.claimed[r.as_range()].iter().any(|&c| c)
    }

    /// Removes the mentions inside `range` (a longer name absorbs them).
    pub(super) fn unclaim(&mut self, range: TextRange) {
        self.mentions.retain(|m| !range.contains_range(m.range));
        for c in &mut self.claimed[range.as_range()] {
            *c = false;
        }
    }

    pub(super) fn kind_at(&self, r: TextRange) -> Option<ActorKind> {
        let start = self.mentions.partition_point(|m| m.range.end <= r.start);
        // Sorted by start; a nested mention may end later, so look a little
        // before.
        self.mentions[start.saturating_sub(4)..]
            .iter()
            .take_while(|m| m.range.start < r.end)
            .find(|m| m.range.intersects(r))
            .map(|m| self.actors[m.actor].kind)
    }

    /// The mention that starts at `offset`, if any (the longest).
    pub(crate) fn mention_starting_at(&self, offset: usize) -> Option<&Mention> {
        let at = self.mentions.partition_point(|m| m.range.start() < offset);
        self.mentions[at..]
            .iter()
            .take_while(|m| m.range.start() == offset)
            .max_by_key(|m| m.range.len())
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

    /// "François Hollande … M. Hollande", "Sudesh Amman … Amman said", "AS
    /// Monaco … Monaco": a single word the gazetteer took for a country or
    /// a place is the person or club whose short name it is
    /// ([`short_name`]), when the document names one. Only surnames: in
    /// "Israel Katz" the country keeps its name.
    pub(super) fn relink_surnames(&mut self, text: &str) {
        let mut surnames: HashMap<String, ActorId> = HashMap::new();
        for (id, a) in self.actors.iter().enumerate() {
            if let Some(last) = short_name(a) {
                surnames.entry(last).or_insert(id);
            }
        }
        if surnames.is_empty() {
            return;
        }
        for m in &mut self.mentions {
            let a = &self.actors[m.actor];
            if a.origin != ActorOrigin::Gazetteer
                || !matches!(a.kind, ActorKind::Country | ActorKind::Place)
            {
                continue;
            }
            let word = &text[m.range.as_range()];
            if word.contains(' ') {
                continue;
            }
            if let Some(&id) = surnames.get(&fold(word)) {
                m.actor = id;
                m.kind = MentionKind::Name;
            }
        }
    }

    /// The organisation whose short name ([`short_name`]) is `token`: "Lens"
    /// for RC Lens, "Paribas" for BNP Paribas.
    pub(super) fn organisation_with_short_name(&self, token: &str) -> Option<ActorId> {
        self.org_short_names.get(token).copied()
    }

    /// The first person with a multi-word name containing `token` ("Obama"
    /// for Barack Obama). Names and kinds never change once added, so the
    /// index built by [`Registry::add`] answers in constant time.
    pub(super) fn person_with_token(&self, token: &str) -> Option<ActorId> {
        self.person_tokens.get(token).copied()
    }
}

/// The word a later mention may name an actor by, folded: a person's
/// surname (the last word of a multi-word name), or the last word of an
/// organisation named by an acronym and a name (`RC Lens`, `BNP
/// Paribas`).
fn short_name(a: &Actor) -> Option<String> {
    let words: Vec<&str> = a.name.split(' ').collect();
    let [.., last] = words.as_slice() else {
        return None;
    };
    let by_acronym = words.len() == 2
        && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
        && words[0]
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
        && !last.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let person = a.kind == ActorKind::Person && words.len() > 1;
    let org = a.kind == ActorKind::Organization && by_acronym;
    (person || org).then(|| fold(last))
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

pub(super) fn registry_entries(doc: &Doc, entries: &[ActorEntry], reg: &mut Registry) {
    if entries.is_empty() {
        return;
    }
    let mut names = Vec::new();
    let mut owners = Vec::new();
    for entry in entries {
        let id = reg.add_from(&entry.name, entry.kind, ActorOrigin::Registry);
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
    let set = PhraseSet::per_document(names);
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

/// The actors named in the sections before this one (a long document is
/// analysed section by section): later names join them as they would have
/// joined them in one pass. One never mentioned here is dropped by
/// [`Registry::finish`], like a registry entry.
pub(super) fn known_actors(known: &[Known], reg: &mut Registry) {
    for k in known {
        if reg.find_key(&k.name).is_some() {
            continue;
        }
        let id = reg.add_from(&k.name, k.kind, k.origin);
        let actor = &mut reg.actors[id];
        actor.gender = k.gender;
        actor.plural = k.plural;
        actor.is_agency = k.is_agency;
        actor.country = k.country.clone();
        for alias in &k.aliases {
            reg.add_key(alias, id);
        }
    }
}

/// Capitals only, at least two: "SUD", "CGT".
fn is_acronym_name(name: &str) -> bool {
    name.chars().count() >= 2 && name.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::super::check::check_actors;
    use crate::input::ActorEntry;
    use crate::lexicon::ActorKind;

    #[test]
    fn registry_aliases_match_whatever_the_accents_and_case() {
        let entry = ActorEntry {
            name: "États-Unis".to_string(),
            kind: ActorKind::Country,
            aliases: vec!["l’Oncle Sam".to_string()],
            description: Some("Pays".to_string()),
            wikidata: None,
        };
        check_actors(
            "Les Etats-Unis et L'ONCLE SAM ne font qu'un.",
            vec![entry],
            "country États-Unis (Pays): Etats-Unis | L'ONCLE SAM",
        );
    }

    #[test]
    fn a_short_name_joins_the_full_name() {
        check_actors(
            "Barack Obama est arrivé. Obama a parlé.",
            Vec::new(),
            "person Barack Obama: Barack Obama | Obama",
        );
    }

    #[test]
    fn an_acronym_before_a_hyphen_is_the_same_organisation() {
        check_actors(
            "Le syndicat CFX a protesté mardi.\n\nLe syndicat CFX-PTT a relevé des retards. CFX-PTT a dénoncé la direction.",
            Vec::new(),
            "organization CFX-PTT: CFX | CFX-PTT | CFX-PTT",
        );
    }
}
