//! Single-threaded extraction speed next to pdftotext on the same file, in the same run.
//!
//! `cargo run --release --example bench_extract [PDF] [REPETITIONS]` (default
//! `benches/data/long.pdf`, 5): median wall time of each, pages per second and the ratio.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let pdf = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "benches/data/long.pdf".into()),
    );
    let reps: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5).max(1);
    let opts = diarium::pdf::Options::default();
    let mut ours = Vec::new();
    let mut pages = 0;
    for _ in 0..reps {
        let t = Instant::now();
        pages = diarium::pdf::extract_path(&pdf, &opts)?.len();
        ours.push(t.elapsed());
    }
    let ours = median(ours);
    let pps = |d: Duration| pages as f64 / d.as_secs_f64();
    println!(
        "diarium   {:>8.1} ms  {:>8.1} pages/s  ({pages} pages, median of {reps})",
        ours.as_secs_f64() * 1e3,
        pps(ours)
    );
    let mut theirs = Vec::new();
    for _ in 0..reps {
        let t = Instant::now();
        let ok = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            println!("pdftotext not available: no comparison");
            return Ok(());
        }
        theirs.push(t.elapsed());
    }
    let theirs = median(theirs);
    println!(
        "pdftotext {:>8.1} ms  {:>8.1} pages/s",
        theirs.as_secs_f64() * 1e3,
        pps(theirs)
    );
    println!(
        "ratio diarium/pdftotext wall time: {:.2}",
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
    Ok(())
}
