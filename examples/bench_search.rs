//! diarium's side of the search benchmark (issue 6): loads `gen_corpus` JSON lines into a
//! diarium index and runs the fixed query set of `tools/bench/queries.json`, writing the same
//! JSON shape as the peers (`tools/bench/peers.py`) so `tools/bench/report.py` can compare them.
//!
//! ```sh
//! CARGO_TARGET_DIR=/work/target-release cargo run --release --example bench_search -- \
//!     /tmp/bench/c100000.jsonl --out /tmp/bench/diarium-100000.json
//! ```
//!
//! Ingest is measured from reading the first line to the final commit (JSON parsing included, as
//! for the peers); memory is the process's peak resident set (VmHWM, which counts mapped index
//! files) and its sampled peak of anonymous memory, after ingest and at the end.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Parser;
use diarium::index::{Index, SearchRequest};
use diarium::model::{Document, Kind};
use serde::Deserialize;
use serde_json::json;

#[derive(Parser)]
#[command(about = "Index gen_corpus JSON lines with diarium and time the benchmark queries")]
struct Args {
    /// gen_corpus JSON lines (one Document per line).
    corpus: PathBuf,
    /// Index directory (default: a fresh temporary directory, removed at the end).
    #[arg(long)]
    index: Option<PathBuf>,
    /// Query an index built by an earlier run instead of ingesting.
    #[arg(long, requires = "index")]
    skip_ingest: bool,
    /// The query set.
    #[arg(long, default_value = "tools/bench/queries.json")]
    queries: PathBuf,
    /// Timed runs per query.
    #[arg(long, default_value_t = 20)]
    reps: usize,
    /// Untimed runs per query before timing.
    #[arg(long, default_value_t = 3)]
    warmup: usize,
    /// Writer memory budget in MiB.
    #[arg(long, default_value_t = 100)]
    budget_mib: usize,
    /// Write the JSON results here (default: stdout).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// One query of `queries.json`; only the diarium spelling is used here.
#[derive(Deserialize)]
struct BenchQuery {
    id: String,
    diarium: String,
    kind: Option<String>,
    party: Option<String>,
    body: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    facets: bool,
}

#[derive(Deserialize)]
struct QuerySet {
    queries: Vec<BenchQuery>,
}

/// A figure of this process's `/proc/self/status` in KiB (Linux), 0 where there is none.
fn status_kib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

/// Peak resident set in KiB. It counts the index files tantivy maps into memory (page cache
/// that the kernel can drop), so [`AnonPeak`] is kept beside it.
fn vm_hwm_kib() -> u64 {
    status_kib("VmHWM:")
}

/// The peak of anonymous resident memory (heap, not mapped files), sampled every 20 ms by a
/// background thread: the kernel keeps no high-water mark for it.
struct AnonPeak(Arc<AtomicU64>);

impl AnonPeak {
    fn start() -> AnonPeak {
        let peak = Arc::new(AtomicU64::new(0));
        let p = Arc::clone(&peak);
        std::thread::spawn(move || loop {
            p.fetch_max(status_kib("RssAnon:"), Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(20));
        });
        AnonPeak(peak)
    }

    fn kib(&self) -> u64 {
        self.0.load(Ordering::Relaxed).max(status_kib("RssAnon:"))
    }
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_bytes(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// Nearest-rank percentile, as `peers.py` computes it.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    let k = ((p / 100.0 * n as f64 + 0.5).round() as usize).clamp(1, n.max(1)) - 1;
    sorted.get(k).copied().unwrap_or(0.0)
}

fn ingest(
    corpus: &Path,
    dir: &Path,
    budget_mib: usize,
    anon: &AnonPeak,
) -> Result<serde_json::Value> {
    let start = Instant::now();
    let index = Index::create_or_open(dir, true)?;
    let mut writer = index.writer(budget_mib << 20)?;
    let file = File::open(corpus).with_context(|| format!("{}: cannot open", corpus.display()))?;
    let mut segments = 0usize;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}: cannot read", corpus.display()))?;
        let doc: Document = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a Document", corpus.display(), n + 1))?;
        segments += writer.put(&doc, &doc.doc_id)?;
    }
    writer.commit()?;
    let seconds = start.elapsed().as_secs_f64();
    Ok(json!({
        "segments": segments,
        "seconds": seconds,
        "segments_per_s": segments as f64 / seconds,
        "index_bytes": dir_bytes(dir),
        "peak_rss_kib": vm_hwm_kib(),
        "peak_anon_kib": anon.kib(),
    }))
}

