//! Document metadata: type, body, date and title, from the letterhead and set phrases.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::date::find_date;
use super::dnr::find_dnr_spans;
use super::fold::{fold, tolerant_regex};
use super::heading::{heading_kind, is_signature_date};
use super::who::{bare_name, is_title_line};
use crate::model::{DocType, Kind};

/// How far into a document the letterhead may reach, in lines.
const HEAD_LINES: usize = 40;

/// Nouns that name a deciding or issuing body (å/ä/ö positions OCR-tolerant).
const BODY_NOUN: &str = r"\p{L}*(?:n[\p{L}0-9]{1,2}mnd(?:en)?|styrelsen?|fullm[\p{L}0-9]{1,2}ktige|f[\p{L}0-9]{1,2}rvaltning(?:en)?|kontor(?:et)?|beredning(?:en)?|revision(?:en)?|utskott(?:et)?|direktion(?:en)?)";

/// A board's field after its noun ("… för trafik, infrastruktur och miljö"), as regions name
/// their boards.
const FIELD: &str = r"\s+för(?:\s+\p{Ll}[\p{L}-]*,?){1,4}";

/// A body's name alone: "Kommunstyrelsen", "Älvsjö stadsdelsnämnd", "Barn- och
/// ungdomsnämnden" (a coordinated compound), "Stadsdelsnämnden Lundby", "Stadsdelsnämnden Västra
/// Göteborg", "Stadsdelsfullmäktige i Fosie" (the district after it),
/// "Nämnden för folkhälsa och sjukvård" (its field after it, as regions name their boards).
static BODY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:\p{{Lu}}[\p{{L}}-]*\s+)?(?:\p{{L}}+-(?:,\s*\p{{L}}+-)*\s+(?:och|samt)\s+)?\p{{L}}?{BODY_NOUN}(?:(?:\s+i)?(?:\s+\p{{Lu}}[\p{{L}}-]+){{1,2}}|{FIELD})?$"
    ))
    .expect("body line")
});
/// A line that opens a § item ("§ 31", "BUN § 78").
static ITEM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\S+\s+)?§\s*\d").expect("item start"));
/// A deciding board, as opposed to the office that serves it.
static BOARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"n[\p{L}0-9]{1,2}mnd|styrelse|fullm[\p{L}0-9]{1,2}ktige|utskott|beredning|direktion",
    )
    .expect("board")
});
/// The board a report is put to: "I stadsdelsnämnden Lundby:", "Till kommunstyrelsen", "Till
/// styrelsen för" (its meeting on the line below).
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Ii]|[Tt]ill)\s+(\S.*?)(?:\s+för)?\s*:?$").expect("addressed body")
});
/// A postal code and town: the line that marks an address block ("871 86 Härnösand").
static POSTAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{3}\s?\d{2}\s+\p{Lu}").expect("postal code"));
static NAMED_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b\p{{Lu}}[\p{{L}}-]+\s+\p{{Ll}}{BODY_NOUN}\b")).expect("named body")
});
static PROPOSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(\p{{Lu}}{BODY_NOUN})\s+f\S{{1,2}}resl\S{{1,2}}r\b"
    ))
    .expect("proposes")
});
/// How many letterhead cells after a date's label its date may stand in: the label's row may
/// hold a page label and a case number label before the row below begins.
const LABEL_REACH: usize = 3;

static LABELLED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    tolerant_regex(
        r"^(?:",
        &[
            "sammanträdesdatum",
            "sammanträdesdag",
            "sammanträde",
            "datum",
            "mötesdatum",
            "beslutsdatum",
            "utfärdat",
            "utfärdad",
            "upprättat",
            "upprättad",
            // "Utdrag ur protokoll" / "fört vid sammanträde med … den 18 november 2015".
            "fört vid sammanträde",
            "förd vid sammanträde",
        ],
        r")\b",
    )
});
static LETTERHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\p{Lu}\p{L}+s?\s+(?i:stad|kommun|län|region)|(?i:region)\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?|\S+\.(?:se|nu|com))$",
    )
        .expect("letterhead")
});
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    tolerant_regex(
        r"^(?:",
        &[
            "till",
            "datum",
            "diarienummer",
            "dnr",
            "sammanträdesdatum",
            "plats",
            "tid",
            "telefon",
            "e-post",
            "handläggare",
            "från",
            "ärende",
            "sida",
        ],
        r")\b",
    )
});

