//! Open dictionaries that tell what a word is: a common word, a first name,
//! a surname, another proper noun, a place, an acronym.
//!
//! French comes from Dicollecte's hunspell dictionary (MPL-2.0), English
//! from SCOWL, WordNet 3.0 and the 1990 US Census name lists; see
//! `data/README.md` for the sources, the file format, the licences and how
//! the analysis should use the classes. `scripts/lexicon/build.py`
//! regenerates the files from Debian packages; nothing is downloaded at
//! build or run time.
//!
//! A dictionary is decoded on its first lookup, not at start-up (about
//! 10 ms, once per language: `cargo bench --bench dictionary`). Lookups
//! take a word already folded by [`crate::text::fold`], are a hash lookup
//! and allocate nothing.

use std::fmt;
use std::sync::OnceLock;

use super::Lang;

/// The classes of a folded word, as a set of bits. Folding merges
/// spellings, so a word carries the classes of all of them: "pierre" is
/// common (a stone) and a first name (Pierre).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct WordClasses(u8);

impl WordClasses {
    /// Not in the dictionary.
    pub const NONE: WordClasses = WordClasses(0);
    /// A dictionary word written in lower case: noun, adjective, verb
    /// form, adverb, function word.
    pub const COMMON: WordClasses = WordClasses(1);
    pub const FIRST_NAME: WordClasses = WordClasses(1 << 1);
    pub const SURNAME: WordClasses = WordClasses(1 << 2);
    /// Another word the dictionary writes with a capital: other proper
    /// nouns, capitalised nouns ("Halloween"), English demonyms, days and
    /// languages, places the source does not tag as places.
    pub const PROPER: WordClasses = WordClasses(1 << 3);
    pub const PLACE: WordClasses = WordClasses(1 << 4);
    /// Written in capitals in the dictionary ("OGM", "NATO"); it says
    /// nothing of whether an organisation bears it.
    pub const ACRONYM: WordClasses = WordClasses(1 << 5);

    /// The data files' letter for each class, in bit order.
    const LETTERS: [(u8, WordClasses); 6] = [
        (b'c', WordClasses::COMMON),
        (b'f', WordClasses::FIRST_NAME),
        (b's', WordClasses::SURNAME),
        (b'p', WordClasses::PROPER),
        (b'l', WordClasses::PLACE),
        (b'a', WordClasses::ACRONYM),
    ];

    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn contains(self, other: WordClasses) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn intersects(self, other: WordClasses) -> bool {
        self.0 & other.0 != 0
    }

    pub fn union(self, other: WordClasses) -> WordClasses {
        WordClasses(self.0 | other.0)
    }

    pub fn is_known(self) -> bool {
        self.0 != 0
    }

    pub fn is_common(self) -> bool {
        self.intersects(WordClasses::COMMON)
    }

    pub fn is_first_name(self) -> bool {
        self.intersects(WordClasses::FIRST_NAME)
    }

    pub fn is_surname(self) -> bool {
        self.intersects(WordClasses::SURNAME)
    }

    pub fn is_proper(self) -> bool {
        self.intersects(WordClasses::PROPER)
    }

    pub fn is_place(self) -> bool {
        self.intersects(WordClasses::PLACE)
    }

    pub fn is_acronym(self) -> bool {
        self.intersects(WordClasses::ACRONYM)
    }

    /// Any class that makes a capitalised word a name: first name,
    /// surname, place or other proper noun.
    pub fn is_name(self) -> bool {
        self.intersects(WordClasses(
            WordClasses::FIRST_NAME.0
                | WordClasses::SURNAME.0
                | WordClasses::PROPER.0
                | WordClasses::PLACE.0,
        ))
    }

    /// These classes without `COMMON`: what a word of another language
    /// says about names only.
    pub fn names_only(self) -> WordClasses {
        WordClasses(self.0 & !WordClasses::COMMON.0)
    }

