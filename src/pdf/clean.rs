//! Unicode clean-up, running header/footer removal and line-end hyphen joining.

use std::collections::HashSet;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::layout::RawLine;

/// NFC with ligatures expanded and soft hyphens and control characters removed.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => {}
            '\t' => out.push('\t'),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

/// Whether a line is nothing but a page number: "2", "2/3", "2 (5)", "Sida 2 (5)", "- 2 -".
fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = ["sida", "sid.", "page", "s."]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(&t)
        .trim()
        .to_string();
    let t = match t.strip_prefix('-').and_then(|t| t.strip_suffix('-')) {
        Some(inner) => inner.trim().to_string(),
        None => t,
    };
    if t.is_empty() || t.len() > 16 || !t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let rest: String = t
        .chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .collect();
    matches!(rest.as_str(), "" | "/" | "()" | "av" | "of")
}

/// How far from the page edge a running header or footer may stand, as a share of the height.
const MARGIN: f32 = 0.14;

/// How far apart, as a share of the page height, the same running line may stand on two pages:
/// a scanned page is shifted and turned a degree or so, which moves a header's baseline by up
/// to a line's height between pages and between its left and right ends.
const DRIFT: f32 = 0.015;

/// One tab-separated cell of a margin line, reduced to what OCR reads alike on every page.
struct Cell {
    page: usize,
    line: usize,
    y: f32,
    key: String,
    page_number: bool,
    /// Character counts by bucket: half their difference is a lower bound of the edit distance,
    /// which rules out most pairs before the distance is computed.
    histogram: [u16; 32],
}

impl Cell {
    fn new(page: usize, line: usize, y: f32, text: &str) -> Cell {
        let key = key(text);
        let mut histogram = [0u16; 32];
        for c in key.chars() {
            histogram[c as usize % 32] = histogram[c as usize % 32].saturating_add(1);
        }
        Cell {
            page,
            line,
            y,
            key,
            page_number: is_page_number(text),
            histogram,
        }
    }

    /// Whether two cells read as the same text: equal keys, or, for keys of eight characters
    /// or more, keys at most one edit in eight apart (OCR misreads a letter or two per line).
    fn similar(&self, other: &Cell) -> bool {
        if self.key == other.key {
            return true;
        }
        let allowed = self.key.chars().count().max(other.key.chars().count()) / 8;
        if allowed == 0 {
            return false;
        }
        let bound: usize = self
            .histogram
            .iter()
            .zip(&other.histogram)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum();
        bound <= 2 * allowed && strsim::levenshtein(&self.key, &other.key) <= allowed
    }
}

/// Text as OCR reads it alike on every page: lower-case letters without diacritics (English
/// OCR reads "ä" as "a"), one `#` per run of digits ("Sida 2" on page 2 matches "Sida 3" on
/// page 3), no spaces or punctuation ("protokoll. html" matches "protokoll.html"). Text with no
/// letter or digit keeps its other characters, so a rule of underscores still matches itself.
fn key(text: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in text.nfd() {
        if c.is_numeric() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c.is_alphabetic() && !is_combining_mark(c) {
            out.extend(c.to_lowercase());
        }
    }
    if out.is_empty() {
        out = text.chars().filter(|c| !c.is_whitespace()).collect();
    }
    out
}

/// Which lines of each page are running headers/footers: lines in the top or bottom margin
/// each of whose table cells is a page number or reads alike (see [`Cell::similar`]) at about
/// the same height on at least half the pages (at least two), and lone page numbers in the
/// margins. Cells rather than whole lines are compared because a scan's layer joins a header's
/// parts into one line on some pages and not on others.
pub(crate) fn running_lines(pages: &[(Vec<RawLine>, f32)]) -> Vec<Vec<bool>> {
    let mut cells: Vec<Cell> = Vec::new();
    for (p, (lines, height)) in pages.iter().enumerate() {
        for (i, l) in lines.iter().enumerate() {
            if in_margin(l, *height) {
                let parts = l.text.split('\t').filter(|t| !t.trim().is_empty());
                cells.extend(parts.map(|t| Cell::new(p, i, l.y, t)));
            }
        }
    }
    cells.sort_by(|a, b| a.y.total_cmp(&b.y));
    let needed = (pages.len() / 2).max(2);
    // Per line: whether it has a recurring cell, and whether all its cells recur or are page
    // numbers.
    let mut verdict: Vec<Vec<(bool, bool)>> = pages
        .iter()
        .map(|(lines, _)| vec![(false, true); lines.len()])
        .collect();
    for (i, cell) in cells.iter().enumerate() {
        let drift = DRIFT * pages[cell.page].1;
        // Other pages the cell recurs on; its own page counts too. Cells of its own page are
        // skipped unread, so a page of thousands of lines at one height stays linear per cell.
        let mut others: Vec<usize> = Vec::new();
        let near = cells[..i]
            .iter()
            .rev()
            .take_while(|c| cell.y - c.y <= drift)
            .chain(cells[i..].iter().take_while(|c| c.y - cell.y <= drift));
        if pages.len() >= needed {
            for other in near {
                if other.page != cell.page && !others.contains(&other.page) && cell.similar(other) {
                    others.push(other.page);
                    if others.len() + 1 >= needed {
                        break;
                    }
                }
            }
        }
        let recurs = others.len() + 1 >= needed;
        let (any, all) = &mut verdict[cell.page][cell.line];
        *any |= recurs;
        *all &= recurs || cell.page_number;
    }
    pages
        .iter()
        .zip(verdict)
        .map(|((lines, height), verdict)| {
            lines
                .iter()
                .zip(verdict)
                .map(|(l, (any, all))| {
                    in_margin(l, *height) && (is_page_number(&l.text) || any && all)
                })
                .collect()
        })
        .collect()
}

