#!/usr/bin/env python3
"""Regenerates the word-class files src/lexicon/data/{fr,en}_words.txt,
their LICENSES.md and MPL-2.0.txt.

Each file lists words folded the way newsls folds text (src/text/fold.rs:
lower case, accents removed, typographic apostrophes made ASCII), sorted by
bytes, each with its classes, one letter each:

    c  COMMON      a dictionary word written in lower case (noun, adjective,
                   verb form, adverb, function word)
    f  FIRST_NAME  a first name
    s  SURNAME     a surname
    p  PROPER      another word the dictionary writes with a capital (proper
                   nouns, capitalised nouns like Halloween, English
                   demonyms, days and languages, places the source does not
                   tag as places)
    l  PLACE       a place name
    a  ACRONYM     a word the dictionary writes in capitals (OGM, NATO)

Folding merges spellings, so a word carries every class of every spelling:
"pierre" is c (stone) and f (Pierre). The files are front-coded to stay
small: a line is the number of bytes the word shares with the word before
it, the rest of the word, then a tab and its classes, or nothing when it is
only c ("president", "9e", "9s" are president, presidente, presidents).
`build.py --decode FILE` prints the plain "word<TAB>classes" list, for grep.
The Rust module src/lexicon/dictionary.rs embeds the files; nothing is read
or downloaded at build or run time.

Sources (Debian packages; the versions used are written in each file's
header):
  French   hunspell-fr-comprehensive   /usr/share/hunspell/fr.dic + fr.aff
           (Dicollecte/Grammalecte "toutes variantes", MPL-2.0). Its po:
           tags: po:prn first name, po:patr surname, po:npr other proper
           noun; every other part of speech (po:nom, po:adj, po:v…, po:adv,
           po:mg function words, …) is lexical. Suffix flags are expanded
           (plurals, feminines, verb forms: see FR_VERB_FORMS). French has no
           place tag: a French proper noun that WordNet lists as a place
           is marked PLACE too.
  English  scowl                       /usr/share/dict/scowl (SCOWL, sizes
           up to 70 = "large", the size of wamerican-large; english,
           american and british spellings and their variant_1 lists):
           inflected forms of common words, contractions, capitalised words.
           wordnet-base                /usr/share/wordnet (WordNet 3.0):
           places (noun.location, and noun.object: continents, rivers,
           mountains, islands, a few stars), people (noun.person:
           "Einstein" with "Albert_Einstein" gives a surname and a first
           name), other capitalised lemmas, lower-case lemmas and irregular
           forms.
           libtext-names-perl          /usr/share/perl5/Text/Names.pm: the
           1990 US Census lists of common first names (male and female) and
           surnames it embeds (public domain, US government work).

Regenerate and check (Debian or Ubuntu, as root):

    apt-get install -y hunspell-fr-comprehensive scowl wordnet-base libtext-names-perl
    python3 scripts/lexicon/build.py
    git diff --exit-code src/lexicon/data

The output depends only on those files, so the diff is empty unless a
package version changed (the header says which). Python 3 standard library
only.
"""

import collections
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "lexicon" / "data"

HUNSPELL = Path("/usr/share/hunspell")
SCOWL = Path("/usr/share/dict/scowl")
WORDNET = Path("/usr/share/wordnet")
TEXT_NAMES = Path("/usr/share/perl5/Text/Names.pm")

COMMON, FIRST_NAME, SURNAME, PROPER, PLACE, ACRONYM = "cfspla"
CLASS_ORDER = "cfspla"

# SCOWL size levels kept: 70 is "large" (wamerican-large); 80 and 95 add
# rare and archaic words that would make real names look common.
SCOWL_MAX_SIZE = 70
SCOWL_SPELLINGS = ("english", "american", "british", "variant_1", "british_variant_1")

# French verb forms kept: infinitives, participles, the third persons of
# every indicative and conditional tense and of the present subjunctive
# (what news text uses, and what a headline in capitals conjugates), and the
# imperatives that open sentences ("Rappelons", "Imaginez"). The other
# persons and the imperfect subjunctive would add 160,000 lines (+53 %) for
# words that are almost never capitalised (see README).
THIRD_PERSONS = {"3sg", "3pl"}
FR_VERB_FORMS = {
    "infi": None,
    "ppre": None,
    "ppas": None,
    "ipre": THIRD_PERSONS,
    "iimp": THIRD_PERSONS,
    "ipsi": THIRD_PERSONS,
    "ifut": THIRD_PERSONS,
    "cond": THIRD_PERSONS,
    "spre": THIRD_PERSONS,
    "simp": set(),
    "impe": {"1pl", "2pl"},
}

