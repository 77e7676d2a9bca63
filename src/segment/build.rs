//! Segments of one item: headings and set phrases open segments, reservation notices merge
//! with their statements, and each segment gets its who, votes, references and points.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::dnr::find_dnrs;
use super::fold::fold;
use super::heading::{
    heading_kind, in_favour, is_signature_date, looks_like_heading, phrase_kind,
    reservation_notices,
};
use super::refs::find_decision_refs;
use super::who::{bare_name, signature_names, signed_names, vote, who, who_in_procedure};
use crate::model::{Kind, Segment};

/// One line of the document with its page and both texts.
#[derive(Debug, Clone, Copy)]
pub struct DocLine<'a> {
    /// 1-based page number.
    pub page: usize,
    /// The line as extracted.
    pub raw: &'a str,
    /// The line after repair.
    pub text: &'a str,
}

/// Kinds whose segments carry a statement by named persons; inside them, only another
/// statement opens a new segment (their text may say "vi föreslår att … beslutar").
fn is_statement(kind: Kind) -> bool {
    kind.is_statement() || kind == Kind::Motion
}

static POINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})[.)]\s+\S").expect("point pattern"));

/// A segment as a line range before its fields are filled in.
#[derive(Debug, Clone)]
struct Span {
    kind: Kind,
    heading: String,
    start: usize,
    end: usize,
    /// Only the heading line so far: a phrase right after it belongs to it.
    bare: bool,
    /// A signature block: further signatures belong to it.
    signed: bool,
}

/// The first sentence of the paragraph starting at `i` (lines joined until a blank or heading).
fn first_sentence(lines: &[DocLine], i: usize, end: usize) -> String {
    let mut s = String::new();
    for l in &lines[i..end] {
        if l.text.trim().is_empty()
            || (!s.is_empty() && heading_kind(l.text).is_some())
            || s.len() > 400
        {
            break;
        }
        s.push(' ');
        s.push_str(l.text.trim());
    }
    let s = s.trim().to_string();
    sentence_end(&s).map_or(s.clone(), |e| s[..e].to_string())
}

