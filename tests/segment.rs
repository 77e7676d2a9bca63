//! Outcomes of segmentation on corpus documents (built from the truth text until the real
//! extractor lands, and one through the whole pipeline on a PDF).

use std::path::Path;

use diarium::model::{DocType, Document, Kind, Segment};
use diarium::segment::{dnr_key, find_decision_refs, normalize_dnr, pages_from_text, segment};

fn doc(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/truth")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("corpus truth file");
    segment("test", name, &pages_from_text(&text))
}

/// The § numbers of a document's items, in order.
fn paragraphs(d: &Document) -> Vec<&str> {
    d.items
        .iter()
        .filter_map(|i| i.paragraph.as_deref())
        .collect()
}

fn item_segments<'a>(d: &'a Document, paragraph: Option<&str>) -> Vec<&'a Segment> {
    d.items
        .iter()
        .filter(|i| i.paragraph.as_deref() == paragraph)
        .flat_map(|i| i.segments.iter())
        .collect()
}

#[test]
fn uppsala_reservation_and_statements() {
    let d = doc("ks-uppsala-2019-protokoll.lo.txt");
    assert_eq!(d.doc_type, DocType::Protokoll);
    assert_eq!(d.date.as_deref(), Some("2019-04-10"));
    assert_eq!(paragraphs(&d), ["23", "24", "25", "26", "27"]);
    let s23 = item_segments(&d, Some("23"));
    let res: Vec<_> = s23.iter().filter(|s| s.kind == Kind::Reservation).collect();
    assert_eq!(res.len(), 1);
    assert_eq!(res[0].parties, ["L", "M"]);
    assert_eq!(res[0].persons, ["Gunilla Öberg", "Håkan Åström"]);
    // "till förmån för eget yrkande" points at their own motion.
    let own = res[0].in_favour_of.map(|i| &d.items[1].segments[i]);
    assert!(own.is_some_and(|m| m.kind == Kind::Motion && m.text.contains("yrkade avslag")));
    let vote = s23.iter().find_map(|s| s.vote).map(|v| (v.yes, v.no));
    assert_eq!(vote, Some((6, 5)));
    let s24 = item_segments(&d, Some("24"));
    let special = s24
        .iter()
        .find(|s| s.kind == Kind::SpecialStatement)
        .expect("särskilt uttalande");
    assert_eq!(
        special.persons,
        ["Björn Wästerlund", "Håkan Åström", "Märta Ljungström"]
    );
    let s25 = item_segments(&d, Some("25"));
    assert!(s25
        .iter()
        .any(|s| s.kind == Kind::SubstituteStatement && s.persons == ["Lotta Wärnå"]));
}

#[test]
fn goteborg_old_party_forms_normalise() {
    let d = doc("kn-goteborg-2012-protokollsutdrag.chrome.txt");
    assert_eq!(d.doc_type, DocType::Protokollsutdrag);
    let segs = item_segments(&d, Some("41"));
    let res = segs
        .iter()
        .find(|s| s.kind == Kind::Reservation)
        .expect("reservation");
    assert_eq!(res.parties, ["KD", "L", "M"]);
    let note = segs
        .iter()
        .find(|s| s.kind == Kind::ProtocolNote)
        .expect("protokollsanteckning");
    assert_eq!(note.parties, ["S"]);
    assert_eq!(note.persons, ["Åke Sundström"]);
    let votes = segs.iter().find_map(|s| s.vote).map(|v| (v.yes, v.no));
    assert_eq!(votes, Some((7, 4)));
}

#[test]
fn damaged_seed_001_statement_and_reference() {
    let d = doc("001-utlatande-handlingsplaner-2017.lo.txt");
    assert_eq!(d.doc_type, DocType::Utlatande);
    assert_eq!(d.date.as_deref(), Some("2017-06-15"));
    let segs = item_segments(&d, None);
    let first = segs
        .iter()
        .find(|s| s.kind == Kind::SpecialStatement)
        .expect("särskilt uttalande");
    assert_eq!(first.parties, ["M"]);
    assert_eq!(first.persons.len(), 3);
    let r = d.decision_refs.first().expect("decision reference");
    assert_eq!(
        (r.body.as_str(), r.date.as_deref(), r.paragraph.as_deref()),
        ("kommunfullmäktige", Some("2016-05-16"), Some("21"))
    );
}

