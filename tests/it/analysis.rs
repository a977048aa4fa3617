//! Corpus goldens: every fixture article rendered as a readable snapshot of
//! its quotes, actors, claims and findings. A change in the analysis shows
//! up here as a diff to review; CI never rewrites a snapshot.

use newsls::analysis::{analyze, AnalysisConfig};
use newsls::cli::render;
use newsls::input::{settings::Settings, Article, Format};
use newsls::text::{excerpt, LineIndex};

fn snapshot(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let article = Article::new(&text, Format::from_path(&path.to_string_lossy()));
    let a = analyze(
        &article,
        &AnalysisConfig {
            language: None,
            actors: Vec::new(),
            annotations: None,
        },
    );
    let text = &article.text;
    let index = LineIndex::new(text);
    let line = |offset: usize| index.line_of(offset) + 1;
    let name = |id: Option<usize>| id.map_or("—".to_string(), |i| a.actors[i].name.clone());
    let mut out = format!("language: {}\n\n## quotes\n", a.language.code());
    for q in &a.quotes {
        let cue = q
            .cue
            .map(|c| format!(" [{}]", excerpt(&text[c.as_range()], 40)))
            .unwrap_or_default();
        out.push_str(&format!(
            "L{:<3} {:<8} {:<28} «{}»{cue}\n",
            line(q.range.start()),
            q.kind.as_str(),
            name(q.speaker),
            excerpt(&text[q.content.as_range()], 70)
        ));
    }
    out.push_str("\n## actors\n");
    for actor in &a.actors {
        let mentions: Vec<String> = actor
            .mentions
            .iter()
            .map(|&m| excerpt(&text[a.mentions[m].range.as_range()], 40))
            .collect();
        let unnamed = if actor.named { "" } else { " (unnamed)" };
        out.push_str(&format!(
            "{:<13} {}{unnamed}: {}\n",
            actor.kind.as_str(),
            actor.name,
            mentions.join(" | ")
        ));
    }
    out.push_str("\n## claims\n");
    for c in &a.claims {
        let s = a.sentences[c.sentence].range;
        out.push_str(&format!(
            "L{:<3} {:<12} {:<28} {}\n",
            line(s.start()),
            c.status.as_str(),
            name(c.source),
            excerpt(&text[s.as_range()], 80)
        ));
    }
    out.push_str("\n## findings\n");
    let settings = Settings::default();
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    for f in &a.findings {
        out.push_str(&render::finding(
            &file,
            text,
            &index,
            f,
            f.kind.severity(&settings.severities),
        ));
    }
    out
}

#[test]
fn every_fixture_article_matches_its_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    let dir = crate::fixtures().join("articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 14,
        "expected the fixture corpus in {}",
        dir.display()
    );
    settings.bind(|| {
        for path in paths {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            insta::assert_snapshot!(stem, snapshot(&path));
        }
    });
}
