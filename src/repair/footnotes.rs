//! Footnote numbers the OCR misread.
//!
//! A document numbers its footnotes 1, 2, 3 … in the order their markers stand in the text, and
//! each footnote's text opens a line below its marker, after the same number. The OCR reads those
//! numbers well, full-size at a line's start, but the small raised markers badly: `samhället.!`,
//! `extremism.?`, `hotet.'°`, a lone `*` ending a heading. So the footnotes' lines give the
//! sequence, and each marker is the place in order before its footnote where a raised number
//! stands; both are written in superscript digits, as the documents set them.

use super::tokens::{opens_line, whitespace_tokens};

/// Highest footnote number taken as one: higher numbers opening a line are amounts and codes.
const MAX_NOTE: u32 = 99;
/// Most cells of the table that assigns markers to places (4 bytes each): far above any
/// document's footnotes times its places, it bounds what a hostile text of glyphs can cost.
const MAX_CELLS: usize = 4_000_000;
/// What a place that holds its footnote's own number weighs against one holding a misread glyph:
/// a number read right says more of where its marker stands than a glyph that could be a stain.
const SAME_NUMBER: u32 = 4;
/// What a place holding a misread glyph weighs.
const GLYPH: u32 = 2;
/// What a lone closing quote after a sentence's stop weighs: more often a quotation's end than a
/// misread marker, it is taken only where the sequence has no likelier place.
const QUOTE: u32 = 1;
/// Glyphs an OCR engine writes for a small raised digit.
const RAISED_GLYPHS: &[char] = &[
    '!', '?', '°', '®', '\'', '’', '”', '"', '*', '|', '‘', '^', '~', '¢', '©',
];
/// Closing quotes, which may end a quotation after its stop rather than stand for a marker.
const QUOTES: &[char] = &['\'', '’', '”', '"'];

/// Every footnote number the OCR misread in `text`, with its byte offset, as written, and its
/// number in superscript digits: the markers in the text and the numbers opening the notes.
///
/// A footnote is taken only when its note and its marker are both found, and a text only when at
/// least two are, one of them marked by a misread glyph rather than a closing quote or a number:
/// a numbered list's or headings' numbers open lines in order too, but nothing in the text marks
/// them.
pub fn footnotes(text: &str) -> Vec<(usize, &str, String)> {
    let tokens: Vec<(usize, &str)> = whitespace_tokens(text).collect();
    let notes = notes(text, &tokens);
    if notes.len() < 2 {
        return Vec::new();
    }
    let note_offsets: Vec<usize> = notes.iter().map(|&i| tokens[i].0).collect();
    // A marker stands before its note, so none after the last.
    let last = note_offsets[note_offsets.len() - 1];
    let places: Vec<Place> = (0..tokens.len())
        .take_while(|&i| tokens[i].0 < last)
        .filter_map(|i| place(text, &tokens, i))
        .collect();
    if (notes.len() + 1) * (places.len() + 1) > MAX_CELLS {
        return Vec::new();
    }
    let markers = assign(&note_offsets, &places);
    let found: Vec<(u32, &Place)> = markers
        .iter()
        .zip(1..)
        .filter_map(|(m, n)| Some((n, &places[(*m)?])))
        .collect();
    let glyph_marked = found
        .iter()
        .any(|(n, p)| p.weight(*n) == GLYPH && !p.mark.contains(QUOTES));
    if found.len() < 2 || !glyph_marked {
        return Vec::new();
    }
    let mut edits = Vec::new();
    for (n, place) in found {
        let raised = superscript(n);
        if place.mark != raised {
            edits.push((place.offset, place.mark, raised.clone()));
        }
        let (offset, number) = tokens[notes[n as usize - 1]];
        edits.push((offset, number, raised));
    }
    edits.sort_by_key(|e| e.0);
    edits
}

/// Where a footnote's marker may stand: the mark the OCR wrote for it and its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place<'t> {
    offset: usize,
    mark: &'t str,
}

impl Place<'_> {
    /// How well the place holds the marker of footnote `n`: its number as written, a glyph,
    /// a closing quote; 0 if another number (a page cited, `s.46`).
    fn weight(&self, n: u32) -> u32 {
        if self.mark.bytes().all(|b| b.is_ascii_digit()) {
            if self.mark.parse() == Ok(n) {
                SAME_NUMBER
            } else {
                0
            }
        } else if self.mark.chars().all(|c| QUOTES.contains(&c)) {
            QUOTE
        } else {
            GLYPH
        }
    }
}

/// The token index of each footnote's note, in order from footnote 1: lines that open with its
/// number, then a capitalised word or a number (`3 Ibid, s. 20`, `2 Dnr 155-943/2015`). Of
/// several lines opening with one number before the next, the last is taken: notes stand
/// together at the foot of a page, after any list that numbers its lines alike.
fn notes(text: &str, tokens: &[(usize, &str)]) -> Vec<usize> {
    let mut notes: Vec<usize> = Vec::new();
    for i in 0..tokens.len() {
        let (_, token) = tokens[i];
        let Some(n) = note_number(token) else {
            continue;
        };
        let opens_note = opens_line(text, tokens, i)
            && tokens.get(i + 1).is_some_and(|&(_, next)| {
                !opens_line(text, tokens, i + 1)
                    && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            });
        if !opens_note {
            continue;
        }
        if n as usize == notes.len() + 1 {
            notes.push(i);
        } else if n as usize == notes.len() {
            notes[n as usize - 1] = i;
        }
    }
    notes
}