#[test]
fn damaged_seed_000_notice_merges_with_beslutsgang() {
    let d = doc("000-tertialrapport-alvsjo-2017.lo.txt");
    let segs = item_segments(&d, None);
    let res: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == Kind::Reservation)
        .collect();
    assert_eq!(
        res.len(),
        1,
        "notice under Beslut and in Beslutsgång are one reservation"
    );
    assert_eq!(res[0].parties, ["C", "L", "M"]);
    let own = res[0].in_favour_of.map(|i| segs[i].kind);
    assert_eq!(own, Some(Kind::Motion));
}

#[test]
fn dnr_forms() {
    for (written, want) in [
        ("Dnr 1.2.1.140-2017", "1.2.1.140-2017"),
        ("KS 155-943/2015", "KS 155-943/2015"),
        ("dnr 3.1.3-91/2019", "3.1.3-91/2019"),
        ("KS 2019/123", "KS 2019/123"),
        ("Dnr: 1.2.4-182-2013", "1.2.4-182-2013"),
        ("2018/KS 0001", "2018/KS 0001"),
    ] {
        assert_eq!(normalize_dnr(written).as_deref(), Some(want), "{written}");
    }
    let key = |s: &str| normalize_dnr(s).map(|n| dnr_key(&n));
    assert_eq!(key("KS 155-943/2015"), key("Dnr 155-943/2015"));
    assert_eq!(doc("003-tjut-alvsjo-2015.lo.txt").dnr, ["KS 155-943/2015"]);
}

#[test]
fn malmo_references() {
    let refs = find_decision_refs("Kommunstyrelsens beslut 2021-11-03 § 231 om riktlinjer");
    assert_eq!(refs[0].paragraph.as_deref(), Some("231"));
    let d = doc("sbn-malmo-2023-tjut.lo.txt");
    assert_eq!(d.doc_type, DocType::Tjansteutlatande);
    assert_eq!(d.body, "Stadsbyggnadsnämnden");
    assert!(d
        .decision_refs
        .iter()
        .any(|r| r.body == "stadsbyggnadsnämnden" && r.paragraph.as_deref() == Some("118")));
}

#[test]
fn pipeline_on_pdf_finds_type_and_case_number() {
    let pdf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/kf-stockholm-2011-utlatande.lo.pdf");
    let p = diarium::pipeline::process_file(
        &pdf,
        &Default::default(),
        &diarium::repair::Repairer::embedded(),
    )
    .expect("pipeline runs");
    assert_eq!(p.document.doc_type, DocType::Utlatande);
    assert!(p.document.dnr.iter().any(|d| d == "314-1288/2011"));
}

fn heldout(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/heldout")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("held-out text");
    segment("test", name, &pages_from_text(&text))
}

#[test]
fn prefixed_paragraphs_roll_call_and_decision_heading() {
    let d = heldout("linkoping-bun-2013-protokoll.txt");
    assert_eq!(d.doc_type, DocType::Protokoll);
    assert_eq!(d.body, "Barn- och ungdomsnämnden");
    assert_eq!(paragraphs(&d), ["78", "79", "80", "81"]);
    let s78 = item_segments(&d, Some("78"));
    let roll = s78
        .iter()
        .find(|s| s.kind == Kind::Procedure && s.vote.is_some())
        .expect("roll-call vote");
    assert_eq!(roll.persons.len(), 11);
    assert!(roll.parties.contains(&"L".to_string()), "FP becomes L");
    assert!(s78
        .iter()
        .any(|s| s.kind == Kind::Decision && s.text.contains("läsåret 2014/2015")));
    let s81 = item_segments(&d, Some("81"));
    assert!(s81.iter().any(|s| s.kind == Kind::Decision));
}

