//! Diacritic folding and OCR-tolerant matching of Swedish words.
//!
//! OCR with an English model turns å/ä/ö into a, o, d, i, é, 6, 4 … and sometimes into two
//! characters ("férméan" for "förmån"). Rather than listing damaged forms, every pattern is
//! written in correct Swedish and compiled so that each å/ä/ö position accepts one or two
//! arbitrary letters or digits; the text is folded the same way before matching.

use regex::Regex;

/// Lower case with accented letters folded to their base letter (å, ä → a; ö → o; é → e).
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' | 'õ' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            'í' | 'ì' | 'ï' => 'i',
            _ => c,
        })
        .collect()
}

/// Regex source for a Swedish phrase written correctly: matches its folded, OCR-damaged forms.
///
/// Each å/ä/ö becomes one or two letters/digits/`&@`, spaces match any run of whitespace, and
/// regex syntax in the phrase is kept (so `(en|et)?` can be used for inflection).
pub fn tolerant(phrase: &str) -> String {
    let mut out = String::new();
    for c in phrase.chars() {
        match c {
            'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö' => out.push_str(r"[\p{L}0-9&@]{1,2}"),
            ' ' => out.push_str(r"\s+"),
            _ => out.push_str(&fold(&c.to_string())),
        }
    }
    out
}

/// Compiles a list of alternatives written in correct Swedish into one tolerant regex;
/// `prefix`/`suffix` are raw regex put around the alternation.
pub fn tolerant_regex(prefix: &str, alternatives: &[&str], suffix: &str) -> Regex {
    let alts: Vec<String> = alternatives.iter().map(|a| tolerant(a)).collect();
    let src = format!("{prefix}(?:{}){suffix}", alts.join("|"));
    // The alternatives are fixed program text, so a failure is a programming error caught by
    // the unit tests, never input-dependent.
    Regex::new(&src).expect("tolerant pattern compiles")
}

/// Whether two texts are the same up to diacritics, case, spacing and a little OCR damage
/// (about one character in eight).
pub fn similar(a: &str, b: &str) -> bool {
    let norm = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let (a, b) = (norm(a), norm(b));
    let (la, lb) = (a.chars().count(), b.chars().count());
    let allowed = (la.max(lb) / 8).max(1);
    // The length difference alone rules out most pairs, without the quadratic distance.
    la.abs_diff(lb) <= allowed && strsim::levenshtein(&a, &b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_matches_damaged_forms() {
        let re = tolerant_regex("^", &["reservation från", "särskilt uttalande"], r"\b");
        for s in [
            "Reservation fran",
            "reservation frdn",
            "Sarskilt uttalande",
            "Sdrskilt uttalande",
        ] {
            assert!(re.is_match(&fold(s)), "{s}");
        }
        assert!(!re.is_match("reservation mot"));
    }

    #[test]
    fn similar_tolerates_ocr() {
        assert!(similar("Anna Kdnig Jerlmyr", "Anna König Jerlmyr"));
        assert!(!similar("Anna Berg", "Karin Berg"));
    }
}
