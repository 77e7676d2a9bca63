//! Word context: how much more (or less) likely a word is after the word before it and before
//! the word after it than on its own, by Witten–Bell smoothed bigrams of Swedish text
//! (`tools/lexicon/bigrams.py`, compiled to an fst by `build.rs`). It decides real-word
//! ambiguities such as `ar` → är/år, which the lexicon and the channel alone cannot. A pair the
//! counts never saw backs off, in part, to the pairs of the neighbour's like: the words that take
//! the same words beside them (`tools/lexicon/similar.py`): `bör placeras` is read in part from
//! `ska placeras`, as bör and ska take the same words after them.

use std::cell::RefCell;
use std::sync::OnceLock;

use fst::Streamer;
use rustc_hash::FxHashMap;

use super::lexicon;

/// The compiled bigram counts.
static BIGRAMS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bigrams.fst"));

/// The words alike in their neighbours (`tools/lexicon/similar.py`).
static SIMILAR_TSV: &str = include_str!("data/similar.tsv");

/// The most a neighbour may move a word's log-probability either way: the counts come from help
/// texts and a few documents, so no single pair should outvote the lexicon and the channel.
const MAX_GAIN: f64 = 4.0;
/// The most context can move one word's log-probability either way: [`MAX_GAIN`] from each side.
pub const MAX_WORD_GAIN: f64 = 2.0 * MAX_GAIN;
/// The most context can change a repair's score: each of the token and its reading gains or
/// loses at most [`MAX_WORD_GAIN`].
pub const MAX_SWING: f64 = 2.0 * MAX_WORD_GAIN;

/// The most a pair the counts never saw may lower a word's log-probability. Witten–Bell reads a
/// neighbour seen beside few kinds of word as one that takes no other (väg is followed by 21
/// kinds in 431 sightings, so `väg där` would be 20 times less likely than där alone), but a
/// few million words of help texts and minutes leave most pairs of common words unseen: the
/// absence of `väg där` says little, and should not outvote the channel's ä for a.
const MAX_UNSEEN_LOSS: f64 = 1.0;

/// How much of an unseen pair's back-off the neighbour's like decide, the rest P(word).
const LIKE_WEIGHT: f64 = 0.5;

/// Marks the start of a sentence, as the counts do.
pub const START: &str = "<s>";
/// Marks the end of a sentence, as the counts do.
pub const END: &str = "</s>";
/// Stands for a capitalised word inside a sentence, as the counts do.
pub const NAME: &str = "<name>";
/// Stands for any number but a year, as the counts do.
pub const NUMBER: &str = "<num>";
/// Stands for a year (1800–2099), as the counts do: "år 2019" and "är 2" are told apart.
pub const YEAR: &str = "<year>";

/// The bigram model.
#[derive(Debug)]
pub struct Context {
    /// Every count of the compiled fst, read out once: a token the context is asked about takes
    /// a dozen lookups, and hashing a short key costs far less than walking the fst for it.
    counts: FxHashMap<&'static str, f64>,
    tokens: f64,
    /// The words alike in the words after them (keyed `>word`) or before them (`<word`), each
    /// with its share of the likeness over its count: a pair's count times it is that like's
    /// say in P(word | like).
    like: FxHashMap<&'static str, Vec<(&'static str, f64)>>,
}

impl Context {
    /// The embedded model, loaded once per process.
    pub fn shared() -> &'static Context {
        static CONTEXT: OnceLock<Context> = OnceLock::new();
        CONTEXT.get_or_init(|| {
            let map = lexicon::open(BIGRAMS_FST);
            // The keys are laid end to end in one string that lives as long as the process (as
            // the model does), rather than allocated one by one.
            let mut keys = String::new();
            let mut ends = Vec::with_capacity(map.len());
            let mut stream = map.stream();
            while let Some((key, n)) = stream.next() {
                // A key that is not UTF-8 could never be asked for.
                if let Ok(key) = std::str::from_utf8(key) {
                    keys.push_str(key);
                    ends.push((keys.len(), n as f64));
                }
            }
            let keys: &'static str = Box::leak(keys.into_boxed_str());
            let mut counts = FxHashMap::default();
            counts.reserve(ends.len());
            let mut start = 0;
            for (end, n) in ends {
                counts.insert(&keys[start..end], n);
                start = end;
            }
            let tokens = counts.get("").map_or(1.0, |&n: &f64| n).max(1.0);
            let like = read_like(SIMILAR_TSV, |w| counts.get(w).copied().unwrap_or(0.0));
            Context {
                counts,
                tokens,
                like,
            }
        })
    }

    fn count(&self, key: &str) -> f64 {
        self.counts.get(key).copied().unwrap_or(0.0)
    }

    /// Log-odds that the municipal documents set an en dash rather than `dash` where a dash joins
    /// `kind` (see [`tokens::dashes`]), add-one smoothed.
    ///
    /// [`tokens::dashes`]: super::tokens::dashes
    pub fn dash_odds(&self, kind: &str, dash: char) -> f64 {
        let count = |d: char| self.count(&format!("#dash {kind} {d}")) + 1.0;
        (count('–') / count(dash)).ln()
    }

    /// Log-odds that a group of thousands the municipal documents write is `group` with a zero
    /// for its first digit rather than `group` itself (`000` rather than `900`), add-one
    /// smoothed.
    pub fn zero_group_odds(&self, group: &str) -> f64 {
        let count = |g: &str| self.count(&format!("#group {g}")) + 1.0;
        let rest = group.get(1..).unwrap_or_default();
        (count(&format!("0{rest}")) / count(group)).ln()
    }

    /// Odds that a sentence, heading or table cell ends after `word` (a context form), as the
    /// counts show; a word they never saw ends one as often as words do on average.
    pub fn end_odds(&self, word: &str) -> f64 {
        let seen = self.count(word);
        let p = if seen > 0.0 {
            self.count(&format!("{word} {END}")) / seen
        } else {
            self.count(END) / self.tokens
        };
        p / (1.0 - p).max(f64::MIN_POSITIVE)
    }

    /// What `prev` (the word before a token) and `next` (the word after) say of its readings.
    pub fn around<'a>(&'a self, prev: &'a str, next: &'a str) -> Around<'a> {
        // One key buffer serves every lookup of the token's readings.
        let mut key = String::with_capacity(2 * (prev.len() + next.len()) + 8);
        let mut side = |word: &'a str, joined: [&str; 2], mark: &str| {
            key.clear();
            key.extend(joined);
            let kinds = self.count(&key);
            key.clear();
            key.extend([mark, word]);
            Side {
                word,
                seen: self.count(word),
                kinds,
                like: self.like.get(key.as_str()).map_or(&[], Vec::as_slice),
            }
        };
        Around {
            ctx: self,
            prev: side(prev, [prev, "\t"], ">"),
            next: side(next, ["\t", next], "<"),
            key: RefCell::new(key),
        }
    }
}