#[test]
fn a_paragraph_labelled_with_its_boards_series_of_minutes_is_an_item() {
    // A förbundsdirektion sets its minutes' label before each § (`Fdir § 96`), a kostnämnd its
    // own in mixed case (`KoN § 27`).
    for (name, paragraph, reservers, noter) in [
        (
            "vastra-malardalens-myndighetsforbund-2011-protokollsutdrag.txt",
            "96",
            ["L", "M"],
            "C",
        ),
        (
            "gemensamma-kostnamnden-norra-dalarna-2011-protokollsutdrag.txt",
            "27",
            ["L", "M"],
            "V",
        ),
    ] {
        let d = heldout(name);
        assert_eq!(d.doc_type, DocType::Protokollsutdrag, "{name}");
        assert_eq!(paragraphs(&d), [paragraph], "{name}");
        let segments = item_segments(&d, Some(paragraph));
        let reservation = segments
            .iter()
            .find(|s| s.kind == Kind::Reservation)
            .unwrap_or_else(|| panic!("{name}: the reservation of § {paragraph}"));
        assert_eq!(reservation.parties, reservers, "{name}");
        assert!(
            segments
                .iter()
                .any(|s| s.kind == Kind::ProtocolNote && s.parties == [noter]),
            "{name}"
        );
    }
}

#[test]
fn a_member_for_an_agency_named_in_brackets_votes_without_a_party() {
    // A samordningsförbund's board seats Försäkringskassan and Arbetsförmedlingen beside the
    // parties' members: they vote too, with their agency where a party would stand.
    let d = heldout("samordningsforbundet-consensus-2021-protokollsutdrag.txt");
    let vote = item_segments(&d, Some("47"))
        .into_iter()
        .find(|s| s.kind == Kind::Procedure && s.text.contains("ja-röster"))
        .expect("the vote of § 47");
    for member in [
        "Cecilia Ek",
        "Lars Malmsten",
        "Helena Frisk",
        "Björn Strand",
    ] {
        assert!(vote.persons.iter().any(|p| p == member), "{member}");
    }
    assert_eq!(vote.parties, ["C", "KD", "M", "S"]);
}

#[test]
fn signature_and_cited_case_number() {
    let d = heldout("sundsvall-miljonamnd-2017-yttrande.txt");
    assert_eq!(d.dnr, ["MN-2017-1532", "551-3390-17"]);
    let segs = item_segments(&d, None);
    assert!(
        segs.iter()
            .any(|s| s.kind == Kind::Other
                && s.persons == ["Birgitta Näslund Åkerman", "Tomas Öhman"])
    );
    assert!(segs
        .iter()
        .any(|s| s.kind == Kind::Reservation && s.persons == ["Kjell Norberg"]));
}

#[test]
fn appended_reservation_joins_its_paragraph_with_its_reservers() {
    // The written reservation stands after the last § under a page header "… 2012-10-24, § 85".
    let d = heldout("vaxjo-socialnamnden-2012-protokoll.txt");
    assert_eq!(
        paragraphs(&d),
        ["84", "85", "86", "87", "88"],
        "one item per §"
    );
    let written = item_segments(&d, Some("85"))
        .into_iter()
        .find(|s| {
            s.kind == Kind::Reservation && s.text.contains("arbetsmarknadsinsats från första")
        })
        .expect("written reservation in § 85");
    assert!(written.persons.contains(&"Sven-Åke Fröjd".to_string()));
    assert!(written.parties.contains(&"S".to_string()));
    assert!(!item_segments(&d, Some("88"))
        .iter()
        .any(|s| s.kind == Kind::Reservation));
}

#[test]
fn an_appendix_reservation_titled_after_a_dash_is_signed_by_its_reservers() {
    // "Bilaga 1 till kommunfullmäktiges protokoll 2017-06-19, § 78" / "Reservation – Ny
    // skolorganisation …", closed by "Ånge den 19 juni 2017" and the signers' rows.
    let d = heldout("ange-kf-2017-protokoll.txt");
    let written = item_segments(&d, Some("78"))
        .into_iter()
        .find(|s| s.kind == Kind::Reservation && s.text.contains("navet i våra byar"))
        .expect("written reservation in § 78");
    assert_eq!(written.parties, ["C"]);
    assert_eq!(written.persons.len(), 6);
    assert!(written.persons.contains(&"Sture Ödmark".to_string()));
    // The appendix's roll-call opens with its voting instruction, not a heading.
    let d = heldout("hoganas-ks-2013-protokoll.txt");
    assert!(item_segments(&d, Some("58")).iter().any(|s| {
        s.kind == Kind::Procedure && s.text.starts_with("Ja-röst för arbetsutskottets förslag")
    }));
}