# Parts of speech that are not words of running text.
FR_SKIPPED_POS = {"nbro", "err", "sign", "ponc", "pfx", "sfx", "div"}


# --- folding: a copy of src/text/fold.rs -----------------------------------

_FOLD = {}
for _chars, _to in [
    ("àáâãäåÀÁÂÃÄÅ", "a"),
    ("çÇćčĆČ", "c"),
    ("èéêëÈÉÊËęě", "e"),
    ("ìíîïÌÍÎÏ", "i"),
    ("ñÑń", "n"),
    ("òóôõöøÒÓÔÕÖØ", "o"),
    ("ùúûüÙÚÛÜ", "u"),
    ("ýÿÝŸ", "y"),
    ("šŠśş", "s"),
    ("žŽźż", "z"),
    ("łŁ", "l"),
    ("œŒ", "o"),
    ("æÆ", "a"),
    ("’‘ʼ`´′", "'"),
    ("“”„«»", '"'),
    ("\u00a0\u202f\u2009\u2007\u200a\t", " "),
    ("‐‑‒–—", "-"),
]:
    for _c in _chars:
        _FOLD[_c] = _to


def fold_char(c):
    if c in _FOLD:
        return _FOLD[c]
    if c.isascii():
        return c.lower()
    low = c.lower()
    return low[0] if low else c


def fold(s):
    return "".join(fold_char(c) for c in s)


# --- what a word looks like --------------------------------------------------

def is_word(w):
    """A single token of running text: letters, with inner hyphens and
    apostrophes, or an elided form ending in an apostrophe ("qu'")."""
    if not w:
        return False
    for i, c in enumerate(w):
        if c in "-'’":
            if i == 0 or (c == "-" and i == len(w) - 1):
                return False
            if w[i - 1] in "-'’":
                return False
        elif unicodedata.category(c) not in ("Ll", "Lu"):
            return False
    return True


def case_class(w):
    """COMMON for a word all in lower case, ACRONYM for one in capitals,
    PROPER otherwise (capitalised or mixed case); None for a lone capital."""
    letters = [c for c in w if c.isalpha()]
    if all(c.islower() for c in letters):
        return COMMON
    if all(c.isupper() for c in letters):
        return ACRONYM if len(letters) >= 2 else None
    return PROPER


def package_version(name):
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", name],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit(f"package {name} is not installed: apt-get install -y {name}")


# --- French ------------------------------------------------------------------

def parse_aff(path):
    """Suffix rules by flag: (strip, add, condition, morphology)."""
    rules = collections.defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add, cond = parts[1:5]
        strip = "" if strip == "0" else strip
        add = add.split("/")[0]
        add = "" if add == "0" else add
        cond_re = re.compile("(?:" + cond + ")$") if cond != "." else None
        rules[flag].append((strip, add, cond_re, parts[5:]))
    return rules


def keep_verb_form(morph):
    tenses = [m[3:] for m in morph if m[3:] in FR_VERB_FORMS]
    if not tenses:
        return True
    persons = {m[3:] for m in morph if re.fullmatch(r"po:\d(?:sg|pl|isg|jsg)", m)}
    for tense in tenses:
        allowed = FR_VERB_FORMS[tense]
        if allowed is None or not persons or persons & allowed:
            return True
    return False


def french_forms(word, flags, rules):
    """The word's forms: the stem unless it needs an affix, and every suffix
    rule of its flags that applies."""
    pairs = [flags[i : i + 2] for i in range(0, len(flags), 2)]
    forms = []
    if "()" not in pairs:
        forms.append(word)
    for flag in pairs:
        for strip, add, cond_re, morph in rules.get(flag, ()):
            if not word.endswith(strip):
                continue
            if cond_re is not None and not cond_re.search(word):
                continue
            if not keep_verb_form(morph):
                continue
            forms.append(word[: len(word) - len(strip)] + add)
    return forms


