//! Repaired pages → a [`Document`] of § items and their segments.
//!
//! The document's lines are split into § items ([`items`]); each item into segments by
//! headings and the set phrases of minutes ([`heading`], [`build`]); each segment gets its
//! parties and persons ([`who`]), case numbers ([`dnr`]) and references to earlier decisions
//! ([`refs`]). Metadata comes from the letterhead ([`meta`]). Matching is done on a
//! diacritic-folded, OCR-tolerant form ([`fold`]) so damage that repair missed does not hide a
//! heading.

mod build;
mod date;
mod dnr;
mod fold;
mod heading;
mod items;
mod meta;
mod refs;
mod who;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

pub use date::MONTHS;
pub use dnr::{dnr_key, find_dnrs, normalize_dnr};
pub use fold::{fold, similar};
pub use refs::find_decision_refs;

use crate::model::{Document, Item, Kind, RepairedPage, Segment};
use build::DocLine;
use heading::{heading_kind, in_favour};

/// A written statement appended to a § that names nobody ("Vi anser att …") is by those who
/// announced it in the §: the reservers (or statement makers) whose notice points to a written
/// statement ("med en skriftlig reservation, bilaga 1"), or the only ones of that kind.
fn written_by_announcers(mut s: Segment, in_item: &[Segment]) -> Segment {
    if !s.persons.is_empty() || !s.parties.is_empty() {
        return s;
    }
    let announced: Vec<&Segment> = in_item
        .iter()
        .filter(|a| a.kind == s.kind && !a.persons.is_empty())
        .collect();
    let written = |a: &&&Segment| {
        let f = fold(&a.text);
        f.contains("skriftlig") || f.contains("bilaga")
    };
    let by = match announced.as_slice() {
        [only] => Some(*only),
        _ => announced.iter().find(written).copied(),
    };
    if let Some(a) = by {
        s.persons = a.persons.clone();
        s.parties = a.parties.clone();
    }
    s
}

static APPENDIX_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bbilaga\s+(\d{1,2})\b").expect("appendix number"));

/// Whether a segment is only a notice: one paragraph, under its heading at most.
fn only_notice(s: &Segment) -> bool {
    let mut paras: Vec<&str> = s
        .text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    if paras.len() > 1 && !s.heading.is_empty() && paras[0].trim() == s.heading.trim() {
        paras.remove(0);
    }
    paras.len() == 1
}

/// A written statement in an appendix ("Bilaga 6 till … § 118") announced in its § by a
/// notice that points to it ("Sverigedemokraternas ledamöter reserverar sig skriftligt,
/// bilaga 6."): the appendix's text becomes one statement of the notice's kind with the
/// notice's parties and persons, and a notice that says nothing else is dropped, so the
/// statement is counted once where it is written. Returns the appended segments, rewritten
/// when a notice was found.
fn join_announced(
    texts: &[&str],
    target: &mut Vec<Segment>,
    mut appended: Vec<Segment>,
) -> Vec<Segment> {
    let label = appended.first().map(|s| fold(&s.text)).unwrap_or_default();
    let Some(number) = APPENDIX_NUMBER
        .captures(&label.chars().take(200).collect::<String>())
        .map(|c| c[1].to_string())
    else {
        return appended;
    };
    let points_here = |s: &Segment| {
        s.kind.is_statement()
            && APPENDIX_NUMBER
                .captures_iter(&fold(&s.text))
                .any(|c| c[1] == number)
    };
    let Some(k) = target.iter().position(points_here) else {
        return appended;
    };
    // A notice that says more ("… till förmån för eget yrkande med en skriftlig reservation")
    // or shares its paragraph with another reservation is a reservation of its own.
    let notice = &target[k];
    let runs_into_next = notice.text.lines().last().is_some_and(|last| {
        let at = texts.iter().position(|t| t.trim() == last.trim());
        at.and_then(|i| texts.get(i + 1))
            .is_some_and(|next| !next.trim().is_empty() && heading_kind(next).is_none())
    });
    if !only_notice(notice) || in_favour(&notice.text).is_some() || runs_into_next {
        return appended;
    }
    let notice = target.remove(k);
    // The label segment ("Bilaga 6 till …") stays apart when text follows it.
    let body_at = usize::from(appended.len() > 1 && appended[0].kind == Kind::Other);
    let mut body = appended.split_off(body_at).into_iter();
    let Some(mut statement) = body.next() else {
        return appended;
    };
    statement.kind = notice.kind;
    for s in body {
        if matches!(s.kind, Kind::Matter | Kind::Other) || s.kind == notice.kind {
            build::absorb(&mut statement, s);
        } else {
            appended.push(s);
        }
    }
    build::add_who(&mut statement, &notice);
    appended.insert(body_at.min(appended.len()), statement);
    appended
}

