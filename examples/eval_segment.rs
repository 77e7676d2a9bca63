//! Scores the segmenter against the gold annotations in `corpus/gold/`.
//!
//! `cargo run --release --example eval_segment [-- --pdf] [--quiet] [--show NAME]`
//!
//! By default each gold document is segmented from its text (`corpus/truth/NAME.*.txt`, the
//! damaged seeds 000–002 as they are; held-out documents from `corpus/heldout/NAME.txt`); with
//! `--pdf` every corpus PDF runs through the whole pipeline. Scores:
//! * segment recall — gold segments found (same paragraph and kind, text containing the
//!   phrase up to OCR damage) with the right parties and persons (names compared up to OCR
//!   damage);
//! * metadata — share of body, doc_type, date, dnr and title right (body and title compared up
//!   to OCR damage, case numbers as cases: `dnr_key`);
//! * invented — reservation/statement/note segments that match no gold segment.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use diarium::model::{Document, Segment};
use diarium::segment::{dnr_key, fold, pages_from_text, segment, similar};
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldSegment {
    paragraph: Option<String>,
    kind: String,
    phrase: String,
    parties: Vec<String>,
    persons: Vec<String>,
}

#[derive(Deserialize)]
struct Gold {
    body: String,
    doc_type: String,
    date: Option<String>,
    dnr: Vec<String>,
    title: String,
    segments: Vec<GoldSegment>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    found: usize,
    gold: usize,
    meta_ok: usize,
    meta: usize,
    invented: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.found += o.found;
        self.gold += o.gold;
        self.meta_ok += o.meta_ok;
        self.meta += o.meta;
        self.invented += o.invented;
    }
}