/// A document type's name, matched OCR-tolerantly as a whole word and as a compound's tail.
struct TypeName {
    exact: Regex,
    compound: Regex,
    doc_type: DocType,
}

/// The names of the document types. An official's report goes by several names
/// ("Tjänsteskrivelse", "Skrivelse"); all are the tjänsteutlåtande of the model. Ordered so that
/// "protokollsutdrag" and "tjänsteutlåtande" are tried before their tails. Compiled once: the
/// type is asked of every letterhead line.
static DOC_TYPES: LazyLock<Vec<TypeName>> = LazyLock::new(|| {
    [
        ("protokollsutdrag", DocType::Protokollsutdrag),
        ("protokoll", DocType::Protokoll),
        ("tjänsteutlåtande", DocType::Tjansteutlatande),
        ("tjänsteskrivelse", DocType::Tjansteutlatande),
        ("skrivelse", DocType::Tjansteutlatande),
        ("utlåtande", DocType::Utlatande),
        ("yttrande", DocType::Yttrande),
        ("handlingsplan", DocType::Handlingsplan),
    ]
    .into_iter()
    .map(|(name, doc_type)| TypeName {
        exact: tolerant_regex("^", &[name], "$"),
        compound: tolerant_regex(r"^\p{L}+", &[name], "$"),
        doc_type,
    })
    .collect()
});

static EXTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^utdrag(?:\s+ur\b.*)?$").expect("extract pattern"));

/// The document type named in a letterhead line ("Protokoll", "Utlåtande 2011:112 RI").
fn named_type(line: &str) -> Option<DocType> {
    let f = fold(line.trim());
    // "Utdrag ur sammanträdesprotokoll", also split over two letterhead lines ("UTDRAG UR" /
    // "SAMMANTRÄDESPROTOKOLL"): the extract is named before the protocol it comes from.
    if EXTRACT.is_match(&f) {
        return Some(DocType::Protokollsutdrag);
    }
    let word = f.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let rest_ok = f[word.len()..].trim().is_empty()
        || f[word.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '§');
    if !rest_ok {
        return None;
    }
    let exact = DOC_TYPES.iter().find(|t| t.exact.is_match(word));
    // A compound that ends in a type ("Sammanträdesprotokoll", "Remissyttrande") names it too,
    // unless the line is a segment heading ("Ersättaryttrande").
    let compound = || {
        (heading_kind(line).is_none())
            .then(|| DOC_TYPES.iter().find(|t| t.compound.is_match(word)))
            .flatten()
    };
    exact.or_else(compound).map(|t| t.doc_type)
}

/// What the segmenter found that bears on the document type.
pub struct Evidence<'a> {
    /// Number of § items.
    pub paragraphs: usize,
    /// Kinds of the headings and phrases found.
    pub kinds: &'a [Kind],
    /// The document's title.
    pub title: &'a str,
}

/// A tolerant pattern compiled on first use.
type Lazy = LazyLock<Regex>;

/// The set phrases that tell a type no letterhead names, compiled once: every document asks.
static BORGARRAD: Lazy = LazyLock::new(|| tolerant_regex("", &["föredragande borgarråd"], ""));
static YTTRANDE: Lazy = LazyLock::new(|| tolerant_regex("^", &["yttrande"], r"\b"));
static HANDLAGGARE: Lazy = LazyLock::new(|| tolerant_regex("^", &["handläggare"], r"\b"));
static OFFICE_PROPOSES: Lazy =
    LazyLock::new(|| tolerant_regex("", &["förvaltningens förslag till beslut"], ""));
static HANDLINGSPLAN: Lazy = LazyLock::new(|| tolerant_regex("", &["handlingsplan"], ""));

