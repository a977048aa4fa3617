//! The single integration-test binary: the public library API, the real
//! `newsls` binary and its output.

#[path = "../common/lsp_client.rs"]
mod client;

mod analysis;
mod brat;
mod cli;
mod corpus;
mod editors;
mod fuzz_regressions;
mod hostile;
mod incremental;
mod lsp;
mod positions;

use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn newsls() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_newsls"))
}
