//! Synthetic corpus for the search benchmark (issue 6): writes council documents as
//! `diarium::model::Document` JSON lines, one document per line, deterministic for a seed.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --segments 100000 --seed 1 --out /tmp/c100k.jsonl
//! ```
//!
//! Prose comes from a word chain learnt at run time from the clean texts in `corpus/truth/`;
//! boards, members, case numbers, votes and decision references are synthetic.

mod damage;
mod text;
mod world;

use diarium::segment::MONTHS;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use diarium::model::{DecisionRef, DocType, Document, Item, Kind, Segment, Vote};
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

use text::Chain;
use world::{Body, Member, Roster};

/// Share of documents whose extracted text (`raw_text`) carries OCR damage.
const DAMAGED_SHARE: f64 = 0.2;
/// Words on a typical page, to assign segments to pages.
const WORDS_PER_PAGE: usize = 380;

#[derive(Parser)]
#[command(about = "Write synthetic council documents as diarium Document JSON lines")]
struct Args {
    /// Stop once this many segments have been written.
    #[arg(long, default_value_t = 10_000)]
    segments: usize,
    /// Random seed; the same seed and truth texts give the same output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output file (default: stdout).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Directory of truth texts to learn the Swedish from.
    #[arg(long, default_value = "corpus/truth")]
    truth: PathBuf,
}

const NUMBERS: [&str; 16] = [
    "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    "tretton", "fjorton", "femton",
];

/// Everything a document is drawn from.
struct World {
    chain: Chain,
    bodies: Vec<Body>,
    seed: u64,
    rosters: HashMap<(usize, i32), Roster>,
}

impl World {
    fn roster(&mut self, body: usize, year: i32) -> &Roster {
        let term = 2010 + 4 * ((year - 2010) / 4);
        let (seed, chain) = (self.seed, &self.chain);
        self.rosters
            .entry((body, term))
            .or_insert_with(|| Roster::new(seed, body, term, chain))
    }
}

/// The noun in base form, lower case ("Kommunstyrelsen" → "kommunstyrelse").
fn base_form(short: &str) -> String {
    let lower = short.to_lowercase();
    if let Some(s) = lower.strip_suffix("nämnden") {
        format!("{s}nämnd")
    } else if let Some(s) = lower.strip_suffix("styrelsen") {
        format!("{s}styrelse")
    } else {
        lower
    }
}

/// "Anna Berg (S) och Per Ek (M)".
fn named(people: &[&Member]) -> String {
    let parts: Vec<String> = people
        .iter()
        .map(|m| format!("{} ({})", m.name, m.party))
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} och {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// A segment naming `people`, with their parties and names sorted and unique.
fn segment(kind: Kind, heading: &str, text: String, people: &[&Member]) -> Segment {
    let parties: BTreeSet<String> = people.iter().map(|m| m.party.to_string()).collect();
    let persons: BTreeSet<String> = people.iter().map(|m| m.name.clone()).collect();
    Segment {
        kind,
        heading: heading.to_string(),
        text,
        parties: parties.into_iter().collect(),
        persons: persons.into_iter().collect(),
        ..Segment::default()
    }
}

/// Builds one document at a time.
struct Writer<'w, R: Rng> {
    world: &'w World,
    rng: &'w mut R,
    body: &'w Body,
    members: Vec<Member>,
    substitutes: Vec<Member>,
    year: i32,
}

