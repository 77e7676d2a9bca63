//! Repairs OCR damage to Swedish text, keeping lines and whitespace exactly.
//!
//! BOOTSTRAP: NFC only; the noisy-channel corrector (issue 4) replaces it behind [`Repairer`].

use unicode_normalization::UnicodeNormalization;

use crate::model::{Page, RepairedPage};

/// One change repair made, for `repair --explain` and auditors.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    /// 1-based line number in the repaired text.
    pub line: usize,
    /// 0-based byte offset of the token in its line (raw text).
    pub column: usize,
    /// The token as it was.
    pub from: String,
    /// The token as repaired.
    pub to: String,
    /// How much more likely the repair is than the original (log-odds, higher is surer).
    pub score: f64,
}

/// The result of repairing a text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Repaired {
    /// The repaired text; same lines and whitespace as the input.
    pub text: String,
    /// Every token that was changed.
    pub changes: Vec<Change>,
}

/// The OCR repairer, with its lexicon and confusion model loaded.
#[derive(Debug, Default)]
pub struct Repairer {}

impl Repairer {
    /// A repairer with the lexicon and confusion tables embedded in the binary.
    pub fn embedded() -> Repairer {
        Repairer {}
    }

    /// Repairs a text, line by line.
    pub fn repair_text(&self, text: &str) -> Repaired {
        Repaired {
            text: text.nfc().collect(),
            changes: Vec::new(),
        }
    }

    /// Repairs every line of every page, keeping the extracted page beside it.
    pub fn repair_pages(&self, pages: Vec<Page>) -> Vec<RepairedPage> {
        pages
            .into_iter()
            .map(|page| {
                let repaired = page
                    .lines
                    .iter()
                    .map(|l| self.repair_text(&l.text).text)
                    .collect();
                RepairedPage { page, repaired }
            })
            .collect()
    }
}
