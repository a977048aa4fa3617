//! cargo fuzz target: see `tests/common/fuzz_inputs.rs` for what is done
//! with the input and which invariants are checked.
#![no_main]

#[path = "../../tests/common/fuzz_inputs.rs"]
#[allow(dead_code)]
mod fuzz_inputs;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_inputs::edits(data));
