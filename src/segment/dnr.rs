//! Case numbers (diarienummer): finding, normalising and keying them.
//!
//! Municipalities write them in many shapes — "Dnr 1.2.1.140-2017", "KS 155-943/2015",
//! "dnr 3.1.3-91/2019", "KS 2019/123", "Dnr: 1.2.4-182-2013", "2018/KS 0001",
//! "SBN-2023-00412", "Dnr 0145/12", "GRN 2021.118". A number counts when it is labelled (Dnr, Diarienummer) or
//! carries an issuing prefix in capitals, and when it holds a year.

use std::sync::LazyLock;

use regex::Regex;

/// Issuing prefix: a short run of capitals ("KS", "SBN", "HL").
const PFX: &str = r"[A-ZÅÄÖ]{1,6}";
/// A ministry's unit code after its number's last slash (`/HS`, `/L4`, the `/TE` of
/// Näringsdepartementet's `N2009/2603/TE`); a macro so that [`CORE`] can be put together of it.
macro_rules! unit {
    () => {
        r"(?:/[A-ZÅÄÖ][A-ZÅÄÖa-zåäö\d]{0,3}\b)?"
    };
}
/// [`unit!`] for the patterns put together at run time.
const UNIT: &str = unit!();
/// Number groups joined by `.`, `-`, `/` (spacing around `-` and `/` tolerated), with a unit's
/// code after a slash, or a year and a serial number joined by a dot ("GRN 2021.118").
const CORE: &str = concat!(
    r"(?:\d[\d.]*(?:\s?[-/:]\s?\d[\d.]*)+",
    unit!(),
    r"(?: \d{3}\b)?|(?:19|20)\d\d(?:\.\d{1,6})+)"
);

/// Official publication series, whose numbers ("SOU 2017:21", "Prop. 2016/17:1", "SFS 2010:800")
/// look like case numbers but cite a printed report or law.
const SERIES: [&str; 5] = ["SOU", "DS", "PROP", "SFS", "BET"];

/// "Nummer" before a number in capitals (`PROTOKOLL NR 4/98`): a minute book's number of the
/// year, which no board issues as a case's.
const NUMBER_WORD: &str = "NR";

/// Labels that announce a case number: "Dnr", "Diarienummer", "Ärende nr", "Vår beteckning",
/// "Er beteckning" (the addressee's number, which the document cites); å/ä also as OCR's "a".
const LABELS: &str = r"dnr|d\.nr|diarienummer|diarienr|diarie nr|[äa]rendenummer|[äa]rendenr|[äa]rende nr|(?:v[åa]r|er|ert|v[åa]rt)\s+(?:beteckning|diarienummer|dnr|referens)|beteckning";

/// After a label the issuing prefix may be written in lower case ("Ärende nr: Bn 2018/00233").
const LABELLED_PFX: &str = r"\p{Lu}\p{L}{0,5}";

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:\b(?:{LABELS})\b)\.?\s*:?\s*((?-i:{LABELLED_PFX})[ ./-]?{CORE}|{CORE}|\d{{4}}[/-]{PFX}[ -]?\d+)"
    ))
    .expect("labelled dnr pattern compiles")
});

static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
    // The prefix may run into a year ("HSS2022-00233").
    Regex::new(&format!(
        r"\b(?:{PFX}[ ./-]{CORE}|{PFX}(?:19|20)\d\d[-/]\d+\b{UNIT}|\d{{4}}[/-]{PFX}[ -]\d+)"
    ))
    .expect("prefixed dnr pattern compiles")
});

static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:({LABELLED_PFX})([ ./-]?))?({CORE})$|^(\d{{4}})([/-])({PFX})([ -]?)(\d+)$"
    ))
    .expect("whole dnr pattern compiles")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)(?:19|20)\d\d(?:\D|$)|/\d\d$").expect("year pattern"));

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}-\d\d-\d\d$").expect("iso pattern"));

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{LABELS})\.?\s*:?\s*")).expect("label"));

