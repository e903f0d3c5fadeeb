//! Feeds arbitrary bytes to the contract's `contribution`, `eligibility`,
//! `benefit` and `fine`: any outcome but a panic is fine. Run with
//! `cargo +nightly fuzz run contract`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = jamsos::contract::contribution(text);
        let _ = jamsos::contract::eligibility(text);
        let _ = jamsos::contract::benefit(text);
        let _ = jamsos::contract::fine(text);
    }
});