/// Whether a proposal heading is the board's own ("Kommunstyrelsens förslag till
/// kommunfullmäktige" in the minutes of Kommunstyrelsen), naming the board in full or by its
/// last word in the definite form ("Arbetsutskottets förslag" for "Kommunstyrelsens
/// arbetsutskott").
fn own_proposal(body: &str, heading: &str) -> bool {
    let (body, heading) = (fold(body), fold(heading));
    let Some(last) = body.split_whitespace().last() else {
        return false;
    };
    [
        format!("{body}s "),
        format!("{last}s "),
        format!("{last}ets "),
        format!("{last}ens "),
    ]
    .iter()
    .any(|owner| {
        heading
            .strip_prefix(owner.as_str())
            .is_some_and(|rest| rest.starts_with("forslag"))
    })
}

/// Segments a document's repaired pages.
pub fn segment(doc_id: &str, source: &str, pages: &[RepairedPage]) -> Document {
    let lines: Vec<DocLine> = pages
        .iter()
        .flat_map(|p| {
            p.repaired.iter().enumerate().map(move |(i, text)| DocLine {
                page: p.page.number.max(1),
                raw: p
                    .page
                    .lines
                    .get(i)
                    .map_or(text.as_str(), |l| l.text.as_str()),
                text: text.as_str(),
            })
        })
        .collect();
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let spans = items::split_items(&texts);
    // Without § items, the text after the title block is the document's body, not letterhead.
    let body_from = match spans.as_slice() {
        [only] if only.paragraph.is_none() => meta::title_block(&texts).map(|t| t.1),
        _ => None,
    };

    let items: Vec<Item> = spans
        .iter()
        .enumerate()
        .map(|(n, sp)| {
            // The text before the first heading is letterhead in a document's first item, the
            // case number and opening text in a § item.
            let initial = if n == 0 { Kind::Other } else { Kind::Matter };
            let segments = build::segments(&lines, sp.body_start..sp.end, initial, body_from);
            let head = texts[sp.body_start..sp.end.min(sp.body_start + 6)].join("\n");
            Item {
                paragraph: sp.paragraph.clone(),
                title: sp.title.clone(),
                dnr: sp
                    .paragraph
                    .as_ref()
                    .and_then(|_| find_dnrs(&head).into_iter().next()),
                segments,
            }
        })
        .collect();

    // An appendix to a § (a written reservation after the signatures) joins that § item.
    let mut merged: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        match merged
            .iter_mut()
            .find(|m| item.paragraph.is_some() && m.paragraph == item.paragraph)
        {
            Some(m) => {
                let appended: Vec<Segment> = join_announced(&texts, &mut m.segments, item.segments)
                    .into_iter()
                    .map(|s| written_by_announcers(s, &m.segments))
                    .collect();
                m.segments.extend(appended);
            }
            None => merged.push(item),
        }
    }
    let mut items = merged;

    // Genitive names ("Linnéa Björks (V) yrkande") resolve to names used elsewhere.
    let known: BTreeSet<String> = items
        .iter()
        .flat_map(|i| &i.segments)
        .flat_map(|s| s.persons.iter().cloned())
        .collect();
    for s in items.iter_mut().flat_map(|i| i.segments.iter_mut()) {
        s.persons.extend(who::genitives_of_known(&s.text, &known));
        who::resolve_genitives(&mut s.persons, &known);
    }

    let paragraphs = items.iter().filter(|i| i.paragraph.is_some()).count();
    let kinds: Vec<Kind> = items
        .iter()
        .flat_map(|i| &i.segments)
        .map(|s| s.kind)
        .collect();
    let mut title = meta::title(&texts);
    let cells = meta::letterhead_cells(&texts);
    let doc_type = meta::doc_type(
        &cells,
        &meta::Evidence {
            paragraphs,
            kinds: &kinds,
            title: &title,
        },
    );
    let body = meta::body(&cells, doc_type);
    // "Kommunstyrelsens förslag till kommunfullmäktige" in the board's own minutes is what the
    // board decided to propose: its decision, not a proposal put to it.
    for s in items.iter_mut().flat_map(|i| i.segments.iter_mut()) {
        if s.kind == Kind::Proposal && own_proposal(&body, &s.heading) {
            s.kind = Kind::Decision;
        }
    }
    let date = meta::date(&cells);
    let paragraph_items: Vec<&Item> = items.iter().filter(|i| i.paragraph.is_some()).collect();
    if let [only] = paragraph_items.as_slice() {
        title = only.title.clone();
    } else if paragraph_items.len() > 1 {
        title = ["Protokoll", body.as_str(), date.as_deref().unwrap_or("")]
            .join(" ")
            .trim()
            .to_string();
    }
    for item in items
        .iter_mut()
        .filter(|i| i.paragraph.is_none() && i.title.is_empty())
    {
        item.title = title.clone();
    }

    let all_text = texts.join("\n");
    let mut dnr = find_dnrs(&all_text);
    for d in dnr::column_dnrs(&texts) {
        if !dnr.contains(&d) {
            dnr.insert(0, d);
        }
    }
    Document {
        doc_id: doc_id.to_string(),
        source: source.to_string(),
        title,
        body,
        doc_type,
        date,
        dnr,
        pages: pages.len(),
        decision_refs: find_decision_refs(&all_text),
        items,
    }
}