def build_french(places_en):
    rules = parse_aff(HUNSPELL / "fr.aff")
    acc = collections.defaultdict(set)
    lines = (HUNSPELL / "fr.dic").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        fields = line.split()
        if not fields:
            continue
        word, _, flags = fields[0].partition("/")
        pos = {f[3:] for f in fields[1:] if f.startswith("po:")}
        if pos & FR_SKIPPED_POS:
            continue
        if "prn" in pos:
            name_class = FIRST_NAME
        elif "patr" in pos:
            name_class = SURNAME
        elif "npr" in pos:
            name_class = PROPER
        else:
            name_class = None
        for form in french_forms(word, flags, rules):
            if not is_word(form):
                continue
            shape = case_class(form)
            if shape is None:
                continue
            key = fold(form)
            if name_class is not None:
                acc[key].add(name_class)
                if shape == ACRONYM:
                    acc[key].add(ACRONYM)
            else:
                acc[key].add(shape)
            if shape != COMMON and name_class in (None, PROPER) and key in places_en:
                acc[key].add(PLACE)
    return acc


# --- English -----------------------------------------------------------------

def scowl_files(sub):
    for spelling in SCOWL_SPELLINGS:
        for path in sorted(SCOWL.glob(f"{spelling}-{sub}.*")):
            size = int(path.suffix[1:])
            if size <= SCOWL_MAX_SIZE:
                yield path


def scowl_words(sub):
    for path in scowl_files(sub):
        for w in path.read_text(encoding="utf-8").split():
            if w.endswith("'s"):
                # Possessives: the tokenizer splits "Obama's" into "Obama" + "s".
                continue
            if is_word(w):
                yield w


def wordnet_synsets():
    """(lexicographer file, part of speech, lemmas) of every synset."""
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"data.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lexfile = int(fields[1])
            n = int(fields[3], 16)
            lemmas = [re.sub(r"\([a-z]+\)$", "", w) for w in fields[4 : 4 + 2 * n : 2]]
            yield lexfile, pos, lemmas


NOUN_LOCATION = 15
# Natural objects: continents, rivers, mountains, islands; also a few
# hundred stars and constellations, rare in news and taken as places.
NOUN_OBJECT = 17
NOUN_PERSON = 18
PLACE_LEXFILES = (NOUN_LOCATION, NOUN_OBJECT)


def wordnet_places():
    """Folded single-word place names of WordNet (noun.location and
    noun.object)."""
    res = set()
    for lexfile, pos, lemmas in wordnet_synsets():
        if pos == "noun" and lexfile in PLACE_LEXFILES:
            for w in lemmas:
                if "_" not in w and is_word(w) and case_class(w) == PROPER:
                    res.add(fold(w))
    return res


def is_full_name(tokens, acc):
    """Whether WordNet's multi-word lemma looks like a person's name:
    capitalised words or initials, the first not a common word or title
    ("Albert_Einstein", "Satyendra_N._Bose"; not "President_Lincoln",
    "Saint_Peter", "United_States_President")."""
    if len(tokens) < 2 or not is_word(tokens[0]):
        return False
    if case_class(tokens[0]) != PROPER or COMMON in acc.get(fold(tokens[0]), ()):
        return False
    return all(
        re.fullmatch(r"[A-Z]\.", t) or (is_word(t) and case_class(t) == PROPER)
        for t in tokens[1:]
    )


def census_names():
    """First names and surnames of the 1990 US Census lists in Text::Names."""
    text = TEXT_NAMES.read_text(encoding="utf-8")
    res = {}
    for var, cls in [
        ("COMMON_MALE_FIRSTNAMES", FIRST_NAME),
        ("COMMON_FEMALE_FIRSTNAMES", FIRST_NAME),
        ("COMMON_SURNAMES", SURNAME),
    ]:
        m = re.search(r"\$" + var + r" = <<ENDNAMES;\n(.*?)\nENDNAMES", text, re.S)
        if m is None:
            sys.exit(f"{TEXT_NAMES}: no ${var} list")
        # One or more "NAME freq cumfreq rank" records per line.
        for name in re.findall(r"([A-Z][A-Z'-]*)\s+[\d.]+\s+[\d.]+\s+\d+", m.group(1)):
            res.setdefault(fold(name), set()).add(cls)
    return res


