//! Derives the forms of regular speech verbs from their infinitive, so the
//! lexicon files list a verb once.

pub struct Forms {
    pub finite: Vec<String>,
    pub participle: Vec<String>,
}

/// A regular French first-group verb ("affirmer", "s'inquiéter",
/// "se féliciter"). Reflexive verbs get their pronoun on finite forms and
/// their compound tenses with "être" spelled out.
pub fn french_er(infinitive: &str) -> Forms {
    let (reflexive, verb) = match infinitive.strip_prefix("s'") {
        Some(v) => (true, v),
        None => match infinitive.strip_prefix("se ") {
            Some(v) => (true, v),
            None => (false, infinitive),
        },
    };
    let stem = verb.strip_suffix("er").unwrap_or(verb);
    // Stem before a or o: c → ç, g → ge.
    let soft = if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    // Stem of the singular and third plural présent: é → è before a final
    // consonant cluster (répéter → répète), -el → -ell (rappeler → rappelle).
    let strong = strong_stem(stem);
    let mut finite = vec![
        format!("{strong}e"),
        format!("{strong}ent"),
        format!("{soft}ait"),
        format!("{soft}aient"),
        format!("{soft}ant"),
        format!("{soft}a"),
        format!("{stem}èrent"),
        format!("{verb}a"),
        format!("{verb}ont"),
        format!("{verb}ait"),
        format!("{verb}aient"),
    ];
    let participle: Vec<String> = ["é", "ée", "és", "ées"]
        .iter()
        .map(|end| format!("{stem}{end}"))
        .collect();
    if !reflexive {
        return Forms { finite, participle };
    }
    let pronoun = |form: &str| {
        if form.starts_with(['a', 'e', 'é', 'è', 'ê', 'i', 'o', 'u', 'h']) {
            format!("s'{form}")
        } else {
            format!("se {form}")
        }
    };
    finite = finite.iter().map(|f| pronoun(f)).collect();
    for p in &participle {
        finite.push(format!("s'est {p}"));
        finite.push(format!("se sont {p}"));
        finite.push(format!("s'était {p}"));
        finite.push(format!("s'étaient {p}"));
    }
    Forms {
        finite,
        participle: Vec::new(),
    }
}

fn strong_stem(stem: &str) -> String {
    if let Some(s) = stem.strip_suffix("el") {
        return format!("{s}ell");
    }
    // Last é followed only by consonants.
    if let Some(i) = stem.rfind('é') {
        let tail = &stem[i + 'é'.len_utf8()..];
        if !tail.is_empty() && tail.chars().all(|c| !"aeiouyéèê".contains(c)) {
            return format!("{}è{}", &stem[..i], tail);
        }
    }
    stem.to_string()
}

/// A regular English verb: base, -s, -ed, -ing.
pub fn english_regular(base: &str) -> Forms {
    let consonant_y =
        base.ends_with('y') && !base[..base.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    let third = if consonant_y {
        format!("{}ies", &base[..base.len() - 1])
    } else if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    let past = if consonant_y {
        format!("{}ied", &base[..base.len() - 1])
    } else if base.ends_with('e') {
        format!("{base}d")
    } else if needs_doubling(base) {
        format!("{base}{}ed", &base[base.len() - 1..])
    } else {
        format!("{base}ed")
    };
    let ing = if base.ends_with("ee") {
        format!("{base}ing")
    } else if let Some(stem) = base.strip_suffix('e') {
        format!("{stem}ing")
    } else if needs_doubling(base) {
        format!("{base}{}ing", &base[base.len() - 1..])
    } else {
        format!("{base}ing")
    };
    // The base form is the plural present: "officials warn that".
    Forms {
        finite: vec![base.to_string(), third, past.clone(), ing],
        participle: vec![past],
    }
}

/// Short verbs ending consonant–vowel–consonant double their consonant
/// (quip → quipped); longer ones are listed as irregular when they do.
fn needs_doubling(base: &str) -> bool {
    let c: Vec<char> = base.chars().collect();
    let vowel = |ch: char| "aeiou".contains(ch);
    let n = c.len();
    // "qu" is a consonant: quip → quipped.
    let consonant_before = !vowel(c.get(n.wrapping_sub(3)).copied().unwrap_or('a'))
        || (n >= 4 && c[n - 4] == 'q' && c[n - 3] == 'u');
    (3..=4).contains(&n)
        && !vowel(c[n - 1])
        && !"wxy".contains(c[n - 1])
        && vowel(c[n - 2])
        && consonant_before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_forms() {
        let f = french_er("répéter");
        assert!(f.finite.contains(&"répète".to_string()));
        assert!(f.finite.contains(&"répétait".to_string()));
        let f = french_er("annoncer");
        assert!(f.finite.contains(&"annonçait".to_string()));
        assert!(f.participle.contains(&"annoncées".to_string()));
        let f = french_er("rappeler");
        assert!(f.finite.contains(&"rappelle".to_string()));
        let f = french_er("juger");
        assert!(f.finite.contains(&"jugeant".to_string()));
        let f = french_er("s'inquiéter");
        assert!(f.finite.contains(&"s'inquiète".to_string()));
        assert!(f.finite.contains(&"s'est inquiétée".to_string()));
        let f = french_er("se féliciter");
        assert!(f.finite.contains(&"se félicite".to_string()));
    }

    #[test]
    fn english_forms() {
        let f = english_regular("deny");
        assert_eq!(f.finite, ["deny", "denies", "denied", "denying"]);
        let f = english_regular("quip");
        assert!(f.finite.contains(&"quipped".to_string()));
        let f = english_regular("note");
        assert_eq!(f.finite, ["note", "notes", "noted", "noting"]);
        let f = english_regular("stress");
        assert!(f.finite.contains(&"stresses".to_string()));
    }
}
