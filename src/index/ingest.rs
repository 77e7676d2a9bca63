//! `ingest`: PDFs under some paths → the index, incrementally.
//!
//! Files are hashed and processed in parallel (rayon) and fed over a bounded channel to the
//! one writer. The content hash of each file is a stored field of its document record, so it
//! commits atomically with the file's segments: an ingest killed midway leaves the last commit
//! searchable, and a re-run skips what that commit holds and does the rest.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use fs4::fs_std::FileExt;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use tantivy::collector::DocSetCollector;

use super::schema::RECORD_DOCUMENT;
use super::{locked, Index};
use crate::error::{panic_message, Error, Result};
use crate::pdf;
use crate::pipeline::{self, Processed};
use crate::repair::Repairer;

/// The lock file an ingest holds for its whole run; it contains the holder's pid.
pub(super) const LOCK_FILE: &str = "ingest.lock";
/// Failures of the last ingest, one `file<TAB>reason` per line.
pub const ERRORS_LOG: &str = "errors.log";
/// The writer's memory budget: tantivy flushes a segment to disk when it is reached.
const WRITER_MEMORY: usize = 128 * 1024 * 1024;
/// Files between commits, so a killed ingest loses at most this much work.
const COMMIT_EVERY: usize = 500;
/// Files extracted together before any is repaired: the clean ones teach the repairer the
/// batch's names first. Bounds the extracted pages held in memory at once.
const ADAPT_CHUNK: usize = 256;

/// What to ingest and where.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files and directories to ingest (directories are walked for `*.pdf`).
    pub paths: Vec<PathBuf>,
    /// The index directory.
    pub index: PathBuf,
    /// Remove documents whose files are no longer under `paths`.
    pub prune: bool,
    /// Throw the index away and build it anew (for a corrupt index).
    pub rebuild: bool,
    /// Password for encrypted PDFs.
    pub password: Option<String>,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
}

/// A file that could not be ingested, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The file as found.
    pub path: PathBuf,
    /// One-line reason.
    pub reason: String,
}

/// What an ingest did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    /// PDF files found under the paths.
    pub files: usize,
    /// Files extracted and indexed in this run.
    pub indexed: usize,
    /// Files skipped because they were unchanged since the last ingest.
    pub unchanged: usize,
    /// Documents removed by `--prune`.
    pub removed: usize,
    /// Pages extracted in this run.
    pub pages: usize,
    /// Segments indexed in this run.
    pub segments: usize,
    /// Files that failed, with reasons.
    pub failures: Vec<Failure>,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// What a worker hands the writer for one file.
enum Outcome {
    Unchanged,
    Done(Box<Processed>),
    Failed(Failure),
}

/// Extracts, repairs, segments and indexes every PDF under the given paths.
pub fn ingest(opts: &IngestOptions) -> Result<IngestSummary> {
    let started = Instant::now();
    std::fs::create_dir_all(&opts.index).map_err(|e| Error::index(&opts.index, e))?;
    let _lock = lock(&opts.index)?;
    let index = Index::create_or_open(&opts.index, opts.rebuild)?;
    let files = pdf_files(&opts.paths)?;
    let known = index.indexed_hashes()?;
    let mut writer = index.writer_knowing(WRITER_MEMORY, known.keys().cloned().collect())?;
    let mut summary = IngestSummary {
        files: files.len(),
        ..IngestSummary::default()
    };

    if opts.prune {
        let found: HashSet<String> = files.iter().map(|p| source_of(p)).collect();
        for source in known.keys().filter(|s| !found.contains(*s)) {
            let path = Path::new(source);
            if !path.exists() || opts.paths.iter().any(|root| path.starts_with(root)) {
                writer.remove(source);
                summary.removed += 1;
            }
        }
    }

    let bar = progress_bar(opts.progress, files.len());
    let pdf_opts = pdf::Options {
        password: opts.password.clone(),
    };
    let repairer = Repairer::embedded();
    let (tx, rx) = mpsc::sync_channel::<Outcome>(8);
    let mut pending = 0;
    let result = std::thread::scope(|scope| -> Result<()> {
        let (files, known, repairer, pdf_opts) = (&files, &known, &repairer, &pdf_opts);
        scope.spawn(move || {
            for chunk in files.chunks(ADAPT_CHUNK) {
                let steps: Vec<Step> = chunk
                    .par_iter()
                    .map(|path| extract(path, known, pdf_opts))
                    .collect();
                let clean: Vec<bool> = steps
                    .par_iter()
                    .map(
                        |step| matches!(step, Step::Extracted(_, e) if repairer.is_clean(&e.pages)),
                    )
                    .collect();
                let mut adapted = repairer.clone();
                for (step, _) in steps.iter().zip(clean).filter(|(_, clean)| *clean) {
                    if let Step::Extracted(_, e) = step {
                        adapted.adapt_pages(&e.pages);
                    }
                }
                let adapted = &adapted;
                let sent = steps
                    .into_par_iter()
                    .try_for_each_with(tx.clone(), |tx, step| {
                        // A closed channel means the writer gave up; the error is reported there.
                        tx.send(finish(step, adapted))
                    });
                if sent.is_err() {
                    break;
                }
            }
        });
        for outcome in rx {
            bar.inc(1);
            match outcome {
                Outcome::Unchanged => summary.unchanged += 1,
                Outcome::Failed(f) => summary.failures.push(f),
                Outcome::Done(p) => {
                    bar.set_message(p.document.source.clone());
                    summary.segments += writer.put(&p.document, &p.content_hash)?;
                    summary.pages += p.pages.len();
                    summary.indexed += 1;
                    pending += 1;
                    if pending >= COMMIT_EVERY {
                        writer.commit()?;
                        pending = 0;
                    }
                }
            }
        }
        Ok(())
    });
    bar.finish_and_clear();
    result?;
    writer.commit()?;
    summary.failures.sort_by(|a, b| a.path.cmp(&b.path));
    write_errors_log(&opts.index, &summary.failures)?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// One file after extraction: skipped, failed, or its pages waiting for repair.
enum Step {
    Done(Outcome),
    Extracted(PathBuf, Box<pipeline::Extracted>),
}

/// One file: skipped when its bytes hash to what the index holds for it, else extracted.
fn extract(path: &Path, known: &HashMap<String, String>, opts: &pdf::Options) -> Step {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Step::Done(failure(path, e.to_string())),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    if known.get(&source_of(path)) == Some(&hash) {
        return Step::Done(Outcome::Unchanged);
    }
    drop(bytes);
    match guarded(|| pipeline::extract_file(path, opts)) {
        Ok(e) => Step::Extracted(path.to_path_buf(), Box::new(e)),
        Err(reason) => Step::Done(failure(path, reason)),
    }
}

/// Repairs, segments and hands over an extracted file.
fn finish(step: Step, repairer: &Repairer) -> Outcome {
    let (path, extracted) = match step {
        Step::Done(outcome) => return outcome,
        Step::Extracted(path, e) => (path, e),
    };
    match guarded(|| Ok(pipeline::finish(&path, *extracted, repairer))) {
        Ok(mut p) => {
            // The document's source is the key for replacing it: use the same form as the skip check.
            p.document.source = source_of(&path);
            Outcome::Done(Box::new(p))
        }
        Err(reason) => failure(&path, reason),
    }
}

fn failure(path: &Path, reason: String) -> Outcome {
    Outcome::Failed(Failure {
        path: path.to_path_buf(),
        reason,
    })
}

/// Runs a pipeline stage; its error or a panic inside it becomes the file's failure reason.
fn guarded<T>(stage: impl FnOnce() -> Result<T>) -> std::result::Result<T, String> {
    match catch_unwind(AssertUnwindSafe(stage)) {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(Error::File { reason, .. })) => Err(reason),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(format!(
            "internal error: {}",
            panic_message(&*panic).unwrap_or_else(|| "panic".to_string())
        )),
    }
}