impl<R: Rng> Writer<'_, R> {
    fn pick<'a>(&mut self, from: &'a [&'a str]) -> &'a str {
        from.choose(self.rng).copied().unwrap_or_default()
    }

    /// Members of one or two parties, for a reservation or a statement.
    fn faction(&mut self, max: usize) -> Vec<Member> {
        let parties: BTreeSet<&str> = self.members.iter().map(|m| m.party).collect();
        let parties: Vec<&str> = parties.into_iter().collect();
        let n_parties = if self.rng.random_bool(0.3) { 2 } else { 1 };
        let chosen: Vec<&str> = parties
            .choose_multiple(self.rng, n_parties)
            .copied()
            .collect();
        let mut out: Vec<Member> = self
            .members
            .iter()
            .filter(|m| chosen.contains(&m.party))
            .cloned()
            .collect();
        out.shuffle(self.rng);
        out.truncate(self.rng.random_range(1..=max));
        out
    }

    fn points(&mut self, n: usize) -> (String, Vec<String>) {
        let points: Vec<String> = (0..n).map(|_| self.world.chain.point(self.rng)).collect();
        let text = points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}. {p}{}", i + 1, if i + 1 == n { "." } else { "," }))
            .collect::<Vec<_>>()
            .join("\n");
        (text, points)
    }

    fn decision(&mut self) -> Segment {
        let heading = self.pick(&["Beslut", "Nämndens beslut", "Beslut"]);
        let n = self.rng.random_range(1..=4);
        let (list, points) = self.points(n);
        let text = format!("{} beslutar\n\n{list}", self.body.short);
        Segment {
            points,
            ..segment(Kind::Decision, heading, text, &[])
        }
    }

    fn proposal(&mut self) -> Segment {
        let heading = self.pick(&[
            "Förslag till beslut",
            "Förvaltningens förslag till beslut",
            "Arbetsutskottets förslag",
        ]);
        let n = self.rng.random_range(1..=3);
        let (list, points) = self.points(n);
        let who = self.pick(&["Förvaltningen", "Arbetsutskottet", "Kontoret"]);
        let text = format!(
            "{who} föreslår att {} beslutar\n\n{list}",
            self.body.short.to_lowercase()
        );
        Segment {
            points,
            ..segment(Kind::Proposal, heading, text, &[])
        }
    }

    fn motion(&mut self) -> Segment {
        let yes = self.members.choose(self.rng).cloned();
        let against = self.faction(3);
        let refs: Vec<&Member> = against.iter().collect();
        let mut text = String::new();
        if let Some(y) = &yes {
            text.push_str(&format!(
                "{} yrkade bifall till förvaltningens förslag.\n\n",
                named(&[y])
            ));
        }
        let point = self.world.chain.point(self.rng);
        text.push_str(&format!(
            "{} yrkade avslag på förslaget och {point}.",
            named(&refs)
        ));
        if self.rng.random_bool(0.5) {
            text.push(' ');
            text.push_str(&self.world.chain.sentence(self.rng));
        }
        let mut people = refs;
        people.extend(yes.as_ref());
        segment(Kind::Motion, "Yrkanden", text, &people)
    }

    fn procedure(&mut self) -> Segment {
        let short = self.body.short.to_lowercase();
        if !self.rng.random_bool(0.35) {
            let heading = self.pick(&["Beslutsgång", "Propositionsordning"]);
            let text = format!(
                "Ordföranden ställde proposition på bifall till förvaltningens förslag mot avslag \
                 och fann att {short} beslutat bifalla förvaltningens förslag."
            );
            return segment(Kind::Procedure, heading, text, &[]);
        }
        let mut voters = self.members.clone();
        voters.shuffle(self.rng);
        let abstain = self.rng.random_range(0..=1usize);
        let voting = voters.len() - abstain;
        let yes = self.rng.random_range(voting / 2 + 1..=voting);
        let (ja, rest) = voters.split_at(yes);
        let (nej, avstod) = rest.split_at(voting - yes);
        let ja: Vec<&Member> = ja.iter().collect();
        let nej: Vec<&Member> = nej.iter().collect();
        let mut text = format!(
            "Omröstning begärdes. {} godkände följande propositionsordning: Ja-röst för bifall till \
             förvaltningens förslag, nej-röst för avslag.\n\nJa-röster: {}.\nNej-röster: {}.\n\n\
             Med {} ja-röster mot {} nej-röster beslutar {short} att bifalla förvaltningens förslag.",
            self.body.short,
            named(&ja),
            named(&nej),
            NUMBERS[ja.len().min(15)],
            NUMBERS[nej.len().min(15)],
        );
        if let Some(m) = avstod.first() {
            text.push_str(&format!(" {} avstod från att rösta.", named(&[m])));
        }
        let mut people = ja.clone();
        people.extend(&nej);
        people.extend(avstod.iter());
        Segment {
            vote: Some(Vote {
                yes: ja.len() as u32,
                no: nej.len() as u32,
                abstain: (!avstod.is_empty()).then_some(avstod.len() as u32),
            }),
            ..segment(Kind::Procedure, "Omröstning", text, &people)
        }
    }

    fn reservation(&mut self, motion: Option<usize>) -> Segment {
        let who = self.faction(3);
        let refs: Vec<&Member> = who.iter().collect();
        let mut text = if motion.is_some() {
            format!(
                "Reservation från {} till förmån för eget yrkande.",
                named(&refs)
            )
        } else {
            format!("{} reserverade sig mot beslutet.", named(&refs))
        };
        for _ in 0..self.rng.random_range(0..=3) {
            text.push(' ');
            text.push_str(&self.world.chain.sentence(self.rng));
        }
        Segment {
            in_favour_of: motion,
            ..segment(Kind::Reservation, "Reservation", text, &refs)
        }
    }

    fn statement(&mut self, kind: Kind) -> Segment {
        let (heading, who, lead) = match kind {
            Kind::SubstituteStatement => {
                let who = self.substitutes.choose(self.rng).cloned();
                let who: Vec<Member> = who.into_iter().collect();
                let lead = format!(
                    "Ersättaren {} anförde följande.",
                    named(&who.iter().collect::<Vec<_>>())
                );
                ("Ersättaryttrande", who, lead)
            }
            Kind::ProtocolNote => {
                let who = self.faction(1);
                let lead = format!(
                    "{} lät anteckna följande till protokollet.",
                    named(&who.iter().collect::<Vec<_>>())
                );
                ("Protokollsanteckning", who, lead)
            }
            _ => {
                let heading = self.pick(&["Särskilt uttalande", "Särskilt yttrande"]);
                let who = self.faction(3);
                let lead = format!(
                    "{heading} gjordes av {} enligt följande.",
                    named(&who.iter().collect::<Vec<_>>())
                );
                (heading, who, lead)
            }
        };
        let n = self.rng.random_range(1..=4);
        let text = format!("{lead}\n\n{}", self.world.chain.paragraph(self.rng, n));
        segment(kind, heading, text, &who.iter().collect::<Vec<_>>())
    }

    fn decision_ref(&mut self) -> (String, DecisionRef) {
        let who = self.pick(&["Kommunfullmäktige", "Kommunstyrelsen", ""]);
        let who = if who.is_empty() {
            self.body.short.clone()
        } else {
            who.to_string()
        };
        let year = self.rng.random_range((self.year - 6).max(2005)..=self.year);
        let (month, day) = (self.rng.random_range(1..=12), self.rng.random_range(1..=28));
        let paragraph = self.rng.random_range(1..300).to_string();
        let topic = self
            .world
            .chain
            .topics
            .choose(self.rng)
            .cloned()
            .unwrap_or_default();
        let phrase = format!(
            "{who} beslutade den {day} {} {year}, § {paragraph}",
            MONTHS[month - 1]
        );
        let sentence = format!("{phrase}, om {topic}.");
        let r = DecisionRef {
            body: base_form(&who),
            date: Some(format!("{year}-{month:02}-{day:02}")),
            paragraph: Some(paragraph),
            text: phrase,
        };
        (sentence, r)
    }

    fn matter(&mut self) -> Segment {
        let heading = self.pick(&[
            "Ärendet",
            "Bakgrund",
            "Sammanfattning",
            "Förvaltningens synpunkter",
            "Ärendets beredning",
        ]);
        let mut paragraphs = Vec::new();
        let mut refs = Vec::new();
        let mut dnr = Vec::new();
        if self.rng.random_bool(0.25) {
            let (sentence, r) = self.decision_ref();
            paragraphs.push(sentence);
            refs.push(r);
        }
        for _ in 0..self.rng.random_range(1..=4) {
            let n = self.rng.random_range(2..=5);
            paragraphs.push(self.world.chain.paragraph(self.rng, n));
        }
        if self.rng.random_bool(0.15) {
            let year = self.rng.random_range((self.year - 4).max(2005)..=self.year);
            let (written, normal) = world::case_number(self.rng, self.body, year);
            paragraphs.push(format!("Ärendet har tidigare behandlats ({written})."));
            dnr.push(normal);
        }
        Segment {
            decision_refs: refs,
            dnr,
            ..segment(Kind::Matter, heading, paragraphs.join("\n\n"), &[])
        }
    }

    fn other(&mut self) -> Segment {
        let chair = self.members.first().cloned();
        let secretary = world::person_name(self.rng, &self.world.chain);
        let mut lines = vec!["Ledamöter".to_string()];
        for (i, m) in self.members.iter().enumerate() {
            let role = match i {
                0 => ", ordförande",
                1 => ", vice ordförande",
                _ => "",
            };
            lines.push(format!("{} ({}){role}", m.name, m.party));
        }
        lines.push(String::new());
        lines.push("Ersättare".into());
        lines.extend(
            self.substitutes
                .iter()
                .map(|m| format!("{} ({})", m.name, m.party)),
        );
        if let Some(c) = chair {
            lines.push(String::new());
            lines.push(format!("Ordförande {}", c.name));
            lines.push(format!("Sekreterare {secretary}"));
        }
        let mut people: Vec<&Member> = self.members.iter().collect();
        people.extend(self.substitutes.iter());
        segment(Kind::Other, "Beslutande", lines.join("\n"), &people)
    }

    /// The segments of one § item in minutes.
    fn minute_item(&mut self) -> Vec<Segment> {
        let mut segs = Vec::new();
        if self.rng.random_bool(0.5) {
            segs.push(self.decision());
        }
        for _ in 0..self.rng.random_range(1..=2) {
            segs.push(self.matter());
        }
        if self.rng.random_bool(0.6) {
            segs.push(self.proposal());
        }
        let mut motion = None;
        if self.rng.random_bool(0.4) {
            motion = Some(segs.len());
            segs.push(self.motion());
            segs.push(self.procedure());
        }
        if !segs.iter().any(|s| s.kind == Kind::Decision) {
            segs.push(self.decision());
        }
        if motion.is_some() && self.rng.random_bool(0.6) || self.rng.random_bool(0.08) {
            segs.push(self.reservation(motion));
        }
        if self.rng.random_bool(0.12) {
            segs.push(self.statement(Kind::SpecialStatement));
        }
        if self.body.district && self.rng.random_bool(0.2) {
            segs.push(self.statement(Kind::SubstituteStatement));
        }
        if self.rng.random_bool(0.1) {
            segs.push(self.statement(Kind::ProtocolNote));
        }
        segs
    }

    /// The segments of a report or statement without §.
    fn report(&mut self, doc_type: DocType) -> Vec<Segment> {
        let mut segs = vec![self.proposal()];
        let n = if doc_type == DocType::Handlingsplan {
            4..=8
        } else {
            2..=5
        };
        for _ in 0..self.rng.random_range(n) {
            segs.push(self.matter());
        }
        segs
    }

    fn title(&mut self) -> String {
        let y = self.year;
        let chain = &self.world.chain;
        let topic = chain.topics.choose(self.rng).cloned().unwrap_or_default();
        match self.rng.random_range(0..10) {
            0 | 1 => chain.titles.choose(self.rng).cloned().unwrap_or_default(),
            2 => format!("Medborgarförslag om {topic}"),
            3 => format!("Motion om {topic}"),
            4 => format!("Budget {} för {}", y + 1, base_form(&self.body.short)),
            5 => format!("Tertialrapport {} {y}", self.rng.random_range(1..=2)),
            6 => format!("Lokal handlingsplan mot våldsbejakande extremism {y}"),
            7 => format!("Yttrande över remiss om {topic}"),
            8 => "Anmälan av delegationsbeslut".to_string(),
            _ => format!("Uppföljning av {topic} {y}"),
        }
    }
}

