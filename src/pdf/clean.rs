//! Unicode clean-up, running header/footer removal and line-end hyphen joining.

use std::collections::{HashMap, HashSet};

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

/// A line with its digits folded, so "Sida 2 (5)" on page 2 matches "Sida 3 (5)" on page 3.
fn shape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
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

/// Which lines of each page are running headers/footers: lines in the top or bottom margin
/// whose digit-folded text recurs at about the same height on at least half the pages (at
/// least two), and lone page numbers in the margins.
pub(crate) fn running_lines(pages: &[(Vec<RawLine>, f32)]) -> Vec<Vec<bool>> {
    let mut seen: HashMap<(String, i32), HashSet<usize>> = HashMap::new();
    for (p, (lines, height)) in pages.iter().enumerate() {
        for l in lines {
            if in_margin(l, *height) {
                let band = (l.y / 6.0).round() as i32;
                seen.entry((shape(&l.text), band)).or_default().insert(p);
            }
        }
    }
    let needed = (pages.len() / 2).max(2);
    let recurring = |l: &RawLine| {
        let band = (l.y / 6.0).round() as i32;
        (band - 1..=band + 1).any(|b| {
            seen.get(&(shape(&l.text), b))
                .is_some_and(|s| s.len() >= needed)
        })
    };
    pages
        .iter()
        .map(|(lines, height)| {
            lines
                .iter()
                .map(|l| in_margin(l, *height) && (is_page_number(&l.text) || recurring(l)))
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

    #[test]
    fn ligatures_and_soft_hyphens() {
        assert_eq!(
            normalize("\u{FB01}nns o\u{AD}ckså a\u{308}"),
            "finns också ä"
        );
    }
}
