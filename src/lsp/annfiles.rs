//! brat `.ann` files in the server: the annotations of an open article
//! (the editor's copy of a `.ann` wins over the disk's), and `.ann` files
//! opened in the editor, which get `ann-mismatch` diagnostics and hover.

use std::path::PathBuf;

use tower_lsp_server::ls_types::*;

use super::convert;
use super::Server;
use crate::analysis::FindingKind;
use crate::corpus::brat;
use crate::input::brat::Ann;
use crate::text::{LineIndex, TextRange};

/// The article an `.ann` annotates: the `.txt` or `.md` with its stem.
pub fn article_of(ann: &Uri) -> Option<Uri> {
    let path = ann.to_file_path()?.into_owned();
    ["txt", "md"]
        .iter()
        .map(|ext| path.with_extension(ext))
        .find(|p| p.exists())
        .or_else(|| Some(path.with_extension("txt")))
        .and_then(Uri::from_file_path)
}

pub fn ann_of(article: &Uri) -> Option<(Uri, PathBuf)> {
    let path = article.to_file_path()?.with_extension("ann");
    Some((Uri::from_file_path(&path)?, path))
}

impl Server {
    /// The `.ann` text of an article: the editor's copy, else the disk's.
    fn ann_text(&self, article: &Uri) -> Option<String> {
        let (ann_uri, path) = ann_of(article)?;
        if let Some(t) = self.world().ann_docs.get(&ann_uri) {
            return Some(t.clone());
        }
        std::fs::read_to_string(path).ok()
    }

    /// Reloads the annotations of an open article and republishes the
    /// diagnostics of its `.ann` if that is open.
    pub(super) async fn refresh_annotations(&self, article: &Uri) {
        let article_text = match self.world().docs.get(article) {
            Some(d) => d.text(),
            None => return,
        };
        let ann_text = self.ann_text(article);
        let loaded = ann_text.as_deref().map(|t| brat::load(t, &article_text));
        {
            let mut w = self.world();
            if let Some(doc) = w.docs.get_mut(article) {
                doc.annotations = loaded.as_ref().map(|(_, a)| a.clone());
                doc.snapshot = None;
            }
        }
        self.schedule_diagnostics(article.clone());
        if let (Some((ann_uri, _)), Some((ann, _)), Some(text)) =
            (ann_of(article), loaded, ann_text)
        {
            if self.world().ann_docs.contains_key(&ann_uri) {
                self.publish_ann(ann_uri, &text, &ann).await;
            }
        }
    }

    pub(super) async fn publish_ann(&self, uri: Uri, text: &str, ann: &Ann) {
        let enc = self.encoding();
        let kind = FindingKind::AnnMismatch;
        let severity = self.world().settings().severities.get(kind);
        let index = LineIndex::new(text);
        let diags = ann
            .problems
            .iter()
            .filter_map(|p| {
                let d = crate::ide::diagnostics::Diagnostic {
                    range: index.line_content_range(text, p.line)?,
                    severity,
                    code: kind.code(),
                    message: p.message.clone(),
                    related: Vec::new(),
                };
                convert::file_diagnostic(text, enc, &uri, &d)
            })
            .collect();
        self.publish(uri, diags);
    }

    /// An `.ann` opened or edited in the editor.
    pub(super) async fn ann_changed(&self, uri: Uri, text: String) {
        self.world().ann_docs.insert(uri.clone(), text.clone());
        let Some(article) = article_of(&uri) else {
            return;
        };
        let open = self.world().docs.contains_key(&article);
        if open {
            self.refresh_annotations(&article).await;
        } else {
            let article_text = article
                .to_file_path()
                .and_then(|p| std::fs::read_to_string(p).ok())
                .unwrap_or_default();
            let (ann, _) = brat::load(&text, &article_text);
            self.publish_ann(uri, &text, &ann).await;
        }
    }
}

/// Hover on an `.ann` line: the entity and the article text it points at.
pub fn hover(s: &Server, uri: &Uri, pos: Position) -> Option<Hover> {
    let text = s.world().ann_docs.get(uri)?.clone();
    let line = text.lines().nth(pos.line as usize)?;
    let ann = Ann::parse(line);
    let e = ann.entities.first()?;
    let article = article_of(uri)?;
    let article_text = match s.world().docs.get(&article) {
        Some(d) => d.text(),
        None => std::fs::read_to_string(article.to_file_path()?).ok()?,
    };
    let index = LineIndex::new(&article_text);
    let range: TextRange = ann.byte_range(e, &article_text, &index)?;
    let line_no = index.line_of(range.start()) + 1;
    let value = format!(
        "**{}** {} — line {line_no} of the article\n\n> {}",
        e.id,
        e.kind,
        crate::text::excerpt(article_text.get(range.as_range())?, 200)
    );
    Some(convert::markdown_hover(value))
}
