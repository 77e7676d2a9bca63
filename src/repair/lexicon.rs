//! The Swedish lexicon: word → frequency class, as an fst map compiled by `build.rs` from
//! `data/lexicon.tsv` (wordfreq's Swedish list plus hunspell-sv stems, `tools/lexicon/build.py`).

use std::sync::OnceLock;

use fst::raw::{Fst, Node, Output};
use fst::Map;
// Looked up with the lexicon's own words; no key comes from an adversary.
use rustc_hash::FxHashMap;

/// The compiled lexicon.
static LEXICON_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.fst"));
/// The compiled head classes (`data/heads.tsv`, `tools/lexicon/heads.py`).
static HEADS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/heads.fst"));
/// The modifier classes (`tools/lexicon/modifiers.py`), read into a hash map at first use: they
/// are looked up wherever a compound part may end, too often for an fst walk.
const MODIFIERS_TSV: &str = include_str!("data/modifiers.tsv");
/// The compiled proper names and capital counts (`data/names.tsv`, `tools/lexicon/names.py`).
static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));

/// The compiled Finnish words (`data/finnish.tsv`, `tools/lexicon/finnish.py`).
static FINNISH_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/finnish.fst"));

/// Fewest letters of each part of a Finnish compound (`Ala|talo`).
const FINNISH_PART: usize = 3;

/// Whether `word` (lower case) reads as Finnish: a word Finnish text uses far more often than
/// Swedish, or two such words joined, as the Tornedalen's names are (`ranta|talo`,
/// `hieta|niemi`).
pub fn reads_finnish(word: &str) -> bool {
    static FINNISH: OnceLock<Map<Vec<u8>>> = OnceLock::new();
    let finnish = FINNISH.get_or_init(|| open(FINNISH_FST));
    finnish.contains_key(word)
        || word.char_indices().skip(FINNISH_PART).any(|(i, _)| {
            word[i..].chars().count() >= FINNISH_PART
                && finnish.contains_key(&word[..i])
                && finnish.contains_key(&word[i..])
        })
}

/// Natural-log cost of one frequency class: class `c` means a frequency of 10^(-c/100).
pub const COST_PER_CLASS: f64 = std::f64::consts::LN_10 / 100.0;

/// The lexicon, shared by every repairer in the process.
pub fn shared() -> &'static Map<Vec<u8>> {
    static LEXICON: OnceLock<Map<Vec<u8>>> = OnceLock::new();
    LEXICON.get_or_init(|| open(LEXICON_FST))
}

/// -ln P of `head` ending a compound beyond what its frequency says: a frequent word that ends
/// few of the lexicon's compounds (`den`, `det`) is priced by that productivity instead, so it
/// does not make a cheap compound of a damaged token (`namn|den`).
pub fn head_penalty(head: &str, class: u64) -> f64 {
    heads()
        .get(head)
        .map_or(0.0, |h| h.saturating_sub(class) as f64 * COST_PER_CLASS)
}

/// The compiled head classes and head capital counts, loaded once.
fn heads() -> &'static Map<Vec<u8>> {
    static HEADS: OnceLock<Map<Vec<u8>>> = OnceLock::new();
    HEADS.get_or_init(|| open(HEADS_FST))
}

/// Fewest letters of a compound's modifier whose head's letter case the documents' counts speak
/// for (as `tools/lexicon/heads.py` counts them).
const CAPITAL_MODIFIER: usize = 2;
/// Fewest letters of such a head: shorter endings (-en, -ar) are inflections as often as words.
const CAPITAL_HEAD: usize = 4;

/// Whether the documents write words that end in the head of `word` (lower case) with a capital
/// inside a sentence more often than not: its longest ending the lexicon lists, after a modifier
/// of at least [`CAPITAL_MODIFIER`] letters. Names of homes, farms and streets end in their own
/// heads (Älvgården, Åkervägen), which ordinary words rarely do.
fn head_usually_capitalised(word: &str) -> bool {
    let lexicon = shared();
    let letters = word.chars().count();
    let head = word
        .char_indices()
        .enumerate()
        .skip(CAPITAL_MODIFIER)
        .take_while(|&(k, _)| letters - k >= CAPITAL_HEAD)
        .map(|(_, (at, _))| &word[at..])
        .find(|head| lexicon.contains_key(head));
    let Some(head) = head else {
        return false;
    };
    let count = |kind: &str| heads().get(format!("#{kind} {head}")).unwrap_or(0);
    2 * count("capital") > count("inside")
}

