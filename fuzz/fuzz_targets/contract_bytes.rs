//! libFuzzer entry point for `jamsos_fuzz::contract_bytes` (the body and its
//! properties are in `src/lib.rs`). Run with `cargo +nightly fuzz run contract_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jamsos_fuzz::contract_bytes(data));
