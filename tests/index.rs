//! The index on hand-built documents (each feature on its own) and on real corpus PDFs.

use std::path::{Path, PathBuf};

use diarium::index::{self, Index, IngestOptions, Relation, SearchRequest};
use diarium::model::{DecisionRef, DocType, Document, Item, Kind, Segment};

fn segment(kind: Kind, heading: &str, text: &str) -> Segment {
    Segment {
        kind,
        heading: heading.into(),
        text: text.into(),
        raw_text: text.into(),
        page_start: 1,
        page_end: 1,
        ..Segment::default()
    }
}

fn document(id: &str, body: &str, date: &str, items: Vec<Item>) -> Document {
    Document {
        doc_id: id.into(),
        source: format!("test/{id}.pdf"),
        title: format!("Protokoll {id}"),
        body: body.into(),
        doc_type: DocType::Protokoll,
        date: Some(date.into()),
        pages: 2,
        items,
        ..Document::default()
    }
}

fn item(paragraph: &str, title: &str, segments: Vec<Segment>) -> Item {
    Item {
        paragraph: Some(paragraph.into()),
        title: title.into(),
        dnr: None,
        segments,
    }
}

/// A small record: two boards, three meetings, reservations by different parties.
fn fixture() -> Vec<Document> {
    let mut reservation = segment(
        Kind::Reservation,
        "Reservation",
        "Moderaterna reserverar sig mot beslutet till förmån för eget förslag om skolgårdar.",
    );
    reservation.parties = vec!["L".into(), "M".into()];
    reservation.persons = vec!["Gunilla Öberg".into(), "Håkan Åström".into()];
    reservation.page_start = 2;
    reservation.page_end = 2;
    let mut motion = segment(
        Kind::Motion,
        "Yrkanden",
        "Socialdemokraterna yrkar bifall till förvaltningens förslag om budget.",
    );
    motion.parties = vec!["S".into()];
    motion.persons = vec!["Karin Söderbäck".into()];
    let a = document(
        "aaaa",
        "Hägersten-Liljeholmens stadsdelsnämnd",
        "2018-05-24",
        vec![item(
            "14",
            "Reviderad lokal handlingsplan mot våldsbejakande extremism 2018",
            vec![
                segment(
                    Kind::Decision,
                    "Beslut",
                    "Stadsdelsnämnden godkänner handlingsplanen och överlämnar den till kommunstyrelsen.",
                ),
                reservation,
                motion,
            ],
        )],
    );
    let mut vote = segment(
        Kind::Procedure,
        "Omröstning",
        "Omröstning begärs. Med sex ja-röster mot fem nej-röster beslutar nämnden enligt ordförandens förslag.",
    );
    vote.parties = vec!["V".into()];
    let b = document(
        "bbbb",
        "Göteborgs kulturnämnd",
        "2012-03-14",
        vec![item(
            "41",
            "Verksamhetsbidrag till fria teatergrupper",
            vec![
                segment(
                    Kind::Matter,
                    "Ärendet",
                    "Kulturnamnden fordelar verksamhetsbidrag till fria teater- och dansgrupper.",
                ),
                vote,
            ],
        )],
    );
    let c = document(
        "cccc",
        "Uppsala kommunstyrelse",
        "2019-04-10",
        vec![item(
            "23",
            "Lokala handlingsplaner",
            vec![
                segment(
                    Kind::Matter,
                    "Bakgrund",
                    "Nämnderna ska ta fram lokala handlingsplaner mot extremism. Handlingsplanerna följs upp årligen.",
                ),
                segment(
                    Kind::ProtocolNote,
                    "Protokollsanteckning",
                    "Vänsterpartiet antecknar att budgeten för skolgårdar är för liten.",
                ),
            ],
        )],
    );
    vec![a, b, c]
}

fn indexed(docs: &[Document]) -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer(50_000_000).unwrap();
    for d in docs {
        writer.put(d, &format!("hash-{}", d.doc_id)).unwrap();
    }
    writer.commit().unwrap();
    drop(writer);
    index
}

