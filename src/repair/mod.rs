//! Repairs OCR damage to Swedish text, keeping lines and whitespace exactly.
//!
//! A noisy-channel corrector: every word-like token is read through the OCR confusion model
//! learned by `tools/confusion/learn.py` ([`channel`]) against the Swedish lexicon with
//! frequencies and compound analysis ([`lexicon`], [`search`]). A token changes only when a
//! reading is more probable than the token itself by a margin; a token no lexicon knows is as
//! probable as its spelling under a character model of Swedish words ([`spelling`]). The words
//! on either side weigh the readings of real-word ambiguities such as `ar` → är/år
//! ([`context`]). How often vulnerable letters (å, ä, ö …) are damaged is estimated per text
//! first, so clean text is left alone while a badly damaged layer has its `for` read as `för`
//! and its misread marks restored (an em dash for the en dash, `+` for a bullet, `8` for §,
//! `@` for an amount's zero, a member's party garbled to `(Vv)`, a list's `4.` or `2,` for its
//! `1.` or `2.`, a hyphen or em dash for the en dash of a range of years, times, dates, months
//! or climbing numbers such as items, or of a dash before a word, as the documents mostly set
//! it), and footnote numbers read as glyphs (`samhället.!`) raised again in the order the notes
//! give ([`footnotes`]). Which letter a glyph stands for is learned per text too, from its sure
//! repairs ([`glyphs`]), so a scan that writes `é` for ä reads `lést` as `läst`.

mod acronyms;
mod channel;
mod context;
mod footnotes;
mod glyphs;
mod lexicon;
mod search;
mod spelling;
mod symbols;
mod tokens;

// Keys are short words hashed many times per text; none comes from an adversary to guard against.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::{Arc, OnceLock, RwLock};

use crate::model::{Page, RepairedPage};
use channel::Channel;
use context::{Around, Context};
use glyphs::Glyphs;
use lexicon::Names;
use search::Candidate;
use tokens::{Neighbour, Piece, Shape};

/// Log-odds a repair must win by; a wrong change costs more than a missed one.
const MARGIN: f64 = 1.0;
/// Log-odds a dash's repair must win by: the likelier dash is set, as one misread costs no more
/// than one left alone, and neither changes a word a search finds.
const MARK_MARGIN: f64 = 0.0;
/// Extra log-odds for capitalised or all-capitals words inside a sentence, which are mostly
/// names and abbreviations, to be read as another word (not as another name).
const NAME_MARGIN: f64 = 2.0;
/// -ln P of a token being a word neither the lexicon nor compound analysis knows, before its
/// spelling is judged.
const OOV_COST: f64 = 12.0;
/// -ln P of a token with digits or signs among its letters, which the spelling model does not
/// know, before its length is judged.
const ODD_TOKEN_COST: f64 = 30.0;
/// Extra -ln P of a token of OCR output read as itself, written with a capital A, O or G inside
/// where a reading has an å, ä or ö: clean text seldom writes a capital there, and OCR often
/// writes the tall marked letters so.
const INNER_CAPITAL_COST: f64 = 6.0;
/// -ln P of a bare digit read as a number.
const NUMBER_COST: f64 = 7.0;
/// Log-odds of a context-free repair sure enough to show which letters a text's glyphs stand for.
const SURE_MARGIN: f64 = 3.0;
/// Distinct lower-case words with intact å/ä/ö a document needs before it counts as clean for
/// adaptation.
const CLEAN_EVIDENCE: f64 = 30.0;
/// Most share of words that may read as damaged in a document taken as clean.
const CLEAN_DAMAGE: f64 = 0.02;
/// Damage rate from which a text is taken as OCR output, whose misread marks are repaired too:
/// well above what clean text shows (under 1%), well below any real scan's (15% and more).
const MARK_DAMAGE: f64 = 0.05;
/// The vowels of Swedish words, é of loans (idé, armé) among them.
const VOWELS: &str = "aeiouyåäöé";
/// Distinct tokens whose readings a repairer remembers across texts before it starts afresh;
/// bounds memory in a long batch while a corpus's vocabulary is read once.
const MEMO_SIZE: usize = 500_000;
/// Readings of a token other than itself that are weighed: the cheapest few at an even damage
/// rate, as OCR damage seldom leaves more than a few plausible words.
const READINGS: usize = 3;

/// One change repair made, for `repair --explain` and auditors.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    /// 1-based line number in the repaired text.
    pub line: usize,
    /// 0-based byte offset of the token in its line (raw text).
    pub column: usize,
    /// The token as it was.
    pub from: String,
    /// The token as repaired.
    pub to: String,
    /// How much more likely the repair is than the original (log-odds, higher is surer).
    pub score: f64,
}

/// The result of repairing a text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Repaired {
    /// The repaired text; same lines and whitespace as the input.
    pub text: String,
    /// Every token that was changed.
    pub changes: Vec<Change>,
}

/// The shortest word, in letters, whose repair a text's genitive of it follows: shorter words
/// (`an`, `fors`) are as often other words whose -s is no genitive.
const GENITIVE_STEM: usize = 6;

/// The OCR repairer, with its lexicon and confusion model loaded.
#[derive(Debug, Clone)]
pub struct Repairer {
    channel: &'static Channel,
    /// Words of clean documents of the same batch (board and place names), by frequency.
    adapted: HashMap<String, u32>,
    /// Lexicon readings of the tokens seen so far, shared by every clone, text and thread. They
    /// do not depend on the adapted words (applied on top), so adapting keeps them.
    memo: Arc<RwLock<HashMap<String, Arc<Readings>>>>,
}

/// The readings of one distinct token, independent of the text's damage rate.
#[derive(Debug, Clone)]
struct Readings {
    identity: Option<Candidate>,
    best: Vec<Candidate>,
}

impl Repairer {
    /// A repairer with the lexicon and confusion tables embedded in the binary (loaded once).
    pub fn embedded() -> Repairer {
        static CHANNEL: OnceLock<Channel> = OnceLock::new();
        Repairer {
            channel: CHANNEL.get_or_init(Channel::embedded),
            adapted: HashMap::default(),
            memo: Arc::default(),
        }
    }

    /// Adds the words of a clean (born-digital) document of the same batch, so names of boards,
    /// places and people it spells correctly become known words. The pipeline should call this
    /// with the text of every non-OCR document of a batch before repairing its scans.
    pub fn adapt(&mut self, clean_text: &str) {
        for (_, piece) in tokens::split(clean_text) {
            if piece.word.chars().all(char::is_alphabetic) {
                *self.adapted.entry(piece.key.into_owned()).or_default() += 1;
            }
        }
    }

    /// Whether a batch's document reads as clean, born-digital text: its vulnerable letters come
    /// through and hardly any word reads as damaged. Only such documents should be [`adapt`]ed
    /// to; the check is the costly part, so a batch runs it in parallel.
    ///
    /// [`adapt`]: Repairer::adapt_pages
    pub fn is_clean(&self, pages: &[Page]) -> bool {
        self.looks_clean(&page_text(pages))
    }

    /// Adds the words of every page of a clean document of the batch (see [`Repairer::is_clean`]),
    /// so a damaged scan of the same batch can use them.
    pub fn adapt_pages(&mut self, pages: &[Page]) {
        self.adapt(&page_text(pages));
    }

    /// Whether `text` shows no OCR damage: enough words with å/ä/ö came through intact and
    /// hardly any word reads as damaged.
    fn looks_clean(&self, text: &str) -> bool {
        let pieces = tokens::split(text);
        let readings = self.all_readings(&pieces);
        let (damaged, intact) = self.damage_counts(&pieces, &readings);
        intact >= CLEAN_EVIDENCE && damaged <= CLEAN_DAMAGE * (damaged + intact)
    }

