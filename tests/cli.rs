//! The `ingest`, `search`, `trace`, `show` and `similar` commands as INTERFACE.md describes them.

use std::path::Path;
use std::process::{Command, Output};

fn diarium(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diarium"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn ingest_search_trace_show_similar() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().to_str().unwrap();
    let files = tempfile::tempdir().unwrap();
    for name in ["sbn-malmo-2023-tjut.lo.pdf", "003-tjut-alvsjo-2015.lo.pdf"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("corpus")
                .join(name),
            files.path().join(name),
        )
        .unwrap();
    }
    std::fs::write(files.path().join("broken.pdf"), b"not a pdf at all").unwrap();
    let out = diarium(&["ingest", files.path().to_str().unwrap(), "--index", index]);
    // One file failed: reported on stderr, exit status 2, the others indexed.
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.pdf"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 indexed"));

    let r = json(&diarium(&[
        "search",
        "Kärnhuset",
        "--index",
        index,
        "--json",
    ]));
    let hit = &r["hits"][0];
    for field in [
        "doc_id",
        "source",
        "title",
        "body",
        "date",
        "dnr",
        "paragraph",
        "kind",
        "parties",
        "persons",
        "page",
        "score",
        "snippet",
    ] {
        assert!(hit.get(field).is_some(), "hit lacks {field}: {hit}");
    }
    assert!(hit["source"]
        .as_str()
        .unwrap()
        .contains("sbn-malmo-2023-tjut"));
    assert!(r["total"].as_u64().unwrap() >= 1);

    let facets = json(&diarium(&[
        "search",
        "stadsdelsnämnd",
        "--index",
        index,
        "--json",
        "--facets",
    ]));
    assert!(facets["facets"]["kind"].as_array().is_some());

    let t = json(&diarium(&[
        "trace",
        "dnr KS 155-943/2015",
        "--index",
        index,
        "--json",
    ]));
    assert_eq!(t["ref"], "dnr KS 155-943/2015");
    let doc = &t["documents"][0];
    assert!(doc["source"]
        .as_str()
        .unwrap()
        .contains("003-tjut-alvsjo-2015"));
    assert!(["own", "cites"].contains(&doc["relation"].as_str().unwrap()));
    assert!(doc["segments"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("<b>"));

    let doc_id = hit["doc_id"].as_str().unwrap();
    let shown = json(&diarium(&["show", doc_id, "--index", index, "--json"]));
    assert_eq!(shown["doc_id"], doc_id);
    assert!(shown["items"].as_array().is_some());

    let out = diarium(&["show", "0000", "--index", index]);
    assert!(!out.status.success());

    let seg = hit["segment_id"].as_str().unwrap();
    let similar = json(&diarium(&["similar", seg, "--index", index, "--json"]));
    assert!(similar["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["segment_id"] != seg));

    let plain = diarium(&["search", "Kärnhuset", "--index", index]);
    assert!(String::from_utf8_lossy(&plain.stdout).contains("<b>"));
}

#[test]
fn errors_are_one_line_and_name_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = diarium(&["search", "x", "--index", dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("diarium ingest"), "{err}");
}