fn search(index: &Index, query: &str) -> index::SearchResults {
    index
        .search(&SearchRequest {
            query: query.into(),
            limit: 10,
            ..SearchRequest::default()
        })
        .unwrap()
}

/// Each traced document's id and relation, in the order trace gives them.
fn relations(trace: &index::Trace) -> Vec<(&str, Relation)> {
    trace
        .documents
        .iter()
        .map(|d| (d.doc_id.as_str(), d.relation))
        .collect()
}

fn ids(results: &index::SearchResults) -> Vec<String> {
    results.hits.iter().map(|h| h.segment_id.clone()).collect()
}

#[test]
fn hits_carry_their_document_and_segment() {
    let index = indexed(&fixture());
    let r = search(&index, "reserverar");
    assert_eq!(r.total, 1);
    let hit = &r.hits[0];
    assert_eq!(hit.segment_id, "aaaa-0-1");
    assert_eq!(hit.doc_id, "aaaa");
    assert_eq!(hit.kind, Kind::Reservation);
    assert_eq!(hit.parties, ["L", "M"]);
    assert_eq!(hit.persons, ["Gunilla Öberg", "Håkan Åström"]);
    assert_eq!(hit.paragraph.as_deref(), Some("14"));
    assert_eq!(hit.date.as_deref(), Some("2018-05-24"));
    assert_eq!(hit.body, "Hägersten-Liljeholmens stadsdelsnämnd");
    assert_eq!(hit.page, 2);
    assert!(hit.snippet.contains("<b>reserverar</b>"), "{}", hit.snippet);
}

#[test]
fn folded_query_finds_diacritics_and_exact_spelling_ranks_first() {
    let index = indexed(&fixture());
    // "namnd" is how a user without å/ä/ö types "nämnd".
    let r = search(&index, "fordelar");
    assert_eq!(ids(&r), ["bbbb-0-0"]);
    let r = search(&index, "kulturnämnden");
    assert!(r.total >= 1);
    // "Kulturnamnden" (OCR lost the ä) is found by the folded field.
    assert_eq!(r.hits[0].doc_id, "bbbb");
    let r = search(&index, "nämnden");
    assert!(ids(&r).contains(&"bbbb-0-1".to_string()));
    // Typed without å/ä/ö.
    let r = search(&index, "godkanner");
    assert_eq!(ids(&r), ["aaaa-0-0"]);
}

#[test]
fn swedish_stems_match_inflections() {
    let index = indexed(&fixture());
    let r = search(&index, "handlingsplanerna");
    let found = ids(&r);
    assert!(found.contains(&"cccc-0-0".to_string()), "{found:?}");
    // The decision says "handlingsplanen"; same stem.
    assert!(found.contains(&"aaaa-0-0".to_string()), "{found:?}");
}

#[test]
fn phrases_boolean_operators_and_fields() {
    let index = indexed(&fixture());
    assert_eq!(ids(&search(&index, "\"eget förslag\"")), ["aaaa-0-1"]);
    assert!(search(&index, "\"förslag eget\"").hits.is_empty());
    let both = search(&index, "skolgårdar");
    assert_eq!(both.total, 2);
    assert_eq!(
        ids(&search(&index, "skolgårdar NOT vänsterpartiet")),
        ["aaaa-0-1"]
    );
    assert_eq!(
        ids(&search(&index, "skolgårdar AND vänsterpartiet")),
        ["cccc-0-1"]
    );
    assert_eq!(search(&index, "budget OR teatergrupper").total, 4);
    assert_eq!(ids(&search(&index, "kind:procedure")), ["bbbb-0-1"]);
    assert_eq!(search(&index, "party:m").total, 1);
}

