//! Extraction outcomes on real corpus PDFs.

use std::path::Path;

use diarium::model::Page;
use diarium::pdf::{extract_path, Options, PdfError};

fn pages(name: &str) -> Vec<Page> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    extract_path(&path, &Options::default()).expect("corpus PDF extracts")
}

fn all_text(pages: &[Page]) -> String {
    pages.iter().map(Page::text).collect::<Vec<_>>().join("\n")
}

#[test]
fn libreoffice_sentence_on_page_one() {
    let p = pages("corpus/003-tjut-alvsjo-2015.lo.pdf");
    assert_eq!(p.len(), 3);
    assert_eq!(p[0].number, 1);
    let text = p[0].text().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(
            "Kommunstyrelsen har remitterat förslag till Strategi mot våldsbejakande extremism"
        ),
        "{text}"
    );
    assert_eq!(p[0].unmapped_glyphs, 0);
}

#[test]
fn pdflatex_accents_merge_with_their_letter() {
    let text = all_text(&pages("corpus/003-tjut-alvsjo-2015.tex.pdf"));
    assert!(text.contains("stadsdelsnämnd"), "{text}");
    assert!(!text.contains('¨'));
}

#[test]
fn chromium_running_lines_go_to_header_and_footer() {
    let p = pages("corpus/003-tjut-alvsjo-2015.chrome.pdf");
    for page in &p {
        assert!(
            !page.header.is_empty() && !page.footer.is_empty(),
            "page {}",
            page.number
        );
        let text = page.text();
        for running in page.header.iter().chain(&page.footer) {
            assert!(
                !text.contains(running.as_str()),
                "{running:?} left in the text"
            );
        }
    }
    assert!(
        p[1].footer.iter().any(|l| l.contains("2/3")),
        "{:?}",
        p[1].footer
    );
}

#[test]
fn two_columns_read_column_by_column() {
    let text = all_text(&pages("corpus/kf-stockholm-2011-utlatande.tex.pdf"));
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    // Sentences that wrap inside one column read on without the other column's words between.
    assert!(
        joined.contains("Programmet innebär att vi under fyra år rustar upp de gårdar"),
        "{joined}"
    );
    assert!(
        joined.contains("inom ramen för tilldelade investeringsmedel."),
        "{joined}"
    );
}

#[test]
fn table_cells_stay_apart() {
    let p = pages("corpus/004-handlingsplan-alvsjo-2018.lo.pdf");
    let rows: Vec<&str> = p
        .iter()
        .flat_map(|pg| pg.lines.iter().map(|l| l.text.as_str()))
        .filter(|t| t.contains('\t'))
        .collect();
    assert!(rows.len() > 10, "{rows:?}");
    assert!(rows.iter().any(|r| r.split('\t').count() >= 3), "{rows:?}");
}

#[test]
fn encrypted_file_needs_its_password() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sbn-malmo-aes256-foo.pdf");
    assert!(matches!(
        extract_path(&path, &Options::default()),
        Err(PdfError::PasswordRequired)
    ));
    let wrong = Options {
        password: Some("nope".into()),
    };
    assert!(matches!(
        extract_path(&path, &wrong),
        Err(PdfError::WrongPassword)
    ));
    let right = Options {
        password: Some("foo".into()),
    };
    let p = extract_path(&path, &right).expect("opens with its user password");
    assert!(all_text(&p).contains("Stadsbyggnadsnämnden"));
}

#[test]
fn garbage_is_a_clear_error_not_a_panic() {
    let err =
        diarium::pdf::extract_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog", &Options::default());
    assert!(err.is_err());
}
