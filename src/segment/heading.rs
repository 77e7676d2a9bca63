//! Headings and the set phrases of minutes → segment kinds.
//!
//! Headings are matched on the folded line with OCR tolerance ("Arendet", "Beslutsgang",
//! "Sarskilt uttalande" all count), phrases on the folded first sentence of a paragraph.

use std::sync::LazyLock;

use regex::Regex;

use super::fold::{fold, similar, tolerant_regex};
use crate::model::Kind;

/// A party list that may trail a heading: "(M), (L) och (C)", "från (M)".
/// What an appended statement's heading names after it: the meeting and § it belongs to
/// ("Särskilt yttrande, utbildningsnämnden 2020-10-21, § 112").
const PARA_TAIL: &str = r",?\s[^.]{0,80}?[§$]\s?\d{1,4}\)?\s*$";
const PARTY_TAIL: &str =
    r"(?:\s+(?:från|fran|fr\S{1,2}n|av))?(?:\s*(?:,|och|samt)?\s*\([^()]{1,20}\))+\s*$";

/// A board deciding, as a heading over its "att …" clauses or as a sentence opening
/// ("Barn- och ungdomsnämnden beslutar", "Nämnden beslutar att …"); tolerant-regex source.
const DECIDES: &str = r"(?:[\p{L}-]+\s+(?:och\s+)?){0,3}?\p{L}*(?:nämnden|styrelsen|fullmäktige|utskottet|beredningen)\s+beslutar";

/// Headings that stand alone on their line, by kind (tolerant-regex sources; those without
/// regex syntax are also matched with a little OCR damage beyond å/ä/ö, see [`heading_kind`]).
const DECISION: &[&str] = &[
    "beslut",
    r"(?:[\p{L}-]+\s+(?:och\s+)?){0,3}?\p{L}+s beslut",
    "beslutet",
    r"beslut om (?:\p{L}+ )?\p{L}+",
    DECIDES,
];
const PROPOSAL: &[&str] = &[
    r"(?:[\p{L}-]+\s+(?:och\s+)?){0,3}?\p{L}+s förslag(?: till (?:beslut|\p{L}*(?:fullmäktige|styrelsen|nämnden|direktionen)))?",
    "förslag till beslut",
    "beslutsförslag",
    "förslag",
];
const PROCEDURE: &[&str] = &[
    "beslutsgång",
    "beslutsordning",
    r"(?:fortsatt|ny|slutlig) (?:beslutsgång|propositionsordning|proposition|omröstning|votering)",
    "proposition",
    "propositioner",
    "propositionsordning",
    "proposition och beslutsgång",
    "propositionsordning och beslutsgång",
    "omröstning",
    "omröstningar",
    "votering",
    "omröstningsresultat",
];
const MATTER: &[&str] = &[
    "ärendet",
    "ärendebeskrivning",
    "ärendets beredning",
    "upplysningar",
    "upplysning",
    "bakgrund",
    "sammanfattning",
    "sammanfattning av ärendet",
    "beskrivning av ärendet",
    "beredning",
    "synpunkter",
    r"\p{L}+ synpunkter",
    r"\p{L}+s synpunkter(?: och förslag)?",
    "synpunkter och förslag",
    "analys",
    "bedömning",
    r"\p{L}+s bedömning",
    "remissen",
    "yttrande",
    "inledning",
];

/// Plain headings long enough to be recognised through OCR damage by edit distance
/// ("Férslag till bestut"); short words would collide with ordinary ones.
static FUZZY: LazyLock<Vec<(Kind, String)>> = LazyLock::new(|| {
    [
        (Kind::Decision, DECISION),
        (Kind::Proposal, PROPOSAL),
        (Kind::Procedure, PROCEDURE),
        (Kind::Matter, MATTER),
    ]
    .into_iter()
    .flat_map(|(k, words)| {
        words
            .iter()
            .filter(|w| !w.contains(['\\', '(', '?']) && w.chars().count() >= 10)
            .map(move |w| (k, w.to_string()))
    })
    .collect()
});