/// Byte offset just after the first sentence's closing punctuation, if the text goes on.
fn sentence_end(s: &str) -> Option<usize> {
    for (i, c) in s.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let rest = s[i + 1..].trim_start();
            let abbrev =
                s[..i].ends_with("m.fl") || s[..i].ends_with(" m") || s[..i].ends_with(" fl");
            if !abbrev && rest.chars().next().is_some_and(char::is_uppercase) {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Whether a motion's opening sentence only seconds another ("Per Ek (L) instämmer i
/// ordförandens yrkande") rather than moving something of its own.
fn seconds(sentence: &str) -> bool {
    let f = fold(sentence);
    (f.contains("instammer i") || f.contains("instamde i"))
        && !f.split_whitespace().any(|w| w == "yrkar" || w == "yrkade")
}

/// Whether a seconding names the member it seconds ("… (m) instämmer i Håkan Nyléns
/// yrkande"), not only a role ("… instämmer i ordförandens yrkande").
fn names_seconded(sentence: &str) -> bool {
    let after = sentence.rsplit_once(')').map_or(sentence, |(_, a)| a);
    after
        .split_whitespace()
        .any(|w| w.starts_with(char::is_uppercase))
}

/// The number of a numbered section heading ("6.2 Statligt stöd till …", "9 Konsekvenser"),
/// which a generic heading may open with.
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+").expect("section number pattern"));

/// Whether line `i` is followed by a body paragraph (a generic heading needs one).
fn body_follows(lines: &[DocLine], i: usize, end: usize) -> bool {
    lines[i + 1..end]
        .iter()
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| l.text.split_whitespace().count() >= 8)
}

/// Whether line `i` opens a signature: a bare name with an official title on the next line.
fn signs(lines: &[DocLine], i: usize, end: usize) -> bool {
    i + 1 < end && !signed_names(lines[i].text, lines[i + 1].text).is_empty()
}

/// Splits lines `start..end` into spans; `initial` is the kind of text before any heading.
fn spans(
    lines: &[DocLine],
    range: std::ops::Range<usize>,
    initial: Kind,
    mut body_from: Option<usize>,
) -> Vec<Span> {
    let (start, end) = (range.start, range.end);
    let mut out: Vec<Span> = Vec::new();
    let mut cur = Span {
        kind: initial,
        heading: String::new(),
        start,
        end: start,
        bare: false,
        signed: false,
    };
    let mut prev_blank = true;
    let mut prev_heading = false;
    let mut prev_closed = false;
    for i in start..end {
        let line = lines[i].text.trim();
        if line.is_empty() {
            prev_blank = true;
            continue;
        }
        let para_start =
            prev_blank || prev_heading || (prev_closed && line.starts_with(char::is_uppercase));
        let mut open = |kind: Kind, heading: &str, bare: bool, cur: &mut Span| {
            cur.end = i;
            let next = Span {
                kind,
                heading: heading.to_string(),
                start: i,
                end: i,
                bare,
                signed: false,
            };
            out.push(std::mem::replace(cur, next));
        };
        let signature = !cur.signed && signs(lines, i, end);
        // A place and date under a written statement ("Ånge den 19 juni 2017") opens its
        // signers, who are its authors; elsewhere, the minutes' signatures.
        let heading = heading_kind(line).or_else(|| {
            (is_signature_date(line) && !cur.kind.is_statement()).then_some(Kind::Other)
        });
        let body_open = body_from.is_some_and(|b| i >= b) && cur.kind == Kind::Other;
        if body_from.is_some_and(|b| i >= b) {
            body_from = None;
        }
        // A heading's first line is its content ("Beslutsunderlag" over "Tjänsteskrivelse
        // 2021-03-08"), never a heading of its own.
        let generic = heading.is_none()
            && matches!(cur.kind, Kind::Other | Kind::Matter)
            && !prev_heading
            && para_start
            && looks_like_heading(SECTION_NUMBER.replace(line, "").as_ref())
            && !line.contains('(')
            && body_follows(lines, i, end);
        // Under a proposal, "Nämnden beslutar:" is the wording of what is proposed, unless the
        // proposal has said it in a paragraph of its own before: then the board decides.
        // ("Nämndens beslut" after a proposal is still the decision.)
        let proposed = |kind: Kind| {
            kind == Kind::Decision
                && cur.kind == Kind::Proposal
                && fold(line).contains("beslutar")
                && (!prev_blank || cur.bare)
        };
        if signature {
            open(Kind::Other, line, true, &mut cur);
            cur.signed = true;
        } else if let Some(kind) = heading {
            let same = cur.bare && kind == cur.kind;
            if !same && !proposed(kind) {
                open(kind, line, true, &mut cur);
            }
        } else if generic {
            open(Kind::Matter, line, true, &mut cur);
        } else if para_start {
            let sentence = first_sentence(lines, i, end);
            match phrase_kind(&sentence) {
                _ if body_open => {
                    let kind = phrase_kind(&sentence).unwrap_or(Kind::Matter);
                    open(kind, "", false, &mut cur);
                }
                Some(_) if cur.bare => cur.bare = false,
                Some(kind) if proposed(kind) => cur.bare = false,
                // "Per Ek (L) instämmer i ordförandens yrkande" joins the motion before it, as
                // does a seconding in a paragraph of its own; a line in a list of motions that
                // names whom it seconds stays one of the list.
                Some(Kind::Motion)
                    if cur.kind == Kind::Motion
                        && seconds(&sentence)
                        && (prev_blank || !names_seconded(&sentence)) =>
                {
                    cur.bare = false;
                }
                Some(kind)
                    if is_statement(kind) || (kind != cur.kind && !is_statement(cur.kind)) =>
                {
                    if kind == Kind::Motion
                        && !matches!(cur.kind, Kind::Motion | Kind::Matter | Kind::Other)
                    {
                        cur.bare = false;
                    } else {
                        let h: String = sentence.chars().take(80).collect();
                        open(kind, &h, false, &mut cur);
                    }
                }
                _ => cur.bare = false,
            }
        } else if body_open {
            open(Kind::Matter, "", false, &mut cur);
        } else {
            cur.bare = false;
        }
        prev_heading = heading.is_some() || generic;
        prev_blank = false;
        prev_closed = line.ends_with(['.', '!', '?', ':']);
    }
    cur.end = end;
    out.push(cur);
    out.retain(|s| {
        lines[s.start..s.end]
            .iter()
            .any(|l| !l.text.trim().is_empty())
    });
    out
}

/// Lines `start..end` trimmed of blank lines at both ends.
fn trimmed(lines: &[DocLine], start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    let mut e = end;
    while s < e && lines[s].text.trim().is_empty() {
        s += 1;
    }
    while e > s && lines[e - 1].text.trim().is_empty() {
        e -= 1;
    }
    (s, e)
}

/// The numbered points of a decision or proposal, each with its continuation lines.
fn points(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let t = line.trim();
        if POINT.is_match(t) {
            out.push(t.to_string());
            open = true;
        } else if t.is_empty() || heading_kind(t).is_some() {
            open = false;
        } else if open {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
        }
    }
    out
}

