//! Word lists and the gazetteer, embedded as data files and compiled once
//! into typed tables and Aho–Corasick automata.
//!
//! Every entry is folded (see [`crate::text::fold`]) when it is loaded, and
//! every lookup is made on folded text, so `États-Unis` and `Etats-Unis`,
//! `l’agence` and `l'agence` are the same entry.

mod claims;
mod conjugate;
mod dictionary;
mod gazetteer;
mod phrases;

use gazetteer::load_gazetteer;

pub use claims::{ClaimRole, ClaimWords};
pub use dictionary::{word_classes, Dictionary, WordClasses};
pub use gazetteer::{CaseRule, Country, Gazetteer, GazetteerEntry, Institution, Media};
pub use phrases::{PhraseMatch, PhraseSet};

use std::sync::OnceLock;

// Looked up for every word of every article: Fx, not SipHash (the keys
// are our own word lists, not adversarial input).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use crate::text::fold;

/// A document language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Grammatical gender (and, for pronouns, the sex of a person).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Masculine,
    Feminine,
    /// Either, or unknown.
    Any,
    /// English "it": things, organisations, countries.
    Neuter,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" | "mp" => Gender::Masculine,
            "f" | "fp" => Gender::Feminine,
            "n" => Gender::Neuter,
            _ => Gender::Any,
        }
    }

    pub fn agrees(self, other: Gender) -> bool {
        self == Gender::Any || other == Gender::Any || self == other
    }
}

/// The kind of an actor (`kind` in `newsls.toml`, README.md "Configuration").
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Media,
    Place,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Media => "media",
            ActorKind::Place => "place",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" => Some(ActorKind::Person),
            "organization" | "organisation" => Some(ActorKind::Organization),
            "country" => Some(ActorKind::Country),
            "media" => Some(ActorKind::Media),
            "place" => Some(ActorKind::Place),
            _ => None,
        }
    }
}

/// How a speech-verb form can be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// A finite form or a participe présent: a cue on its own.
    Finite,
    /// A past participle: a cue only after an auxiliary.
    Participle,
}

/// The forms of a list of verbs: folded form → (lemma, kind), the same
/// forms with their accents (see [`Lexicon::speech_exact`]), and the
/// automaton that finds them.
pub struct VerbForms {
    pub forms: HashMap<String, (String, FormKind)>,
    pub exact: HashMap<String, FormKind>,
    pub set: PhraseSet,
}

impl VerbForms {
    fn new(
        lang: Lang,
        regular: &[String],
        irregular: &std::collections::HashMap<String, IrregularVerb>,
    ) -> VerbForms {
        let mut forms: HashMap<String, (String, FormKind)> = HashMap::default();
        let mut exact: HashMap<String, FormKind> = HashMap::default();
        let mut add = |form: String, lemma: &str, kind: FormKind| {
            let e = exact.entry(exact_key(&form)).or_insert(kind);
            if kind == FormKind::Finite {
                *e = FormKind::Finite;
            }
            let entry = forms
                .entry(fold(&form))
                .or_insert_with(|| (lemma.to_string(), kind));
            if kind == FormKind::Finite {
                entry.1 = FormKind::Finite;
            }
        };
        for lemma in regular {
            let derived = match lang {
                Lang::Fr => conjugate::french_er(lemma),
                Lang::En => conjugate::english_regular(lemma),
            };
            for form in derived.finite {
                add(form, lemma, FormKind::Finite);
            }
            for form in derived.participle {
                add(form, lemma, FormKind::Participle);
            }
        }
        for (lemma, v) in irregular {
            for form in &v.finite {
                add(form.clone(), lemma, FormKind::Finite);
            }
            for form in &v.participle {
                add(form.clone(), lemma, FormKind::Participle);
            }
        }
        let set = PhraseSet::new(forms.keys().cloned().collect());
        VerbForms { forms, exact, set }
    }

    /// The kind of the form matched as phrase `id` of [`VerbForms::set`],
    /// read with its accents (`text`) when they tell participle from
    /// finite.
    pub fn kind(&self, text: &str, id: usize) -> Option<FormKind> {
        self.exact
            .get(&exact_key(text))
            .copied()
            .or_else(|| self.forms.get(self.set.phrase(id)).map(|(_, k)| *k))
    }
}

