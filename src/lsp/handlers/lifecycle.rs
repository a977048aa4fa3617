//! `initialize` (position encoding, workspace root, client options, the
//! `newsls.toml` found at the root) and `initialized` (file watchers,
//! settings shown, background indexing).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::convert::Encoding;
use super::super::{capabilities, Server};
use crate::input::{ClientOptions, FileSettings};

pub fn initialize(s: &Server, p: InitializeParams) -> Result<InitializeResult> {
    let encoding = Encoding::negotiate(
        p.capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let root = p
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| f.uri.to_file_path().map(|p| p.into_owned()));
    #[allow(deprecated)]
    let root = root.or_else(|| {
        p.root_uri
            .as_ref()
            .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
    });
    let options = match p
        .initialization_options
        .as_ref()
        .map(ClientOptions::from_json)
    {
        Some(Ok(o)) => o,
        Some(Err(e)) => {
            tracing::warn!("initializationOptions ignored: {e}");
            ClientOptions::default()
        }
        None => ClientOptions::default(),
    };
    let dynamic = p
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    {
        let mut w = s.world();
        w.encoding = encoding;
        w.root = root;
        w.client_options = options;
        w.dynamic_watchers = dynamic;
        if let Some(path) = w.settings_path() {
            if let Ok(text) = std::fs::read_to_string(&path) {
                match FileSettings::parse(&text) {
                    Ok(settings) => w.file_settings = settings,
                    Err(e) => tracing::warn!("{}: {e}", path.display()),
                }
                w.settings_text = Some(text);
            }
        }
    }
    Ok(capabilities::initialize_result(encoding))
}

pub async fn initialized(s: &Server) {
    let dynamic = s.world().dynamic_watchers;
    if dynamic {
        let registration = capabilities::file_watchers();
        if let Err(e) = s.client.register_capability(vec![registration]).await {
            tracing::warn!("could not register file watchers: {e}");
        }
    }
    // A broken newsls.toml found at start is shown now.
    s.reload_settings_from_disk().await;
    // The corpus is indexed in the background; requests do not wait for it.
    let server = s.clone();
    tokio::spawn(async move { server.index_workspace().await });
}
