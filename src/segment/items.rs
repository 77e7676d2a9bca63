//! Splitting a document's lines into § items ("§ 23 Titel", "§23", OCR "$ 23", and with the
//! board's prefix "BUN § 78", "KS § 12", "Sn § 34").

use std::sync::LazyLock;

use regex::Regex;

use super::dnr::{find_dnrs, without_dnrs};
use super::fold::{fold, tolerant_regex};
use super::heading::heading_kind;
use super::meta::columns;
use crate::model::Kind;

/// A § heading, after the label of the board's series of minutes the clerk may set before it
/// (`KSAU § 4`, `Ks § 12`, `Dir § 19`, `Fdir § 96`, `KoN § 27`): capitals, or a capital and up
/// to three letters of either case.
static PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:\p{Lu}{1,6}|\p{Lu}\p{L}{1,3})\s+)?[§$]\s?(\d{1,4})\b\s*(.*?)\s*$")
        .expect("paragraph pattern")
});
static RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[–—-]\s*\d").expect("range pattern"));
/// A reference to a § anywhere in a line ("2012-10-24, § 85").
static PARA_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"§\s?(\d{1,4})\)?\s*$").expect("paragraph reference"));
static APPENDIX: LazyLock<Regex> = LazyLock::new(|| {
    tolerant_regex(
        "^(?:",
        &[
            "bilaga",
            "bil\\.",
            "reservation",
            "särskilt yttrande",
            "särskilt uttalande",
            "protokollsanteckning",
            "ersättaryttrande",
        ],
        r")[^§]{0,80}[§$]\s?(\d{1,4})(?:,?\s+\d{4}-\d{2}-\d{2})?\s*\.?$",
    )
});

/// One § item (or the text before the first §) as a range of document lines.
#[derive(Debug, Clone)]
pub struct ItemSpan {
    /// The § number, `None` for a document without § or the text before the first §.
    pub paragraph: Option<String>,
    /// The item's title ("Hyresavtal för förskolelokaler i Gränby").
    pub title: String,
    /// First line of the item's body (after the § line and a title on its own line).
    pub body_start: usize,
    /// One past the last line.
    pub end: usize,
}

/// The § number and title a line opens, when it is a § heading (not "§ 23–27", not "1§", not
/// a page's "§ 47 (forts.)", under which the § goes on where the page before left it).
fn paragraph_heading(line: &str) -> Option<(String, String)> {
    let c = PARAGRAPH.captures(line)?;
    let rest = c.get(2).map_or("", |m| m.as_str());
    // "forts." or "fortsättning", not a title that opens with "Fortsatt finansiering".
    let continued = || {
        let rest = fold(rest.trim_start_matches(['(', ',', ' ']));
        rest.strip_prefix("forts").is_some_and(|after| {
            after.starts_with("attning") || !after.starts_with(char::is_alphabetic)
        })
    };
    if RANGE.is_match(rest)
        || rest.starts_with(|ch: char| ch.is_lowercase() || ch.is_ascii_digit())
        || continued()
    {
        return None;
    }
    // A case number on the § line ("MHN § 143        MHN-2017-1182") is not its title.
    Some((c[1].to_string(), without_dnrs(rest)))
}

/// The § an appendix line attaches what follows to ("Bilaga 1 till protokoll 2016-09-21, § 59",
/// "Reservation till § 12", "Bilaga 1 till KSAU § 4, 2026-01-20"): written statements appended
/// after the signatures belong to their §.
fn appendix_of(line: &str) -> Option<String> {
    APPENDIX
        .captures(&fold(line.trim()))
        .map(|c| c[1].to_string())
}

static APPENDIX_CELL: LazyLock<Regex> =
    LazyLock::new(|| tolerant_regex("^(?:", &["bilaga"], r")\s+\d{1,2}$"));

/// The § of an appendix page header that puts its label in a column of its own ("ARVIKA
/// KOMMUN        Bilaga 3" / "Kommunfullmäktige        KF 2011-03-28 § 25"): a cell that is
/// only "Bilaga N", with the § at the end of that line or the next.
fn appendix_header(lines: &[&str], i: usize) -> Option<String> {
    let cells = columns(lines[i]);
    if cells.len() < 2
        || !cells
            .iter()
            .any(|c| APPENDIX_CELL.is_match(&fold(c.trim())))
    {
        return None;
    }
    lines[i..lines.len().min(i + 2)]
        .iter()
        .find_map(|l| PARA_REF.captures(l.trim_end()).map(|c| c[1].to_string()))
}

