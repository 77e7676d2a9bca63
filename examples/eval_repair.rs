//! Scores OCR repair against ground truth.
//!
//! `cargo run --release --example eval_repair`
//! - seed 002 against `../shared/gold` token for token: damaged words fixed, correct words broken;
//! - seeds 000/001: how many tokens change (no gold);
//! - the scanned corpus PDFs' text layers: WER against their truth before and after repair;
//! - the scanned corpus PDFs end to end (extracted as `diarium extract` does, then repaired);
//! - the held-out OCR texts of `corpus/heldout` (`NAME-ocr.txt`): WER against `NAME.txt`;
//! - the scanned PDFs as extracted and the held-out OCR texts pooled, their words paired with the
//!   true words where the two align one for one: damaged words fixed (and of those damaged in
//!   their letters, how many got their letters back), correct words broken, remaining errors.
//!   The scans enter as the pipeline reads them, not as tesseract's text output: that lists a
//!   table line by line across its cells, which pairs words of different cells with each other;
//! - clean truth texts of born-digital documents, and the held-out clean texts: words changed;
//! - the most frequent remaining errors on seed 002.
//!
//! `-- --top N` lists N remaining errors of the unseen measure instead of 25 (`--top 0`: all).
//! `-- --only NAME…` scores only the held-out texts whose names start with one of the NAMEs (a
//! batch's first run), leaving out the seeds, the scans and the born-digital truth texts.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use diarium::eval::{misreading, word_errors, word_pairs, words, WordErrors};
use diarium::pdf;
use diarium::repair::{Change, Repairer};

fn main() -> anyhow::Result<()> {
    let Arguments { top_n, only } = arguments()?;
    let chosen = |name: &str| only.is_empty() || only.iter().any(|p| name.starts_with(p.as_str()));
    let repairer = Repairer::embedded();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `../shared` beside the main checkout; a worktree under `wt/` has it one level further up.
    let shared = ["../shared", "../../shared"]
        .iter()
        .map(|p| root.join(p))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| root.join("../shared"));
    let seeds = shared.join("seeds");
    let gold = shared.join("gold/002_3d0bb7e4a6596ccc.gold.txt");
    match (
        fs::read_to_string(seeds.join("002_3d0bb7e4a6596ccc.txt"))
            .ok()
            .filter(|_| only.is_empty()),
        fs::read_to_string(&gold),
    ) {
        (Some(damaged), Ok(gold)) => seed_002(&repairer, &damaged, &gold),
        (None, _) => println!("seed 002: skipped (--only)"),
        _ => println!("seed 002: skipped ({} absent)", gold.display()),
    }
    let seeds_000_001 = ["000_7214337700930137.txt", "001_8d1cdd55f4f7d836.txt"];
    for seed in seeds_000_001.iter().filter(|_| only.is_empty()) {
        if let Ok(text) = fs::read_to_string(seeds.join(seed)) {
            let r = repairer.repair_text(&text);
            println!(
                "seed {}: {} of {} words changed{}",
                &seed[..3],
                r.changes.len(),
                words(&text).len(),
                examples(&r.changes)
            );
        }
    }
    let truth = root.join("corpus/truth");
    let mut names: Vec<String> = fs::read_dir(&truth)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|_| only.is_empty())
        .collect();
    names.sort();
    // Every OCR text's words paired with its true words where they align one for one.
    let mut unseen = Tally::default();
    println!("\nscanned PDFs' text layers, WER against truth:");
    for name in names.iter().filter(|n| n.ends_with(".scan.layer.txt")) {
        let true_text = truth.join(name.replace(".layer.txt", ".txt"));
        text_row(&repairer, name, &truth.join(name), &true_text, None)?;
    }
    println!("\nscanned PDFs end to end (extract, repair), WER against truth:");
    let (mut raw_all, mut repaired_all) = (WordErrors::default(), WordErrors::default());
    for name in names.iter().filter(|n| n.ends_with(".scan.txt")) {
        let pdf_path = root.join("corpus").join(name.replace(".txt", ".pdf"));
        let truth_text = fs::read_to_string(truth.join(name))?;
        let pages = pdf::extract_path(&pdf_path, &pdf::Options::default())?;
        let text = |pages: &[String]| pages.join("\u{c}");
        let raw: Vec<String> = pages.iter().map(|p| p.text()).collect();
        let repaired: Vec<String> = repairer
            .repair_pages(pages)
            .iter()
            .map(|p| p.text())
            .collect();
        let (before, after) = (
            word_errors(&text(&raw), &truth_text),
            word_errors(&text(&repaired), &truth_text),
        );
        raw_all.add(before);
        repaired_all.add(after);
        pair_up(&text(&raw), &truth_text, &text(&repaired), &mut unseen);
        row(&name.replace(".txt", ".pdf"), before.rate(), after.rate());
    }
    row("all", raw_all.rate(), repaired_all.rate());
    println!("\nheld-out OCR texts (tesseract, corpus/heldout), WER against their clean text:");
    let heldout = root.join("corpus/heldout");
    let mut ocr: Vec<_> = fs::read_dir(&heldout)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with("-ocr.txt") && chosen(n))
        .collect();
    ocr.sort();
    for name in ocr {
        let true_text = heldout.join(name.replace("-ocr.txt", ".txt"));
        text_row(
            &repairer,
            &name,
            &heldout.join(&name),
            &true_text,
            Some(&mut unseen),
        )?;
    }
    println!(
        "\nthe OCR texts above (scans as extracted, held-out), words paired with their truth where the \
         two align one for one: {} damaged",
        unseen.damaged
    );
    unseen.print(top_n);
    println!("\nclean truth texts (born-digital documents), words changed:");
    let damaged_seed = |n: &str| ["000", "001", "002"].iter().any(|p| n.starts_with(p));
    let clean: Vec<_> = names
        .iter()
        .filter(|n| !n.contains(".scan") && !damaged_seed(n))
        .map(|n| truth.join(n))
        .collect();
    clean_rows(&repairer, &clean, true)?;
    println!("\nheld-out clean texts (corpus/heldout), words changed (texts with changes):");
    let mut texts: Vec<_> = fs::read_dir(&heldout)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") && !n.ends_with("-ocr.txt") && !n.contains("first-run"))
        .filter(|n| chosen(n))
        .map(|n| heldout.join(n))
        .collect();
    texts.sort();
    clean_rows(&repairer, &texts, false)?;
    Ok(())
}

