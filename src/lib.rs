//! newsls: actors, quotes, attributions and unsourced claims in French and
//! English news, for editors (a language server) and terminals (a CLI).
//!
//! Layers, each importing only those before it (see ARCHITECTURE.md):
//! `text` → `lexicon` → `input` → `analysis` → `corpus` → `ide` → `cli`.
//! Only the top layers do I/O; `analysis` is pure and never fails.
//!
//! The library never prints: stdout carries the language-server protocol
//! and stderr belongs to the binary.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod ide;
pub mod input;
pub mod lexicon;
pub mod lsp;
pub mod text;