    /// Repairs a text, line by line.
    pub fn repair_text(&self, text: &str) -> Repaired {
        let pieces = tokens::split(text);
        let readings = self.all_readings(&pieces);
        let lambda = self.damage_rate(&pieces, &readings);
        let priced: HashMap<&str, Priced> = readings
            .iter()
            .map(|(&key, r)| (key, Priced::new(r, lambda)))
            .collect();
        // Each distinct word counts once: a glyph habit shows in many words, not one repeated.
        let sure: Vec<(&str, String)> = priced
            .iter()
            .filter_map(|(key, p)| {
                let (word, _) = p.decide(SURE_MARGIN, None)?;
                Some((*key, word))
            })
            .collect();
        let mut glyphs = Glyphs::learn(self.channel, sure.iter().map(|(k, w)| (*k, w.as_str())));
        // The word i written as a lone 1 in prose (tokens::split keeps only those).
        let lone = |w: &str| pieces.iter().filter(|(_, p)| p.word == w).count() as f64;
        glyphs.learn_word('i', '1', lone("1"), lone("i"));
        let ctx = Context::shared();
        let names = Names::shared();
        let priced: HashMap<&str, Priced> = if glyphs.is_learned() {
            priced
                .iter()
                .map(|(&key, p)| (key, p.with_glyphs(&glyphs)))
                .collect()
        } else {
            priced
        };
        // How often the text writes each capitalised token, and how many of them read as each
        // word context-free: what a name written alike each time says of its marks.
        let mut written: HashMap<&str, (usize, &str)> = HashMap::default();
        for (_, piece) in pieces.iter().filter(|(_, p)| p.shape != Shape::Lower) {
            let seen = written.entry(&*piece.key).or_insert((0, piece.word));
            seen.0 += 1;
            if seen.1 != piece.word {
                seen.1 = "";
            }
        }
        let read_alone: HashMap<&str, &str> = written
            .keys()
            .filter_map(|&key| Some((key, priced.get(key)?.read_alone(MARGIN)?.0)))
            .collect();
        let mut read_as: HashMap<&str, usize> = HashMap::default();
        for (&key, &word) in &read_alone {
            *read_as.entry(word).or_default() += written[key].0;
        }
        // How many tokens other than `key`'s own read as `word`.
        let read_otherwise = |key: &str, word: &str| {
            let own = match read_alone.get(key) {
                Some(&w) if w == word => written.get(key).map_or(0, |w| w.0),
                _ => 0,
            };
            read_as.get(word).map_or(0, |n| n - own)
        };
        // A neighbour is read as its context-free repair, so a damaged neighbour still speaks.
        let resolve = |token: &str| {
            let word = context::normal(token);
            priced
                .get(word.as_str())
                .and_then(|p| p.decide(MARGIN, None))
                .map_or(word, |(w, _)| w)
        };
        // (offset, as written, repair and its score) of every token that changes.
        // The readings of tokens in a name's place, where a name is worth more, priced once each.
        let mut in_name_place: HashMap<&str, Priced> = HashMap::default();
        // How much likelier the text is OCR output than clean, as log-odds: what repairs of its
        // marks and letter case score, which only OCR output has reason to need.
        let ocr_odds = (lambda >= MARK_DAMAGE).then(|| (lambda / CLEAN_DAMAGE).ln());
        // A token opening with a capital the OCR reads for another whose small letter does not
        // look like its own (Onr for Dnr) reads as the word that other capital opens, when that
        // is a known word: its cost at this text's damage rate and the misreading's. Only OCR
        // output has reason to.
        let mut misread_capital: HashMap<&str, Vec<(String, f64)>> = HashMap::default();
        for (_, piece) in pieces.iter().filter(|_| ocr_odds.is_some()) {
            let mut chars = piece.word.chars();
            let (Some(first), Shape::Capitalised | Shape::Upper) = (chars.next(), piece.shape)
            else {
                continue;
            };
            let misreadings = self.channel.capitals_read_as(first);
            if misreadings.is_empty() || misread_capital.contains_key(&*piece.key) {
                continue;
            }
            let rest = chars.as_str().to_lowercase();
            let read: Vec<(String, f64)> = misreadings
                .iter()
                .filter_map(|&(capital, p)| {
                    let word: String = capital.to_lowercase().chain(rest.chars()).collect();
                    let cost = self.memo_readings(&word).known()?.cost(lambda);
                    Some((word, cost - p.ln()))
                })
                .collect();
            misread_capital.insert(&piece.key, read);
        }
        let cases = ocr_odds.map(|_| cases(&pieces));
        let capitalised = cases.as_ref().map(capitalised_alone);
        let small_openers = cases.as_ref().map(small_only_opening_lines);
        let small_names = cases.as_ref().map(mostly_capitalised);
        let openers = cases.as_ref().map(name_openers).unwrap_or_default();
        let mut edits: Vec<Edit> = pieces
            .iter()
            .filter_map(|(offset, piece)| {
                let (&key, p) = priced.get_key_value(&*piece.key)?;
                let sightings = capitalised.as_ref().and_then(|c| c.get(key).copied());
                // A sentence's first word that the text writes as a name elsewhere is that name.
                let name_place = piece.in_name_place(names)
                    || piece.shape == Shape::Capitalised && sightings.is_some();
                let p = if name_place {
                    in_name_place.entry(key).or_insert_with(|| {
                        p.in_name_place(
                            names,
                            sightings.unwrap_or(1),
                            self.channel.mark_raised_cost(),
                        )
                        .written_alike(
                            written.get(key).copied().unwrap_or_default(),
                            |w| read_otherwise(key, w),
                            &glyphs,
                        )
                    })
                } else {
                    p
                };
                let with_capital;
                let misread = (piece.shape != Shape::Lower)
                    .then(|| misread_capital.get(key))
                    .flatten()
                    .filter(|read| !read.is_empty());
                let p = match misread {
                    Some(read) => {
                        with_capital = p.with_readings(read);
                        &with_capital
                    }
                    None => p,
                };
                let with_marks;
                let p = match ocr_odds.and_then(|_| p.with_marks_at(&piece.inner_capitals())) {
                    Some(marked) => {
                        with_marks = marked;
                        &with_marks
                    }
                    None => p,
                };
                let reading = || {
                    // Context moves a score by at most MAX_SWING: where that can neither make nor
                    // unmake a repair, nor put another reading first, it is not asked (most tokens).
                    let (score, lead) = p.lead()?;
                    if score <= MARGIN - context::MAX_SWING {
                        return None;
                    }
                    // The name margin keeps a capitalised word, mostly a name, from being read as
                    // another word. A token whose letters spell no listed word or name but only a
                    // compound of lexicon words (Solgarden: sol|garden), or of a name its repair
                    // keeps and lexicon words (Hulta|garden), needs no more than any repair: a
                    // capital weighs that compound and its repair (Solgården) alike, as names of
                    // places and families spell their parts. Nor does a reading that is a name
                    // too (Kallman → Källman).
                    let word_margin = if piece.margin() > MARGIN
                        && readings[key]
                            .known()
                            .is_some_and(|i| is_compound_only(&i.word, p.readings[0].0, names))
                    {
                        MARGIN
                    } else {
                        piece.margin()
                    };
                    let margin = if word_margin > MARGIN
                        && p.readings.first().is_some_and(|r| names.is_name(r.0))
                    {
                        MARGIN
                    } else {
                        word_margin
                    };
                    if score <= margin - context::MAX_SWING {
                        return None;
                    }
                    let (to, score) =
                        if score > margin + context::MAX_SWING && lead > context::MAX_SWING {
                            (p.readings[0].0.to_string(), score)
                        } else {
                            let side = |n: Neighbour, edge: &str| match n {
                                Neighbour::Token(t) => resolve(t),
                                Neighbour::Name(_) => context::NAME.to_string(),
                                Neighbour::Edge => edge.to_string(),
                            };
                            let (before, after) = piece.neighbours;
                            let (before, after) =
                                (side(before, context::START), side(after, context::END));
                            p.decide(margin, Some((&ctx.around(&before, &after), names)))?
                        };
                    if score <= word_margin && !names.is_name(&to) {
                        return None;
                    }
                    if piece.shape == Shape::Capitalised && surname_ending(key, &to, names) {
                        return None;
                    }
                    let opener = openers.contains(key);
                    Some((
                        piece.written(to, names, self.channel, opener, &resolve),
                        score,
                    ))
                };
                // A word the OCR wrote with a capital inside (ProtokoLl) that reads as itself
                // is a known word in the wrong letter case.
                // Whether it is known is asked last: most tokens are in their letter case, and
                // pricing a token as an unknown word runs the spelling model over it.
                // An A inside a word is the OCR's for å or ä, never a small a it raised, so only
                // a reading that mends its letter lowers it (MacAdam stays a name).
                let recased = || {
                    let score = ocr_odds?;
                    let to = piece.shape.apply(key);
                    (to != piece.word
                        && !piece.word.chars().skip(1).any(|c| c == 'A')
                        && readings[key].known().is_some())
                    .then_some((to, score))
                };
                // A word after a full stop that the OCR wrote in lower case opened its sentence
                // with a capital the OCR read small (V, W), when the documents' capitals after a
                // full stop and the OCR's habit make that likelier than a word left in lower case.
                let reopened = ocr_odds
                    .filter(|_| piece.after_stop && piece.shape == Shape::Lower)
                    .and_then(|_| self.channel.capital_after_stop(piece.word.chars().next()?))
                    .filter(|&score| score > MARGIN)
                    // So did a word opening its line in lower case that the text writes with a
                    // capital inside its sentences and small nowhere else, where the OCR is
                    // known to read that capital small.
                    .or_else(|| {
                        (piece.opens_line
                            && piece.capital_read_small(self.channel)
                            && small_openers.as_ref()?.contains(&*piece.key))
                        .then_some(ocr_odds?)
                    });
                let reopen = || reopened.map(|score| (Shape::Capitalised.apply(key), score));
                // A member's surname the OCR wrote in lower case (`Jan wallin (M)`) is a name,
                // which Swedish writes with a capital.
                let surname = || {
                    let score = ocr_odds?;
                    piece
                        .lowered_surname(names)
                        .then(|| (Shape::Capitalised.apply(key), score))
                };
                // A known word the OCR wrote with a capital inside a sentence (Sig), where its
                // habit of raising that letter outweighs how often the documents capitalise it.
                let lowered = || {
                    let score = ocr_odds?;
                    (piece.raised_small(key, names, self.channel)
                        && readings[key].known().is_some())
                    .then(|| (key.to_string(), score))
                };
                // A listed name the text writes with a capital inside its sentences more often
                // than small, where the OCR is known to read that capital small (`i vargarda`
                // beside `i Vargarda`).
                let small_name = |to: &str| {
                    (piece.capital_read_small(self.channel)
                        && small_names.as_ref()?.contains(&*piece.key)
                        && names.lists(to))
                    .then_some(ocr_odds?)
                };
                // A word the documents write with a capital wherever they show it (a party, a
                // district) that the OCR wrote in lower case, where its habit of reading that
                // capital small outweighs how seldom the documents write the word so.
                let lowered_capital = |to: &str| {
                    ocr_odds.is_some()
                        && piece.lowered_capital(&to.to_lowercase(), names, self.channel)
                };
                // A noun in -man after a number or a word that counts several (fyra, flera) is
                // its plural in -män, where that is a reading of it: Swedish counts its men in
                // the plural, and the OCR writes the ä as an a.
                let plural = || {
                    let score = ocr_odds?;
                    let Neighbour::Token(before) = piece.neighbours.0 else {
                        return None;
                    };
                    // A word in -mans the lexicon lists (tillsammans) is no plural unless the
                    // lexicon lists that too.
                    let to = men(key).filter(|to| listed(to, names) || !listed(key, names))?;
                    (counts_several(before, &resolve(before))
                        && readings[key].best.iter().any(|c| c.word == to))
                    .then(|| {
                        (
                            piece.written(to, names, self.channel, false, &resolve),
                            score,
                        )
                    })
                };
                if let Some((to, score)) = plural() {
                    return Some((*offset, piece.word, to, score));
                }
                let (to, score) = match reading() {
                    Some((to, score))
                        if reopened.is_some()
                            || small_name(&to).is_some()
                            || lowered_capital(&to) =>
                    {
                        (Shape::Capitalised.apply(&to), score)
                    }
                    Some(read) => read,
                    None => recased()
                        .or_else(reopen)
                        .or_else(|| Some((Shape::Capitalised.apply(key), small_name(key)?)))
                        .or_else(surname)
                        .or_else(lowered)
                        .or_else(|| {
                            let score = ocr_odds?;
                            (lowered_capital(key) && readings[key].known().is_some())
                                .then(|| (Shape::Capitalised.apply(key), score))
                        })?,
                };
                Some((*offset, piece.word, to, score))
            })
            .collect();
        let alike = self.alike(&pieces, &edits, &readings, capitalised.as_ref(), &resolve);
        edits.extend(alike);
        // A name that reads as Finnish (the Tornedalen's Ranta|talo) is spelt as Finnish spells
        // it: marks no word or name list vouches for are a Swedish guess at it (Räntatalo).
        edits.retain(|(_, written, to, _)| {
            !(tokens::is_capitalised(written)
                && lexicon::reads_finnish(&written.to_lowercase())
                && !listed(&to.to_lowercase(), names))
        });
        edits.sort_by_key(|e| e.0);
        if let Some(score) = ocr_odds {
            // Each kind of mark below reads a span more narrowly than a word's repair does, and
            // replaces any edit it overlaps: a party garbled in its brackets (`(8s)` → `(S)`) is
            // no word to read as `ös`.
            overlay(
                &mut edits,
                tokens::marks(text)
                    .into_iter()
                    .map(|(offset, mark, reading)| (offset, mark, reading.to_string(), score))
                    .collect(),
            );
            // A dash where Swedish sets an en dash (a range's, one between words) is that en dash
            // misread, when that is likelier than the dash written and read as itself.
            overlay(
                &mut edits,
                tokens::dashes(text)
                    .into_iter()
                    .filter_map(|(offset, dash, kind)| {
                        let score =
                            self.channel.probability('–', dash)?.ln() + ctx.dash_odds(kind, dash);
                        let written = &text[offset..offset + dash.len_utf8()];
                        (score > MARK_MARGIN).then(|| (offset, written, "–".to_string(), score))
                    })
                    .collect(),
            );
            // A digit opening an amount's group of thousands (`12 900`) is the zero the OCR
            // misread, when its habit of doing so outweighs how seldom the documents open a
            // group with that digit.
            overlay(
                &mut edits,
                tokens::thousands(text)
                    .into_iter()
                    .filter_map(|(offset, group)| {
                        let digit = group.chars().next()?;
                        let score = self.channel.group_zero_read_as(digit)?.ln()
                            + ctx.zero_group_odds(&group);
                        let written = &text[offset..offset + 1];
                        (score > MARK_MARGIN).then(|| (offset, written, "0".to_string(), score))
                    })
                    .collect(),
            );
            // An abbreviation in capitals takes the marks the document's names, as repaired,
            // give it (`OFN` beside Överförmyndarnämnden).
            if acronyms::has_any(text) {
                let repaired = repaired_tokens(text, &edits);
                overlay(
                    &mut edits,
                    acronyms::acronyms(text, &repaired)
                        .into_iter()
                        .map(|(offset, written, read)| (offset, written, read, score))
                        .collect(),
                );
            }
            // A footnote's number replaces whatever else a mark or word there would read as.
            overlay(
                &mut edits,
                footnotes::footnotes(text)
                    .into_iter()
                    .map(|(offset, mark, raised)| (offset, mark, raised, score))
                    .collect(),
            );
        }
        let mut out = String::with_capacity(text.len());
        let mut changes = Vec::with_capacity(edits.len());
        let mut line = 1;
        let mut line_start = 0;
        let mut last = 0;
        for (offset, from, to, score) in edits {
            out.push_str(&text[last..offset]);
            for (i, _) in text[last..offset].match_indices('\n') {
                line += 1;
                line_start = last + i + 1;
            }
            last = offset + from.len();
            out.push_str(&to);
            changes.push(Change {
                line,
                column: offset - line_start,
                from: from.to_string(),
                to,
                score,
            });
        }
        out.push_str(&text[last..]);
        Repaired { text: out, changes }
    }