#[test]
fn phrases_through_word_pairs_score_as_positional_phrases() {
    let index = indexed(&fixture());
    // A phrase with a field is matched by word positions; without one, through the word
    // pairs. Over the same fields with the same boosts both must give the same hits and scores.
    // (The parser boosts each field as it boosts the default fields.)
    let positional = |phrase: &str, folded: bool| {
        let mut fields = vec!["title", "item_title", "heading", "text"];
        if folded {
            fields.push("folded");
        }
        fields
            .iter()
            .map(|f| format!("{f}:\"{phrase}\""))
            .collect::<Vec<_>>()
            .join(" OR ")
    };
    for (phrase, folded) in [
        ("lokala handlingsplaner", true),
        ("våldsbejakande extremism", false),
        ("till förmån för eget förslag", false),
        ("mot extremism", true),
        ("fria teater", true),
        ("kulturnamnden fordelar", true),
    ] {
        let pairs = search(&index, &format!("\"{phrase}\""));
        let positions = search(&index, &positional(phrase, folded));
        assert!(pairs.total > 0, "{phrase}");
        assert_eq!(pairs.total, positions.total, "{phrase}");
        let scored = |r: &index::SearchResults| -> Vec<(String, f32)> {
            r.hits
                .iter()
                .map(|h| (h.segment_id.clone(), h.score))
                .collect()
        };
        assert_eq!(scored(&pairs), scored(&positions), "{phrase}");
    }
}

#[test]
fn a_longer_phrase_needs_its_pairs_in_a_row() {
    // "stöd till" and "till skolor" both stand in the first segment, but not as one run.
    let index = indexed(&[document(
        "dddd",
        "Sala kommunfullmäktige",
        "2016-02-01",
        vec![item(
            "3",
            "Föreningsstöd",
            vec![
                segment(
                    Kind::Matter,
                    "",
                    "Vi ger stöd till föreningar och till skolor.",
                ),
                segment(
                    Kind::Decision,
                    "",
                    "Stöd till skolor ges, och stöd till skolor ökar.",
                ),
            ],
        )],
    )]);
    let pairs = search(&index, "\"stöd till skolor\"");
    let positions = search(&index, "text:\"stöd till skolor\"");
    assert_eq!(ids(&pairs), ["dddd-0-1"]);
    assert_eq!(ids(&positions), ["dddd-0-1"]);
    assert_eq!(pairs.hits[0].score, positions.hits[0].score);
}

#[test]
fn filters_restrict_hits() {
    let index = indexed(&fixture());
    let req = |f: &dyn Fn(&mut SearchRequest)| {
        let mut r = SearchRequest {
            limit: 20,
            ..SearchRequest::default()
        };
        f(&mut r);
        ids(&index.search(&r).unwrap())
    };
    assert_eq!(req(&|r| r.kind = Some(Kind::Reservation)), ["aaaa-0-1"]);
    assert_eq!(req(&|r| r.party = Some("s".into())), ["aaaa-0-2"]);
    assert_eq!(
        req(&|r| r.person = Some("håkan åström".into())),
        ["aaaa-0-1"]
    );
    assert_eq!(
        req(&|r| r.person = Some("Hakan Astrom".into())),
        ["aaaa-0-1"]
    );
    let mut kultur = req(&|r| r.body = Some("kulturnämnd".into()));
    kultur.sort();
    assert_eq!(kultur, ["bbbb-0-0", "bbbb-0-1"]);
    let mut recent = req(&|r| {
        r.from = Some("2013-01-01".into());
        r.to = Some("2018-12-31".into());
    });
    recent.sort();
    assert_eq!(recent, ["aaaa-0-0", "aaaa-0-1", "aaaa-0-2"]);
    assert_eq!(
        req(&|r| {
            r.from = Some("2019-04-10".into());
            r.to = Some("2019-04-10".into());
            r.kind = Some(Kind::ProtocolNote);
        }),
        ["cccc-0-1"]
    );
    let bad = index.search(&SearchRequest {
        from: Some("10 april".into()),
        limit: 1,
        ..SearchRequest::default()
    });
    assert!(bad.unwrap_err().to_string().contains("YYYY-MM-DD"));
}

