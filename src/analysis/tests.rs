//! Behaviour of the analysis on short articles, one construction per test.
//! Every test goes through [`check`], which renders what a user would see:
//! quotes with kind and speaker, actors, claims and findings.

use super::{analyze, Analysis, AnalysisConfig};
use crate::input::{ActorEntry, Article};
use crate::lexicon::Lang;

fn run(text: &str, actors: Vec<ActorEntry>) -> Analysis {
    let article = Article::plain(text);
    analyze(
        &article,
        &AnalysisConfig {
            language: None,
            actors,
            annotations: None,
        },
    )
}

/// Renders the parts of an analysis a test is about: lines starting with
/// `quote`, `actor`, `claim` or `finding`.
fn render(text: &str, a: &Analysis, what: &str) -> String {
    let mut out = Vec::new();
    let name = |id: Option<usize>| id.map_or("null".to_string(), |i| a.actors[i].name.clone());
    if what.contains("quote") {
        for q in &a.quotes {
            out.push(format!(
                "quote {} {} «{}»",
                q.kind.as_str(),
                name(q.speaker),
                &text[q.content.as_range()]
            ));
        }
    }
    if what.contains("actor") {
        let lines = super::actors::check::actor_lines(text, a);
        out.extend(lines.into_iter().map(|l| format!("actor {l}")));
    }
    if what.contains("claim") {
        for c in &a.claims {
            out.push(format!(
                "claim {} {}: {}",
                c.status.as_str(),
                name(c.source),
                &text[a.sentences[c.sentence].range.as_range()]
            ));
        }
    }
    if what.contains("finding") {
        for f in &a.findings {
            out.push(format!(
                "finding {} «{}»",
                f.code(),
                &text[f.range.as_range()]
            ));
        }
    }
    out.join("\n")
}

#[track_caller]
fn check(what: &str, text: &str, expected: &str) {
    let a = run(text, Vec::new());
    let got = render(text, &a, what);
    assert_eq!(got.trim(), expected.trim(), "\n--- got ---\n{got}\n");
}

// Quotation marks and kinds.

#[test]
fn guillemets_with_every_padding_and_an_incise() {
    check(
        "quote",
        "«\u{a0}Nous sommes prêts\u{a0}», a déclaré Marie Dupont. «\u{202f}Pas avant lundi\u{202f}», a-t-elle ajouté. «Sans espace», dit-elle.",
        "quote direct Marie Dupont «\u{a0}Nous sommes prêts\u{a0}»\nquote direct Marie Dupont «\u{202f}Pas avant lundi\u{202f}»\nquote direct Marie Dupont «Sans espace»",
    );
}

#[test]
fn curly_low_and_straight_marks() {
    check(
        "quote",
        "“We will win,” said coach Tom Hardy.\n\nThe match ended late.\n\n\"It is over,\" Hardy said.",
        "quote direct Tom Hardy «We will win,»\nquote direct Tom Hardy «It is over,»",
    );
    check(
        "quote",
        "„Wir schaffen das“, a déclaré Angela Merkel.",
        "quote direct Angela Merkel «Wir schaffen das»",
    );
}

#[test]
fn nested_quotes_stay_inside_their_quote() {
    check(
        "quote",
        "« Il m'a dit ‹ jamais › et il est parti », raconte Léa Martin.",
        "quote direct Léa Martin « Il m'a dit ‹ jamais › et il est parti »",
    );
}

#[test]
fn a_quote_over_two_paragraphs_is_one_quote() {
    let text = "« Le premier paragraphe ne se ferme pas.\n\n« Le second rouvre et ferme », a ajouté Paul Girard.";
    check("quote", text, "quote direct Paul Girard « Le premier paragraphe ne se ferme pas.\n\n« Le second rouvre et ferme »");
}