    /// The words left as written that read as a word the text repairs elsewhere:
    /// - a name, as a document writes one name one way: where the text repairs a capitalised
    ///   word or one in capitals (`HAbo` → Håbo, whose inner capital is the OCR's mark), every
    ///   other such word of the same letters it left (`Habo` in a sentence, `HABO KOMMUN`, or
    ///   opening one where the text writes the word `capitalised` alone: `Ange kommun ingår`)
    ///   is repaired alike, when all its repairs agree, restore only marks (the OCR loses a
    ///   name's marks wherever it meets it, a letter only by chance: `Knaften` kept elsewhere
    ///   is no knä|Flen) and the text reads as OCR output (`capitalised` is Some): in clean
    ///   text, a name's one doubtful repair is not made many;
    /// - a genitive: where the text repairs a word of at least [`GENITIVE_STEM`] letters
    ///   (`Solgarden` → Solgården), the same word with the genitive's -s that it leaves
    ///   (`Solgardens`) is repaired alike. Names of homes, farms and places come with their
    ///   genitive, whose compound reading the lexicon prices less surely than the word's own.
    ///
    /// Each takes the repair's score, and only where it is one of the word's own readings.
    fn alike<'t>(
        &self,
        pieces: &[(usize, Piece<'t>)],
        edits: &[Edit<'t>],
        readings: &HashMap<&str, Arc<Readings>>,
        capitalised: Option<&HashMap<&str, usize>>,
        resolve: &dyn Fn(&str) -> String,
    ) -> Vec<Edit<'t>> {
        let names = Names::shared();
        let mut repaired: HashMap<&str, (String, f64)> = HashMap::default();
        // A name's repair, or None where two of its repairs disagree.
        let mut named: HashMap<&str, Option<(String, f64)>> = HashMap::default();
        let mut edited = edits.iter().peekable();
        let mut left = Vec::new();
        for (offset, piece) in pieces {
            match edited.next_if(|e| e.0 == *offset) {
                Some((_, _, to, score)) => {
                    let to = to.to_lowercase();
                    if to == *piece.key {
                        continue;
                    }
                    if piece.shape != Shape::Lower {
                        named
                            .entry(&piece.key)
                            .and_modify(|r| {
                                if r.as_ref().is_some_and(|r| r.0 != to) {
                                    *r = None;
                                }
                            })
                            .or_insert_with(|| Some((to.clone(), *score)));
                    }
                    if piece.key.chars().count() >= GENITIVE_STEM {
                        repaired.insert(&piece.key, (to, *score));
                    }
                }
                None => left.push((offset, piece)),
            }
        }
        left.into_iter()
            .filter_map(|(&offset, piece)| {
                let name = capitalised
                    .filter(|alone| {
                        piece.shape == Shape::Upper
                            || piece.in_name_place(names)
                            || piece.shape == Shape::Capitalised && alone.contains_key(&*piece.key)
                    })
                    .and_then(|_| named.get(&*piece.key)?.clone())
                    .filter(|(to, _)| marks_only(&piece.key, to));
                let (to, score) = match name {
                    Some(read) => read,
                    None => {
                        let (to, score) = repaired.get(piece.key.strip_suffix('s')?)?;
                        (format!("{to}s"), *score)
                    }
                };
                if !readings[&*piece.key].best.iter().any(|c| c.word == to) {
                    return None;
                }
                Some((
                    offset,
                    piece.word,
                    piece.written(to, names, self.channel, false, resolve),
                    score,
                ))
            })
            .collect()
    }

    /// Repairs every line of every page, keeping the extracted page beside it. The damage rate
    /// is estimated over the whole document, so each line is judged with its document's evidence.
    pub fn repair_pages(&self, pages: Vec<Page>) -> Vec<RepairedPage> {
        let repaired = self.repair_text(&page_text(&pages));
        let mut lines = repaired.text.split('\n').map(str::to_string);
        pages
            .into_iter()
            .map(|page| {
                let repaired = page
                    .lines
                    .iter()
                    .map(|_| lines.next().unwrap_or_default())
                    .collect();
                RepairedPage { page, repaired }
            })
            .collect()
    }

    /// The readings of every distinct token of `pieces`, from the memo or worked out afresh,
    /// with the batch's adapted words.
    fn all_readings<'p>(&self, pieces: &'p [(usize, Piece)]) -> HashMap<&'p str, Arc<Readings>> {
        let mut readings: HashMap<&str, Arc<Readings>> = HashMap::default();
        let mut fresh = Vec::new();
        {
            let memo = self.memo.read().unwrap_or_else(|e| e.into_inner());
            for (_, piece) in pieces {
                let key = &*piece.key;
                if readings.contains_key(key) {
                    continue;
                }
                let r = match memo.get(key) {
                    Some(r) => Arc::clone(r),
                    None => {
                        let r = Arc::new(self.readings(key));
                        fresh.push((key.to_string(), Arc::clone(&r)));
                        r
                    }
                };
                let r = match self.adapted.get(key) {
                    Some(&n) => Arc::new(r.with_batch_word(key, n)),
                    None => r,
                };
                readings.insert(key, r);
            }
        }
        self.remember(fresh);
        readings
    }

    /// Adds readings worked out afresh to the memo, which starts afresh when they would
    /// overfill it.
    fn remember(&self, fresh: Vec<(String, Arc<Readings>)>) {
        if fresh.is_empty() {
            return;
        }
        let mut memo = self.memo.write().unwrap_or_else(|e| e.into_inner());
        if memo.len() + fresh.len() > MEMO_SIZE {
            memo.clear();
        }
        memo.extend(fresh);
    }

    /// The readings of `key`, from the memo or worked out afresh (and remembered).
    fn memo_readings(&self, key: &str) -> Arc<Readings> {
        let memo = self.memo.read().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = memo.get(key) {
            return Arc::clone(r);
        }
        drop(memo);
        let r = Arc::new(self.readings(key));
        self.remember(vec![(key.to_string(), Arc::clone(&r))]);
        r
    }

    fn readings(&self, key: &str) -> Readings {
        let lex = lexicon::shared();
        let search::Readings {
            mut identity,
            mut best,
        } = search::readings(lex.as_fst(), self.channel, key, READINGS);
        // A word the lexicon lists is as frequent as it lists it: no analysis as an inflection
        // or compound it does not list makes it likelier (`mote`, rare, is no mot|e).
        let listed = |c: &mut Candidate| {
            if let Some(class) = lex.get(&c.word) {
                c.prior = c.prior.max(class as f64 * lexicon::COST_PER_CLASS);
            }
        };
        identity.iter_mut().for_each(listed);
        best.iter_mut().for_each(listed);
        // Every Swedish word has a vowel; one without is an abbreviation, which OCR damage does
        // not make of another (Mbn is no inflection of an `rnb`).
        best.retain(|c| c.word.chars().any(|c| VOWELS.contains(c)));
        // A token is at least as likely as an unknown word, however costly its analysis; no
        // unknown word is likelier than the floor, so a well-known token skips the spelling model.
        let number = key.chars().all(|c| c.is_ascii_digit());
        let floor = if number { NUMBER_COST } else { OOV_COST };
        let unknown = if identity.as_ref().is_some_and(|i| i.prior <= floor) {
            None
        } else if number {
            Some(NUMBER_COST)
        } else {
            Some(unknown_word(key))
        };
        if let Some(prior) = unknown.filter(|&u| identity.as_ref().is_none_or(|i| i.prior > u)) {
            identity = Some(Candidate {
                word: key.to_string(),
                prior,
                channel: 0.0,
                edits: 0,
                intact: Vec::new(),
            });
        }
        Readings { identity, best }
    }

    /// The share of vulnerable letters the OCR damaged in this text: words repaired under an
    /// even prior against words whose vulnerable letters came through.
    fn damage_rate(
        &self,
        pieces: &[(usize, Piece)],
        readings: &HashMap<&str, Arc<Readings>>,
    ) -> f64 {
        let (damaged, intact) = self.damage_counts(pieces, readings);
        ((damaged + 0.1) / (damaged + intact + 1.0)).clamp(0.001, 0.95)
    }

    /// Distinct lower-case words that read as damaged, and those whose vulnerable non-ASCII
    /// letters came through. Each counts once, as a word repeated is one piece of evidence, not
    /// many; and a capitalised word is mostly a name, which a lexicon may not know and so may
    /// seem damaged in clean text (a care home's `Stångågården` once inflated the rate that then
    /// repaired it).
    fn damage_counts(
        &self,
        pieces: &[(usize, Piece)],
        readings: &HashMap<&str, Arc<Readings>>,
    ) -> (f64, f64) {
        let (mut damaged, mut intact) = (0.0_f64, 0.0_f64);
        let mut seen: HashSet<&str> = HashSet::default();
        for (_, piece) in pieces.iter().filter(|(_, p)| p.shape == Shape::Lower) {
            let Some((key, r)) = readings.get_key_value(&*piece.key) else {
                continue;
            };
            if !seen.insert(*key) {
                continue;
            }
            if Priced::new(r, 0.5).decide(MARGIN, None).is_some() {
                damaged += 1.0;
            } else if piece
                .word
                .chars()
                .any(|c| !c.is_ascii() && self.channel.damage(c) > 0.3)
            {
                intact += 1.0;
            }
        }
        (damaged, intact)
    }
}

