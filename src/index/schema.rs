//! The tantivy schema: one tantivy document per segment, plus one `document` record per file
//! that carries the whole [`Document`] as JSON and the file's content hash.
//!
//! Segment documents repeat their document's metadata so a hit needs no second lookup, and
//! every filter is a term on an indexed field (never a scan of stored values).

use super::facets::{BODY_FACET, FACET_CODE, PARTY_FACET};
use super::pairs::PairFilter;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer,
};

/// Analyzer of the exact text fields: lower case and Swedish stems, å/ä/ö kept.
pub(crate) const SWEDISH: &str = "sv_stem";
/// Analyzer of the folded fields: as [`SWEDISH`] with diacritics folded (`nämnd` → `namnd`).
pub(crate) const FOLDED: &str = "sv_fold";
/// Analyzer of the pair fields of the exact fields: [`SWEDISH`]'s words in adjacent pairs.
pub(crate) const SWEDISH_PAIRS: &str = "sv_stem_pairs";
/// Analyzer of the pair field of the folded field: [`FOLDED`]'s words in adjacent pairs.
pub(crate) const FOLDED_PAIRS: &str = "sv_fold_pairs";
/// Analyzer of the raw, unrepaired text: lower case only, so OCR residue stays findable as is.
pub(crate) const PLAIN: &str = "plain_lower";
/// Analyzer of keyword fields (party, kind, case numbers): the whole value, lower case.
pub(crate) const KEYWORD: &str = "keyword_lower";

/// Value of [`Fields::record`] on segment documents.
pub(crate) const RECORD_SEGMENT: &str = "segment";
/// Value of [`Fields::record`] on the one record per file.
pub(crate) const RECORD_DOCUMENT: &str = "document";

/// Handles of every field of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `segment` or `document`.
    pub record: Field,
    pub segment_id: Field,
    pub doc_id: Field,
    /// The file path as given; the key for replacing and pruning a file's documents.
    pub source: Field,
    /// BLAKE3 of the file's bytes (document records), committed with the documents. It and
    /// `source` are fast fields so an ingest reads them without touching the doc store.
    pub hash: Field,
    /// The whole [`crate::model::Document`] as JSON (document records).
    pub json: Field,
    pub title: Field,
    pub item_title: Field,
    pub heading: Field,
    pub text: Field,
    /// Title, item title, heading and text with diacritics folded.
    pub folded: Field,
    /// The unrepaired text.
    pub raw: Field,
    pub body: Field,
    pub doc_type: Field,
    pub paragraph: Field,
    pub kind: Field,
    pub party: Field,
    pub person: Field,
    pub date: Field,
    pub year: Field,
    /// The document's case numbers, stored for hits.
    pub doc_dnr: Field,
    /// Case numbers of the segment and its item, normalised (document records: the document's).
    pub dnr: Field,
    /// [`crate::segment::dnr_key`] of each of `dnr`.
    pub dnr_key: Field,
    /// Decision references as `date|paragraph` keys.
    pub decision_ref: Field,
    pub page_start: Field,
    pub page_end: Field,
    /// Every party the segment names (see [`super::facets`]).
    pub party_facet: Field,
    pub person_facet: Field,
    /// The document's body; on every tantivy document, the root facet where there is none.
    pub body_facet: Field,
    pub doc_type_facet: Field,
    /// Kind, year and common parties packed in one dense fast field ([`super::facets`]).
    pub facet_code: Field,
    /// Adjacent word pairs of `title`, `item_title`, `heading`, `text` and `folded`, in that
    /// order (see [`super::pairs`]).
    pub pairs: [Field; 5],
}

fn text(analyzer: &str, positions: bool, stored: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::Basic
    };
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    );
    if stored {
        opts.set_stored()
    } else {
        opts
    }
}

/// A pair field: terms with their counts (a two-word phrase's frequency) and positions (to
/// chain pairs into longer phrases); no lengths (scores use the source field's).
fn pairs(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions)
            .set_fieldnorms(false),
    )
}

