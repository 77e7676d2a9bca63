//! Facet counts for a search: how many matching segments carry each value of a one-level
//! facet field.
//!
//! tantivy's `FacetCollector` turns every counted ordinal back into its value with a separate
//! dictionary lookup, each decompressing a dictionary block; with a body facet of hundreds of
//! values that fixed cost dominated faceted searches. Here each segment's counted ordinals are
//! resolved in one sorted pass over the dictionary.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts by value of one facet field (values are one-level facets such as `/reservation`).
pub(super) struct FacetCount {
    field: String,
}

impl FacetCount {
    /// Counts for the facet field named `field`.
    pub(super) fn new(field: &str) -> FacetCount {
        FacetCount {
            field: field.to_string(),
        }
    }
}

/// One segment's counts, by facet ordinal.
pub(super) struct SegmentFacetCount {
    reader: FacetReader,
    counts: Vec<u64>,
}

impl Collector for FacetCount {
    type Fruit = BTreeMap<String, u64>;
    type Child = SegmentFacetCount;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCount> {
        let reader = segment.facet_reader(&self.field)?;
        let counts = vec![0; reader.num_facets()];
        Ok(SegmentFacetCount { reader, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut total = BTreeMap::new();
        for (value, n) in fruits.into_iter().flatten() {
            *total.entry(value).or_insert(0) += n;
        }
        Ok(total)
    }
}

impl SegmentCollector for SegmentFacetCount {
    type Fruit = BTreeMap<String, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        // A segment naming a value twice counts once (a document's ordinals are sorted).
        let mut previous = None;
        for ord in self.reader.facet_ords(doc) {
            if previous != Some(ord) {
                if let Some(n) = self.counts.get_mut(ord as usize) {
                    *n += 1;
                }
            }
            previous = Some(ord);
        }
    }

    fn harvest(self) -> Self::Fruit {
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .collect();
        let mut out = BTreeMap::new();
        let mut counted = ords.iter();
        // An unreadable dictionary leaves the facet empty rather than failing the search.
        let _ = self
            .reader
            .facet_dict()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                let Some(&ord) = counted.next() else { return };
                if let Ok(facet) = Facet::from_encoded(bytes.to_vec()) {
                    let value = facet
                        .to_path()
                        .last()
                        .copied()
                        .unwrap_or_default()
                        .to_string();
                    *out.entry(value).or_insert(0) += self.counts[ord as usize];
                }
            });
        out
    }
}