    /// The classes of a data file's class column.
    fn parse(letters: &str) -> Option<WordClasses> {
        let mut res = WordClasses::NONE;
        for b in letters.bytes() {
            let (_, class) = WordClasses::LETTERS.iter().find(|(l, _)| *l == b)?;
            res = res.union(*class);
        }
        Some(res)
    }
}

impl fmt::Debug for WordClasses {
    /// `WordClasses(cf)`: the data files' letters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letters: String = WordClasses::LETTERS
            .iter()
            .filter(|(_, class)| self.contains(*class))
            .map(|(l, _)| char::from(*l))
            .collect();
        write!(f, "WordClasses({letters})")
    }
}

/// The classes of `folded` (a word folded by [`crate::text::fold`]) in
/// the dictionary of `lang`. The dictionary is parsed on the first call.
pub fn word_classes(lang: Lang, folded: &str) -> WordClasses {
    Dictionary::get(lang).classes(folded)
}

/// One language's words, decoded from its embedded file.
pub struct Dictionary {
    /// Every word, in byte order, one after the other.
    text: String,
    /// `ends[i]` is where word `i` ends in `text`.
    ends: Vec<u32>,
    classes: Vec<WordClasses>,
    /// Open-addressing index of the words by hash (`i + 1`, 0 for an empty
    /// slot, linear probing): a lookup reads one or two words where the
    /// binary search read about eighteen, each a likely cache miss, and the
    /// analysis looks up most words of every article several times.
    slots: Vec<u32>,
}

impl Dictionary {
    /// The embedded dictionary of a language, parsed on first use.
    pub fn get(lang: Lang) -> &'static Dictionary {
        static FR: OnceLock<Dictionary> = OnceLock::new();
        static EN: OnceLock<Dictionary> = OnceLock::new();
        let cell = match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        };
        cell.get_or_init(|| match Dictionary::parse(Dictionary::embedded(lang)) {
            Ok(dict) => dict,
            // The files are compiled in and validated by the tests below; a
            // parse error here is a build defect, not user input.
            Err(e) => panic!("embedded dictionary is invalid: {e}"),
        })
    }

    /// The embedded file of a language (for the benchmark and the tests).
    pub fn embedded(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => FR_FILE,
            Lang::En => EN_FILE,
        }
    }

    /// Decodes a data file: `#` header lines, then one word a line written
    /// as the number of bytes it shares with the previous word and the rest
    /// of it, then a tab and its class letters unless it is only common.
    /// The error names the line.
    pub fn parse(file: &str) -> Result<Dictionary, String> {
        let n_lines = file.bytes().filter(|&b| b == b'\n').count();
        // Bytes, so that a shared prefix is copied within the buffer; the
        // whole is checked to be UTF-8 at the end, which also catches a
        // shared length that cuts a character.
        let mut text: Vec<u8> = Vec::with_capacity(file.len() * 5 / 2);
        let mut ends: Vec<u32> = Vec::with_capacity(n_lines);
        let mut classes = Vec::with_capacity(n_lines);
        let mut prev_start = 0;
        for (line_idx, line) in file.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            let bad = |what: &str| format!("line {}: {what}: {line:?}", line_idx + 1);
            let (coded, class) = match line.split_once('\t') {
                Some((coded, letters)) => (
                    coded,
                    WordClasses::parse(letters).ok_or_else(|| bad("unknown class"))?,
                ),
                None => (line, WordClasses::COMMON),
            };
            let digits = coded.bytes().take_while(u8::is_ascii_digit).count();
            let shared: usize = coded[..digits]
                .parse()
                .map_err(|_| bad("no shared length"))?;
            let start = text.len();
            if shared > start - prev_start {
                return Err(bad("shared length longer than the previous word"));
            }
            text.extend_from_within(prev_start..prev_start + shared);
            text.extend_from_slice(&coded.as_bytes()[digits..]);
            if !ends.is_empty() && text[start..] <= text[prev_start..start] {
                return Err(bad("not after the previous word in byte order"));
            }
            if text.len() == start {
                return Err(bad("empty word"));
            }
            ends.push(u32::try_from(text.len()).map_err(|_| bad("file too large"))?);
            classes.push(class);
            prev_start = start;
        }
        text.shrink_to_fit();
        let text = String::from_utf8(text).map_err(|e| {
            let word = ends.partition_point(|&end| end as usize <= e.utf8_error().valid_up_to());
            format!("word {}: shared length cuts a character", word + 1)
        })?;
        let mut dict = Dictionary {
            text,
            ends,
            classes,
            slots: Vec::new(),
        };
        dict.slots = dict.index();
        Ok(dict)
    }

    /// The hash index of the words (see `slots`), at most two-thirds full
    /// so a probe sequence stays short.
    fn index(&self) -> Vec<u32> {
        let size = (self.len() + self.len() / 2 + 1).next_power_of_two();
        let mut slots = vec![0u32; size];
        for i in 0..self.len() {
            let mut at = slot_of(self.word(i), size);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            // Fewer than 2^32 words: `parse` checked the ends fit in a u32.
            slots[at] = i as u32 + 1;
        }
        slots
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `i`, in byte order.
    pub fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Every word with its classes, in byte order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, WordClasses)> {
        (0..self.len()).map(|i| (self.word(i), self.classes[i]))
    }

    /// The classes of a folded word: a hash lookup, no allocation.
    pub fn classes(&self, folded: &str) -> WordClasses {
        let size = self.slots.len();
        if size == 0 {
            return WordClasses::NONE;
        }
        let mut at = slot_of(folded, size);
        loop {
            match self.slots[at] {
                0 => return WordClasses::NONE,
                i if self.word(i as usize - 1) == folded => {
                    return self.classes[i as usize - 1];
                }
                _ => at = (at + 1) & (size - 1),
            }
        }
    }
}

