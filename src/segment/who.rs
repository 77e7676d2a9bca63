//! Who speaks: parties in parentheses, the persons named before them or in a "gjordes av"
//! list, and vote counts.

use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::fold::{fold, similar, tolerant_regex};
use super::heading::heading_kind;
use super::meta::columns;
use crate::model::{Kind, Vote, NATIONAL_PARTIES};

/// Words that stand before a name as a role, not as part of it.
const ROLES: [&str; 15] = [
    "ordförande",
    "ordföranden",
    "vice",
    "ledamot",
    "ledamoten",
    "ledamöter",
    "ledamöterna",
    "ersättare",
    "ersättaren",
    "ersättarna",
    "borgarrådet",
    "borgarråden",
    "föredragande",
    "sekreterare",
    "kommunalrådet",
];

static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()]{1,40})\)").expect("paren pattern"));
static QUANTIFIER: LazyLock<Regex> =
    LazyLock::new(|| tolerant_regex(r"^(?:", &["alla", "båda", "bägge", "samtliga"], r")\s+"));
static PARTY_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-ZÅÄÖ]{1,4}|[a-zåäö]{1,3}|Fi)$").expect("party token pattern")
});
static NAME_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}0-9'’]*(?:-\p{Lu}[\p{L}0-9'’]*)?$").expect("name token pattern")
});
static AND_FLERA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:m\.\s?fl\.?|m\s+fl\b|med\s+flera|m\.\s?fl)").expect("m.fl. pattern")
});
static LIST_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",|\s(?:och|samt|&)\s").expect("list split pattern"));
static LIST_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    tolerant_regex(
        r"\b(?:",
        &[
            "gjordes av",
            "anmäldes av",
            "från",
            "lämnades av",
            "ledamöter",
            "ledamöterna",
            "ledamoten",
        ],
        r")\s",
    )
});

/// The national parties' names in words, with their definite, genitive and adjective forms
/// ("Socialdemokraternas ledamöter", "Folkpartiet liberalerna", "de moderata ledamöterna"),
/// each with the abbreviation [`normalize_party`] gives it.
const PARTY_NAMES: [(&str, &str); 10] = [
    ("socialdemokrat(?:erna|iska)", "S"),
    ("moderat(?:erna|a samlingspartiet|a ledamöte)", "M"),
    ("liberalerna", "L"),
    ("folkpartiet(?: liberalerna)?", "L"),
    ("centerpartiet", "C"),
    ("kristdemokrat(?:erna|iska)", "KD"),
    ("vänsterpartiet", "V"),
    ("miljöpartiet(?: de gröna)?", "MP"),
    ("sverigedemokrat(?:erna|iska)", "SD"),
    ("feministiskt initiativ", "Fi"),
];

static PARTY_WORDS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    PARTY_NAMES
        .iter()
        .map(|(name, abbr)| (tolerant_regex(r"\b", &[name], r"s?\b"), *abbr))
        .collect()
});

/// Words before a party's name that make it the object of the sentence ("bifall till
/// Moderaternas förslag", "med hänvisning till Moderaternas uttalande", "delar
/// Socialdemokraternas uppfattning", "ställer sig bakom Folkpartiets yrkande", "hade stött
/// Socialdemokraternas yrkande"), not its speaker.
const REFERRING: [&str; 15] = [
    "till", "mot", "på", "om", "i", "med", "delar", "stöder", "stödjer", "stödde", "stött",
    "stöttar", "bifaller", "bifalla", "bakom",
];

