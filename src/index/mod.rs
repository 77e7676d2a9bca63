//! Segments in tantivy: ingest, search, trace, show, similar.
//!
//! BOOTSTRAP: the API the CLI calls; the tantivy implementation (issue 6) fills it in.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Document, Kind};

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

/// Extracts, repairs, segments and indexes every PDF under the given paths.
pub fn ingest(opts: &IngestOptions) -> Result<IngestSummary> {
    Err(Error::index(&opts.index, "not built yet"))
}

/// A search with its filters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query in QueryParser syntax.
    pub query: String,
    /// Only segments of this kind.
    pub kind: Option<Kind>,
    /// Only segments naming this party.
    pub party: Option<String>,
    /// Only segments naming this person.
    pub person: Option<String>,
    /// Only documents of a body matching this text.
    pub body: Option<String>,
    /// Only documents dated on or after (YYYY-MM-DD).
    pub from: Option<String>,
    /// Only documents dated on or before (YYYY-MM-DD).
    pub to: Option<String>,
    /// At most this many hits.
    pub limit: usize,
    /// Count hits by kind, party, body and year.
    pub facets: bool,
}

/// One ranked segment.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Segment id, for `similar`.
    pub segment_id: String,
    pub doc_id: String,
    pub source: String,
    pub title: String,
    pub body: String,
    pub date: Option<String>,
    pub dnr: Vec<String>,
    pub paragraph: Option<String>,
    pub kind: Kind,
    pub parties: Vec<String>,
    pub persons: Vec<String>,
    /// Page where the segment starts.
    pub page: usize,
    pub score: f32,
    /// Text around the hit with `<b>` highlights.
    pub snippet: String,
}

/// Ranked hits and, if asked, facet counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    /// Number of matching segments.
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Counts by facet name ("kind", "party", "body", "year") and value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<std::collections::BTreeMap<String, Vec<(String, u64)>>>,
}

/// An index directory opened for reading.
pub struct Index {
    dir: PathBuf,
}

impl Index {
    /// Opens an existing index.
    pub fn open(dir: &Path) -> Result<Index> {
        Err(Error::index(
            dir,
            "no index here: run `diarium ingest` first",
        ))
    }

    /// Ranked segments for a query.
    pub fn search(&self, _req: &SearchRequest) -> Result<SearchResults> {
        Err(Error::index(&self.dir, "not built yet"))
    }

    /// Every document and segment that carries or cites a case number or decision reference.
    pub fn trace(&self, _reference: &str) -> Result<serde_json::Value> {
        Err(Error::index(&self.dir, "not built yet"))
    }

    /// One document with its items and segments.
    pub fn show(&self, _doc_id: &str) -> Result<Option<Document>> {
        Err(Error::index(&self.dir, "not built yet"))
    }

    /// The segments most like a given one.
    pub fn similar(&self, _segment_id: &str, _limit: usize) -> Result<SearchResults> {
        Err(Error::index(&self.dir, "not built yet"))
    }
}
