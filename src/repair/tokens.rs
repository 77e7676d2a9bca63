//! Splits text into the word pieces repair may touch, leaving everything else (punctuation,
//! numbers, case numbers, abbreviations, whitespace) to be copied through byte for byte.

use std::borrow::Cow;

use super::context::{is_year, Context};
use crate::model::{bracketed, NATIONAL_PARTIES};
use crate::segment::MONTHS;
use unicode_normalization::UnicodeNormalization;

/// Punctuation that ends a sentence, so the next word opens one.
const STOPS: [char; 4] = ['.', '!', '?', ':'];
/// The stops after which the next word opens with a capital (a colon's may run on in lower case).
const FULL_STOPS: [char; 3] = ['.', '!', '?'];
/// Punctuation that may open a token before its word.
const OPENERS: &[char] = &['(', '[', '"', '\'', '«', '»', '“', '”', '‘', '’'];
/// Punctuation that may close a token after its word.
const CLOSERS: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '»', '”', '’', '°', '®', '*',
];

/// The letter case of a word, re-applied to its repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// all lower case
    Lower,
    /// First letter upper case, the rest lower case.
    Capitalised,
    /// ALL UPPER CASE.
    Upper,
}

/// Letters from which a word in capitals throughout, with a vowel among them, is read as a word,
/// not an abbreviation: a town in a letterhead (MALMO STAD) has five.
const CAPS_WORD: usize = 5;
/// Letters from which a capital L inside a lower-case word is taken for the OCR's misread l.
const MIXED_WORD: usize = 5;

impl Shape {
    /// `word` (lower case) in this shape.
    pub fn apply(self, word: &str) -> String {
        match self {
            Shape::Lower => word.to_string(),
            Shape::Capitalised => {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            Shape::Upper => word.to_uppercase(),
        }
    }
}

/// A word repair may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'t> {
    /// The word as written.
    pub word: &'t str,
    /// The word in lower case, as the lexicon and the memo of readings know it (most words are
    /// written so, and are borrowed).
    pub key: Cow<'t, str>,
    /// Its letter case.
    pub shape: Shape,
    /// Whether it opens a sentence or line, where a capital says nothing about names.
    pub sentence_start: bool,
    /// Whether it opens its line, where headings stand as well as wrapped lines' words.
    pub opens_line: bool,
    /// Whether it is the first word after a word that ends in a full stop (`beslut. Vi`) or
    /// after a heading (`Bakgrund` alone on its line), where the documents nearly always write a
    /// capital.
    pub after_stop: bool,
    /// The whitespace-separated tokens before and after it, for word context.
    pub neighbours: (Neighbour<'t>, Neighbour<'t>),
}

/// A token beside a piece, as word context sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Neighbour<'t> {
    /// A word or number, read in its context form.
    Token(&'t str),
    /// A capitalised word inside a sentence, which the counts take as a name: a name's
    /// neighbours in one document say nothing of another's.
    Name(&'t str),
    /// None: the piece opens or closes a sentence.
    Edge,
}

/// `word` in lower case, borrowed if it is written so.
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Every repairable piece of `text`, with its byte offset.
pub fn split(text: &str) -> Vec<(usize, Piece<'_>)> {
    let tokens: Vec<(usize, &str)> = whitespace_tokens(text).collect();
    let cell_ends: Vec<bool> = (0..tokens.len())
        .map(|i| ends_cell(text, &tokens, i))
        .collect();
    // A line break is no sentence's end in itself: OCR wraps running text at any word. How
    // often it does (one break in this many words) is what a break after a word that seldom
    // ends a sentence is weighed against.
    let breaks = 1 + text.trim_end().matches('\n').count();
    let wrap_odds = breaks as f64 / tokens.len().max(1) as f64;
    let ctx = Context::shared();
    let (paragraph_ends, heading_ends) = paragraph_ends(text, &tokens, ctx);
    let opens: Vec<bool> = (0..tokens.len())
        .map(|i| {
            (opens_line(text, &tokens, i)
                && !carries_on(text, &tokens, &paragraph_ends, i, wrap_odds, ctx))
                || tokens[i - 1].1.ends_with(STOPS)
                || cell_ends[i - 1]
        })
        .collect();
    let in_caps_heading = caps_headings(text, &tokens);
    let neighbour = |j: usize| {
        let (_, t) = tokens[j];
        if !opens[j] && is_capitalised(t) {
            Neighbour::Name(t)
        } else {
            Neighbour::Token(t)
        }
    };
    let mut pieces = Vec::new();
    for (i, &(offset, token)) in tokens.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| tokens[j]);
        let sentence_start = opens[i];
        // A paragraph's end ends a heading that has no stop too.
        let sentence_end =
            token.ends_with(['.', '!', '?', ':', ';']) || cell_ends[i] || paragraph_ends[i];
        let neighbours = (
            if sentence_start {
                Neighbour::Edge
            } else {
                neighbour(i - 1)
            },
            if sentence_end || i + 1 == tokens.len() {
                Neighbour::Edge
            } else {
                neighbour(i + 1)
            },
        );
        if token.contains("://") || token.starts_with("www.") || token.contains('@') {
            continue; // addresses are copied as written
        }
        if is_series_label(token, tokens.get(i + 1).map(|&(_, t)| t)) {
            continue;
        }
        let (lead, core) = core(token);
        let line_start = opens_line(text, &tokens, i);
        let mut part_offset = offset + lead;
        // Parts of hyphenated and slashed compounds (åtgärder/insatser) are read one by one.
        for (k, part) in core.split(['-', '/']).enumerate() {
            let opens = sentence_start && k == 0;
            // A unit written onto its number (12år, 16ggr) is read as a word after a number; a
            // single digit before letters is more often a damaged letter (6versyn).
            let digits = part.len() - part.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let is_word = part.chars().any(char::is_alphabetic)
                && part
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '&' || c == '#');
            // (bytes skipped, letter case, opens a sentence, neighbours) of a part to read.
            let read = if digits >= 2
                && part.len() - digits >= 2
                && part[digits..].chars().all(char::is_alphabetic)
            {
                let after_number = (Neighbour::Token(&part[..digits]), neighbours.1);
                shape(&part[digits..], false, false).map(|s| (digits, s, false, after_number))
            } else if is_word {
                // A short word in capitals joined to others by a dash (VA-taxan, EU-medel) is
                // an abbreviation even opening a sentence, where a lone one may be a word.
                let alone = part.len() == core.len();
                shape(part, opens && alone, in_caps_heading[i]).map(|s| (0, s, opens, neighbours))
            } else if part == "1" && core == "1" {
                // After a blank line, a paragraph starts, whatever the line before ended with.
                let prev = prev.filter(|_| !paragraph_ends[i - 1]);
                lone_digit_in_prose(prev.map(|(_, t)| t), tokens.get(i + 1).map(|&(_, t)| t))
                    .map(|shape| (0, shape, shape == Shape::Capitalised, neighbours))
            } else {
                None
            };
            if let Some((skip, shape, sentence_start, neighbours)) = read {
                pieces.push((
                    part_offset + skip,
                    Piece {
                        word: &part[skip..],
                        key: lower(&part[skip..]),
                        shape,
                        sentence_start,
                        opens_line: k == 0 && lead == 0 && skip == 0 && line_start,
                        after_stop: k == 0
                            && lead == 0
                            && (prev.is_some_and(|(_, t)| ends_sentence(t))
                                || i > 0 && heading_ends[i - 1]),
                        neighbours,
                    },
                ));
            }
            part_offset += part.len() + 1;
        }
    }
    pieces
}

/// Longest label of a minute series a board sets before its items' § (`Dir § 19`, `KSAU § 4`).
const SERIES_LABEL: usize = 5;

/// Whether `token`, followed by `next`, labels a board's series of minutes before an item's §
/// (`Fdir § 96`, `Dir § 19`, `Ks §§ 4–6`): the clerk's own abbreviation, which no word list
/// has and which may spell a word's damage (Dir as där), so it is copied as written.
fn is_series_label(token: &str, next: Option<&str>) -> bool {
    next.is_some_and(|n| n.starts_with('§'))
        && token.chars().count() <= SERIES_LABEL
        && token.starts_with(char::is_uppercase)
        && token.chars().all(char::is_alphabetic)
}

