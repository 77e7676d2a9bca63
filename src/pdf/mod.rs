//! PDF → positioned text per page.
//!
//! BOOTSTRAP: this first cut leans on lopdf's `extract_text`; the content-stream interpreter
//! (issue 3) replaces it behind the same [`extract_path`] / [`extract_bytes`] signatures.

use std::path::Path;

use crate::model::{Line, Page};

/// Why a PDF could not be read. Displayed after the file name in a one-line error.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The file could not be read from disk.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The bytes are not a PDF, or too broken to parse.
    #[error("not a readable PDF: {0}")]
    Malformed(String),
    /// The document is encrypted and the empty user password does not open it.
    #[error("encrypted: password required (use --password)")]
    PasswordRequired,
    /// The given password does not open the document.
    #[error("encrypted: wrong password")]
    WrongPassword,
}

/// How to open and read a PDF.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// User or owner password for encrypted files; the empty password is always tried.
    pub password: Option<String>,
}

/// Extracts the text of every page of the PDF at `path`.
pub fn extract_path(path: &Path, opts: &Options) -> Result<Vec<Page>, PdfError> {
    let bytes = std::fs::read(path)?;
    extract_bytes(&bytes, opts)
}

/// Extracts the text of every page of a PDF held in memory.
pub fn extract_bytes(bytes: &[u8], opts: &Options) -> Result<Vec<Page>, PdfError> {
    let mut doc =
        lopdf::Document::load_mem(bytes).map_err(|e| PdfError::Malformed(e.to_string()))?;
    if doc.is_encrypted() {
        let pw = opts.password.as_deref().unwrap_or("");
        doc.decrypt(pw).map_err(|_| {
            if opts.password.is_some() {
                PdfError::WrongPassword
            } else {
                PdfError::PasswordRequired
            }
        })?;
    }
    let mut pages = Vec::new();
    for (number, _) in doc.get_pages() {
        let text = doc.extract_text(&[number]).unwrap_or_default();
        let lines = text
            .lines()
            .map(|l| Line {
                text: l.trim_end().to_string(),
                ..Line::default()
            })
            .collect();
        pages.push(Page {
            number: number as usize,
            lines,
            ..Page::default()
        });
    }
    Ok(pages)
}