/// Repairs each clean text and prints how many of its words changed (every text, or only
/// those with changes), then the total.
fn clean_rows(repairer: &Repairer, texts: &[PathBuf], every: bool) -> anyhow::Result<()> {
    let (mut changed, mut total) = (0, 0);
    for path in texts {
        let text = fs::read_to_string(path)?;
        let r = repairer.repair_text(&text);
        let n = words(&text).len();
        if every || !r.changes.is_empty() {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            println!(
                "  {name:50} {:4} of {:5}{}",
                r.changes.len(),
                n,
                examples(&r.changes)
            );
        }
        changed += r.changes.len();
        total += n;
    }
    println!(
        "  total: {changed} of {total} = {:.3}%",
        100.0 * changed as f64 / total.max(1) as f64
    );
    Ok(())
}

/// Prints a row of WER before → after repair.
fn row(name: &str, before: f64, after: f64) {
    println!(
        "  {name:50} {:5.1}% → {:5.1}%",
        before * 100.0,
        after * 100.0
    );
}

/// Scores the repair of the OCR text at `ocr` against the true text at `truth` and prints it;
/// its words, paired with the true words where the two align, go to `tally` if given.
fn text_row(
    repairer: &Repairer,
    name: &str,
    ocr: &Path,
    truth: &Path,
    tally: Option<&mut Tally>,
) -> anyhow::Result<()> {
    let layer = fs::read_to_string(ocr)?;
    let truth = fs::read_to_string(truth)?;
    let repaired = repairer.repair_text(&layer).text;
    row(
        name,
        word_errors(&layer, &truth).rate(),
        word_errors(&repaired, &truth).rate(),
    );
    if let Some(tally) = tally {
        pair_up(&layer, &truth, &repaired, tally);
    }
    Ok(())
}

/// Adds an OCR text's words, paired with its true words where the two align one for one, and
/// their repairs (repair keeps whitespace, so the OCR text's words and the repair's align).
fn pair_up(ocr: &str, truth: &str, repaired: &str, tally: &mut Tally) {
    let (o, t, r) = (words(ocr), words(truth), words(repaired));
    assert_eq!(o.len(), r.len(), "repair keeps the token count");
    tally.add(&o, &t, &r, word_pairs(&o, &t).into_iter());
}

fn examples(changes: &[Change]) -> String {
    let list: Vec<String> = changes
        .iter()
        .take(8)
        .map(|c| format!("{}→{}", c.from, c.to))
        .collect();
    if list.is_empty() {
        String::new()
    } else {
        format!("  ({})", list.join(", "))
    }
}

fn seed_002(repairer: &Repairer, damaged: &str, gold: &str) {
    let repaired = repairer.repair_text(damaged).text;
    let (d, g, r) = (words(damaged), words(gold), words(&repaired));
    if d.len() != g.len() || r.len() != g.len() {
        println!(
            "seed 002: token counts differ ({} {} {})",
            d.len(),
            g.len(),
            r.len()
        );
        return;
    }
    let mut tally = Tally::default();
    tally.add(&d, &g, &r, (0..g.len()).map(|i| (i, i)));
    println!(
        "seed 002 vs gold: {} words, {} damaged",
        g.len(),
        tally.damaged
    );
    tally.print(20);
}

