//! libFuzzer entry point for `jamsos_fuzz::table_lookup` (the body and its
//! properties are in `src/lib.rs`). Run with `cargo +nightly fuzz run table_lookup`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jamsos_fuzz::table_lookup(data));
