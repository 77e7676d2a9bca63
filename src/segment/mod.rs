//! Repaired pages → a [`Document`] of § items and their segments.
//!
//! BOOTSTRAP: one item with one matter segment; the real segmenter (issue 5) replaces it
//! behind [`segment`].

use crate::model::{Document, Item, Kind, RepairedPage, Segment};

/// Segments a document's repaired pages.
pub fn segment(doc_id: &str, source: &str, pages: &[RepairedPage]) -> Document {
    let text = pages.iter().map(|p| p.text()).collect::<Vec<_>>().join("\n");
    let raw_text = pages
        .iter()
        .map(|p| p.page.text())
        .collect::<Vec<_>>()
        .join("\n");
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default()
        .to_string();
    Document {
        doc_id: doc_id.to_string(),
        source: source.to_string(),
        title: title.clone(),
        pages: pages.len(),
        items: vec![Item {
            paragraph: None,
            title,
            dnr: None,
            segments: vec![Segment {
                kind: Kind::Matter,
                text,
                raw_text,
                page_start: 1,
                page_end: pages.len().max(1),
                ..Segment::default()
            }],
        }],
        ..Document::default()
    }
}