/// Everything the analysis knows about one language.
pub struct Lexicon {
    pub lang: Lang,
    /// Speech-verb forms, folded, with their lemma and kind. A form that is
    /// both finite and participle is stored as finite.
    pub speech_forms: HashMap<String, (String, FormKind)>,
    /// The same forms in lower case with their accents: folding makes
    /// "proposé" (participle) and "propose" (finite) one key, this does not.
    pub speech_exact: HashMap<String, FormKind>,
    pub speech: PhraseSet,
    pub n_speech_verbs: usize,
    /// Verbs that frame a passage in quotation marks as their subject's
    /// words without reporting a clause ("called the plan "a disaster"",
    /// "a qualifié le projet de « folie »"): cues only for a quotation
    /// they govern.
    pub framing: VerbForms,
    pub attribution_phrases: PhraseSet,
    pub opinion_openers: PhraseSet,
    pub complementizers: Vec<String>,
    /// Prepositions that make the name after them a complement of a
    /// subject, not its head ("le porte-parole du Kremlin", "told the BBC"
    /// read from an inverted subject "à l'AFP Jean Roux").
    pub complement_prepositions: HashSet<String>,
    /// Speech verbs (lemmas) whose object is their audience ("told
    /// reporters"): an incise may go on after them.
    pub audience_verbs: Vec<String>,
    pub auxiliaries: PhraseSet,
    pub inserted_adverbs: PhraseSet,
    /// Stressed pronouns set between an auxiliary and its participle for
    /// contrast ("X a, lui, déclaré", "X a elle relevé").
    pub stressed_pronouns: PhraseSet,
    pub pronouns: HashMap<String, (Gender, bool)>,
    pub naming_words: PhraseSet,
    pub title_nouns: PhraseSet,
    /// Determiners: a speech form right after one is a noun ("une telle
    /// annonce", "the report").
    pub determiners: Vec<String>,
    /// The claim detector's lists (`claims.toml`).
    pub claims: ClaimWords,
    /// Definite-description head nouns: (kind, gender).
    pub descriptions: HashMap<String, (ActorKind, Gender)>,
    /// Description nouns naming a type of organisation ("the union", "le
    /// parti"): they refer only to an organisation whose name holds them.
    pub typed_descriptions: HashSet<String>,
    pub government_heads: Vec<String>,
    pub institutions: Vec<String>,
    pub vague_sources: PhraseSet,
    pub titles: HashMap<String, Gender>,
    pub title_set: PhraseSet,
    pub civilities: HashMap<String, Gender>,
    pub apposition_openers: Vec<String>,
    pub abbreviations: Vec<String>,
    pub sentence_words: HashSet<String>,
    pub function_words: HashSet<String>,
    /// English forms that report a clause without "that" ("said the deal
    /// was close"): every form of `bare_clause_any_form`, the third person
    /// and past of `bare_clause_verbs`, conjugated here.
    pub bare_clause_forms: Vec<String>,
    /// Speech verbs (lemmas) that report a clause without "that" only
    /// when the clause has a finite verb ("announced the trial was
    /// stopped", not "announced a trial").
    pub bare_clause_checked_verbs: Vec<String>,
    /// Words that make a clause finite: auxiliaries, modals, copulas, and
    /// contractions (entries starting with an apostrophe end a word).
    pub finite_markers: Vec<String>,
    /// The preposition introducing a passive's agent ("by", "par").
    pub agent_prepositions: Vec<String>,
    /// Endings of adjectives that follow an institution's noun in its name
    /// ("Fonds monétaire international", "police fédérale").
    pub adjective_endings: Vec<String>,
    /// Institutions of force named by a common noun ("la police",
    /// "l'armée"): actors wherever the text names them.
    pub forces: Vec<String>,
    /// Written media whose words a quotation can give ("a banner", "un
    /// message").
    pub written_media: Vec<String>,
    /// Verbs giving a written medium's words right before a quotation
    /// ("saying", "disant").
    pub display_verbs: Vec<String>,
}

