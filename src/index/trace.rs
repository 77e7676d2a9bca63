//! `trace`: every document that carries or cites a case number or a decision reference.

use crate::segment::MONTHS;
use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::TantivyDocument;

use super::schema::RECORD_SEGMENT;
use super::writer::decision_key;
use super::Index;
use crate::error::{Error, Result};
use crate::model::{DecisionRef, Document, Kind};
use crate::segment::{dnr_key, find_decision_refs, normalize_dnr};

/// How a document relates to the traced case or decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The case is the document's own (its first case number, or an item's), or the document
    /// is the minutes of the referenced decision.
    Own,
    /// The document mentions it.
    Cites,
}

/// A segment that mentions the traced reference.
#[derive(Debug, Clone, Serialize)]
pub struct TraceSegment {
    /// Segment id, for `similar`.
    pub segment_id: String,
    /// What part of the record it is.
    pub kind: Kind,
    /// The § of its item.
    pub paragraph: Option<String>,
    /// Page where it starts.
    pub page: usize,
    /// Text around the mention with `<b>` highlights.
    pub snippet: String,
}

/// A document in a trace.
#[derive(Debug, Clone, Serialize)]
pub struct TraceDocument {
    /// The document's id, for `show`.
    pub doc_id: String,
    /// The file it came from.
    pub source: String,
    /// Its title.
    pub title: String,
    /// Its body.
    pub body: String,
    /// Its date, ISO 8601.
    pub date: Option<String>,
    /// Own or cites.
    pub relation: Relation,
    /// The segments that mention the reference, in document order.
    pub segments: Vec<TraceSegment>,
}

/// A case's or decision's trail through the record, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct Trace {
    /// The reference as asked for.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Documents carrying or citing it, oldest first (undated last).
    pub documents: Vec<TraceDocument>,
}

/// Most documents a trace lists.
const TRACE_LIMIT: usize = 2000;

/// The query for every mention of a reference, and for a decision the query for its minutes.
type TraceQueries = (Box<dyn Query>, Option<Box<dyn Query>>);

/// What a reference asks for.
enum Target {
    Case { key: String },
    Decision(DecisionRef),
}

impl Index {
    /// Every document and segment that carries or cites a case number or decision reference.
    pub fn trace(&self, reference: &str) -> Result<Trace> {
        let target = match find_decision_refs(reference)
            .into_iter()
            .next()
            .or_else(|| parse_decision_ref(reference))
        {
            Some(r) => Target::Decision(r),
            None => {
                let key = normalize_dnr(reference)
                    .map(|n| dnr_key(&n))
                    .filter(|k| !k.is_empty())
                    .ok_or_else(|| {
                        Error::Usage(format!(
                            "{reference:?} is neither a case number nor a decision reference"
                        ))
                    })?;
                Target::Case { key }
            }
        };
        let (query, own_query) = self.trace_queries(&target)?;
        let searcher = self.reader.searcher();
        let top = |q: &dyn Query| {
            searcher
                .search(q, &TopDocs::with_limit(TRACE_LIMIT).order_by_score())
                .map_err(|e| self.err(e))
        };
        let own_hits: std::collections::HashSet<_> = match &own_query {
            Some(q) => top(&**q)?.into_iter().map(|(_, a)| a).collect(),
            None => Default::default(),
        };
        let mut generator = SnippetGenerator::create(&searcher, &*query, self.fields.text)
            .map_err(|e| self.err(e))?;
        generator.set_max_num_chars(160);
        let generators = [generator];
        let mut by_doc: BTreeMap<String, (bool, Vec<TraceSegment>)> = BTreeMap::new();
        let mut addrs = top(&*query)?;
        addrs.extend(own_hits.iter().map(|&a| (0.0, a)));
        for (_, addr) in addrs {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
            let get = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
            };
            let entry = by_doc
                .entry(get(self.fields.doc_id).to_string())
                .or_default();
            entry.0 |= own_hits.contains(&addr);
            let is_segment = doc.get_first(self.fields.segment_id).is_some();
            let id = get(self.fields.segment_id).to_string();
            if is_segment && !entry.1.iter().any(|s| s.segment_id == id) {
                let hit = self.hit(&doc, 0.0, &generators);
                entry.1.push(TraceSegment {
                    segment_id: hit.segment_id,
                    kind: hit.kind,
                    paragraph: hit.paragraph,
                    page: hit.page,
                    snippet: hit.snippet,
                });
            }
        }
        let mut documents = Vec::new();
        for (doc_id, (own_hit, mut segments)) in by_doc {
            let Some(addr) = self.document_record(&searcher, &doc_id)? else {
                continue;
            };
            let doc = self.stored_document(&searcher, addr)?;
            segments.sort_by_key(|s| segment_order(&s.segment_id));
            let own = own_hit
                || match &target {
                    Target::Case { key } => owns_case(&doc, key),
                    Target::Decision(_) => false,
                };
            documents.push(TraceDocument {
                doc_id,
                source: doc.source,
                title: doc.title,
                body: doc.body,
                date: doc.date,
                relation: if own { Relation::Own } else { Relation::Cites },
                segments,
            });
        }
        documents.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.source).cmp(&(b.date.is_none(), &b.date, &b.source))
        });
        Ok(Trace {
            reference: reference.to_string(),
            documents,
        })
    }

    /// The query for every mention, and for a decision the query for the minutes of it.
    fn trace_queries(&self, target: &Target) -> Result<TraceQueries> {
        let f = &self.fields;
        match target {
            Target::Case { key } => {
                // The indexed case numbers, and the number in the text for documents whose
                // segmenter missed it.
                let query = BooleanQuery::new(vec![
                    (Occur::Should, self.keyword(f.dnr_key, key)),
                    (Occur::Should, self.phrase(f.text, key)?),
                    (Occur::Should, self.phrase(f.title, key)?),
                    (Occur::Should, self.phrase(f.item_title, key)?),
                ]);
                Ok((Box::new(query), None))
            }
            Target::Decision(r) => {
                let date = r
                    .date
                    .as_deref()
                    .ok_or_else(|| Error::Usage(format!("{:?}: no meeting date", r.text)))?;
                let mut mentions: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                if let Some(key) = decision_key(Some(date), r.paragraph.as_deref()) {
                    mentions.push((Occur::Should, self.keyword(f.decision_ref, &key)));
                }
                for phrase in date_phrases(date, r.paragraph.as_deref()) {
                    mentions.push((Occur::Should, self.phrase(f.text, &phrase)?));
                }
                let mut own: Vec<(Occur, Box<dyn Query>)> = vec![
                    (Occur::Must, self.keyword(f.record, RECORD_SEGMENT)),
                    (Occur::Must, self.date_query(date)?),
                ];
                if !r.body.trim().is_empty() {
                    own.push((Occur::Must, self.phrase(f.body, &r.body)?));
                }
                if let Some(p) = &r.paragraph {
                    own.push((Occur::Must, self.keyword(f.paragraph, p)));
                }
                Ok((
                    Box::new(BooleanQuery::new(mentions)),
                    Some(Box::new(BooleanQuery::new(own))),
                ))
            }
        }
    }

    fn date_query(&self, date: &str) -> Result<Box<dyn Query>> {
        let d = super::writer::parse_date(date)
            .ok_or_else(|| Error::Usage(format!("{date:?}: expected YYYY-MM-DD")))?;
        Ok(Box::new(tantivy::query::TermQuery::new(
            tantivy::Term::from_field_date_for_search(
                self.fields.date,
                super::writer::to_datetime(d),
            ),
            tantivy::schema::IndexRecordOption::Basic,
        )))
    }
}

