//! The synthetic world the documents come from: municipalities, their boards, the members of
//! each board per election term, and the case-number styles each board writes.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::text::Chain;

/// Municipalities: name, "stad" or "kommun", and district boards if any.
const MUNICIPALITIES: &[(&str, &str, &[&str])] = &[
    (
        "Stockholm",
        "stad",
        &[
            "Älvsjö",
            "Skärholmens",
            "Hägersten-Liljeholmens",
            "Farsta",
            "Enskede-Årsta-Vantörs",
            "Rinkeby-Kista",
            "Spånga-Tensta",
            "Hässelby-Vällingby",
            "Bromma",
            "Kungsholmens",
            "Norrmalms",
            "Östermalms",
            "Södermalms",
            "Skarpnäcks",
        ],
    ),
    (
        "Göteborg",
        "stad",
        &[
            "Majorna-Linnés",
            "Örgryte-Härlandas",
            "Lundby",
            "Askim-Frölunda-Högsbos",
            "Västra Hisingens",
            "Angered",
        ],
    ),
    (
        "Malmö",
        "stad",
        &["Innerstadens", "Söders", "Norrs", "Västers", "Östers"],
    ),
    ("Uppsala", "kommun", &[]),
    ("Linköping", "kommun", &[]),
    ("Örebro", "kommun", &[]),
    ("Västerås", "stad", &[]),
    ("Umeå", "kommun", &[]),
    ("Jönköping", "kommun", &[]),
    ("Lund", "kommun", &[]),
    ("Norrköping", "kommun", &[]),
    ("Gävle", "kommun", &[]),
    ("Södertälje", "kommun", &[]),
    ("Växjö", "kommun", &[]),
    ("Borås", "stad", &[]),
];

/// Boards every municipality has, besides the council and the executive board.
const BOARDS: &[&str] = &[
    "Utbildningsnämnden",
    "Socialnämnden",
    "Stadsbyggnadsnämnden",
    "Kulturnämnden",
    "Miljö- och hälsoskyddsnämnden",
    "Äldrenämnden",
    "Fritidsnämnden",
    "Tekniska nämnden",
    "Kommunstyrelsen",
    "Kommunfullmäktige",
];

/// Parties with their relative weight among board members; Fi only from the 2014 term on.
const PARTIES: &[(&str, u32)] = &[
    ("S", 28),
    ("M", 22),
    ("SD", 12),
    ("C", 8),
    ("V", 8),
    ("L", 7),
    ("KD", 6),
    ("MP", 6),
    ("Fi", 3),
];

/// Surname parts, for names beyond those the corpus knows.
const SURNAME_HEADS: &[&str] = &[
    "Berg", "Ek", "Lind", "Sjö", "Ström", "Åker", "Löv", "Häll", "Ny", "Fors", "Hag", "Öst",
    "Väst", "Sand", "Dahl", "Holm", "Gran", "Björk", "Ås", "Näs", "Ljung", "Söder", "Norr", "Malm",
    "Rosen", "Blom", "Wall", "Lund", "Kvarn", "Fjäll", "Hög", "Bäck", "Älv", "Mål",
];
const SURNAME_TAILS: &[&str] = &[
    "ström", "berg", "lund", "qvist", "gren", "din", "man", "ling", "bäck", "holm", "dahl", "löf",
    "hed", "vall", "green", "sjö", "näs", "gård",
];
/// First names, alongside those the corpus knows.
const FIRST_NAMES: &[&str] = &[
    "Anna", "Eva", "Maria", "Karin", "Åsa", "Björn", "Göran", "Håkan", "Jörgen", "Sören", "Märta",
    "Linnéa", "Lars", "Per", "Erik", "Sofia", "Elin", "Johan", "Mikael", "Ingrid", "Ulla",
    "Kerstin", "Måns", "Örjan", "Ylva", "Tove", "Fredrik", "Jonas", "Emma", "Gunilla", "Ali",
    "Leyla", "Nils", "Agneta", "Stig", "Björg", "Hanna", "Zeynep", "Olle", "Ronja",
];

/// A board member.
#[derive(Clone)]
pub struct Member {
    pub name: String,
    pub party: &'static str,
}

/// A deciding body.
pub struct Body {
    /// The name as the documents write it.
    pub name: String,
    /// "Stadsdelsnämnden", "Kommunstyrelsen": how the body names itself in running text.
    pub short: String,
    /// Issuing prefix of its case numbers ("ÄLV", "KS").
    pub prefix: String,
    pub municipality: &'static str,
    /// Whether district boards (with substitutes who speak) are what this is.
    pub district: bool,
}

