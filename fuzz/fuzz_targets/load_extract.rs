//! Arbitrary bytes as a whole PDF file: loading, decryption and text extraction must return
//! pages or an error, never panic, hang or exhaust memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = diarium::pdf::extract_bytes(data, &diarium::pdf::Options::default());
});
