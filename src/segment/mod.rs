//! Repaired pages → a [`Document`] of § items and their segments.
//!
//! BOOTSTRAP: one item with one matter segment; the real segmenter (issue 5) replaces it
//! behind [`segment`].

use crate::model::{Document, Item, Kind, RepairedPage, Segment};

/// Segments a document's repaired pages.
pub fn segment(doc_id: &str, source: &str, pages: &[RepairedPage]) -> Document {
    let text = pages
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n");
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

/// Normalises a case number as written ("Dnr: KS 155-943/2015", "dnr 3.1.3-91/2019"): the
/// `Dnr` prefix dropped, spacing normalised, an issuing prefix such as `KS` kept. `None` when the
/// text is not a case number.
pub fn normalize_dnr(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("Dnr")
        .or_else(|| t.strip_prefix("dnr"))
        .unwrap_or(t);
    let t = t.trim_start_matches([':', '.', ' ']).trim();
    let out = t.split_whitespace().collect::<Vec<_>>().join(" ");
    out.chars().any(|c| c.is_ascii_digit()).then_some(out)
}

/// The key under which case numbers count as the same case, whatever the issuing prefix:
/// "KS 155-943/2015" and "155-943/2015" share the key "155-943/2015".
pub fn dnr_key(normalized: &str) -> String {
    normalized
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decision references in a text ("Kommunfullmäktige beslutade den 16 maj 2016, § 21").
pub fn find_decision_refs(_text: &str) -> Vec<crate::model::DecisionRef> {
    Vec::new()
}