/// Whether a line is prose that runs on into the next one, so a "§ 141" opening the next line
/// is a citation wrapped mid-sentence ("antagen av kommunfullmäktige 2018-06-12" / "§ 141 (KS
/// 2017/1187), har …"), not a § heading: it ends in a comma, or it is a long line of running
/// text (no column gaps) that no sentence end closes.
fn runs_on(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(',')
        || (t.chars().count() >= 50
            && columns(t).len() == 1
            && !t.ends_with(['.', ':', '!', '?', ')']))
}

/// The § a statement heading after the last § belongs to when its page header or the lines
/// under it name that § ("Bilaga 1 … 2012-10-24, § 85" / "RESERVATION" / "Ärende: …, dnr SN
/// 2012/0214"): a written reservation appended to the minutes, not part of the last §.
fn statement_appendix(
    lines: &[&str],
    i: usize,
    heads: &[(usize, String, String, bool)],
) -> Option<String> {
    let statement = heading_kind(lines[i]).is_some_and(Kind::is_statement);
    if !statement || heads.is_empty() {
        return None;
    }
    // The heading itself ("Reservation – … (§ 58)") or the page header above it.
    let above = &lines[i.saturating_sub(4)..=i];
    if let Some(p) = above
        .iter()
        .flat_map(|l| PARA_REF.captures_iter(l))
        .map(|c| c[1].to_string())
        .last()
    {
        return Some(p);
    }
    // Or the case number under the heading is the one a § line carries.
    let below: Vec<String> = lines[i + 1..lines.len().min(i + 4)]
        .iter()
        .flat_map(|l| find_dnrs(l))
        .collect();
    heads
        .iter()
        .filter(|h| !h.3)
        .find(|h| {
            lines[h.0..lines.len().min(h.0 + 3)]
                .iter()
                .flat_map(|l| find_dnrs(l))
                .any(|d| below.contains(&d))
        })
        .map(|h| h.1.clone())
}

/// Whether a title on a line of its own wraps to the next line: a long title going on in
/// lower case ("… bussresor för" / "pensionärer"), one ending in a comma ("… fritidshus," /
/// "Rossö 3:112"), or a title in capitals going on in capitals.
fn title_goes_on(title: &str, next: &str) -> bool {
    let capitals =
        |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    let long = title.chars().count() >= 40;
    !next.is_empty()
        && find_dnrs(next).is_empty()
        && ((long && next.starts_with(char::is_lowercase))
            || title.ends_with(',')
            || (long && capitals(title) && capitals(next)))
}

