//! Splits text into the word pieces repair may touch, leaving everything else (punctuation,
//! numbers, case numbers, abbreviations, whitespace) to be copied through byte for byte.

/// Punctuation that may open a token before its word.
const OPENERS: &[char] = &['(', '[', '"', '\'', '«', '»', '“', '”', '‘', '’'];
/// Punctuation that may close a token after its word.
const CLOSERS: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '»', '”', '’',
];

/// The letter case of a word, re-applied to its repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// all lower case
    Lower,
    /// First letter upper case, the rest lower case.
    Capitalised,
}

impl Shape {
    /// `word` (lower case) in this shape.
    pub fn apply(self, word: &str) -> String {
        match self {
            Shape::Lower => word.to_string(),
            Shape::Capitalised => {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }
}

/// A word repair may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'t> {
    /// The word as written.
    pub word: &'t str,
    /// Its letter case.
    pub shape: Shape,
    /// Whether it opens a sentence or line, where a capital says nothing about names.
    pub sentence_start: bool,
    /// Whether punctuation closes a sentence right after it.
    pub sentence_end: bool,
    /// The whitespace-separated tokens before and after it, for word context.
    pub neighbours: (Option<&'t str>, Option<&'t str>),
}

/// Every repairable piece of `text`, with its byte offset.
pub fn split(text: &str) -> Vec<(usize, Piece<'_>)> {
    let tokens: Vec<(usize, &str)> = whitespace_tokens(text).collect();
    let mut pieces = Vec::new();
    for (i, &(offset, token)) in tokens.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| tokens[j]);
        let line_start = prev.is_none_or(|(o, t)| text[o + t.len()..offset].contains('\n'));
        let sentence_start =
            line_start || prev.is_some_and(|(_, t)| t.ends_with(['.', '!', '?', ':']));
        let next = tokens.get(i + 1).map(|&(_, t)| t);
        let neighbours = (prev.map(|(_, t)| t), next);
        let sentence_end = token.ends_with(['.', '!', '?', ':', ';']);
        let core = token.trim_start_matches(OPENERS);
        let lead = token.len() - core.len();
        let core = core.trim_end_matches(CLOSERS);
        let mut part_offset = offset + lead;
        for (k, part) in core.split('-').enumerate() {
            let is_word = part.chars().any(char::is_alphabetic)
                && part
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '&' || c == '#');
            if is_word {
                if let Some(shape) = shape(part) {
                    pieces.push((
                        part_offset,
                        Piece {
                            word: part,
                            shape,
                            sentence_start: sentence_start && k == 0,
                            sentence_end,
                            neighbours,
                        },
                    ));
                }
            } else if part == "1"
                && core == "1"
                && lone_digit_in_prose(prev, tokens.get(i + 1).copied())
            {
                pieces.push((
                    part_offset,
                    Piece {
                        word: part,
                        shape: Shape::Lower,
                        sentence_start: false,
                        sentence_end,
                        neighbours,
                    },
                ));
            }
            part_offset += part.len() + 1;
        }
    }
    pieces
}

/// A bare "1" between two lower-case words is more often a misread "i" than a count.
fn lone_digit_in_prose(prev: Option<(usize, &str)>, next: Option<(usize, &str)>) -> bool {
    let lower_word = |t: &str| t.chars().all(|c| c.is_lowercase());
    prev.is_some_and(|(_, t)| lower_word(t))
        && next.is_some_and(|(_, t)| lower_word(t.trim_end_matches(CLOSERS)))
}

fn shape(word: &str) -> Option<Shape> {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first = letters.next()?;
    if !letters.all(char::is_lowercase) {
        return None; // ALL CAPS abbreviations and MixedCase names are left alone
    }
    if first.is_uppercase() {
        // A capitalised word of one or two letters is an initial or abbreviation.
        (word.chars().count() > 2).then_some(Shape::Capitalised)
    } else {
        Some(Shape::Lower)
    }
}

fn whitespace_tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(char::is_whitespace)
        .scan(0, |pos, chunk| {
            let start = *pos;
            *pos += chunk.len();
            Some((start, chunk.trim_end_matches(char::is_whitespace)))
        })
        .filter(|(_, t)| !t.is_empty())
}
