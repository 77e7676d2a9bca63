//! The spelling model: a character 5-gram model of Swedish words, Witten–Bell interpolated,
//! counted by `build.rs` over the words of the lexicon (each word once). It gives a probability
//! to words no lexicon lists — compounds, names, places — so a damaged spelling
//! (`fordldrastodsprogram`) reads as less likely than its repair (`föräldrastödsprogram`).

use std::cell::RefCell;
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
            h |= symbol('<') << (SYMBOL_BITS as usize * k);
        }
        History(h)
    }

    /// The history after `c` follows this one.
    pub fn push(self, c: char) -> History {
        let mask = (1 << (SYMBOL_BITS as usize * (ORDER - 1))) - 1;
        History(((self.0 << SYMBOL_BITS) | symbol(c)) & mask)
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
struct Model {
    contexts: Table,
    ngrams: Table,
    /// P(symbol | the last symbol) as the interpolation gives it from the empty context and the
    /// last symbol, by (last symbol, symbol), and whether a longer context may have been seen:
    /// the first two of a character's lookups, the same for every word.
    short: Vec<(f64, bool)>,
}

/// Symbols fit in this many bits.
const SYMBOL_BITS: u32 = 6;

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut model = Model {
            contexts: Table::new(CONTEXTS, 3),
            ngrams: Table::new(NGRAMS, 2),
            short: Vec::new(),
        };
        model.short = (0..1u32 << (2 * SYMBOL_BITS))
            .map(|key| {
                let (last, s) = (key >> SYMBOL_BITS, key & ((1 << SYMBOL_BITS) - 1));
                model.interpolate(last, s, 0..2.min(ORDER), 1.0 / SYMBOLS)
            })
            .collect();
        model
    })
}

impl Model {
    /// P(symbol `s` | `history`) interpolated from `p` through the contexts of the lengths in
    /// `lens`, and whether the last of them was seen (so a longer one may be too).
    fn interpolate(
        &self,
        history: u32,
        s: u32,
        lens: std::ops::Range<usize>,
        p: f64,
    ) -> (f64, bool) {
        let mut p = p;
        for len in lens {
            let context = history & ((1u32 << (SYMBOL_BITS as usize * len)) - 1);
            let Some(stats) = self.contexts.get(context) else {
                return (p, false); // a longer context containing this one is unseen too
            };
            let (seen, kinds) = (field(stats, 0), field(stats, 1));
            let n = self
                .ngrams
                .get((context << SYMBOL_BITS) | s)
                .map_or(0.0, |r| field(r, 0));
            p = (n + kinds * p) / (seen + kinds);
        }
        (p, true)
    }
}

fn field(r: &[u8], i: usize) -> f64 {
    f64::from(u32::from_le_bytes([
        r[4 * i],
        r[4 * i + 1],
        r[4 * i + 2],
        r[4 * i + 3],
    ]))
}

/// Costs worked out per thread, direct-mapped by (history, symbol), as a power of two: words
/// share most of their n-grams, and working one out takes up to eight table lookups, where a
/// clash only costs working it out again.
const CACHE_BITS: u32 = 16;

thread_local! {
    static CACHE: RefCell<Vec<(u32, f64)>> = RefCell::new(vec![(0, 0.0); 1 << CACHE_BITS]);
}

/// -ln P(c | history): Witten–Bell interpolation from the empty context up to `ORDER - 1`
/// characters.
pub fn cost(history: History, c: char) -> f64 {
    let s = symbol(c);
    // No key is 0 (every symbol is), so an empty slot never matches.
    let key = (history.0 << SYMBOL_BITS) | s;
    let slot = (key.wrapping_mul(0x9E37_79B1) >> (32 - CACHE_BITS)) as usize;
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache[slot] {
            (k, cost) if k == key => cost,
            _ => {
                let cost = uncached_cost(history, s);
                cache[slot] = (key, cost);
                cost
            }
        }
    })
}

fn uncached_cost(history: History, s: u32) -> f64 {
    let model = model();
    let last = history.0 & ((1 << SYMBOL_BITS) - 1);
    let (p, more) = model.short[((last << SYMBOL_BITS) | s) as usize];
    let p = if more {
        model.interpolate(history.0, s, 2.min(ORDER)..ORDER, p).0
    } else {
        p
    };
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
