//! The alphabet of the spelling model, shared by `build.rs` (which counts the model) and
//! [`super::spelling`] (which reads it), so the two number characters alike.

/// Longest character n-gram of the spelling model.
pub const ORDER: usize = 5;

/// The symbol of a character; 0 is never a symbol.
pub fn symbol(c: char) -> u32 {
    match c {
        '<' => 1,
        '>' => 2,
        'a'..='z' => 3 + (c as u32 - 'a' as u32),
        'å' => 29,
        'ä' => 30,
        'ö' => 31,
        'é' => 32,
        'ü' => 33,
        '-' => 34,
        _ => 35,
    }
}