/// A token's word with its surrounding punctuation trimmed, and the bytes trimmed before it.
fn core(token: &str) -> (usize, &str) {
    let core = token.trim_start_matches(OPENERS);
    (token.len() - core.len(), core.trim_end_matches(CLOSERS))
}

/// Whether a table cell ends after token `i` of `tokens` (offsets into `text`), as a sentence
/// does: the extractor put a tab there, or the OCR read the table's rule as a lone `|`.
fn ends_cell(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    let Some(&(next, next_token)) = tokens.get(i + 1) else {
        return false;
    };
    let (offset, token) = tokens[i];
    text[offset + token.len()..next].contains('\t') || token == "|" || next_token == "|"
}

/// For each token, whether it stands in a heading set in capitals throughout: a run of words
/// on one line, no wider gap than two spaces between them, none with a small letter and one of
/// at least [`CAPS_WORD`] letters (`TIMRA KOMMUN`, `MILJO- OCH BYGGNADSNAMNDEN`). A short word
/// there is a word of the heading, such as the municipality's name, not an abbreviation.
fn caps_headings(text: &str, tokens: &[(usize, &str)]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut start = 0;
    for i in 1..=tokens.len() {
        let apart = tokens.get(i).is_none_or(|&(offset, _)| {
            let (end, token) = tokens[i - 1];
            let gap = &text[end + token.len()..offset];
            gap.contains(['\n', '\t']) || gap.contains("   ")
        });
        if !apart {
            continue;
        }
        let run = &tokens[start..i];
        let heading = run.iter().all(|(_, t)| !t.chars().any(char::is_lowercase))
            && run
                .iter()
                .any(|(_, t)| t.chars().filter(|c| c.is_alphabetic()).count() >= CAPS_WORD);
        out[start..i].fill(heading);
        start = i;
    }
    out
}

/// Whether token `i` of `tokens` (offsets into `text`) opens a line.
pub fn opens_line(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    i.checked_sub(1).is_none_or(|j| {
        let (offset, token) = tokens[j];
        text[offset + token.len()..tokens[i].0].contains('\n')
    })
}

/// Whether token `i` of `tokens` (offsets into `text`) ends a line.
fn ends_line(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    i + 1 == tokens.len() || opens_line(text, tokens, i + 1)
}

/// Whether token `i` of `tokens`, opening a line, carries on the sentence of the line before:
/// that line ends in a word in lower case (or one whose capital is that of a sentence it opens
/// on that line, `hösten. Inom`, or of a name token `i` goes on with, `i Östra\nStarby`), with
/// no punctuation and no paragraph's end after it
/// (`paragraph_ends`), that ends sentences less often than the text wraps its lines
/// (`wrap_odds`). A capitalised label opening the line (`Ärendenr:` under an item's heading)
/// carries on nothing: no sentence goes on with a capital and a colon.
fn carries_on(
    text: &str,
    tokens: &[(usize, &str)],
    paragraph_ends: &[bool],
    i: usize,
    wrap_odds: f64,
    ctx: &Context,
) -> bool {
    let (_, token) = tokens[i];
    if token.ends_with(':') && token.starts_with(char::is_uppercase) {
        return false;
    }
    i.checked_sub(1).is_some_and(|j| {
        let prev = tokens[j].1;
        let opens_sentence =
            || !opens_line(text, tokens, j) && tokens[j - 1].1.ends_with(FULL_STOPS);
        let mut letters = prev.chars();
        let capitalised =
            letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase);
        // A name goes on across the break with its next capitalised word (Östra\nStarby).
        let name_goes_on = || {
            capitalised
                && is_capitalised(token)
                && !opens_line(text, tokens, j)
                && !opens_sentence()
        };
        let in_lower_case = prev.chars().all(char::is_lowercase)
            || capitalised && opens_sentence()
            || name_goes_on();
        in_lower_case && !paragraph_ends[j] && ctx.end_odds(&lower(prev)) < wrap_odds
    })
}

/// How much likelier a capitalised line standing alone ends at its last word than running text
/// does: such a line is mostly a heading.
const HEADING_ODDS: f64 = 10.0;
/// Most words of a line read as a heading before the capital it leaves a paragraph to open
/// (`Förslag till beslut`, not a sentence set apart by the OCR's blank lines).
const HEADING_WORDS: usize = 4;

/// Whether a paragraph ends after each token of `tokens` (offsets into `text`): a blank line
/// follows it, unless the OCR put that blank line inside a sentence, which then goes on with a
/// word in lower case, or goes on after a word in lower case that ends sentences less often
/// than the text sets blank lines (per word), such as `av` or `ett`. And whether a heading ends
/// there: a short capitalised line alone between blank lines, whose last word ends it (however
/// the next word opens, as the OCR reads some capitals small).
fn paragraph_ends(text: &str, tokens: &[(usize, &str)], ctx: &Context) -> (Vec<bool>, Vec<bool>) {
    let blank_after = |i: usize| {
        let (offset, token) = tokens[i];
        tokens
            .get(i + 1)
            .is_some_and(|&(next, _)| text[offset + token.len()..next].matches("\n").count() >= 2)
    };
    let blanks: Vec<bool> = (0..tokens.len()).map(blank_after).collect();
    let blank_odds = blanks.iter().filter(|&&b| b).count() as f64 / tokens.len().max(1) as f64;
    // A capitalised line with blank lines on both sides is mostly a heading (`Övriga
    // synpunkter`), whose last word ends it unless that word hardly ends anything (`en`, `om`);
    // the OCR's fragments of a line set apart so open in lower case (`sammanträde eller`).
    // Each token's place in its line, and whether that line is alone so.
    let (mut heading, mut line_start) = (false, 0);
    let alone: Vec<(bool, usize)> = (0..tokens.len())
        .map(|i| {
            if opens_line(text, tokens, i) {
                heading = (i == 0 || blanks[i - 1]) && tokens[i].1.starts_with(char::is_uppercase);
                line_start = i;
            }
            (heading, i - line_start)
        })
        .collect();
    // Whether the word ends its line as a heading's last word does, were the line alone.
    let ends_heading = |i: usize| {
        let word = tokens[i].1;
        let odds = if alone[i].0 { HEADING_ODDS } else { 1.0 } * ctx.end_odds(word);
        !word.chars().all(char::is_lowercase) || odds >= blank_odds
    };
    let paragraph_ends = (0..tokens.len())
        .map(|i| blanks[i] && !tokens[i + 1].1.starts_with(char::is_lowercase) && ends_heading(i))
        .collect();
    let heading_ends = (0..tokens.len())
        .map(|i| {
            let (alone, at) = alone[i];
            blanks[i] && alone && at < HEADING_WORDS && ends_heading(i)
        })
        .collect();
    (paragraph_ends, heading_ends)
}

/// Whether `token` is a word of two letters or more ending in a full stop: the sentence it ends
/// is over (if it is no abbreviation), and the next word opens one.
fn ends_sentence(token: &str) -> bool {
    token
        .strip_suffix(FULL_STOPS)
        .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
}

/// Whether `c` is a capital the OCR writes for a lower-case å, ä or ö, whose ring or dots make it
/// as tall as a capital (the dots of an ö close its bowl into a G).
pub fn is_mark_capital(c: char) -> bool {
    matches!(c, 'A' | 'O' | 'G')
}

