//! Folding for matching names: lower case, accents removed, typographic
//! apostrophes and quotes made ASCII, every kind of space made U+0020.
//! `États-Unis` = `Etats-Unis`, `l’agence` = `l'agence`.
//!
//! Folding maps every character to exactly one character, so a match in the
//! folded text maps back to the original through [`Folded::original`].

/// Folds one character.
pub fn fold_char(c: char) -> char {
    // Most characters of most articles are ASCII: two of them fold to
    // something else than their lower case.
    if c.is_ascii() {
        return match c {
            '`' => '\'',
            '\t' => ' ',
            c => c.to_ascii_lowercase(),
        };
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' | 'ć' | 'č' | 'Ć' | 'Č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'š' | 'Š' | 'ś' | 'ş' => 's',
        'ž' | 'Ž' | 'ź' | 'ż' => 'z',
        'ł' | 'Ł' => 'l',
        'œ' | 'Œ' => 'o',
        'æ' | 'Æ' => 'a',
        '’' | '‘' | 'ʼ' | '`' | '´' | '′' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{200a}' | '\t' => ' ',
        '‐' | '‑' | '‒' | '–' | '—' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Folds a string.
pub fn fold(s: &str) -> String {
    let mut res = String::with_capacity(s.len());
    fold_into(&mut res, s);
    res
}

/// Appends the folding of `s` to `out` (a buffer reused across words).
pub fn fold_into(out: &mut String, s: &str) {
    out.extend(s.chars().map(fold_char));
}

/// A folded copy of a text that remembers where each folded byte came from.
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the byte offset in the original of folded byte `i`;
    /// one extra entry maps the end.
    origin: Vec<u32>,
    /// `folded_at[j]` is the folded offset of original byte `j` (what a
    /// binary search of `origin` would give): the passes convert offsets
    /// millions of times per corpus, and a lookup is cheaper than a search.
    folded_at: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut folded_at = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            let f = fold_char(c);
            folded_at.push(text.len() as u32);
            for _ in 0..f.len_utf8() {
                origin.push(i as u32);
            }
            text.push(f);
            // Offsets inside the original character come after all of its
            // folded bytes.
            for _ in 1..c.len_utf8() {
                folded_at.push(text.len() as u32);
            }
        }
        origin.push(original.len() as u32);
        folded_at.push(text.len() as u32);
        Folded {
            text,
            origin,
            folded_at,
        }
    }

    /// Original byte offset of a folded byte offset.
    pub fn original(&self, folded_offset: usize) -> usize {
        self.origin[folded_offset.min(self.origin.len() - 1)] as usize
    }

    /// Folded byte offset of an original byte offset (a char boundary).
    pub fn folded_offset(&self, original: usize) -> usize {
        // Past the end, every folded byte and the end entry come before.
        self.folded_at
            .get(original)
            .map_or(self.origin.len(), |&f| f as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_apostrophes_and_spaces() {
        assert_eq!(fold("États-Unis"), fold("Etats-Unis"));
        assert_eq!(fold("l’agence"), "l'agence");
        assert_eq!(fold("PÉKIN\u{a0}»"), "pekin \"");
    }

    #[test]
    fn ascii_folds_to_lower_case_except_backtick_and_tab() {
        assert_eq!(fold("Ab`C\tZ9-"), "ab'c z9-");
        assert_eq!(fold_char('\n'), '\n');
    }

    #[test]
    fn folded_offsets_map_back() {
        let original = "à l’Élysée";
        let f = Folded::new(original);
        let at = f.text.find("elysee").unwrap();
        assert_eq!(&original[f.original(at)..], "Élysée");
        assert_eq!(f.original(f.text.len()), original.len());
        assert_eq!(f.folded_offset(original.find('É').unwrap()), at);
        assert_eq!(f.folded_offset(original.len()), f.text.len());
    }

    /// The offset table gives what a search of the origins gives, at every
    /// byte of the original (inside characters and past the end too).
    #[test]
    fn folded_offsets_match_a_search_of_the_origins() {
        for original in ["", "abc", "à l’Élysée œuvre\u{a0}» ß İ", "ÉÉ"] {
            let f = Folded::new(original);
            for j in 0..original.len() + 3 {
                let searched = f.origin.partition_point(|&o| (o as usize) < j);
                assert_eq!(f.folded_offset(j), searched, "{original:?} at {j}");
            }
        }
    }
}