/// Parties named in words rather than in a parenthesis, as speakers ("Centerpartiets
/// ledamöter lämnar …", "Ledamöterna för Socialdemokraterna reserverar sig"). A party joined
/// by "och" to one the sentence refers to is referred to as well ("bakom Folkpartiets och
/// Centerpartiets yrkande").
fn parties_in_words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut found: Vec<(usize, usize, &str)> = PARTY_WORDS
        .iter()
        .flat_map(|(re, abbr)| re.find_iter(&folded).map(|m| (m.start(), m.end(), *abbr)))
        .collect();
    found.sort_unstable();
    let mut speakers = Vec::new();
    let mut referred_until = None;
    for (start, end, abbr) in found {
        let before = folded[..start].split_whitespace().next_back();
        let joined = referred_until.is_some_and(|until: usize| {
            matches!(folded[until..start].trim(), "och" | "samt" | ",")
        });
        // "för" before a party's genitive refers to it ("röstat för Socialdemokraternas
        // yrkande"), unless on its behalf ("för Moderaternas räkning"); before its name it names
        // the speakers ("Ledamöterna för Moderaterna").
        let genitive = || {
            (folded[..end].ends_with("ernas") || folded[..end].ends_with("ets"))
                && !folded[end..]
                    .split_whitespace()
                    .take(4)
                    .any(|w| w.starts_with("rakning"))
        };
        if joined
            || before.is_some_and(|w| REFERRING.iter().any(|r| fold(r) == w))
            || before == Some("for") && genitive()
        {
            referred_until = Some(end);
        } else {
            referred_until = None;
            speakers.push(abbr.to_string());
        }
    }
    speakers
}

/// Parties and persons found in a text, before sorting.
#[derive(Debug, Default, Clone)]
pub struct Who {
    /// Party abbreviations, normalised.
    pub parties: BTreeSet<String>,
    /// Person names as written.
    pub persons: BTreeSet<String>,
}

/// A bare letter token as a national party's abbreviation ("V", "MP" in "ledamöter från V och
/// MP"), normalised; letters of no national party are not taken as a party outside a bracket.
fn national_party(token: &str) -> Option<String> {
    NATIONAL_PARTIES
        .contains(&token.to_uppercase().as_str())
        .then(|| normalize_party(token))
}

/// Normalises a party abbreviation: upper case, FP → L, Fi kept as "Fi".
fn normalize_party(token: &str) -> String {
    match token.to_uppercase().as_str() {
        "FP" => "L".to_string(),
        "FI" => "Fi".to_string(),
        up => up.to_string(),
    }
}

/// A party token with the debris OCR leaves on it removed: stray symbols ("S$") and a capital
/// read twice in both cases ("Vv").
fn ocr_party(token: &str) -> String {
    let t: String = token.chars().filter(|c| c.is_alphabetic()).collect();
    let mut cs = t.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(a), Some(b), None)
            if a.is_uppercase() && b.is_lowercase() && a.to_lowercase().eq(b.to_lowercase()) =>
        {
            a.to_string()
        }
        _ if t.is_empty() => token.to_string(),
        _ => t,
    }
}

/// The party tokens of a parenthesis ("alla M", "s", "båda MP"), if it reads as one.
fn party_tokens(inner: &str) -> Option<(bool, Vec<String>)> {
    let folded = fold(inner.trim());
    let quantified = QUANTIFIER.find(&folded).map(|m| m.end());
    let rest = match quantified {
        Some(end) => inner
            .trim()
            .chars()
            .skip(folded[..end].chars().count())
            .collect(),
        None => inner.trim().to_string(),
    };
    let tokens: Vec<String> = rest
        .split(|c: char| c == ',' || c == '/' || c.is_whitespace())
        .filter(|t| !t.is_empty() && *t != "och")
        .map(ocr_party)
        .collect();
    // Lower-case letters are an older minutes' national party (s, fp), not a role (tjg ers.).
    let party = |t: &String| {
        PARTY_TOKEN.is_match(t)
            && (t.chars().any(char::is_uppercase) || national_party(t).is_some())
    };
    if tokens.is_empty() || !tokens.iter().all(party) {
        return None;
    }
    Some((
        quantified.is_some(),
        tokens.iter().map(|t| normalize_party(t)).collect(),
    ))
}

/// Whether a word is a role ("Ordföranden"), also when OCR damaged it ("Ordféranden"); short
/// roles must match exactly so that a name is not taken for one.
fn is_role(word: &str) -> bool {
    ROLES
        .iter()
        .any(|r| fold(r) == fold(word) || (r.chars().count() >= 8 && similar(r, word)))
}