/// Whether `token` is written capitalised: a capital first, not capitals throughout.
pub fn is_capitalised(token: &str) -> bool {
    let word = token.trim_start_matches(OPENERS);
    word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// A bare "1" before a lower-case word is more often a misread "i" than a count: inside a
/// sentence after a lower-case word (`i`), or opening one (`I`). Its letter case, if so.
fn lone_digit_in_prose(prev: Option<&str>, next: Option<&str>) -> Option<Shape> {
    let lower_word = |t: &str| t.chars().all(|c| c.is_lowercase());
    if !next.is_some_and(|t| lower_word(t.trim_end_matches(CLOSERS))) {
        return None;
    }
    match prev {
        None => Some(Shape::Capitalised),
        Some(t) if t.ends_with(STOPS) => Some(Shape::Capitalised),
        Some(t) if lower_word(t) => Some(Shape::Lower),
        Some(_) => None,
    }
}

/// The letter case of `word`, if repair may read it; `opens` when it opens a sentence or line.
fn shape(word: &str, opens: bool, caps_heading: bool) -> Option<Shape> {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let length = letters.clone().count();
    let first = letters.next()?;
    // OCR writes a lower-case å, ä or ö as a capital A, O or G inside a word (pA, JOrgen, fGr:
    // the learned channel has g for each of the three), and in a longer word an l as a capital
    // L (ProtokoLl); those capitals are read as the lower-case letters they stand for. A short
    // word's inner L is an abbreviation's (SoL, PuL).
    if first.is_uppercase() && letters.clone().all(char::is_uppercase) {
        // A long word in capitals throughout is a heading's (PROTOKOLL), and so is a short one
        // in a heading set in capitals (TIMRA KOMMUN); elsewhere a short one is an abbreviation
        // (SAPO, FHS), which repair leaves alone, but for a word of two opening a sentence whose
        // second capital is the OCR's A or O for å, ä or ö (PA for På).
        if opens && length == 2 && matches!(letters.next(), Some('A' | 'O')) {
            return Some(Shape::Capitalised);
        }
        // Outside such a heading, capitals with no vowel among them (MSBFS) are an
        // abbreviation however long.
        let vowel = word
            .chars()
            .flat_map(char::to_lowercase)
            .any(|c| super::VOWELS.contains(c));
        return (vowel && length >= CAPS_WORD || caps_heading && length >= 3)
            .then_some(Shape::Upper);
    }
    if opens_name_part(word) {
        return None;
    }
    // An L between a capital and a small letter (ULf) is no abbreviation's either, which end
    // in their small letters (SoL, PuL).
    let second_l = {
        let mut l = word.chars().skip(1);
        l.next() == Some('L') && l.next().is_some_and(char::is_lowercase)
    };
    let misread = |c: char| is_mark_capital(c) || (c == 'L' && (length >= MIXED_WORD || second_l));
    let mut rest = letters.filter(|&c| !misread(c));
    if !rest.all(char::is_lowercase) {
        return None; // MixedCase names are left alone
    }
    if first.is_uppercase() {
        // Inside a sentence, a capitalised word of one or two letters is an initial or an
        // abbreviation, unless its capital is the OCR's A or O for å, ä or ö (per Ar); opening
        // one, it is a word (På, Är).
        let misread_short = length == 2 && matches!(first, 'A' | 'O');
        (word.chars().count() > 2 || opens || misread_short).then_some(Shape::Capitalised)
    } else {
        Some(Shape::Lower)
    }
}

/// Whether `word` is a name whose capital after a capital and one or two lower-case letters
/// opens its second part (McDonald, DeGeer, DiCaprio): no letter the OCR misread.
fn opens_name_part(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if !letters.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut run = 0;
    let mut next = letters.next();
    while next.is_some_and(char::is_lowercase) {
        run += 1;
        next = letters.next();
    }
    // An A or O or a long word's L there is more often the OCR's, for å, ä, ö or l (StAlnacke,
    // BesOksadress, BesLutet); repair reads such a word only where the lexicon knows it.
    let misread =
        |c: char| matches!(c, 'A' | 'O') || (c == 'L' && word.chars().count() >= MIXED_WORD);
    (1..=2).contains(&run)
        && next.is_some_and(|c| c.is_uppercase() && !misread(c))
        && letters.next().is_some_and(char::is_lowercase)
}

/// The whitespace-separated tokens of `text`, with their byte offsets.
pub fn whitespace_tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(char::is_whitespace)
        .scan(0, |pos, chunk| {
            let start = *pos;
            *pos += chunk.len();
            Some((start, chunk.trim_end_matches(char::is_whitespace)))
        })
        .filter(|(_, t)| !t.is_empty())
}

/// Marks an OCR engine misreads in Swedish text, with what they stand for: the en dash Swedish
/// sets as a dash and list marker read as an em dash or, opening a line, as a tilde, a list
/// bullet read as `+`, `*`, `.`, `°`, `¢` or `«` at the start of a line (where no sentence
/// opens with one) or between a letterhead's names ([`separates_names`]), the section sign of
/// a minute's items read as an `8`, a member's vote in a roll-call table read as a small `x`
/// (after a party, or anywhere in a table that shows a capital), a zero of an amount read as
/// `@` or `©` ([`misread_zeros`]), a date's zero read as a 9 ([`impossible_date`]), a member's
/// party in braces ([`party_in_braces`]) or garbled inside its brackets ([`garbled_party`]), a
/// numbered list's marker ([`list_markers`]). Only for text known to be OCR output: clean text
/// means what it writes.
pub fn marks(text: &str) -> Vec<(usize, &str, &'static str)> {
    let tokens: Vec<(usize, &str)> = whitespace_tokens(text).collect();
    // The national parties the text writes correctly in brackets, and whether it writes them in
    // lower case (older minutes' `(s)`), as a garbled one is then read.
    let (written, lower): (Vec<String>, Vec<bool>) = tokens
        .iter()
        .filter_map(|&(_, t)| bracketed(t))
        .map(|t| (t.to_uppercase(), t.chars().all(char::is_lowercase)))
        .filter(|(party, _)| NATIONAL_PARTIES.contains(&party.as_str()))
        .unzip();
    let lower = 2 * lower.iter().filter(|&&l| l).count() > lower.len();
    let mut marks = list_markers(text, &tokens);
    // A lone mark ending a line is a vote in a roll-call table. Where the text sets one as a
    // capital, or the doubled strokes the OCR makes of one, its small x are capitals read small.
    let in_table = |i: usize| ends_line(text, &tokens, i) && !opens_line(text, &tokens, i);
    let capital_votes = tokens
        .iter()
        .enumerate()
        .any(|(i, &(_, t))| matches!(t, "X" | "xX" | "Xx") && in_table(i));
    for (i, &(offset, token)) in tokens.iter().enumerate() {
        if let Some(party) = garbled_party(&tokens, i, &written, lower) {
            marks.push(party);
            continue;
        }
        let line_start = opens_line(text, &tokens, i);
        let next_is_word = tokens
            .get(i + 1)
            .is_some_and(|(_, t)| t.starts_with(char::is_alphabetic));
        if let Some(zeros) = misread_zeros(&tokens, i) {
            marks.extend(zeros);
            continue;
        }
        if let Some(nines) = impossible_date(offset, token) {
            marks.extend(nines);
            continue;
        }
        if let Some(braces) = party_in_braces(&tokens, i) {
            marks.extend(braces);
            continue;
        }
        if let Some(sign) = law_sign(&tokens, i) {
            marks.push((offset, sign, section_signs(sign)));
            continue;
        }
        match token {
            "—" => marks.push((offset, token, "–")),
            "+" | "*" | "«" if separates_names(text, &tokens, i) => {
                marks.push((offset, token, "•"))
            }
            "+" | "*" | "." | "°" | "¢" | "«" if line_start && next_is_word => {
                marks.push((offset, token, "•"))
            }
            "~" if line_start && next_is_word => marks.push((offset, token, "–")),
            "8§" | "§8" | "§8§" => marks.push((offset, token, "§§")),
            "8" | "88" if section_sign(text, &tokens, i) => {
                marks.push((offset, token, section_signs(token)))
            }
            "x" | "xX" | "Xx" if capital_votes && in_table(i) || vote_mark(text, &tokens, i) => {
                marks.push((offset, token, "X"))
            }
            _ => {}
        }
    }
    marks
}

