//! Named actors, with the class of every miss and false hit.

use super::features::{
    extra_words, has_digit, has_lowercase_content_word, has_title_word, holds_name, is_all_caps,
    n_words,
};
use super::{key, Category, Counts, ErrorKind, EvalError, Report, Scorer};
use crate::analysis::Actor;
use crate::input::gold::GoldActor;
use crate::lexicon::ActorKind;
use crate::text::{excerpt, TextRange};

impl Scorer<'_> {
    /// Named actors: a gold actor matches a predicted one by canonical
    /// name or any mention; kinds are not compared.
    ///
    /// Places are left out, as ANNOTATION.md says ("`place` entries may be
    /// listed; scoring leaves places out"):
    /// - recall: a gold `place` is not required (nor is an unnamed gold
    ///   actor, `"named": false`);
    /// - precision: a system actor left over once the gold's named
    ///   non-place actors have taken theirs is not a false hit when it
    ///   matches a gold place (by the same test as recall), nor when newsls
    ///   itself calls it a place. The gold *may* list places, so its
    ///   silence on a city or a building says nothing, and a place found is
    ///   no error. A real actor newsls mislabels as a place still matches
    ///   its gold entry (kinds are not compared) and counts as found; what
    ///   escapes precision is only a wrong name newsls calls a place.
    pub(super) fn score_actors(&self, rep: &mut Report) -> Counts {
        let analysis = self.analysis;
        let preds: Vec<usize> = (0..analysis.actors.len())
            .filter(|&i| analysis.actors[i].named)
            .collect();
        let mut used = vec![false; preds.len()];
        let mut counts = Counts::default();
        for (g, gold_actor) in self.gold.actors.iter().enumerate() {
            if !gold_actor.named || is_place(gold_actor) {
                continue;
            }
            let hit = preds
                .iter()
                .enumerate()
                .position(|(k, &p)| !used[k] && self.matches_gold(&analysis.actors[p], g));
            match hit {
                Some(k) => {
                    used[k] = true;
                    counts.tp += 1;
                }
                None => {
                    counts.fn_ += 1;
                    rep.errors.push(self.missed_actor(g));
                }
            }
        }
        for (&p, _) in preds.iter().zip(&used).filter(|(_, &u)| !u) {
            let a = &analysis.actors[p];
            // Not counted: a place (see above); a mention of a matched
            // gold actor (split entity) or of an unnamed one, which would
            // count one gold entity twice.
            let place = a.kind == ActorKind::Place
                || self
                    .gold
                    .actors
                    .iter()
                    .enumerate()
                    .any(|(g, ga)| is_place(ga) && self.matches_gold(a, g));
            if !place && !self.is_gold_actor_key(&key(&a.name)) {
                counts.fp += 1;
                rep.errors.push(self.false_actor(a));
            }
        }
        counts
    }

    /// Whether a system actor is the gold actor `g`: its name is the gold
    /// name or a gold mention, or one of its mentions is the gold name.
    fn matches_gold(&self, a: &Actor, g: usize) -> bool {
        let gold_key = key(&self.gold.actors[g].name);
        self.gold_actor_keys[g].contains(&key(&a.name))
            || a.mentions
                .iter()
                .any(|&m| key(&self.text[self.analysis.mentions[m].range.as_range()]) == gold_key)
    }

    fn is_gold_actor_key(&self, k: &str) -> bool {
        self.gold_actor_keys.iter().any(|keys| keys.contains(k))
    }

    fn missed_actor(&self, g: usize) -> EvalError {
        let ga = &self.gold.actors[g];
        let names: Vec<&str> = std::iter::once(&ga.name)
            .chain(&ga.mentions)
            .map(String::as_str)
            .collect();
        let at = names
            .iter()
            .filter_map(|n| self.locate(n, 0))
            .min_by_key(|r| r.start());
        let actors = &self.analysis.actors;
        let same = actors
            .iter()
            .find(|a| self.gold_actor_keys[g].contains(&key(&a.name)));
        // Against the canonical name only: gold mentions include
        // descriptions, which hold other actors' names.
        let part = actors.iter().find(|a| holds_name(&ga.name, &a.name));
        let whole = actors
            .iter()
            .find(|a| holds_name(&a.name, &ga.name))
            .map(|a| (a, ga.name.as_str()));
        let (detail, found) = match (same, part, whole) {
            (Some(a), _, _) if !a.named => ("found as an unnamed actor".to_string(), Some(a)),
            (Some(a), _, _) => (
                "newsls actor taken by another gold actor".to_string(),
                Some(a),
            ),
            (None, Some(a), _) => (
                "truncated: newsls has part of the name".to_string(),
                Some(a),
            ),
            (None, None, Some((a, n))) if has_title_word(&extra_words(&a.name, n)) => {
                ("newsls name adds a title word".to_string(), Some(a))
            }
            (None, None, Some((a, _))) => ("newsls name adds other words".to_string(), Some(a)),
            (None, None, None) => (name_shape(&ga.name, ga.kind.as_deref()), None),
        };
        let e = self
            .error(
                Category::Actors,
                ErrorKind::Missed,
                at,
                ga.name.clone(),
                format!("missed · {detail}"),
            )
            .expected(format!(
                "{} ({})",
                ga.name,
                ga.kind.as_deref().unwrap_or("no kind")
            ));
        match found {
            Some(a) => e
                .found(describe_actor(a))
                .rule(Some(actor_source(a).to_string())),
            None => e,
        }
    }

    fn false_actor(&self, a: &Actor) -> EvalError {
        let first = a.mentions.first().map(|&m| self.analysis.mentions[m].range);
        // Canonical names only: gold mentions include descriptions.
        let gold_names = self.gold.actors.iter().map(|g| &g.name);
        let mut part_of = false;
        let mut holds = None;
        for n in gold_names {
            part_of |= holds_name(n, &a.name);
            if holds.is_none() && holds_name(&a.name, n) {
                holds = Some(n);
            }
        }
        let detail = if is_all_caps(&a.name) || has_digit(&a.name) {
            "all caps or digits".to_string()
        } else if part_of {
            "part of a gold name (truncated)".to_string()
        } else if let Some(n) = holds {
            match has_title_word(&extra_words(&a.name, n)) {
                true => "gold name plus a title word".to_string(),
                false => "gold name plus other words".to_string(),
            }
        } else if has_title_word(&a.name) {
            "title word in the name".to_string()
        } else {
            self.where_first_seen(first, a)
        };
        let evidence =
            first.map(|r| format!("first mention «{}»", excerpt(&self.text[r.as_range()], 40)));
        self.error(
            Category::Actors,
            ErrorKind::False,
            first,
            a.name.clone(),
            format!("false · {detail}"),
        )
        .found(describe_actor(a))
        .rule(Some(actor_source(a).to_string()))
        .evidence(evidence)
    }

    /// For a false actor with nothing else to say: a headline, the start
    /// of a sentence, or its kind.
    fn where_first_seen(&self, first: Option<TextRange>, a: &Actor) -> String {
        let Some(r) = first else {
            return format!("{} name", a.kind.as_str());
        };
        let text_start = self.text.len() - self.text.trim_start().len();
        if self.lines.line_of(r.start()) == self.lines.line_of(text_start) {
            return "first seen in the headline".to_string();
        }
        let sentence = self.analysis.sentences[self.sentence_at(r.start())].range;
        let before = &self.text[sentence.start().min(r.start())..r.start()];
        if !before.chars().any(char::is_alphanumeric) {
            return "first seen at the start of a sentence".to_string();
        }
        format!("{} name", a.kind.as_str())
    }
}

/// A gold `place` entry (city, region, building): left out of scoring.
fn is_place(a: &GoldActor) -> bool {
    a.kind
        .as_deref()
        .and_then(ActorKind::parse)
        .is_some_and(|k| k == ActorKind::Place)
}

/// The shape of a gold name no system actor comes near.
fn name_shape(name: &str, kind: Option<&str>) -> String {
    let kind = kind.unwrap_or("no kind");
    if is_all_caps(name) {
        format!("acronym ({kind})")
    } else if has_lowercase_content_word(name) {
        format!("lower-case word in the name ({kind})")
    } else if n_words(name) == 1 {
        format!("single-word name ({kind})")
    } else {
        format!("multi-word capitalised name ({kind})")
    }
}

fn describe_actor(a: &Actor) -> String {
    format!("{} ({})", a.name, a.kind.as_str())
}

/// Where an actor comes from: the rule the analysis recorded on it.
fn actor_source(a: &Actor) -> &'static str {
    a.origin.as_str()
}
