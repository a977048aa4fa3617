//! `textDocument/definition` (an actor's registry entry, else its first
//! mention), `textDocument/references` (every mention across the
//! workspace) and `textDocument/documentHighlight` (in this document).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::{convert, Server};
use super::{blocking, position_params};
use crate::ide;

/// Location of an actor's `name = "…"` in `newsls.toml` (its path and
/// text), if registered there.
fn registry_location(
    settings: Option<&(std::path::PathBuf, String)>,
    enc: convert::Encoding,
    name: &str,
) -> Option<Location> {
    let (path, text) = settings?;
    let (r, _) = ide::rename::settings_edit(text, name, name)?;
    Some(convert::location_in(
        Uri::from_file_path(path)?,
        text,
        enc,
        r,
    ))
}

pub async fn definition(
    s: &Server,
    p: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    let (uri, pos) = position_params(&p.text_document_position_params);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let settings = {
        let w = s.world();
        w.settings_path().zip(w.settings_text.clone())
    };
    let uri = uri.clone();
    blocking("definition", move || {
        let offset = convert::offset(&snap, enc, pos)?;
        let Some(m) = snap.analysis.mention_at(offset) else {
            return Ok(None);
        };
        let actor = &snap.analysis.actors[m.actor];
        if actor.registered {
            if let Some(loc) = registry_location(settings.as_ref(), enc, &actor.name) {
                return Ok(Some(GotoDefinitionResponse::Scalar(loc)));
            }
        }
        Ok(ide::navigation::definition(&snap, offset).map(|r| {
            GotoDefinitionResponse::Scalar(convert::location(
                &uri,
                enc,
                ide::workspace::Place::Open(&snap, r),
            ))
        }))
    })
    .await
}

pub async fn references(s: &Server, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let (uri, pos) = position_params(&p.text_document_position);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let workspace = s.workspace(Some(uri), true).await;
    blocking("references", move || {
        let offset = convert::offset(&snap, enc, pos)?;
        let Some((_, key)) = ide::navigation::actor_at(&snap, offset) else {
            return Ok(None);
        };
        Ok(Some(
            workspace
                .mentions(&key)
                .into_iter()
                .map(|(file, place)| convert::location(file, enc, place))
                .collect(),
        ))
    })
    .await
}

pub async fn document_highlight(
    s: &Server,
    p: DocumentHighlightParams,
) -> Result<Option<Vec<DocumentHighlight>>> {
    let (uri, pos) = position_params(&p.text_document_position_params);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    blocking("documentHighlight", move || {
        let offset = convert::offset(&snap, enc, pos)?;
        let Some((_, key)) = ide::navigation::actor_at(&snap, offset) else {
            return Ok(None);
        };
        Ok(Some(
            ide::navigation::mentions(&snap, &key)
                .into_iter()
                .map(|r| convert::highlight(&snap, enc, r))
                .collect(),
        ))
    })
    .await
}
