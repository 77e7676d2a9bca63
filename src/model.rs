//! The types the pipeline stages hand to each other.
//!
//! Data flows one way: [`Page`]s (positioned text from `pdf`) → [`RepairedPage`]s (`repair`)
//! → [`Document`] (`segment`) → the index. No stage reaches into another's internals; they
//! meet only here.

use serde::{Deserialize, Serialize};

/// The national parliamentary parties' abbreviations, past and present (FP is L's old name, FI
/// Feministiskt initiativ), in capitals. Local parties have abbreviations of their own.
pub const NATIONAL_PARTIES: [&str; 10] = ["S", "M", "L", "C", "KD", "V", "MP", "SD", "FP", "FI"];

/// The letters inside a bracketed token of one to three characters, as a member's party mark is
/// written (`(V)`, `(KD),`), the punctuation after it aside.
pub fn bracketed(token: &str) -> Option<&str> {
    let inner = token
        .trim_end_matches(['.', ',', ';', ':'])
        .strip_prefix('(')?
        .strip_suffix(')')?;
    (1..=3).contains(&inner.chars().count()).then_some(inner)
}

/// One line of text as laid out on a page.
///
/// A line with empty `text` marks a break between blocks (a blank line in the page text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The line's text after Unicode clean-up (NFC, ligatures, soft hyphens).
    pub text: String,
    /// Left edge of the line in PDF user space (points from the page's left).
    pub x: f32,
    /// Baseline of the line in points from the page's *top*, so reading order sorts ascending.
    pub y: f32,
    /// Dominant font size of the line in points (after the text and current matrices).
    pub size: f32,
    /// Whether the dominant font of the line is bold (by name or by fake-bold overprinting).
    pub bold: bool,
}

/// The text of one page, in reading order, as extraction produced it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based page number within the document.
    pub number: usize,
    /// Lines in reading order; empty lines separate blocks.
    pub lines: Vec<Line>,
    /// Running header lines removed from the text (repeated on most pages).
    pub header: Vec<String>,
    /// Running footer lines and page numbers removed from the text.
    pub footer: Vec<String>,
    /// Glyphs that no Unicode mapping could name; they appear as U+FFFD in the text.
    pub unmapped_glyphs: usize,
    /// The page draws images but carries no text layer: it needs OCR.
    pub needs_ocr: bool,
}

impl Page {
    /// The page's text: its lines joined by newlines.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&line.text);
        }
        out
    }
}

/// A page after OCR repair: the extracted page kept as is, plus the repaired text of each line.
///
/// `repaired[i]` is the repair of `page.lines[i].text`; repair keeps the whitespace between
/// tokens, so the raw and repaired texts align line by line and token by token.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RepairedPage {
    /// The page as extracted, before repair.
    pub page: Page,
    /// One repaired line per line of `page.lines`.
    pub repaired: Vec<String>,
}

impl RepairedPage {
    /// The repaired text of the page, lines joined by newlines.
    pub fn text(&self) -> String {
        self.repaired.join("\n")
    }
}

/// The kind of a document, from its heading and wording.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    /// Full minutes of a meeting.
    Protokoll,
    /// An extract of minutes, usually one §.
    Protokollsutdrag,
    /// An official's report to a board.
    #[serde(rename = "tjänsteutlåtande")]
    Tjansteutlatande,
    /// A statement (e.g. from the borgarråd preparation to the council).
    #[serde(rename = "utlåtande")]
    Utlatande,
    /// An action plan.
    Handlingsplan,
    /// A consultation response or statement to another body.
    Yttrande,
    /// Anything else.
    #[default]
    Other,
}

impl DocType {
    /// The name used in JSON and in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Protokoll => "protokoll",
            DocType::Protokollsutdrag => "protokollsutdrag",
            DocType::Tjansteutlatande => "tjänsteutlåtande",
            DocType::Utlatande => "utlåtande",
            DocType::Handlingsplan => "handlingsplan",
            DocType::Yttrande => "yttrande",
            DocType::Other => "other",
        }
    }
}

