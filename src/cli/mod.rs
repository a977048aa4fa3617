//! The command-line tool: `check`, `extract`, `stats` (and its HTML
//! `report`) and `eval` over files and folders. Reading files, finding `newsls.toml` and printing live here;
//! the analysis is called with plain text.

pub mod article_rows;
pub mod check;
pub mod eval;
pub mod extract;
pub mod render;
pub mod report;
pub mod stats;
pub mod stdin;

pub use crate::corpus::files::{self, load_inputs, Input};