/// The class of `modifier`, a lexicon word of frequency `class`, opening a compound: its
/// frequency, or how few of the lexicon's compounds it opens if that is rarer, so a frequent word
/// that opens almost none (a plural, `delar`) does not make a cheap compound of a damaged token.
pub fn modifier_class(modifier: &str, class: u64) -> u64 {
    let (modifiers, unseen) = modifiers();
    // Most lexicon words are rarer than a modifier never seen, which settles it unlooked-up.
    if class >= *unseen {
        return class;
    }
    class.max(modifiers.get(modifier).copied().unwrap_or(*unseen))
}

/// Whether the lexicon's compounds open with `word` (with its linking s, if it takes one).
pub fn is_modifier(word: &str) -> bool {
    modifiers().0.contains_key(word)
}

/// The classes of the words opening the lexicon's compounds, and the class of one never seen
/// opening one, loaded once.
fn modifiers() -> &'static (FxHashMap<&'static str, u64>, u64) {
    static MODIFIERS: OnceLock<(FxHashMap<&str, u64>, u64)> = OnceLock::new();
    MODIFIERS.get_or_init(|| {
        let mut map: FxHashMap<&str, u64> = MODIFIERS_TSV
            .lines()
            .filter_map(|line| {
                let (word, class) = line.split_once('\t')?;
                Some((word, class.parse().ok()?))
            })
            .collect();
        let unseen = map.remove("#unseen").unwrap_or(0);
        (map, unseen)
    })
}

/// The proper names of hunspell-sv (first names, surnames, places), and how often words are
/// written with a capital inside a sentence: what a capital says of a word being a name.
pub struct Names {
    map: Map<Vec<u8>>,
    /// P(capital inside a sentence | a name), from the municipal documents' counts.
    named: f64,
    /// P(capital inside a sentence | another word).
    other: f64,
}

/// Sightings a word's own capital count is worth as much as: below it, its class (name or other
/// word) says more than the few times the word was seen. Small, because the documents count a
/// word only from its third sighting: three times small inside a sentence already speak against a
/// capital more than the class's share does for it.
const CAPITAL_PRIOR_WEIGHT: f64 = 2.0;

/// Fewest letters of a name that opens a compound (`Älvsjö|borna`).
const NAME_IN_COMPOUND: usize = 4;