/// The document type from letterhead, structure and set phrases.
pub fn doc_type(lines: &[&str], ev: &Evidence) -> DocType {
    let head = &lines[..lines.len().min(HEAD_LINES)];
    // The type is named before the first § or segment heading; after it a type word is a
    // cited document ("Beslutsunderlag: Tjänsteskrivelse 2020-01-27").
    let letterhead = head.iter().take_while(|l| {
        named_type(l).is_some()
            || (!ITEM_START.is_match(l.trim()) && heading_kind(l).is_none_or(|k| k == Kind::Other))
    });
    if let Some(t) = letterhead.filter_map(|l| named_type(l)).next() {
        // Minutes of a single § are an extract of the meeting's minutes, whatever the
        // letterhead's protocol template calls them.
        if t == DocType::Protokoll && ev.paragraphs == 1 {
            return DocType::Protokollsutdrag;
        }
        return t;
    }
    let all = fold(&lines.join(" "));
    let has = |k: Kind| ev.kinds.contains(&k);
    if ev.paragraphs > 1 {
        DocType::Protokoll
    } else if ev.paragraphs == 1 {
        DocType::Protokollsutdrag
    } else if BORGARRAD.is_match(&all) {
        DocType::Utlatande
    } else if YTTRANDE.is_match(&fold(ev.title)) {
        DocType::Yttrande
    } else if has(Kind::Decision) && (has(Kind::Procedure) || has(Kind::Reservation)) {
        DocType::Protokollsutdrag
    } else if head.iter().any(|l| HANDLAGGARE.is_match(&fold(l))) || OFFICE_PROPOSES.is_match(&all)
    {
        DocType::Tjansteutlatande
    } else if HANDLINGSPLAN.is_match(&fold(ev.title)) {
        DocType::Handlingsplan
    } else {
        DocType::Other
    }
}

/// The blocks of a letterhead as line ranges: runs of lines between blank lines, split where
/// the text moves between the left margin and the right-hand column ("Er referens" /
/// "BS 22-412-2016" / "Handläggare" start a new block at "Handläggare").
fn blocks(head: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=head.len() {
        let blank = head.get(i).is_some_and(|l| l.trim().is_empty());
        let ends = match head.get(i) {
            None => true,
            Some(_) if blank => true,
            Some(l) => i > start && in_right_column(l) != in_right_column(head[i - 1]),
        };
        if ends {
            if i > start {
                out.push((start, i));
            }
            start = if blank { i + 1 } else { i };
        }
    }
    out
}

/// Whether a line stands indented far into the page: the right-hand column of a letterhead.
fn in_right_column(line: &str) -> bool {
    line.len() - line.trim_start().len() >= 20
}

/// Whether a line is only a body's name ("Kommunstyrelsen", "Älvsjö stadsdelsnämnd"), also a
/// board named by its noun alone ("Styrelsen", "Direktionen", "Nämnd för trafik …").
pub fn is_body_line(line: &str) -> bool {
    let t = line.trim();
    let mut chars = t.chars();
    let Some(first) = chars.next().filter(|c| c.is_uppercase()) else {
        return false;
    };
    // A name left open ("Nämnden för folkhälsa och") goes on in the line below.
    if t.ends_with([',', '-']) || t.ends_with(" och") || t.ends_with(" samt") {
        return false;
    }
    let small: String = first.to_lowercase().chain(chars).collect();
    BODY_LINE.is_match(t) || BOARD_ALONE.is_match(&small)
}

/// A board named by its noun alone, or with its field after it ("styrelsen", "direktionen",
/// "nämnd för trafik, infrastruktur och miljö"): [`BODY_LINE`]'s names in lower case.
static BOARD_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:n[\p{{L}}0-9]{{1,2}}mnd(?:en)?|styrelsen?|direktion(?:en)?)(?:{FIELD})?$"
    ))
    .expect("board alone")
});

/// Whether a letterhead line names an office rather than a board, though a board's name may
/// be part of it ("Kommunstyrelseförvaltningen", "Miljö- och hälsoskyddskontoret").
fn is_office(line: &str) -> bool {
    let f = fold(line);
    ["forvaltning", "kontor", "avdelning"]
        .iter()
        .any(|w| f.contains(w))
}