/// Trailing run of capitalised name tokens in a list element, with roles dropped.
fn name_in(element: &str) -> Option<String> {
    let element = AND_FLERA.replace_all(element, " ");
    let words: Vec<&str> = element
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '"' | '”' | '“' | '\'')))
        .collect();
    let mut run: Vec<&str> = words
        .iter()
        .rev()
        .take_while(|w| NAME_TOKEN.is_match(w))
        .copied()
        .collect();
    run.reverse();
    while run.len() > 2 && is_role(run[0]) {
        run.remove(0);
    }
    if run.len() > 4 {
        run.drain(..run.len() - 4);
    }
    let organisation = run.iter().any(|w| is_organisation_word(w));
    (run.len() >= 2 && !organisation && !run.iter().all(|w| w.chars().all(|c| !c.is_lowercase())))
        .then(|| run.join(" "))
}

/// Swedish given names, folded (tools/segment/given_names.py; see data/NOTICE).
static GIVEN_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("data/given-names.txt")
        .lines()
        .map(fold)
        .collect()
});

/// Whether a capitalised run opens with a given name ("Anna-Karin Sjödin", OCR's "Goran
/// Ekström"): what makes a run a person where no party in brackets follows it. Places and
/// firms open with other words ("Stora Skedvi", "Kalmar Länstrafik", "AFA Försäkring").
fn opens_with_given_name(name: &str) -> bool {
    name.split([' ', '-'])
        .next()
        .is_some_and(|first| GIVEN_NAMES.contains(&fold(first)))
}

/// Whether `word` makes a capitalised run an organisation's name, not a person's ("Sveriges
/// Kommuner och Landsting", "Region Gotland"), or ends as one does ("Räddningstjänstförbund",
/// "Skatteverket"), as no surname does.
fn is_organisation_word(word: &str) -> bool {
    let word = fold(word);
    ORGANISATION_WORDS.contains(&word.as_str())
        || ORGANISATION_HEADS.iter().any(|h| word.ends_with(h))
}

/// Words of an organisation's name, folded.
const ORGANISATION_WORDS: [&str; 9] = [
    "sveriges",
    "kommuner",
    "landsting",
    "regioner",
    "kommun",
    "stad",
    "region",
    "ab",
    "hogskola",
];

/// How an organisation's name ends, folded: the heads of compounds that name a body.
const ORGANISATION_HEADS: [&str; 12] = [
    "forbund",
    "forbundet",
    "kassan",
    "formedlingen",
    "verket",
    "myndigheten",
    "universitet",
    "foreningen",
    "forvaltningen",
    "namnden",
    "styrelsen",
    "stiftelsen",
];

/// Whether `abbr` spells the initials of the words before it ("Islamiska Staten (IS)").
fn is_acronym_of(abbr: &str, before: &str) -> bool {
    let initials: String = before
        .split_whitespace()
        .rev()
        .take(abbr.chars().count())
        .filter_map(|w| w.chars().next())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    abbr.chars().count() > 1 && initials.to_uppercase() == abbr.to_uppercase()
}

/// Start of the clause a parenthesis closes: after the previous parenthesis, colon, semicolon
/// or sentence end.
fn clause_start(text: &str, end: usize) -> usize {
    let head = &text[..end];
    let mut start = 0;
    for (i, c) in head.char_indices() {
        let next = head[i + c.len_utf8()..].trim_start().chars().next();
        let boundary = match c {
            ')' | ':' | ';' | '\n' => true,
            '.' | '!' | '?' => next.is_some_and(char::is_uppercase),
            _ => false,
        };
        if boundary {
            start = i + c.len_utf8();
        }
    }
    start
}

/// The persons of a clause that ends in a party parenthesis or a sentence end.
fn persons_of_clause(clause: &str) -> Vec<String> {
    let clause = AND_FLERA.replace_all(clause, " ");
    let clause = match LIST_TRIGGER.find(&fold(&clause)) {
        // fold keeps byte lengths of ASCII but not of å/ä/ö, so cut by chars
        Some(m) => {
            let chars = fold(&clause)[..m.end()].chars().count();
            clause.chars().skip(chars).collect()
        }
        None => clause.to_string(),
    };
    LIST_SPLIT.split(&clause).filter_map(name_in).collect()
}