#[test]
fn mixed_and_indirect_quotes() {
    check(
        "quote",
        "Le ministre Jean Roux a promis une réforme « juste et rapide ». Il a aussi estimé que la croissance reviendrait en mai.",
        "quote mixed Jean Roux « juste et rapide »\nquote indirect Jean Roux «la croissance reviendrait en mai»",
    );
}

#[test]
fn a_wrong_direction_mark_closes_the_quote_and_is_reported() {
    let text = "Xi Jinping a assuré que « la Chine est une victime du piratage« . Rien de plus.";
    check("quote finding", text, "quote mixed Xi Jinping « la Chine est une victime du piratage»\nfinding unbalanced-quote ««»");
    let a = run(text, Vec::new());
    let fix = a.findings.iter().find_map(|f| f.replacement.clone());
    assert_eq!(fix.as_deref(), Some("»"));
}

#[test]
fn unclosed_and_stray_marks_are_reported() {
    check(
        "finding",
        "Il a dit « rien du tout.\n\nAutre paragraphe » fin.",
        "finding unbalanced-quote ««»\nfinding unbalanced-quote «»»",
    );
}

#[test]
fn titles_and_nicknames_in_marks_are_not_quotes() {
    check(
        "quote",
        "Surnommé « le Bulldozer », le maire publie son livre « La ville d'après ». Le film \"Les Intouchables\" est ressorti.",
        "",
    );
    check(
        "quote",
        "The storm, dubbed \"the storm of the century\", hit Texas.",
        "",
    );
}

// Speakers (each construction has its own tests in attribution/).

#[test]
fn anonymous_sources_are_unnamed_speakers_and_unknown_ones_null() {
    let text = "Un responsable du ministère a affirmé que « rien n'est décidé ».\n\nLa réunion a duré deux heures.\n\nLa pluie tombait. « C'est fini. »";
    let a = run(text, Vec::new());
    let speaker = a.quotes[0].speaker.map(|s| &a.actors[s]);
    assert!(speaker.is_some_and(|s| !s.named), "{:?}", a.quotes);
    assert_eq!(a.quotes[1].speaker, None);
    assert!(a.findings.iter().any(|f| f.code() == "unattributed-quote"));
}

#[test]
fn a_quotation_of_a_written_medium_the_sentence_names_has_a_source() {
    let warned = |text: &str| {
        run(text, Vec::new())
            .findings
            .iter()
            .filter(|f| f.code() == "unattributed-quote")
            .count()
    };
    for text in [
        "Les manifestants brandissaient une banderole disant « Non à la fermeture ». La police était présente.",
        "Devant la mairie, une pancarte sur laquelle on pouvait lire « Sauvez nos écoles » a été arrachée dans la nuit.",
        "Hundreds marched behind a banner from the Green Coalition saying \"No new roads\". The police watched.",
        "The flyer read, \"Free concert tonight at the old mill.\" Nobody came.",
    ] {
        assert_eq!(warned(text), 0, "{text}");
    }
    // A person's words, or a medium that does not give them, still warn:
    // also when a medium stands a few words before someone else's speech
    // verb, in another clause.
    for text in [
        "After the letter arrived, he said \"We will appeal.\"",
        "Les manifestants criaient dans la rue, disant « Non à la fermeture ». La police était présente.",
        "Une banderole était accrochée au balcon. « Non à la fermeture ». La police était présente.",
        "Hundreds marched behind the banner. \"No new roads\", one of them was heard.",
    ] {
        assert_eq!(warned(text), 1, "{text}");
    }
}

// Actors.

#[test]
fn names_titles_appositions_acronyms_and_short_names() {
    check(
        "actor",
        "Le président Barack Obama a reçu Ursula von der Leyen. Edward Snowden, ancien consultant de la National Security Agency (NSA), vit en Russie. Obama a salué la NSA.",
        "actor person Barack Obama (président): Barack Obama | Obama\nactor person Ursula von der Leyen: Ursula von der Leyen\nactor person Edward Snowden (ancien consultant de la National Security Agency (NSA)): Edward Snowden\nactor organization National Security Agency: National Security Agency | NSA | NSA\nactor country Russie: Russie",
    );
}