/// Headings by kind; `$` closes each, `TAIL` kinds accept a trailing party list.
static HEADINGS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    // A heading may name the meeting it comes from ("Arbetsutskottets förslag 2009-03-24, § 61").
    let exact = |kind, words: &[&str]| {
        let tail = format!(r")(?:{PARA_TAIL}|\s+(?:19|20)\d\d-\d\d-\d\d\s*$|[.:]?\s*$)");
        (kind, tolerant_regex("^(?:", words, &tail))
    };
    let with_tail = |kind, words: &[&str]| {
        (
            kind,
            tolerant_regex(
                "^(?:",
                words,
                &format!(r")(?:{PARTY_TAIL}|{PARA_TAIL}|[.:]?\s*$)"),
            ),
        )
    };
    vec![
        with_tail(
            Kind::Motion,
            &[
                r"(?:förslag och )?yrkanden?(?: och förslag)?(?: (?:under|på|vid) (?:sammanträdet|mötet|sammanträde))?",
                r"förslag(?: till beslut)? (?:under|på|vid) (?:sammanträdet|mötet)",
                "eget förslag",
                "egna förslag",
            ],
        ),
        // "Förslag till beslut" with a party list is a party's own proposal put at the meeting.
        (
            Kind::Motion,
            tolerant_regex("^(?:", &["förslag till beslut"], &format!("){PARTY_TAIL}")),
        ),
        with_tail(Kind::Reservation, &["reservation", "reservationer"]),
        with_tail(
            Kind::SpecialStatement,
            &[
                "särskilt uttalande",
                "särskilt yttrande",
                "särskilda uttalanden",
                "särskilda yttranden",
            ],
        ),
        with_tail(
            Kind::SubstituteStatement,
            &["ersättaryttrande", "ersättaryttranden"],
        ),
        with_tail(
            Kind::ProtocolNote,
            &["protokollsanteckning", "protokollsanteckningar"],
        ),
        exact(Kind::Decision, DECISION),
        exact(Kind::Proposal, PROPOSAL),
        exact(Kind::Procedure, PROCEDURE),
        exact(Kind::Matter, MATTER),
        (
            Kind::Other,
            tolerant_regex(
                "^(?:",
                &[
                    "bilaga",
                    "bilagor",
                    "beslutsunderlag",
                    "justeras",
                    "justerare",
                    "justerande",
                    "justerat",
                    "underskrifter",
                    "vid protokollet",
                    "ansvariga",
                    "handläggare",
                    "beslutande",
                    "ledamöter",
                    "ersättare",
                    "övriga närvarande",
                    "närvarande",
                    "paragrafer",
                    "justeringens plats och tid",
                    "rätt utdraget intygar",
                    "ordförande",
                    "sekreterare",
                    "innehåll",
                    "sändlista",
                    "kopia till",
                    "omedelbar justering",
                    "anslag",
                    "expedieras",
                    "beslutet skickas till",
                    "beslutet expedieras till",
                ],
                r")\b[^.]*$",
            ),
        ),
    ]
});

/// Whether a line (trimmed) reads as a heading at all: short, capitalised, no closing period.
pub fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    // A heading that names the § it belongs to ("Reservation – Framtida organisation av
    // akutsjukvården i nordöstra Skåne (§ 58)") may be longer.
    let cites_paragraph = t
        .trim_end_matches(')')
        .trim_end()
        .rsplit_once('§')
        .is_some_and(|(_, n)| {
            (1..=4).contains(&n.trim().len()) && n.trim().bytes().all(|b| b.is_ascii_digit())
        });
    let most = if cites_paragraph { 16 } else { 8 };
    (1..=most).contains(&words)
        && t.chars().next().is_some_and(|c| c.is_uppercase())
        && !t.ends_with(['.', ',', ';'])
        && !t.contains('\t')
        && !SENTENCE_END.is_match(t)
}

/// A sentence ending inside a line and the next opening ("… från Skånetrafiken. Kostnaden"):
/// a wrapped line of prose, never a heading.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Ll}[.!?] \p{Lu}").expect("sentence end pattern"));

/// Whether a line heads the columns of a roll-call vote ("Ledamöter        Ja    Nej
/// Avstår"): the table is part of the vote, not an attendance list.
fn vote_table_header(line: &str) -> bool {
    let cells: Vec<String> = super::meta::columns(line)
        .iter()
        .map(|c| fold(c.trim()))
        .collect();
    cells.iter().any(|c| c == "ja") && cells.iter().any(|c| c == "nej")
}