/// A numbered list's markers, as a number and a full stop opening a line before a word, set
/// right where the OCR misread them: a marker with a comma for its stop that counts on from the
/// one before or up to the one after (`2,` between `1.` and `3.`), and a list's first, which
/// the next counts up from (`4.` or `14.` before `2.`) where no marker before it does: its 1
/// misread, whatever the OCR made of it. A list counts up by one.
fn list_markers<'t>(
    text: &str,
    tokens: &[(usize, &'t str)],
) -> Vec<(usize, &'t str, &'static str)> {
    let markers: Vec<(usize, &str, u32, char)> = tokens
        .iter()
        .enumerate()
        .filter(|&(i, _)| {
            opens_line(text, tokens, i)
                && tokens
                    .get(i + 1)
                    .is_some_and(|(_, t)| t.starts_with(char::is_alphabetic))
        })
        .filter_map(|(_, &(offset, token))| {
            let stop = token.chars().last().filter(|c| matches!(c, '.' | ','))?;
            let digits = &token[..token.len() - 1];
            let number = (1..=2)
                .contains(&digits.len())
                .then(|| digits.parse().ok())
                .flatten()?;
            Some((offset, token, number, stop))
        })
        .collect();
    let mut out = Vec::new();
    for (k, &(offset, token, number, stop)) in markers.iter().enumerate() {
        let before = k.checked_sub(1).map(|b| markers[b].2);
        let after = markers.get(k + 1).map(|m| m.2);
        let counts_on = before == Some(number.wrapping_sub(1)) || after == Some(number + 1);
        let read = if stop == ',' && counts_on {
            LIST_MARKERS.get(number as usize).copied()
        } else if number != 1 && after == Some(2) && before != Some(number.wrapping_sub(1)) {
            Some(LIST_MARKERS[1])
        } else {
            None
        };
        out.extend(read.map(|r| (offset, token, r)));
    }
    out
}

/// The markers of a numbered list's first items, by their number.
const LIST_MARKERS: [&str; 10] = ["0.", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."];

/// The zeros the OCR read as `@` or `©` in token `i` of `tokens`, if it is a group of thousands
/// ([`thousands_group`]): no sign stands among an amount's digits. Or the zeros it read as
/// those signs or as the letters O and Q among a number's digits ([`number_part_zeros`]).
fn misread_zeros<'t>(
    tokens: &[(usize, &'t str)],
    i: usize,
) -> Option<Vec<(usize, &'t str, &'static str)>> {
    let Some(group) = thousands_group(tokens, i) else {
        return number_part_zeros(tokens[i].0, tokens[i].1);
    };
    group.contains(SIGNS_FOR_ZERO).then(|| {
        char_marks(tokens[i].0, group, |c| {
            SIGNS_FOR_ZERO.contains(&c).then_some("0")
        })
    })
}

/// The zeros the OCR read as a sign ([`SIGNS_FOR_ZERO`]) or as the letter O or Q in `token` (at
/// byte `offset`): in a part of it between the separators of dates, times, amounts and case
/// numbers (`-/.:,`) that is otherwise all digits (`LK/Q81147`, `Q60-16`, `2010-@5-12`,
/// `©9.00`). A letter needs two digits beside it in its part, as no Swedish word is spelled so,
/// while a quarter (Q1) or a grade (O2) is a letter and a digit.
fn number_part_zeros(offset: usize, token: &str) -> Option<Vec<(usize, &str, &'static str)>> {
    // Most tokens are words: without a digit there is no number to read.
    if !token.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (lead, core) = core(token);
    let mut zeros = Vec::new();
    let mut start = 0;
    for part in core.split(['-', '/', '.', ':', ',']) {
        let digits = part.bytes().filter(u8::is_ascii_digit).count();
        let signs = part.chars().filter(|c| SIGNS_FOR_ZERO.contains(c)).count();
        let letters = part
            .chars()
            .filter(|c| LETTERS_FOR_ZERO.contains(c))
            .count();
        let read = digits + signs + letters == part.chars().count()
            && signs + letters > 0
            && digits >= if letters > 0 { 2 } else { 1 };
        if read {
            zeros.extend(char_marks(offset + lead + start, part, |c| {
                (SIGNS_FOR_ZERO.contains(&c) || LETTERS_FOR_ZERO.contains(&c)).then_some("0")
            }));
        }
        start += part.len() + 1;
    }
    (!zeros.is_empty()).then_some(zeros)
}

/// Signs an OCR engine writes for a zero.
const SIGNS_FOR_ZERO: [char; 2] = ['@', '©'];
/// Letters an OCR engine writes for a zero among digits.
const LETTERS_FOR_ZERO: [char; 2] = ['O', 'Q'];

/// Token `i` of `tokens`, less the punctuation after it, if it is a group of three digits (or
/// signs read for zeros) after a number of one to three digits: the thousands of an amount
/// (`26 000 kronor`, `270 ©00`).
fn thousands_group<'t>(tokens: &[(usize, &'t str)], i: usize) -> Option<&'t str> {
    let group = tokens[i].1.trim_end_matches([',', '.']);
    let number_before = i.checked_sub(1).is_some_and(|j| {
        let before = tokens[j].1;
        (1..=3).contains(&before.len()) && before.bytes().all(|b| b.is_ascii_digit())
    });
    let digit_like = |c: char| c.is_ascii_digit() || SIGNS_FOR_ZERO.contains(&c);
    (number_before && group.chars().count() == 3 && group.chars().all(digit_like)).then_some(group)
}

/// The groups of thousands in `text` ([`thousands_group`]) that open with a digit other than
/// zero, with their byte offsets and their digits (a sign read for a zero as the zero): where
/// the OCR may have read the zero an amount's thousands mostly open with (`12 000` read
/// `12 900`, `38 000` read `38 90@`).
pub fn thousands(text: &str) -> Vec<(usize, String)> {
    let tokens: Vec<(usize, &str)> = whitespace_tokens(text).collect();
    (0..tokens.len())
        .filter_map(|i| {
            let group = thousands_group(&tokens, i)?;
            let opens = group.starts_with(|c: char| c.is_ascii_digit() && c != '0');
            opens.then(|| (tokens[i].0, group.replace(SIGNS_FOR_ZERO, "0")))
        })
        .collect()
}

/// The zeros the OCR read as nines in `token` (at byte `offset`) if it is a date no calendar
/// has (`2009-98-31`, `2013-99-19`) that exactly one choice of the fewest of its month's and
/// day's nines read as zeros makes a date (2009-08-31, 2013-09-19): the OCR reads a zero as a 9
/// (as in an amount's thousands), and no month is past twelve.
fn impossible_date(offset: usize, token: &str) -> Option<Vec<(usize, &str, &'static str)>> {
    let (lead, date) = core(token);
    if !is_date(date) {
        return None;
    }
    let bytes = date.as_bytes();
    let valid = |d: &[u8]| {
        let field = |at: usize| u32::from(d[at] - b'0') * 10 + u32::from(d[at + 1] - b'0');
        (1..=12).contains(&field(5)) && (1..=31).contains(&field(8))
    };
    if valid(bytes) {
        return None;
    }
    let nines: Vec<usize> = [5, 6, 8, 9]
        .into_iter()
        .filter(|&at| bytes[at] == b'9')
        .collect();
    // Each subset of the nines, as a bit mask, read as zeros; the fewest misreadings are far
    // the likeliest.
    let readings: Vec<u32> = (1..1u32 << nines.len())
        .filter(|mask| {
            let mut d = bytes.to_vec();
            for (k, &at) in nines.iter().enumerate() {
                if mask & (1 << k) != 0 {
                    d[at] = b'0';
                }
            }
            valid(&d)
        })
        .collect();
    let fewest = readings.iter().map(|m| m.count_ones()).min()?;
    let mut likeliest = readings.into_iter().filter(|m| m.count_ones() == fewest);
    match (likeliest.next(), likeliest.next()) {
        (Some(mask), None) => Some(
            nines
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .map(|(_, &at)| (offset + lead + at, &date[at..at + 1], "0"))
                .collect(),
        ),
        _ => None,
    }
}

