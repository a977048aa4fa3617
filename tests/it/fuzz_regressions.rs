//! Every input saved from the fuzzers (`tests/fixtures/fuzz/<target>/`:
//! crashes found and fixed, plus seeds) replayed through the same code as
//! the fuzz targets. A crash the fuzzer finds is copied here with its fix.

use std::fs;

use crate::{fixtures, fuzz_inputs};

fn replay(target: &str, run: fn(&[u8])) {
    let dir = fixtures().join("fuzz").join(target);
    let mut n = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let data = fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} fails again", path.display());
        n += 1;
    }
    assert!(n > 0, "no saved inputs in {}", dir.display());
}

#[test]
fn analysis_inputs_from_the_fuzzer() {
    replay("analysis", fuzz_inputs::analysis);
}

#[test]
fn brat_inputs_from_the_fuzzer() {
    replay("brat", fuzz_inputs::brat);
}

#[test]
fn settings_inputs_from_the_fuzzer() {
    replay("settings", fuzz_inputs::settings);
}

#[test]
fn edit_inputs_from_the_fuzzer() {
    replay("edits", fuzz_inputs::edits);
}

#[test]
fn frame_inputs_from_the_fuzzer() {
    replay("frames", fuzz_inputs::frames);
}