/// Lists used whatever the article's language (`shared.toml`).
pub struct Shared {
    /// Before a short passage in marks: a name or a term follows.
    pub term_determiners: HashSet<String>,
    /// Opening a definite description.
    pub definite_determiners: HashSet<String>,
    /// Definite articles of both languages (le, la, les, l', the).
    pub articles: HashSet<String>,
    /// Before an acronym, make it a common noun ("les OGM").
    pub plural_determiners: HashSet<String>,
    pub particles: HashSet<String>,
    pub org_heads: HashSet<String>,
    pub media_heads: HashSet<String>,
    pub event_heads: HashSet<String>,
    pub place_heads: HashSet<String>,
    pub acronym_introducers: HashSet<String>,
    pub institution_heads: HashSet<String>,
    /// Kind nouns in file order (the first one found wins).
    pub kind_nouns: Vec<(String, ActorKind)>,
    pub adverbial_openers: HashSet<String>,
    /// Coordinating conjunctions: a verb right after one shares the
    /// subject of the verb before it ("a salué … et a estimé").
    pub coordinators: HashSet<String>,
    /// Days and times of day: skipped before an inverted subject ("a
    /// déclaré dimanche soir le ministre").
    pub time_adverbs: HashSet<String>,
    pub institutional_voices: Vec<String>,
    /// Roles speaking for an organisation ("porte-parole", "spokesman"):
    /// unnamed speakers of their own.
    pub spokespeople: HashSet<String>,
    pub indefinites: HashSet<String>,
    pub time_words: HashSet<String>,
    pub months: HashSet<String>,
    /// Nouns a leader's name goes with ("le gouvernement Papadimos").
    pub led_by: HashSet<String>,
}

pub struct Lexicons {
    pub fr: Lexicon,
    pub en: Lexicon,
    pub gazetteer: Gazetteer,
    pub shared: Shared,
    /// Bytes in the longest (folded) function word of either language: a
    /// word with more bytes folded, or more characters unfolded, is none.
    pub longest_function_word: usize,
}

