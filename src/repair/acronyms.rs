//! Abbreviations in capitals whose å, ä or ö the OCR lost (`OFN` for ÖFN, `HKA` for HKÅ).
//!
//! No word list has a board's own abbreviation, but the document that uses one spells out what
//! it stands for: a body abbreviates its name by the first letters of its words and of their
//! compound parts (Över|förmyndar|nämnden → ÖFN, Höga Kusten-Ådalen → HKÅ), or writes one of
//! its words in capitals (VÄST). So an abbreviation takes the marks that the document's own
//! names, as repaired, give it, where those names give it no reading without them.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::lexicon;
use super::tokens::whitespace_tokens;

/// Letters of the shortest abbreviation read: two letters are spelled by too much (a heading's
/// Ärende|beskrivning, a person's initials) to say which an AB is.
const SHORTEST: usize = 3;
/// Letters of the longest abbreviation read.
const LONGEST: usize = 6;
/// Fewest letters of a compound's part whose first letter an abbreviation may take.
const PART: usize = 3;

/// The capitals the OCR writes for a capital Å, Ä or Ö (whose ring or dots it loses, or closes
/// into a G), with the letters each may stand for.
fn marked(c: char) -> &'static [char] {
    match c {
        'A' => &['Å', 'Ä'],
        'O' | 'G' => &['Ö'],
        _ => &[],
    }
}

/// Whether `text` has an abbreviation in capitals that may have lost a mark: the names need
/// reading only then, which most texts spare.
pub fn has_any(text: &str) -> bool {
    whitespace_tokens(text).any(|(_, token)| abbreviation(token).is_some_and(|(_, a)| markable(a)))
}

/// Whether `abbreviation` has a capital the OCR writes for a marked one.
fn markable(abbreviation: &str) -> bool {
    abbreviation.chars().any(|c| !marked(c).is_empty())
}

/// Every abbreviation in capitals of `text` that reads with marks it lost, with its byte offset,
/// as written, and as read. `repaired` holds each whitespace token of `text`, in order, as repair
/// reads it: the names an abbreviation is read from are the repaired ones.
pub fn acronyms<'t>(text: &'t str, repaired: &[Cow<str>]) -> Vec<(usize, &'t str, String)> {
    let names = names(text, repaired);
    let written: Vec<Vec<char>> = repaired
        .iter()
        .filter_map(|t| abbreviation(t))
        .map(|(_, a)| a.chars().collect())
        .collect();
    let spelled = |letters: &[char]| {
        let lower: Vec<char> = letters.iter().flat_map(|c| c.to_lowercase()).collect();
        names.iter().any(|run| spells(&lower, run))
    };
    // A reading is the document's where it writes it elsewhere too.
    let reads = |letters: &[char]| written.iter().any(|w| w == letters) || spelled(letters);
    let read = |abbreviation: &str| {
        let letters: Vec<char> = abbreviation.chars().collect();
        if !markable(abbreviation) || spelled(&letters) {
            return None;
        }
        let mut found = variants(&letters).filter(|v| reads(v));
        let read: String = found.next()?.into_iter().collect();
        // Two readings the names give alike say nothing of which it is.
        found.next().is_none().then_some(read)
    };
    let mut readings: HashMap<&str, Option<String>> = HashMap::default();
    whitespace_tokens(text)
        .zip(repaired)
        // A token repair reads otherwise is no abbreviation left as written.
        .filter(|((_, token), read)| token == read)
        .filter_map(|((offset, token), _)| {
            let (skip, abbreviation) = abbreviation(token)?;
            let to = readings
                .entry(abbreviation)
                .or_insert_with(|| read(abbreviation))
                .clone()?;
            Some((offset + skip, abbreviation, to))
        })
        .collect()
}

/// The abbreviation a token holds, with the bytes before it: [`SHORTEST`] to [`LONGEST`] capitals,
/// bracketed or not, before any genitive (`ÖFN:s`) or compound's dash (`ÖFN-beslut`).
fn abbreviation(token: &str) -> Option<(usize, &str)> {
    let core = token.trim_start_matches(['(', '"', '”', '“', '\'']);
    let skip = token.len() - core.len();
    let end = core
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(core.len());
    let letters = &core[..end];
    let rest = &core[end..];
    let count = letters.chars().count();
    ((SHORTEST..=LONGEST).contains(&count)
        && letters.chars().all(char::is_uppercase)
        && (rest.is_empty() || rest.starts_with([')', ',', '.', ':', ';', '-', '–', '/'])))
    .then_some((skip, letters))
}

/// Every reading of `letters` with at least one capital read as the marked letter it may stand
/// for.
fn variants(letters: &[char]) -> impl Iterator<Item = Vec<char>> + '_ {
    let mut all: Vec<Vec<char>> = vec![Vec::new()];
    for &c in letters {
        all = all
            .into_iter()
            .flat_map(|v| {
                std::iter::once(c)
                    .chain(marked(c).iter().copied())
                    .map(move |r| {
                        let mut v = v.clone();
                        v.push(r);
                        v
                    })
            })
            .collect();
    }
    all.into_iter().filter(move |v| v.as_slice() != letters)
}