/// Damaged words fixed and correct words broken, over OCR words paired with true words.
#[derive(Default)]
struct Tally {
    damaged: usize,
    fixed: usize,
    /// Pairs whose OCR word is no misreading of its true word but another word the OCR put in
    /// its place by reading in another order: no repair can mend them, so they are counted
    /// apart and listed.
    displaced: HashMap<(String, String), usize>,
    correct: usize,
    broken: usize,
    /// (OCR word, repaired word, true word) of every pair repair left wrong, with counts.
    remaining: HashMap<(String, String, String), usize>,
    /// Damaged words whose letters the OCR damaged (letter case aside), and of those, how many
    /// repair gave their true letters back: the damage the repair is for, apart from marks
    /// (punctuation, dashes, superscript digits) and letter case.
    letters_damaged: usize,
    letters_fixed: usize,
}

/// The letters of `word` in lower case: what is left of it without marks and letter case.
fn letters(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Tally {
    /// Counts the `pairs` (index in `ocr` and `repaired`, index in `truth`).
    fn add(
        &mut self,
        ocr: &[String],
        truth: &[String],
        repaired: &[String],
        pairs: impl Iterator<Item = (usize, usize)>,
    ) {
        for (o, t) in pairs {
            let (ow, tw, rw) = (&ocr[o], &truth[t], &repaired[o]);
            if !misreading(ow, tw) {
                *self.displaced.entry((ow.clone(), tw.clone())).or_default() += 1;
                continue;
            }
            if ow != tw {
                self.damaged += 1;
                self.fixed += usize::from(rw == tw);
                let truth = letters(tw);
                if letters(ow) != truth {
                    self.letters_damaged += 1;
                    self.letters_fixed += usize::from(letters(rw) == truth);
                }
            } else {
                self.correct += 1;
                self.broken += usize::from(rw != tw);
            }
            if rw != tw {
                *self
                    .remaining
                    .entry((ow.clone(), rw.clone(), tw.clone()))
                    .or_default() += 1;
            }
        }
    }

    /// Prints the rates and the `top_n` most frequent remaining errors (0: all of them).
    fn print(&self, top_n: usize) {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        let (d, c) = (self.damaged, self.correct);
        println!("  fixed  {} / {d} = {:.1}%", self.fixed, pct(self.fixed, d));
        println!(
            "  broken {} / {c} = {:.2}%",
            self.broken,
            pct(self.broken, c)
        );
        println!(
            "  of them damaged in their letters (marks and letter case aside): {} / {} = {:.1}%",
            self.letters_fixed,
            self.letters_damaged,
            pct(self.letters_fixed, self.letters_damaged)
        );
        println!(
            "  word accuracy {:.1}% (before {:.1}%)",
            pct(self.fixed + c - self.broken, d + c),
            pct(c, d + c)
        );
        if !self.displaced.is_empty() {
            let mut displaced: Vec<_> = self.displaced.iter().collect();
            displaced.sort();
            let n: usize = self.displaced.values().sum();
            let shown = if top_n == 0 { displaced.len() } else { 6 };
            let list: Vec<String> = displaced
                .iter()
                .take(shown)
                .map(|((o, t), _)| format!("{o} for {t}"))
                .collect();
            println!(
                "  left out: {n} pairs displaced by reading order, no misreading ({}{})",
                list.join(", "),
                if shown < displaced.len() { ", …" } else { "" }
            );
        }
        let mut top: Vec<_> = self.remaining.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("  most frequent remaining errors:");
        let shown = if top_n == 0 { top.len() } else { top_n };
        for ((ow, rw, tw), n) in top.iter().take(shown) {
            println!("    {n:3}  {ow} → {rw}  (true {tw})");
        }
    }
}

/// What the command line asks for.
struct Arguments {
    /// How many remaining errors to list (0: all of them).
    top_n: usize,
    /// Name prefixes of the held-out texts to score; empty: everything.
    only: Vec<String>,
}

/// `--top N` (25 when absent) and `--only NAME…` from the command line.
fn arguments() -> anyhow::Result<Arguments> {
    let usage = "usage: eval_repair [--top N] [--only NAME…]  (N = 0 lists every remaining error)";
    let mut parsed = Arguments {
        top_n: 25,
        only: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--top" => {
                let n = args.next().ok_or_else(|| anyhow::anyhow!("{usage}"))?;
                parsed.top_n = n.parse().map_err(|_| {
                    anyhow::anyhow!("--top wants a number of errors to list, not {n:?}")
                })?;
            }
            "--only" => parsed.only.extend(args.by_ref()),
            _ => anyhow::bail!("{usage}"),
        }
    }
    Ok(parsed)
}