/// Whether a body's name is a deciding board's, not an office's that serves one.
fn is_board(name: &str) -> bool {
    BOARD.is_match(&fold(name)) && !is_office(name)
}

/// The issuing or deciding body.
pub fn body(lines: &[&str], doc_type: DocType) -> String {
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let non_empty: Vec<&str> = head
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if doc_type == DocType::Tjansteutlatande {
        // An official's report belongs to the board it is addressed to.
        for (i, l) in non_empty.iter().enumerate() {
            let f = fold(l);
            if f == "till" {
                if let Some(next) = non_empty.get(i + 1).filter(|n| is_body_line(n)) {
                    return next.to_string();
                }
            } else if let Some(b) = ADDRESSED
                .captures(l)
                .map(|c| capitalised(&c[1]))
                .filter(|b| is_body_line(b))
            {
                return b;
            }
        }
        // Without an addressee line, the deciding board named alone in the letterhead, not
        // the office that wrote the report.
        if let Some(l) = non_empty.iter().find(|l| is_body_line(l) && is_board(l)) {
            return l.to_string();
        }
    }
    // Each name the letterhead gives, and whether it stands after a "Till": an addressee
    // ("Till" / "Kommunstyrelsen") is the body a document is sent to.
    let named: Vec<(bool, String)> = non_empty
        .iter()
        .scan(false, |addressed, l| {
            *addressed |= fold(l) == "till";
            Some((*addressed, l))
        })
        .filter_map(|(addressed, l)| {
            is_body_line(l)
                .then(|| l.to_string())
                .or_else(|| body_in_capitals(l))
                .map(|b| (addressed, b))
        })
        .collect();
    // A letterhead that names the office above its board ("Oxie stadsdelsförvaltning" /
    // "Stadsdelsfullmäktige i Oxie") speaks for the board.
    if let Some((_, b)) = named
        .iter()
        .find(|(addressed, b)| !addressed && is_board(b))
        .or(named.first())
    {
        return b.clone();
    }
    if let Some(b) = wrapped_body(head) {
        return b;
    }
    for l in lines.iter().take(HEAD_LINES * 2) {
        if let Some(c) = PROPOSES.captures(l.trim()) {
            return c[1].to_string();
        }
    }
    // Otherwise the body the text names most often with its place ("Älvsjö stadsdelsnämnd").
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let text = lines.join("\n");
    for (order, m) in NAMED_BODY.find_iter(&text).enumerate() {
        let name = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        counts.entry(name).or_insert((0, order)).0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(n, _)| n)
        .unwrap_or_default()
}

/// A body's name set in capitals in the letterhead ("SOCIALNÄMNDEN", "BARN- OCH
/// UTBILDNINGSNÄMNDEN", "ÖSTERMALMS STADSDELSNÄMND"), as the body writes it in running text; a
/// cell of more words ("PROTOKOLL KOMMUNFULLMÄKTIGE") is a title.
fn body_in_capitals(cell: &str) -> Option<String> {
    if cell.chars().any(char::is_lowercase) {
        return None;
    }
    let lower = cell.to_lowercase();
    // A place's genitive before the board's noun names one body.
    let genitive = lower
        .split_once(' ')
        .is_some_and(|(place, noun)| place.ends_with('s') && !noun.contains(' '));
    let one_name =
        !lower.contains(' ') || lower.contains("- och ") || lower.contains("- samt ") || genitive;
    let name = capitalised(&lower);
    (one_name && is_body_line(&name)).then_some(name)
}

/// A body's name wrapped over two lines of the letterhead's left column ("Kultur-, demokrati- och"
/// / "fritidsnämnden      2019-09-24"): a cell left open by "och", "samt", a hyphen or a comma,
/// continued by a lower-case cell on the next line (letterhead cells run line by line, so a
/// right-hand cell may stand between them).
fn wrapped_body(cells: &[&str]) -> Option<String> {
    let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
    cells.iter().enumerate().find_map(|(i, first)| {
        let open =
            first.ends_with([',', '-']) || first.ends_with(" och") || first.ends_with(" samt");
        let rest = cells[i + 1..cells.len().min(i + 4)]
            .iter()
            .find(|c| c.starts_with(char::is_lowercase))?;
        let joined = format!("{first} {rest}");
        (open && is_body_line(&joined)).then_some(joined)
    })
}

