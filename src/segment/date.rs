//! Dates as Swedish documents write them: "2018-05-24", "24 maj 2018", "den 15 juni 2017".

use std::sync::LazyLock;

use regex::Regex;

/// The Swedish month names, January first, as dates are written in running text.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// An ISO date or a day, Swedish month name and year; capture groups iso | day month year.
pub static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:((?:19|20)\d\d-[01]\d-[0-3]\d)|([0-3]?\d)\s+({})\s+((?:19|20)\d\d))\b",
        MONTHS.join("|")
    ))
    .expect("date pattern compiles")
});

/// The first date in `text`, as ISO 8601, with the byte range it occupies.
pub fn find_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    DATE.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        iso_from(&c).map(|d| (d, whole.range()))
    })
}

/// The ISO form of a [`DATE`] match, when it names a real calendar day.
pub fn iso_from(c: &regex::Captures) -> Option<String> {
    let (y, m, d) = if let Some(iso) = c.get(1) {
        let p: Vec<u32> = iso
            .as_str()
            .split('-')
            .filter_map(|x| x.parse().ok())
            .collect();
        (*p.first()?, *p.get(1)?, *p.get(2)?)
    } else {
        let month = c.get(3)?.as_str().to_lowercase();
        let m = MONTHS.iter().position(|x| *x == month)? as u32 + 1;
        (
            c.get(4)?.as_str().parse().ok()?,
            m,
            c.get(2)?.as_str().parse().ok()?,
        )
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        assert_eq!(
            find_date("Stockholm den 15 juni 2017").map(|d| d.0),
            Some("2017-06-15".into())
        );
        assert_eq!(
            find_date("Datum 2023-05-10").map(|d| d.0),
            Some("2023-05-10".into())
        );
        assert_eq!(find_date("2019-13-40"), None);
    }
}
