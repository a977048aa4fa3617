//! newsls: actors, quotes, attributions and unsourced claims in French and
//! English news, for editors (a language server) and terminals (a CLI).
//!
//! Layers, each importing only those before it (see ARCHITECTURE.md):
//! `text` → `lexicon` → `input` → `analysis` → `corpus` → `ide` → `cli`.
//! Only the top layers do I/O; `analysis` is pure and never fails.

pub mod text;
pub mod lexicon;
pub mod input;
pub mod analysis;
pub mod corpus;
pub mod cli;