/// Pages built from plain text (pages separated by form feeds), raw and repaired alike — for
/// segmenting text that did not come from a PDF, such as the corpus truth.
pub fn pages_from_text(text: &str) -> Vec<RepairedPage> {
    text.split('\u{c}')
        .enumerate()
        .map(|(i, page)| {
            let page = page.strip_prefix('\n').unwrap_or(page);
            let repaired: Vec<String> = page.lines().map(str::to_string).collect();
            RepairedPage {
                page: crate::model::Page {
                    number: i + 1,
                    lines: repaired
                        .iter()
                        .map(|t| crate::model::Line {
                            text: t.clone(),
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                },
                repaired,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{own_proposal, pages_from_text, segment};
    use crate::model::Kind;

    #[test]
    fn written_reservation_in_an_appendix_is_one_reservation() {
        let text = "§ 7\nNy taxa för parkering\n\nBeslut\nNämnden antar taxan.\n\n\
            Reservationer\nPer Ek (M) reserverar sig mot beslutet.\n\n\
            Centerpartiets ledamöter reserverar sig skriftligt, bilaga 2.\n\n\
            Expedieras till\nGatukontoret\n\n\
            BYNÄS KOMMUN                        Bilaga 2\n\
            Tekniska nämnden                    TN 2024-03-01 § 7\n\n\
            Reservation i ärende § 7, Ny taxa för parkering\n\n\
            Vi anser att taxan slår hårt mot dem som bor på landsbygden och behöver bilen.\n";
        let doc = segment("t", "t", &pages_from_text(text));
        let reservations: Vec<_> = doc
            .items
            .iter()
            .filter(|i| i.paragraph.as_deref() == Some("7"))
            .flat_map(|i| &i.segments)
            .filter(|s| s.kind == Kind::Reservation)
            .collect();
        assert_eq!(reservations.len(), 2, "{reservations:#?}");
        let written = reservations[1];
        assert!(written.text.contains("slår hårt"));
        assert_eq!(written.parties, vec!["C".to_string()]);
    }

    #[test]
    fn numbered_sections_of_a_statement_are_matters_of_their_own() {
        let text = "YTTRANDE\nKommunstyrelsen\n\nRemissvar över betänkandet Ny trafik\n\n\
            2.1 Stöd till trafiken på landsbygden\n\
            Kommunen delar utredningens bedömning att dagens finansiering inte räcker till.\n\n\
            3 Konsekvenser för kommunerna\n\
            Kommunen saknar en analys av hur förslagen påverkar kommuner med egna avtal.\n\n\
            Yttrandet har beslutats av kommunstyrelsen den 2 maj 2024, § 21. I beslutet deltog\n\
            ordföranden Anna Ek (S), Per Lund (M) och Eva Berg (C).\n";
        let doc = segment("t", "t", &pages_from_text(text));
        let segments: Vec<_> = doc.items.iter().flat_map(|i| &i.segments).collect();
        let section = |words: &str| {
            segments
                .iter()
                .find(|s| s.text.contains(words))
                .unwrap_or_else(|| panic!("{words}: {segments:#?}"))
        };
        let support = section("finansiering inte räcker");
        let consequences = section("saknar en analys");
        assert!(!support.text.contains("saknar en analys"));
        assert_eq!(consequences.kind, Kind::Matter);
        // Those who took part in adopting the statement did not write it.
        let adopted = section("I beslutet deltog");
        assert!(adopted.parties.is_empty() && adopted.persons.is_empty());
    }

    #[test]
    fn own_proposal_names_the_board() {
        assert!(own_proposal(
            "Kommunstyrelsen",
            "Kommunstyrelsens förslag till fullmäktige"
        ));
        assert!(own_proposal(
            "Tekniska nämndens arbetsutskott",
            "Arbetsutskottets förslag till tekniska nämnden"
        ));
        assert!(!own_proposal("Kommunstyrelsen", "Arbetsutskottets förslag"));
        assert!(!own_proposal("", "Förvaltningens förslag"));
    }
}