/// A body's name written inside a sentence ("stadsdelsnämnden Lundby"), with its capital.
fn capitalised(name: &str) -> String {
    let mut c = name.trim().chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The meeting or document date: a labelled date in the letterhead, the signature date
/// ("Stockholm den 15 juni 2017"), or a date standing alone in the letterhead.
pub fn date(lines: &[&str]) -> Option<String> {
    let head = &lines[..lines.len().min(HEAD_LINES)];
    // A label may stand alone with its date in the next letterhead cell ("Sammanträdesdatum" /
    // "Onsdag 11 september 2019"), or in the cell below it, after the rest of its row
    // ("Sammanträdesdatum", "Sida" / "2021-11-18", "1 (3)").
    let labelled = head.iter().enumerate().find_map(|(i, l)| {
        LABELLED_DATE
            .is_match(&fold(l.trim()))
            .then(|| {
                find_date(l).or_else(|| {
                    head[i + 1..]
                        .iter()
                        .filter(|n| !n.trim().is_empty())
                        .take(LABEL_REACH)
                        .find_map(|n| find_date(n))
                })
            })
            .flatten()
            .map(|d| d.0)
    });
    labelled
        .or_else(|| {
            lines
                .iter()
                .find(|l| is_signature_date(l))
                .and_then(|l| find_date(l))
                .map(|d| d.0)
        })
        .or_else(|| {
            head.iter().find_map(|l| {
                let l = without_weekday(l.trim());
                find_date(l)
                    .filter(|(_, r)| r.len() == l.len())
                    .map(|d| d.0)
            })
        })
}

/// A date line without the weekday before it ("Onsdag 11 september 2019").
fn without_weekday(line: &str) -> &str {
    const WEEKDAYS: [&str; 7] = [
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    ];
    match line.split_once(char::is_whitespace) {
        Some((first, rest))
            if WEEKDAYS.contains(&first.trim_end_matches(',').to_lowercase().as_str()) =>
        {
            rest.trim_start()
        }
        _ => line,
    }
}

/// The letterhead with its columns apart: a line laid out as "LULEÅ KOMMUN      PROTOKOLLSUTDRAG"
/// or "Kommunfullmäktige      2018-04-23" gives one line per column, so that body, type and
/// date lines are seen alone. Lines after the letterhead are kept as they are.
pub fn letterhead_cells<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let n = lines.len().min(HEAD_LINES);
    lines[..n]
        .iter()
        .flat_map(|l| columns(l))
        .chain(lines[n..].iter().copied())
        .collect()
}

/// The columns of a line laid out with wide gaps; a line without gaps is one column.
pub fn columns(line: &str) -> Vec<&str> {
    COLUMN_GAP
        .split(line)
        .filter(|c| !c.trim().is_empty())
        .collect()
}

static COLUMN_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s{3,}|\t").expect("column gap"));
/// A page count in a letterhead: "1 (3)", "Sida 1 av 3", "1(3)".
static PAGE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:sida\s+)?\d{1,3}\s*(?:\(\d{1,3}\)|(?i:av)\s+\d{1,3})$").expect("page mark")
});

/// The title: the first block of the letterhead that is not a label, body, date or heading.
pub fn title(lines: &[&str]) -> String {
    title_block(lines).map(|t| t.0).unwrap_or_default()
}

