//! The Swedish lexicon: word → frequency class, as an fst map built once from the embedded list.

use std::sync::OnceLock;

use fst::raw::{Fst, Node, Output};
use fst::Map;

/// wordfreq's Swedish list (plus hunspell-sv stems), made by `tools/lexicon/build.py`.
const LEXICON_TSV: &str = include_str!("data/lexicon.tsv");

/// Natural-log cost of one frequency class: class `c` means a frequency of 10^(-c/100).
pub const COST_PER_CLASS: f64 = std::f64::consts::LN_10 / 100.0;

/// The lexicon, shared by every repairer in the process.
pub fn shared() -> &'static Map<Vec<u8>> {
    static LEXICON: OnceLock<Map<Vec<u8>>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        // The list is sorted by code point, which is UTF-8 byte order, as the fst builder needs.
        let entries = LEXICON_TSV.lines().filter_map(|line| {
            let (word, class) = line.split_once('\t')?;
            Some((word, class.parse::<u64>().ok()?))
        });
        Map::from_iter(entries).unwrap_or_default()
    })
}

/// Walks `bytes` from `node`, returning the node reached and the output gathered on the way.
pub fn walk<'f>(
    fst: &'f Fst<Vec<u8>>,
    mut node: Node<'f>,
    bytes: &[u8],
) -> Option<(Node<'f>, u64)> {
    let mut out = Output::zero();
    for &b in bytes {
        let t = node.transition(node.find_input(b)?);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out.value()))
}