fn request(q: &BenchQuery) -> Result<SearchRequest> {
    let kind = match &q.kind {
        Some(k) => Some(Kind::parse(k).with_context(|| format!("{}: unknown kind {k}", q.id))?),
        None => None,
    };
    Ok(SearchRequest {
        query: q.diarium.clone(),
        kind,
        party: q.party.clone(),
        body: q.body.clone(),
        from: q.from.clone(),
        to: q.to.clone(),
        limit: 10,
        facets: q.facets,
        ..SearchRequest::default()
    })
}

fn run_queries(
    index: &Index,
    set: &QuerySet,
    reps: usize,
    warmup: usize,
) -> Result<serde_json::Value> {
    let mut per_query = Vec::new();
    let mut all = Vec::new();
    for q in &set.queries {
        let req = request(q)?;
        let mut results = index.search(&req)?;
        for _ in 1..warmup {
            results = index.search(&req)?;
        }
        let mut ms = Vec::with_capacity(reps);
        for _ in 0..reps {
            let t = Instant::now();
            results = index.search(&req)?;
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let mut sorted = ms.clone();
        sorted.sort_by(f64::total_cmp);
        all.extend_from_slice(&ms);
        let facets: Option<BTreeMap<&str, _>> = results.facets.as_ref().map(|f| {
            ["kind", "party", "year"]
                .into_iter()
                .filter_map(|k| f.get(k).map(|v| (k, v.clone())))
                .collect()
        });
        per_query.push(json!({
            "id": q.id,
            "total": results.total,
            "fuzzy": results.fuzzy,
            "top": results.hits.iter().take(3).map(|h| &h.segment_id).collect::<Vec<_>>(),
            "snippet": results.hits.first().map(|h| &h.snippet),
            "facets": facets,
            "ms": ms,
            "p50_ms": percentile(&sorted, 50.0),
        }));
    }
    all.sort_by(f64::total_cmp);
    Ok(json!({
        "queries": per_query,
        "latency": {
            "p50_ms": percentile(&all, 50.0),
            "p99_ms": percentile(&all, 99.0),
            "runs": all.len(),
        },
    }))
}

fn main() -> Result<()> {
    let args = Args::parse();
    if args.reps == 0 {
        bail!("--reps must be at least 1");
    }
    let set: QuerySet = serde_json::from_reader(
        File::open(&args.queries)
            .with_context(|| format!("{}: cannot open", args.queries.display()))?,
    )
    .with_context(|| format!("{}: not a query set", args.queries.display()))?;
    let anon = AnonPeak::start();
    let temp = tempfile::tempdir()?;
    let dir = args
        .index
        .clone()
        .unwrap_or_else(|| temp.path().join("index"));
    let ingest = if args.skip_ingest {
        None
    } else {
        let summary = ingest(&args.corpus, &dir, args.budget_mib, &anon)?;
        eprintln!("diarium: ingest {summary}");
        Some(summary)
    };
    let index = Index::open(&dir)?;
    let mut result = run_queries(&index, &set, args.reps, args.warmup)?;
    result["engine"] = json!("diarium (tantivy 0.27)");
    result["ingest"] = json!(ingest);
    result["index_bytes"] = json!(dir_bytes(&dir));
    result["query_peak_rss_kib"] = json!(vm_hwm_kib());
    result["query_peak_anon_kib"] = json!(anon.kib());
    result["corpus"] = json!(args.corpus);
    let text = serde_json::to_string_pretty(&result)?;
    match &args.out {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("{}: cannot write", p.display()))?
        }
        None => println!("{text}"),
    }
    let lat = &result["latency"];
    eprintln!(
        "diarium: p50 {:.2} ms, p99 {:.2} ms over {} runs",
        lat["p50_ms"].as_f64().unwrap_or(0.0),
        lat["p99_ms"].as_f64().unwrap_or(0.0),
        lat["runs"]
    );
    Ok(())
}
