//! Prints the diagnostic-code table of README.md (kept current by a test).
#![allow(clippy::print_stdout)]
fn main() {
    print!("{}", newsls::analysis::FindingKind::code_table());
}
