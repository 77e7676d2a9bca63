//! The OCR channel: how likely tesseract turns a truth string into an OCR string, learned by
//! `tools/confusion/learn.py` from rendered and re-OCRed Swedish text: word lines drawn in many
//! fonts, and (`--twins`) real documents typeset, photocopied and read. The two tables are
//! mixed with equal weight, as two samples of one engine's habits ([`Counts::mixed`]).
//!
//! The learning run sees only some of the ways a scan can go wrong, so every truth character
//! of a confusable class (the Swedish vowels å/ä/ö; the strokes l/i) is smoothed by Witten–Bell
//! back-off: the share of its mass Witten–Bell reserves for unseen outputs goes to the outputs
//! its whole class is seen to produce, add-one smoothed over every glyph OCR plausibly writes for
//! the class. A confusion never learned (é for å, & for ä) so keeps a small probability, which
//! only strong lexicon evidence can turn into a repair.

// Lookups by letter happen for every letter of every token; no key comes from an adversary.
use rustc_hash::FxHashMap as HashMap;

/// The learned confusion counts, truth, ocr, count, total: of rendered word lines, and of real
/// documents' OCR twins.
const CONFUSION_TSVS: [&str; 2] = [
    include_str!("data/confusion.tsv"),
    include_str!("data/confusion-twins.tsv"),
];

/// How the twins' OCR read words' first letters, in their case (`tools/confusion/learn.py
/// --twins`): truth, ocr, count, total; of the words after a full stop, how many the documents
/// open in lower case (`#after-stop`); and of the small å, ä and ö opening a word that it read as
/// another letter, how many it read as a capital (`#mark-raised`).
const INITIALS_TSV: &str = include_str!("data/initials-twins.tsv");
/// The row of the initials table that counts the words after a full stop.
const AFTER_STOP: &str = "#after-stop";
/// The rows of the initials table that count how the OCR read the zero opening a group of
/// thousands.
const GROUP_ZERO: &str = "#group-zero";
/// The row of the initials table that counts, of the small å, ä and ö opening a word that the
/// OCR read as another letter, those it read as a capital (`Over` for över).
const MARK_RAISED: &str = "#mark-raised";

/// Confusions rarer than this are noise of the learning run, not a habit of the OCR.
const MIN_PROBABILITY: f64 = 1e-6;

/// A class of truth characters that OCR confuses alike, and the glyphs it writes for them.
struct Class {
    truths: &'static [char],
    /// Single glyphs OCR writes for a member of the class.
    glyphs: &'static [char],
    /// Glyphs of which two may stand for one truth character (a vowel split in two, an l
    /// read as two strokes: `lL`, `lt`, `tl`).
    pair_glyphs: &'static [char],
}

/// The confusable classes. The glyph sets are shape classes of the Latin script (ring and dots
/// read as accents, a bowl read as a digit), not observations of any document.
const CLASSES: &[Class] = &[
    Class {
        truths: &['å', 'ä', 'ö'],
        glyphs: &[
            'a', 'o', 'd', 'i', 'e', 'é', 'è', 'ê', 'ë', 'à', 'á', 'â', 'ã', 'ó', 'ò', 'ô', 'õ',
            'ü', 'u', '4', '6', '0', '8', '&', '#', '@',
        ],
        pair_glyphs: &['a', 'o', 'd', 'i', 'e', 'é', '6', '&'],
    },
    Class {
        truths: &['l', 'i'],
        glyphs: &['l', 'i', '1', '|', '!', 'j', 't', 'í', 'ï'],
        pair_glyphs: &['l', 't'],
    },
];

/// One way an OCR string arises from a truth string.
#[derive(Debug, Clone)]
pub struct Rule {
    /// What the OCR wrote (lower case).
    pub ocr: String,
    /// What the text said (lower case).
    pub truth: String,
    /// -ln P(ocr | truth).
    pub cost: f64,
}

/// The confusion table, indexed by the first character of the OCR string.
#[derive(Debug, Default)]
pub struct Channel {
    by_first: HashMap<char, Vec<Rule>>,
    /// Truth letters the OCR may leave out altogether (`för` read as `fr`).
    dropped: Vec<Rule>,
    /// P(truth char is damaged at all), for the cost of a vulnerable character left intact.
    damage: HashMap<char, f64>,
    /// P(OCR writes a word's first letter as `ocr` | it is `truth`), in their case, where the
    /// lower-case rules cannot say it: a capital V read small, a capital D read as an O.
    initials: HashMap<(char, char), f64>,
    /// P(a word after a full stop opens in lower case), in the documents the twins are of.
    after_stop_lower: f64,
    /// P(OCR writes the zero opening an amount's group of thousands as glyph), by glyph.
    group_zero: HashMap<char, f64>,
    /// P(OCR writes a word's small å, ä or ö as a capital | it read it as another letter).
    mark_raised: f64,
    /// The capitals of `initials` read as another capital, by the one read (asked of every
    /// capitalised token, so looked up rather than searched).
    capitals_read_as: HashMap<char, Vec<(char, f64)>>,
}