impl Fields {
    /// The pair field of a phrase-searchable field.
    pub(crate) fn pair_field(&self, source: Field) -> Option<Field> {
        [
            self.title,
            self.item_title,
            self.heading,
            self.text,
            self.folded,
        ]
        .iter()
        .position(|&f| f == source)
        .map(|i| self.pairs[i])
    }

    /// The schema and its field handles.
    pub(crate) fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let keyword = |stored| text(KEYWORD, false, stored);
        let facet = FacetOptions::default();
        let fields = Fields {
            record: b.add_text_field("record", keyword(false)),
            segment_id: b.add_text_field("segment_id", keyword(true)),
            doc_id: b.add_text_field("doc_id", keyword(true)),
            source: b.add_text_field("source", text("raw", false, true).set_fast("raw")),
            hash: b.add_text_field("hash", STORED | FAST),
            json: b.add_text_field("json", STORED),
            title: b.add_text_field("title", text(SWEDISH, true, true)),
            item_title: b.add_text_field("item_title", text(SWEDISH, true, true)),
            heading: b.add_text_field("heading", text(SWEDISH, true, true)),
            text: b.add_text_field("text", text(SWEDISH, true, true)),
            folded: b.add_text_field("folded", text(FOLDED, true, false)),
            raw: b.add_text_field("raw", text(PLAIN, true, false)),
            body: b.add_text_field("body", text(FOLDED, true, true)),
            doc_type: b.add_text_field("doc_type", keyword(true)),
            paragraph: b.add_text_field("paragraph", keyword(true)),
            kind: b.add_text_field("kind", keyword(true)),
            party: b.add_text_field("party", keyword(true)),
            person: b.add_text_field("person", text(FOLDED, true, true)),
            date: b.add_date_field(
                "date",
                DateOptions::from(INDEXED | STORED | FAST)
                    .set_precision(DateTimePrecision::Seconds),
            ),
            year: b.add_u64_field("year", NumericOptions::from(INDEXED | FAST)),
            doc_dnr: b.add_text_field("doc_dnr", STORED),
            dnr: b.add_text_field("dnr", keyword(true)),
            dnr_key: b.add_text_field("dnr_key", keyword(false)),
            decision_ref: b.add_text_field("decision_ref", keyword(false)),
            page_start: b.add_u64_field("page_start", STORED),
            page_end: b.add_u64_field("page_end", STORED),
            party_facet: b.add_facet_field(PARTY_FACET, facet.clone()),
            person_facet: b.add_facet_field("person_facet", facet.clone()),
            body_facet: b.add_facet_field(BODY_FACET, facet.clone()),
            doc_type_facet: b.add_facet_field("doc_type_facet", facet),
            facet_code: b.add_u64_field(FACET_CODE, FAST),
            pairs: ["title", "item_title", "heading", "text", "folded"].map(|source| {
                let analyzer = if source == "folded" {
                    FOLDED_PAIRS
                } else {
                    SWEDISH_PAIRS
                };
                b.add_text_field(&format!("{source}_pairs"), pairs(analyzer))
            }),
        };
        (b.build(), fields)
    }
}

/// Lower-cased Swedish stems, with diacritics folded if `fold`, in adjacent pairs if `pairs`.
fn swedish(fold: bool, pairs: bool) -> TextAnalyzer {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .dynamic();
    if fold {
        analyzer = analyzer.filter_dynamic(AsciiFoldingFilter);
    }
    analyzer = analyzer.filter_dynamic(Stemmer::new(Language::Swedish));
    if pairs {
        analyzer = analyzer.filter_dynamic(PairFilter);
    }
    analyzer.build()
}

/// Registers diarium's analyzers on an index (they are not persisted by tantivy).
pub(crate) fn register_analyzers(index: &tantivy::Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(SWEDISH, swedish(false, false));
    tokenizers.register(FOLDED, swedish(true, false));
    tokenizers.register(SWEDISH_PAIRS, swedish(false, true));
    tokenizers.register(FOLDED_PAIRS, swedish(true, true));
    tokenizers.register(
        PLAIN,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .build(),
    );
    tokenizers.register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}
