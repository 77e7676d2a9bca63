//! Word context: how much more (or less) likely a word is after the word before it and before
//! the word after it than on its own, by Witten–Bell smoothed bigrams of Swedish text
//! (`tools/lexicon/bigrams.py`, compiled to an fst by `build.rs`). It decides real-word
//! ambiguities such as `ar` → är/år, which the lexicon and the channel alone cannot. A pair the
//! counts never saw backs off, in part, to the pairs of the neighbour's like: the words that take
//! the same words beside them (`tools/lexicon/similar.py`): `bör placeras` is read in part from
//! `ska placeras`, as bör and ska take the same words after them; and in part to the pairs of
//! the words ending as the neighbour does: `bör följas` from `bör prövas`, `bör utredas`.

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

/// Letters of a neighbour's ending that stand for its class in an unseen pair's back-off, beside
/// its like: words ending alike mostly inflect alike (`följas`, `utvärderas` end as `prövas`
/// and `utredas` do, passive infinitives, which follow `bör` and seldom `bor`).
const CLASS_LETTERS: usize = 3;

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
    /// Beside them, the pair counts summed by the class of one side ([`add_class_counts`]).
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
            add_class_counts(&mut counts);
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
            let like = self.like.get(key.as_str()).map_or(&[][..], Vec::as_slice);
            let class = class(word)
                .map(|c| {
                    key.clear();
                    key.extend(class_total_key(c, mark));
                    (c, self.count(&key))
                })
                .filter(|&(_, total)| total > 0.0);
            Side {
                word,
                seen: self.count(word),
                kinds,
                like,
                class,
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
    /// The neighbour's class ([`class`]) and how many pairs the counts saw with a word of it on
    /// this side, when they saw any.
    class: Option<(&'w str, f64)>,
}

impl Side<'_> {
    /// Witten–Bell: ln P(word | this neighbour) − ln P(word), clamped; `pair` is the count of the
    /// two side by side, and `alike` what the back-off says beyond P(word): P(word | the
    /// neighbour's like and class) / P(word) for an unseen pair, 1 for a seen one or a neighbour
    /// with neither. A pair the counts never saw loses at most [`MAX_UNSEEN_LOSS`], but what the
    /// back-off says for the word counts beyond the discount Witten–Bell takes for the unseen:
    /// the discount is the same for every reading, the back-off is not.
    fn gain(&self, unigram: f64, pair: f64, alike: f64) -> f64 {
        if self.seen + self.kinds == 0.0 {
            // Nothing known about the neighbour but what its ending says.
            return alike.ln().clamp(-MAX_UNSEEN_LOSS, MAX_GAIN);
        }
        if pair == 0.0 {
            let unseen = (self.kinds / (self.seen + self.kinds))
                .ln()
                .max(-MAX_UNSEEN_LOSS);
            return (unseen + alike.ln()).clamp(-MAX_UNSEEN_LOSS, MAX_GAIN);
        }
        ((pair / unigram + self.kinds * alike) / (self.seen + self.kinds))
            .ln()
            .clamp(-MAX_GAIN, MAX_GAIN)
    }
}

impl Around<'_> {
    /// ln P(word | neighbours) − ln P(word), as the sum of what each side says.
    pub fn gain(&self, word: &str) -> f64 {
        let unigram = (self.ctx.count(word) + 0.5) / self.ctx.tokens;
        let mut key = self.key.borrow_mut();
        let mut look = |parts: [&str; 3]| {
            key.clear();
            key.extend(parts);
            self.ctx.count(&key)
        };
        let (before, after) = (
            look([self.prev.word, " ", word]),
            look([word, " ", self.next.word]),
        );
        // P(word | a like of the neighbour), weighed by likeness, mixed with P(word) so that a
        // word the like never meet keeps some chance. A pair the counts saw speaks for itself,
        // and asking the like only of unseen ones spares most lookups.
        let mut alike = |like: &[(&str, f64)], like_first: bool| {
            let sum: f64 = like
                .iter()
                .map(|&(other, weight)| {
                    weight
                        * if like_first {
                            look([other, " ", word])
                        } else {
                            look([word, " ", other])
                        }
                })
                .sum();
            LIKE_WEIGHT * sum / unigram + (1.0 - LIKE_WEIGHT)
        };
        let like_before =
            (before == 0.0 && !self.prev.like.is_empty()).then(|| alike(self.prev.like, true));
        let like_after =
            (after == 0.0 && !self.next.like.is_empty()).then(|| alike(self.next.like, false));
        // P(word | a word ending as the neighbour does) / P(word), beside the like or in their
        // place.
        let class_before = (self.prev.class)
            .filter(|_| before == 0.0)
            .map(|(c, total)| look([c, "< ", word]) / total / unigram);
        let class_after = (self.next.class)
            .filter(|_| after == 0.0)
            .map(|(c, total)| look([word, " >", c]) / total / unigram);
        let mix = |like: Option<f64>, class: Option<f64>| match (like, class) {
            (None, None) => 1.0,
            (Some(l), None) => l,
            (None, Some(c)) => LIKE_WEIGHT * c + (1.0 - LIKE_WEIGHT),
            (Some(l), Some(c)) => (l + LIKE_WEIGHT * c + (1.0 - LIKE_WEIGHT)) / 2.0,
        };
        self.prev
            .gain(unigram, before, mix(like_before, class_before))
            + self.next.gain(unigram, after, mix(like_after, class_after))
    }
}

/// The class of a context form for the back-off: its last [`CLASS_LETTERS`] letters, for a word
/// of letters long enough that its ending is an ending, not the word.
fn class(word: &str) -> Option<&str> {
    let n = word.chars().count();
    if n < CLASS_LETTERS + 3 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    word.char_indices()
        .nth(n - CLASS_LETTERS)
        .map(|(i, _)| &word[i..])
}

/// The key of the count of pairs with a word of class `class` on the side `mark` stands for
/// (`>`: after the word asked about, `<`: before it).
fn class_total_key<'k>(class: &'k str, mark: &'k str) -> [&'k str; 2] {
    if mark == ">" {
        [class, "<"]
    } else {
        [">", class]
    }
}

/// Adds the pair counts summed by the class of either side: `word >class` (the word before a
/// word of the class), `class< word` (after one), and their totals `>class`, `class<`. No
/// token starts with `>` or ends with `<`, so the keys meet no count of the fst.
fn add_class_counts(counts: &mut FxHashMap<&'static str, f64>) {
    let mut classes: FxHashMap<String, f64> = FxHashMap::default();
    for (key, &n) in counts.iter() {
        let Some((a, b)) = key.split_once(' ') else {
            continue;
        };
        if a.starts_with('#') || a.is_empty() || b.contains(' ') {
            continue;
        }
        if let Some(c) = class(b) {
            *classes.entry(format!("{a} >{c}")).or_default() += n;
            *classes.entry(format!(">{c}")).or_default() += n;
        }
        if let Some(c) = class(a) {
            *classes.entry(format!("{c}< {b}")).or_default() += n;
            *classes.entry(format!("{c}<")).or_default() += n;
        }
    }
    // Like the fst's keys, laid end to end in one string that lives as long as the process.
    let classes: Vec<(String, f64)> = classes.into_iter().collect();
    let keys: String = classes.iter().map(|(key, _)| key.as_str()).collect();
    let keys: &'static str = Box::leak(keys.into_boxed_str());
    let mut start = 0;
    for (key, n) in classes {
        let end = start + key.len();
        counts.insert(&keys[start..end], n);
        start = end;
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