/// How an OCR text writes a word: with a capital inside a sentence, and in lower case where it
/// opens a line or elsewhere.
#[derive(Debug, Default, Clone, Copy)]
struct Cases {
    /// With a capital inside a sentence.
    capital: usize,
    /// Of those, before a capitalised word.
    capital_before_name: usize,
    /// In lower case opening a line.
    small_opening: usize,
    /// In lower case elsewhere.
    small_inside: usize,
}

impl Cases {
    /// Written with a capital inside a sentence at least twice and never in lower case.
    fn alone(&self) -> bool {
        self.capital >= 2 && self.small_opening + self.small_inside == 0
    }
}

/// How `pieces` write each word's letter case.
fn cases<'p>(pieces: &'p [(usize, Piece)]) -> HashMap<&'p str, Cases> {
    let mut seen: HashMap<&str, Cases> = HashMap::default();
    for (_, piece) in pieces {
        let cases = seen.entry(&piece.key).or_default();
        match piece.shape {
            Shape::Lower if piece.opens_line => cases.small_opening += 1,
            Shape::Lower => cases.small_inside += 1,
            Shape::Capitalised if !piece.sentence_start => {
                cases.capital += 1;
                if matches!(piece.neighbours.1, Neighbour::Name(_)) {
                    cases.capital_before_name += 1;
                }
            }
            _ => {}
        }
    }
    seen
}