/// The title and the index of the line after its block.
pub fn title_block(lines: &[&str]) -> Option<(String, usize)> {
    let head = &lines[..lines.len().min(HEAD_LINES)];
    for (block_start, block_end) in blocks(head) {
        let block = &head[block_start..block_end];
        let Some(first) = block.first() else { continue };
        // Headings, the type line and the addressee's postal address are not titles, nor is a
        // letterhead laid out in columns ("Eskilstuna kommun      TJÄNSTESKRIVELSE").
        let letterhead_columns = block.iter().map(|l| columns(l)).any(|cells| {
            cells.len() > 1
                && cells
                    .iter()
                    .any(|c| named_type(c).is_some() || PAGE_MARK.is_match(c.trim()))
        });
        // A block standing in the right-hand column is an address or a date, not the title.
        let right_column = block.iter().all(|l| in_right_column(l));
        // "Till" / "Kommunens revisorer" / "Piteå kommun" is the addressee.
        let addressee = fold(first.trim())
            .split_whitespace()
            .next()
            .is_some_and(|w| w == "till");
        if heading_kind(first).is_some()
            || named_type(first).is_some()
            || letterhead_columns
            || sender_block(block)
            || right_column
            || addressee
            || block.iter().any(|l| POSTAL.is_match(l.trim()))
        {
            continue;
        }
        let kept: Vec<String> = block
            .iter()
            .flat_map(|l| columns(l))
            .map(|l| l.trim())
            // "Ärende: Riktlinjer för arvode" labels the title.
            .map(|l| ISSUE_LABEL.find(l).map_or(l, |m| l[m.end()..].trim()))
            .filter(|l| {
                !is_body_line(l)
                    && !LETTERHEAD.is_match(l)
                    && !LABEL_LINE.is_match(&fold(l))
                    && find_date(l).is_none_or(|(_, r)| r.len() != l.len())
            })
            .map(strip_dnr)
            .filter(|l| !l.is_empty() && !is_reference(l))
            .collect();
        let joined = kept.join(" ");
        if !kept.is_empty() && kept.len() <= 6 && joined.len() <= 200 {
            return Some((joined, block_end));
        }
    }
    None
}

/// Whether a letterhead's cell is a reference alone, in no form [`strip_dnr`] knows
/// (`LS-LED07-418`, `09LS1873`, `2024/0014`): one word of digits with capitals or a slash, which
/// no title is (a title's last line may be a period, `2019–2021`).
fn is_reference(cell: &str) -> bool {
    !cell.contains(char::is_whitespace)
        && cell.chars().filter(char::is_ascii_digit).count() >= 2
        && !cell.contains(char::is_lowercase)
        && cell.contains(|c: char| c.is_uppercase() || c == '/')
}

/// "Ärende:" before a title.
static ISSUE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:[äa]rende)\s*:\s*").expect("issue label"));
/// A contact line of the letterhead: "Direkt 0650-191 47", "Tel: 08-123 45", an e-mail address.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:direkt|telefon|tel|mobil|växel|fax)\.?:?\s*\+?\d|^\S+@\S+\.\p{L}+$")
        .expect("contact line")
});

/// Whether a block is the sender's part of the letterhead: it names the municipality, gives a
/// telephone number or e-mail address, or signs an official's name over a role ("Johan Eklund" /
/// "Utredare", "Anders Hed, miljöchef") — never the title, though it stands left where the title
/// does.
fn sender_block(block: &[&str]) -> bool {
    let firsts: Vec<&str> = block
        .iter()
        .map(|l| columns(l).first().map_or("", |c| c.trim()))
        .collect();
    let cells = || block.iter().flat_map(|l| columns(l)).map(str::trim);
    let official = |l: &str| {
        l.split_once(", ").is_some_and(|(name, role)| {
            bare_name(name).is_some() && role.starts_with(char::is_lowercase)
        })
    };
    cells().any(|c| LETTERHEAD.is_match(c) || CONTACT.is_match(c) || official(c))
        || firsts
            .windows(2)
            .any(|w| bare_name(w[0]).is_some() && is_title_line(w[1]))
}

