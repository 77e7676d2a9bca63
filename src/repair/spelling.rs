//! The spelling model: a character 5-gram model of Swedish words, Witten–Bell interpolated,
//! counted by `build.rs` over the words of the lexicon (each word once). It gives a probability
//! to words no lexicon lists — compounds, names, places — so a damaged spelling
//! (`fordldrastodsprogram`) reads as less likely than its repair (`föräldrastödsprogram`).

use std::sync::OnceLock;

pub use super::symbols::{symbol, ORDER};

/// Symbols of the model (see [`symbol`]); the base distribution is uniform over them.
const SYMBOLS: f64 = 35.0;

static NGRAMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/spelling_ngrams.bin"));
static CONTEXTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/spelling_contexts.bin"));

/// The symbols of the last `ORDER - 1` characters written, most recent in the low bits: the
/// state of the model between characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct History(u32);

impl History {
    /// The history at the start of a word.
    pub fn start() -> History {
        let mut h = 0;
        for k in 0..ORDER - 1 {
            h |= symbol('<') << (6 * k);
        }
        History(h)
    }

    /// The history after `c` follows this one.
    pub fn push(self, c: char) -> History {
        let mask = (1 << (6 * (ORDER - 1))) - 1;
        History(((self.0 << 6) | symbol(c)) & mask)
    }
}

/// A table of sorted little-endian rows of `width` u32s, the key first, with where each bucket of
/// keys (by their high bits) begins: a lookup then searches the few rows of one bucket rather than
/// bisecting the whole table from the top at every character.
struct Table {
    rows: &'static [u8],
    width: usize,
    /// How far a key is shifted to give its bucket.
    shift: u32,
    /// The first row of each bucket, and the end of the table last.
    starts: Vec<u32>,
}

/// Buckets of a table's index, as a power of two: a few rows each for the long contexts, which
/// are most of the rows.
const BUCKET_BITS: u32 = 16;

impl Table {
    fn new(rows: &'static [u8], width: usize) -> Table {
        let n = rows.len() / (4 * width);
        let key = |i: usize| {
            let r = &rows[i * 4 * width..];
            u32::from_le_bytes([r[0], r[1], r[2], r[3]])
        };
        let top = if n == 0 { 0 } else { key(n - 1) };
        let shift = (32 - top.leading_zeros()).saturating_sub(BUCKET_BITS);
        let mut starts = Vec::with_capacity((1 << BUCKET_BITS) + 1);
        for i in 0..n {
            while starts.len() <= (key(i) >> shift) as usize {
                starts.push(i as u32);
            }
        }
        starts.resize((1 << BUCKET_BITS) + 1, n as u32);
        Table {
            rows,
            width,
            shift,
            starts,
        }
    }

    /// The row of `key`, after the key.
    fn get(&self, key: u32) -> Option<&'static [u8]> {
        let row = 4 * self.width;
        let bucket = (key >> self.shift) as usize;
        let (Some(&lo), Some(&hi)) = (self.starts.get(bucket), self.starts.get(bucket + 1)) else {
            return None;
        };
        let (mut lo, mut hi) = (lo as usize, hi as usize);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let r = &self.rows[mid * row..(mid + 1) * row];
            let k = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
            match k.cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(&r[4..]),
            }
        }
        None
    }
}

/// The model's tables: each context's occurrences and kinds of successor, and each n-gram's count.
fn tables() -> &'static (Table, Table) {
    static TABLES: OnceLock<(Table, Table)> = OnceLock::new();
    TABLES.get_or_init(|| (Table::new(CONTEXTS, 3), Table::new(NGRAMS, 2)))
}

fn field(r: &[u8], i: usize) -> f64 {
    f64::from(u32::from_le_bytes([
        r[4 * i],
        r[4 * i + 1],
        r[4 * i + 2],
        r[4 * i + 3],
    ]))
}

/// -ln P(c | history): Witten–Bell interpolation from the empty context up to `ORDER - 1`
/// characters.
pub fn cost(history: History, c: char) -> f64 {
    let s = symbol(c);
    let (contexts, ngrams) = tables();
    let mut p = 1.0 / SYMBOLS;
    for len in 0..ORDER {
        let context = history.0 & ((1u32 << (6 * len)) - 1);
        let Some(stats) = contexts.get(context) else {
            break; // a longer context containing this one is unseen too
        };
        let (seen, kinds) = (field(stats, 0), field(stats, 1));
        let n = ngrams.get((context << 6) | s).map_or(0.0, |r| field(r, 0));
        p = (n + kinds * p) / (seen + kinds);
    }
    -p.ln()
}

/// -ln P(word) of a whole lower-case word, its end included.
pub fn word_cost(word: &str) -> f64 {
    let mut h = History::start();
    let mut total = 0.0;
    for c in word.chars() {
        total += cost(h, c);
        h = h.push(c);
    }
    total + cost(h, '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_spelling_beats_ocr_damage() {
        assert!(word_cost("föräldrastödsprogram") < word_cost("fordldrastodsprogram"));
        assert!(word_cost("kommunen") < word_cost("kommunem"));
    }
}