/// The words written with a capital inside a sentence at least twice and never in lower case,
/// with how many times: a word used so throughout is one name, whatever a common word of the
/// same letters is (Ange for the place Ånge, never the verb ange), so each of its places pays
/// for reading it as a word that is no name as all of them together do.
fn capitalised_alone<'p>(cases: &HashMap<&'p str, Cases>) -> HashMap<&'p str, usize> {
    cases
        .iter()
        .filter(|(_, c)| c.alone())
        .map(|(&key, c)| (key, c.capital))
        .collect()
}

/// The words written with a capital inside a sentence at least twice, never in lower case, and
/// always before another capitalised word: the first word of a name (`Öländska Byggbolaget`).
fn name_openers<'p>(cases: &HashMap<&'p str, Cases>) -> HashSet<&'p str> {
    cases
        .iter()
        .filter(|(_, c)| c.alone() && c.capital_before_name == c.capital)
        .map(|(&key, _)| key)
        .collect()
}

/// The words written with a capital inside a sentence at least twice and in lower case only
/// where they open a line: there the OCR read the capital small (a page footer's
/// `Utdragsbestyrkande`, read `utdragsbestyrkande` where it opens its line).
fn small_only_opening_lines<'p>(cases: &HashMap<&'p str, Cases>) -> HashSet<&'p str> {
    cases
        .iter()
        .filter(|(_, c)| c.capital >= 2 && c.small_inside == 0)
        .map(|(&key, _)| key)
        .collect()
}

/// The words written with a capital inside a sentence at least twice and more often than in
/// lower case inside a line: a name the OCR read small here and there (`i vargarda` beside
/// `i Vargarda`), where its reading is a name.
fn mostly_capitalised<'p>(cases: &HashMap<&'p str, Cases>) -> HashSet<&'p str> {
    cases
        .iter()
        .filter(|(_, c)| c.capital >= 2 && c.capital > c.small_inside)
        .map(|(&key, _)| key)
        .collect()
}

/// An edit of the text: its byte offset, the span as written, what replaces it, and its score.
type Edit<'t> = (usize, &'t str, String, f64);

/// Each whitespace token of `text`, in order, with `edits` (in the order of the text) made.
fn repaired_tokens<'t>(text: &'t str, edits: &[Edit]) -> Vec<Cow<'t, str>> {
    let mut edits = edits.iter().peekable();
    tokens::whitespace_tokens(text)
        .map(|(offset, token)| {
            let end = offset + token.len();
            if edits.peek().is_none_or(|e| e.0 >= end) {
                return Cow::Borrowed(token);
            }
            let mut out = String::with_capacity(token.len());
            let mut last = offset;
            while let Some((at, from, to, _)) = edits.next_if(|e| e.0 < end) {
                out.push_str(&text[last..*at]);
                out.push_str(to);
                last = at + from.len();
            }
            out.push_str(&text[last.min(end)..end]);
            Cow::Owned(out)
        })
        .collect()
}

