//! PDF → positioned text per page, by our own content-stream interpreter on lopdf's parser.
//!
//! [`interp`] runs each page's content (text state, Form XObjects, marked content) into
//! glyphs using [`font`] (codes, widths), [`cmap`] (ToUnicode) and [`encoding`] (base
//! encodings, Adobe Glyph List); [`layout`] turns glyphs into lines in reading order and
//! [`clean`] normalises Unicode, removes running headers/footers and joins hyphenated words.
//!
//! Hostile input is bounded by fixed limits; a panic inside lopdf is caught per file and turned
//! into [`PdfError::Malformed`].

mod clean;
mod cmap;
mod crypt;
mod encoding;
mod font;
mod interp;
mod layout;
#[rustfmt::skip]
mod tables;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use lopdf::{Document, LoadOptions, Object, ObjectId};

use crate::error::panic_message;
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
    /// No page has text but pages draw images: a scan without an OCR text layer.
    #[error("no text layer (needs OCR)")]
    NeedsOcr,
    /// The file is larger than the 1 GiB extraction accepts.
    #[error("too large: {0} bytes")]
    TooLarge(u64),
}

/// Resource bounds for untrusted input, far above what real documents need.
#[derive(Debug, Clone)]
pub(crate) struct Limits {
    /// Largest file accepted.
    pub max_file_bytes: u64,
    /// Most bytes one page's content (all its streams and forms together) may decompress to.
    pub max_stream_bytes: usize,
    /// Most content-stream operators interpreted per page, Form XObjects included.
    pub max_operators: usize,
    /// Most glyphs kept per page. A dense page of minutes has about 5,000; the bound keeps a
    /// page that draws a form 2^40 times from feeding millions of glyphs to layout and repair.
    pub max_glyphs: usize,
    /// Deepest nesting of q/Q, marked content and Form XObjects.
    pub max_nesting: usize,
    /// Most pages read.
    pub max_pages: usize,
}

const LIMITS: Limits = Limits {
    max_file_bytes: 1 << 30,
    max_stream_bytes: 64 << 20,
    max_operators: 2_000_000,
    max_glyphs: 100_000,
    max_nesting: 64,
    max_pages: 20_000,
};

/// How to open and read a PDF.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// User or owner password for encrypted files; the empty password is always tried.
    pub password: Option<String>,
}

/// Extracts the text of every page of the PDF at `path`.
pub fn extract_path(path: &Path, opts: &Options) -> Result<Vec<Page>, PdfError> {
    let len = std::fs::metadata(path)?.len();
    if len > LIMITS.max_file_bytes {
        return Err(PdfError::TooLarge(len));
    }
    let bytes = std::fs::read(path)?;
    extract_bytes(&bytes, opts)
}

/// Extracts the text of every page of a PDF held in memory.
pub fn extract_bytes(bytes: &[u8], opts: &Options) -> Result<Vec<Page>, PdfError> {
    // Last line of defence: lopdf may panic on input it does not expect.
    catch_unwind(AssertUnwindSafe(|| extract_inner(bytes, opts))).unwrap_or_else(|panic| {
        let why = panic_message(&*panic).unwrap_or_else(|| "parser failure".to_string());
        Err(PdfError::Malformed(format!("internal parser error: {why}")))
    })
}

fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    let options = LoadOptions {
        max_decompressed_size: Some(LIMITS.max_stream_bytes),
        ..LoadOptions::default()
    };
    Document::load_mem_with_options(bytes, options).map_err(|e| PdfError::Malformed(e.to_string()))
}

/// Opens the document; an encrypted one through our own security handler (see [`crypt`]).
fn open(bytes: &[u8], opts: &Options) -> Result<Document, PdfError> {
    if bytes.len() as u64 > LIMITS.max_file_bytes {
        return Err(PdfError::TooLarge(bytes.len() as u64));
    }
    let mut doc = match crypt::load(bytes, opts.password.as_deref(), LIMITS.max_stream_bytes)? {
        Some(doc) => doc,
        None => load(bytes)?,
    };
    resolve_stream_filters(&mut doc);
    Ok(doc)
}

/// Replaces indirect `/Filter` and `/DecodeParms` values of streams by what they point to:
/// lopdf only decodes streams whose filters are written inline.
fn resolve_stream_filters(doc: &mut Document) {
    let mut resolved: Vec<(ObjectId, &'static [u8], Object)> = Vec::new();
    for (&id, obj) in &doc.objects {
        let Object::Stream(s) = obj else { continue };
        for key in [&b"Filter"[..], b"DecodeParms"] {
            if let Ok(Object::Reference(r)) = s.dict.get(key) {
                if let Ok(target) = doc.get_object(*r) {
                    resolved.push((id, key, target.clone()));
                }
            }
        }
    }
    for (id, key, value) in resolved {
        if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
            s.dict.set(key, value);
        }
    }
}