/// Document `index` of the corpus.
fn document(world: &mut World, rng: &mut StdRng, index: usize) -> Document {
    let b = rng.random_range(0..world.bodies.len());
    let year = rng.random_range(2010..=2025);
    let (month, day) = (rng.random_range(1..=12), rng.random_range(1..=28));
    let date = format!("{year}-{month:02}-{day:02}");
    let roster = world.roster(b, year);
    let (members, substitutes) = (roster.members.clone(), roster.substitutes.clone());
    let doc_type = *[
        DocType::Protokoll,
        DocType::Protokoll,
        DocType::Protokoll,
        DocType::Protokoll,
        DocType::Protokollsutdrag,
        DocType::Protokollsutdrag,
        DocType::Tjansteutlatande,
        DocType::Tjansteutlatande,
        DocType::Utlatande,
        DocType::Yttrande,
        DocType::Handlingsplan,
    ]
    .choose(rng)
    .unwrap_or(&DocType::Other);
    let world: &World = world;
    let body = &world.bodies[b];
    let mut w = Writer {
        world,
        rng,
        body,
        members,
        substitutes,
        year,
    };
    let n_items = match doc_type {
        DocType::Protokoll => w.rng.random_range(2..=8),
        _ => 1,
    };
    let first_paragraph: usize = w.rng.random_range(1..200);
    let mut items = Vec::new();
    for i in 0..n_items {
        let paragraph = first_paragraph + i;
        let (title, segments) = match doc_type {
            DocType::Protokoll | DocType::Protokollsutdrag => {
                let mut segs = w.minute_item();
                if i == 0 && doc_type == DocType::Protokoll {
                    segs.insert(0, w.other());
                }
                (w.title(), segs)
            }
            _ => (w.title(), w.report(doc_type)),
        };
        let (written, dnr) = world::case_number(w.rng, body, year);
        let mut segments = segments;
        if let Some(first) = segments.iter_mut().find(|s| s.kind != Kind::Other) {
            first.text = format!("{written}\n\n{}", first.text);
        }
        let numbered = matches!(doc_type, DocType::Protokoll | DocType::Protokollsutdrag);
        items.push(Item {
            paragraph: numbered.then(|| paragraph.to_string()),
            title,
            dnr: Some(dnr),
            segments,
        });
    }
    let damaged = w.rng.random_bool(DAMAGED_SHARE);
    let mut words = 0;
    for seg in items.iter_mut().flat_map(|i| i.segments.iter_mut()) {
        seg.raw_text = if damaged {
            damage::damage(&seg.text, w.rng)
        } else {
            seg.text.clone()
        };
        let n = seg.text.split_whitespace().count();
        seg.page_start = 1 + words / WORDS_PER_PAGE;
        words += n;
        seg.page_end = 1 + words / WORDS_PER_PAGE;
    }
    let mut dnr: Vec<String> = Vec::new();
    let mut decision_refs = Vec::new();
    for item in &items {
        for d in item
            .dnr
            .iter()
            .chain(item.segments.iter().flat_map(|s| &s.dnr))
        {
            if !dnr.contains(d) {
                dnr.push(d.clone());
            }
        }
        decision_refs.extend(item.segments.iter().flat_map(|s| s.decision_refs.clone()));
    }
    let title = match doc_type {
        DocType::Protokoll => format!("Protokoll {} {date}", body.short),
        DocType::Protokollsutdrag => format!("Protokollsutdrag {}", items[0].title),
        _ => items[0].title.clone(),
    };
    let slug: String = body
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let doc_id = blake3::hash(format!("{}:{index}", world.seed).as_bytes()).to_hex();
    Document {
        doc_id: doc_id.to_string(),
        source: format!("synthetic/{}/{slug}/{date}-{index}.pdf", body.municipality),
        title,
        body: body.name.clone(),
        doc_type,
        date: Some(date),
        dnr,
        pages: 1 + words / WORDS_PER_PAGE,
        items,
        decision_refs,
    }
}

fn main() -> Result<()> {
    let args = Args::parse();
    let chain = Chain::learn(&args.truth)?;
    let mut world = World {
        chain,
        bodies: world::bodies(),
        seed: args.seed,
        rosters: HashMap::new(),
    };
    let mut rng = StdRng::seed_from_u64(args.seed);
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("{}: cannot create", p.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let (mut docs, mut segments) = (0usize, 0usize);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    while segments < args.segments {
        let doc = document(&mut world, &mut rng, docs);
        for s in doc.items.iter().flat_map(|i| &i.segments) {
            *kinds.entry(s.kind.as_str()).or_default() += 1;
            segments += 1;
        }
        serde_json::to_writer(&mut out, &doc)?;
        out.write_all(b"\n")?;
        docs += 1;
    }
    out.flush()?;
    eprintln!("gen_corpus: {docs} documents, {segments} segments; by kind: {kinds:?}");
    Ok(())
}