/// Puts `over` on `edits`: every edit that overlaps one of `over` gives way to it, and `edits`
/// stays in the order of the text without two edits on one byte, as splicing them in needs.
fn overlay<'t>(edits: &mut Vec<Edit<'t>>, mut over: Vec<Edit<'t>>) {
    over.sort_by_key(|e| e.0);
    // Two of one kind on one span (a dash both a mark and a range's) are one edit.
    over.dedup_by(|later, kept| later.0 < kept.0 + kept.1.len());
    let end = |e: &Edit| e.0 + e.1.len();
    edits.retain(|e| !over.iter().any(|o| o.0 < end(e) && e.0 < end(o)));
    edits.extend(over);
    edits.sort_by_key(|e| e.0);
}

/// Words that count more than one of what follows them.
const SEVERAL: &[&str] = &[
    "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "femton",
    "tjugo", "hundra", "tusen", "fler", "flera", "många", "några", "alla", "andra", "båda",
    "bägge", "samtliga", "övriga", "dessa", "våra", "sina",
];

/// Whether `token`, read as `word` (its context form), counts more than one of what follows it: a
/// number above one that is no year (also a crew's `1+4`), or a word of [`SEVERAL`].
fn counts_several(token: &str, word: &str) -> bool {
    let last = token.rsplit('+').next().unwrap_or(token);
    SEVERAL.contains(&word) || word != context::YEAR && last.parse::<u32>().is_ok_and(|n| n > 1)
}

/// The plural of `word` (lower case) if it is a noun in -man (brandman, huvudmannen, ombudsmans):
/// the same in -män.
fn men(word: &str) -> Option<String> {
    ["man", "mannen", "mans"].iter().find_map(|ending| {
        let stem = word.strip_suffix(ending)?;
        (!stem.is_empty()).then(|| format!("{stem}{}", ending.replacen('a', "ä", 1)))
    })
}

/// Fewest letters of a word ending in -ön that a place's name ends in (Frö|sjön, Stations|miljön):
/// the island itself (ön) and shorter words (lön) end a name's damaged letters by chance.
const PLACE_HEAD: usize = 4;

/// Whether `to` reads the é of a name's last syllable (`Rydén`, `Lidéns`) in `token` as an ö, and
/// no list vouches for it: the OCR writes that é as it stands, and Swedish names end in -én far
/// more often than in -ön, which only a place a list knows (Vargön) or one that ends in a known
/// word (a lake's -sjön) outweighs.
fn surname_ending<'r>(token: &'r str, to: &'r str, names: &Names) -> bool {
    let stem = |w: &'r str| -> &'r str { w.strip_suffix('s').unwrap_or(w) };
    let (token, to) = (stem(token), stem(to));
    if !(token.ends_with("én") && to.ends_with("ön") && token.chars().count() == to.chars().count())
    {
        return false;
    }
    // Only then the lists, which most readings never need asking.
    let lexicon = lexicon::shared();
    let place = listed(to, names)
        || to.char_indices().any(|(at, _)| {
            to[at..].chars().count() >= PLACE_HEAD && lexicon.contains_key(&to[at..])
        });
    !place
}

/// Whether a list vouches for `word` (lower case) as it stands: a lexicon word or a listed name,
/// not a compound of them.
fn listed(word: &str, names: &Names) -> bool {
    names.is_name(word) || lexicon::shared().contains_key(word)
}

/// -ln P of a token no lexicon lists read as itself: an unknown word, as likely as its spelling
/// is Swedish (so `fordldrastodsprogram` is far less likely than a name like `wästerlund`).
fn unknown_word(word: &str) -> f64 {
    if word.chars().all(char::is_alphabetic) {
        OOV_COST + spelling::word_cost(word)
    } else {
        ODD_TOKEN_COST + 0.2 * word.len() as f64
    }
}

/// Whether `word` (lower case), a known reading of a token as itself, is known only as a
/// compound or inflection of lexicon words: no listed word, no name, nor one opening with a name
/// that its reading `to` does not keep (Hulta|garden → Hulta|gården mends only the head).
fn is_compound_only(word: &str, to: &str, names: &Names) -> bool {
    !listed(word, names) && names.opening_names(word).all(|name| to.starts_with(name))
}

/// Whether `reading` has an å, ä or ö where `token` has each of the letters at char
/// `positions`, aligned letter by letter by least edits: there, or beside it where the OCR wrote
/// one mark as two letters (avstAatt → avstått).
fn marks_at(token: &str, reading: &str, positions: &[usize]) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (token.chars().collect(), reading.chars().collect());
    let (n, m) = (a.len(), b.len());
    // Edit distances of every pair of prefixes, then back from the end to the letter of
    // `reading` each letter of `token` stands for (None where it was dropped).
    let mut d = vec![vec![0_usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=m).collect();
    for i in 1..=n {
        for j in 1..=m {
            let same = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j - 1] + same)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
        }
    }
    let mut read_as = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if j > 0 && d[i][j] == d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]) {
            read_as[i - 1] = Some(b[j - 1]);
            (i, j) = (i - 1, j - 1);
        } else if j > 0 && d[i][j] == d[i][j - 1] + 1 {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    let marked = |k: usize| {
        read_as
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|c| "åäö".contains(c))
    };
    positions.iter().all(|&k| {
        let dropped = read_as.get(k).is_some_and(Option::is_none);
        marked(k) || dropped && (k > 0 && marked(k - 1) || marked(k + 1))
    })
}

/// Whether `to` is `token` letter for letter but where `to` has a mark the OCR lost (å, ä, ö, é):
/// a reading that changes nothing else.
fn marks_only(token: &str, to: &str) -> bool {
    token.chars().count() == to.chars().count()
        && token
            .chars()
            .zip(to.chars())
            .all(|(t, w)| t == w || matches!(w, 'å' | 'ä' | 'ö' | 'é'))
}

/// Whether reading `token` (lower case, written with a capital inside a sentence) as `to` takes
/// its capital A, O or G for the OCR's: a lower-case å, ä or ö, whose ring or dots make it as
/// tall as a capital (the dots of an ö close its bowl into a G). Not so for a name or a compound
/// opening with one, nor a word the documents write with a capital.
fn vowel_read_as_capital(token: &str, to: &str, names: &Names) -> bool {
    let first = |w: &str| w.chars().next().unwrap_or_default();
    matches!(
        (first(token), first(to)),
        ('a' | 'o', 'å' | 'ä' | 'ö') | ('g', 'ö')
    ) && !names.opens_with_name(to)
        && !names.usually_capitalised(to)
}