/// A line standing alone above a paragraph like a heading the lists do not know
/// ("Ärendebeskrivning", "Motivering"), which must not be read as part of a name.
fn unknown_heading(lines: &[DocLine], k: usize, first: usize) -> bool {
    let l = lines[k].text.trim();
    let after_break = k == first || lines[k - 1].text.trim().is_empty();
    after_break
        && looks_like_heading(l)
        && l.split_whitespace().count() <= 3
        && !l.contains('(')
        && bare_name(l).is_none()
}

/// Fills a segment from a line range.
fn fill(lines: &[DocLine], kind: Kind, heading: String, start: usize, end: usize) -> Segment {
    let (s, e) = trimmed(lines, start, end);
    let text = lines[s..e]
        .iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");
    let raw_text = lines[s..e]
        .iter()
        .map(|l| l.raw)
        .collect::<Vec<_>>()
        .join("\n");
    // Headings and blank lines end a clause, so "Yrkanden" is not read as a first name.
    let who_text = (s..e)
        .map(|k| {
            let l = lines[k].text;
            if l.trim().is_empty() || heading_kind(l).is_some() || unknown_heading(lines, k, s) {
                ";"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut w = if kind == Kind::Procedure {
        who_in_procedure(&who_text)
    } else {
        who(&who_text)
    };
    let texts: Vec<&str> = lines[s..e].iter().map(|l| l.text).collect();
    w.persons.extend(signature_names(&texts));
    Segment {
        kind,
        heading,
        parties: w.parties.into_iter().collect(),
        persons: w.persons.into_iter().collect(),
        page_start: lines.get(s).map_or(1, |l| l.page),
        page_end: lines.get(e.saturating_sub(1)).map_or(1, |l| l.page),
        points: if matches!(kind, Kind::Decision | Kind::Proposal) {
            points(&text)
        } else {
            Vec::new()
        },
        vote: vote(&text),
        decision_refs: find_decision_refs(&text),
        dnr: find_dnrs(&text),
        in_favour_of: None,
        text,
        raw_text,
    }
}

/// A reservation notice short enough to be merged with the statement it announces.
const NOTICE_CHARS: usize = 350;

/// Whether two reservations are the same one: the same persons or parties, or one of them
/// names nobody (the statement under a bare "Reservation" heading).
fn same_reservation(a: &Segment, b: &Segment) -> bool {
    let nobody = |s: &Segment| s.persons.is_empty() && s.parties.is_empty();
    let overlap = a.persons.iter().any(|p| b.persons.contains(p))
        || (a.persons.is_empty() && b.persons.is_empty() && a.parties == b.parties);
    (nobody(a) || nobody(b) || overlap)
        && (a.text.len() <= NOTICE_CHARS || b.text.len() <= NOTICE_CHARS)
}

/// Adds `b`'s persons and parties to `a`'s (sorted, without repeats).
pub fn add_who(a: &mut Segment, b: &Segment) {
    let union = |x: &mut Vec<String>, y: &[String]| {
        let set: BTreeSet<String> = x.iter().chain(y).cloned().collect();
        *x = set.into_iter().collect();
    };
    union(&mut a.persons, &b.persons);
    union(&mut a.parties, &b.parties);
}

/// Adds `b`'s persons, parties and text to `a`.
pub fn absorb(a: &mut Segment, b: Segment) {
    let union = |x: &mut Vec<String>, y: Vec<String>| {
        let set: BTreeSet<String> = x.drain(..).chain(y).collect();
        x.extend(set);
    };
    union(&mut a.persons, b.persons);
    union(&mut a.parties, b.parties);
    union(&mut a.dnr, b.dnr);
    a.text = format!("{}\n\n{}", a.text, b.text);
    a.raw_text = format!("{}\n\n{}", a.raw_text, b.raw_text);
    a.page_start = a.page_start.min(b.page_start);
    a.page_end = a.page_end.max(b.page_end);
    for r in b.decision_refs {
        if !a.decision_refs.contains(&r) {
            a.decision_refs.push(r);
        }
    }
}

/// Reservation notices inside other segments' paragraphs ("… till beslut. Reservation från X
/// (M) …"): each becomes a reservation segment over the lines it stands on.
fn notices(lines: &[DocLine], spans: &[Span]) -> Vec<Segment> {
    let mut out = Vec::new();
    for sp in spans.iter().filter(|s| !is_statement(s.kind)) {
        let mut i = sp.start;
        while i < sp.end {
            if lines[i].text.trim().is_empty() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < sp.end && !lines[j].text.trim().is_empty() {
                j += 1;
            }
            let para: String = lines[i..j]
                .iter()
                .map(|l| l.text.trim())
                .collect::<Vec<_>>()
                .join(" ");
            for at in reservation_notices(&para).into_iter().filter(|&c| c > 0) {
                let start_byte = para.char_indices().nth(at).map_or(para.len(), |(b, _)| b);
                let sentence = &para[start_byte..];
                let sentence = &sentence[..sentence_end(sentence).unwrap_or(sentence.len())];
                // The lines the sentence stands on: from the line holding its start to the end.
                let mut offset = 0;
                let mut first = i;
                for (k, l) in lines[i..j].iter().enumerate() {
                    offset += l.text.trim().len() + 1;
                    if offset > start_byte {
                        first = i + k;
                        break;
                    }
                }
                let mut seg = fill(lines, Kind::Reservation, String::new(), first, j);
                let w = who(sentence);
                seg.persons = w.persons.into_iter().collect();
                seg.parties = w.parties.into_iter().collect();
                seg.heading = sentence.chars().take(80).collect();
                out.push(seg);
            }
            i = j;
        }
    }
    out
}

/// Builds the segments of lines `start..end`.
///
/// `body_from` is the line where the body text starts after the letterhead and title (the text
/// there is matter even without a heading).
pub fn segments(
    lines: &[DocLine],
    range: std::ops::Range<usize>,
    initial: Kind,
    body_from: Option<usize>,
) -> Vec<Segment> {
    let spans = spans(lines, range, initial, body_from);
    let mut segs: Vec<Segment> = spans
        .iter()
        .map(|s| fill(lines, s.kind, s.heading.clone(), s.start, s.end))
        .collect();
    let extra = notices(lines, &spans);
    // Notices and statements of the same reservation become one segment.
    let mut merged: Vec<Segment> = Vec::new();
    let mut pending_favour: Vec<(usize, bool)> = Vec::new();
    let tagged = segs
        .drain(..)
        .map(|s| (s, false))
        .chain(extra.into_iter().map(|s| (s, true)));
    for (seg, is_notice) in tagged {
        if seg.kind == Kind::Reservation {
            if let Some(k) = merged
                .iter()
                .position(|m| m.kind == Kind::Reservation && same_reservation(m, &seg))
            {
                if let Some(f) = in_favour(&seg.text) {
                    pending_favour.push((k, f));
                }
                if is_notice {
                    // The notice's lines already belong to another segment: take only who.
                    add_who(&mut merged[k], &seg);
                } else {
                    absorb(&mut merged[k], seg);
                }
                continue;
            }
        }
        merged.push(seg);
    }
    link_favour(&mut merged, &pending_favour);
    merged
}

/// Sets `in_favour_of` on reservations "till förmån för eget förslag/yrkande": the proposal or
/// motion by the same persons or parties.
fn link_favour(segs: &mut [Segment], extra: &[(usize, bool)]) {
    for r in 0..segs.len() {
        if segs[r].kind != Kind::Reservation {
            continue;
        }
        let own =
            in_favour(&segs[r].text) == Some(true) || extra.iter().any(|(k, f)| *k == r && *f);
        let any = own || in_favour(&segs[r].text).is_some();
        if !any {
            continue;
        }
        let score = |s: &Segment| {
            let persons = s
                .persons
                .iter()
                .filter(|p| segs[r].persons.contains(p))
                .count();
            let parties = s
                .parties
                .iter()
                .filter(|p| segs[r].parties.contains(p))
                .count();
            (persons, parties, s.kind == Kind::Motion)
        };
        let best = segs
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.kind, Kind::Motion | Kind::Proposal))
            .map(|(i, s)| (score(s), i))
            .filter(|((p, q, _), _)| *p + *q > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        segs[r].in_favour_of = best.map(|(_, i)| i);
    }
}

#[cfg(test)]
mod tests {
    use super::{names_seconded, seconds};

    #[test]
    fn seconding_a_motion() {
        assert!(seconds("Eva Ek (L) instämmer i ordförandens yrkande."));
        assert!(!seconds(
            "Eva Ek (L) yrkar bifall och instämmer i förslaget."
        ));
        assert!(!names_seconded(
            "Eva Ek (L) instämmer i ordförandens yrkande."
        ));
        assert!(names_seconded("Eva Ek (L) instämmer i Per Ros yrkande."));
    }
}