/// The runs of name words (lower case, as letters) of the repaired text: consecutive tokens on
/// one line, and the parts of a dashed one, each a capital and small letters or a heading's word
/// in capitals longer than any abbreviation (an abbreviation would spell itself), up to a token
/// that ends in punctuation, and the one word in small letters that may end the name (Östra
/// Östergötlands miljöförbund).
fn names(text: &str, repaired: &[Cow<str>]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run = Run::default();
    let mut last = 0;
    for ((offset, written), token) in whitespace_tokens(text).zip(repaired) {
        if text[last..offset].contains('\n') && !run.words.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        last = offset + written.len();
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        let parts: Vec<&str> = core.split(['-', '–']).collect();
        let word = |p: &&str| {
            let mut letters = p.chars();
            let first = letters.next();
            let length = p.chars().count();
            (first.is_some_and(char::is_uppercase)
                && length > 1
                && (letters.clone().all(char::is_lowercase)
                    || length > LONGEST && letters.all(char::is_uppercase)))
            .then_some(true)
            .or_else(|| {
                // false: a word in small letters, which ends a name it follows.
                (length >= PART && p.chars().all(char::is_lowercase)).then_some(false)
            })
        };
        let kinds: Option<Vec<bool>> = (!core.is_empty())
            .then(|| parts.iter().map(word).collect())
            .flatten();
        let small = kinds
            .as_ref()
            .is_some_and(|k| k.iter().all(|&capital| !capital));
        let named = kinds
            .as_ref()
            .is_some_and(|k| k.iter().all(|&capital| capital));
        if named || small && !run.words.is_empty() {
            let words = parts
                .iter()
                .map(|p| p.chars().flat_map(char::to_lowercase).collect());
            run.words.extend(words);
            run.small_end = small;
        }
        let ends = !named || token.ends_with(|c: char| !c.is_alphanumeric());
        if ends && !run.words.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.words.is_empty() {
        runs.push(run);
    }
    runs
}

/// A name's words (lower case, as letters), and whether its last word is one in small letters.
#[derive(Default)]
struct Run {
    words: Vec<Vec<char>>,
    small_end: bool,
}

/// Whether `letters` (lower case) are the first letters of consecutive words of `run` and of
/// compound parts inside them, each word giving at least its own first letter, or a name's word
/// after its first spelled out.
fn spells(letters: &[char], run: &Run) -> bool {
    let words = &run.words;
    let named = words.len() - usize::from(run.small_end);
    (0..words.len()).any(|i| {
        (1..named).contains(&i) && words[i] == letters || from_word(letters, &words[i..], 0)
    })
}

/// Whether `letters` are spelled from the word `run[0]`, whose part at `part` is open, on: the
/// first letter opens that part, the rest open later parts of it or the following words. A part
/// ended inside a word is one that opens the lexicon's compounds, and the last a lexicon word,
/// so the word's letters that happen to follow (Ord|föra|nde) spell nothing.
fn from_word(letters: &[char], run: &[Vec<char>], part: usize) -> bool {
    let Some((&first, rest)) = letters.split_first() else {
        return true;
    };
    let word = &run[0];
    if word.get(part) != Some(&first) {
        return false;
    }
    let part_of = |from: usize, to: usize| word[from..to].iter().collect::<String>();
    // The word is left at the part opened here: a whole word, or a lexicon word ending it.
    let leaves = || part == 0 || lexicon::shared().contains_key(part_of(part, word.len()));
    let Some(&next_letter) = rest.first() else {
        return leaves();
    };
    (part + PART..word.len().saturating_sub(PART - 1)).any(|next| {
        word[next] == next_letter
            && opens_compounds(&part_of(part, next))
            && from_word(rest, run, next)
    }) || run.len() > 1 && leaves() && from_word(rest, &run[1..], 0)
}

/// Whether the lexicon's compounds open with `part`, or with it less its linking s.
fn opens_compounds(part: &str) -> bool {
    lexicon::is_modifier(part) || part.strip_suffix('s').is_some_and(lexicon::is_modifier)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        let repaired: Vec<Cow<str>> = whitespace_tokens(text).map(|(_, t)| t.into()).collect();
        acronyms(text, &repaired)
            .into_iter()
            .map(|(_, from, to)| format!("{from}→{to}"))
            .collect()
    }

    #[test]
    fn reads_marks_from_the_names_spelled_out() {
        assert_eq!(
            read("Räddningstjänsten Östra Skaraborg (ROS) svarar. ROS:s direktion"),
            ["ROS→RÖS", "ROS→RÖS"]
        );
        assert_eq!(
            read("Överförmyndarnämnden beslutar. Dnr OFN 2016/12"),
            ["OFN→ÖFN"]
        );
        assert_eq!(read("Höga Kusten-Ådalen, dnr HKA 2016/58"), ["HKA→HKÅ"]);
    }

    #[test]
    fn leaves_abbreviations_the_names_spell_without_marks() {
        // Arbetsutskottet spells AU itself, and nothing spells SOS.
        assert!(read("Arbetsutskottet och Äldreutskottet. AU beslutar. SOS larmar").is_empty());
        // Two readings alike: Åsa Berg and Äldre Boende.
        assert!(read("Åsa Berg och Äldre Boende. AB").is_empty());
    }
}
