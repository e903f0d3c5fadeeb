//! libFuzzer entry point for `jamsos_fuzz::csv_structured` (the body and its
//! properties are in `src/lib.rs`). Run with `cargo +nightly fuzz run csv_structured`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jamsos_fuzz::csv_structured(data));