/// The neighbours of one token, their counts looked up once for all its readings.
///
/// Each side is smoothed on the neighbour's side, which is the same for every reading: smoothed
/// on the reading's side, a reading the counts never saw (`dör`) would back off to an even gain
/// while a common one (`där`) paid Witten–Bell's discount for every pair the counts happen to
/// lack.
#[derive(Debug)]
pub struct Around<'c> {
    ctx: &'c Context,
    prev: Side<'c>,
    next: Side<'c>,
    key: RefCell<String>,
}

/// One neighbour: how often it was seen, beside how many distinct words on this side, and the
/// words alike in their neighbours on that side.
#[derive(Debug)]
struct Side<'w> {
    word: &'w str,
    seen: f64,
    kinds: f64,
    like: &'w [(&'static str, f64)],
}

impl Side<'_> {
    /// Witten–Bell: ln P(word | this neighbour) − ln P(word), clamped (at −[`MAX_UNSEEN_LOSS`]
    /// for a pair the counts never saw); `pair` is the count of the two side by side, and `alike`
    /// what the back-off says beyond P(word): P(word | the neighbour's like) / P(word) for an
    /// unseen pair, 1 for a seen one or a neighbour without like.
    fn gain(&self, unigram: f64, pair: f64, alike: f64) -> f64 {
        if self.seen + self.kinds == 0.0 {
            return 0.0; // nothing known about the neighbour
        }
        let low = if pair == 0.0 {
            MAX_UNSEEN_LOSS
        } else {
            MAX_GAIN
        };
        ((pair / unigram + self.kinds * alike) / (self.seen + self.kinds))
            .ln()
            .clamp(-low, MAX_GAIN)
    }
}

impl Around<'_> {
    /// ln P(word | neighbours) − ln P(word), as the sum of what each side says.
    pub fn gain(&self, word: &str) -> f64 {
        let unigram = (self.ctx.count(word) + 0.5) / self.ctx.tokens;
        let mut key = self.key.borrow_mut();
        let mut pair = |a: &str, b: &str| {
            key.clear();
            key.extend([a, " ", b]);
            self.ctx.count(&key)
        };
        let (before, after) = (pair(self.prev.word, word), pair(word, self.next.word));
        // P(word | a like of the neighbour), weighed by likeness, mixed with P(word) so that a
        // word the like never meet keeps some chance. A pair the counts saw speaks for itself,
        // and asking the like only of unseen ones spares most lookups.
        let mut alike = |like: &[(&str, f64)], like_first: bool| {
            let sum: f64 = like
                .iter()
                .map(|&(other, weight)| {
                    weight
                        * if like_first {
                            pair(other, word)
                        } else {
                            pair(word, other)
                        }
                })
                .sum();
            LIKE_WEIGHT * sum / unigram + (1.0 - LIKE_WEIGHT)
        };
        let (like_before, like_after) = (
            if self.prev.like.is_empty() || before > 0.0 {
                1.0
            } else {
                alike(self.prev.like, true)
            },
            if self.next.like.is_empty() || after > 0.0 {
                1.0
            } else {
                alike(self.next.like, false)
            },
        );
        self.prev.gain(unigram, before, like_before) + self.next.gain(unigram, after, like_after)
    }
}

/// Reads `similar.tsv`: each word's like on one side, each with its share of the likeness (the
/// shares summing to 1) over its `count`.
fn read_like(
    tsv: &'static str,
    count: impl Fn(&str) -> f64,
) -> FxHashMap<&'static str, Vec<(&'static str, f64)>> {
    tsv.lines()
        .filter_map(|line| {
            let (key, cells) = line.split_once('\t')?;
            let like: Vec<(&str, f64)> = cells
                .split(',')
                .filter_map(|cell| {
                    let (word, weight) = cell.split_once(' ')?;
                    Some((word, weight.parse().ok()?))
                })
                .collect();
            let total: f64 = like.iter().map(|l| l.1).sum();
            let like = like
                .into_iter()
                .map(|(w, x)| (w, x / total / count(w).max(1.0)))
                .collect();
            Some((key, like))
        })
        .collect()
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
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("18") || word.starts_with("19") || word.starts_with("20"))
}
