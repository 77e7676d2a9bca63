//! Arbitrary UTF-8 text through the OCR repairer: it must keep every line and the exact
//! whitespace between tokens, changing only the tokens themselves.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

use diarium::repair::Repairer;

/// The whitespace skeleton of a text: each whitespace character with its position counted in
/// tokens and characters of whitespace, so a token may change length but not move whitespace.
fn skeleton(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut token = 0;
    let mut in_token = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if in_token {
                token += 1;
                in_token = false;
            }
            out.push((token, c));
        } else {
            in_token = true;
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    static REPAIRER: OnceLock<Repairer> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let repaired = REPAIRER.get_or_init(Repairer::embedded).repair_text(text);
    assert_eq!(
        text.lines().count(),
        repaired.text.lines().count(),
        "repair changed the number of lines"
    );
    assert_eq!(
        skeleton(text),
        skeleton(&repaired.text),
        "repair moved or changed whitespace"
    );
});