/// All bodies of all municipalities.
pub fn bodies() -> Vec<Body> {
    let mut out = Vec::new();
    for &(town, kind, districts) in MUNICIPALITIES {
        for district in districts {
            let name = format!("{district} stadsdelsnämnd");
            out.push(Body {
                prefix: prefix(district),
                name,
                short: "Stadsdelsnämnden".into(),
                municipality: town,
                district: true,
            });
        }
        for board in BOARDS {
            let prefix = match *board {
                "Kommunstyrelsen" => "KS".to_string(),
                "Kommunfullmäktige" => "KF".to_string(),
                _ => prefix(board),
            };
            out.push(Body {
                name: format!("{board}, {town} {kind}"),
                short: board.to_string(),
                prefix,
                municipality: town,
                district: false,
            });
        }
    }
    out
}

/// A case-number prefix from a name: its first three letters, upper case.
fn prefix(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .take(3)
        .collect::<String>()
        .to_uppercase()
}

/// The members (and substitutes) of a body during one election term, stable for a seed.
pub struct Roster {
    pub members: Vec<Member>,
    pub substitutes: Vec<Member>,
}

/// A person's full name, from the corpus's names or composed.
pub fn person_name(rng: &mut impl Rng, chain: &Chain) -> String {
    let first = if !chain.first_names.is_empty() && rng.random_bool(0.3) {
        chain.first_names.choose(rng).cloned().unwrap_or_default()
    } else {
        FIRST_NAMES
            .choose(rng)
            .copied()
            .unwrap_or("Anna")
            .to_string()
    };
    let last = if !chain.surnames.is_empty() && rng.random_bool(0.2) {
        chain.surnames.choose(rng).cloned().unwrap_or_default()
    } else {
        let head = SURNAME_HEADS.choose(rng).copied().unwrap_or("Berg");
        let tail = SURNAME_TAILS.choose(rng).copied().unwrap_or("ström");
        // Swedish spelling drops the third of three equal consonants ("Fjäll" + "lund").
        match (head.chars().last(), tail.chars().next()) {
            (Some(a), Some(b)) if a == b && head.ends_with(&format!("{a}{a}")) => {
                format!("{head}{}", &tail[b.len_utf8()..])
            }
            _ if tail.starts_with(&head.to_lowercase()) => format!("{head}{}", SURNAME_TAILS[0]),
            _ => format!("{head}{tail}"),
        }
    };
    format!("{first} {last}")
}

fn party(rng: &mut impl Rng, term_start: i32) -> &'static str {
    let options: Vec<&(&str, u32)> = PARTIES
        .iter()
        .filter(|(p, _)| *p != "Fi" || term_start >= 2014)
        .collect();
    options
        .choose_weighted(rng, |(_, w)| *w)
        .map(|(p, _)| *p)
        .unwrap_or("S")
}

impl Roster {
    /// The roster of body number `body` in the term starting `term_start`.
    pub fn new(seed: u64, body: usize, term_start: i32, chain: &Chain) -> Roster {
        let mut rng = StdRng::seed_from_u64(
            seed ^ (body as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (term_start as u64) << 48,
        );
        let member = |rng: &mut StdRng| Member {
            name: person_name(rng, chain),
            party: party(rng, term_start),
        };
        let n = rng.random_range(11..=15);
        let members = (0..n).map(|_| member(&mut rng)).collect();
        let substitutes = (0..rng.random_range(3..=6))
            .map(|_| member(&mut rng))
            .collect();
        Roster {
            members,
            substitutes,
        }
    }
}

/// A case number of body `b` as written, in one of the styles boards use, and its normalised
/// form.
pub fn case_number(rng: &mut impl Rng, b: &Body, year: i32) -> (String, String) {
    let n = rng.random_range(1..2000);
    let written = match rng.random_range(0..5) {
        0 => format!("Dnr {} {year}/{n:04}", b.prefix),
        1 => format!(
            "Dnr {}.{}.{}-{n}/{year}",
            rng.random_range(1..4),
            rng.random_range(1..9),
            rng.random_range(1..9)
        ),
        2 => format!("{year}/{} {n:04}", b.prefix),
        3 => format!("{}-{year}-{n:05}", b.prefix),
        _ => format!("Dnr {} {}-{n}/{year}", b.prefix, rng.random_range(100..999)),
    };
    let normal = diarium::segment::normalize_dnr(&written).unwrap_or_else(|| written.clone());
    (written, normal)
}