/// The number of a footnote a token may open: 1 to [`MAX_NOTE`], without a leading zero.
fn note_number(token: &str) -> Option<u32> {
    let n: u32 = token.parse().ok()?;
    (token.bytes().all(|b| b.is_ascii_digit()) && !token.starts_with('0') && n <= MAX_NOTE)
        .then_some(n)
}

/// Where token `i` may hold a footnote's marker:
/// - after the stop of a sentence's last word, glyphs or digits the OCR made of the raised
///   number (`samhället.!`, `hotet.'°`, `revolution.5`): the mark is what follows the stop;
/// - a lone glyph or number after a word, ending the sentence or heading it marks (`nätverk 4`
///   before a capitalised word, `Definitioner *` ending its line).
fn place<'t>(text: &str, tokens: &[(usize, &'t str)], i: usize) -> Option<Place<'t>> {
    let (offset, token) = tokens[i];
    let is_mark = |mark: &str| {
        !mark.is_empty()
            && (mark.bytes().all(|b| b.is_ascii_digit())
                || mark.chars().all(|c| RAISED_GLYPHS.contains(&c)))
    };
    if let Some(stop) = token.rfind('.') {
        let (word, mark) = (&token[..stop], &token[stop + 1..]);
        // A page cited (`s.46`) or an abbreviation (`t.ex.`) is no sentence's last word.
        let sentence_word = word.chars().count() >= 2 && word.chars().all(char::is_alphabetic);
        return (sentence_word && is_mark(mark)).then_some(Place {
            offset: offset + stop + 1,
            mark,
        });
    }
    let after_word =
        i > 0 && !opens_line(text, tokens, i) && tokens[i - 1].1.ends_with(char::is_alphabetic);
    let lone = token.chars().count() <= 2 && is_mark(token) && !token.contains(QUOTES);
    let ends = tokens
        .get(i + 1)
        .is_none_or(|&(_, next)| next.starts_with(char::is_uppercase));
    (after_word && lone && ends).then_some(Place {
        offset,
        mark: token,
    })
}

/// The place of each footnote's marker (an index into `places`), if it has one: places in the
/// order of the footnotes, each before its note (`notes`, byte offsets), chosen to weigh most
/// together ([`Place::weight`]), so a stray glyph takes no marker's place from a likelier one.
fn assign(notes: &[usize], places: &[Place]) -> Vec<Option<usize>> {
    let (n, m) = (notes.len(), places.len());
    let weight = |k: usize, j: usize| {
        if places[j].offset < notes[k] {
            places[j].weight(k as u32 + 1)
        } else {
            0
        }
    };
    // best[k][j]: the most the markers of the first k footnotes weigh among the first j places.
    let mut best = vec![vec![0_u32; m + 1]; n + 1];
    for k in 1..=n {
        for j in 1..=m {
            let w = weight(k - 1, j - 1);
            let take = if w > 0 { best[k - 1][j - 1] + w } else { 0 };
            best[k][j] = best[k][j - 1].max(best[k - 1][j]).max(take);
        }
    }
    let mut markers = vec![None; n];
    let (mut k, mut j) = (n, m);
    while k > 0 && j > 0 {
        if best[k][j] == best[k][j - 1] {
            j -= 1;
        } else if best[k][j] == best[k - 1][j] {
            k -= 1;
        } else {
            markers[k - 1] = Some(j - 1);
            k -= 1;
            j -= 1;
        }
    }
    markers
}

/// `n` in superscript digits.
fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_with_nothing_marking_them_are_no_footnotes() {
        let text = "1 Inledning\nNämnden har fått ett uppdrag.”\n2 Bakgrund\nText om saken.\n\
                    3 Förslag\nFörvaltningen föreslår detta.\n";
        assert!(footnotes(text).is_empty());
    }

    #[test]
    fn a_text_of_glyphs_costs_no_more_than_the_table_allows() {
        let mut text = "Ett ord.!\n".repeat(50_000);
        for n in 1..=99 {
            text.push_str(&format!("{n} Ds 2014:4\n"));
        }
        assert!(footnotes(&text).is_empty());
    }

    #[test]
    fn markers_take_their_numbers_from_the_notes_in_order() {
        let text = "Det gäller samhället.!\nDet gäller även staden.°\nOch ett citat.”\n\
                    1 Ds 2014:4, s. 17\n2 Ibid, s. 20\n";
        let edits: Vec<(&str, String)> = footnotes(text)
            .into_iter()
            .map(|(_, mark, raised)| (mark, raised))
            .collect();
        let expected = [("!", "¹"), ("°", "²"), ("1", "¹"), ("2", "²")];
        assert_eq!(edits, expected.map(|(m, r)| (m, r.to_string())).to_vec());
    }
}
