//! The single integration-test binary: the public library API, the real
//! `newsls` binary and its output.

#[path = "../common/lsp_client.rs"]
mod client;

mod analysis;
mod brat;
mod cli;
mod corpus;
mod dev_set;
mod editors;
mod eval;
#[path = "../common/fuzz_inputs.rs"]
mod fuzz_inputs;
mod fuzz_regressions;
mod hostile;
mod incremental;
mod lsp;
mod lsp_logging;
mod lsp_settings;
mod mixed_language;
mod positions;
mod report;
mod settings;
mod stats_stream;
mod tidy;

use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn newsls() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_newsls"))
}

/// xorshift64*: deterministic random numbers for the property tests, no
/// dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}