/// Splits lines into § items; text before the first § becomes an item without paragraph. An
/// appendix to an earlier § (see [`appendix_of`]) becomes a further span with that § number.
pub fn split_items(lines: &[&str]) -> Vec<ItemSpan> {
    // (line, §, title on the § line, whether it is an appendix)
    let mut heads: Vec<(usize, String, String, bool)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let runs_on = i > 0 && runs_on(lines[i - 1]);
        if let Some((p, t)) = paragraph_heading(l).filter(|_| !runs_on) {
            heads.push((i, p, t, false));
        } else if let Some(p) = appendix_of(l)
            // "… genom en skriftlig reservation," / "bilaga 1 till § 109." cites an appendix.
            .filter(|_| !runs_on)
            .or_else(|| appendix_header(lines, i))
            .or_else(|| statement_appendix(lines, i, &heads))
        {
            // A statement heading under its appendix label ("Bilaga 2 till § 164" /
            // "Reservation") is that appendix's first heading, not another appendix.
            let labelled = heads
                .last()
                .is_some_and(|h| h.3 && h.1 == p && i - h.0 <= 4);
            if heads.iter().any(|h| !h.3 && h.1 == p) && !labelled {
                heads.push((i, p, String::new(), true));
            }
        }
    }
    if heads.is_empty() {
        return vec![ItemSpan {
            paragraph: None,
            title: String::new(),
            body_start: 0,
            end: lines.len(),
        }];
    }
    let mut out = Vec::new();
    if lines[..heads[0].0].iter().any(|l| !l.trim().is_empty()) {
        out.push(ItemSpan {
            paragraph: None,
            title: String::new(),
            body_start: 0,
            end: heads[0].0,
        });
    }
    for (n, (i, para, title, appendix)) in heads.iter().enumerate() {
        let end = heads.get(n + 1).map_or(lines.len(), |h| h.0);
        // An appendix's own line is its first heading or label, so it stays in the body.
        let mut body_start = if *appendix { *i } else { i + 1 };
        let mut title = title.clone();
        if *appendix {
            title = out
                .iter()
                .find(|s: &&ItemSpan| s.paragraph.as_ref() == Some(para))
                .map_or(String::new(), |s| s.title.clone());
        } else if !title.is_empty() {
            // A title on the § line wraps to an indented line in lower case ("§ 87    Ansökan
            // om bygglov … på" / "        fastigheten Åsaka 3:21").
            if let Some(next) = lines.get(i + 1).filter(|n| {
                i + 1 < end
                    && n.starts_with("  ")
                    && n.trim_start().starts_with(char::is_lowercase)
                    && heading_kind(n).is_none()
                    && !title.ends_with(['.', ':', '!', '?'])
            }) {
                title = format!("{title} {}", without_dnrs(next));
                body_start = i + 2;
            }
        } else {
            // The title stands on the next non-empty line that is not only a case number
            // ("§ 23" / "Dnr 2009/KS0412" / title), unless that is a heading.
            if let Some(j) = (i + 1..end).find(|&j| !without_dnrs(lines[j]).is_empty()) {
                let l = lines[j].trim();
                if find_dnrs(l).is_empty() && heading_kind(l).is_none() {
                    title = l.to_string();
                    body_start = j + 1;
                    // A long title wraps: its next line goes on in lower case ("… bussresor för"
                    // / "pensionärer").
                    if let Some(next) = lines
                        .get(j + 1)
                        .map(|n| n.trim())
                        .filter(|n| j + 1 < end && heading_kind(n).is_none() && title_goes_on(l, n))
                    {
                        title = format!("{title} {next}");
                        body_start = j + 2;
                    }
                }
            }
        }
        out.push(ItemSpan {
            paragraph: Some(para.clone()),
            title,
            body_start,
            end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_skips_ranges() {
        let lines = [
            "Paragrafer",
            "§ 23–27",
            "§ 23 Hyresavtal",
            "Beslut",
            "KS § 24",
            "Bygglov",
            "MHN § 25                MHN-2017-1182",
            "Taxa",
            "$24",
            "Lokalplan",
            "enligt 4 kap 1§ lagen",
            "beslutat om yttrandet den 21 oktober 2020,",
            "§ 112. Ärendet har beretts av arbetsutskottet.",
            "KS § 26     Medborgarförslag om belysning längs",
            "            promenadstråket vid badet   (KS/2024:512)",
            "Beslut",
            "§ 26 (forts.)",
            "Beslut",
            "§ 27 fortsättning",
            "§ 27                   Fortsatt finansiering av insatsen",
        ];
        let items = split_items(&lines);
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.paragraph.clone(), i.title.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (None, String::new()),
                (Some("23".into()), "Hyresavtal".into()),
                (Some("24".into()), "Bygglov".into()),
                (Some("25".into()), "Taxa".into()),
                (Some("24".into()), "Lokalplan".into()),
                (
                    Some("26".into()),
                    "Medborgarförslag om belysning längs promenadstråket vid badet".into()
                ),
                (
                    Some("27".into()),
                    "Fortsatt finansiering av insatsen".into()
                ),
            ]
        );
    }

    #[test]
    fn appendices_by_label_cell_not_by_citation() {
        let lines = [
            "§ 4 Budget",
            "Reservationer",
            "Alla ledamöter reserverar sig genom en skriftlig reservation,",
            "bilaga 1 till § 4.",
            "Beslut",
            "ORTA KOMMUN                       Bilaga 1",
            "Kommunstyrelsen                   KS 2024-01-10 § 4",
            "Reservation i ärende § 4",
        ];
        let items = split_items(&lines);
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.paragraph.clone(), i.body_start))
            .collect();
        assert_eq!(got, vec![(Some("4".into()), 1), (Some("4".into()), 5)]);
    }

    #[test]
    fn an_appendix_label_may_date_its_paragraph() {
        assert_eq!(
            appendix_of("Bilaga 1 till KSAU § 4, 2026-01-20"),
            Some("4".into())
        );
        assert_eq!(
            appendix_of("Bilaga 1 till KSAU § 4 2026-01-20"),
            Some("4".into())
        );
        assert_eq!(appendix_of("Bilaga 1 till § 4, se karta"), None);
    }

    #[test]
    fn titles_wrap_after_a_comma_or_in_capitals() {
        assert!(title_goes_on(
            "Bygglov för nybyggnad av garage,",
            "Ekudden 2:14"
        ));
        assert!(title_goes_on(
            "EKUDDEN 2:14 – ANSÖKAN OM BYGGLOV FÖR NYBYGGNAD AV",
            "GARAGE OCH CARPORT"
        ));
        assert!(!title_goes_on(
            "Bygglov för nybyggnad av garage",
            "Ärendet gäller"
        ));
        assert!(!title_goes_on("BYGGLOV", "GARAGE"));
    }
}