/// The first slot of a word in an index of `size` (a power of two) slots:
/// the top bits of its Fx hash, mixed once more so they depend on every
/// byte.
fn slot_of(word: &str, size: usize) -> usize {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(word.as_bytes());
    let mixed = (h.finish() ^ (h.finish() >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let bits = size.trailing_zeros();
    match bits {
        0 => 0,
        _ => (mixed >> (64 - bits)) as usize,
    }
}

const FR_FILE: &str = include_str!("data/fr_words.txt");
const EN_FILE: &str = include_str!("data/en_words.txt");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn classes(lang: Lang, word: &str) -> WordClasses {
        word_classes(lang, &fold(word))
    }

    /// Every file decodes, and every word is folded, unique, in byte
    /// order, a single token of text and has a class. Failures name file
    /// and line.
    #[test]
    fn data_files_are_sorted_unique_and_normalized() {
        let mut problems = Vec::new();
        for (name, lang) in [("fr_words.txt", Lang::Fr), ("en_words.txt", Lang::En)] {
            let file = Dictionary::embedded(lang);
            let dict = match Dictionary::parse(file) {
                Ok(dict) => dict,
                Err(e) => panic!("{name}: {e}"),
            };
            let header = file.lines().take_while(|l| l.starts_with('#')).count();
            let mut prev = "";
            for (i, (word, class)) in dict.iter().enumerate() {
                let at = format!("{name}:{}: {word:?}", header + i + 1);
                if fold(word) != word {
                    problems.push(format!("{at} is not folded"));
                }
                if i > 0 && word <= prev {
                    problems.push(format!("{at} is not after {prev:?}"));
                }
                let inner_ok = word
                    .char_indices()
                    .all(|(j, c)| c.is_alphabetic() || (j > 0 && matches!(c, '-' | '\'')));
                if !inner_ok || word.ends_with('-') || word.contains("--") {
                    problems.push(format!("{at} is not a single word"));
                }
                if !class.is_known() {
                    problems.push(format!("{at} has no class"));
                }
                if dict.classes(word) != class {
                    problems.push(format!("{at} is not found by its index"));
                }
                prev = word;
            }
            if dict.len() < 100_000 {
                problems.push(format!("{name}: only {} words", dict.len()));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn parse_rejects_bad_lines() {
        for (file, error) in [
            ("0b\n0a\n", "line 2: not after"),
            ("0ab\n5c\n", "line 2: shared length"),
            ("0é\n1ê\n", "word 2: shared length cuts"),
            ("0a\tx\n", "line 1: unknown class"),
            ("a\n", "line 1: no shared length"),
        ] {
            match Dictionary::parse(file) {
                Ok(_) => panic!("{file:?} parsed"),
                Err(e) => assert!(e.starts_with(error), "{file:?}: {e}"),
            }
        }
        let dict = Dictionary::parse("# header\n0president\n9e\tcf\n9s\n").unwrap();
        let words: Vec<_> = dict.iter().map(|(w, c)| format!("{w} {c:?}")).collect();
        assert_eq!(
            words,
            [
                "president WordClasses(c)",
                "presidente WordClasses(cf)",
                "presidents WordClasses(c)"
            ]
        );
    }

    #[test]
    fn french_classes() {
        let fr = |w| classes(Lang::Fr, w);
        assert_eq!(fr("président"), WordClasses::COMMON);
        assert_eq!(fr("Présidentes"), WordClasses::COMMON);
        assert_eq!(fr("président"), fr("president"));
        // Verb forms: third persons, participles, imperatives.
        for w in ["annonce", "annoncent", "annonçait", "déclaré", "Rappelons"] {
            assert_eq!(fr(w), WordClasses::COMMON, "{w}");
        }
        assert!(fr("Jean").is_first_name());
        assert!(fr("Marie").is_first_name());
        assert_eq!(fr("Dupont"), WordClasses::SURNAME);
        assert!(fr("Hollande").is_surname() && fr("Hollande").is_common());
        assert!(fr("Paris").is_place() && fr("Paris").is_proper());
        assert!(fr("Lyon").is_place());
        assert!(fr("Selon").is_common() && !fr("Selon").is_name());
        assert!(fr("Cependant").is_common() && !fr("Cependant").is_name());
        assert_eq!(fr("OGM"), WordClasses::ACRONYM);
        assert!(fr("aujourd’hui").is_common());
        assert!(fr("qu'").is_common());
        // Not in Dicollecte: unknown, neither common nor a name.
        assert_eq!(fr("Montebourg"), WordClasses::NONE);
        assert_eq!(fr("Etats"), fr("États"));
        assert!(fr("États").is_common());
        assert_eq!(fr("xqzw"), WordClasses::NONE);
        assert_eq!(fr(""), WordClasses::NONE);
    }

    #[test]
    fn english_classes() {
        let en = |w| classes(Lang::En, w);
        assert!(en("president").is_common());
        assert!(en("However").is_common() && !en("However").is_name());
        for w in ["said", "says", "went", "children", "don't", "reportedly"] {
            assert_eq!(en(w), WordClasses::COMMON, "{w}");
        }
        assert!(en("John").is_first_name());
        assert!(en("Mary").is_first_name());
        assert!(en("Einstein").is_surname());
        assert!(en("Smith").is_surname());
        assert!(en("London").is_place());
        assert!(en("Paris").is_place());
        assert!(en("Obama").is_proper() && !en("Obama").is_common());
        assert!(en("NATO").is_acronym());
        assert_eq!(en("Pelosi"), WordClasses::NONE);
    }

    #[test]
    fn classes_format_as_letters() {
        let c = WordClasses::COMMON.union(WordClasses::FIRST_NAME);
        assert_eq!(format!("{c:?}"), "WordClasses(cf)");
        assert!(c.contains(WordClasses::FIRST_NAME) && !c.is_surname());
        assert_eq!(c.bits(), 0b11);
    }
}