#[test]
fn facets_count_the_query_hits() {
    let index = indexed(&fixture());
    let r = index
        .search(&SearchRequest {
            query: "skolgårdar OR budget".into(),
            limit: 1,
            facets: true,
            ..SearchRequest::default()
        })
        .unwrap();
    let facets = r.facets.unwrap();
    let get = |name: &str, value: &str| {
        facets[name]
            .iter()
            .find(|(v, _)| v == value)
            .map(|(_, n)| *n)
    };
    assert_eq!(r.total, 3);
    assert_eq!(get("kind", "reservation"), Some(1));
    assert_eq!(get("kind", "motion"), Some(1));
    assert_eq!(get("party", "M"), Some(1));
    assert_eq!(get("year", "2018"), Some(2));
    assert_eq!(get("year", "2019"), Some(1));
    assert_eq!(get("body", "Uppsala kommunstyrelse"), Some(1));
}

#[test]
fn facets_count_local_parties_beside_the_common_ones() {
    let mut a = segment(
        Kind::Reservation,
        "Reservation",
        "Vi reserverar oss mot beslutet.",
    );
    a.parties = vec!["M".into(), "SPI".into()];
    let mut b = segment(Kind::Reservation, "Reservation", "Vi reserverar oss också.");
    b.parties = vec!["SPI".into()];
    let index = indexed(&[document(
        "eeee",
        "Sala kommunfullmäktige",
        "2016-02-01",
        vec![item("4", "Budget", vec![a, b])],
    )]);
    let r = index
        .search(&SearchRequest {
            query: "reserverar".into(),
            facets: true,
            ..SearchRequest::default()
        })
        .unwrap();
    let facets = r.facets.unwrap();
    assert_eq!(
        facets["party"],
        [("SPI".to_string(), 2), ("M".to_string(), 1)]
    );
    assert_eq!(facets["kind"], [("reservation".to_string(), 2)]);
    assert_eq!(facets["year"], [("2016".to_string(), 2)]);
}

#[test]
fn a_misspelt_word_falls_back_to_fuzzy_matching() {
    let index = indexed(&fixture());
    let exact = search(&index, "omröstning");
    assert!(!exact.fuzzy);
    let r = search(&index, "omröstnign");
    assert!(r.fuzzy);
    assert_eq!(r.hits[0].segment_id, "bbbb-0-1");
    assert!(search(&index, "xyzzyqwerty").hits.is_empty());
}

#[test]
fn bad_query_is_a_usage_error() {
    let index = indexed(&fixture());
    let err = index
        .search(&SearchRequest {
            query: "title:\"(unclosed".into(),
            limit: 1,
            ..SearchRequest::default()
        })
        .unwrap_err();
    assert!(err.to_string().contains("query"), "{err}");
}

#[test]
fn show_returns_the_document_as_indexed() {
    let docs = fixture();
    let index = indexed(&docs);
    assert_eq!(index.show("bbbb").unwrap().as_ref(), Some(&docs[1]));
    assert!(index.show("nope").unwrap().is_none());
}

#[test]
fn similar_finds_the_closest_segment_but_not_itself() {
    let mut docs = fixture();
    let mut twin = document(
        "dddd",
        "Farsta stadsdelsnämnd",
        "2020-01-01",
        vec![item(
            "3",
            "Bidrag",
            vec![segment(
                Kind::Matter,
                "Ärendet",
                "Nämnden fördelar verksamhetsbidrag till fria teatergrupper och dansgrupper i stadsdelen.",
            )],
        )],
    );
    twin.source = "test/twin.pdf".into();
    docs.push(twin);
    let index = indexed(&docs);
    let r = index.similar("bbbb-0-0", 5).unwrap();
    assert!(!ids(&r).contains(&"bbbb-0-0".to_string()));
    assert_eq!(r.hits[0].segment_id, "dddd-0-0");
    assert!(index.similar("no-such-0-0", 5).is_err());
}