/// A statement's heading with the matter's title after a dash or a word that points to it
/// ("Reservation – Ny skolorganisation för grundskolan i Ånge kommun", "Reservation i ärende
/// Framtida skolorganisation", "Särskilt yttrande angående …"), as an appendix heads a written
/// reservation: longer than other headings, so it is matched on its own.
static TITLED_STATEMENT: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let titled = |kind, words: &[&str]| {
        let to_matter = r"(?:[–—-]|i\s+arendet?|angaende|avseende|gallande|betraffande|rorande)";
        (
            kind,
            tolerant_regex("^(?:", words, &format!(r")\s+{to_matter}\s+\S")),
        )
    };
    vec![
        titled(Kind::Reservation, &["reservation", "reservationer"]),
        titled(
            Kind::SpecialStatement,
            &["särskilt uttalande", "särskilt yttrande"],
        ),
        titled(Kind::SubstituteStatement, &["ersättaryttrande"]),
        titled(Kind::ProtocolNote, &["protokollsanteckning"]),
    ]
});

/// The kind of a statement's heading titled after a dash ([`TITLED_STATEMENT`]): a line of at
/// most 16 words in a capital that no sentence's end closes.
fn titled_statement(line: &str) -> Option<Kind> {
    let t = line.trim();
    if t.split_whitespace().count() > 16
        || !t.starts_with(char::is_uppercase)
        || t.ends_with(['.', ',', ';'])
        || t.contains('\t')
    {
        return None;
    }
    let folded = fold(t);
    TITLED_STATEMENT
        .iter()
        .find(|(_, re)| re.is_match(&folded))
        .map(|(k, _)| *k)
}

/// The kind a heading line opens, if it is a known heading.
pub fn heading_kind(line: &str) -> Option<Kind> {
    if vote_table_header(line) {
        return None;
    }
    if let Some(kind) = titled_statement(line) {
        return Some(kind);
    }
    if !looks_like_heading(line) {
        return None;
    }
    let folded = fold(line.trim());
    HEADINGS
        .iter()
        .find(|(_, re)| re.is_match(&folded))
        .map(|(k, _)| *k)
        // "Vi föreslår att kommunfullmäktige beslutar" wrapped onto its own line is the start
        // of a sentence that proposes, not the board's decision heading.
        .filter(|k| *k != Kind::Decision || !folded.split_whitespace().any(|w| w == "att"))
        .or_else(|| {
            let bare = folded.trim_end_matches(['.', ':']);
            let bare = bare.split_whitespace().collect::<Vec<_>>().join(" ");
            let n = bare.chars().count();
            // Lengths rule out most words before the edit distance is worked out.
            FUZZY
                .iter()
                .filter(|(_, w)| {
                    let m = w.chars().count();
                    n.abs_diff(m) <= (n.max(m) / 8).max(1)
                })
                .find(|(_, w)| similar(w, &bare))
                .map(|(k, _)| *k)
        })
}

static SIGNATURE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}-]+\s+den\s+[0-3]?\d\s+\p{L}+\s+(?:19|20)\d\d$").expect("signature")
});

/// A place-and-date line that opens the signatures ("Stockholm den 15 juni 2017").
pub fn is_signature_date(line: &str) -> bool {
    SIGNATURE_DATE.is_match(line.trim())
}

struct Phrase {
    kind: Kind,
    re: Regex,
}