impl Names {
    /// The embedded names, loaded once.
    pub fn shared() -> &'static Names {
        static NAMES: OnceLock<Names> = OnceLock::new();
        NAMES.get_or_init(|| {
            let map = open(NAMES_FST);
            // Add-one smoothed, so a missing count leaves the shares above zero.
            let count = |key: &str| map.get(key).unwrap_or(0) as f64 + 1.0;
            let share = |class: &str| {
                let capitalised = count(&format!("#capitalised {class}"));
                capitalised / (capitalised + count(&format!("#lower {class}")))
            };
            Names {
                named: share("named"),
                other: share("other"),
                map,
            }
        })
    }

    /// Whether `word` (lower case) is a listed name itself, not its genitive.
    pub fn lists(&self, word: &str) -> bool {
        self.map.contains_key(word)
    }

    /// Whether `word` (lower case) is a name or a name's genitive (`håkans`).
    pub fn is_name(&self, word: &str) -> bool {
        self.lists(word) || word.strip_suffix('s').is_some_and(|stem| self.lists(stem))
    }

    /// Whether `word` (lower case) is a name or a compound that opens with one (`älvsjöborna`),
    /// which Swedish writes with a capital too. Names shorter than [`NAME_IN_COMPOUND`] letters
    /// are too often the start of an ordinary word to count.
    pub fn opens_with_name(&self, word: &str) -> bool {
        self.is_name(word) || self.opening_names(word).next().is_some()
    }

    /// The names of at least [`NAME_IN_COMPOUND`] letters that `word` (lower case) opens with,
    /// shortest first.
    pub fn opening_names<'s, 'w: 's>(
        &'s self,
        word: &'w str,
    ) -> impl Iterator<Item = &'w str> + 's {
        word.char_indices()
            .skip(NAME_IN_COMPOUND)
            .map(|(i, _)| &word[..i])
            .filter(|opening| self.map.contains_key(opening))
    }

    /// Whether the documents write `word` (lower case) in lower case inside a sentence at least
    /// twice and more often than with a capital: a word of running text (även, ärendet), which
    /// no surname spells.
    pub fn usually_small(&self, word: &str) -> bool {
        let inside = self.sightings("inside", word);
        let small = inside - self.sightings("capital", word).min(inside);
        small >= 2 && 2 * small > inside
    }

    /// Whether the documents write `word` (lower case) with a capital inside a sentence more
    /// often than not (a title such as Årsredovisning).
    pub fn usually_capitalised(&self, word: &str) -> bool {
        2 * self.sightings("capital", word) > self.sightings("inside", word)
    }

    /// Whether the documents write `word` (lower case) with a capital before a capitalised word
    /// (a name's first word: Östra Göinge), where they show it there more often than not; where
    /// they do not show it there, whether they capitalise it inside a sentence more often than
    /// words in general.
    pub fn capitalised_before_name(&self, word: &str) -> bool {
        let before_name = format!("before-name {word}");
        let seen = self.sightings("inside", &before_name);
        if seen > 0 {
            2 * self.sightings("capital", &before_name) > seen
        } else {
            self.capital_share(word) > self.other
        }
    }

    /// Whether `word` (lower case), which the documents never show inside a sentence, ends in a
    /// head whose words they write with a capital there more often than not (Älvgården).
    pub fn head_usually_capitalised(&self, word: &str) -> bool {
        self.sightings("inside", word) == 0 && head_usually_capitalised(word)
    }

    /// Whether the documents open lines with `word` (lower case) in a capital more often than
    /// not (a heading such as Ärendebeskrivning, but not a word a wrapped line opens with).
    pub fn opens_lines_capitalised(&self, word: &str) -> bool {
        2 * self.sightings("opens-capital", word) > self.sightings("opens", word)
    }

    /// How often the documents show `word` inside a sentence (`inside`), or with a capital
    /// there (`capital`), or opening a line (`opens`), or in a capital there (`opens-capital`);
    /// words seen fewer than three times inside a sentence, or opening a line, have no count
    /// of it.
    fn sightings(&self, kind: &str, word: &str) -> u64 {
        self.map.get(format!("#{kind} {word}")).unwrap_or(0)
    }

    /// -ln P(written with a capital inside a sentence | `word`), less what a name pays: what
    /// reading a capitalised word as `word` (lower case) costs beyond reading it as a name. The
    /// word's own counts, where the documents show it, weigh against its class's share.
    pub fn capital_cost(&self, word: &str) -> f64 {
        -(self.capital_share(word) / self.named).ln()
    }

    /// P(written with a capital inside a sentence | `word`): the word's own counts, where the
    /// documents show it, weighed against its class's share.
    pub fn capital_share(&self, word: &str) -> f64 {
        let class = if self.is_name(word) {
            self.named
        } else {
            self.other
        };
        let count = |kind: &str| self.sightings(kind, word) as f64;
        (count("capital") + CAPITAL_PRIOR_WEIGHT * class) / (count("inside") + CAPITAL_PRIOR_WEIGHT)
    }
}

/// An fst map of embedded bytes `build.rs` wrote; an unreadable one (impossible unless the build
/// is broken) acts as an empty map, so repair then changes nothing rather than failing.
pub fn open(bytes: &[u8]) -> Map<Vec<u8>> {
    Map::new(bytes.to_vec()).unwrap_or_default()
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

/// Inflectional endings learned from the lexicon by `tools/lexicon/suffixes.py`: ending TAB class,
/// then the chains of two the lexicon shows: first+second TAB class.
const SUFFIXES_TSV: &str = include_str!("data/suffixes.tsv");

/// One inflectional ending and -ln P(ending | stem).
#[derive(Debug)]
pub struct Ending {
    /// The ending as written (lower case).
    pub text: String,
    /// -ln P of a stem taking this ending.
    pub cost: f64,
    /// The endings that may follow this one (their index), each with -ln P of a stem taking the
    /// two: a chain no lexicon word shows (`d` + `r`) spells nothing.
    pub then: Vec<(usize, f64)>,
}

/// The learned endings, loaded once.
pub fn endings() -> &'static [Ending] {
    static ENDINGS: OnceLock<Vec<Ending>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let rows = SUFFIXES_TSV.lines().filter_map(|line| {
            let (text, class) = line.split_once('\t')?;
            Some((text, class.parse::<f64>().ok()? * COST_PER_CLASS))
        });
        let (chains, singles): (Vec<_>, Vec<_>) = rows.partition(|(text, _)| text.contains('+'));
        let mut endings: Vec<Ending> = singles
            .into_iter()
            .map(|(text, cost)| Ending {
                text: text.to_string(),
                cost,
                then: Vec::new(),
            })
            .collect();
        let index = |endings: &[Ending], text: &str| endings.iter().position(|e| e.text == text);
        for (chain, cost) in chains {
            let Some((first, second)) = chain.split_once('+') else {
                continue;
            };
            if let (Some(i), Some(j)) = (index(&endings, first), index(&endings, second)) {
                endings[i].then.push((j, cost));
            }
        }
        endings
    })
}
