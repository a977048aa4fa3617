//! `textDocument/prepareRename` and `textDocument/rename`: an actor's name
//! across the workspace (open documents and closed articles) and its
//! `newsls.toml` entry, as one workspace edit.

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::super::{convert, Server};
use super::{blocking, position_params};
use crate::ide;

pub async fn prepare_rename(
    s: &Server,
    p: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    let (uri, pos) = position_params(&p);
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    blocking("prepareRename", move || {
        let offset = convert::offset(&snap, enc, pos)?;
        let Some(m) = snap.analysis.mention_at(offset) else {
            return Ok(None);
        };
        let name = snap.analysis.actors[m.actor].name.clone();
        Ok(Some(convert::prepare_rename(&snap, enc, m.range, name)))
    })
    .await
}

pub async fn rename(s: &Server, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let (uri, pos) = position_params(&p.text_document_position);
    let new_name = p.new_name.trim().to_string();
    if new_name.is_empty() {
        return Err(Error::invalid_params("the new name is empty"));
    }
    let snap = s.snapshot(uri).await?;
    let enc = s.encoding();
    let workspace = s.workspace(None, true).await;
    let settings = {
        let w = s.world();
        w.settings_path().zip(w.settings_text.clone())
    };
    blocking("rename", move || {
        let offset = convert::offset(&snap, enc, pos)?;
        let Some(m) = snap.analysis.mention_at(offset) else {
            return Ok(None);
        };
        let old_name = snap.analysis.actors[m.actor].name.clone();
        let key = crate::analysis::actor_key(&old_name);
        let settings_edit = settings.and_then(|(path, text)| {
            let (r, new) = ide::rename::settings_edit(&text, &old_name, &new_name)?;
            Some((
                Uri::from_file_path(&path)?,
                convert::text_edit_in(&text, enc, r, new),
            ))
        });
        let edits = workspace.rename(&key, &old_name, &new_name);
        Ok(Some(convert::workspace_edit(enc, edits, settings_edit)))
    })
    .await
}