#[test]
fn trace_lists_own_and_citing_documents_oldest_first() {
    let mut own = document(
        "own1",
        "Kommunstyrelsen",
        "2015-09-24",
        vec![item(
            "5",
            "Strategi mot extremism",
            vec![segment(Kind::Matter, "", "Remiss om strategi.")],
        )],
    );
    own.dnr = vec!["KS 155-943/2015".into()];
    own.items[0].dnr = Some("KS 155-943/2015".into());
    let mut citing_seg = segment(Kind::Matter, "Bakgrund", "Se kommunstyrelsens strategi.");
    citing_seg.dnr = vec!["155-943/2015".into()];
    let mut citing = document(
        "cite1",
        "Älvsjö stadsdelsnämnd",
        "2018-02-01",
        vec![item("9", "Handlingsplan", vec![citing_seg])],
    );
    citing.dnr = vec!["ÄLV 2018/12".into(), "155-943/2015".into()];
    // Only the text mentions it: a segmenter that missed the number still traces.
    let text_only = document(
        "text1",
        "Farsta stadsdelsnämnd",
        "2016-03-01",
        vec![item(
            "2",
            "Yttrande",
            vec![segment(
                Kind::Matter,
                "",
                "Remissen (dnr KS 155-943/2015) besvaras.",
            )],
        )],
    );
    let unrelated = document(
        "other",
        "Farsta stadsdelsnämnd",
        "2016-03-02",
        vec![item(
            "3",
            "Annat",
            vec![segment(
                Kind::Matter,
                "",
                "Dnr 155-944/2015 gäller något annat.",
            )],
        )],
    );
    let index = indexed(&[citing, unrelated, text_only, own]);
    for reference in ["KS 155-943/2015", "Dnr 155-943/2015", "dnr KS 155-943/2015"] {
        let trace = index.trace(reference).unwrap();
        let got = relations(&trace);
        assert_eq!(
            got,
            [
                ("own1", Relation::Own),
                ("text1", Relation::Cites),
                ("cite1", Relation::Cites)
            ],
            "{reference}"
        );
        assert_eq!(trace.documents[1].segments[0].segment_id, "text1-0-0");
        assert_eq!(
            trace.documents[2].segments[0].paragraph.as_deref(),
            Some("9")
        );
    }
    let json = serde_json::to_value(index.trace("KS 155-943/2015").unwrap()).unwrap();
    assert_eq!(json["ref"], "KS 155-943/2015");
    assert_eq!(json["documents"][0]["relation"], "own");
    assert_eq!(json["documents"][0]["date"], "2015-09-24");
    assert!(index.trace("hello").is_err());
}

#[test]
fn trace_matches_a_decision_reference_to_its_minutes_and_citations() {
    let minutes = document(
        "kf16",
        "Kommunfullmäktige",
        "2016-05-16",
        vec![
            item(
                "20",
                "Annat ärende",
                vec![segment(Kind::Decision, "Beslut", "Bifall.")],
            ),
            item(
                "21",
                "Strategi mot extremism",
                vec![segment(Kind::Decision, "Beslut", "Strategin antas.")],
            ),
        ],
    );
    let mut refseg = segment(Kind::Matter, "Ärendet", "Fullmäktige antog strategin.");
    refseg.decision_refs = vec![DecisionRef {
        body: "kommunfullmäktige".into(),
        date: Some("2016-05-16".into()),
        paragraph: Some("21".into()),
        text: "Kommunfullmäktige beslutade den 16 maj 2016, § 21".into(),
    }];
    let citing = document(
        "sdn17",
        "Älvsjö stadsdelsnämnd",
        "2017-01-10",
        vec![item("4", "Plan", vec![refseg])],
    );
    let in_text = document(
        "sdn18",
        "Farsta stadsdelsnämnd",
        "2018-01-10",
        vec![item(
            "7",
            "Plan",
            vec![segment(
                Kind::Matter,
                "",
                "Kommunfullmäktige beslutade den 16 maj 2016, § 21, om strategin.",
            )],
        )],
    );
    let index = indexed(&[in_text, citing, minutes]);
    let trace = index
        .trace("kommunfullmäktige … den 16 maj 2016, § 21")
        .unwrap();
    let got = relations(&trace);
    assert_eq!(
        got,
        [
            ("kf16", Relation::Own),
            ("sdn17", Relation::Cites),
            ("sdn18", Relation::Cites)
        ]
    );
    assert_eq!(trace.documents[0].segments.len(), 1);
    assert_eq!(
        trace.documents[0].segments[0].paragraph.as_deref(),
        Some("21")
    );
}