fn in_margin(l: &RawLine, height: f32) -> bool {
    l.y < height * MARGIN || l.y > height * (1.0 - MARGIN)
}

/// Words that follow a suspended compound ("social- och utbildningsnämnden"), so a hyphen
/// before them is kept.
const CONJUNCTIONS: &[&str] = &[
    "och",
    "eller",
    "samt",
    "som",
    "respektive",
    "resp",
    "till",
    "men",
    "and",
    "or",
    "to",
];

/// Joins words hyphenated across line ends where the document shows the hyphen is a break,
/// not part of the word: the joined form occurs elsewhere in the document, or the paragraph is
/// justified (its lines reach the right edge, as typesetters that hyphenate do) and the
/// continuation is a lower-case word that is not a conjunction.
pub(crate) fn join_hyphens(pages: &mut [Vec<RawLine>]) {
    let mut vocabulary: HashSet<String> = HashSet::new();
    for l in pages.iter().flatten() {
        for w in l.text.split_whitespace() {
            vocabulary.insert(trim_word(w).to_lowercase());
        }
    }
    // Flatten to (page, line) so a word broken across a page end joins too.
    let index: Vec<(usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, ls)| (0..ls.len()).map(move |i| (p, i)))
        .collect();
    for k in 0..index.len().saturating_sub(1) {
        let (p, i) = index[k];
        let (q, j) = index[k + 1];
        let line = &pages[p][i];
        let next = &pages[q][j];
        if next.block_start && p == q || line.text.contains('\t') || next.text.contains('\t') {
            continue;
        }
        let Some(head) = line.text.strip_suffix('-') else {
            continue;
        };
        let Some(first) = head.split_whitespace().last() else {
            continue;
        };
        if !first.chars().last().is_some_and(char::is_alphabetic) {
            continue;
        }
        let Some(second) = next.text.split_whitespace().next() else {
            continue;
        };
        let second_word = trim_word(second);
        let joined = format!("{}{}", trim_word(first), second_word).to_lowercase();
        let evidence = vocabulary.contains(&joined)
            || (second_word.chars().next().is_some_and(char::is_lowercase)
                && !CONJUNCTIONS.contains(&second_word.to_lowercase().as_str())
                && justified(&pages[p], i));
        if !evidence {
            continue;
        }
        let rest = next.text[second.len()..].trim_start().to_string();
        let new_line = format!("{head}{second}");
        pages[p][i].text = new_line;
        pages[q][j].text = rest;
    }
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// Whether line `i` was broken by a typesetter: it belongs to a justified paragraph (it and
/// most other lines of its block end within an em of the block's right edge; paragraph-final
/// lines are short even when justified), or it runs out to the page's right text edge, which
/// is where a filled line of a list item or a short block breaks too.
fn justified(lines: &[RawLine], i: usize) -> bool {
    let margin = lines
        .iter()
        .filter(|l| !l.text.contains('\t'))
        .map(|l| l.x1)
        .fold(f32::MIN, f32::max);
    if lines[i].x1 > margin - lines[i].size {
        return true;
    }
    let start = (0..=i).rev().find(|&k| lines[k].block_start).unwrap_or(0);
    let end = (i + 1..lines.len())
        .find(|&k| lines[k].block_start)
        .unwrap_or(lines.len());
    let block = &lines[start..end];
    if block.len() < 2 {
        return false;
    }
    let right = block.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
    let body = &block[..block.len() - 1];
    let flush = body.iter().filter(|l| l.x1 > right - l.size).count();
    lines[i].x1 > right - lines[i].size && flush * 2 >= body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["2", "2/3", "2 (5)", "Sida 2 (5)", "Sida 2 av 5"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2015-09-24", "§ 23", "KS 155-943/2015"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    fn line(text: &str, y: f32) -> RawLine {
        let mut l = RawLine::default();
        l.text = text.to_string();
        l.y = y;
        l
    }

    #[test]
    fn running_lines_survive_ocr_variation_but_body_lines_stay() {
        let height = 842.0;
        // A scan's header, read a little differently on each page, joined into one line on
        // some pages, a few points higher or lower; body lines in the margins differ.
        let pages: Vec<(Vec<RawLine>, f32)> = [
            (
                "Byggnadsnämnden Protokoll 2015-09-24\tSida 1 (4)",
                40.0,
                "Förslag till beslut",
            ),
            (
                "Byggnadsnàmnden Protokol1 2015-09-24\tSida 2 (4)",
                48.0,
                "Förslag till yttrande",
            ),
            ("Byggnadsnamnden Protokoll 2015-09-24", 44.0, "Ärendet"),
            ("Byggnadsnämnden Protokoll. 2015-09-24", 36.0, "Bakgrund"),
        ]
        .iter()
        .map(|(head, y, body)| (vec![line(head, *y), line(body, 80.0)], height))
        .collect();
        let running = running_lines(&pages);
        for (p, flags) in running.iter().enumerate() {
            assert_eq!(flags, &[true, false], "page {}", p + 1);
        }
    }

    #[test]
    fn ocr_keys_fold_digits_diacritics_and_punctuation() {
        assert_eq!(key("Sida 2 (5)"), key("Sida 3 (5)"));
        assert_eq!(key("protokollsutdrag. html"), key("protokollsutdrag.html"));
        assert_eq!(key("Kulturnämnden"), "kulturnamnden");
        assert_eq!(key("____"), "____");
    }

    #[test]
    fn ligatures_and_soft_hyphens() {
        assert_eq!(
            normalize("\u{FB01}nns o\u{AD}ckså a\u{308}"),
            "finns också ä"
        );
    }
}