#[test]
fn capitals_are_metonyms_except_in_datelines_and_demonyms_need_a_government_noun() {
    check(
        "actor",
        "PEKIN (Reuters) - Washington fait pression. Les autorités chinoises ont répondu aux entreprises américaines.",
        "actor place Pékin: PEKIN\nactor media Reuters: Reuters\nactor country États-Unis: Washington\nactor country Chine: autorités chinoises",
    );
}

// Claims.

#[test]
fn claim_markers_without_a_source_are_unattributed() {
    check(
        "claim",
        "Un accord pourrait voir le jour. Le chômage a baissé de 3 % en un an. L'élu est accusé de corruption. Les discussions ont semblé cordiales.",
        "claim unattributed null: Un accord pourrait voir le jour.\nclaim unattributed null: Le chômage a baissé de 3 % en un an.\nclaim unattributed null: L'élu est accusé de corruption.\nclaim unattributed null: Les discussions ont semblé cordiales.",
    );
}

#[test]
fn dates_scores_questions_and_hypotheses_are_not_claims() {
    check(
        "claim",
        "Le 23 septembre 2015, Lens a battu Rennes 3-1. Que serait Paris sans ses cafés ? Si tu venais, je serais content. Nous pourrions partir à 10h30.",
        "",
    );
}

#[test]
fn sources_and_continuations_attribute_claims() {
    check(
        "claim",
        "Des négociations seraient en cours, selon The New York Times. Un accord pourrait être signé vendredi.",
        "claim attributed The New York Times: Des négociations seraient en cours, selon The New York Times.\nclaim attributed The New York Times: Un accord pourrait être signé vendredi.",
    );
    check(
        "claim",
        "Some officials say the talks could fail. Steel imports reportedly fell by 20%.",
        "claim vague-source Some officials: Some officials say the talks could fail.\nclaim unattributed null: Steel imports reportedly fell by 20%.",
    );
}

// Segmentation.

#[test]
fn sentences_survive_abbreviations_decimals_and_ellipses() {
    let text =
        "M. Dupont a vu le Dr. Martin aux U.S. hier. Le taux est de 3.5 points […] selon lui. Fin.";
    let a = run(text, Vec::new());
    let sentences: Vec<&str> = a
        .sentences
        .iter()
        .map(|s| &text[s.range.as_range()])
        .collect();
    assert_eq!(
        sentences,
        [
            "M. Dupont a vu le Dr. Martin aux U.S. hier.",
            "Le taux est de 3.5 points […] selon lui.",
            "Fin."
        ]
    );
}

#[test]
fn language_comes_from_the_text() {
    assert_eq!(
        run("Le ministre a dit que la réforme est prête.", Vec::new()).language,
        Lang::Fr
    );
    assert_eq!(
        run("The minister said that the reform is ready.", Vec::new()).language,
        Lang::En
    );
}

#[test]
fn a_quotation_after_que_continued_over_two_paragraphs() {
    // Found by the fuzzer: the quotation ends past its first sentence.
    check(
        "quote",
        "Paul Girard a déclaré que « la ville tiendra.\n« Elle tiendra jusqu'au bout », a-t-il ajouté.\n",
        "quote direct Paul Girard « la ville tiendra.\n« Elle tiendra jusqu'au bout »",
    );
}

#[test]
fn a_reported_clause_of_symbols_is_cut_on_a_character() {
    // Found by the fuzzer: a reported clause with no word in reach was cut
    // at a byte reach (1,100) that fell inside a three-byte symbol. The
    // three alignments of the reach are tried.
    for lead in ["", "x", "xy"] {
        let text = format!("{lead}Anna Smith said that it {} ends.\n", "€".repeat(600));
        let a = run(&text, Vec::new());
        assert!(
            a.quotes
                .iter()
                .all(|q| text.is_char_boundary(q.content.end())),
            "lead {lead:?}"
        );
    }
}