/// The lines of every page as one text, pages and lines separated by newlines.
fn page_text(pages: &[Page]) -> String {
    pages
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .map(|l| l.text.replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A token's readings priced for one text, with its damage rate and glyph habits: what is left
/// to weigh per occurrence is only what the neighbouring words say.
struct Priced<'r> {
    /// -ln P of the token read as itself.
    keep: f64,
    /// The token (lower case).
    token: &'r str,
    /// Each reading with -ln P, cheapest first.
    readings: Vec<(&'r str, f64)>,
    /// Whether the token stands where names stand ([`Priced::in_name_place`]).
    name_place: bool,
}

impl<'r> Priced<'r> {
    fn new(r: &'r Readings, lambda: f64) -> Priced<'r> {
        let token = r.identity.as_ref().map_or("", |i| i.word.as_str());
        let mut readings: Vec<(&str, f64)> = r
            .best
            .iter()
            .map(|c| (c.word.as_str(), c.cost(lambda)))
            .collect();
        readings.sort_by(|a, b| a.1.total_cmp(&b.1));
        Priced {
            keep: r
                .identity
                .as_ref()
                .map_or(ODD_TOKEN_COST, |i| i.cost(lambda)),
            token,
            readings,
            name_place: false,
        }
    }

    /// These readings once the text's glyph habits replace the learned ones.
    fn with_glyphs(&self, glyphs: &Glyphs) -> Priced<'r> {
        self.adjusted(0.0, |w| glyphs.cost(self.token, w))
    }

    /// These readings for a token written with a capital inside a sentence, where a name is
    /// likelier than its frequency says. A reading that takes the capital for the OCR's
    /// (`Over` → över) writes no capital, so what a capital says of a word is not asked of it;
    /// it pays `raised` instead, the OCR's habit of writing that letter as a capital.
    /// Both are paid `sightings` times: once, or as often as the text writes the word with a
    /// capital inside a sentence where it never writes it in lower case ([`capitalised_alone`]),
    /// as the OCR raised the letter at each of them.
    fn in_name_place(&self, names: &Names, sightings: usize, raised: f64) -> Priced<'r> {
        let times = sightings as f64;
        let own = names.capital_cost(self.token);
        let priced = self.adjusted(times * own, |w| {
            if vowel_read_as_capital(self.token, w, names) {
                return times * raised;
            }
            // The OCR misses a word's marks each time it meets it, for want of the glyphs; a
            // letter it drops or adds, it drops or adds by chance, hardly at every place a text
            // writes the word (Gryts read as the name Grytt's). So a reading that changes more
            // than marks is not credited with the places beyond the first.
            let uncredited = if marks_only(self.token, w) {
                0.0
            } else {
                (times - 1.0) * own
            };
            times * names.capital_cost(w) + uncredited
        });
        Priced {
            name_place: true,
            ..priced
        }
    }

    /// These readings for a name the text writes `times` times as `word` (empty if not always
    /// alike): a reading that puts an ö where every sighting has a small o pays for the OCR
    /// writing it so each time beyond the first, as it writes a damaged ö as o only about half
    /// the time (é, 6 the rest) and would have shown another glyph somewhere. Not so where other
    /// tokens of the text read as the same word context-free (`read_otherwise`): those are its
    /// other glyphs. An å or ä it writes as a nearly always, and a capital Ö as O, so those say
    /// little.
    fn written_alike(
        &self,
        (times, word): (usize, &str),
        read_otherwise: impl Fn(&str) -> usize,
        glyphs: &Glyphs,
    ) -> Priced<'r> {
        let per_sighting = glyphs.share('ö', 'o').map_or(0.0, |o| -o.ln());
        self.adjusted(0.0, |w| {
            let mut restored = 0;
            let alike = w.chars().count() == word.chars().count()
                && word.chars().zip(w.chars()).all(|(t, c)| {
                    restored += usize::from(t == 'o' && c == 'ö');
                    t.to_lowercase().eq(c.to_lowercase())
                        || t.is_lowercase() && matches!((t, c), ('o', 'ö') | (_, 'å' | 'ä' | 'é'))
                });
            if times < 2 || !alike || restored == 0 || read_otherwise(w) > 0 {
                return 0.0;
            }
            (times - 1) as f64 * restored as f64 * per_sighting
        })
    }

    /// These readings and `more`, each with its cost.
    fn with_readings<'m: 'r>(&self, more: &'m [(String, f64)]) -> Priced<'r> {
        let mut readings = self.readings.clone();
        readings.extend(more.iter().map(|(w, c)| (w.as_str(), *c)));
        readings.sort_by(|a, b| a.1.total_cmp(&b.1));
        Priced {
            keep: self.keep,
            readings,
            ..*self
        }
    }

    /// These readings for a token of OCR output written with a capital A, O or G inside it at
    /// `positions` (HAbo, StAngAgarden): the OCR's for a lower-case å, ä or ö, whose ring or dots
    /// make it as tall as a capital, so only readings with one of those letters there remain,
    /// and the token as written costs [`INNER_CAPITAL_COST`] more. None when no reading has them.
    fn with_marks_at(&self, positions: &[usize]) -> Option<Priced<'r>> {
        if positions.is_empty() {
            return None;
        }
        let readings: Vec<(&str, f64)> = self
            .readings
            .iter()
            .filter(|(w, _)| marks_at(self.token, w, positions))
            .copied()
            .collect();
        (!readings.is_empty()).then_some(Priced {
            keep: self.keep + INNER_CAPITAL_COST,
            readings,
            ..*self
        })
    }

    /// These readings with `keep` added to the token's cost and `extra` of each reading to its.
    fn adjusted(&self, keep: f64, extra: impl Fn(&str) -> f64) -> Priced<'r> {
        let mut readings: Vec<(&str, f64)> = self
            .readings
            .iter()
            .map(|&(w, c)| (w, c + extra(w)))
            .collect();
        readings.sort_by(|a, b| a.1.total_cmp(&b.1));
        Priced {
            keep: self.keep + keep,
            readings,
            ..*self
        }
    }

    /// The best repair without context, if it beats the token itself by `margin`, with its
    /// log-odds.
    fn read_alone(&self, margin: f64) -> Option<(&'r str, f64)> {
        let &(word, cost) = self.readings.first()?;
        let score = self.keep - cost;
        (score > margin).then_some((word, score))
    }

    /// The best repair, if it beats the token itself by `margin`, with its log-odds; `around`,
    /// when given, is what the neighbouring words say of each reading.
    fn decide(&self, margin: f64, around: Option<(&Around, &Names)>) -> Option<(String, f64)> {
        let Some((around, names)) = around else {
            let (word, score) = self.read_alone(margin)?;
            return Some((word.to_string(), score));
        };
        // The readings come cheapest first and context moves each by at most MAX_WORD_GAIN, so
        // the neighbours are asked only of readings that could still come out cheapest, and of
        // the token only if the cheapest could then beat it (each ask is a few lookups).
        let name = names.is_name(self.token);
        // A listed name where names stand may be that name or the word it spells (Vara, the
        // municipality, or the verb), and the neighbours speak for whichever they fit: the
        // counts write every capital inside a sentence as NAME.
        let named = name && self.name_place;
        let token_gain = OnceCell::new();
        let token_gain = || {
            *token_gain.get_or_init(|| {
                let own = around.gain(&context::normal(self.token));
                if named {
                    own.max(around.gain(context::NAME))
                } else {
                    own
                }
            })
        };
        // Which of two names a person or place bears the neighbours do not tell: a name the
        // counts saw open sentences in help texts is no likelier a member's. A name's readings
        // that are names share its own context.
        let mut best: Option<(&str, f64)> = None;
        for &(w, c) in &self.readings {
            if best.is_some_and(|(_, b)| c - context::MAX_WORD_GAIN >= b) {
                break;
            }
            let gain = if name && names.is_name(w) {
                token_gain()
            } else {
                around.gain(w)
            };
            let c = c - gain;
            if best.is_none_or(|(_, b)| c < b) {
                best = Some((w, c));
            }
        }
        let (word, cost) = best?;
        if self.keep + context::MAX_WORD_GAIN - cost <= margin {
            return None;
        }
        let score = self.keep - token_gain() - cost;
        (score > margin).then(|| (word.to_string(), score))
    }

    /// The log-odds of the best repair without context, and by how much it beats the next best
    /// reading (infinite when it is the only one).
    fn lead(&self) -> Option<(f64, f64)> {
        let best = self.readings.first()?.1;
        let next = self.readings.get(1).map_or(f64::INFINITY, |r| r.1);
        Some((self.keep - best, next - best))
    }
}

impl Readings {
    /// The token read as itself, if that is a known word (or compound): likelier than an
    /// unknown word of its spelling.
    fn known(&self) -> Option<&Candidate> {
        self.identity
            .as_ref()
            .filter(|i| i.prior < unknown_word(&i.word))
    }