def build_english():
    acc = collections.defaultdict(set)
    # Capitalised words SCOWL lists without saying what they are: PROPER
    # only where no other source classes the word.
    unclassified = set()

    for w in list(scowl_words("words")) + list(scowl_words("contractions")):
        shape = case_class(w)
        if shape == COMMON or shape == ACRONYM:
            acc[fold(w)].add(shape)
        elif shape == PROPER:
            unclassified.add(fold(w))
    for sub in ("upper", "proper-names", "abbreviations"):
        for w in scowl_words(sub):
            shape = case_class(w)
            if shape == ACRONYM:
                acc[fold(w)].add(ACRONYM)
            elif shape == PROPER:
                unclassified.add(fold(w))
            # Lower-case abbreviations ("etc", "approx") are not words.

    for key, classes in census_names().items():
        acc[key] |= classes

    synsets = list(wordnet_synsets())
    for _, _, lemmas in synsets:
        for w in lemmas:
            if "_" not in w and is_word(w) and case_class(w) in (COMMON, ACRONYM):
                acc[fold(w)].add(case_class(w))

    first_names = set()
    for lexfile, pos, lemmas in synsets:
        singles = [w for w in lemmas if "_" not in w and is_word(w)]
        full_names = [m for m in (w.split("_") for w in lemmas) if is_full_name(m, acc)]
        for w in singles:
            if case_class(w) != PROPER:
                continue
            key = fold(w)
            if pos == "noun" and lexfile in PLACE_LEXFILES:
                acc[key].add(PLACE)
            elif pos == "noun" and lexfile == NOUN_PERSON:
                # {Einstein, Albert_Einstein}: "Einstein" is a surname and
                # "Albert" a first name; {Homer} alone says neither.
                full = [m for m in full_names if m[-1] == w]
                acc[key].add(SURNAME if full else PROPER)
                first_names.update(fold(m[0]) for m in full if len(m[0]) > 1)
            else:
                acc[key].add(PROPER)
    for key in first_names:
        acc[key].add(FIRST_NAME)

    for key in unclassified:
        if not acc.get(key, set()) - {COMMON, ACRONYM}:
            acc[key].add(PROPER)

    # Irregular inflections of WordNet lemmas ("went", "children", "worse").
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"{pos}.exc").read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if fields and is_word(fields[0]) and case_class(fields[0]) == COMMON:
                acc[fold(fields[0])].add(COMMON)
    return acc


# --- output ------------------------------------------------------------------

def shared_prefix(a, b):
    """Bytes at the start of `b` that `a` has too, ending on a character."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += len(x.encode("utf-8"))
    return n


def write(path, header, acc):
    """Writes the entries front-coded: each word as the number of bytes it
    shares with the word before it and the rest of it, then a tab and its
    classes unless it is only COMMON. "president", "presidente",
    "presidents" are written "president", "9e", "9s"."""
    entries = sorted((k, "".join(c for c in CLASS_ORDER if c in v)) for k, v in acc.items() if v)
    counts = collections.Counter(c for _, classes in entries for c in classes)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in header:
            out.write(f"# {line}".rstrip() + "\n")
        summary = ", ".join(f"{c} {counts[c]}" for c in CLASS_ORDER)
        out.write(f"# {len(entries)} words; per class: {summary}\n")
        prev = ""
        for key, classes in entries:
            n = shared_prefix(prev, key)
            rest = key.encode("utf-8")[n:].decode("utf-8")
            out.write(f"{n}{rest}" + ("" if classes == COMMON else f"\t{classes}") + "\n")
            prev = key
    return counts, len(entries)


def decode(path):
    """The lines of a data file as plain "word<TAB>classes", for grep."""
    prev = b""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        coded, _, classes = line.partition("\t")
        digits = re.match(r"\d+", coded).group()
        word = prev[: int(digits)] + coded[len(digits) :].encode("utf-8")
        prev = word
        yield f"{word.decode('utf-8')}\t{classes or COMMON}"


LICENSES_INTRO = """\
# Licences of the dictionary data

Generated by scripts/lexicon/build.py from the Debian packages' own
copyright files, copied verbatim below.

- `fr_words.txt` is a modified form of Dicollecte's French dictionary
  (hunspell-fr-comprehensive) and is distributed under the Mozilla Public
  License 2.0, whose full text is `MPL-2.0.txt` in this folder. Its PLACE
  marks come from WordNet 3.0 (licence below).