/// The names of a list that runs on into its sentence ("Anna Berg, Per Ek och Eva Lund
/// reserverar sig …"): each element is a name, after any roles ("ordförande Anna Berg"), that
/// ends where its capitalised run does; the list ends at the first element that is no name or
/// that the sentence goes on after ("från stamfastigheten, som ägs av …" lists no one).
fn listed_names(list: &str) -> Vec<String> {
    let mut names = Vec::new();
    for element in LIST_SPLIT.split(list) {
        let words: Vec<&str> = element.split_whitespace().collect();
        let start = words.iter().take_while(|w| is_role(w)).count();
        let end = start
            + words[start..]
                .iter()
                .take_while(|w| NAME_TOKEN.is_match(w))
                .count();
        let Some(name) = name_in(&words[start..end].join(" ")) else {
            break;
        };
        names.push(name);
        if end < words.len() {
            break;
        }
    }
    names
}

/// The text on one line, with the cells of table rows and side-by-side columns ("Frida Marklund
/// (S)      X", "Ledamot   Ja   Nej") kept apart by `;` so a name never takes in a neighbouring
/// cell. A prose line break stays a space: names wrap across lines.
fn table_cells_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let cells = with_party_columns(columns(line));
        if cells.len() > 1 {
            // A row starts its own clause too: a name does not wrap into a table, so the line
            // above ("För Socialdemokraterna i <ort>") is no part of its first cell.
            out.push_str("; ");
            out.push_str(&cells.join(" ; "));
            out.push_str(" ;");
        } else {
            out.push_str(line);
        }
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cells of a row with a cell that is only a national party's letters (a vote table's
/// "Parti" column: "Pär Ekenstam      M      X") put in brackets after the name in the cell
/// before it, ahead of any other bracket there ("Joakim Vestin (M) (tjg ers.)"), as a
/// member's party is written in running text.
fn with_party_columns(cells: Vec<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(cells.len());
    for cell in cells {
        let cell = cell.trim();
        match out.last_mut() {
            Some(before) if national_party(cell).is_some() => {
                let at = before.find('(').unwrap_or(before.len());
                let name = before[..at].trim_end().to_string();
                *before = format!("{name} ({cell}) {}", &before[at..]);
            }
            _ => out.push(cell.to_string()),
        }
    }
    out
}

/// Parties and persons of a text: every party parenthesis with the names before it, and the
/// names in a "gjordes av"/"från" list.
pub fn who(text: &str) -> Who {
    who_of(text, true)
}

/// A party group's members voting ("ledamöter röstade ja", "ledamöterna röstar nej"), folded.
static VOTED_BY_GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bledamot(?:er|erna)? rost(?:ade|ar)\b").expect("group vote"));

/// Parties and persons of a procedure: the chair puts parties' proposals to the vote
/// ("ställer Moderaternas förslag mot …", "Den som bifaller Moderaternas förslag röstar nej"),
/// so a party named in words there is what is voted on, not who speaks.
pub fn who_in_procedure(text: &str) -> Who {
    who_of(text, false)
}