/// The brackets the OCR read as braces around a member's party, if token `i` of `tokens` is
/// one after a capitalised name (`Persson (s},`, `Fredriksson {m),`): braces stand in no minutes.
fn party_in_braces<'t>(
    tokens: &[(usize, &'t str)],
    i: usize,
) -> Option<Vec<(usize, &'t str, &'static str)>> {
    let (offset, token) = tokens[i];
    if !token.contains(['{', '}'])
        || !i
            .checked_sub(1)
            .is_some_and(|j| is_capitalised(tokens[j].1))
    {
        return None;
    }
    let bracket = |c: char| match c {
        '{' => Some("("),
        '}' => Some(")"),
        _ => None,
    };
    is_party(&token.replace('{', "(").replace('}', ")")).then(|| char_marks(offset, token, bracket))
}

/// A mark for each character of `token` (at byte `offset`) that `reading` reads as another.
fn char_marks(
    offset: usize,
    token: &str,
    reading: impl Fn(char) -> Option<&'static str>,
) -> Vec<(usize, &str, &'static str)> {
    token
        .char_indices()
        .filter_map(|(k, c)| Some((offset + k, &token[k..k + c.len_utf8()], reading(c)?)))
        .collect()
}

/// Whether the lone `8` (or `88`) that is token `i` of `tokens` (offsets into `text`) is an
/// item's `§` (or the `§§` of several), before an item number or a span of them: one that ends
/// its line or clause (`8 81` as a heading, `2020-05-11, 8 96,` citing a decision, `beslutades
/// under 8 79.`) or a span (`88 41-42 och 44`), opening the line or after a comma or a word; or
/// any after a board's abbreviation or a continued item's `Forts.` (`KS 8 109`, `Forts. 8 109`),
/// as minutes head their items. An amount (`8 500 kronor`) goes on with a word, a row of counts
/// (`Resultat 8 5 2`) with another number; after a word, only a number of one or two digits,
/// which no amount's thousands are, is an item's.
fn section_sign(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    let Some(&(_, number)) = tokens.get(i + 1) else {
        return false;
    };
    let digits = number.trim_end_matches([',', '.', ')']);
    let item = |n: &str| {
        (1..=3).contains(&n.len()) && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())
    };
    let parts: Vec<&str> = digits.split(['-', '–']).collect();
    if parts.len() > 2 || !parts.iter().all(|p| item(p)) {
        return false;
    }
    let before = i.checked_sub(1).map_or("", |j| tokens[j].1);
    let headed = before.trim_end_matches('.').eq_ignore_ascii_case("forts")
        || (2..=5).contains(&before.len()) && before.bytes().all(|b| b.is_ascii_uppercase());
    // A span of numbers is no amount either; nor is a number before the item's case number
    // (`8 56 Dnr KS 2008/203`, `8 52 (Dnr HRF 2011/0118)`).
    let case_follows = tokens.get(i + 2).is_some_and(|&(_, t)| {
        let t = t.strip_prefix('(').unwrap_or(t);
        t.get(..3).is_some_and(|d| d.eq_ignore_ascii_case("dnr"))
            || t.len() < tokens[i + 2].1.len() && t.starts_with(char::is_uppercase)
    });
    let clause_ends = digits.len() < number.len()
        || parts.len() == 2
        || opens_line(text, tokens, i + 2)
        || case_follows;
    let after_word = before.chars().all(char::is_alphabetic) && parts[0].len() < 3;
    let placed = opens_line(text, tokens, i) || before.ends_with(',') || after_word;
    headed || clause_ends && placed
}

/// The section signs an `8` or `88` read for them stands for.
fn section_signs(eights: &str) -> &'static str {
    if eights == "8" {
        "§"
    } else {
        "§§"
    }
}

/// The `8` (or `88`) of token `i` of `tokens` that cites a law's section (or sections), if it
/// is one: after the section's number, and its letter if any, and either after a chapter's
/// `kap.` (`6 kap. 2 8, med`, `7 kap. 18 b 8`) or before the law's name, a word ending in
/// -lagen, -balken or -ordningen or an abbreviation in capitals (`11 8 MBL`, `9 8 9 LSS`,
/// `14 88 miljöbalken`). No amount or count is followed by a law.
fn law_sign<'t>(tokens: &[(usize, &'t str)], i: usize) -> Option<&'t str> {
    let token = tokens[i].1;
    let sign = token.trim_end_matches([',', '.']);
    if sign != "8" && sign != "88" {
        return None;
    }
    let at = |j: Option<usize>| j.and_then(|j| tokens.get(j)).map_or("", |t| t.1);
    let number = |t: &str| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let letter = |t: &str| t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase());
    let section = if number(at(i.checked_sub(1))) {
        1
    } else if letter(at(i.checked_sub(1))) && number(at(i.checked_sub(2))) {
        2
    } else {
        return None;
    };
    let chapter = at(i.checked_sub(section + 1)) == "kap.";
    let law = |t: &str| {
        let t = t.trim_end_matches([',', '.', ')']);
        ["lagen", "balken", "ordningen"]
            .iter()
            .any(|e| t.ends_with(e))
            || (3..=5).contains(&t.len())
                && t.chars().all(char::is_alphabetic)
                && t.starts_with(char::is_uppercase)
                && t.ends_with(char::is_uppercase)
    };
    let cites = law(at(Some(i + 1))) || number(at(Some(i + 1))) && law(at(Some(i + 2)));
    (chapter || cites).then(|| &token[..sign.len()])
}

/// Whether the lone `x` that is token `i` of `tokens` (offsets into `text`) is a member's vote
/// in a roll-call table, the capital X the minutes set in a column (the OCR reads it small or
/// twice): it ends the line that names the member and their party, which a column of the
/// member's municipality may follow (`Eva Ek (m) Huddinge x`, `Bo Al (s) Upplands Väsby x`).
fn vote_mark(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    ends_line(text, tokens, i)
        && (1..=MUNICIPALITY_WORDS + 1)
            .map_while(|back| i.checked_sub(back))
            .take_while(|&j| !opens_line(text, tokens, j + 1))
            .find(|&j| !is_capitalised(tokens[j].1))
            .is_some_and(|j| is_party(tokens[j].1))
}

/// Whether the sign that is token `i` of `tokens` (offsets into `text`) stands between two names
/// on a line that sets another such sign between words: a bullet a letterhead separates its
/// member municipalities with (`Falköping • Hjo • Karlsborg`), which no sentence writes as `+`,
/// `*` or `«`.
fn separates_names(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    let name = |j: usize| is_capitalised(tokens[j].1.trim_end_matches(','));
    if opens_line(text, tokens, i) || ends_line(text, tokens, i) {
        return false;
    }
    let first = (0..i)
        .rev()
        .find(|&j| opens_line(text, tokens, j))
        .unwrap_or(0);
    let last = (i + 1..tokens.len())
        .find(|&j| ends_line(text, tokens, j))
        .unwrap_or(tokens.len() - 1);
    name(i - 1)
        && name(i + 1)
        && (first..=last).any(|j| j != i && matches!(tokens[j].1, "+" | "*" | "«" | "•"))
}

/// Most words of a municipality's name in a roll-call table's column (Upplands Väsby).
const MUNICIPALITY_WORDS: usize = 2;

/// Whether `token` is a party in brackets, as a member's name is followed by: one to three
/// letters (`(V)`, `(KD),`).
pub fn is_party(token: &str) -> bool {
    bracketed(token).is_some_and(|p| p.chars().all(char::is_alphabetic))
}