/// A two-digit year closing or opening a labelled number ("551-3390-17", "SN 13/0214");
/// unlabelled numbers need more.
static SHORT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[-/]\d\d$|^\d\d/\d{3,}$").expect("short year pattern"));

/// Normalises a case number as written ("Dnr: KS 155-943/2015", "dnr 3.1.3-91/2019"): the
/// `Dnr` prefix dropped, spacing normalised, an issuing prefix such as `KS` kept. `None` when the
/// text is not a case number.
pub fn normalize_dnr(text: &str) -> Option<String> {
    normalize(text, LABEL.is_match(text.trim()))
}

/// [`normalize_dnr`], knowing whether the number stood after a label.
fn normalize(text: &str, labelled: bool) -> Option<String> {
    let t = text.trim().trim_end_matches(['.', ',', ';', ')']);
    let t = LABEL.replace(t, "");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let series = t.split([' ', '.']).next().is_some_and(|p| {
        let p = p.to_uppercase();
        SERIES.contains(&p.as_str()) || p == NUMBER_WORD
    });
    if series || statute_series(&t) {
        return None;
    }
    let c = WHOLE.captures(&t)?;
    let out = if let Some(core) = c.get(3) {
        // A filing-plan code after the number ("KS 2008/288 041") keeps its space.
        let (number, code) = match core.as_str().rsplit_once(' ') {
            Some((n, k)) if archive_code(k) && n.ends_with(|c: char| c.is_ascii_digit()) => {
                (n, Some(k))
            }
            _ => (core.as_str(), None),
        };
        let mut core: String = number.chars().filter(|c| !c.is_whitespace()).collect();
        // An issuing prefix vouches for a short year as a label does ("KS 19/0388").
        let vouched = labelled || c.get(1).is_some();
        let year = YEAR.is_match(&core) || (vouched && SHORT_YEAR.is_match(&core));
        if ISO_DATE.is_match(&core) || !year {
            return None;
        }
        if let Some(code) = code {
            core = format!("{core} {code}");
        }
        match (c.get(1), c.get(2)) {
            (Some(p), Some(sep)) => {
                // "TN/2019:412" keeps its slash; a space or nothing becomes one space.
                let sep = match sep.as_str() {
                    s @ ("-" | "/" | ".") => s,
                    _ => " ",
                };
                format!("{}{sep}{core}", p.as_str())
            }
            _ => core,
        }
    } else {
        // "2018/KS 0001", "2023-HSN-001187": the year's separator kept, none after the
        // prefix becomes a space.
        let after = match &c[7] {
            "" => " ",
            s => s,
        };
        format!("{}{}{}{after}{}", &c[4], &c[5], &c[6], &c[8])
    };
    Some(out)
}

/// The key under which case numbers count as the same case, whatever the issuing prefix and
/// leading zeros: "KS 155-943/2015" and "155-943/2015" share the key "155-943/2015".
pub fn dnr_key(normalized: &str) -> String {
    // The filing-plan code ("KS 2008/288 041") files the case; it does not name it.
    let normalized = match normalized.rsplit_once(' ') {
        Some((n, k)) if archive_code(k) => n,
        _ => normalized,
    };
    let mut key = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, key: &mut String| {
        let trimmed = digits.trim_start_matches('0');
        key.push_str(if trimmed.is_empty() && !digits.is_empty() {
            "0"
        } else {
            trimmed
        });
        digits.clear();
    };
    for c in normalized.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut key);
            if matches!(c, '.' | '-' | '/' | ':')
                && !key.is_empty()
                && !key.ends_with(['.', '-', '/', ':'])
            {
                key.push(c);
            }
        }
    }
    flush(&mut digits, &mut key);
    key.trim_end_matches(['.', '-', '/', ':']).to_string()
}

/// Whether a number cites a statute book (författningssamling: "SOSFS 2003:5", "AFS 2001:1",
/// "HSLF-FS 2016:40"): a prefix ending in "FS" before a year and a serial joined by a colon.
fn statute_series(t: &str) -> bool {
    static STATUTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-ZÅÄÖ-]*FS[ ]?(?:19|20)\d\d:\d+$").expect("statute pattern")
    });
    STATUTE.is_match(t)
}

