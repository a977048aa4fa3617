//! Word lists and the gazetteer, embedded as data files and compiled once
//! into typed tables and Aho–Corasick automata.
//!
//! Every entry is folded (see [`crate::text::fold`]) when it is loaded, and
//! every lookup is made on folded text, so `États-Unis` and `Etats-Unis`,
//! `l’agence` and `l'agence` are the same entry.

mod conjugate;
mod phrases;

pub use phrases::{PhraseMatch, PhraseSet};

use std::collections::HashMap;
use std::sync::OnceLock;

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
    pub attribution_phrases: PhraseSet,
    pub opinion_openers: PhraseSet,
    pub complementizers: Vec<String>,
    pub auxiliaries: PhraseSet,
    pub inserted_adverbs: PhraseSet,
    pub pronouns: HashMap<String, (Gender, bool)>,
    pub naming_words: PhraseSet,
    pub title_nouns: PhraseSet,
    /// Determiners: a speech form right after one is a noun ("une telle
    /// annonce", "the report").
    pub determiners: Vec<String>,
    pub hearsay: PhraseSet,
    pub impersonal_sources: PhraseSet,
    pub accusations: PhraseSet,
    pub evaluations: PhraseSet,
    pub statistics: PhraseSet,
    pub hypothesis_markers: PhraseSet,
    pub conditional_exceptions: Vec<String>,
    pub first_person: Vec<String>,
    /// Definite-description head nouns: (kind, gender).
    pub descriptions: HashMap<String, (ActorKind, Gender)>,
    pub government_heads: Vec<String>,
    pub institutions: Vec<String>,
    pub vague_sources: PhraseSet,
    pub titles: HashMap<String, Gender>,
    pub title_set: PhraseSet,
    pub civilities: HashMap<String, Gender>,
    pub apposition_openers: Vec<String>,
    pub abbreviations: Vec<String>,
    pub sentence_words: std::collections::HashSet<String>,
    pub function_words: std::collections::HashSet<String>,
}

/// A country of the gazetteer.
pub struct Country {
    pub fr: String,
    pub en: String,
    pub gender: Gender,
    pub plural: bool,
}

/// A media outlet or agency of the gazetteer.
pub struct Media {
    pub name: String,
    pub is_agency: bool,
    pub gender: Gender,
    /// Index into [`Gazetteer::countries`].
    pub country: Option<usize>,
}

/// An institution of the gazetteer.
pub struct Institution {
    pub fr: String,
    pub en: String,
    pub gender: Gender,
    pub plural: bool,
}

/// The capitalisation a gazetteer name needs in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseRule {
    /// Written in lower case in the gazetteer: any case matches.
    Any,
    /// Starts with a capital: the text must too.
    Capitalized,
    /// An acronym: the text must be in capitals.
    Upper,
}

impl CaseRule {
    /// The rule for a name as written in a lexicon or registry.
    pub fn of(name: &str) -> CaseRule {
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            CaseRule::Upper
        } else if name.chars().next().is_some_and(char::is_uppercase) {
            CaseRule::Capitalized
        } else {
            CaseRule::Any
        }
    }

    /// Whether `text` (the original, unfolded match) satisfies the rule.
    pub fn accepts(self, text: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Capitalized => text.chars().next().is_some_and(char::is_uppercase),
            CaseRule::Upper => text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
        }
    }
}

/// What a gazetteer name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GazetteerEntry {
    Country(usize),
    /// A capital standing for its country, or the city itself in a dateline.
    Capital(usize),
    Media(usize),
    Institution(usize),
    Place(usize),
}

pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub media: Vec<Media>,
    pub institutions: Vec<Institution>,
    pub places: Vec<String>,
    /// Every name, alias, capital and place, matched case-insensitively on
    /// folded text.
    pub names: PhraseSet,
    pub name_entries: Vec<GazetteerEntry>,
    /// How the text must be capitalised for a name to match: "US" only in
    /// capitals (not the pronoun "us"), "Nice" only with a capital.
    pub name_cases: Vec<CaseRule>,
    /// The name as written in the gazetteer ("Pékin" for a match of "PEKIN").
    pub name_display: Vec<String>,
    /// Demonyms by folded form.
    pub demonyms: HashMap<String, usize>,
    pub first_names: HashMap<String, Gender>,
}