fn who_of(text: &str, party_words: bool) -> Who {
    let text = table_cells_apart(text);
    let text = PARTICIPANTS.replace_all(&text, "");
    let mut out = Who::default();
    for c in PAREN.captures_iter(&text) {
        let (Some(whole), Some(inner)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // The clause the bracket closes, found by scanning the text before it: only for a
        // bracket that may name its clause's persons (a party's, an agency's).
        let clause = || &text[clause_start(&text, whole.start())..whole.start()];
        let Some((quantified, tokens)) = party_tokens(inner.as_str()) else {
            let inner = inner.as_str().trim();
            if !inner.contains(' ') && is_organisation_word(inner) {
                // A member for an agency, which stands in brackets where a party would
                // ("Cecilia Ek (Försäkringskassan)"): a person of no party.
                out.persons.extend(
                    persons_of_clause(clause())
                        .into_iter()
                        .filter(|p| opens_with_given_name(p)),
                );
            } else {
                // A name alone in brackets ("och 1 som avstår (Peder Åkerlund)").
                out.persons.extend(bare_name(inner));
            }
            continue;
        };
        let clause = clause();
        let persons = persons_of_clause(clause);
        let national = tokens
            .iter()
            .all(|t| NATIONAL_PARTIES.contains(&t.to_uppercase().as_str()) || t == "L");
        let acronym = tokens.len() == 1 && is_acronym_of(&tokens[0], clause);
        if acronym || (!national && !quantified && persons.is_empty()) {
            continue;
        }
        out.parties.extend(tokens);
        out.persons.extend(persons);
    }
    // Names listed after "gjordes av"/"från"/"ledamöter" without a party.
    let folded = fold(&text);
    for m in LIST_TRIGGER.find_iter(&folded) {
        let from = folded[..m.end()].chars().count();
        let rest: String = text.chars().skip(from).collect();
        let end = rest.find(['.', '(']).unwrap_or(rest.len());
        out.persons.extend(
            listed_names(&rest[..end])
                .into_iter()
                .filter(|p| opens_with_given_name(p)),
        );
    }
    if party_words {
        out.parties.extend(parties_in_words(&text));
    } else {
        // A vote told by party group ("Socialdemokraternas och Centerpartiets ledamöter röstade
        // ja") names the voters, whatever else the procedure puts to the vote.
        for sentence in text.split_terminator(['.', ';']) {
            if VOTED_BY_GROUP.is_match(&fold(sentence)) {
                out.parties.extend(parties_in_words(sentence));
            }
        }
    }
    for c in PARTY_MEMBERS.captures_iter(&text) {
        out.parties
            .extend(c[1].split([',', ' ']).filter_map(national_party));
    }
    out.parties.extend(
        PARTY_GROUP
            .captures_iter(&text)
            .filter_map(|c| national_party(&c[1])),
    );
    out
}

/// The members who took part in a decision ("I beslutet deltog ordföranden Anna Ek (S), …"),
/// up to the sentence's end: the record of a statement's adoption, not its authors.
static PARTICIPANTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bi beslutet (?:har )?(?:deltog|deltagit)\b[^.]*")
        .expect("participants pattern")
});

/// Parties named by their letters after their members ("samtliga ledamöter från V och MP").
static PARTY_MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:ledam\p{L}*|företrädare(?:na)?)\s+(?:från|för)\s+((?:[A-ZÅÄÖ]{1,2}|Fi)(?:(?:,\s*|\s+och\s+|\s+samt\s+)(?:[A-ZÅÄÖ]{1,2}|Fi))*)\b",
    )
    .expect("party members pattern")
});

/// A party's group named by its letters: "S-gruppen", "(M)-ledamöterna", "V-ledamoten".
static PARTY_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(?\b([A-ZÅÄÖ]{1,2}|Fi)\)?-(?:gruppen|ledam\p{L}+|företrädarna)\b")
        .expect("party group pattern")
});

/// A line that is only a person's name ("Birgitta Näslund Åkerman"): two to four capitalised
/// words, not all in capitals, none of them a role.
pub fn bare_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let ok = (2..=4).contains(&words.len())
        && words.iter().all(|w| NAME_TOKEN.is_match(w) && !is_role(w))
        // "Region Sörmland" in a list of recipients is an organisation, not a signature.
        && !words.iter().any(|w| is_organisation_word(w))
        && words
            .iter()
            .any(|w| w.chars().skip(1).any(char::is_lowercase));
    let name = words.join(" ");
    (ok && opens_with_given_name(&name)).then_some(name)
}

/// A line that is only an official title under a signature ("Miljöchef", "Ordförande",
/// "Biträdande förvaltningschef"): one to three words, a capital only at the start.
pub fn is_title_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    heading_kind(line).is_none_or(|k| k == Kind::Other)
        && (1..=3).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words
            .iter()
            .flat_map(|w| w.chars().skip(1))
            .chain(words.iter().skip(1).flat_map(|w| w.chars().take(1)))
            .all(|c| c.is_lowercase() || c == '-' || c == ',')
}

