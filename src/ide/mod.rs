//! Editor features as plain data: what hover shows, what the outline
//! holds, which ranges a rename edits. One file per feature; no protocol
//! types (the `lsp` layer converts), no I/O.
//!
//! Every feature works on a [`Snapshot`]: one version of one document with
//! its analysis, immutable and cheap to share between threads.

pub mod code_actions;
pub mod completion;
pub mod diagnostics;
pub mod english;
pub mod hover;
pub mod inlay_hints;
pub mod navigation;
pub mod outline;
pub mod rename;
pub mod semantic_tokens;
pub mod workspace;
pub mod workspace_symbols;

#[cfg(test)]
pub(crate) mod fixture;

use crate::analysis::{analyze_within, Analysis, AnalysisConfig};
use crate::input::{Article, Format, Settings};
use crate::text::LineIndex;

/// One version of one document, analysed.
#[derive(Debug)]
pub struct Snapshot {
    pub version: i32,
    pub article: Article,
    pub analysis: Analysis,
    pub line_index: LineIndex,
    pub settings: Settings,
}

impl Snapshot {
    pub fn new(version: i32, text: &str, format: Format, settings: Settings) -> Snapshot {
        Snapshot::with_annotations(version, text.to_string(), format, settings, None, None)
    }

    /// A snapshot whose analysis applies human annotations (a `.ann`) and
    /// reuses what `memo` kept from the document's previous analysis.
    pub fn with_annotations(
        version: i32,
        text: String,
        format: Format,
        settings: Settings,
        annotations: Option<crate::analysis::annotations::Annotations>,
        memo: Option<&mut crate::analysis::Memo>,
    ) -> Snapshot {
        let article = Article::from_string(text, format);
        let config = AnalysisConfig {
            language: settings.language,
            actors: settings.actors.clone(),
            annotations,
        };
        let analysis = analyze_within(&article, &config, settings.max_document_bytes, memo);
        let line_index = LineIndex::new(&article.text);
        Snapshot {
            version,
            article,
            analysis,
            line_index,
            settings,
        }
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// 1-based line of a byte offset, for messages.
    pub fn line_number(&self, offset: usize) -> usize {
        self.line_index.line_of(offset) + 1
    }
}