#[test]
fn put_replaces_a_source_and_remove_deletes_it() {
    let docs = fixture();
    let index = indexed(&docs);
    let mut writer = index.writer(50_000_000).unwrap();
    let mut changed = docs[1].clone();
    changed.items[0].segments.truncate(1);
    changed.items[0].segments[0].text = "Helt ny text om cirkus.".into();
    changed.items[0].segments[0].raw_text = "Helt ny text om cirkus.".into();
    writer.put(&changed, "hash-new").unwrap();
    writer.commit().unwrap();
    assert!(search(&index, "dansgrupper").hits.is_empty());
    assert_eq!(ids(&search(&index, "cirkus")), ["bbbb-0-0"]);
    assert_eq!(index.segment_count().unwrap(), 6);
    writer.remove(&docs[0].source);
    writer.commit().unwrap();
    assert_eq!(index.segment_count().unwrap(), 3);
    assert!(index.show("aaaa").unwrap().is_none());
}

#[test]
fn a_writer_dropped_without_commit_leaves_the_last_commit() {
    let dir = tempfile::tempdir().unwrap();
    let docs = fixture();
    {
        let index = Index::create_or_open(dir.path(), false).unwrap();
        let mut writer = index.writer(50_000_000).unwrap();
        writer.put(&docs[0], "h0").unwrap();
        writer.commit().unwrap();
        writer.put(&docs[1], "h1").unwrap();
        // Killed here: no commit.
    }
    let index = Index::open(dir.path()).unwrap();
    assert!(index.show("aaaa").unwrap().is_some());
    assert!(index.show("bbbb").unwrap().is_none());
    assert_eq!(index.segment_count().unwrap(), 3);
}

#[test]
fn a_second_writer_gets_a_lock_error() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create_or_open(dir.path(), false).unwrap();
    let _first = index.writer(50_000_000).unwrap();
    let err = index.writer(50_000_000).err().unwrap().to_string();
    assert!(err.contains("locked by another ingest"), "{err}");
    // An ingest while a writer is open says the same.
    let err = index::ingest(&opts(vec![], dir.path()))
        .unwrap_err()
        .to_string();
    assert!(err.contains("locked by another ingest"), "{err}");
}

#[test]
fn a_corrupt_index_names_the_rebuild_command() {
    let dir = tempfile::tempdir().unwrap();
    Index::create_or_open(dir.path(), false).unwrap();
    std::fs::write(dir.path().join("meta.json"), "{ not json").unwrap();
    let err = Index::open(dir.path()).err().unwrap().to_string();
    assert!(err.contains("diarium ingest --rebuild"), "{err}");
    // --rebuild starts over and leaves files it does not own alone.
    std::fs::write(dir.path().join("README.md"), "keep").unwrap();
    let mut o = opts(vec![], dir.path());
    o.rebuild = true;
    index::ingest(&o).unwrap();
    assert!(Index::open(dir.path()).is_ok());
    assert!(dir.path().join("README.md").exists());
    let missing = tempfile::tempdir().unwrap();
    let err = Index::open(missing.path()).err().unwrap().to_string();
    assert!(err.contains("run `diarium ingest` first"), "{err}");
}

// ---- real PDFs ----

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

fn opts(paths: Vec<PathBuf>, index: &Path) -> IngestOptions {
    IngestOptions {
        paths,
        index: index.to_path_buf(),
        prune: false,
        rebuild: false,
        password: None,
        progress: false,
    }
}

