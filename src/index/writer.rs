//! Turning a [`Document`] into tantivy documents, and the one writer that adds them.

use std::collections::HashSet;

use tantivy::schema::Facet;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::facets::facet_code;
use super::schema::{Fields, RECORD_DOCUMENT, RECORD_SEGMENT};
use super::Index;
use crate::error::{Error, Result};
use crate::model::{DecisionRef, Document, Item, Segment};
use crate::segment::dnr_key;

/// The single writer of an index. Nothing is visible to searches (or survives a crash) until
/// [`Writer::commit`]; a writer dropped without committing leaves the last commit intact.
pub struct Writer<'a> {
    index: &'a Index,
    writer: IndexWriter<TantivyDocument>,
    /// Sources the index or this writer holds documents of. Only those need a delete before a
    /// put: tantivy keeps every delete operation until the next commit, so deleting each new
    /// file's (absent) documents made an ingest's memory grow with the corpus.
    indexed: HashSet<String>,
}

/// The id of a segment: its document, item and position in the item.
pub fn segment_id(doc_id: &str, item: usize, segment: usize) -> String {
    format!("{doc_id}-{item}-{segment}")
}

/// Midnight UTC of an ISO date ("2018-05-24"), `None` for anything else.
pub(crate) fn parse_date(iso: &str) -> Option<tantivy::time::Date> {
    let mut parts = iso.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let month = tantivy::time::Month::try_from(month).ok()?;
    tantivy::time::Date::from_calendar_date(year, month, day).ok()
}

/// The tantivy date of a calendar date.
pub(crate) fn to_datetime(date: tantivy::time::Date) -> DateTime {
    DateTime::from_utc(date.midnight().assume_utc())
}

impl<'a> Writer<'a> {
    pub(super) fn new(
        index: &'a Index,
        writer: IndexWriter<TantivyDocument>,
        indexed: HashSet<String>,
    ) -> Writer<'a> {
        Writer {
            index,
            writer,
            indexed,
        }
    }

    /// Adds a document, replacing whatever was indexed from the same source. `content_hash`
    /// is recorded with it so an unchanged file can be skipped later. Returns the number of
    /// segments added.
    pub fn put(&mut self, doc: &Document, content_hash: &str) -> Result<usize> {
        if !self.indexed.insert(doc.source.clone()) {
            self.delete(&doc.source);
        }
        let f = &self.index.fields;
        let json = serde_json::to_string(doc).map_err(|e| self.index.err(e))?;
        let mut record = TantivyDocument::default();
        record.add_text(f.record, RECORD_DOCUMENT);
        record.add_text(f.doc_id, &doc.doc_id);
        record.add_text(f.source, &doc.source);
        record.add_text(f.hash, content_hash);
        record.add_text(f.json, &json);
        for dnr in &doc.dnr {
            record.add_text(f.dnr, dnr);
            record.add_text(f.dnr_key, dnr_key(dnr));
        }
        add_decision_refs(f, &mut record, &doc.decision_refs);
        // Records are never counted, but their values keep the facet columns dense.
        record.add_facet(f.body_facet, body_facet(doc));
        record.add_u64(f.facet_code, 0);
        self.add(record)?;
        let mut count = 0;
        for (i, item) in doc.items.iter().enumerate() {
            for (s, segment) in item.segments.iter().enumerate() {
                let tdoc = segment_document(f, doc, item, segment, &segment_id(&doc.doc_id, i, s));
                self.add(tdoc)?;
                count += 1;
            }
        }
        Ok(count)
    }

    /// Removes every document indexed from `source`.
    pub fn remove(&mut self, source: &str) {
        if self.indexed.remove(source) {
            self.delete(source);
        }
    }

    fn delete(&mut self, source: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.index.fields.source, source));
    }

    /// Makes everything added or removed so far durable and visible to searches.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit().map_err(|e| self.index.err(e))?;
        self.index.reader.reload().map_err(|e| self.index.err(e))
    }

    fn add(&self, doc: TantivyDocument) -> Result<()> {
        self.writer
            .add_document(doc)
            .map(|_| ())
            .map_err(|e| Error::index(&self.index.dir, e))
    }
}

fn segment_document(
    f: &Fields,
    doc: &Document,
    item: &Item,
    segment: &Segment,
    id: &str,
) -> TantivyDocument {
    let mut t = TantivyDocument::default();
    t.add_text(f.record, RECORD_SEGMENT);
    t.add_text(f.segment_id, id);
    t.add_text(f.doc_id, &doc.doc_id);
    t.add_text(f.source, &doc.source);
    let [title_pairs, item_title_pairs, heading_pairs, text_pairs, folded_pairs] = f.pairs;
    for (field, pairs, value) in [
        (f.title, title_pairs, &doc.title),
        (f.item_title, item_title_pairs, &item.title),
        (f.heading, heading_pairs, &segment.heading),
        (f.text, text_pairs, &segment.text),
    ] {
        t.add_text(field, value);
        t.add_text(f.folded, value);
        t.add_text(pairs, value);
        t.add_text(folded_pairs, value);
    }
    t.add_text(f.raw, &segment.raw_text);
    if !doc.body.is_empty() {
        t.add_text(f.body, &doc.body);
    }
    t.add_facet(f.body_facet, body_facet(doc));
    t.add_text(f.doc_type, doc.doc_type.as_str());
    t.add_facet(f.doc_type_facet, Facet::from_path([doc.doc_type.as_str()]));
    if let Some(p) = &item.paragraph {
        t.add_text(f.paragraph, p);
    }
    t.add_text(f.kind, segment.kind.as_str());
    for party in &segment.parties {
        t.add_text(f.party, party);
        t.add_facet(f.party_facet, Facet::from_path([party.as_str()]));
    }
    for person in &segment.persons {
        t.add_text(f.person, person);
        t.add_facet(f.person_facet, Facet::from_path([person.as_str()]));
    }
    let date = doc.date.as_deref().and_then(parse_date);
    if let Some(date) = date {
        t.add_date(f.date, to_datetime(date));
        t.add_u64(f.year, date.year().max(0) as u64);
    }
    t.add_u64(f.facet_code, facet_code(segment, date.map(|d| d.year())));
    for dnr in &doc.dnr {
        t.add_text(f.doc_dnr, dnr);
    }
    for dnr in item.dnr.iter().chain(&segment.dnr) {
        t.add_text(f.dnr, dnr);
        t.add_text(f.dnr_key, dnr_key(dnr));
    }
    add_decision_refs(f, &mut t, &segment.decision_refs);
    t.add_u64(f.page_start, segment.page_start as u64);
    t.add_u64(f.page_end, segment.page_end as u64);
    t
}

/// A document's body as a facet; the root facet stands for "no body".
fn body_facet(doc: &Document) -> Facet {
    if doc.body.is_empty() {
        Facet::root()
    } else {
        Facet::from_path([doc.body.as_str()])
    }
}

fn add_decision_refs(f: &Fields, t: &mut TantivyDocument, refs: &[DecisionRef]) {
    for r in refs {
        if let Some(key) = decision_key(r.date.as_deref(), r.paragraph.as_deref()) {
            t.add_text(f.decision_ref, key);
        }
    }
}

/// The key under which a decision reference is indexed: meeting date and §.
pub(crate) fn decision_key(date: Option<&str>, paragraph: Option<&str>) -> Option<String> {
    let date = date?;
    Some(format!("{date}|{}", paragraph.unwrap_or_default()))
}
