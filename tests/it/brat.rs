//! brat standoff: newsls reads its own output back into the same analysis.

use newsls::analysis::{analyze, Analysis, AnalysisConfig};
use newsls::corpus::brat;
use newsls::input::brat::Ann;
use newsls::input::{Article, Format};
use newsls::text::LineIndex;

use crate::fixtures;

fn render(text: &str, a: &Analysis) -> Vec<String> {
    let name = |id: Option<usize>| id.map_or("—".to_string(), |i| a.actors[i].name.clone());
    let mut out = Vec::new();
    for actor in &a.actors {
        let mut ranges: Vec<String> = actor
            .mentions
            .iter()
            .map(|&m| format!("{:?}", a.mentions[m].range))
            .collect();
        ranges.sort();
        out.push(format!(
            "actor {} {} named={} {}",
            actor.name,
            actor.kind.as_str(),
            actor.named,
            ranges.join(",")
        ));
    }
    out.sort();
    for q in &a.quotes {
        out.push(format!(
            "quote {:?} {} {} «{}»",
            q.content,
            q.kind.as_str(),
            name(q.speaker),
            &text[q.content.as_range()]
        ));
    }
    for c in &a.claims {
        out.push(format!(
            "claim {:?} {} {}",
            a.sentences[c.sentence].range,
            c.status.as_str(),
            name(c.source)
        ));
    }
    out
}

fn config(annotations: Option<newsls::analysis::annotations::Annotations>) -> AnalysisConfig {
    AnalysisConfig {
        language: None,
        actors: Vec::new(),
        annotations,
    }
}

#[test]
fn every_fixture_article_round_trips_through_brat() {
    let dir = fixtures().join("articles");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let raw = std::fs::read_to_string(&path).unwrap();
        let article = Article::new(&raw, Format::from_path(&path.to_string_lossy()));
        let first = analyze(&article, &config(None));
        let ann_text = brat::write(&article.text, &first);
        let mut ann = Ann::parse(&ann_text);
        let index = LineIndex::new(&article.text);
        ann.validate(&article.text, &index);
        assert!(
            ann.problems.is_empty(),
            "{}: {:?}",
            path.display(),
            ann.problems
        );
        let second = analyze(
            &article,
            &config(Some(brat::annotations(&ann, &article.text, &index))),
        );
        assert_eq!(
            render(&article.text, &first),
            render(&article.text, &second),
            "{}",
            path.display()
        );
        // And the file written again is the same file.
        assert_eq!(
            brat::write(&article.text, &second),
            ann_text,
            "{}",
            path.display()
        );
        n += 1;
    }
    assert!(n >= 14);
}

#[test]
fn human_annotations_win() {
    let text = "« Nous partirons », a dit Paul Girard. Un accord pourrait être signé.";
    let article = Article::plain(text);
    let index = LineIndex::new(text);
    // The annotator says the quote is Marie's (named elsewhere) and the
    // claim is hers too.
    let ann_text = "T1\tPerson 26 37\tPaul Girard\n#1\tAnnotatorNotes T1\tMarie Girard\nT2\tQuote 2 15\tNous partiron\nR1\tSpeaker Arg1:T2 Arg2:T1\nT3\tClaim 39 69\tUn accord pourrait être signé.\nR2\tSource Arg1:T3 Arg2:T1\n";
    let mut ann = Ann::parse(ann_text);
    ann.validate(text, &index);
    assert!(ann.problems.is_empty(), "{:?}", ann.problems);
    let a = analyze(
        &article,
        &config(Some(brat::annotations(&ann, text, &index))),
    );
    assert_eq!(a.actors.len(), 1);
    assert_eq!(a.actors[0].name, "Marie Girard");
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].speaker, Some(0));
    assert_eq!(&text[a.quotes[0].content.as_range()], "Nous partiron");
    assert_eq!(a.claims.len(), 1);
    assert_eq!(a.claims[0].source, Some(0));
}
