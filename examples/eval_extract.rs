//! Word error rate of diarium's raw extraction against the corpus truth, with pdftotext's
//! beside it.
//!
//! `cargo run --release --example eval_extract [CORPUS_DIR]` — scores every PDF of class
//! `digital` or `damaged-layer` against `truth/NAME.txt`, and `scan` PDFs against their text
//! layer `truth/NAME.layer.txt`. pdftotext (poppler-utils) is a development tool only; without
//! it its column says "n/a".

use std::path::{Path, PathBuf};
use std::process::Command;

use diarium::eval::{word_errors, WordErrors};
use diarium::pdf::{extract_bytes, Options};

fn pdftotext(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn pct(e: &WordErrors) -> String {
    format!("{:6.2}%", 100.0 * e.rate())
}

fn main() -> anyhow::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "corpus".into()));
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv"))?;
    let mut ours_total = WordErrors::default();
    let mut theirs_total = WordErrors::default();
    let mut have_pdftotext = true;
    println!(
        "{:<48} {:<14} {:>6} {:>8} {:>10}",
        "file", "class", "words", "diarium", "pdftotext"
    );
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (Some(file), Some(class)) = (cols.first(), cols.get(3)) else {
            continue;
        };
        let stem = file.trim_end_matches(".pdf");
        let truth = match *class {
            "digital" | "damaged-layer" => dir.join("truth").join(format!("{stem}.txt")),
            "scan" => dir.join("truth").join(format!("{stem}.layer.txt")),
            _ => continue,
        };
        let truth = std::fs::read_to_string(&truth)?;
        let path = dir.join(file);
        let ours = match extract_bytes(&std::fs::read(&path)?, &Options::default()) {
            Ok(pages) => pages
                .iter()
                .map(|p| p.text())
                .collect::<Vec<_>>()
                .join("\n\u{c}"),
            Err(e) => {
                println!("{file}: {e}");
                String::new()
            }
        };
        let ours = word_errors(&ours, &truth);
        let theirs = pdftotext(&path).map(|t| word_errors(&t, &truth));
        have_pdftotext &= theirs.is_some();
        println!(
            "{:<48} {:<14} {:>6} {:>8} {:>10}",
            file,
            class,
            ours.truth_words,
            pct(&ours),
            theirs.as_ref().map_or("n/a".to_string(), pct)
        );
        if *class != "scan" {
            ours_total.add(ours);
            if let Some(t) = theirs {
                theirs_total.add(t);
            }
        }
    }
    println!(
        "{:<48} {:<14} {:>6} {:>8} {:>10}",
        "TOTAL (digital + damaged-layer)",
        "",
        ours_total.truth_words,
        pct(&ours_total),
        if have_pdftotext {
            pct(&theirs_total)
        } else {
            "n/a".into()
        }
    );
    if !have_pdftotext {
        println!("note: pdftotext not found; install poppler-utils for the comparison column");
    }
    Ok(())
}