    /// These readings for a token that a clean document of the batch spells this way `n` times:
    /// a known word of the batch, however rare or unknown to the lexicon.
    fn with_batch_word(&self, key: &str, n: u32) -> Readings {
        let prior = 12.0 - f64::from(n.min(20)).ln();
        let mut r = self.clone();
        if r.identity.as_ref().is_none_or(|i| prior < i.prior) {
            r.identity = Some(Candidate {
                word: key.to_string(),
                prior,
                channel: 0.0,
                edits: 0,
                intact: Vec::new(),
            });
        }
        r
    }
}

impl Piece<'_> {
    /// The repair `to` (lower case) in the piece's letter case, unless the case was the OCR's:
    /// a stroke read as an i opening a sentence was a capital I, a capital I read for an l was
    /// a lower-case l, and a capital A, O or G read for a lower-case å, ä or ö (whose ring or
    /// dots make it as tall as a capital) inside a sentence was lower case too, unless the word
    /// is or opens with a name, follows one (a surname after its first name), or the documents
    /// capitalise it, or the text writes it only as a name's first word (`opener`, see
    /// [`name_openers`]). A member's surname the OCR wrote in lower case gets its capital back.
    fn written(
        &self,
        to: String,
        names: &Names,
        channel: &Channel,
        opener: bool,
        read: &dyn Fn(&str) -> String,
    ) -> String {
        let first = |w: &str| w.chars().next().unwrap_or_default();
        // A stroke (l, 1, |) read as the i opening a sentence is the bar of a capital I; a
        // small i has its dot.
        if self.sentence_start && matches!((first(self.word), first(&to)), ('l' | '1' | '|', 'i')) {
            return Shape::Capitalised.apply(&to);
        }
        let misread_capital = match (first(self.word), first(&to)) {
            ('I', 'l') => true,
            (c, _) if tokens::is_mark_capital(c) => {
                // Not after a capitalised name: a surname follows its first name (a lower-case
                // `per` is no first name), or a hyphenated one's last part (Sven-Erik): as written,
                // or as repair reads it, for a damaged one (Lars-Géran), though not in the
                // genitive, which a noun follows (Pia Hagströms Ändringsyrkande), nor across a
                // comma, nor where the documents write the word small (Folkpartiet även).
                let after_name = match self.neighbours.0 {
                    Neighbour::Token(t) | Neighbour::Name(t) => {
                        let last = t.rsplit('-').next().unwrap_or_default();
                        t.starts_with(char::is_uppercase)
                            && t.ends_with(char::is_alphabetic)
                            && !names.usually_small(&to)
                            && (names.is_name(&context::normal(last)) || names.lists(&read(last)))
                    }
                    Neighbour::Edge => false,
                };
                // Nor a word opening its line that the documents open lines with in capitals
                // (a heading's Ärendebeskrivning after a title without a stop).
                let heading = self.opens_line && names.opens_lines_capitalised(&to);
                // Nor a word before a capitalised one that the documents capitalise there, or
                // that this text writes nowhere else: a name's first word (Östra Göinge, Övre
                // Dalen, Öländska Byggbolaget), but not `över` before a board. The capitalised
                // word may open the next line (`Miljöförbundet Östra\nHalland`).
                let before_name = match self.neighbours.1 {
                    Neighbour::Name(_) => true,
                    Neighbour::Token(next) => tokens::is_capitalised(next),
                    Neighbour::Edge => false,
                } && (opener || names.capitalised_before_name(&to));
                self.in_name_place(names)
                    && !after_name
                    && !before_name
                    && !heading
                    && vowel_read_as_capital(&self.key, &to, names)
                    // Nor a compound the documents never show whose head's words they write with
                    // a capital (a home's Älvgården). Only its letter case asks the head: the
                    // reading was chosen with the capital priced as for any word.
                    && !names.head_usually_capitalised(&to)
            }
            _ => false,
        };
        // A digit read for the first letter (6 for ö) has no case of its own: a name takes its
        // capital. (A sentence's first word may not: att-sats lists run on in lower case.)
        let caseless = !first(self.word).is_alphabetic();
        if misread_capital || self.raised_small(&to, names, channel) {
            to
        } else if self.lowered_surname(names) || caseless && names.is_name(&to) {
            Shape::Capitalised.apply(&to)
        } else {
            self.shape.apply(&to)
        }
    }

    /// How often the OCR reads the capital of the piece's first letter small (V as v), if the
    /// piece is written in lower case and the OCR is known to.
    fn capital_read_small_rate(&self, channel: &Channel) -> Option<f64> {
        let small = self.word.chars().next()?;
        let capital = small.to_uppercase().next()?;
        (self.shape == Shape::Lower)
            .then(|| channel.initial(capital, small))
            .flatten()
    }

    /// Whether the piece is written in lower case with a first letter whose capital the OCR is
    /// known to read small (V read as v).
    fn capital_read_small(&self, channel: &Channel) -> bool {
        self.capital_read_small_rate(channel).is_some()
    }

    /// Whether the piece, in lower case, is `to` (lower case) whose capital the OCR read small
    /// (V as v): when its habit of doing so outweighs how seldom the documents write the word
    /// small.
    fn lowered_capital(&self, to: &str, names: &Names, channel: &Channel) -> bool {
        self.capital_read_small_rate(channel).is_some_and(|r| {
            let p = names.capital_share(to);
            r * p > 1.0 - p
        })
    }

    /// Whether the piece's capital inside a sentence is one the OCR made of a small letter (an
    /// l read as L, an s as S), read as `to`: when its habit of doing so outweighs how often the
    /// documents capitalise the word there.
    fn raised_small(&self, to: &str, names: &Names, channel: &Channel) -> bool {
        let Some(capital) = self.word.chars().next() else {
            return false;
        };
        let small = capital.to_lowercase().next().unwrap_or(capital);
        self.in_name_place(names)
            && !names.is_name(to)
            && channel.initial(small, capital).is_some_and(|r| {
                let p = names.capital_share(to);
                r * (1.0 - p) > p
            })
    }

    /// Whether the piece stands where names stand: written with a capital inside a sentence,
    /// or a name opening a line or sentence before another capitalised word (a first name
    /// before its surname in a list of members).
    fn in_name_place(&self, names: &Names) -> bool {
        self.shape == Shape::Capitalised
            && (!self.sentence_start
                || matches!(self.neighbours.1, Neighbour::Name(_)) && names.is_name(&self.key))
    }

    /// Whether the piece, in lower case, stands where a member's surname does: after a
    /// capitalised first name (or a hyphenated one's last part) and before the member's party in
    /// brackets.
    fn lowered_surname(&self, names: &Names) -> bool {
        let (Neighbour::Token(first) | Neighbour::Name(first), Neighbour::Token(party)) =
            self.neighbours
        else {
            return false;
        };
        let first_name = || {
            tokens::is_capitalised(first)
                && first
                    .rsplit('-')
                    .next()
                    .is_some_and(|n| names.is_name(&n.to_lowercase()))
        };
        self.shape == Shape::Lower && tokens::is_party(party) && first_name()
    }

    /// The char positions of the capital A, O and G inside the word, which [`tokens::split`]
    /// reads as the OCR's for å, ä or ö (none in a word in capitals throughout).
    fn inner_capitals(&self) -> Vec<usize> {
        if self.shape == Shape::Upper {
            return Vec::new();
        }
        self.word
            .chars()
            .enumerate()
            .skip(1)
            .filter(|&(_, c)| tokens::is_mark_capital(c))
            .map(|(k, _)| k)
            .collect()
    }

    fn margin(&self) -> f64 {
        if self.shape != Shape::Lower && !self.sentence_start {
            MARGIN + NAME_MARGIN
        } else {
            MARGIN
        }
    }
}
