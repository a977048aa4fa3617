//! Corpus-level work over many articles: reading them from disk with their
//! `.ann` and settings (`files`), in parallel with results in corpus order
//! and bounded memory (`pipeline`), brat standoff (`brat`), the compact
//! summaries of the workspace index (`index`) and evaluation (`eval`).

pub mod brat;
pub mod eval;
pub mod files;
pub mod index;
pub mod pipeline;