#[test]
fn vote_table_rows_and_column_letterhead() {
    let d = heldout("skelleftea-fritidsnamnden-2023-protokoll.txt");
    let vote = item_segments(&d, Some("19"))
        .into_iter()
        .find(|s| s.kind == Kind::Procedure && s.text.contains("röstar ja"))
        .expect("vote segment");
    // Table cells ("X", "Nej Avstår") never become part of a name.
    assert!(vote.persons.contains(&"Anneli Nordlund".to_string()));
    assert!(vote
        .persons
        .iter()
        .all(|p| !p.starts_with("X ") && !p.contains("Avstår")));
    let d = heldout("eskilstuna-grundskolenamnden-2021-tjansteskrivelse.txt");
    assert_eq!(
        d.title,
        "Skolskjuts vid växelvis boende – ändrade riktlinjer"
    );
    assert_eq!(d.dnr, ["GRN 2021.118", "KS 2020.0456"]);
    assert!(item_segments(&d, None)
        .iter()
        .any(|s| s.kind == Kind::Other && s.persons == ["Jonas Ekbom", "Linnea Sjöholm"]));
}

#[test]
fn a_paragraph_continued_on_the_next_page_keeps_its_motions_apart() {
    // "§ 47 (forts.)" under the next page's letterhead goes on with the motion the page before
    // broke off; the member proposing "ett tillägg" after it moves a motion of her own.
    let d = heldout("tidaholm-bun-2018-protokollsutdrag.txt");
    assert_eq!(paragraphs(&d), ["47"]);
    let motions: Vec<_> = item_segments(&d, Some("47"))
        .into_iter()
        .filter(|s| s.kind == Kind::Motion)
        .collect();
    assert_eq!(motions.len(), 3);
    assert!(motions[1]
        .text
        .contains("instämmer i Elin Bäckströms förslag"));
    assert_eq!(motions[2].persons, ["Mona Axelsson"]);
    assert_eq!(motions[2].parties, ["V"]);
    // The meeting's date stands under its label past the row's page label; the extract's
    // signature date is later.
    let d = heldout("vaxholm-sn-2021-protokollsutdrag.txt");
    assert_eq!(d.date.as_deref(), Some("2021-11-18"));
}

#[test]
fn a_written_reservation_after_a_short_one_and_a_statement_backing_anothers_motion() {
    // Under one "Reservationer" heading: a one-line reservation, then members who "lämnar
    // följande skriftliga reservation" — two reservations, each with its own reservers.
    let d = heldout("nynashamn-ks-2014-protokoll.txt");
    let segs = item_segments(&d, Some("42"));
    let reservations: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == Kind::Reservation)
        .collect();
    assert_eq!(reservations.len(), 2);
    assert_eq!(reservations[0].parties, ["V"]);
    assert_eq!(reservations[1].parties, ["C", "L"]);
    // A substitute who backs two other parties' motion speaks for his own party alone.
    let substitute = segs
        .iter()
        .find(|s| s.kind == Kind::SubstituteStatement)
        .expect("ersättaryttrande");
    assert_eq!(substitute.parties, ["KD"]);
    assert_eq!(substitute.persons, ["Stefan Dahl"]);
}

#[test]
fn after_a_proposal_in_prose_the_board_decides_its_att_satser() {
    // "Förvaltningens förslag" in a paragraph, then "Barn- och utbildningsnämnden beslutar" over
    // the att-satser: the decision, not more of the proposal.
    let d = heldout("leksand-bun-2009-protokoll.txt");
    let s31 = item_segments(&d, Some("31"));
    let decision = s31
        .iter()
        .find(|s| s.kind == Kind::Decision)
        .expect("decision in § 31");
    assert!(decision.text.contains("att uppdra åt förvaltningschefen"));
    assert!(s31
        .iter()
        .any(|s| s.kind == Kind::Proposal && !s.text.contains("att uppdra")));
}

#[test]
fn places_named_in_a_matter_are_no_persons() {
    // "turlistor från Kalmar Länstrafik", "mot Stora Rörsmåla": a firm and a village.
    let d = heldout("torsas-bin-2021-tjansteskrivelse.txt");
    let persons: Vec<&String> = item_segments(&d, None)
        .iter()
        .filter(|s| s.kind == Kind::Matter)
        .flat_map(|s| &s.persons)
        .collect();
    assert!(persons.is_empty(), "{persons:?}");
}
