//! Scoring against ground truth: word error rate by token alignment.
//!
//! Shared by the evaluation commands of every stage (`examples/eval_*.rs`), so that extraction,
//! repair and the peers are scored by one definition.

use unicode_normalization::UnicodeNormalization;

/// The outcome of aligning a hypothesis with the truth, word by word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordErrors {
    /// Words in the truth.
    pub truth_words: usize,
    /// Truth words replaced by another word.
    pub substitutions: usize,
    /// Truth words missing from the hypothesis.
    pub deletions: usize,
    /// Hypothesis words not in the truth.
    pub insertions: usize,
}

impl WordErrors {
    /// Total edit distance in words.
    pub fn errors(&self) -> usize {
        self.substitutions + self.deletions + self.insertions
    }

    /// Word error rate: errors per truth word (0 for an empty truth and hypothesis).
    pub fn rate(&self) -> f64 {
        if self.truth_words == 0 {
            return if self.insertions == 0 { 0.0 } else { 1.0 };
        }
        self.errors() as f64 / self.truth_words as f64
    }

    /// Adds another document's counts to these.
    pub fn add(&mut self, other: WordErrors) {
        self.truth_words += other.truth_words;
        self.substitutions += other.substitutions;
        self.deletions += other.deletions;
        self.insertions += other.insertions;
    }
}

/// Splits a text into words after NFC, folding all whitespace (form feeds included).
pub fn words(text: &str) -> Vec<String> {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().map(str::to_string).collect()
}

/// Word errors of `hypothesis` against `truth`, both split by [`words`].
pub fn word_errors(hypothesis: &str, truth: &str) -> WordErrors {
    let hyp = words(hypothesis);
    let tru = words(truth);
    let (sub, del, ins) = align_counts(&hyp, &tru);
    WordErrors {
        truth_words: tru.len(),
        substitutions: sub,
        deletions: del,
        insertions: ins,
    }
}

/// Levenshtein alignment of two word sequences; returns (substitutions, deletions, insertions)
/// of one cheapest alignment, deletions counted against `truth`.
fn align_counts(hyp: &[String], truth: &[String]) -> (usize, usize, usize) {
    // One row of (cost, subs, dels, ins) per position of `hyp`; O(|hyp|) memory.
    type Cell = (usize, usize, usize, usize);
    let mut prev: Vec<Cell> = (0..=hyp.len()).map(|j| (j, 0, 0, j)).collect();
    let mut cur: Vec<Cell> = vec![(0, 0, 0, 0); hyp.len() + 1];
    for (i, t) in truth.iter().enumerate() {
        cur[0] = (i + 1, 0, i + 1, 0);
        for (j, h) in hyp.iter().enumerate() {
            let diag = prev[j];
            let diag = if t == h {
                diag
            } else {
                (diag.0 + 1, diag.1 + 1, diag.2, diag.3)
            };
            let up = prev[j + 1];
            let up = (up.0 + 1, up.1, up.2 + 1, up.3);
            let left = cur[j];
            let left = (left.0 + 1, left.1, left.2, left.3 + 1);
            cur[j + 1] = [diag, up, left]
                .into_iter()
                .min_by_key(|c| c.0)
                .unwrap_or(diag);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (_, s, d, i) = prev[hyp.len()];
    (s, d, i)
}

/// The words of `ocr` paired with the words of `truth` they stand for, by one cheapest
/// Levenshtein alignment: matches, and substitutions where the words between two matches are
/// as many on both sides (so a word split or joined, or a moved line, pairs nothing).
pub fn word_pairs(ocr: &[String], truth: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (ocr.len(), truth.len());
    // cost[i][j]: edit distance of ocr[..i] and truth[..j]; one row at a time, moves kept whole.
    let mut moves = vec![0u8; (n + 1) * (m + 1)];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0; m + 1];
    const DIAG: u8 = 0;
    const UP: u8 = 1;
    const LEFT: u8 = 2;
    moves[1..=m].fill(LEFT);
    for i in 1..=n {
        cur[0] = i;
        moves[i * (m + 1)] = UP;
        for j in 1..=m {
            let diag = prev[j - 1] + usize::from(ocr[i - 1] != truth[j - 1]);
            let up = prev[j] + 1;
            let left = cur[j - 1] + 1;
            let (cost, mv) = if diag <= up && diag <= left {
                (diag, DIAG)
            } else if up <= left {
                (up, UP)
            } else {
                (left, LEFT)
            };
            cur[j] = cost;
            moves[i * (m + 1) + j] = mv;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    // Back from the end: runs of moves between two matches, kept when they only substitute.
    let (mut i, mut j) = (n, m);
    let mut pairs = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut run_clean = true;
    while i > 0 || j > 0 {
        let mv = moves[i * (m + 1) + j];
        if mv == DIAG && i > 0 && j > 0 {
            i -= 1;
            j -= 1;
            if ocr[i] == truth[j] {
                if run_clean {
                    pairs.append(&mut run);
                }
                run.clear();
                run_clean = true;
                pairs.push((i, j));
            } else {
                run.push((i, j));
            }
        } else {
            run_clean = false;
            if mv == UP {
                i -= 1;
            } else {
                j -= 1;
            }
        }
    }
    if run_clean {
        pairs.append(&mut run);
    }
    pairs.reverse();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_kind_of_error() {
        let e = word_errors(
            "nämnden godkänner förslag och",
            "nämnden godkänner förslaget",
        );
        assert_eq!(e.truth_words, 3);
        assert_eq!((e.substitutions, e.deletions, e.insertions), (1, 0, 1));
        let e = word_errors("a\u{308}r", "är");
        assert_eq!(e.errors(), 0, "NFC folds a + combining diaeresis");
        let e = word_errors("", "ett två");
        assert_eq!(e.deletions, 2);
        assert!((e.rate() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn pairs_words_one_for_one_where_they_align() {
        let w = |s: &str| words(s);
        let pairs = word_pairs(&w("a b x c d e"), &w("a b y c dd ee f"));
        // b→b, x→y between two matches; "d e" against "dd ee f" pairs nothing.
        assert_eq!(pairs, [(0, 0), (1, 1), (2, 2), (3, 3)]);
    }
}