/// Counts read from the table: (truth, ocr) → count, and truth → occurrences.
#[derive(Default)]
struct Counts {
    pairs: HashMap<(String, String), f64>,
    totals: HashMap<String, f64>,
}

impl Counts {
    /// The counts of every table, mixed with equal weight per truth: the counts of a truth are
    /// averaged over the tables that saw it, each table's scaled to the first's occurrences of
    /// it. Each sample of the engine's habits so has an equal say however large it is, and the
    /// mix counts as no larger a sample than one, as every table's pages share their conditions.
    fn mixed(tsvs: &[&str]) -> Counts {
        let mut all = Counts::default();
        let mut tables: HashMap<String, f64> = HashMap::default();
        for counts in tsvs.iter().map(|tsv| Counts::parse(tsv)) {
            let scales: HashMap<String, f64> = counts
                .totals
                .iter()
                .map(|(t, &own)| (t.clone(), all.totals.get(t).map_or(1.0, |&n| n / own)))
                .collect();
            for ((truth, ocr), n) in counts.pairs {
                *all.pairs.entry((truth.clone(), ocr)).or_default() += n * scales[&truth];
            }
            for (truth, own) in counts.totals {
                *tables.entry(truth.clone()).or_default() += 1.0;
                all.totals.entry(truth).or_insert(own);
            }
        }
        for ((truth, _), n) in all.pairs.iter_mut() {
            *n /= tables.get(truth).copied().unwrap_or(1.0);
        }
        all
    }

    fn parse(tsv: &str) -> Counts {
        let mut counts = Counts::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [truth, ocr, count, total] = cols[..] else {
                continue;
            };
            let (Ok(count), Ok(total)) = (count.parse::<f64>(), total.parse::<f64>()) else {
                continue;
            };
            // A rule that deletes OCR text is handled by the tokenizer's view of noise. A truth
            // letter the OCR dropped (`ö` → ``) is kept; the search tries it once per word.
            if truth.is_empty() {
                continue;
            }
            *counts
                .pairs
                .entry((truth.to_string(), ocr.to_string()))
                .or_default() += count;
            let t = counts.totals.entry(truth.to_string()).or_default();
            *t = t.max(total);
        }
        counts
    }

    fn count(&self, truth: &str, ocr: &str) -> f64 {
        self.pairs
            .get(&(truth.to_string(), ocr.to_string()))
            .copied()
            .unwrap_or(0.0)
    }

    /// Occurrences of `truth`, and the distinct outputs seen for it (identity included).
    fn seen(&self, truth: &str) -> (f64, f64) {
        let kinds = self.pairs.keys().filter(|(t, _)| t == truth).count();
        let n = self.totals.get(truth).copied().unwrap_or(0.0);
        (n, kinds as f64 + 1.0)
    }
}

impl Channel {
    /// The embedded, learned tables, smoothed.
    pub fn embedded() -> Channel {
        let mut channel = Channel::from_counts(&Counts::mixed(&CONFUSION_TSVS));
        channel.read_initials(INITIALS_TSV);
        channel
    }