pub struct Lexicons {
    pub fr: Lexicon,
    pub en: Lexicon,
    pub gazetteer: Gazetteer,
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
    ("en/speech_verbs.toml", include_str!("en/speech_verbs.toml")),
    ("en/words.toml", include_str!("en/words.toml")),
    ("gazetteer.toml", include_str!("gazetteer.toml")),
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
    irregular: HashMap<String, IrregularVerb>,
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
    auxiliaries: Vec<String>,
    inserted_adverbs: Vec<String>,
    pronouns: Vec<(String, String, String)>,
    naming_words: Vec<String>,
    title_nouns: Vec<String>,
    determiners: Vec<String>,
    hearsay: Vec<String>,
    impersonal_sources: Vec<String>,
    accusations: Vec<String>,
    evaluations: Vec<String>,
    statistics: Vec<String>,
    hypothesis_markers: Vec<String>,
    conditional_exceptions: Vec<String>,
    first_person: Vec<String>,
    descriptions: Vec<(String, String, String)>,
    government_heads: Vec<String>,
    institutions: Vec<String>,
    vague_sources: Vec<String>,
    titles: Vec<(String, String)>,
    civilities: Vec<(String, String)>,
    apposition_openers: Vec<String>,
    abbreviations: Vec<String>,
    sentence_words: Vec<String>,
    function_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    country: Vec<CountryEntry>,
    media: Vec<MediaEntry>,
    organization: Vec<OrgEntry>,
    place: Vec<String>,
    first_names: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryEntry {
    fr: String,
    en: String,
    g: String,
    aliases: Vec<String>,
    dem: Vec<String>,
    cap: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MediaEntry {
    name: String,
    kind: String,
    g: String,
    country: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgEntry {
    fr: String,
    en: String,
    g: String,
    aliases: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str) -> Result<T, String> {
    toml::from_str(file(name)).map_err(|e| format!("{name}: {e}"))
}

fn load() -> Result<Lexicons, String> {
    Ok(Lexicons {
        fr: load_lang(Lang::Fr)?,
        en: load_lang(Lang::En)?,
        gazetteer: load_gazetteer()?,
    })
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

fn load_lang(lang: Lang) -> Result<Lexicon, String> {
    let dir = lang.code();
    let verbs: VerbsFile = parse(&format!("{dir}/speech_verbs.toml"))?;
    let words: WordsFile = parse(&format!("{dir}/words.toml"))?;

    let mut speech_forms: HashMap<String, (String, FormKind)> = HashMap::new();
    let mut speech_exact: HashMap<String, FormKind> = HashMap::new();
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
    let speech = PhraseSet::new(speech_forms.keys().cloned().collect());

    let gender_pair = |list: &[(String, String)]| -> HashMap<String, Gender> {
        list.iter()
            .map(|(w, g)| (fold(w), Gender::parse(g)))
            .collect()
    };
    let titles = gender_pair(&words.titles);
    let title_set = PhraseSet::new(titles.keys().cloned().collect());
    let mut descriptions = HashMap::new();
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
        attribution_phrases: PhraseSet::from_list(&words.attribution_phrases),
        opinion_openers: PhraseSet::from_list(&words.opinion_openers),
        complementizers: folded(&words.complementizers),
        auxiliaries: PhraseSet::from_list(&words.auxiliaries),
        inserted_adverbs: PhraseSet::from_list(&words.inserted_adverbs),
        pronouns: words
            .pronouns
            .iter()
            .map(|(w, g, n)| (fold(w), (Gender::parse(g), n == "p")))
            .collect(),
        naming_words: PhraseSet::from_list(&words.naming_words),
        title_nouns: PhraseSet::from_list(&words.title_nouns),
        determiners: folded(&words.determiners),
        hearsay: PhraseSet::from_list(&words.hearsay),
        impersonal_sources: PhraseSet::from_list(&words.impersonal_sources),
        accusations: PhraseSet::from_list(&words.accusations),
        evaluations: PhraseSet::from_list(&words.evaluations),
        statistics: PhraseSet::from_list(&words.statistics),
        hypothesis_markers: PhraseSet::from_list(&words.hypothesis_markers),
        conditional_exceptions: folded(&words.conditional_exceptions),
        first_person: folded(&words.first_person),
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
    })
}

fn load_gazetteer() -> Result<Gazetteer, String> {
    let file: GazetteerFile = parse("gazetteer.toml")?;
    let mut names = Vec::new();
    let mut name_entries = Vec::new();
    let mut name_cases = Vec::new();
    let mut push = |name: &str, entry: GazetteerEntry| {
        names.push(fold(name));
        name_entries.push((entry, CaseRule::of(name), name.to_string()));
    };
    let mut countries = Vec::new();
    let mut demonyms = HashMap::new();
    for (i, c) in file.country.iter().enumerate() {
        push(&c.fr, GazetteerEntry::Country(i));
        push(&c.en, GazetteerEntry::Country(i));
        for a in &c.aliases {
            push(a, GazetteerEntry::Country(i));
        }
        for cap in &c.cap {
            push(cap, GazetteerEntry::Capital(i));
        }
        for d in &c.dem {
            demonyms.insert(fold(d), i);
        }
        countries.push(Country {
            fr: c.fr.clone(),
            en: c.en.clone(),
            gender: Gender::parse(&c.g),
            plural: c.g.ends_with('p'),
        });
    }
    let mut media = Vec::new();
    for (i, m) in file.media.iter().enumerate() {
        push(&m.name, GazetteerEntry::Media(i));
        for a in &m.aliases {
            push(a, GazetteerEntry::Media(i));
        }
        let country = countries.iter().position(|c| c.fr == m.country);
        if country.is_none() {
            return Err(format!(
                "gazetteer.toml: media {} has unknown country {}",
                m.name, m.country
            ));
        }
        media.push(Media {
            name: m.name.clone(),
            is_agency: m.kind == "agency",
            gender: Gender::parse(&m.g),
            country,
        });
    }
    let mut institutions = Vec::new();
    for (i, o) in file.organization.iter().enumerate() {
        push(&o.fr, GazetteerEntry::Institution(i));
        push(&o.en, GazetteerEntry::Institution(i));
        for a in &o.aliases {
            push(a, GazetteerEntry::Institution(i));
        }
        institutions.push(Institution {
            fr: o.fr.clone(),
            en: o.en.clone(),
            gender: Gender::parse(&o.g),
            plural: o.g.ends_with('p'),
        });
    }
    for (i, p) in file.place.iter().enumerate() {
        push(p, GazetteerEntry::Place(i));
    }
    // A name listed twice keeps its first meaning (French and English names
    // of a country are often the same word) and the most permissive case
    // rule ("Département d'État" and "département d'État").
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<(String, (GazetteerEntry, CaseRule, String))> = Vec::new();
    for (name, entry) in names.into_iter().zip(name_entries) {
        match first.get(&name) {
            Some(&i) => {
                let rule = &mut kept[i].1 .1;
                if entry.1 == CaseRule::Any
                    || (entry.1 == CaseRule::Capitalized && *rule == CaseRule::Upper)
                {
                    *rule = entry.1;
                }
            }
            None => {
                first.insert(name.clone(), kept.len());
                kept.push((name, entry));
            }
        }
    }
    let (names, name_entries): (Vec<_>, Vec<_>) = kept.into_iter().unzip();
    let mut name_display = Vec::new();
    let name_entries = name_entries
        .into_iter()
        .map(|(entry, case, display)| {
            name_cases.push(case);
            name_display.push(display);
            entry
        })
        .collect();
    Ok(Gazetteer {
        countries,
        media,
        institutions,
        places: file.place,
        names: PhraseSet::new(names),
        name_entries,
        name_cases,
        name_display,
        demonyms,
        first_names: file
            .first_names
            .iter()
            .map(|(n, g)| (fold(n), Gender::parse(g)))
            .collect(),
    })
}

#[cfg(test)]
mod tests;