/// Letters and digits only, folded, so phrases match across line breaks and light damage.
fn squash(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn names_match(got: &[String], want: &[String]) -> bool {
    got.len() == want.len() && want.iter().all(|w| got.iter().any(|g| similar(g, w)))
}

/// Whether `hay` holds `needle` up to OCR damage: some stretch of about its length is
/// [`similar`] to it.
fn contains_damaged(hay: &str, needle: &str) -> bool {
    if hay.contains(needle) {
        return true;
    }
    let hay: Vec<char> = hay.chars().collect();
    let n = needle.chars().count();
    (n.saturating_sub(1)..=n + 1).filter(|&w| w > 0).any(|w| {
        hay.windows(w)
            .any(|win| similar(&win.iter().collect::<String>(), needle))
    })
}

fn matches_phrase(seg: &Segment, g: &GoldSegment) -> bool {
    seg.kind.as_str() == g.kind && contains_damaged(&squash(&seg.text), &squash(&g.phrase))
}

fn score(name: &str, doc: &Document, gold: &Gold, verbose: bool) -> Score {
    let mut s = Score {
        gold: gold.segments.len(),
        meta: 5,
        ..Score::default()
    };
    let segs: Vec<(Option<&String>, &Segment)> = doc
        .items
        .iter()
        .flat_map(|i| i.segments.iter().map(move |s| (i.paragraph.as_ref(), s)))
        .collect();
    for g in &gold.segments {
        let candidates: Vec<&Segment> = segs
            .iter()
            .filter(|(p, seg)| {
                p.map(String::as_str) == g.paragraph.as_deref() && matches_phrase(seg, g)
            })
            .map(|(_, seg)| *seg)
            .collect();
        let ok = candidates
            .iter()
            .any(|seg| seg.parties == g.parties && names_match(&seg.persons, &g.persons));
        if ok {
            s.found += 1;
        } else if verbose {
            let got: Vec<String> = candidates
                .iter()
                .map(|c| format!("{:?} {:?}", c.parties, c.persons))
                .collect();
            println!(
                "  MISS {name} §{:?} {} {:?}: {:?}",
                g.paragraph, g.kind, g.phrase, got
            );
        }
    }
    for (p, seg) in &segs {
        let known = gold
            .segments
            .iter()
            .any(|g| p.map(String::as_str) == g.paragraph.as_deref() && matches_phrase(seg, g));
        if seg.kind.is_statement() && !known {
            s.invented += 1;
            if verbose {
                println!(
                    "  INVENTED {name} §{p:?} {}: {:?}",
                    seg.kind.as_str(),
                    seg.heading
                );
            }
        }
    }
    let checks = [
        (
            "body",
            similar(&doc.body, &gold.body) && doc.body.is_empty() == gold.body.is_empty(),
        ),
        ("doc_type", doc.doc_type.as_str() == gold.doc_type),
        ("date", doc.date == gold.date),
        ("dnr", cases(&doc.dnr) == cases(&gold.dnr)),
        (
            "title",
            similar(&doc.title, &gold.title) && doc.title.is_empty() == gold.title.is_empty(),
        ),
    ];
    for (field, ok) in checks {
        if ok {
            s.meta_ok += 1;
        } else if verbose {
            let got = match field {
                "body" => doc.body.clone(),
                "doc_type" => doc.doc_type.as_str().to_string(),
                "date" => format!("{:?}", doc.date),
                "dnr" => format!("{:?}", doc.dnr),
                _ => doc.title.clone(),
            };
            println!("  META {name} {field}: got {got:?}");
        }
    }
    s
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn report(label: &str, rows: &[(String, Score)]) {
    let mut total = Score::default();
    println!("\n== {label} ==");
    println!(
        "{:<48} {:>9} {:>9} {:>8}",
        "document", "segments", "metadata", "invented"
    );
    for (name, s) in rows {
        total.add(*s);
        println!(
            "{name:<48} {:>4}/{:<4} {:>4}/{:<4} {:>8}",
            s.found, s.gold, s.meta_ok, s.meta, s.invented
        );
    }
    println!(
        "{:<48} {:>8.1}% {:>8.1}% {:>8}",
        "TOTAL",
        pct(total.found, total.gold),
        pct(total.meta_ok, total.meta),
        total.invented
    );
}

/// The text a gold document is segmented from: held-out text, or the corpus truth of its
/// first born-digital variant (the damaged seeds' truth is their damaged layer).
fn text_source(root: &Path, name: &str) -> Option<(bool, PathBuf)> {
    let heldout = root.join("corpus/heldout").join(format!("{name}.txt"));
    if heldout.exists() {
        return Some((true, heldout));
    }
    ["lo", "chrome", "tex"]
        .iter()
        .map(|v| root.join("corpus/truth").join(format!("{name}.{v}.txt")))
        .find(|p| p.exists())
        .map(|p| (false, p))
}

/// Case numbers as the cases they name, in order: "2009/KS0412" and "2009/KS 0412" are one case
/// written two ways, and normalising the spacing is a convention, not a finding.
fn cases(dnrs: &[String]) -> Vec<String> {
    dnrs.iter().map(|d| dnr_key(d)).collect()
}

/// What the segmenter made of a document, for `--show NAME` while working on a miss.
fn print_segments(doc: &Document) {
    println!(
        "== {} | {} | {:?} | {:?} | {:?}",
        doc.title, doc.body, doc.doc_type, doc.date, doc.dnr
    );
    for item in &doc.items {
        println!(
            "-- § {:?} {} (dnr {:?})",
            item.paragraph, item.title, item.dnr
        );
        for s in &item.segments {
            let start: String = s.text.chars().take(70).collect();
            println!(
                "   p{}-{} {:?} {:?} {:?} {:?}: {}",
                s.page_start,
                s.page_end,
                s.kind,
                s.heading,
                s.parties,
                s.persons,
                start.replace('\n', " / ")
            );
        }
    }
}

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pdf_mode = std::env::args().any(|a| a == "--pdf");
    let quiet = std::env::args().any(|a| a == "--quiet");
    let show = std::env::args().skip_while(|a| a != "--show").nth(1);
    let mut golds: BTreeMap<String, Gold> = BTreeMap::new();
    for entry in std::fs::read_dir(root.join("corpus/gold"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            golds.insert(
                name,
                serde_json::from_str(&std::fs::read_to_string(&path)?)?,
            );
        }
    }
    let (mut corpus, mut heldout) = (Vec::new(), Vec::new());
    if pdf_mode {
        let repairer = diarium::repair::Repairer::embedded();
        let opts = diarium::pdf::Options::default();
        let mut pdfs: Vec<PathBuf> = std::fs::read_dir(root.join("corpus"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        pdfs.sort();
        for pdf in pdfs {
            let file = pdf
                .file_name()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let stem = file.split('.').next().unwrap_or_default().to_string();
            let Some(gold) = golds.get(&stem) else {
                continue;
            };
            match diarium::pipeline::process_file(&pdf, &opts, &repairer) {
                Ok(p) => corpus.push((file.clone(), score(&file, &p.document, gold, !quiet))),
                Err(e) => println!("  ERROR {e}"),
            }
        }
    } else {
        for (name, gold) in &golds {
            let Some((is_heldout, path)) = text_source(&root, name) else {
                println!("  no text for gold {name}");
                continue;
            };
            let text = std::fs::read_to_string(&path)?;
            let doc = segment(name, &path.to_string_lossy(), &pages_from_text(&text));
            if show.as_deref() == Some(name.as_str()) {
                print_segments(&doc);
            }
            let row = (name.clone(), score(name, &doc, gold, !quiet));
            if is_heldout {
                heldout.push(row)
            } else {
                corpus.push(row)
            }
        }
    }
    report(
        if pdf_mode {
            "corpus PDFs (full pipeline)"
        } else {
            "corpus (truth text)"
        },
        &corpus,
    );
    // Held-out documents by batch (corpus/heldout/batches.tsv), so the untouched test batch is
    // reported apart from the ones already used for development.
    let batches: BTreeMap<String, String> =
        std::fs::read_to_string(root.join("corpus/heldout/batches.tsv"))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(n, b)| (n.trim().to_string(), b.trim().to_string()))
            .collect();
    let mut by_batch: BTreeMap<String, Vec<(String, Score)>> = BTreeMap::new();
    for (name, s) in heldout {
        let batch = batches
            .get(&name)
            .map_or("unbatched".to_string(), |b| format!("batch {b}"));
        by_batch.entry(batch).or_default().push((name, s));
    }
    for (batch, rows) in &by_batch {
        report(&format!("held-out {batch} (text)"), rows);
    }
    Ok(())
}
