//! Repair throughput in words per second on one core.
//!
//! `cargo run --release --example bench_repair` — repairs the scanned corpus text layers (OCR
//! damage) and the clean truth texts, repeated to about a million words, on the calling thread:
//! once with a fresh repairer per round (every distinct token worked out anew) and once with one
//! repairer whose memo of token readings carries over, as across the documents of a batch.

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
    Ok(())
}