/// The names a signature line signs when `title_line` under it holds their official titles.
/// Signatures side by side ("Anna Berg      Per Ek" over "Ordförande      Sekreterare") pair
/// column by column.
pub fn signed_names(name_line: &str, title_line: &str) -> Vec<String> {
    let (names, titles) = (columns(name_line), columns(title_line));
    let pairs: Vec<(&str, &str)> = if names.len() == titles.len() {
        names.into_iter().zip(titles).collect()
    } else {
        vec![(name_line, title_line)]
    };
    pairs
        .into_iter()
        .filter(|(_, title)| is_title_line(title.trim()))
        .filter_map(|(name, _)| bare_name(name))
        .collect()
}

/// The names signed in a block of lines: each bare name line directly followed by a title.
pub fn signature_names(lines: &[&str]) -> Vec<String> {
    lines
        .windows(2)
        .flat_map(|w| signed_names(w[0], w[1]))
        .collect()
}

/// Persons named elsewhere in the document whom a text mentions in the genitive
/// ("Tomas Bäckmans yrkande"): unambiguous, because the base name is known.
pub fn genitives_of_known(text: &str, known: &BTreeSet<String>) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    known
        .iter()
        .filter(|name| {
            let genitive = format!("{name}s");
            text.match_indices(&genitive).any(|(at, g)| {
                let before = text[..at].chars().next_back();
                let after = text[at + g.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .cloned()
        .collect()
}

/// Replaces genitive forms ("Linnéa Björks") by the base name when the document names the
/// person without the -s elsewhere.
pub fn resolve_genitives(persons: &mut Vec<String>, known: &BTreeSet<String>) {
    for p in persons.iter_mut() {
        if let Some(base) = p.strip_suffix('s') {
            if known.contains(base) {
                *p = base.to_string();
            }
        }
    }
    persons.sort();
    persons.dedup();
}

static VOTE: LazyLock<Regex> = LazyLock::new(|| {
    tolerant_regex(
        r"\bmed\s+(\w+)\s+",
        &[
            "ja-röster mot (\\w+) nej-röster",
            "ja röster mot (\\w+) nej röster",
        ],
        "",
    )
});
static ABSTAIN: LazyLock<Regex> = LazyLock::new(|| {
    tolerant_regex(
        r"^[^.]{0,40}?\b(\w+)\s+(?:ledam\w*\s+)?(?:som\s+)?",
        &[
            "avstod", "avstår", "avstått", "nedlagda", "nedlagd", "blanka",
        ],
        "",
    )
});

/// A number written in digits or as a Swedish number word up to 99 ("sex", "tjugotre").
fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    const UNITS: [&str; 20] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton",
    ];
    const TENS: [&str; 8] = [
        "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio",
    ];
    let w = fold(word);
    let unit = |s: &str| match s {
        "ett" => Some(1),
        _ => UNITS.iter().position(|u| fold(u) == s).map(|i| i as u32),
    };
    if let Some(n) = unit(&w) {
        return Some(n);
    }
    TENS.iter().enumerate().find_map(|(i, t)| {
        let rest = w.strip_prefix(&fold(t))?;
        let tens = 20 + 10 * i as u32;
        if rest.is_empty() {
            Some(tens)
        } else {
            unit(rest).filter(|u| (1..10).contains(u)).map(|u| tens + u)
        }
    })
}

/// The vote result stated in a text ("Med sex ja-röster mot fem nej-röster").
pub fn vote(text: &str) -> Option<Vote> {
    let folded = fold(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    let c = VOTE.captures(&folded)?;
    let yes = number(c.get(1)?.as_str())?;
    let no = c.get(2).or(c.get(3)).and_then(|m| number(m.as_str()))?;
    let tail = &folded[c.get(0)?.end()..];
    let abstain = ABSTAIN
        .captures(tail)
        .and_then(|a| a.get(1))
        .and_then(|m| number(m.as_str()));
    Some(Vote { yes, no, abstain })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_groups_and_table_cells() {
        let w = who("S-gruppen lämnar särskilt yttrande: Vi ser positivt på förslaget.");
        assert_eq!(w.parties.into_iter().collect::<Vec<_>>(), vec!["S"]);
        let w =
            who("Ledamot     Ja    Nej\nFrida Marklund (S)      X\nTobias Åström (M)           X");
        assert_eq!(
            w.persons.into_iter().collect::<Vec<_>>(),
            vec!["Frida Marklund", "Tobias Åström"]
        );
    }

    #[test]
    fn a_signers_row_takes_nothing_from_the_line_above() {
        let w = who("För Vänsterpartiet i Grästorp\nLena Ek (V)      Omar Said (V)");
        assert_eq!(sorted(&w.persons), vec!["Lena Ek", "Omar Said"]);
    }

    #[test]
    fn a_vote_tables_party_column_is_the_members_party_and_a_role_in_brackets_no_party() {
        let w = who("Ledamot                 Parti   Ja   Nej\n\
             Lena Ek                 V            X\n\
             Per Holm (tjg ers.)     KD      X");
        assert_eq!(sorted(&w.parties), vec!["KD", "V"]);
        assert_eq!(sorted(&w.persons), vec!["Lena Ek", "Per Holm"]);
    }

    fn sorted(w: &BTreeSet<String>) -> Vec<&str> {
        w.iter().map(String::as_str).collect()
    }

    #[test]
    fn places_and_firms_open_with_no_given_name() {
        let w = who("Turlistor från Kalmar Länstrafik och Stora Rörsmåla.");
        assert!(w.persons.is_empty(), "{:?}", w.persons);
        let w = who("Synpunkter har kommit från Anna-Karin Sjödin och Goran Ekström.");
        assert_eq!(sorted(&w.persons), ["Anna-Karin Sjödin", "Goran Ekström"]);
        assert_eq!(bare_name("Stora Skedvi"), None);
        assert_eq!(bare_name("AFA Försäkring"), None);
    }

    #[test]
    fn recipients_are_not_signatures() {
        assert_eq!(bare_name("Region Halland"), None);
        assert_eq!(bare_name("Gästrike Räddningstjänstförbund"), None);
        assert_eq!(bare_name("Sparbanksstiftelsen Norrland"), None);
        assert_eq!(bare_name("Eva Lind").as_deref(), Some("Eva Lind"));
        assert!(signed_names("Region Halland", "Miljöförvaltningen").is_empty());
    }

    #[test]
    fn a_role_before_the_first_name_is_no_part_of_it() {
        let w = who("Ledamöterna Sven Ek (m) och Eva Al (m) reserverade sig mot beslutet.");
        assert_eq!(sorted(&w.persons), ["Eva Al", "Sven Ek"]);
    }

    #[test]
    fn list_with_alla() {
        let w = who("Särskilt uttalande gjordes av Håkan Åström, Björn Wästerlund och Märta Ljungström (alla M) enligt följande.");
        assert_eq!(sorted(&w.parties), ["M"]);
        assert_eq!(
            sorted(&w.persons),
            ["Björn Wästerlund", "Håkan Åström", "Märta Ljungström"]
        );
    }

    #[test]
    fn lower_case_and_fp() {
        let w = who("Ordföranden Margareta Sjöström (s) yrkade. Bengt Ålander (m) och Cecilia Höök (FP) m.fl. (kd)");
        assert_eq!(sorted(&w.parties), ["KD", "L", "M", "S"]);
        assert!(w.persons.contains("Margareta Sjöström"));
        assert!(w.persons.contains("Cecilia Höök"));
    }

    #[test]
    fn ocr_damage_in_roles_and_parties() {
        let w =
            who("Ordféranden Jimmy Nordengren (S) yrkar. Jérgen Hall (Vv) och Goran Ekstrom (S$)");
        assert_eq!(sorted(&w.parties), ["S", "V"]);
        assert_eq!(
            sorted(&w.persons),
            ["Goran Ekstrom", "Jimmy Nordengren", "Jérgen Hall"]
        );
    }

    #[test]
    fn signatures() {
        let lines = [
            "MILJÖNÄMNDEN",
            "",
            "Birgitta Näslund Åkerman",
            "Ordförande",
            "",
            "Tomas Öhman",
            "Miljöchef",
            "Göteborgs Stad",
            "Stadsdelsförvaltningen Lundby",
        ];
        assert_eq!(
            signature_names(&lines),
            ["Birgitta Näslund Åkerman", "Tomas Öhman"]
        );
    }

    #[test]
    fn acronyms_are_not_parties() {
        let w = who("utifrån Försvarshögskolans (FHS) expertis och Islamiska Staten (IS).");
        assert!(w.parties.is_empty() && w.persons.is_empty());
    }

    #[test]
    fn parties_named_in_words() {
        let w = who("Eva Ek (V) anför att Vänsterpartiet delar Moderaternas uppfattning.");
        assert_eq!(sorted(&w.parties), ["V"]);
        let w = who_in_procedure("Ordföranden ställer Moderaternas förslag mot Anna Ek (V).");
        assert_eq!(sorted(&w.parties), ["V"]);
        let w = who_in_procedure(
            "Med 9 ja-röster mot 6 nej-röster bifalls förslaget. Socialdemokraternas och \
             Centerpartiets ledamöter röstade ja, Moderaternas ledamöter röstade nej.",
        );
        assert_eq!(sorted(&w.parties), ["C", "M", "S"]);
        let w = who("Ledamöterna för Socialdemokraterna och Vänsterpartiet reserverar sig.");
        assert_eq!(sorted(&w.parties), ["S", "V"]);
        let w = who(
            "Centerpartiets ledamöter lämnar följande yttrande. Folkpartiet liberalerna instämmer.",
        );
        assert_eq!(sorted(&w.parties), ["C", "L"]);
        assert!(who("Förslaget är moderat och centralt.").parties.is_empty());
        let w = who("Karin Ernlund (C) med hänvisning till Moderaternas uttalande.");
        assert_eq!(sorted(&w.parties), ["C"]);
        // A party joined to one the sentence refers to is referred to as well.
        let w = who(
            "Per Dal (KD) anför att partiet står bakom Folkpartiets och Centerpartiets yrkande.",
        );
        assert_eq!(sorted(&w.parties), ["KD"]);
        // "för" a party's genitive refers to it, unless on its behalf.
        let w = who("Eva Dal (V) yttrar att partiet hade röstat för Socialdemokraternas yrkande.");
        assert_eq!(sorted(&w.parties), ["V"]);
        let w = who("Per Ek (M) yrkar, för Moderaternas och Liberalernas räkning, ett tillägg.");
        assert_eq!(sorted(&w.parties), ["L", "M"]);
    }

    #[test]
    fn a_partys_members_named_in_a_list_that_runs_into_the_sentence() {
        let w = who(
            "Kristdemokraternas ledamöter Lena Hult, Per-Åke Berg och\nKarin Sand reserverar \
             sig mot beslutet till förmån för eget yrkande.",
        );
        assert_eq!(sorted(&w.parties), ["KD"]);
        assert_eq!(
            sorted(&w.persons),
            ["Karin Sand", "Lena Hult", "Per-Åke Berg"]
        );
        // A list that names no one ends at once.
        let w = who("Tomten styckas av från stamfastigheten, som ägs av Eva Lunds föräldrar.");
        assert!(w.persons.is_empty());
    }

    #[test]
    fn votes() {
        let v = vote("Med sex ja-röster mot fem nej-röster beslutar").map(|v| (v.yes, v.no));
        assert_eq!(v, Some((6, 5)));
        let v = vote("Med 7 ja-röster mot 4 nej-röster och två som avstod").and_then(|v| v.abstain);
        assert_eq!(v, Some(2));
        assert_eq!(number("tjugotre"), Some(23));
    }
}
