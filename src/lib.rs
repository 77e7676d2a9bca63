//! diarium turns Swedish municipal decision PDFs into a searchable record.
//!
//! The pipeline runs one way, one module per stage, and the stages meet only through the
//! types in [`model`]:
//!
//! 1. [`pdf`] — a content-stream interpreter on lopdf's parser: positioned text per page;
//! 2. [`repair`] — repairs OCR damage to å, ä and ö, keeping the raw text beside it;
//! 3. [`segment`] — splits a document into § items and their parts, with who, when and which case;
//! 4. [`index`] — indexes segments in tantivy for search, trace and show.
//!
//! [`pipeline`] strings the stages together for one file and for a batch (`ingest`).

pub mod error;
pub mod eval;
pub mod index;
pub mod model;
pub mod pdf;
pub mod pipeline;
pub mod repair;
pub mod segment;

pub use error::{Error, Result};