/// A party abbreviation the OCR garbled in a list of members, if token `i` of `tokens` is one:
/// a bracketed token after two capitalised words (a person's first name and surname) that is
/// no national party's, but that one edit (a doubled letter, one misread letter: `(Vv)`,
/// `(KB)`, an M read as the trade mark sign, an S as a dollar sign) turns into exactly one,
/// which the text writes correctly elsewhere (`written`) or whose letter the OCR doubled. The
/// offset and letters inside the brackets, with the party, in lower case where the text writes
/// its parties so (`lower`). A token one edit from two parties (`(SO)`: S or SD) is left alone,
/// as are local parties' own abbreviations, which are further from every national one.
fn garbled_party<'t>(
    tokens: &[(usize, &'t str)],
    i: usize,
    written: &[String],
    lower: bool,
) -> Option<(usize, &'t str, &'static str)> {
    let (offset, token) = tokens[i];
    let name = |j: Option<usize>| j.is_some_and(|j| is_capitalised(tokens[j].1));
    if !(name(i.checked_sub(2)) && name(i.checked_sub(1))) {
        return None;
    }
    let inner = bracketed(token)?;
    // Compatibility forms spell out what they stand for: an M read as `™` is a T and an M. A
    // dollar sign is an S the OCR read with its stroke (`(S$)`).
    let upper = inner
        .nfkc()
        .map(|c| if c == '$' { 'S' } else { c })
        .collect::<String>()
        .to_uppercase();
    if NATIONAL_PARTIES.contains(&upper.as_str()) {
        return None;
    }
    // A party's letter the OCR doubled in its own small form (`(Vv)`) is that party though the
    // text never writes it correctly: a local party's letters do not repeat so.
    let mut letters = upper.chars();
    let doubled = match (letters.next(), letters.next(), letters.next()) {
        (Some(a), Some(b), None) if a == b => NATIONAL_PARTIES.iter().find(|p| p.chars().eq([a])),
        _ => None,
    };
    let cased = |party: &str| {
        let at = NATIONAL_PARTIES.iter().position(|&p| p == party)?;
        Some(if lower {
            LOWER_PARTIES[at]
        } else {
            NATIONAL_PARTIES[at]
        })
    };
    if let Some(&party) = doubled {
        return Some((offset + 1, inner, cased(party)?));
    }
    let mut near = NATIONAL_PARTIES
        .iter()
        .filter(|p| strsim::levenshtein(&upper, p) == 1);
    match (near.next(), near.next()) {
        (Some(&party), None) if written.iter().any(|w| w == party) => {
            Some((offset + 1, inner, cased(party)?))
        }
        _ => None,
    }
}

/// [`NATIONAL_PARTIES`] in lower case, as older minutes write them, in the same order.
const LOWER_PARTIES: [&str; 10] = ["s", "m", "l", "c", "kd", "v", "mp", "sd", "fp", "fi"];

/// The dashes an OCR engine writes for the en dash: a hyphen, an em dash.
const MISREAD_DASHES: [char; 2] = ['-', '—'];

/// Every dash in `text` that stands where Swedish sets an en dash, as an OCR engine reads it
/// (a hyphen or an em dash): the dash of a range, and a hyphen standing alone before a word
/// inside a line (`skolor - reviderade riktlinjer`, `Alternativ 1 - ny station`). With each,
/// its byte offset, the dash and what it joins, as `tools/lexicon/bigrams.py` counts them: a
/// range of `year`s, of `time`s (or whole hours after `kl.`), a `span` (numbers climbing from a
/// first without a leading zero), another `number` pair, a `date` range, a `month` range
/// (januari-augusti), a month beside a day or a year (`calendar`: januari-28 februari,
/// 2016-juni), or a word (`spaced`). A date
/// (2019-04-10) and a case number, with more than two parts or after its label (Dnr, RS), are
/// no range.
pub fn dashes(text: &str) -> Vec<(usize, char, &'static str)> {
    let tokens: Vec<(usize, &str)> = whitespace_tokens(text).collect();
    let mut dashes = Vec::new();
    for (i, &(offset, token)) in tokens.iter().enumerate() {
        if token == "-" {
            if spaced(text, &tokens, i) {
                dashes.push((offset, '-', "spaced"));
            }
            continue;
        }
        // After a case number's label (Dnr, or a board's letters: RS 1874-2021, RUN 41-2022)
        // the number is the case's, its year after its serial, no range.
        if i.checked_sub(1)
            .is_some_and(|j| is_case_label(core(tokens[j].1).1))
        {
            continue;
        }
        // After `kl.` (klockan) a range of whole hours is a range of times (kl. 08-22).
        let after_clock = i.checked_sub(1).is_some_and(|j| {
            ["kl", "kl.", "klockan"]
                .iter()
                .any(|k| tokens[j].1.eq_ignore_ascii_case(k))
        });
        let (lead, core) = core(token);
        if let Some((at, dash)) = date_range_dash(core) {
            dashes.push((offset + lead + at, dash, "date"));
            continue;
        }
        let Some(at) = core.find(MISREAD_DASHES) else {
            continue;
        };
        let (left, rest) = core.split_at(at);
        let Some(dash) = rest.chars().next() else {
            continue;
        };
        let right = &rest[dash.len_utf8()..];
        if let Some(kind) = range_kind(left, right, after_clock) {
            dashes.push((offset + lead + at, dash, kind));
        }
    }
    dashes
}

/// Whether `label` (a token less the punctuation around it) labels the case number after it:
/// `Dnr` or `Diarienummer`, or a board's abbreviation of two to five capitals (KS, RS, MBN).
fn is_case_label(label: &str) -> bool {
    let letters = label.chars().count();
    label.eq_ignore_ascii_case("dnr")
        || label.eq_ignore_ascii_case("diarienummer")
        || (2..=5).contains(&letters) && label.chars().all(char::is_uppercase)
}

/// What a range of `left` and `right` joins, if they make one (see [`dashes`]).
fn range_kind(left: &str, right: &str, after_clock: bool) -> Option<&'static str> {
    let month = |s: &str| MONTHS.iter().any(|m| s.eq_ignore_ascii_case(m));
    if month(left) && month(right) {
        return Some("month");
    }
    let digits = |d: &str| !d.is_empty() && d.len() <= 4 && d.bytes().all(|b| b.is_ascii_digit());
    // A month beside a day or a year: 1 januari–28 februari, 2016–juni.
    if month(left) && digits(right) || digits(left) && month(right) {
        return Some("calendar");
    }
    let number = |s: &str| match s.split_once(['.', ':']) {
        Some((h, m)) => digits(h) && h.len() <= 2 && m.len() == 2 && digits(m),
        None => digits(s),
    };
    if !number(left) || !number(right) {
        return None;
    }
    let time = |s: &str| s.contains(['.', ':']);
    // A span runs up from its first number (§§ 42-45); a phone number's area code (08-606)
    // opens with a zero, and a case number's parts (2214-09) need not climb.
    let climbs = || {
        !left.starts_with('0')
            && left.parse::<u32>().ok() < right.parse::<u32>().ok()
            && !time(left)
    };
    let hour = |s: &str| s.len() <= 2 && s.parse::<u32>().is_ok_and(|h| h <= 24);
    Some(if is_year(left) && is_year(right) {
        "year"
    } else if time(left) && time(right) || after_clock && hour(left) && hour(right) {
        "time"
    } else if climbs() {
        "span"
    } else {
        "number"
    })
}

/// Whether the lone hyphen that is token `i` of `tokens` (offsets into `text`) stands before a
/// word, after a word, a number or a closing bracket or stop on its line, as a dash does
/// (`Alternativ 1 - ny station`, `m.fl. - antagande`); a list's hyphen opens its line.
fn spaced(text: &str, tokens: &[(usize, &str)], i: usize) -> bool {
    let (Some(&(before, word)), Some(&(_, next))) =
        (i.checked_sub(1).map(|j| &tokens[j]), tokens.get(i + 1))
    else {
        return false;
    };
    word.ends_with(|c: char| c.is_alphanumeric() || c == ')' || c == '.')
        && next.starts_with(char::is_alphabetic)
        && !text[before..tokens[i].0].contains('\n')
}

/// The byte offset and dash (a hyphen or an em dash) joining two ISO dates
/// (2019-06-01-2019-08-31), if `core` is such a range.
fn date_range_dash(core: &str) -> Option<(usize, char)> {
    let left = core.get(..DATE)?;
    let dash = core
        .get(DATE..)?
        .chars()
        .next()
        .filter(|c| MISREAD_DASHES.contains(c))?;
    let right = core.get(DATE + dash.len_utf8()..)?;
    (is_date(left) && is_date(right)).then_some((DATE, dash))
}

