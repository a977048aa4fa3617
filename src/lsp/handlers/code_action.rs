//! `textDocument/codeAction`: the fixes and refactorings of
//! `ide::code_actions` for a range, with the diagnostic each fixes; "add
//! to the registry" edits `newsls.toml` (or creates it).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::{convert, Server};
use super::blocking;
use crate::ide;

pub async fn code_action(s: &Server, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
    let uri = p.text_document.uri;
    let snap = s.snapshot(&uri).await?;
    let enc = s.encoding();
    let (settings_path, settings_text) = {
        let w = s.world();
        (w.settings_path(), w.settings_text.clone())
    };
    blocking("codeAction", move || {
        let range = convert::text_range(&snap, enc, p.range)?;
        let settings_uri = settings_path.as_deref().and_then(Uri::from_file_path);
        let mut res = Vec::new();
        for a in ide::code_actions::actions(&snap, range) {
            let settings_edit = match (&a.settings_entry, &settings_uri) {
                (None, _) => None,
                (Some(entry), Some(u)) => Some(convert::settings_entry_edit(
                    u.clone(),
                    settings_text.as_deref(),
                    entry,
                    enc,
                )),
                // No workspace root: nowhere to add the entry.
                (Some(_), None) => continue,
            };
            res.push(convert::code_action(&snap, enc, &uri, a, settings_edit));
        }
        Ok(Some(res))
    })
    .await
}
