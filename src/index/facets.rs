//! Facet counts for a search: how many matching segments carry each kind, party, body and
//! year.
//!
//! A faceted search over half a million hits reads four values per hit, so the per-hit read
//! is what counts. Kind, year and the common parties are packed into one `u64` fast field
//! ([`facet_code`]) that every tantivy document carries, so its column is dense and a read is
//! one bit-unpacking; the body facet is likewise on every document. Only a segment naming a
//! party outside the common ones needs the (multi-valued, slower) party facet column.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, ColumnIndex, StrColumn};
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::model::{Kind, Segment};

/// Name of the packed `u64` fast field.
pub(crate) const FACET_CODE: &str = "facet_code";
/// Name of the body facet field (one value on every document).
pub(crate) const BODY_FACET: &str = "body_facet";
/// Name of the party facet field (every party a segment names).
pub(crate) const PARTY_FACET: &str = "party_facet";

/// The parties with a bit of their own in [`facet_code`]: the parliamentary parties, which
/// nearly every party-tagged segment names.
const COMMON_PARTIES: [&str; 8] = ["S", "M", "L", "C", "KD", "V", "MP", "SD"];

const KIND_BITS: u32 = 4;
const YEAR_BITS: u32 = 12;
const PARTY_SHIFT: u32 = KIND_BITS + YEAR_BITS;
/// Set when a segment names a party outside [`COMMON_PARTIES`].
const LOCAL_PARTY: u64 = 1 << (PARTY_SHIFT + COMMON_PARTIES.len() as u32);

/// The packed facet value of a segment: kind (its position in [`Kind::ALL`] plus one), year
/// (0 for none) and one bit per common party, plus a flag for other parties.
pub(crate) fn facet_code(segment: &Segment, year: Option<i32>) -> u64 {
    let kind = Kind::ALL
        .iter()
        .position(|&k| k == segment.kind)
        .map_or(0, |i| i as u64 + 1);
    let year = year
        .filter(|y| (1..1 << YEAR_BITS).contains(y))
        .map_or(0, |y| y as u64);
    let parties = segment.parties.iter().fold(0, |code, party| {
        match COMMON_PARTIES.iter().position(|p| p == party) {
            Some(i) => code | 1 << (PARTY_SHIFT + i as u32),
            None => code | LOCAL_PARTY,
        }
    });
    kind | year << KIND_BITS | parties
}

/// Counts by value, for each of kind, party, body and year.
#[derive(Debug, Default)]
pub(super) struct FacetCounts {
    pub kind: BTreeMap<String, u64>,
    pub party: BTreeMap<String, u64>,
    pub body: BTreeMap<String, u64>,
    pub year: BTreeMap<String, u64>,
}

impl FacetCounts {
    fn merge(&mut self, other: FacetCounts) {
        for (mine, theirs) in [
            (&mut self.kind, other.kind),
            (&mut self.party, other.party),
            (&mut self.body, other.body),
            (&mut self.year, other.year),
        ] {
            for (value, n) in theirs {
                *mine.entry(value).or_insert(0) += n;
            }
        }
    }
}

/// The collector of [`FacetCounts`].
pub(super) struct Facets;

/// One segment's counts, by code part and by facet ordinal.
pub(super) struct SegmentFacets {
    code: Column<u64>,
    body: Option<StrColumn>,
    party: Option<StrColumn>,
    kinds: [u64; Kind::ALL.len() + 1],
    years: Vec<u64>,
    parties: [u64; COMMON_PARTIES.len()],
    local_parties: Vec<u64>,
    bodies: Vec<u64>,
}

impl Collector for Facets {
    type Fruit = FacetCounts;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        // A tantivy segment where no document names a party has no party column.
        let body = segment.fast_fields().str(BODY_FACET)?;
        let party = segment.fast_fields().str(PARTY_FACET)?;
        let terms = |column: &Option<StrColumn>| column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentFacets {
            code: segment.fast_fields().u64(FACET_CODE)?,
            bodies: vec![0; terms(&body)],
            local_parties: vec![0; terms(&party)],
            body,
            party,
            kinds: [0; Kind::ALL.len() + 1],
            years: vec![0; 1 << YEAR_BITS],
            parties: [0; COMMON_PARTIES.len()],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts::default();
        for fruit in fruits {
            total.merge(fruit);
        }
        Ok(total)
    }
}

/// The first value of a column at `doc`; a dense column is read directly.
fn first(column: &Column<u64>, doc: DocId) -> Option<u64> {
    match column.index {
        ColumnIndex::Full => Some(column.values.get_val(doc)),
        _ => column.first(doc),
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let code = first(&self.code, doc).unwrap_or(0);
        self.kinds[(code & ((1 << KIND_BITS) - 1)) as usize % self.kinds.len()] += 1;
        self.years[((code >> KIND_BITS) & ((1 << YEAR_BITS) - 1)) as usize] += 1;
        let mut bits = (code >> PARTY_SHIFT) & ((1 << COMMON_PARTIES.len()) - 1);
        while bits != 0 {
            self.parties[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
        if let Some(party) = self.party.as_ref().filter(|_| code & LOCAL_PARTY != 0) {
            // A segment naming a value twice counts once (a document's ordinals are sorted).
            let mut previous = None;
            for ord in party.ords().values_for_doc(doc) {
                if previous != Some(ord) {
                    if let Some(n) = self.local_parties.get_mut(ord as usize) {
                        *n += 1;
                    }
                }
                previous = Some(ord);
            }
        }
        if let Some(ord) = self.body.as_ref().and_then(|b| first(b.ords(), doc)) {
            if let Some(n) = self.bodies.get_mut(ord as usize) {
                *n += 1;
            }
        }
    }

    fn harvest(self) -> FacetCounts {
        let kind = Kind::ALL
            .iter()
            .zip(&self.kinds[1..])
            .filter(|(_, &n)| n > 0)
            .map(|(k, &n)| (k.as_str().to_string(), n))
            .collect();
        let year = self
            .years
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, &n)| n > 0)
            .map(|(y, &n)| (y.to_string(), n))
            .collect();
        let mut party: BTreeMap<String, u64> = COMMON_PARTIES
            .iter()
            .zip(self.parties)
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| (p.to_string(), n))
            .collect();
        // Common parties are counted from the code; the facet column also holds them.
        for (value, n) in resolve(&self.party, &self.local_parties) {
            if !COMMON_PARTIES.contains(&value.as_str()) {
                *party.entry(value).or_insert(0) += n;
            }
        }
        FacetCounts {
            kind,
            party,
            body: resolve(&self.body, &self.bodies),
            year,
        }
    }
}

/// Facet values of the counted ordinals, resolved in one sorted pass over the dictionary
/// (one lookup per ordinal would decompress a dictionary block each). The root facet, which
/// stands for "none", is left out.
fn resolve(column: &Option<StrColumn>, counts: &[u64]) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    let Some(column) = column else { return out };
    let ords: Vec<u64> = (0..counts.len() as u64)
        .filter(|&ord| counts[ord as usize] > 0)
        .collect();
    let mut counted = ords.iter();
    // An unreadable dictionary leaves the facet empty rather than failing the search.
    let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        let Some(&ord) = counted.next() else { return };
        if let Ok(facet) = Facet::from_encoded(bytes.to_vec()) {
            if let Some(value) = facet.to_path().last() {
                *out.entry(value.to_string()).or_insert(0) += counts[ord as usize];
            }
        }
    });
    out
}
