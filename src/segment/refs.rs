//! References to earlier decisions: "Kommunfullmäktige beslutade den 16 maj 2016, § 21",
//! "kommunstyrelsens beslut 2017-06-21 § 12", "antagen av kommunfullmäktige den 22 april 2018".

use std::sync::LazyLock;

use regex::Regex;

use super::date::{iso_from, DATE};
use crate::model::DecisionRef;

/// A deciding body: a word ending in fullmäktige, styrelse(n), nämnd(en), beredning(en), with an
/// optional genitive -s (å/ä/ö positions tolerate OCR damage).
const BODY: &str = r"\p{L}*(?:fullm[\p{L}0-9]{1,2}ktige|styrelsen?|n[\p{L}0-9]{1,2}mnd(?:en)?|beredningen?|revisorer(?:na)?)s?";
/// Verbs of deciding that stand between a body and the date.
const VERB: &str = r"(?:beslutade|beslöt|beslot|gav|antog|fastställde|faststallde|godkände|godkande|fattade\s+beslut|tog\s+beslut|har\s+beslutat|har\s+i\s+beslut)";

static REF: LazyLock<Regex> = LazyLock::new(|| {
    let date = DATE.as_str().trim_start_matches("(?i)");
    let para = r"(?:,?\s*§\s*(\d+))?";
    Regex::new(&format!(
        r"(?i)\b(?:({BODY})\s+{VERB}(?:\s+(?:i|om|den))*\s+|({BODY})\s+beslut\s+(?:den\s+)?|(?:av|i)\s+({BODY})\s+den\s+|{VERB}\s+({BODY})\s+den\s+)(?:den\s+)?{date}{para}"
    ))
    .expect("decision reference pattern compiles")
});

static DAMAGED_NOUN: LazyLock<[(Regex, &str); 2]> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(s).expect("body noun pattern");
    [
        (re(r"fullm[\p{L}0-9]{1,2}ktige$"), "fullmäktige"),
        (re(r"n[\p{L}0-9]{1,2}mnd(en)?$"), "nämnd$1"),
    ]
});

/// The body in the base form used for matching: lower case, genitive -s dropped, and the
/// body noun spelt right even where OCR damaged its å/ä/ö ("kommunfullmiktige").
fn base_body(written: &str) -> String {
    let lower = written.to_lowercase();
    let stem = match lower.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') => stem.to_string(),
        _ => lower,
    };
    DAMAGED_NOUN.iter().fold(stem, |acc, (re, right)| {
        re.replace(&acc, *right).into_owned()
    })
}

/// Most bytes a reference spans before its year: a body, a verb with its particles, a day and a
/// month.
const REACH_BACK: usize = 200;
/// Most bytes after the year: the rest of an ISO date and a paragraph ("-06-21, § 112").
const REACH_ON: usize = 24;

/// The stretches of `text` around each year it writes. Every reference ends in a year, and the
/// full pattern is slow on Swedish text (its Unicode word boundaries rule out the DFA engines),
/// so it only runs where a year is.
fn near_years(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len().saturating_sub(3))
        .filter(move |&i| {
            matches!(&b[i..i + 2], b"19" | b"20")
                && digit(i + 2)
                && digit(i + 3)
                && !digit(i + 4)
                && (i == 0 || !digit(i - 1))
        })
        .map(move |i| {
            let mut start = i.saturating_sub(REACH_BACK);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            if start > 0 {
                // Start at a word, so a body is never read from the middle of a compound.
                start = text[start..i].find(' ').map_or(i, |s| start + s + 1);
            }
            let mut end = (i + 4 + REACH_ON).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            &text[start..end]
        })
}

/// Whether a stretch names a deciding body at all (the tails of [`BODY`], OCR-tolerant), which
/// most stretches around a year do not.
fn names_body(stretch: &str) -> bool {
    let lower = stretch.to_lowercase();
    ["ktige", "styrelse", "mnd", "beredning", "revisorer"]
        .iter()
        .any(|tail| lower.contains(tail))
}

/// Decision references in a text ("Kommunfullmäktige beslutade den 16 maj 2016, § 21").
pub fn find_decision_refs(text: &str) -> Vec<DecisionRef> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: Vec<DecisionRef> = Vec::new();
    let stretches = near_years(&text).filter(|w| names_body(w));
    for c in stretches.flat_map(|w| REF.captures_iter(w)) {
        let Some(body) = (1..=4).find_map(|i| c.get(i)) else {
            continue;
        };
        // The date groups sit after the four body alternatives in the combined pattern.
        let date = DATE
            .captures(c.get(0).map_or("", |m| m.as_str()))
            .and_then(|d| iso_from(&d));
        let n = c.len();
        let r = DecisionRef {
            body: base_body(body.as_str()),
            date,
            paragraph: c.get(n - 1).map(|m| m.as_str().to_string()),
            text: c.get(0).map_or(String::new(), |m| m.as_str().to_string()),
        };
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn council_with_paragraph() {
        let r =
            find_decision_refs("Kommunfullmäktige beslutade den 16 maj 2016, § 21 om Stockholms");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].body, "kommunfullmäktige");
        assert_eq!(r[0].date.as_deref(), Some("2016-05-16"));
        assert_eq!(r[0].paragraph.as_deref(), Some("21"));
    }

    #[test]
    fn genitive_iso_and_passive() {
        let r = find_decision_refs("Kommunstyrelsens beslut 2017-06-21 § 12 om riktlinjer");
        assert_eq!(
            (r[0].body.as_str(), r[0].paragraph.as_deref()),
            ("kommunstyrelsen", Some("12"))
        );
        let r = find_decision_refs("antagen av kommunfullmäktige den 22 april 2018.");
        assert_eq!(
            (r[0].date.as_deref(), r[0].paragraph.as_deref()),
            (Some("2018-04-22"), None)
        );
        let r = find_decision_refs("Kommunfullmiktige beslutade den 16 maj 2016, § 21");
        assert_eq!(r[0].date.as_deref(), Some("2016-05-16"));
        assert_eq!(r[0].body, "kommunfullmäktige");
    }

    #[test]
    fn deadlines_are_not_decisions() {
        assert!(find_decision_refs(
            "till Älvsjö stadsdelsnämnd med flera för yttrande senast 2015-09-28"
        )
        .is_empty());
    }
}
