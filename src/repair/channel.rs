//! The OCR channel: how likely tesseract turns a truth string into an OCR string, learned by
//! `tools/confusion/learn.py` from rendered and re-OCRed Swedish text.

use std::collections::HashMap;

/// The learned confusion counts: truth, ocr, count, total.
const CONFUSION_TSV: &str = include_str!("data/confusion.tsv");

/// Confusions rarer than this are noise of the learning run, not a habit of the OCR.
const MIN_PROBABILITY: f64 = 0.001;

/// One way an OCR string arises from a truth string.
#[derive(Debug, Clone)]
pub struct Rule {
    /// What the OCR wrote (lower case).
    pub ocr: String,
    /// What the text said (lower case).
    pub truth: String,
    /// -ln P(ocr | truth).
    pub cost: f64,
}

/// The confusion table, indexed by the first character of the OCR string.
#[derive(Debug, Default)]
pub struct Channel {
    by_first: HashMap<char, Vec<Rule>>,
    /// P(truth char is damaged at all), for the cost of a vulnerable character left intact.
    damage: HashMap<char, f64>,
}

impl Channel {
    /// The embedded, learned table.
    pub fn embedded() -> Channel {
        let mut channel = Channel::default();
        for line in CONFUSION_TSV.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [truth, ocr, count, total] = cols[..] else {
                continue;
            };
            let (Ok(count), Ok(total)) = (count.parse::<f64>(), total.parse::<f64>()) else {
                continue;
            };
            let p = count / total.max(count);
            // A rule that deletes OCR text is handled by the tokenizer's view of noise, and a rule
            // from nothing would make every position a branch point.
            let Some(first) = ocr.chars().next() else {
                continue;
            };
            if p < MIN_PROBABILITY || truth.is_empty() {
                continue;
            }
            if truth.chars().count() == 1 {
                let c = truth.chars().next().unwrap_or(' ');
                *channel.damage.entry(c).or_default() += p;
            }
            channel.by_first.entry(first).or_default().push(Rule {
                ocr: ocr.to_string(),
                truth: truth.to_string(),
                cost: -p.ln(),
            });
        }
        channel
    }

    /// Rules whose OCR string starts with `c`.
    pub fn rules(&self, c: char) -> &[Rule] {
        self.by_first.get(&c).map_or(&[], Vec::as_slice)
    }

    /// The probability that the OCR damages truth character `c` (0 for robust characters).
    pub fn damage(&self, c: char) -> f64 {
        self.damage.get(&c).copied().unwrap_or(0.0).min(0.95)
    }
}
