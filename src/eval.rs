//! Scoring against ground truth: word error rate by token alignment.
//!
//! Shared by the evaluation commands of every stage (`examples/eval_*.rs`), so that extraction,
//! repair and the peers are scored by one definition.

use crate::model::{bracketed, NATIONAL_PARTIES};
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

/// One step of a word alignment, with the indices it consumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// `hyp[i]` is `truth[j]`, equal or not.
    Pair(usize, usize),
    /// `truth[j]` is missing from the hypothesis.
    Delete(usize),
    /// `hyp[i]` is not in the truth.
    Insert(usize),
}

/// One cheapest Levenshtein alignment of two word sequences, in order. On a tie a pair goes
/// before a deletion, a deletion before an insertion.
fn align(hyp: &[String], truth: &[String]) -> Vec<Step> {
    const PAIR: u8 = 0;
    const DELETE: u8 = 1;
    const INSERT: u8 = 2;
    let (n, m) = (truth.len(), hyp.len());
    // The move into each cell (truth position i, hypothesis position j); costs one row at a time.
    let mut moves = vec![PAIR; (n + 1) * (m + 1)];
    moves[1..=m].fill(INSERT);
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0; m + 1];
    for (i, t) in truth.iter().enumerate() {
        cur[0] = i + 1;
        moves[(i + 1) * (m + 1)] = DELETE;
        for (j, h) in hyp.iter().enumerate() {
            let pair = prev[j] + usize::from(t != h);
            let delete = prev[j + 1] + 1;
            let insert = cur[j] + 1;
            let (cost, mv) = if pair <= delete && pair <= insert {
                (pair, PAIR)
            } else if delete <= insert {
                (delete, DELETE)
            } else {
                (insert, INSERT)
            };
            cur[j + 1] = cost;
            moves[(i + 1) * (m + 1) + j + 1] = mv;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (mut i, mut j) = (n, m);
    let mut steps = Vec::with_capacity(n.max(m));
    while i > 0 || j > 0 {
        match moves[i * (m + 1) + j] {
            PAIR => {
                i -= 1;
                j -= 1;
                steps.push(Step::Pair(j, i));
            }
            DELETE => {
                i -= 1;
                steps.push(Step::Delete(i));
            }
            _ => {
                j -= 1;
                steps.push(Step::Insert(j));
            }
        }
    }
    steps.reverse();
    steps
}

/// Levenshtein alignment of two word sequences; returns (substitutions, deletions, insertions)
/// of one cheapest alignment, deletions counted against `truth`.
fn align_counts(hyp: &[String], truth: &[String]) -> (usize, usize, usize) {
    let (mut sub, mut del, mut ins) = (0, 0, 0);
    for step in align(hyp, truth) {
        match step {
            Step::Pair(h, t) => sub += usize::from(hyp[h] != truth[t]),
            Step::Delete(_) => del += 1,
            Step::Insert(_) => ins += 1,
        }
    }
    (sub, del, ins)
}

/// The words of `ocr` paired with the words of `truth` they stand for, by one cheapest
/// Levenshtein alignment: matches, and substitutions where the words between two matches are
/// as many on both sides (so a word split or joined, or a moved line, pairs nothing).
pub fn word_pairs(ocr: &[String], truth: &[String]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    // The substitutions since the last match, and whether nothing else came between.
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut run_clean = true;
    for step in align(ocr, truth) {
        match step {
            Step::Pair(o, t) if ocr[o] == truth[t] => {
                if run_clean {
                    pairs.append(&mut run);
                }
                run.clear();
                run_clean = true;
                pairs.push((o, t));
            }
            Step::Pair(o, t) => run.push((o, t)),
            Step::Delete(_) | Step::Insert(_) => run_clean = false,
        }
    }
    if run_clean {
        pairs.append(&mut run);
    }
    pairs
}

/// Whether `ocr` can be a misreading of `truth` rather than a word the OCR put in its place by
/// another reading order (a cover page's columns read across): at most half the letters of the
/// longer word differ, once case, diacritics and the OCR's look-alikes of letters (`6` for ö,
/// `1` or `|` for l, `$` for s) are folded. A word of one or two characters always can be. Two
/// national parties' marks are not: `(m)` for `(s)` is a list of members read by the other
/// column, as OCR confuses no two of their letters.
pub fn misreading(ocr: &str, truth: &str) -> bool {
    if let (Some(a), Some(b)) = (party_mark(ocr), party_mark(truth)) {
        return a == b;
    }
    let (a, b) = (look_alike_fold(ocr), look_alike_fold(truth));
    let longest = a.chars().count().max(b.chars().count());
    longest <= 2 || 2 * strsim::levenshtein(&a, &b) <= longest
}

/// The national party a member's mark names (`(KD),` → KD, `(fp)` → FP), in upper case.
fn party_mark(word: &str) -> Option<String> {
    let party = bracketed(word)?.to_uppercase();
    NATIONAL_PARTIES.contains(&party.as_str()).then_some(party)
}

/// `word` lower-cased, without diacritics, with the digits and signs OCR reads for letters
/// folded to those letters.
fn look_alike_fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0' | '6' | '@' => 'o',
            '1' | '|' | '!' | 'i' => 'l',
            '$' | '5' => 's',
            '4' | '&' => 'a',
            c => c,
        })
        .collect()
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

    #[test]
    fn a_misreading_keeps_most_letters_a_displaced_word_does_not() {
        assert!(misreading("fOresladr", "föreslår"));
        assert!(misreading("$j66", "Sjöö"));
        assert!(misreading("8§", "§§"));
        assert!(!misreading("Anslaget", "Sammanträdesdatum"));
        assert!(!misreading("sign", "2017-06-12"));
        assert!(!misreading("centrum", "och"));
        assert!(!misreading("(m)", "(s)"), "another column's member");
        assert!(!misreading("(fp),", "(kd)"));
        assert!(misreading("(Vv)", "(V)"));
        assert!(misreading("(s)", "(S),"));
    }
}