fn extract_inner(bytes: &[u8], opts: &Options) -> Result<Vec<Page>, PdfError> {
    let doc = open(bytes, opts)?;
    let page_ids: Vec<ObjectId> = doc.page_iter().take(LIMITS.max_pages).collect();
    if page_ids.is_empty() {
        return Err(PdfError::Malformed("no pages".to_string()));
    }
    let mut fonts = interp::FontCache::new();
    let mut laid_out: Vec<(Vec<layout::RawLine>, f32)> = Vec::with_capacity(page_ids.len());
    let mut meta = Vec::with_capacity(page_ids.len());
    for &id in &page_ids {
        let Geometry { top, height, base } = page_geometry(&doc, id);
        let content = interp::Interpreter::new(&doc, &mut fonts, &LIMITS).run_page(id, base);
        let unmapped = content.glyphs.iter().filter(|g| g.unmapped).count();
        let has_text = content.glyphs.iter().any(|g| !g.text.trim().is_empty());
        // OCR engines write a scan's text layer invisibly, line by line across a table's cells.
        let line_major = content.images && content.invisible * 2 > content.glyphs.len();
        let mut lines = layout::layout(content.glyphs, top, line_major);
        for l in &mut lines {
            l.text = clean::normalize(&l.text);
        }
        meta.push((unmapped, content.images && !has_text));
        laid_out.push((lines, height));
    }
    if meta.iter().any(|&(_, image_only)| image_only)
        && laid_out.iter().all(|(lines, _)| lines.is_empty())
    {
        return Err(PdfError::NeedsOcr);
    }
    let running = clean::running_lines(&laid_out);
    let mut pages: Vec<Page> = Vec::with_capacity(laid_out.len());
    let mut bodies: Vec<Vec<layout::RawLine>> = Vec::with_capacity(laid_out.len());
    for (n, ((lines, height), flags)) in laid_out.into_iter().zip(running).enumerate() {
        let mut page = Page {
            number: n + 1,
            unmapped_glyphs: meta[n].0,
            needs_ocr: meta[n].1,
            ..Page::default()
        };
        let mut body = Vec::new();
        for (l, run) in lines.into_iter().zip(flags) {
            if run {
                if l.y < height / 2.0 {
                    page.header.push(l.text);
                } else {
                    page.footer.push(l.text);
                }
            } else {
                body.push(l);
            }
        }
        if let Some(first) = body.first_mut() {
            first.block_start = true;
        }
        pages.push(page);
        bodies.push(body);
    }
    clean::join_hyphens(&mut bodies);
    for (page, body) in pages.iter_mut().zip(bodies) {
        for l in body {
            if l.block_start && !page.lines.is_empty() {
                page.lines.push(Line::default());
            }
            if l.text.is_empty() {
                continue;
            }
            page.lines.push(Line {
                text: l.text,
                x: l.x0,
                y: l.y,
                size: l.size,
                bold: l.bold,
            });
        }
    }
    Ok(pages)
}

/// Where a page's text lands once the page is shown upright.
struct Geometry {
    /// Top edge of the upright page, in the coordinates `base` maps to.
    top: f32,
    /// Height of the upright page.
    height: f32,
    /// User space → upright page: the `/Rotate` turn (clockwise, as viewers show it).
    base: interp::Matrix,
}

fn numbers(o: &Object) -> Vec<f32> {
    match o {
        Object::Array(a) => a
            .iter()
            .map(|o| match o {
                Object::Integer(i) => *i as f32,
                Object::Real(r) => *r,
                _ => 0.0,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The page's media box and rotation, inherited from the page tree if need be.
fn page_geometry(doc: &Document, page: ObjectId) -> Geometry {
    let mut media: Option<Vec<f32>> = None;
    let mut rotate: Option<i64> = None;
    let mut id = Some(page);
    for _ in 0..32 {
        let Some(dict) = id.and_then(|i| doc.get_dictionary(i).ok()) else {
            break;
        };
        let get = |key: &[u8]| {
            dict.get(key)
                .and_then(|o| doc.dereference(o))
                .map(|(_, o)| o)
        };
        if media.is_none() {
            media = get(b"MediaBox").ok().map(numbers).filter(|v| v.len() == 4);
        }
        if rotate.is_none() {
            rotate = get(b"Rotate").ok().and_then(|o| o.as_i64().ok());
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    let b = media.unwrap_or_else(|| vec![0.0, 0.0, 595.0, 842.0]);
    let (x0, y0) = (b[0].min(b[2]), b[1].min(b[3]));
    let (w, h) = ((b[2] - b[0]).abs().max(1.0), (b[3] - b[1]).abs().max(1.0));
    // Each turn maps the box onto [0, w'] × [0, h'] with the upright page's top at h'.
    let (base, height) = match rotate.unwrap_or(0).rem_euclid(360) {
        90 => ([0.0, -1.0, 1.0, 0.0, -y0, w + x0], w),
        180 => ([-1.0, 0.0, 0.0, -1.0, w + x0, h + y0], h),
        270 => ([0.0, 1.0, -1.0, 0.0, h + y0, -x0], w),
        _ => ([1.0, 0.0, 0.0, 1.0, -x0, -y0], h),
    };
    Geometry {
        top: height,
        height,
        base,
    }
}
