//! One file through the stages: PDF → pages → repaired pages → Document.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{Document, Page, RepairedPage};
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

/// A PDF's extracted pages, before repair: what a batch looks at to adapt its repairer.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// Hash of the file's bytes, hex.
    pub content_hash: String,
    /// The extracted pages.
    pub pages: Vec<Page>,
}

/// Runs one PDF through extraction, repair and segmentation.
pub fn process_file(path: &Path, opts: &pdf::Options, repairer: &Repairer) -> Result<Processed> {
    Ok(finish(path, extract_file(path, opts)?, repairer))
}

/// Reads and extracts one PDF.
pub fn extract_file(path: &Path, opts: &pdf::Options) -> Result<Extracted> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
    let content_hash = blake3::hash(&bytes).to_hex().to_string();
    let pages = pdf::extract_bytes(&bytes, opts).map_err(|e| Error::file(path, e))?;
    Ok(Extracted {
        content_hash,
        pages,
    })
}

/// Repairs and segments an extracted PDF.
pub fn finish(path: &Path, extracted: Extracted, repairer: &Repairer) -> Processed {
    let Extracted {
        content_hash,
        pages,
    } = extracted;
    let pages = repairer.repair_pages(pages);
    let document = segment::segment(&doc_id(&content_hash), &path.to_string_lossy(), &pages);
    Processed {
        content_hash,
        pages,
        document,
    }
}