/// Set phrases that open a segment at a paragraph's start (matched on its folded first sentence).
static PHRASES: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    let p = |kind, prefix: &str, alts: &[&str], suffix: &str| Phrase {
        kind,
        re: tolerant_regex(prefix, alts, suffix),
    };
    vec![
        p(
            Kind::Reservation,
            "^",
            &[
                r"reservation(?:er)? (?:från|av|mot|anmäldes|anmäls|anmäldes av|anmäls av|lämnades|lämnas)",
            ],
            r"\b",
        ),
        p(
            Kind::Reservation,
            r"^[^.]{0,200}?\b",
            &[
                "reserverade sig",
                "reserverar sig",
                "reserverade de sig",
                "anmälde reservation",
                r"(?:anmälde|anmäler|lämnade|lämnar|avgav|avger)(?: in)?(?: dessutom| också| även)?(?: följande)?(?: en)?(?: gemensam)?(?: skriftlig(?:a)?)? reservation",
            ],
            r"\b",
        ),
        p(
            Kind::SpecialStatement,
            "^",
            &[
                "särskilt uttalande",
                "särskilt yttrande",
                "särskilda uttalanden",
            ],
            r"\b",
        ),
        p(
            Kind::SpecialStatement,
            r"^[^.]{0,200}?\b",
            &[
                r"(?:anmälde|anmäler|lämnade|lämnar|gjorde|gör|avgav|avger)(?: in)?(?: dessutom| också| även)?(?: ett)?(?: gemensamt)? särskil(?:t|da) (?:uttalande|yttrande)n?",
            ],
            r"\b",
        ),
        p(
            Kind::SubstituteStatement,
            r"^[^.]{0,200}?\b",
            &["ersättaryttrande"],
            r"\b",
        ),
        p(
            Kind::ProtocolNote,
            r"^[^.]{0,200}?\b",
            &[
                "lät anteckna",
                "lät till protokollet anteckna",
                "lät protokollföra",
                "antecknades till protokollet",
                "protokollsanteckning",
            ],
            r"\b",
        ),
        p(
            Kind::Procedure,
            "^",
            &[
                "omröstning begärdes",
                "votering begärdes",
                "omröstning verkställdes",
                r"ordföranden? ställde (?:först )?proposition",
                // The voting instruction a roll-call opens with ("Ja-röst för arbetsutskottets
                // förslag, nej-röst för bifall till motionen").
                r"ja-röst för [^.]{1,120}nej-röst för",
            ],
            r"\b",
        ),
        p(
            Kind::Proposal,
            r"^(?:\p{L}+|jag) ",
            &["föreslår att", "föreslår", "tillstyrker"],
            r"\b[^.]*\bbeslut",
        ),
        p(
            Kind::Motion,
            r"^[^.]{0,200}?\)(?:[^.]|m\.\s?fl\.?){0,40}?\b",
            &["yrkade", "yrkar", "instämmer i", "instämde i"],
            r"\b",
        ),
        // A member proposing at the meeting: "Gunnar Ekholm (s) föreslår, med instämmande av
        // …, att", "… (V) föreslår ett tillägg", "… avslag" ("… (V) föreslår i en motion"
        // reports a motion in the matter instead). The text is folded: återremiss is aterremiss.
        p(
            Kind::Motion,
            r"^[^.]{0,120}?\(\p{L}{1,3}\)\s*",
            &["föreslår", "föreslog"],
            r"(?:,|\s+(?:att|ett|en|bifall|avslag|aterremiss)\b)",
        ),
        // Members and their parties before a colon and what they move, as a list of motions
        // writes them: "Bo Ek (s) och Eva Dal (v): Bifall till …", "… (m): Ärendet
        // återremitteras …" (not a roll-call's "Anna Ek (S): ja").
        p(
            Kind::Motion,
            r"^[^.:]{0,160}?\(\p{L}{1,3}\):\s*",
            &[
                "bifall",
                "avslag",
                "återremiss",
                "ärendet",
                "tillägg",
                "ändring",
                "att",
            ],
            r"\b",
        ),
        // The verb before the member: "Vid sammanträdet yrkade Karin Berg (M) att …".
        p(
            Kind::Motion,
            r"^[^.]{0,60}?\b",
            &["yrkade", "yrkar"],
            r"\s+[^.()]{3,60}\([a-zåäö]{1,3}\)",
        ),
        // A party's group moves: "Moderaternas ledamöter yrkar avslag …".
        p(
            Kind::Motion,
            r"^\p{L}+s\s+(?:ledamoter(?:na)?|ledamot|\p{L}*grupp(?:en)?)\s+",
            &["yrkade", "yrkar"],
            r"\b",
        ),
        // The chair moves without a party: "Ordföranden yrkar bifall …".
        p(
            Kind::Motion,
            r"^(?:\p{L}+s\s+)?(?:vice\s+)?",
            &["ordföranden", "ordförande"],
            r"\s+(?:yrkade|yrkar)\b",
        ),
        p(Kind::Decision, "^", &[DECIDES], r"\s+att\b"),
    ]
});

