//! A simple OCR damage model for å/ä/ö, after the confusions seen in English-model OCR of
//! Swedish print: the ring and the dots are lost (å→a, ä→a, ö→o) or the letter is misread as a
//! look-alike (ä→é/d/i, å→d, ö→é/6).

use rand::Rng;

/// Probability that any one å/ä/ö in a damaged text is misread.
const MISREAD: f64 = 0.85;

/// Look-alikes for one letter, with weights.
fn confusions(c: char) -> Option<&'static [(char, u32)]> {
    Some(match c {
        'ä' => &[('a', 55), ('é', 20), ('d', 15), ('i', 10)],
        'å' => &[('a', 75), ('d', 18), ('é', 7)],
        'ö' => &[('o', 88), ('é', 8), ('6', 4)],
        'Ä' | 'Å' => &[('A', 1)],
        'Ö' => &[('O', 1)],
        _ => return None,
    })
}

/// The text as a damaged OCR layer would carry it.
pub fn damage(text: &str, rng: &mut impl Rng) -> String {
    text.chars()
        .map(|c| match confusions(c) {
            Some(options) if rng.random_bool(MISREAD) => {
                let total: u32 = options.iter().map(|(_, w)| w).sum();
                let mut pick = rng.random_range(0..total);
                for &(to, w) in options {
                    if pick < w {
                        return to;
                    }
                    pick -= w;
                }
                c
            }
            _ => c,
        })
        .collect()
}
