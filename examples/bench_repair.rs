//! Repair throughput in words per second on one core.
//!
//! `cargo run --release --example bench_repair` — repairs the scanned corpus text layers (OCR
//! damage) and the clean truth texts, repeated to about a million words, on the calling thread:
//! once with a fresh repairer per round (every distinct token worked out anew) and once with one
//! repairer whose memo of token readings carries over, as across the documents of a batch; then
//! every text of `corpus/heldout` and `corpus/truth` once, in turn, with one repairer (a batch
//! whose memo starts cold).

use std::fs;
use std::path::Path;
use std::time::Instant;

use diarium::repair::Repairer;

fn main() -> anyhow::Result<()> {
    let truth = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/truth");
    let mut text = String::new();
    for entry in fs::read_dir(&truth)? {
        text.push_str(&fs::read_to_string(entry?.path())?);
        text.push('\n');
    }
    let words = text.split_whitespace().count();
    let repairer = Repairer::embedded();
    let load = Instant::now();
    repairer.repair_text("förvaltningen");
    println!(
        "first use (loads the lexicon): {:.0} ms",
        load.elapsed().as_secs_f64() * 1e3
    );
    let rounds = (1_000_000 / words.max(1)).max(1);
    for (label, shared) in [
        ("fresh repairer per round", false),
        ("memo carried over", true),
    ] {
        let start = Instant::now();
        let mut changes = 0;
        for _ in 0..rounds {
            changes += if shared {
                repairer.repair_text(&text).changes.len()
            } else {
                Repairer::embedded().repair_text(&text).changes.len()
            };
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{label}: {} words in {secs:.2} s: {:.0} words/s ({changes} changes)",
            words * rounds,
            (words * rounds) as f64 / secs
        );
    }
    // A batch as ingest meets it: many documents, each read once, the memo filling as it goes.
    let mut docs = Vec::new();
    for dir in ["corpus/heldout", "corpus/truth"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "txt") {
                docs.push(fs::read_to_string(path)?);
            }
        }
    }
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let repairer = Repairer::embedded();
    let start = Instant::now();
    let changes: usize = docs
        .iter()
        .map(|d| repairer.repair_text(d).changes.len())
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents read once, one repairer: {words} words in {secs:.2} s: {:.0} words/s \
         ({changes} changes)",
        docs.len(),
        words as f64 / secs
    );
    Ok(())
}