/// What part of a decision record a segment is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Beslut, Nämndens beslut, the numbered decision points.
    Decision,
    /// Förslag till beslut, Förvaltningens förslag, Borgarrådsberedningens förslag.
    Proposal,
    /// Yrkanden, a party's own proposal put at the meeting.
    Motion,
    /// Beslutsgång, Propositionsordning, Omröstning, Votering.
    Procedure,
    /// Reservation.
    Reservation,
    /// Särskilt uttalande, Särskilt yttrande.
    SpecialStatement,
    /// Ersättaryttrande.
    SubstituteStatement,
    /// Protokollsanteckning.
    ProtocolNote,
    /// Ärendet, Bakgrund, Sammanfattning and other body text.
    #[default]
    Matter,
    /// Letterhead, attendance lists, signatures, attachment lists.
    Other,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 10] = [
        Kind::Decision,
        Kind::Proposal,
        Kind::Motion,
        Kind::Procedure,
        Kind::Reservation,
        Kind::SpecialStatement,
        Kind::SubstituteStatement,
        Kind::ProtocolNote,
        Kind::Matter,
        Kind::Other,
    ];

    /// Whether segments of this kind are a statement by named members: a reservation, special
    /// or substitute statement, or protocol note.
    pub fn is_statement(self) -> bool {
        matches!(
            self,
            Kind::Reservation
                | Kind::SpecialStatement
                | Kind::SubstituteStatement
                | Kind::ProtocolNote
        )
    }

    /// The name used in JSON, on the command line and in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Decision => "decision",
            Kind::Proposal => "proposal",
            Kind::Motion => "motion",
            Kind::Procedure => "procedure",
            Kind::Reservation => "reservation",
            Kind::SpecialStatement => "special_statement",
            Kind::SubstituteStatement => "substitute_statement",
            Kind::ProtocolNote => "protocol_note",
            Kind::Matter => "matter",
            Kind::Other => "other",
        }
    }

    /// Parses a kind name as written by [`Kind::as_str`].
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A reference to an earlier decision: "Kommunfullmäktige beslutade den 16 maj 2016, § 21".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRef {
    /// The deciding body, lower case as a noun in base form ("kommunfullmäktige").
    pub body: String,
    /// Meeting date, ISO 8601.
    pub date: Option<String>,
    /// The § number, if given.
    pub paragraph: Option<String>,
    /// The phrase as written in the text.
    pub text: String,
}

/// A vote result: "Med sex ja-röster mot fem nej-röster".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// Votes for.
    pub yes: u32,
    /// Votes against.
    pub no: u32,
    /// Abstentions, when stated.
    pub abstain: Option<u32>,
}

/// A part of a § item: a decision, a reservation, the matter, ….
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// What this part is.
    pub kind: Kind,
    /// The heading or set phrase that opened it, as written (repaired).
    pub heading: String,
    /// Repaired text of the segment.
    pub text: String,
    /// The same span as extracted, before repair.
    pub raw_text: String,
    /// Party abbreviations, upper case (Fi kept), sorted and unique.
    pub parties: Vec<String>,
    /// Full names as written, diacritics repaired, sorted and unique.
    pub persons: Vec<String>,
    /// First page the segment stands on (1-based).
    pub page_start: usize,
    /// Last page the segment stands on (1-based).
    pub page_end: usize,
    /// Numbered decision points, for decisions and proposals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    /// A vote result stated in the segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    /// Earlier decisions the segment refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decision_refs: Vec<DecisionRef>,
    /// Case numbers cited in the segment, normalised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dnr: Vec<String>,
    /// For a reservation "till förmån för eget förslag/yrkande": index (within the item) of
    /// the proposal or motion it refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_favour_of: Option<usize>,
}

/// One § of a protocol, or the whole of a document without §.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The § number as written ("14"), or `None` for a document without §.
    pub paragraph: Option<String>,
    /// The item's title.
    pub title: String,
    /// The item's own case number, normalised.
    pub dnr: Option<String>,
    /// The parts of the item in document order.
    pub segments: Vec<Segment>,
}

/// A decision document, segmented.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: a hash of the file's bytes.
    pub doc_id: String,
    /// The path as given.
    pub source: String,
    /// The document's title.
    pub title: String,
    /// The issuing or deciding body ("Hägersten-Liljeholmens stadsdelsnämnd").
    pub body: String,
    /// The kind of document.
    pub doc_type: DocType,
    /// Meeting or document date, ISO 8601.
    pub date: Option<String>,
    /// Every case number the document carries or cites, normalised, in order of appearance.
    pub dnr: Vec<String>,
    /// Number of pages.
    pub pages: usize,
    /// The § items, or one item for a document without §.
    pub items: Vec<Item>,
    /// Earlier decisions the document refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decision_refs: Vec<DecisionRef>,
}
