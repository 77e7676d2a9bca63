//! Word error rate of diarium's raw extraction against the corpus truth, with pdftotext's
//! beside it.
//!
//! `cargo run --release --example eval_extract [CORPUS_DIR]` — scores every PDF of class
//! `digital` or `damaged-layer` against `truth/NAME.txt`, and `scan` PDFs against their text
//! layer `truth/NAME.layer.txt` (for those the running headers and footers are put back, since
//! the layer truth carries them). `--robust [DIR]` runs a directory of PDFs through extraction
//! instead (see [`robust`]). pdftotext (poppler-utils) is a development tool only; without
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--robust") {
        let dir = args
            .get(1)
            .map_or("../shared/pdfs/pdfminer", String::as_str);
        return robust(Path::new(dir));
    }
    let dir = PathBuf::from(args.first().cloned().unwrap_or_else(|| "corpus".into()));
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
                .map(|p| {
                    if *class == "scan" {
                        let mut all = p.header.join("\n");
                        all.push('\n');
                        all.push_str(&p.text());
                        all.push('\n');
                        all.push_str(&p.footer.join("\n"));
                        all
                    } else {
                        p.text()
                    }
                })
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

/// `eval_extract --robust DIR`: every PDF in DIR through `extract_path`, without a password
/// and with `foo` and `baz`; prints pages and characters or the one-line error per file.
fn robust(dir: &Path) -> anyhow::Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    for f in files {
        for password in [None, Some("foo"), Some("baz")] {
            let opts = Options {
                password: password.map(str::to_string),
            };
            let start = std::time::Instant::now();
            let result = diarium::pdf::extract_path(&f, &opts);
            let ms = start.elapsed().as_millis();
            let name = f.file_name().unwrap_or_default().to_string_lossy();
            let pw = password.unwrap_or("-");
            match result {
                Ok(pages) => {
                    let chars: usize = pages.iter().map(|p| p.text().chars().count()).sum();
                    println!(
                        "{name:<50} pw={pw:<3} pages={:<4} chars={chars:<7} {ms}ms",
                        pages.len()
                    );
                }
                Err(e) => println!("{name:<50} pw={pw:<3} error: {e} ({ms}ms)"),
            }
        }
    }
    Ok(())
}