/// Whether a case is the document's own: its first case number or one of its items'.
fn owns_case(doc: &Document, key: &str) -> bool {
    doc.dnr.first().is_some_and(|d| dnr_key(d) == key)
        || doc
            .items
            .iter()
            .filter_map(|i| i.dnr.as_deref())
            .any(|d| dnr_key(d) == key)
}

/// Item and segment index of a segment id, for document order.
fn segment_order(id: &str) -> (usize, usize) {
    let mut parts = id.rsplit('-').map(|p| p.parse().unwrap_or(usize::MAX));
    let segment = parts.next().unwrap_or(usize::MAX);
    let item = parts.next().unwrap_or(usize::MAX);
    (item, segment)
}

/// How a meeting date (and §) is written in running text: "16 maj 2016 § 21" and
/// "2016-05-16 § 21" (punctuation is not indexed).
fn date_phrases(iso: &str, paragraph: Option<&str>) -> Vec<String> {
    let Some(d) = super::writer::parse_date(iso) else {
        return Vec::new();
    };
    let para = paragraph.map(|p| format!(" {p}")).unwrap_or_default();
    let month = MONTHS[usize::from(u8::from(d.month())) - 1];
    vec![
        format!("{} {month} {}{para}", d.day(), d.year()),
        format!("{iso}{para}"),
    ]
}

/// A decision reference written the plain way ("kommunfullmäktige … den 16 maj 2016, § 21",
/// "Kommunstyrelsen 2019-04-10 § 23"): the body is the words before the date, the date is
/// ISO or "day month year". Used when the segmenter's parser finds none.
fn parse_decision_ref(text: &str) -> Option<DecisionRef> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '…')
        .filter(|w| !w.is_empty())
        .collect();
    let (date, at) = words.iter().enumerate().find_map(|(i, w)| {
        if let Some(d) = super::writer::parse_date(w) {
            return Some((d, i));
        }
        let month = MONTHS.iter().position(|m| w.eq_ignore_ascii_case(m))?;
        let day: u8 = words
            .get(i.checked_sub(1)?)?
            .trim_end_matches('.')
            .parse()
            .ok()?;
        let year: i32 = words.get(i + 1)?.parse().ok()?;
        let month = tantivy::time::Month::try_from(month as u8 + 1).ok()?;
        let d = tantivy::time::Date::from_calendar_date(year, month, day).ok()?;
        Some((d, i - 1))
    })?;
    let paragraph = text.split_once('§').and_then(|(_, rest)| {
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        (!digits.is_empty()).then_some(digits)
    });
    let body = words[..at]
        .iter()
        .take_while(|w| w.chars().all(char::is_alphabetic) || w.contains('-'))
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "den" | "beslutade" | "beslöt" | "beslut"
            )
        })
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    Some(DecisionRef {
        body,
        date: Some(date.to_string()),
        paragraph,
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_plain_decision_reference() {
        let r = parse_decision_ref("kommunfullmäktige … den 16 maj 2016, § 21").unwrap();
        assert_eq!(r.body, "kommunfullmäktige");
        assert_eq!(r.date.as_deref(), Some("2016-05-16"));
        assert_eq!(r.paragraph.as_deref(), Some("21"));
        let r = parse_decision_ref("Kommunstyrelsen 2019-04-10 § 23").unwrap();
        assert_eq!(r.body, "kommunstyrelsen");
        assert_eq!(r.date.as_deref(), Some("2019-04-10"));
        assert!(parse_decision_ref("KS 155-943/2015").is_none());
    }

    #[test]
    fn writes_dates_as_running_text_does() {
        assert_eq!(
            date_phrases("2016-05-16", Some("21")),
            vec!["16 maj 2016 21", "2016-05-16 21"]
        );
    }
}
