//! Segments in tantivy: ingest, search, trace, show, similar.
//!
//! One tantivy document per segment carries its document's metadata; one `document` record per
//! file carries the whole [`Document`] (for `show`) and the file's content hash (for incremental
//! ingest), so the hash commits together with the segments it describes. [`Index`] is usable as
//! a library: [`Index::create_in_ram`] or [`Index::create_or_open`], then [`Index::writer`] and
//! [`Writer::put`] feed documents without any PDF.

mod facets;
mod ingest;
mod pairs;
mod schema;
mod search;
mod trace;
mod writer;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::directory::error::LockError;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, IndexReader, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term,
};

use crate::error::{Error, Result};
use crate::model::Document;

pub use ingest::{ingest, Failure, IngestOptions, IngestSummary, ERRORS_LOG};
pub use search::{Hit, SearchRequest, SearchResults};
pub use trace::{Relation, Trace, TraceDocument, TraceSegment};
pub use writer::Writer;

use schema::Fields;

/// An index directory (or an in-memory index) opened for searching and, through
/// [`Index::writer`], for writing.
pub struct Index {
    dir: PathBuf,
    index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
}

/// Tantivy's files in an index directory: its metadata, and segment files named by a UUID.
fn is_index_file(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    matches!(
        name,
        "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
    ) || (stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Index {
    /// Opens an existing index for searching.
    pub fn open(dir: &Path) -> Result<Index> {
        if !dir.join("meta.json").is_file() {
            return Err(Error::index(
                dir,
                "no index here: run `diarium ingest` first",
            ));
        }
        let index = tantivy::Index::open_in_dir(dir).map_err(|e| corrupt(dir, e))?;
        Index::wrap(dir, index)
    }

    /// Opens the index in `dir`, creating it (and the directory) when there is none.
    ///
    /// With `rebuild`, tantivy's files in `dir` are deleted first (other files are left alone,
    /// so a mistaken `--index .` cannot wipe a project).
    pub fn create_or_open(dir: &Path, rebuild: bool) -> Result<Index> {
        if rebuild && dir.is_dir() {
            let entries = std::fs::read_dir(dir).map_err(|e| Error::index(dir, e))?;
            for entry in entries.flatten() {
                if is_index_file(&entry.file_name().to_string_lossy()) {
                    std::fs::remove_file(entry.path()).map_err(|e| Error::index(dir, e))?;
                }
            }
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::index(dir, e))?;
        if dir.join("meta.json").is_file() {
            return Index::open(dir);
        }
        let (schema, _) = Fields::build();
        let index = tantivy::Index::create_in_dir(dir, schema).map_err(|e| Error::index(dir, e))?;
        Index::wrap(dir, index)
    }

    /// A fresh index in memory (for tests and benchmarks).
    pub fn create_in_ram() -> Result<Index> {
        let (schema, _) = Fields::build();
        Index::wrap(Path::new("<memory>"), tantivy::Index::create_in_ram(schema))
    }

    fn wrap(dir: &Path, index: tantivy::Index) -> Result<Index> {
        let (schema, fields) = Fields::build();
        if index.schema() != schema {
            return Err(Error::index(
                dir,
                "incompatible index (written by another version of diarium): run `diarium ingest --rebuild`",
            ));
        }
        schema::register_analyzers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| corrupt(dir, e))?;
        Ok(Index {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        })
    }

    /// A writer with a bounded memory budget in bytes (tantivy flushes a segment when it is
    /// reached). Only one writer can exist per index; a second gets a clear "locked" error.
    pub fn writer(&self, memory_budget: usize) -> Result<Writer<'_>> {
        let indexed = self.indexed_hashes()?.into_keys().collect();
        self.writer_knowing(memory_budget, indexed)
    }

    /// [`Index::writer`] for a caller that has already read which sources are indexed.
    pub(super) fn writer_knowing(
        &self,
        memory_budget: usize,
        indexed: HashSet<String>,
    ) -> Result<Writer<'_>> {
        let writer = self
            .index
            .writer_with_num_threads(1, memory_budget)
            .map_err(|e| match e {
                TantivyError::LockFailure(LockError::LockBusy, _) => locked(&self.dir),
                e => Error::index(&self.dir, e),
            })?;
        Ok(Writer::new(self, writer, indexed))
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Number of indexed segments.
    pub fn segment_count(&self) -> Result<u64> {
        let searcher = self.reader.searcher();
        let q = self.term_query(self.fields.record, schema::RECORD_SEGMENT);
        searcher
            .search(&q, &tantivy::collector::Count)
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// One document with its items and segments, or `None` when no document has this id.
    pub fn show(&self, doc_id: &str) -> Result<Option<Document>> {
        let searcher = self.reader.searcher();
        let Some(addr) = self.document_record(&searcher, doc_id)? else {
            return Ok(None);
        };
        self.stored_document(&searcher, addr).map(Some)
    }

    /// The segments most like a given one, excluding itself.
    pub fn similar(&self, segment_id: &str, limit: usize) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let id_query = self.term_query(self.fields.segment_id, segment_id);
        let found = searcher
            .search(&id_query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| self.err(e))?;
        let Some(&(_, addr)) = found.first() else {
            return Err(Error::Usage(format!(
                "no segment {segment_id} in the index"
            )));
        };
        let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
        let f = &self.fields;
        let values = |field| -> Vec<tantivy::schema::OwnedValue> {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(|s| s.to_string().into()))
                .collect()
        };
        let fields = vec![(f.text, values(f.text)), (f.heading, values(f.heading))];
        let mlt = tantivy::query::MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_min_term_frequency(1)
            .with_min_word_length(3)
            .with_max_query_terms(40)
            .with_document_fields(fields);
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(mlt) as Box<dyn Query>),
            (Occur::MustNot, Box::new(id_query)),
        ]);
        self.run(&searcher, &query, limit.max(1), false)
    }

    fn term_query(&self, field: tantivy::schema::Field, value: &str) -> TermQuery {
        TermQuery::new(
            Term::from_field_text(field, &value.to_lowercase()),
            IndexRecordOption::Basic,
        )
    }

    fn document_record(&self, searcher: &Searcher, doc_id: &str) -> Result<Option<DocAddress>> {
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(self.term_query(self.fields.doc_id, doc_id)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(self.term_query(self.fields.record, schema::RECORD_DOCUMENT)),
            ),
        ]);
        let found = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| self.err(e))?;
        Ok(found.first().map(|&(_, addr)| addr))
    }

    fn stored_document(&self, searcher: &Searcher, addr: DocAddress) -> Result<Document> {
        let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
        let json = doc
            .get_first(self.fields.json)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        serde_json::from_str(json).map_err(|e| corrupt(&self.dir, e))
    }

    fn err(&self, e: impl std::fmt::Display) -> Error {
        Error::index(&self.dir, e)
    }
}

/// The error for an index tantivy cannot read.
fn corrupt(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::index(
        dir,
        format!("corrupt or incompatible index ({e}): run `diarium ingest --rebuild`"),
    )
}

/// The error for an index another process is writing.
fn locked(dir: &Path) -> Error {
    let pid = std::fs::read_to_string(dir.join(ingest::LOCK_FILE))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && *s != std::process::id().to_string());
    let who = match pid {
        Some(pid) => format!(" (pid {pid})"),
        None => String::new(),
    };
    Error::index(
        dir,
        format!("locked by another ingest{who}; wait for it to finish"),
    )
}