/// The `source` recorded for a file: its path as given, without `./` noise.
fn source_of(path: &Path) -> String {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect::<PathBuf>()
        .to_string_lossy()
        .into_owned()
}

/// Every `*.pdf` under the paths (a file given by name is taken whatever its extension),
/// sorted for a stable order.
fn pdf_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::file(dir, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::file(dir, e))?.path();
            if path.is_dir() {
                walk(&path, out)?;
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out)?;
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            return Err(Error::file(path, "no such file or directory"));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Holds the index's ingest lock for the whole run, with our pid in it.
fn lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK_FILE);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::index(dir, e))?;
    match file.try_lock_exclusive() {
        Ok(true) => {}
        Ok(false) => return Err(locked(dir)),
        Err(e) => return Err(Error::index(dir, e)),
    }
    // Written only once the lock is ours, so the pid names the holder.
    file.set_len(0).map_err(|e| Error::index(dir, e))?;
    writeln!(file, "{}", std::process::id()).map_err(|e| Error::index(dir, e))?;
    Ok(file)
}

fn progress_bar(show: bool, len: usize) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta}) {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}

fn write_errors_log(dir: &Path, failures: &[Failure]) -> Result<()> {
    let mut text = String::new();
    for f in failures {
        text.push_str(&format!(
            "{}\t{}\n",
            f.path.display(),
            f.reason.replace('\n', " ")
        ));
    }
    std::fs::write(dir.join(ERRORS_LOG), text).map_err(|e| Error::index(dir, e))
}

impl Index {
    /// Source → content hash of every file in the last commit, from the fast fields.
    pub(super) fn indexed_hashes(&self) -> Result<HashMap<String, String>> {
        let searcher = self.reader.searcher();
        let query = self.keyword(self.fields.record, RECORD_DOCUMENT);
        let addrs = searcher
            .search(&*query, &DocSetCollector)
            .map_err(|e| self.err(e))?;
        let mut columns = HashMap::new();
        let mut out = HashMap::with_capacity(addrs.len());
        let (mut source, mut hash) = (String::new(), String::new());
        for addr in addrs {
            let (sources, hashes) = match columns.entry(addr.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let ff = searcher.segment_reader(addr.segment_ord).fast_fields();
                    let column = |name| {
                        ff.str(name).map_err(|e| self.err(e))?.ok_or_else(|| {
                            super::corrupt(&self.dir, format!("no fast field {name}"))
                        })
                    };
                    e.insert((column("source")?, column("hash")?))
                }
            };
            let read = |column: &tantivy::columnar::StrColumn, out: &mut String| {
                out.clear();
                if let Some(ord) = column.term_ords(addr.doc_id).next() {
                    column.ord_to_str(ord, out).map_err(|e| self.err(e))?;
                }
                Ok::<_, Error>(())
            };
            read(sources, &mut source)?;
            read(hashes, &mut hash)?;
            out.insert(source.clone(), hash.clone());
        }
        Ok(out)
    }
}