/// The kind a paragraph's opening sentence announces, if it is one of the set phrases.
pub fn phrase_kind(first_sentence: &str) -> Option<Kind> {
    let folded = fold(
        &first_sentence
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    PHRASES
        .iter()
        .find(|p| p.re.is_match(&folded))
        .map(|p| p.kind)
}

static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    tolerant_regex(
        r"(?:^|[.!?]\s+)(",
        &["reservation från", "reservation anmäldes av"],
        r")\b",
    )
});

/// Byte offsets of sentences inside a paragraph that announce a reservation
/// ("… förslag till beslut. Reservation från X (M) …").
pub fn reservation_notices(paragraph: &str) -> Vec<usize> {
    let folded = fold(paragraph);
    NOTICE
        .captures_iter(&folded)
        .filter_map(|c| c.get(1))
        .map(|m| folded[..m.start()].chars().count())
        .collect()
}

static FAVOUR: LazyLock<Regex> =
    LazyLock::new(|| tolerant_regex(r"\b", &["till förmån för"], r"\s+(eg|\p{L}+)"));

/// Whether a reservation is "till förmån för eget/egna …" (Some(true)) or for another's
/// proposal (Some(false)).
pub fn in_favour(text: &str) -> Option<bool> {
    let folded = fold(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    FAVOUR
        .captures(&folded)
        .map(|c| c.get(1).is_some_and(|m| m.as_str().starts_with("eg")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_table_is_no_attendance_list() {
        assert_eq!(
            heading_kind("Ledamöter        Ja      Nej     Avstår"),
            None
        );
        assert_eq!(heading_kind("Ledamöter"), Some(Kind::Other));
        assert_eq!(heading_kind("Beslutet skickas till"), Some(Kind::Other));
    }

    #[test]
    fn members_before_a_colon_move_what_follows_it() {
        assert_eq!(
            phrase_kind("Bo Ek (s) och Eva Dal (v): Bifall till kommunstyrelsens förslag."),
            Some(Kind::Motion)
        );
        assert_eq!(
            phrase_kind("Per Lund (m): Ärendet återremitteras till kommunstyrelsen."),
            Some(Kind::Motion)
        );
        assert_eq!(phrase_kind("Anna Ek (S): ja"), None);
    }

    #[test]
    fn a_wrapped_line_where_a_sentence_ends_is_no_heading() {
        assert!(looks_like_heading("Förvaltningens bedömning"));
        assert!(!looks_like_heading(
            "Förvaltningen har inhämtat uppgifter från Skånetrafiken. Kostnaden"
        ));
        assert!(looks_like_heading("Bilaga 1. Karta över området"));
    }

    #[test]
    fn damaged_headings() {
        assert_eq!(heading_kind("Arendet"), Some(Kind::Matter));
        assert_eq!(heading_kind("Beslutsgang"), Some(Kind::Procedure));
        assert_eq!(
            heading_kind("Sarskilt uttalande fran (M), (L) och (C)"),
            Some(Kind::SpecialStatement)
        );
        assert_eq!(
            heading_kind("Forslag till beslut (M), (L) och (C)"),
            Some(Kind::Motion)
        );
        assert_eq!(heading_kind("Förslag till beslut"), Some(Kind::Proposal));
        assert_eq!(
            heading_kind("Förvaltningens förslag till beslut"),
            Some(Kind::Proposal)
        );
        // A kommunalförbund's board, named alone, is whom a proposal goes to as well.
        for heading in [
            "Arbetsutskottets förslag till direktionen",
            "Förbundschefens förslag till styrelsen",
        ] {
            assert_eq!(heading_kind(heading), Some(Kind::Proposal), "{heading}");
        }
        assert_eq!(heading_kind("Kulturnämndens beslut"), Some(Kind::Decision));
        assert_eq!(
            heading_kind("Barn- och ungdomsnämnden beslutar"),
            Some(Kind::Decision)
        );
        assert_eq!(
            heading_kind("Kommunstyrelsen beslutar att anta planen"),
            None
        );
        assert_eq!(heading_kind("Férslag till bestut"), Some(Kind::Proposal));
        assert_eq!(heading_kind("Omréstningsresuttat"), Some(Kind::Procedure));
        assert_eq!(
            heading_kind("Yrkanden under sammanträdet"),
            Some(Kind::Motion)
        );
        assert_eq!(heading_kind("Yrkande på mötet"), Some(Kind::Motion));
        assert_eq!(
            heading_kind("Förslag till beslut på sammanträdet"),
            Some(Kind::Motion)
        );
        assert_eq!(heading_kind("Proposition"), Some(Kind::Procedure));
        assert_eq!(
            heading_kind("Vi föreslår att kommunfullmäktige beslutar"),
            None
        );
        assert_eq!(heading_kind("Beslutsordning"), Some(Kind::Procedure));
        assert_eq!(
            heading_kind("Vård- och omsorgsnämndens beslut"),
            Some(Kind::Decision)
        );
    }

    #[test]
    fn a_statement_titled_after_a_dash() {
        assert_eq!(
            heading_kind("Reservation – Ny skolorganisation för grundskolan i Storby kommun"),
            Some(Kind::Reservation)
        );
        assert_eq!(
            heading_kind("Särskilt yttrande - Budget 2020 för tekniska nämnden"),
            Some(Kind::SpecialStatement)
        );
        assert_eq!(
            heading_kind("Reservation i ärende Framtida skolorganisation – Storby skola"),
            Some(Kind::Reservation)
        );
        assert_eq!(
            heading_kind("Protokollsanteckning angående taxan för bygglov"),
            Some(Kind::ProtocolNote)
        );
        // A sentence is no heading, however it opens.
        assert_eq!(heading_kind("Reservation – se bilaga 2."), None);
    }

    #[test]
    fn phrases() {
        assert_eq!(
            phrase_kind("Ja-röst för kommunstyrelsens förslag, nej-röst för avslag"),
            Some(Kind::Procedure)
        );
        assert_eq!(
            phrase_kind("Centerpartiets ledamöter yrkar bifall till motionen"),
            Some(Kind::Motion)
        );
        assert_eq!(
            phrase_kind("Vänsterpartiets fullmäktigegrupp yrkade avslag"),
            Some(Kind::Motion)
        );
        assert_eq!(
            phrase_kind("Reservation fran Johan Nilsson med flera (M)"),
            Some(Kind::Reservation)
        );
        assert_eq!(
            phrase_kind("Linnéa Björk (V) reserverade sig mot beslutet"),
            Some(Kind::Reservation)
        );
        assert_eq!(
            phrase_kind("Eva Ek (L) och Per Al (C) lämnar följande skriftliga reservation:"),
            Some(Kind::Reservation)
        );
        assert_eq!(
            phrase_kind("Jonas Säll (SD) lät anteckna följande till protokollet."),
            Some(Kind::ProtocolNote)
        );
        assert_eq!(
            phrase_kind("Eva Ek och Per Al (M) lämnar dessutom en skriftlig reservation:"),
            Some(Kind::Reservation)
        );
        assert_eq!(
            phrase_kind("Anna Berg (S) yrkade bifall till förvaltningens förslag."),
            Some(Kind::Motion)
        );
        assert_eq!(
            phrase_kind("Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande."),
            Some(Kind::Proposal)
        );
        assert_eq!(
            phrase_kind("Ersittaryttrande gjordes av Karin Ernlund (C)"),
            Some(Kind::SubstituteStatement)
        );
        assert_eq!(phrase_kind("Kommunstyrelsen har remitterat förslag"), None);
        assert_eq!(
            phrase_kind("Nämnden beslutar att lägga redovisningen till handlingarna."),
            Some(Kind::Decision)
        );
        assert_eq!(
            phrase_kind("Ordföranden yrkar bifall till kontorets förslag."),
            Some(Kind::Motion)
        );
        assert_eq!(
            phrase_kind(
                "Per Ek (c) föreslår, med instämmande av Eva Al (l), att ärendet återremitteras."
            ),
            Some(Kind::Motion)
        );
        assert_ne!(
            phrase_kind("Liberalerna (L) föreslår i en motion att taxan sänks."),
            Some(Kind::Motion)
        );
        assert_eq!(
            phrase_kind("Ida Ros (V) föreslår ett tillägg om att nämnden utreder frågan."),
            Some(Kind::Motion)
        );
        assert_eq!(
            phrase_kind("Ida Ros (V) föreslår återremiss av ärendet."),
            Some(Kind::Motion)
        );
    }
}
