//! The gazetteer (`gazetteer.toml`): countries with their capitals and
//! demonyms, media and agencies, institutions, places and first names,
//! compiled into one phrase set of every name.

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use super::{parse, Gender, PhraseSet};
use crate::text::fold;

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
            // "the Daily Mail" for "The Daily Mail": an article of a
            // name of several words may lose its capital inside a
            // sentence ("the Atlantic" is the ocean, not the magazine).
            // "La presse internationale" is not "La Presse": after an
            // article, the name's next word needs its capital too.
            CaseRule::Capitalized => {
                let article = ["the ", "le ", "la ", "les ", "l'", "l’"].iter().find(|a| {
                    text.get(..a.len())
                        .is_some_and(|h| crate::text::fold(h) == crate::text::fold(a))
                });
                match article {
                    Some(a) => {
                        let rest = &text[a.len()..];
                        let lower_article = text.starts_with(|c: char| c.is_lowercase());
                        rest.chars().next().is_some_and(char::is_uppercase)
                            && (!lower_article || rest.contains(' '))
                    }
                    None => text.chars().next().is_some_and(char::is_uppercase),
                }
            }
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
    /// The institution a capital also stands for, when an institution
    /// lists it among its aliases ("Bruxelles": the European Commission).
    pub name_institution: Vec<Option<usize>>,
    /// Demonyms by folded form.
    pub demonyms: HashMap<String, usize>,
    pub first_names: HashMap<String, Gender>,
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

pub(super) fn load_gazetteer() -> Result<Gazetteer, String> {
    let file: GazetteerFile = parse("gazetteer.toml")?;
    let mut names = Names::default();
    let (countries, demonyms) = countries(&file, &mut names);
    let media = media(&file, &countries, &mut names)?;
    let institutions = institutions(&file, &mut names);
    for (i, p) in file.place.iter().enumerate() {
        names.push(p, GazetteerEntry::Place(i));
    }
    let (names, name_entries, name_cases, name_display, name_institution) = names.dedup();
    Ok(Gazetteer {
        countries,
        media,
        institutions,
        places: file.place,
        names: PhraseSet::new(names),
        name_entries,
        name_cases,
        name_display,
        name_institution,
        demonyms,
        first_names: file
            .first_names
            .iter()
            .map(|(n, g)| (fold(n), Gender::parse(g)))
            .collect(),
    })
}

/// Every name of the gazetteer as listed: folded, with its entry, the case
/// the text must have and the name as written.
#[derive(Default)]
struct Names {
    folded: Vec<String>,
    entries: Vec<(GazetteerEntry, CaseRule, String)>,
}

impl Names {
    fn push(&mut self, name: &str, entry: GazetteerEntry) {
        self.folded.push(fold(name));
        self.entries
            .push((entry, CaseRule::of(name), name.to_string()));
    }

    /// A name listed twice keeps its first meaning (French and English
    /// names of a country are often the same word) and the most permissive
    /// case rule ("Département d'État" and "département d'État"); a
    /// capital an institution lists too remembers the institution.
    #[allow(clippy::type_complexity)]
    fn dedup(
        self,
    ) -> (
        Vec<String>,
        Vec<GazetteerEntry>,
        Vec<CaseRule>,
        Vec<String>,
        Vec<Option<usize>>,
    ) {
        let mut first: HashMap<String, usize> = HashMap::default();
        let mut kept: Vec<(String, (GazetteerEntry, CaseRule, String))> = Vec::new();
        let mut institution: Vec<Option<usize>> = Vec::new();
        for (name, entry) in self.folded.into_iter().zip(self.entries) {
            match first.get(&name) {
                Some(&i) => {
                    if let (GazetteerEntry::Capital(_), GazetteerEntry::Institution(o)) =
                        (kept[i].1 .0, entry.0)
                    {
                        institution[i] = Some(o);
                    }
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
                    institution.push(None);
                }
            }
        }
        let mut res = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), institution);
        for (name, (entry, case, display)) in kept {
            res.0.push(name);
            res.1.push(entry);
            res.2.push(case);
            res.3.push(display);
        }
        res
    }
}

/// Countries with their names, aliases and capitals, and the demonyms.
fn countries(file: &GazetteerFile, names: &mut Names) -> (Vec<Country>, HashMap<String, usize>) {
    let mut countries = Vec::new();
    let mut demonyms = HashMap::default();
    for (i, c) in file.country.iter().enumerate() {
        names.push(&c.fr, GazetteerEntry::Country(i));
        names.push(&c.en, GazetteerEntry::Country(i));
        for a in &c.aliases {
            names.push(a, GazetteerEntry::Country(i));
        }
        for cap in &c.cap {
            names.push(cap, GazetteerEntry::Capital(i));
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
    (countries, demonyms)
}

fn media(
    file: &GazetteerFile,
    countries: &[Country],
    names: &mut Names,
) -> Result<Vec<Media>, String> {
    let mut media = Vec::new();
    for (i, m) in file.media.iter().enumerate() {
        names.push(&m.name, GazetteerEntry::Media(i));
        for a in &m.aliases {
            names.push(a, GazetteerEntry::Media(i));
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
    Ok(media)
}

fn institutions(file: &GazetteerFile, names: &mut Names) -> Vec<Institution> {
    let mut institutions = Vec::new();
    for (i, o) in file.organization.iter().enumerate() {
        names.push(&o.fr, GazetteerEntry::Institution(i));
        names.push(&o.en, GazetteerEntry::Institution(i));
        for a in &o.aliases {
            names.push(a, GazetteerEntry::Institution(i));
        }
        institutions.push(Institution {
            fr: o.fr.clone(),
            en: o.en.clone(),
            gender: Gender::parse(&o.g),
            plural: o.g.ends_with('p'),
        });
    }
    institutions
}
