//! Corpus-level work over many analyses: evaluation against gold.

pub mod brat;
pub mod eval;
