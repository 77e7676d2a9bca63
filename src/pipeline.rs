//! One file through the stages: PDF → pages → repaired pages → Document.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{Document, RepairedPage};
use crate::pdf;
use crate::repair::Repairer;
use crate::segment;

/// A document as the pipeline produced it, with the pages it came from.
#[derive(Debug, Clone)]
pub struct Processed {
    /// Hash of the file's bytes, hex.
    pub content_hash: String,
    /// Raw and repaired text of every page.
    pub pages: Vec<RepairedPage>,
    /// The segmented document.
    pub document: Document,
}

/// The stable id of a document: the first 16 hex digits of the BLAKE3 hash of its bytes.
pub fn doc_id(content_hash: &str) -> String {
    content_hash[..16].to_string()
}

/// Runs one PDF through extraction, repair and segmentation.
pub fn process_file(path: &Path, opts: &pdf::Options, repairer: &Repairer) -> Result<Processed> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
    let content_hash = blake3::hash(&bytes).to_hex().to_string();
    let pages = pdf::extract_bytes(&bytes, opts).map_err(|e| Error::file(path, e))?;
    let pages = repairer.repair_pages(pages);
    let document = segment::segment(&doc_id(&content_hash), &path.to_string_lossy(), &pages);
    Ok(Processed {
        content_hash,
        pages,
        document,
    })
}