- `en_words.txt` is derived from SCOWL (the notices below must accompany
  it), WordNet 3.0 (licence below) and the 1990 US Census lists of common
  first names and surnames, a work of the US government and in the public
  domain, read from the copy that Debian's libtext-names-perl embeds (only
  the Census lists are used, none of that module's code or text).

The rest of newsls is MIT OR Apache-2.0; these files keep their own
licences (the MPL applies file by file, so embedding the file in a larger
work is allowed).
"""

LICENSE_SOURCES = [
    ("hunspell-fr-comprehensive", "/usr/share/doc/hunspell-fr-comprehensive/copyright"),
    ("scowl", "/usr/share/doc/scowl/copyright"),
    ("wordnet-base", "/usr/share/doc/wordnet-base/copyright"),
    ("libtext-names-perl", "/usr/share/doc/libtext-names-perl/copyright"),
]


def write_licenses(versions):
    parts = [LICENSES_INTRO]
    for package, path in LICENSE_SOURCES:
        text = Path(path).read_text(encoding="utf-8").rstrip("\n")
        parts.append(f"\n## {package} {versions[package]}: {path}\n\n```text\n{text}\n```\n")
    (OUT / "LICENSES.md").write_text("".join(parts), encoding="utf-8")
    mpl = Path("/usr/share/common-licenses/MPL-2.0").read_text(encoding="utf-8")
    (OUT / "MPL-2.0.txt").write_text(mpl, encoding="utf-8")


COMMON_HEADER = [
    "Generated by scripts/lexicon/build.py: do not edit by hand. Plain list:",
    "python3 scripts/lexicon/build.py --decode FILE. Format (README.md): one word",
    "a line, folded as src/text/fold.rs folds text, sorted by bytes, written as",
    "the number of bytes shared with the previous word and the rest; then a tab",
    "and its classes, or nothing for c alone: c common word, f first name,",
    "s surname, p other proper noun, l place, a acronym.",
]


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--decode":
        for line in decode(sys.argv[2]):
            print(line)
        return
    if len(sys.argv) != 1:
        sys.exit("usage: build.py [--decode FILE]")
    fr_version = package_version("hunspell-fr-comprehensive")
    scowl_version = package_version("scowl")
    wordnet_version = package_version("wordnet-base")
    names_version = package_version("libtext-names-perl")

    places_en = wordnet_places()
    OUT.mkdir(parents=True, exist_ok=True)
    write_licenses(
        {
            "hunspell-fr-comprehensive": fr_version,
            "scowl": scowl_version,
            "wordnet-base": wordnet_version,
            "libtext-names-perl": names_version,
        }
    )

    fr = build_french(places_en)
    fr_header = COMMON_HEADER + [
        "",
        f"From Debian hunspell-fr-comprehensive {fr_version} (fr.dic, fr.aff):",
        "Dictionnaire orthographique français « toutes variantes », Olivier R. and the",
        "Dicollecte/Grammalecte contributors. This file is a modified form of that",
        "dictionary and is distributed under the Mozilla Public License 2.0: see",
        "MPL-2.0.txt in this folder, or http://mozilla.org/MPL/2.0/.",
        "PLACE marks French proper nouns also listed as places in WordNet 3.0",
        f"(Debian wordnet-base {wordnet_version}, WordNet licence in LICENSES.md).",
    ]
    fr_counts = write(OUT / "fr_words.txt", fr_header, fr)

    en = build_english()
    en_header = COMMON_HEADER + [
        "",
        f"From Debian scowl {scowl_version} (SCOWL, Copyright 2000-2011 Kevin Atkinson,",
        "and the copyright holders of its sources), Debian wordnet-base",
        f"{wordnet_version} (WordNet 3.0 Copyright 2006 by Princeton University. All",
        "rights reserved.), and the 1990 US Census name lists (public domain) as",
        f"shipped in Debian libtext-names-perl {names_version}. Licences and the",
        "required notices: LICENSES.md in this folder.",
    ]
    en_counts = write(OUT / "en_words.txt", en_header, en)

    for lang, (counts, n) in [("fr", fr_counts), ("en", en_counts)]:
        size = (OUT / f"{lang}_words.txt").stat().st_size
        summary = " ".join(f"{c}={counts[c]}" for c in CLASS_ORDER)
        print(f"{lang}_words.txt: {n} lines, {size} bytes, {summary}")


if __name__ == "__main__":
    main()
