//! Word context: how much more (or less) likely a word is after the word before it and before
//! the word after it than on its own, by Witten–Bell smoothed bigrams of Swedish text
//! (`tools/lexicon/bigrams.py`, compiled to an fst by `build.rs`). It decides real-word
//! ambiguities such as `ar` → är/år, which the lexicon and the channel alone cannot.

use std::sync::OnceLock;

use fst::Map;

use super::lexicon;

/// The compiled bigram counts.
static BIGRAMS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bigrams.fst"));

/// The most a neighbour may move a word's log-probability either way: the counts come from help
/// texts and a few documents, so no single pair should outvote the lexicon and the channel.
const MAX_GAIN: f64 = 4.0;
/// The most context can change a repair's score: each of the token and its reading gains or
/// loses at most [`MAX_GAIN`] from each side.
pub const MAX_SWING: f64 = 4.0 * MAX_GAIN;

/// Marks the start of a sentence, as the counts do.
pub const START: &str = "<s>";
/// Marks the end of a sentence, as the counts do.
pub const END: &str = "</s>";
/// Stands for any number but a year, as the counts do.
pub const NUMBER: &str = "<num>";
/// Stands for a year (1800–2099), as the counts do: "år 2019" and "är 2" are told apart.
pub const YEAR: &str = "<year>";

/// The bigram model.
#[derive(Debug)]
pub struct Context {
    map: Map<Vec<u8>>,
    tokens: f64,
}

impl Context {
    /// The embedded model, loaded once per process.
    pub fn shared() -> &'static Context {
        static CONTEXT: OnceLock<Context> = OnceLock::new();
        CONTEXT.get_or_init(|| {
            let map = lexicon::open(BIGRAMS_FST);
            let tokens = map.get("").map_or(1.0, |n| n as f64).max(1.0);
            Context { map, tokens }
        })
    }

    fn count(&self, key: &str) -> f64 {
        self.map.get(key).map_or(0.0, |n| n as f64)
    }

    /// ln P(word | prev) − ln P(word): what the word before says about `word`, clamped.
    pub fn gain(&self, prev: &str, word: &str) -> f64 {
        self.gain_beside(prev, &format!("{prev}\t"), word, &format!("{prev} {word}"))
    }

    /// ln P(word | next) − ln P(word): what the word after says about `word`, clamped.
    ///
    /// Smoothed on the side of `next`, which is the same for every reading of a token: smoothed
    /// on the reading's side, a reading the counts never saw (`dör`) would back off to an even
    /// gain while a common one (`där`) paid Witten–Bell's discount for every pair the counts
    /// happen to lack.
    pub fn gain_before(&self, word: &str, next: &str) -> f64 {
        self.gain_beside(next, &format!("\t{next}"), word, &format!("{word} {next}"))
    }

    /// Witten–Bell: `anchor` is the neighbour, `kinds_key` the key of how many distinct words it
    /// was seen beside, `pair_key` the key of the pair.
    fn gain_beside(&self, anchor: &str, kinds_key: &str, word: &str, pair_key: &str) -> f64 {
        let seen = self.count(anchor);
        let kinds = self.count(kinds_key);
        if seen + kinds == 0.0 {
            return 0.0; // nothing known about the neighbour
        }
        let unigram = (self.count(word) + 0.5) / self.tokens;
        let pair = self.count(pair_key);
        ((pair / unigram + kinds) / (seen + kinds))
            .ln()
            .clamp(-MAX_GAIN, MAX_GAIN)
    }
}

/// The context form of a token: lower case without surrounding punctuation, a year as [`YEAR`],
/// another number as [`NUMBER`].
pub fn normal(token: &str) -> String {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if is_year(core) {
        YEAR.to_string()
    } else if core.starts_with(|c: char| c.is_ascii_digit()) {
        NUMBER.to_string()
    } else {
        core.to_lowercase()
    }
}

/// Whether `word` is a year of the modern record, 1800–2099.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("18") || word.starts_with("19") || word.starts_with("20"))
}