#[test]
fn ingest_is_incremental_skips_replaces_and_prunes() {
    let files = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let a = files.path().join("a.pdf");
    let b = files.path().join("b.pdf");
    std::fs::copy(corpus("sbn-malmo-2023-tjut.lo.pdf"), &a).unwrap();
    std::fs::copy(corpus("kn-goteborg-2012-protokollsutdrag.chrome.pdf"), &b).unwrap();
    let o = opts(vec![files.path().to_path_buf()], dir.path());
    let s = index::ingest(&o).unwrap();
    assert_eq!((s.files, s.indexed, s.unchanged), (2, 2, 0));
    assert!(s.pages >= 4 && s.segments >= 2, "{s:?}");
    let s = index::ingest(&o).unwrap();
    assert_eq!((s.indexed, s.unchanged), (0, 2));
    // b's bytes change: it alone is re-indexed, and its old content is gone.
    std::fs::copy(corpus("003-tjut-alvsjo-2015.lo.pdf"), &b).unwrap();
    let s = index::ingest(&o).unwrap();
    assert_eq!((s.indexed, s.unchanged), (1, 1));
    let index = Index::open(dir.path()).unwrap();
    let r = search(&index, "Poseidon");
    assert!(r.hits.is_empty(), "old content of b still indexed");
    assert!(!search(&index, "Kjellander").hits.is_empty());
    drop(index);
    std::fs::remove_file(&a).unwrap();
    let s = index::ingest(&o).unwrap();
    assert_eq!(s.removed, 0, "no --prune, nothing removed");
    let mut p = o.clone();
    p.prune = true;
    let s = index::ingest(&p).unwrap();
    assert_eq!((s.files, s.removed, s.unchanged), (1, 1, 1));
    let index = Index::open(dir.path()).unwrap();
    assert!(search(&index, "Kärnhuset").hits.is_empty());
}

#[test]
fn a_bad_file_is_a_failure_with_a_reason_and_the_rest_is_indexed() {
    let files = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        files.path().join("broken.pdf"),
        b"%PDF-1.4 this is not a pdf",
    )
    .unwrap();
    std::fs::copy(
        corpus("sbn-malmo-2023-tjut.lo.pdf"),
        files.path().join("good.pdf"),
    )
    .unwrap();
    let s = index::ingest(&opts(vec![files.path().to_path_buf()], dir.path())).unwrap();
    assert_eq!(s.indexed, 1);
    assert_eq!(s.failures.len(), 1);
    assert!(s.failures[0].path.ends_with("broken.pdf"));
    assert!(!s.failures[0].reason.is_empty());
    let log = std::fs::read_to_string(dir.path().join(index::ERRORS_LOG)).unwrap();
    assert!(
        log.starts_with(&format!("{}\t", s.failures[0].path.display())),
        "{log}"
    );
    assert_eq!(log.lines().count(), 1);
}

#[test]
fn the_corpus_is_searchable_and_traceable() {
    let dir = tempfile::tempdir().unwrap();
    let s = index::ingest(&opts(vec![corpus("")], dir.path())).unwrap();
    let pdfs = std::fs::read_dir(corpus(""))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count();
    assert_eq!(s.files, pdfs);
    assert_eq!(s.indexed, pdfs, "{:?}", s.failures);
    let index = Index::open(dir.path()).unwrap();

    let r = search(&index, "\"Kärnhuset 5\" Stapelbäddsgatan");
    assert!(
        r.hits[0].source.contains("sbn-malmo-2023-tjut"),
        "{:?}",
        r.hits[0].source
    );
    assert!(r.hits[0].snippet.contains("<b>"));
    // Without å/ä/ö.
    let r = search(&index, "Karnhuset");
    assert!(r.hits[0].source.contains("sbn-malmo-2023-tjut"));

    let trace = index.trace("KS 155-943/2015").unwrap();
    let sources: Vec<&str> = trace.documents.iter().map(|d| d.source.as_str()).collect();
    assert!(
        sources
            .iter()
            .any(|s| s.contains("003-tjut-alvsjo-2015.lo")),
        "{sources:?}"
    );
    assert!(
        !sources.iter().any(|s| s.contains("sbn-malmo")),
        "{sources:?}"
    );

    let trace = index
        .trace("Stadsbyggnadsnämnden den 24 maj 2022, § 118")
        .unwrap();
    assert!(trace
        .documents
        .iter()
        .any(|d| d.source.contains("sbn-malmo-2023-tjut")));

    let doc_id = &search(&index, "Kärnhuset").hits[0].doc_id;
    let shown = index.show(doc_id).unwrap().unwrap();
    assert!(shown.source.contains("sbn-malmo-2023-tjut"));
}