/// Whether a word is a filing-plan code written after a case number: three digits.
fn archive_code(word: &str) -> bool {
    word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit())
}

/// Every case number in `text` with the byte range it occupies (a label included), in order
/// of appearance.
pub fn find_dnr_spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut found: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for c in LABELLED.captures_iter(text) {
        if let (Some(all), Some(m)) = (c.get(0), c.get(1)) {
            if let Some(n) = normalize(m.as_str(), true) {
                found.push((all.range(), n));
            }
        }
    }
    // A prefix in lower case ("Kdf 2019/112") that a label vouched for once vouches for the
    // same board's other numbers in the text ("(Kdf 2018/201)").
    let vouched: Vec<Regex> = labelled_prefixes(&found)
        .iter()
        .filter_map(|p| Regex::new(&format!(r"\b{}[ ./-]{CORE}", regex::escape(p))).ok())
        .collect();
    for m in std::iter::once(&*PREFIXED)
        .chain(&vouched)
        .flat_map(|re| re.find_iter(text))
    {
        if !found.iter().any(|(r, _)| r.contains(&m.start())) {
            if let Some(n) = normalize(m.as_str(), false) {
                found.push((m.range(), n));
            }
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// The issuing prefixes written in lower case ("Kdf", "Bn") among labelled case numbers; those
/// in capitals are found without a label anyway.
fn labelled_prefixes(found: &[(std::ops::Range<usize>, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, n) in found {
        let p: String = n.chars().take_while(|c| c.is_alphabetic()).collect();
        if p.chars().any(char::is_lowercase) && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// `text` with every case number (and its label) taken out, spacing collapsed: what a line says
/// besides its case numbers.
pub fn without_dnrs(text: &str) -> String {
    let mut rest = text.to_string();
    for (r, _) in find_dnr_spans(text).iter().rev() {
        rest.replace_range(r.clone(), " ");
    }
    // Brackets the number stood in ("(KS/2024:512)") go with it.
    rest.split_whitespace()
        .filter(|w| !matches!(*w, "(" | ")" | "()" | "[" | "]"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Case numbers written under a column header ("Datum           Diarienummer" over
/// "2013-09-12      2013-000412"): the value standing where the label stands on the line above.
pub fn column_dnrs(lines: &[&str]) -> Vec<String> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:^|\s{{2,}})((?:{LABELS})\.?:?)(?:\s{{2,}}|$)"
        ))
        .expect("dnr column header")
    });
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        for c in HEADER.captures_iter(pair[0]) {
            let Some(label) = c.get(1) else { continue };
            let col = pair[0][..label.start()].chars().count();
            let below: String = pair[1].chars().skip(col).collect();
            let value = below.split("  ").next().unwrap_or("");
            let under = pair[1]
                .chars()
                .nth(col.saturating_sub(1))
                .is_none_or(char::is_whitespace);
            if let Some(n) = under.then(|| normalize(value, true)).flatten() {
                out.push(n);
            }
        }
    }
    out
}

/// Every case number in `text`, normalised, in order of appearance, without repeats.
pub fn find_dnrs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, n) in find_dnr_spans(text) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_every_form() {
        let cases = [
            ("Dnr 1.2.1.140-2017", "1.2.1.140-2017"),
            ("KS 155-943/2015", "KS 155-943/2015"),
            ("dnr 3.1.3-91/2019", "3.1.3-91/2019"),
            ("KS 2019/123", "KS 2019/123"),
            ("Ärendenummer TN/2019:412", "TN/2019:412"),
            ("Dnr: 1.2.4-182-2013", "1.2.4-182-2013"),
            ("2018/KS 0001", "2018/KS 0001"),
            ("Dnr  KS  155 - 943/2015", "KS 155-943/2015"),
            ("SBN-2023-00412", "SBN-2023-00412"),
            ("Diarienummer: GRN 2021.118", "GRN 2021.118"),
            ("Er referens: S2017/01577/FS", "S 2017/01577/FS"),
            ("Dnr MBN.2013.1874.406", "MBN.2013.1874.406"),
            ("Dnr KS 2008/288 041", "KS 2008/288 041"),
            ("Diarienummer: 2023-HSN-001187", "2023-HSN-001187"),
            ("Dnr SN 13/0214", "SN 13/0214"),
            ("HSN2021-00087", "HSN 2021-00087"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_dnr(input).as_deref(), Some(want), "{input}");
        }
        assert_eq!(normalize_dnr("2019-04-10"), None);
        assert_eq!(normalize_dnr("Sida 2"), None);
        // A minute book's number of the year.
        assert!(find_dnrs("PROTOKOLL NR 10/2004      Sid 1 (5)").is_empty());
    }

    #[test]
    fn number_under_column_header() {
        let lines = [
            "ORSA KOMMUN          Datum         Diarienummer",
            "Kommunstyrelsen      2019-03-01    2019-000123",
            "Bilaga                             2019-03-01",
        ];
        assert_eq!(column_dnrs(&lines), vec!["2019-000123"]);
        assert!(column_dnrs(&lines[1..]).is_empty());
    }

    #[test]
    fn keys_ignore_prefix() {
        assert_eq!(dnr_key("KS 155-943/2015"), dnr_key("155-943/2015"));
        assert_eq!(dnr_key("KS 2019/0123"), dnr_key("KS-2019/123"));
        assert_eq!(dnr_key("KS 2008/288 041"), dnr_key("KS 2008/288"));
    }

    #[test]
    fn finds_in_running_text() {
        let t = "Remiss om Strategi KS 155-943/2015 och Telefon: 08 - 508 21 051, 2019-04-10";
        assert_eq!(find_dnrs(t), vec!["KS 155-943/2015"]);
        assert_eq!(
            find_dnrs("Diarienummer SBN-2023-00412"),
            vec!["SBN-2023-00412"]
        );
        assert_eq!(find_dnrs("Dnr 0145/12"), vec!["0145/12"]);
        assert_eq!(
            find_dnrs("Ärende nr: Bn 2018/00233 och Er beteckning: 551-3390-17"),
            vec!["Bn 2018/00233", "551-3390-17"]
        );
        assert_eq!(
            find_dnrs("Vår beteckning: MN-2017-1532"),
            vec!["MN-2017-1532"]
        );
        // A ministry's number keeps its unit's code where its prefix runs into the year too.
        assert_eq!(
            find_dnrs("planeringsramar för länsplanerna (N2009/2603/TE). För"),
            vec!["N 2009/2603/TE"]
        );
        // A ministry's number keeps its unit's code, letters and digits (L4 of Justitie).
        assert_eq!(
            find_dnrs("Er beteckning Ju2018/03975/L4"),
            vec!["Ju 2018/03975/L4"]
        );
        assert!(find_dnrs("Telefon 031-366 12 40, sida 12-14").is_empty());
        assert_eq!(
            find_dnrs("med två hem, KS 2020.0456."),
            vec!["KS 2020.0456"]
        );
        assert!(find_dnrs("kostnaden 2021.5 mnkr, Dnr 12.5").is_empty());
        assert!(find_dnrs("betänkandet Läs mig! (SOU 2017:21)").is_empty());
        assert!(find_dnrs("enligt föreskrifterna (SOSFS 2011:9) och AFS 2001:1").is_empty());
        assert_eq!(
            find_dnrs("Ärende (BN/2022:87-214) och BN/2021:5"),
            vec!["BN/2022:87-214", "BN/2021:5"]
        );
        assert_eq!(
            find_dnrs("Dnr Mhn 2020/41 ersätter beslutet (Mhn 2019/7), Bo 2019/7 inte"),
            vec!["Mhn 2020/41", "Mhn 2019/7"]
        );
    }
}
