//! Feeds arbitrary bytes to the contract's `contribution` and `eligibility`:
//! any outcome but a panic is fine. Run with `cargo +nightly fuzz run contract`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = jamsos::contract::contribution(text);
        let _ = jamsos::contract::eligibility(text);
    }
});