    fn read_initials(&mut self, tsv: &str) {
        for line in tsv.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let [truth, ocr, count, total] = cols[..] else {
                continue;
            };
            let (Ok(count), Ok(total)) = (count.parse::<f64>(), total.parse::<f64>()) else {
                continue;
            };
            let p = count / total.max(count);
            match truth {
                AFTER_STOP => self.after_stop_lower = p,
                MARK_RAISED => self.mark_raised = p,
                _ => {}
            }
            let (mut t, mut o) = (truth.chars(), ocr.chars());
            if truth == GROUP_ZERO {
                if let (Some(o), None) = (o.next(), o.next()) {
                    self.group_zero.insert(o, p);
                }
                continue;
            }
            if let (Some(t), None, Some(o), None) = (t.next(), t.next(), o.next(), o.next()) {
                self.initials.insert((t, o), p);
                if t != o && t.is_uppercase() && o.is_uppercase() {
                    self.capitals_read_as.entry(o).or_default().push((t, p));
                }
            }
        }
    }

    fn from_counts(counts: &Counts) -> Channel {
        let mut probs: HashMap<(String, String), f64> = HashMap::default();
        for ((truth, ocr), &c) in &counts.pairs {
            let n = counts.totals.get(truth).copied().unwrap_or(c).max(c);
            probs.insert((truth.clone(), ocr.clone()), c / n);
        }
        for class in CLASSES {
            smooth(class, counts, &mut probs);
        }
        let mut channel = Channel::default();
        for ((truth, ocr), p) in probs {
            if p < MIN_PROBABILITY || truth == ocr {
                continue;
            }
            let Some(first) = ocr.chars().next() else {
                channel.dropped.push(Rule {
                    ocr,
                    truth,
                    cost: -p.ln(),
                });
                continue;
            };
            let mut t = truth.chars();
            if let (Some(c), None) = (t.next(), t.next()) {
                *channel.damage.entry(c).or_default() += p;
            }
            channel.by_first.entry(first).or_default().push(Rule {
                ocr,
                truth,
                cost: -p.ln(),
            });
        }
        // A stable order keeps the search, and so tie-breaking, the same from run to run.
        channel
            .dropped
            .sort_by(|a, b| a.cost.total_cmp(&b.cost).then(a.truth.cmp(&b.truth)));
        for rules in channel.by_first.values_mut() {
            rules.sort_by(|a, b| a.cost.total_cmp(&b.cost).then(a.truth.cmp(&b.truth)));
        }
        channel
    }

    /// Rules whose OCR string starts with `c`.
    pub fn rules(&self, c: char) -> &[Rule] {
        self.by_first.get(&c).map_or(&[], Vec::as_slice)
    }

    /// Rules for truth letters the OCR left out (their OCR string is empty).
    pub fn dropped(&self) -> &[Rule] {
        &self.dropped
    }

    /// The share of truth letter `truth`'s damage that OCR writes as `glyph`.
    pub fn share(&self, truth: char, glyph: char) -> Option<f64> {
        let damage = self.damage.get(&truth).copied().filter(|&d| d > 0.0)?;
        Some(self.probability(truth, glyph)? / damage)
    }

    /// P(OCR writes `glyph` | `truth`), for a confusion the table has.
    pub fn probability(&self, truth: char, glyph: char) -> Option<f64> {
        let mut buf = [0u8; 4];
        let truth = truth.encode_utf8(&mut buf);
        let rule = self
            .rules(glyph)
            .iter()
            .find(|r| r.truth == *truth && r.ocr.chars().count() == 1)?;
        Some((-rule.cost).exp())
    }

    /// P(OCR writes a word's first letter `truth` as `ocr`), in their case, for a misreading
    /// of a first letter the twins show.
    pub fn initial(&self, truth: char, ocr: char) -> Option<f64> {
        self.initials.get(&(truth, ocr)).copied()
    }

    /// The capitals the OCR reads as capital `ocr` though their small letters do not look
    /// alike (D read as O), with P(`ocr` | capital).
    pub fn capitals_read_as(&self, ocr: char) -> &[(char, f64)] {
        self.capitals_read_as.get(&ocr).map_or(&[], Vec::as_slice)
    }

    /// Log-odds that a word after a full stop that the OCR wrote in lower case opened with a
    /// capital: the documents seldom open one in lower case, and the OCR reads some capitals
    /// small (V, W: the same shape, smaller). None if the OCR was never seen to read `small`'s
    /// capital small.
    pub fn capital_after_stop(&self, small: char) -> Option<f64> {
        let capital = small.to_uppercase().next()?;
        let read_small = self.initial(capital, small)?;
        let lower = self.after_stop_lower.max(f64::MIN_POSITIVE);
        Some((read_small * (1.0 - lower) / lower).ln())
    }

    /// -ln P(OCR writes a word's small å, ä or ö as a capital | it misread it): what reading a
    /// capital A or O as such a letter costs beyond the misreading the lower-case rules price.
    pub fn mark_raised_cost(&self) -> f64 {
        -self.mark_raised.max(f64::MIN_POSITIVE).ln()
    }

    /// P(OCR writes the zero opening an amount's group of thousands as `glyph`), for a
    /// misreading the twins show.
    pub fn group_zero_read_as(&self, glyph: char) -> Option<f64> {
        self.group_zero.get(&glyph).copied()
    }

    /// The probability that the OCR damages truth character `c` (0 for robust characters).
    pub fn damage(&self, c: char) -> f64 {
        self.damage.get(&c).copied().unwrap_or(0.0).min(0.95)
    }
}

/// Witten–Bell back-off of every truth of `class` to the class's output distribution.
fn smooth(class: &Class, counts: &Counts, probs: &mut HashMap<(String, String), f64>) {
    let mut outputs: Vec<String> = class.glyphs.iter().map(char::to_string).collect();
    for a in class.pair_glyphs {
        for b in class.pair_glyphs {
            outputs.push([*a, *b].iter().collect());
        }
    }
    // Multi-glyph outputs the learner saw for any member belong to the class too; a dropped
    // letter is its own kind of damage, not a glyph the class shares.
    for (t, o) in counts.pairs.keys() {
        if !o.is_empty()
            && t.chars().count() == 1
            && t.chars().all(|c| class.truths.contains(&c))
            && !outputs.contains(o)
        {
            outputs.push(o.clone());
        }
    }
    let class_count = |o: &str| -> f64 {
        class
            .truths
            .iter()
            .map(|t| counts.count(&t.to_string(), o))
            .sum()
    };
    let class_total: f64 = outputs.iter().map(|o| class_count(o)).sum();
    let denominator = class_total + outputs.len() as f64;
    for truth in class.truths.iter().map(char::to_string) {
        let (n, kinds) = counts.seen(&truth);
        // Witten–Bell: the chance the next damage of `truth` is of a kind not yet seen.
        let unseen = kinds / (n + kinds);
        for o in &outputs {
            if *o == truth {
                continue;
            }
            let backoff = (class_count(o) + 1.0) / denominator;
            let p = probs.entry((truth.clone(), o.clone())).or_default();
            *p = (1.0 - unseen) * *p + unseen * backoff;
        }
    }
}