impl Lexicons {
    /// The compiled-in lexicons, parsed on first use.
    pub fn get() -> &'static Lexicons {
        static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
        LEXICONS.get_or_init(|| match load() {
            Ok(lex) => lex,
            // The files are compiled in and validated by tests; a parse error
            // here is a build defect, not user input.
            Err(e) => panic!("embedded lexicon is invalid: {e}"),
        })
    }

    pub fn lang(&self, lang: Lang) -> &Lexicon {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// The embedded files, by name, for loading and validation.
pub const FILES: &[(&str, &str)] = &[
    ("fr/speech_verbs.toml", include_str!("fr/speech_verbs.toml")),
    ("fr/words.toml", include_str!("fr/words.toml")),
    ("fr/claims.toml", include_str!("fr/claims.toml")),
    ("en/speech_verbs.toml", include_str!("en/speech_verbs.toml")),
    ("en/words.toml", include_str!("en/words.toml")),
    ("en/claims.toml", include_str!("en/claims.toml")),
    ("gazetteer.toml", include_str!("gazetteer.toml")),
    ("shared.toml", include_str!("shared.toml")),
];

fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbsFile {
    #[serde(default, alias = "regular")]
    er: Vec<String>,
    irregular: std::collections::HashMap<String, IrregularVerb>,
    #[serde(default)]
    framing: Vec<String>,
    #[serde(default)]
    framing_irregular: std::collections::HashMap<String, IrregularVerb>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IrregularVerb {
    finite: Vec<String>,
    participle: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    attribution_phrases: Vec<String>,
    opinion_openers: Vec<String>,
    complementizers: Vec<String>,
    complement_prepositions: Vec<String>,
    #[serde(default)]
    audience_verbs: Vec<String>,
    auxiliaries: Vec<String>,
    inserted_adverbs: Vec<String>,
    #[serde(default)]
    stressed_pronouns: Vec<String>,
    pronouns: Vec<(String, String, String)>,
    naming_words: Vec<String>,
    title_nouns: Vec<String>,
    descriptions: Vec<(String, String, String)>,
    #[serde(default)]
    typed_descriptions: Vec<String>,
    government_heads: Vec<String>,
    institutions: Vec<String>,
    vague_sources: Vec<String>,
    titles: Vec<(String, String)>,
    civilities: Vec<(String, String)>,
    apposition_openers: Vec<String>,
    abbreviations: Vec<String>,
    sentence_words: Vec<String>,
    function_words: Vec<String>,
    #[serde(default)]
    bare_clause_any_form: Vec<String>,
    #[serde(default)]
    bare_clause_verbs: Vec<String>,
    #[serde(default)]
    bare_clause_checked_verbs: Vec<String>,
    #[serde(default)]
    finite_markers: Vec<String>,
    agent_prepositions: Vec<String>,
    #[serde(default)]
    adjective_endings: Vec<String>,
    #[serde(default)]
    forces: Vec<String>,
    written_media: Vec<String>,
    display_verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SharedFile {
    determiners: Vec<(String, String)>,
    particles: Vec<String>,
    org_heads: Vec<String>,
    media_heads: Vec<String>,
    event_heads: Vec<String>,
    place_heads: Vec<String>,
    acronym_introducers: Vec<String>,
    institution_heads: Vec<String>,
    kind_nouns: Vec<(String, String)>,
    adverbial_openers: Vec<String>,
    coordinators: Vec<String>,
    time_adverbs: Vec<String>,
    institutional_voices: Vec<String>,
    spokespeople: Vec<String>,
    indefinites: Vec<String>,
    time_words: Vec<String>,
    months: Vec<String>,
    led_by: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str) -> Result<T, String> {
    toml::from_str(file(name)).map_err(|e| format!("{name}: {e}"))
}

fn load() -> Result<Lexicons, String> {
    let shared: SharedFile = parse("shared.toml")?;
    let (fr, en) = (load_lang(Lang::Fr, &shared)?, load_lang(Lang::En, &shared)?);
    let longest_function_word = fr
        .function_words
        .iter()
        .chain(&en.function_words)
        .map(String::len)
        .max()
        .unwrap_or(0);
    Ok(Lexicons {
        fr,
        en,
        gazetteer: load_gazetteer()?,
        shared: load_shared(&shared)?,
        longest_function_word,
    })
}

/// Determiners of `shared.toml` that play `role`.
fn determiners_with(shared: &SharedFile, role: &str) -> Vec<String> {
    shared
        .determiners
        .iter()
        .filter(|(_, roles)| roles.split(' ').any(|r| r == role))
        .map(|(w, _)| fold(w))
        .collect()
}

fn load_shared(file: &SharedFile) -> Result<Shared, String> {
    let set = |list: &[String]| -> HashSet<String> { folded(list).into_iter().collect() };
    let mut kind_nouns = Vec::new();
    for (noun, kind) in &file.kind_nouns {
        let kind = ActorKind::parse(kind).ok_or_else(|| format!("shared.toml: bad kind {kind}"))?;
        kind_nouns.push((fold(noun), kind));
    }
    Ok(Shared {
        term_determiners: determiners_with(file, "term").into_iter().collect(),
        definite_determiners: determiners_with(file, "definite").into_iter().collect(),
        articles: determiners_with(file, "article").into_iter().collect(),
        plural_determiners: determiners_with(file, "plural").into_iter().collect(),
        particles: set(&file.particles),
        org_heads: set(&file.org_heads),
        media_heads: set(&file.media_heads),
        event_heads: set(&file.event_heads),
        place_heads: set(&file.place_heads),
        acronym_introducers: set(&file.acronym_introducers),
        institution_heads: set(&file.institution_heads),
        kind_nouns,
        adverbial_openers: set(&file.adverbial_openers),
        coordinators: set(&file.coordinators),
        time_adverbs: set(&file.time_adverbs),
        institutional_voices: folded(&file.institutional_voices),
        spokespeople: set(&file.spokespeople),
        indefinites: set(&file.indefinites),
        time_words: set(&file.time_words),
        months: set(&file.months),
        led_by: set(&file.led_by),
    })
}

/// Every form of `any_form`; the forms of `third_and_past` that are
/// neither the base nor the -ing form (regular verbs conjugated, irregular
/// ones read from the speech-verb file).
fn bare_clause_forms(
    any_form: &[String],
    third_and_past: &[String],
    irregular: &std::collections::HashMap<String, IrregularVerb>,
) -> Vec<String> {
    let mut res = Vec::new();
    for lemma in any_form.iter().chain(third_and_past) {
        let forms = match irregular.get(lemma) {
            Some(v) => v.finite.clone(),
            None => conjugate::english_regular(lemma).finite,
        };
        let every = any_form.contains(lemma);
        res.extend(
            forms
                .into_iter()
                .filter(|f| every || (f != lemma && !f.ends_with("ing"))),
        );
    }
    res
}

/// Lower case with typographic apostrophes made ASCII, accents kept.
pub fn exact_key(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | 'ʼ' | '‘' => '\'',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

fn folded(list: &[String]) -> Vec<String> {
    list.iter().map(|s| fold(s)).collect()
}

fn load_lang(lang: Lang, shared: &SharedFile) -> Result<Lexicon, String> {
    let dir = lang.code();
    let verbs: VerbsFile = parse(&format!("{dir}/speech_verbs.toml"))?;
    let words: WordsFile = parse(&format!("{dir}/words.toml"))?;

    let mut speech_forms: HashMap<String, (String, FormKind)> = HashMap::default();
    let mut speech_exact: HashMap<String, FormKind> = HashMap::default();
    let mut add = |form: String, lemma: &str, kind: FormKind| {
        let exact = speech_exact.entry(exact_key(&form)).or_insert(kind);
        if kind == FormKind::Finite {
            *exact = FormKind::Finite;
        }
        let entry = speech_forms
            .entry(fold(&form))
            .or_insert_with(|| (lemma.to_string(), kind));
        if kind == FormKind::Finite {
            entry.1 = FormKind::Finite;
        }
    };
    for lemma in &verbs.er {
        let forms = match lang {
            Lang::Fr => conjugate::french_er(lemma),
            Lang::En => conjugate::english_regular(lemma),
        };
        for form in forms.finite {
            add(form, lemma, FormKind::Finite);
        }
        for form in forms.participle {
            add(form, lemma, FormKind::Participle);
        }
    }
    for (lemma, v) in &verbs.irregular {
        for form in &v.finite {
            add(form.clone(), lemma, FormKind::Finite);
        }
        for form in &v.participle {
            add(form.clone(), lemma, FormKind::Participle);
        }
    }
    let n_speech_verbs = verbs.er.len() + verbs.irregular.len();
    let framing = VerbForms::new(lang, &verbs.framing, &verbs.framing_irregular);
    let speech = PhraseSet::new(speech_forms.keys().cloned().collect());

    let gender_pair = |list: &[(String, String)]| -> HashMap<String, Gender> {
        list.iter()
            .map(|(w, g)| (fold(w), Gender::parse(g)))
            .collect()
    };
    let titles = gender_pair(&words.titles);
    let title_set = PhraseSet::new(titles.keys().cloned().collect());
    let mut descriptions = HashMap::default();
    for (noun, kind, g) in &words.descriptions {
        let kind =
            ActorKind::parse(kind).ok_or_else(|| format!("{dir}/words.toml: bad kind {kind}"))?;
        descriptions.insert(fold(noun), (kind, Gender::parse(g)));
    }
    Ok(Lexicon {
        lang,
        speech_forms,
        speech_exact,
        speech,
        n_speech_verbs,
        framing,
        attribution_phrases: PhraseSet::from_list(&words.attribution_phrases),
        opinion_openers: PhraseSet::from_list(&words.opinion_openers),
        complementizers: folded(&words.complementizers),
        complement_prepositions: folded(&words.complement_prepositions).into_iter().collect(),
        audience_verbs: words.audience_verbs.clone(),
        auxiliaries: PhraseSet::from_list(&words.auxiliaries),
        inserted_adverbs: PhraseSet::from_list(&words.inserted_adverbs),
        stressed_pronouns: PhraseSet::from_list(&words.stressed_pronouns),
        pronouns: words
            .pronouns
            .iter()
            .map(|(w, g, n)| (fold(w), (Gender::parse(g), n == "p")))
            .collect(),
        naming_words: PhraseSet::from_list(&words.naming_words),
        title_nouns: PhraseSet::from_list(&words.title_nouns),
        determiners: determiners_with(shared, &format!("noun-{dir}")),
        claims: claims::load(&parse(&format!("{dir}/claims.toml"))?, dir)?,
        descriptions,
        government_heads: folded(&words.government_heads),
        institutions: folded(&words.institutions),
        vague_sources: PhraseSet::from_list(&words.vague_sources),
        titles,
        title_set,
        civilities: gender_pair(&words.civilities),
        apposition_openers: folded(&words.apposition_openers),
        abbreviations: folded(&words.abbreviations),
        sentence_words: folded(&words.sentence_words).into_iter().collect(),
        function_words: folded(&words.function_words).into_iter().collect(),
        adjective_endings: folded(&words.adjective_endings),
        forces: folded(&words.forces),
        written_media: folded(&words.written_media),
        display_verbs: folded(&words.display_verbs),
        bare_clause_forms: bare_clause_forms(
            &words.bare_clause_any_form,
            &words.bare_clause_verbs,
            &verbs.irregular,
        ),
        bare_clause_checked_verbs: folded(&words.bare_clause_checked_verbs),
        finite_markers: folded(&words.finite_markers),
        agent_prepositions: folded(&words.agent_prepositions),
        typed_descriptions: folded(&words.typed_descriptions).into_iter().collect(),
    })
}

#[cfg(test)]
mod tests;
