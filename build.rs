//! Compiles repair's word lists (src/repair/data/*.tsv) into fst maps embedded in the binary, so
//! the lexicon is ready at first use instead of being built from text at run time, and counts the
//! lexicon's character n-grams for the spelling model of `src/repair/spelling.rs`.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Data files of `src/repair/data` turned into `OUT_DIR/NAME.fst`: key TAB value per line.
const MAPS: &[&str] = &["lexicon", "bigrams", "heads", "names", "finnish"];

// The spelling model's alphabet and order, shared with the crate so both number characters alike.
#[path = "src/repair/symbols.rs"]
mod symbols;
use symbols::{symbol, ORDER};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in MAPS {
        let src = Path::new("src/repair/data").join(format!("{name}.tsv"));
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut entries: Vec<(&str, u64)> = text
            .lines()
            .filter_map(|line| {
                let (key, value) = line.rsplit_once('\t')?;
                Some((key, value.parse().ok()?))
            })
            .collect();
        entries.sort_unstable();
        entries.dedup_by(|a, b| a.0 == b.0);
        let map = fst::Map::from_iter(entries).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        fs::write(out.join(format!("{name}.fst")), map.as_fst().as_bytes())
            .unwrap_or_else(|e| panic!("{name}.fst: {e}"));
        if *name == "lexicon" {
            spelling_counts(&text, &out);
        }
    }
}

/// Writes `spelling_ngrams.bin` (n-gram key, count) and `spelling_contexts.bin` (context key,
/// occurrences, distinct followers), each sorted by key, little-endian u32s. Every lexicon word
/// counts once: the model is of how Swedish words are spelt, not of how often they are used.
fn spelling_counts(lexicon: &str, out: &Path) {
    let mut ngrams: HashMap<u32, u32> = HashMap::new();
    for line in lexicon.lines() {
        let Some((word, _)) = line.split_once('\t') else {
            continue;
        };
        let mut syms = vec![symbol('<'); ORDER - 1];
        syms.extend(word.chars().map(symbol));
        syms.push(symbol('>'));
        for end in ORDER - 1..syms.len() {
            let mut key = 0;
            for k in 0..ORDER {
                key |= syms[end - k] << (6 * k);
                *ngrams.entry(key).or_default() += 1;
            }
        }
    }
    let mut contexts: HashMap<u32, (u32, u32)> = HashMap::new();
    for (&key, &n) in &ngrams {
        let context = key >> 6;
        let c = contexts.entry(context).or_default();
        c.0 += n;
        c.1 += 1;
    }
    let mut rows: Vec<(u32, u32)> = ngrams.into_iter().collect();
    rows.sort_unstable();
    let bytes: Vec<u8> = rows
        .iter()
        .flat_map(|&(k, n)| k.to_le_bytes().into_iter().chain(n.to_le_bytes()))
        .collect();
    fs::write(out.join("spelling_ngrams.bin"), bytes).expect("write spelling_ngrams.bin");
    let mut rows: Vec<(u32, (u32, u32))> = contexts.into_iter().collect();
    rows.sort_unstable();
    let bytes: Vec<u8> = rows
        .iter()
        .flat_map(|&(k, (n, d))| {
            k.to_le_bytes()
                .into_iter()
                .chain(n.to_le_bytes())
                .chain(d.to_le_bytes())
        })
        .collect();
    fs::write(out.join("spelling_contexts.bin"), bytes).expect("write spelling_contexts.bin");
}