/// A title line without the case number written after it; a number inside the title ("Yttrande
/// i mål nr M 2214-09 angående …") stays.
fn strip_dnr(line: &str) -> String {
    let trailing = |r: &std::ops::Range<usize>| {
        line[r.end..]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ')' | '.' | ','))
            .is_empty()
    };
    match find_dnr_spans(line).first().filter(|(r, _)| trailing(r)) {
        Some((r, _)) => line[..r.start]
            .trim_end_matches(['(', ',', ' '])
            .to_string(),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_board_is_named_with_its_district_above_or_beside_its_office() {
        let cases: [(&[&str], DocType, &str); 4] = [
            (
                &[
                    "MALMÖ STAD",
                    "Oxie stadsdelsförvaltning",
                    "Stadsdelsfullmäktige i Oxie",
                ],
                DocType::Yttrande,
                "Stadsdelsfullmäktige i Oxie",
            ),
            (
                &[
                    "Protokoll",
                    "Stadsdelsnämnden Västra Göteborg",
                    "Tid: 17.30",
                ],
                DocType::Protokoll,
                "Stadsdelsnämnden Västra Göteborg",
            ),
            (
                &["UTDRAG", "ÖSTERMALMS STADSDELSNÄMND", "SID 1 (3)"],
                DocType::Protokollsutdrag,
                "Östermalms stadsdelsnämnd",
            ),
            // An office that writes to a board is the body itself.
            (
                &["Revisionskontoret", "Yttrande", "Till", "Kommunstyrelsen"],
                DocType::Yttrande,
                "Revisionskontoret",
            ),
        ];
        for (cells, doc_type, want) in cases {
            assert_eq!(body(cells, doc_type), want);
        }
    }

    #[test]
    fn body_wrapped_in_letterhead_column() {
        let lines = [
            "Vellinge kommun                         PROTOKOLL",
            "Samhällsbyggnads- och                   Sammanträdesdatum",
            "miljönämnden                            2020-03-04",
            "",
            "§ 12",
        ];
        assert_eq!(
            body(&letterhead_cells(&lines), DocType::Protokoll),
            "Samhällsbyggnads- och miljönämnden"
        );
    }

    #[test]
    fn boards_named_by_their_noun_or_field() {
        for (lines, named) in [
            (
                &[
                    "ORTA BRANDFÖRSVARSFÖRBUND                 PROTOKOLL",
                    "Direktionen                               2009-10-22",
                ][..],
                "Direktionen",
            ),
            (
                &[
                    "                 PROTOKOLL",
                    "",
                    "Nämnd för trafik, infrastruktur och miljö",
                ][..],
                "Nämnd för trafik, infrastruktur och miljö",
            ),
        ] {
            assert_eq!(body(&letterhead_cells(lines), DocType::Protokoll), named);
        }
        let lines = [
            "Orta samordningsförbund                  TJÄNSTESKRIVELSE",
            "Förbundskansliet",
            "                                         Till styrelsen för",
            "                                         sammanträdet 2016-03-18",
        ];
        assert_eq!(body(&lines, DocType::Tjansteutlatande), "Styrelsen");
    }

    #[test]
    fn report_to_the_board_not_the_office() {
        let lines = [
            "TJÄNSTESKRIVELSE",
            "Orta kommun                           KS 2022-000014",
            "Kommunstyrelseförvaltningen",
            "",
            "                                      Valnämnden",
        ];
        assert_eq!(body(&lines, DocType::Tjansteutlatande), "Valnämnden");
    }

    #[test]
    fn extract_of_a_single_paragraph() {
        let lines = [
            "ORTA KOMMUN",
            "Tekniska nämnden",
            "",
            "SAMMANTRÄDESPROTOKOLL",
            "fört vid sammanträde med tekniska nämnden den 3 mars 2021",
            "",
            "§ 9",
        ];
        let ev = |paragraphs| Evidence {
            paragraphs,
            kinds: &[],
            title: "",
        };
        assert_eq!(doc_type(&lines, &ev(1)), DocType::Protokollsutdrag);
        assert_eq!(doc_type(&lines, &ev(3)), DocType::Protokoll);
        assert_eq!(date(&lines).as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn title_skips_sender_blocks() {
        let contact = [
            "",
            "Kultur- och fritidsförvaltningen",
            "Eva Lind, kulturchef",
            "Tel 0123-456 78",
            "",
            "Nya öppettider för biblioteken",
        ];
        assert_eq!(title(&contact), "Nya öppettider för biblioteken");
        let signed = [
            "Kultur- och fritidsförvaltningen",
            "Eva Lind                                   Kulturnämnden",
            "Handläggare",
            "",
            "Ärende: Nya öppettider för biblioteken",
        ];
        assert_eq!(title(&signed), "Nya öppettider för biblioteken");
        // A reference alone in the letterhead is no title; a period ending one is part of it.
        let referenced = ["09LS1873", "", "Taxor för biblioteken", "2019–2021"];
        assert_eq!(title(&referenced), "Taxor för biblioteken 2019–2021");
    }

    #[test]
    fn letterhead() {
        let lines = [
            "Malmö stad",
            "Stadsbyggnadskontoret",
            "",
            "Tjänsteutlåtande",
            "",
            "Datum 2023-05-10",
            "Till Stadsbyggnadsnämnden",
            "Diarienummer SBN-2023-00412",
            "",
            "Detaljplan för Kärnhuset 5",
            "",
            "Förslag till beslut",
        ];
        let ev = Evidence {
            paragraphs: 0,
            kinds: &[],
            title: "",
        };
        let t = doc_type(&lines, &ev);
        assert_eq!(t, DocType::Tjansteutlatande);
        assert_eq!(body(&lines, t), "Stadsbyggnadsnämnden");
        assert_eq!(date(&lines).as_deref(), Some("2023-05-10"));
        assert_eq!(title(&lines), "Detaljplan för Kärnhuset 5");
        assert!(is_body_line("Barn- och ungdomsnämnden"));
        assert!(is_body_line("Stadsdelsnämnden Lundby"));
        assert_eq!(
            named_type("SAMMANTRÄDESPROTOKOLL"),
            Some(DocType::Protokoll)
        );
        assert_eq!(named_type("Ersättaryttrande"), None);
        for extract in ["UTDRAG UR", "Utdrag ur protokoll", "Utdrag"] {
            assert_eq!(named_type(extract), Some(DocType::Protokollsutdrag));
        }
        assert_eq!(named_type("Utdraget visar"), None);
        let gbg = [
            "Tjänsteutlåtande",
            "Utfärdat 2010-03-02",
            "",
            "Förslag till beslut",
        ];
        let lines = [&gbg[..], &["I stadsdelsnämnden Lundby:"]].concat();
        assert_eq!(
            body(&lines, DocType::Tjansteutlatande),
            "Stadsdelsnämnden Lundby"
        );
        assert_eq!(date(&lines).as_deref(), Some("2010-03-02"));
        let columns = [
            "LULEÅ KOMMUN        PROTOKOLLSUTDRAG",
            "                    Sammanträdesdatum",
            "Kommunfullmäktige   2018-04-23",
        ];
        let cells = letterhead_cells(&columns);
        assert_eq!(body(&cells, DocType::Protokollsutdrag), "Kommunfullmäktige");
        // A body set in capitals, as its letterhead sets the municipality; a title is none.
        let capitals = [
            "ORTA KOMMUN        PROTOKOLL",
            "BARN- OCH UTBILDNINGSNÄMNDEN",
        ];
        assert_eq!(
            body(&letterhead_cells(&capitals), DocType::Protokoll),
            "Barn- och utbildningsnämnden"
        );
        assert_eq!(body_in_capitals("PROTOKOLL KOMMUNFULLMÄKTIGE"), None);
        assert_eq!(date(&cells).as_deref(), Some("2018-04-23"));
        // The date under its label, past the row's page label; the signature date later on is
        // the extract's, not the meeting's.
        let rows = [
            "                                  PROTOKOLLSUTDRAG",
            "Torsby kommun                     Sammanträdesdatum       Sida",
            "Miljönämnden                      2019-04-11              1 (2)",
            "",
            "Torsby den 20 april 2019",
        ];
        assert_eq!(
            date(&letterhead_cells(&rows)).as_deref(),
            Some("2019-04-11")
        );
        assert_eq!(
            strip_dnr("Remiss om Strategi KS 155-943/2015"),
            "Remiss om Strategi"
        );
    }
}