/// The length of a date as the documents write it, 2019-06-01.
const DATE: usize = "2019-06-01".len();

/// Whether `d` has a date's shape, 2019-06-01: four digits, two and two, joined by hyphens.
fn is_date(d: &str) -> bool {
    d.len() == DATE
        && d.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(_, p)| p.word).collect()
    }

    #[test]
    fn slashed_parts_units_and_inner_capitals_are_read() {
        assert_eq!(words("ansokan/beslut"), ["ansokan", "beslut"]);
        let pieces = split("barn 13-18ar");
        assert_eq!(pieces[1].1.word, "ar");
        assert_eq!(pieces[1].1.neighbours.0, Neighbour::Token("18"));
        assert_eq!(words("pA JOrgen"), ["pA", "JOrgen"]);
        // A heading without a stop ends at the blank line after it; a wrapped line goes on.
        let last = |text| split(text)[1].1.neighbours.1;
        assert_eq!(last("till 25 år\n\nSammanfattning"), Neighbour::Edge);
        assert_eq!(last("till 25 ar\nfria resor"), Neighbour::Token("fria"));
        // A capital after a capital and a letter or two opens a name's second part; a capital
        // G inside a lower-case word stands for an ö.
        assert_eq!(words("McDonald DeGeer KaLLe anhGrig"), ["KaLLe", "anhGrig"]);
        // An A or O or a long word's L there is the OCR's, for å, ä, ö or l.
        assert_eq!(
            words("BesLutet SjOberg McLean SkAne"),
            ["BesLutet", "SjOberg", "McLean", "SkAne"]
        );
        // Two capitalised letters open a sentence as a word, and inside one are an initial.
        assert_eq!(words("Pa grund av Ek"), ["Pa", "grund", "av"]);
        // Capitals throughout, single-digit damage and addresses.
        assert_eq!(words("om PA SAPO"), ["om"]);
        assert_eq!(words("PA SAPO"), ["PA"]);
        assert_eq!(words("KOMMUNSTYRELSEN"), ["KOMMUNSTYRELSEN"]);
        assert_eq!(split("KOMMUNSTYRELSEN")[0].1.shape, Shape::Upper);
        assert_eq!(words("6versyn"), ["6versyn"]);
        // A lone 1 before a lower-case word: i inside a sentence, I opening one or a paragraph,
        // a number before a capital or after one.
        let ones = |text: &str| -> Vec<Shape> {
            split(text)
                .into_iter()
                .filter(|(_, p)| p.word == "1")
                .map(|(_, p)| p.shape)
                .collect()
        };
        assert_eq!(ones("bor 1 staden"), [Shape::Lower]);
        assert_eq!(ones("Klart. 1 staden"), [Shape::Capitalised]);
        assert_eq!(ones("Rubrik\n\n1 staden"), [Shape::Capitalised]);
        assert!(ones("bor 1 Staden, Klart 1 januari").is_empty());
        assert!(words("file:///tmp/kn-goteborg.html").is_empty());
    }

    #[test]
    fn a_line_after_a_word_that_seldom_ends_a_sentence_carries_it_on() {
        // How the first word of the last line opens: as a sentence, and after which token.
        let opens = |text: &'static str| {
            let (_, piece) = split(text)
                .into_iter()
                .find(|(_, p)| p.word.starts_with('O'))
                .unwrap();
            (piece.sentence_start, piece.neighbours.0)
        };
        // OCR wraps a sentence after an article; the next line's capital is the OCR's or a name's.
        let wrapped = "Nämnden har fått en\nOversyn av taxan";
        assert_eq!(opens(wrapped), (false, Neighbour::Token("en")));
        // A line that ends in a word the documents mostly end a sentence with is a sentence of its
        // own, as is a line after a blank one after a word that often ends a sentence; after an
        // article the OCR's blank line ends no paragraph.
        let heading = "Protokollet förs av nämndsekreterare\nOrdförande Eva Lund";
        assert_eq!(opens(heading), (true, Neighbour::Edge));
        assert!(opens("Taxan gäller i år\n\nOversyn av taxan").0);
        // A capitalised line alone between blank lines is a heading, though its last word
        // seldom ends a sentence.
        assert!(opens("\nÖvriga synpunkter\n\nOversyn av taxan").0);
        assert_eq!(
            opens("Nämnden har fått en\n\nOversyn av taxan"),
            (false, Neighbour::Token("en"))
        );
        // A label under a heading opens its own line, whatever the heading ends with.
        let label = "§ 29 Ny bemanning vid en\nOrdningsnr: KS 2023/0587";
        assert_eq!(opens(label), (true, Neighbour::Edge));
    }

    #[test]
    fn a_list_counts_up_by_one_from_its_first_marker() {
        let text = "Beslut\n4. Direktionen antar planen.\n2, Direktionen uppdrar åt chefen.\n\
                    3. Beslutet gäller.\n\nPunkterna\n3. Nämnden\n4. Styrelsen\n\
                    enligt bilaga 1, 2 och\n14. Förbundet\n2. Direktionen\n";
        let found: Vec<(&str, &str)> = marks(text).into_iter().map(|(_, m, r)| (m, r)).collect();
        assert_eq!(found, [("4.", "1."), ("2,", "2."), ("14.", "1.")]);
    }

    #[test]
    fn dashes_join_ranges_and_words_but_a_date_and_a_list_marker_are_none() {
        let text = "år 2014-2018, kl. 13.00-16.30 (sid. 3-12) 2019-04-10 KS-2019-12 a-b \
                    (2019-06-01—2019-08-31) 2019-06-01-2019 tel. 08-606 mål 2214-09 \
                    kl. 08-22 2017-\n06-12 maj-juni, jan-juni taxa - i stället\n- att\nen -\nlista 3 - 4 \
                    1 januari-28 februari, 2016-juni Alternativ 2 - ny (M) - och";
        let found = dashes(text);
        let kinds: Vec<_> = found.iter().map(|&(_, _, k)| k).collect();
        assert_eq!(
            kinds,
            [
                "year", "time", "span", "date", "number", "number", "time", "number", "month",
                "spaced", "spaced", "calendar", "calendar", "spaced", "spaced"
            ]
        );
        let (date, dash, _) = found[3];
        assert_eq!(
            (&text[date - 10..date + 13], dash),
            ("2019-06-01—2019-08-31", '—')
        );
        assert!(found.iter().all(|&(o, d, _)| text[o..].starts_with(d)));
    }

    #[test]
    fn a_garbled_party_after_a_name_is_the_one_party_it_is_an_edit_from() {
        let text = "Eva Ek (V), Bo Al (KD)\nOla Berg (Vv) och Per Ny (KB).\n\
                    Anna Lind (SO), Lars Ås (MB) och beslutade Kommunfullmäktige (KF) (Vv)\n\
                    Eva Berg (M) och Ulf Ek (™)";
        let parties: Vec<_> = marks(text)
            .into_iter()
            .map(|(o, garbled, party)| (&text[o..o + garbled.len()], party))
            .collect();
        // SO and MB are an edit from two parties each (S, SD; M, MP), and a bracket after one
        // capitalised word or none is no member's party.
        assert_eq!(parties, [("Vv", "V"), ("KB", "KD"), ("™", "M")]);
        // A doubled letter is its party though the text never writes that party correctly; a
        // misread one is not.
        let text = "Eva Ek (Ss) och Bo Al (KB)";
        let parties: Vec<_> = marks(text).into_iter().map(|m| m.2).collect();
        assert_eq!(parties, ["S"]);
        // A dollar sign is an S; a text that writes its parties in lower case gets them so.
        let text = "Eva Ek (s), Bo Al (m)\nOla Berg (S$), Per Ny (Ss) och Jan Ås (KB)";
        let parties: Vec<_> = marks(text).into_iter().map(|m| (m.1, m.2)).collect();
        assert_eq!(parties, [("S$", "s"), ("Ss", "s")]);
    }

    #[test]
    fn section_signs_citing_laws_and_items() {
        let text =
            "enligt 7 kap. 18 b 8 miljöbalken\ni 6 kap. 2 8, med\nenligt 11 8 MBL och 9 8 9 LSS\n\
                    14 88 skollagen\nden 15 maj 2011, 8 52 (Dnr KS 2011/18)\n\
                    Kommunstyrelsen 8 56 Dnr KS 2008/203\nForts 8 187 Beslut\n\
                    kostar 18 8 kronor\n5 kap. 8 gäller\nlag 3 8 Ek";
        let marks: Vec<_> = marks(text).into_iter().map(|(_, m, r)| (m, r)).collect();
        let sign = ("8", "§");
        assert_eq!(
            marks,
            [sign, sign, sign, sign, ("88", "§§"), sign, sign, sign]
        );
    }

    #[test]
    fn marks_are_dashes_line_initial_bullets_and_section_signs() {
        let text = "a — b\n+ Punkt\n* punkt\n. Punkt\n° punkt\n~ Punkt\nslut . Nej\n3 + 4\n8 81\nbeslut 2020-05-11, 8 96, om\n\
                    8§ 58-62\nkostar 8 500 kronor\nResultat 8 5 2\n8 000\nsidan 8\n\
                    Eva Ek (V) xX\nBo Al (S) x\nrum (3 x 4 m) x 2\nAnn Ek (m) Upplands Väsby x\n\
                    Sven Ek sa x\n\
                    Forts. 8 109 Beslut\nKS 8 12 Dnr\nbeslutades under 8 79. Ny\n\
                    Ek (S), 88 41-42 och 44\nden 9 mars, §8 18-24. Paragrafer §8§ 81-84\n\
                    höjs till 8 000 kronor. Summa 88 12 4\nväxte med 8 120 kronor.";
        let marks: Vec<_> = marks(text).into_iter().map(|(_, m, r)| (m, r)).collect();
        assert_eq!(
            marks,
            [
                ("—", "–"),
                ("+", "•"),
                ("*", "•"),
                (".", "•"),
                ("°", "•"),
                ("~", "–"),
                ("8", "§"),
                ("8", "§"),
                ("8§", "§§"),
                ("xX", "X"),
                ("x", "X"),
                ("x", "X"),
                ("x", "X"),
                ("8", "§"),
                ("8", "§"),
                ("8", "§"),
                ("88", "§§"),
                ("§8", "§§"),
                ("§8§", "§§")
            ]
        );
    }

    #[test]
    fn a_small_x_ending_a_line_is_a_vote_after_a_party_or_in_a_table_of_capitals() {
        let votes = |text| -> Vec<&str> { marks(text).into_iter().map(|(_, m, _)| m).collect() };
        assert_eq!(votes("Sven Ek sa x\nBo Al (S) x"), ["x"]);
        assert_eq!(votes("Sven Ek sa x\nBo Al (S) X"), ["x"]);
    }

    #[test]
    fn a_sign_between_names_is_a_bullet_where_the_line_sets_more_of_them() {
        let text = "Box 12 Falköping * Hjo + Karlsborg « Skövde\nsumma 3 + 4 * 2\nBo + Al";
        let found: Vec<(&str, &str)> = marks(text).into_iter().map(|(_, m, r)| (m, r)).collect();
        assert_eq!(found, [("*", "•"), ("+", "•"), ("«", "•")]);
    }

    #[test]
    fn a_party_in_braces_is_in_brackets() {
        let text = "Gunilla Persson (s}, Marie Fredriksson {m), mängd {x}";
        let marks: Vec<_> = marks(text).into_iter().map(|(_, m, r)| (m, r)).collect();
        assert_eq!(marks, [("}", ")"), ("{", "(")]);
    }

    #[test]
    fn zeros_read_as_signs_in_an_amounts_thousands_are_zeros() {
        let text = "26 @00 kronor, 270 ©00. Mejla info@kommun.se eller @ 00 utan tal";
        let marks: Vec<_> = marks(text).into_iter().map(|(_, m, r)| (m, r)).collect();
        assert_eq!(marks, [("@", "0"), ("©", "0")]);
    }

    #[test]
    fn zeros_read_as_signs_or_as_o_and_q_among_a_numbers_digits_are_zeros() {
        let text = "dnr LK/Q81147 och Q60-16, den 2010-@5-12 kl. ©9.00 (12 O00)";
        let zeros: Vec<_> = marks(text).into_iter().map(|(at, m, _)| (at, m)).collect();
        assert_eq!(
            zeros,
            [(7, "Q"), (18, "Q"), (35, "@"), (45, "©"), (56, "O")]
        );
        // A quarter, a letter and a digit, or letters among digits are no number's zeros.
        for kept in [
            "Q1 2023",
            "O2-nivå",
            "16RKOQ577",
            "TO1llsj6",
            "SAVSJO0",
            "O6verlamna",
        ] {
            assert!(marks(kept).is_empty(), "{kept}");
        }
    }

    #[test]
    fn a_date_no_calendar_has_gets_the_zeros_its_nines_were() {
        let text = "per 2009-98-31, (2013-99-19) och 2010-13-02 men 2019-09-29 och 2019-19-39 \
                    eller 2019-99-99";
        let marks: Vec<_> = marks(text)
            .into_iter()
            .map(|(o, m, r)| (&text[o - 3..o + 1], m, r))
            .collect();
        // 2010-13-02 has no nine to read, 2019-19-39 needs two (2019-10-30), 2019-99-99 too
        // (2019-09-09), and 2019-09-29 is a date.
        assert_eq!(
            marks,
            [
                ("09-9", "9", "0"),
                ("13-9", "9", "0"),
                ("9-19", "9", "0"),
                ("9-39", "9", "0"),
                ("19-9", "9", "0"),
                ("99-9", "9", "0")
            ]
        );
    }

    #[test]
    fn an_inner_l_is_the_ocrs_in_a_long_word_or_after_a_capital_before_small_letters() {
        assert_eq!(shape("ProtokoLl", false, false), Some(Shape::Capitalised));
        assert_eq!(shape("ULf", false, false), Some(Shape::Capitalised));
        // Abbreviations end in their small letters.
        assert_eq!(shape("SoL", false, false), None);
        assert_eq!(shape("PuL", false, false), None);
    }

    #[test]
    fn a_word_of_two_capitals_is_an_abbreviation_unless_it_opens_a_sentence_with_an_a_or_o() {
        assert_eq!(shape("PA", true, false), Some(Shape::Capitalised));
        assert_eq!(shape("PA", false, false), None);
        assert_eq!(shape("KS", true, false), None);
        assert_eq!(shape("PROTOKOLL", false, false), Some(Shape::Upper));
        // Joined to a word by a dash, it is an abbreviation opening a sentence too.
        assert_eq!(words("VA-taxan höjs. PA"), ["taxan", "höjs", "PA"]);
    }

    #[test]
    fn a_word_of_five_capitals_with_a_vowel_is_a_word_and_one_without_an_abbreviation() {
        // A town in a letterhead of two short words (MALMO STAD) is a word to read.
        assert_eq!(shape("MALMO", false, false), Some(Shape::Upper));
        assert_eq!(shape("MSBFS", false, false), None);
        assert_eq!(shape("SAPO", false, false), None);
        assert_eq!(words("MALMO STAD"), ["MALMO", "STAD"]);
    }

    #[test]
    fn thousands_that_open_with_a_digit_other_than_zero_are_offered() {
        let text = "12 900 kronor, 38 90@ m², 7 980. 2019 900 och 12 000 och 1 2900";
        let groups: Vec<_> = thousands(text)
            .into_iter()
            .map(|(offset, group)| (&text[offset..offset + 1], group))
            .collect();
        assert_eq!(
            groups,
            [
                ("9", "900".into()),
                ("9", "900".into()),
                ("9", "980".into())
            ]
        );
    }
}
