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
fn scan_running_lines_go_to_header_and_footer_despite_ocr_layout() {
    // Tesseract joins the Chromium header's date and title into one line on page 2 only, and
    // the footer's URL with its page number, so the running lines differ from page to page.
    let p = pages("corpus/kn-goteborg-2012-protokollsutdrag.scan.pdf");
    let text = all_text(&p);
    assert!(!text.contains("file:///"), "{text}");
    assert!(!text.contains("10:00 AM"), "{text}");
    for page in &p {
        assert!(
            page.header.iter().any(|l| l.contains("10:00 AM")),
            "page {}: {:?}",
            page.number,
            page.header
        );
        assert!(
            page.footer.iter().any(|l| l.contains("file:///")),
            "page {}: {:?}",
            page.number,
            page.footer
        );
    }
    // Body lines stay, among them page 2's first line, which stands in the top margin.
    assert!(text.contains("Den som bifaller"), "{text}");
    assert!(
        p[1].text().contains("reserverade sig mot beslutet till"),
        "{}",
        p[1].text()
    );
}

#[test]
fn scan_table_rows_read_cell_by_cell_though_tilted_and_drawn_line_by_line() {
    let text = all_text(&pages("corpus/004-handlingsplan-alvsjo-2018.scan.pdf"));
    let row = |first: &str| -> Vec<String> {
        let line = text.lines().find(|l| l.starts_with(first));
        let line = line.unwrap_or_else(|| panic!("no row {first:?} in {text}"));
        line.split('\t').map(str::to_string).collect()
    };
    // The scanned page is tilted: the row's last cell stands an em higher than its first.
    let cells = row("Trygghetsgruppen");
    assert_eq!(cells.len(), 4, "{cells:?}");
    assert!(cells[0].ends_with("andra berérda."), "{cells:?}");
    assert_eq!(cells[3], "VB 2018");
    // Tesseract draws this table line by line across the cells; each cell's lines still
    // read together, and the next row starts a line of its own.
    let cells = row("Komet");
    assert!(cells[0].ends_with("som ar 3-11 ar"), "{cells:?}");
    assert_eq!(cells[1], "Preventions-samordnare");
    assert!(cells[2].ends_with("hésten. Lépande"), "{cells:?}");
    assert!(row("Alskade").len() >= 3);
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

fn open_with(path: &str, password: Option<&str>) -> Result<Vec<Page>, PdfError> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let opts = Options {
        password: password.map(str::to_string),
    };
    extract_path(&path, &opts)
}

/// pdfminer.six's encryption samples: RC4-40 (R2), RC4-128 (R3), AES-128 (R4, with and without
/// metadata encryption), AES-256 (R5) and AES-256 (R6), each with its user and owner password.
#[test]
fn every_security_handler_revision_opens_with_user_or_owner_password() {
    let cases = [
        ("rc4-40", "baz", "foo"),
        ("rc4-128", "baz", "foo"),
        ("aes-128", "baz", "foo"),
        ("aes-128-m", "baz", "foo"),
        ("aes-256", "baz", "foo"),
        ("aes-256-m", "baz", "foo"),
        ("aes-256-r6", "usersecret", "ownersecret"),
    ];
    for (name, user, owner) in cases {
        let path = format!("tests/data/pdfminer/{name}.pdf");
        for pw in [user, owner] {
            let pages = open_with(&path, Some(pw)).unwrap_or_else(|e| panic!("{name} {pw}: {e}"));
            let text = all_text(&pages);
            let expected = if name == "aes-256-r6" {
                "Hello World"
            } else {
                "Secret!"
            };
            assert_eq!(text.trim(), expected, "{name} with {pw}");
        }
        assert!(
            matches!(open_with(&path, None), Err(PdfError::PasswordRequired)),
            "{name} without a password"
        );
        assert!(
            matches!(
                open_with(&path, Some("wrong")),
                Err(PdfError::WrongPassword)
            ),
            "{name} with a wrong password"
        );
    }
}

#[test]
fn empty_user_password_opens_without_asking_even_without_an_id() {
    // RC4 R2 with an empty user password and no /ID in the trailer: the key derivation uses an
    // empty first ID element. Its pages are scanned images, which only a correctly decrypted
    // content stream shows.
    assert!(matches!(
        open_with("tests/data/pdfminer/encrypted_doc_no_id.pdf", None),
        Err(PdfError::NeedsOcr)
    ));
    let base = open_with("tests/data/pdfminer/base.pdf", None).expect("plain file opens");
    assert_eq!(all_text(&base).trim(), "Secret!");
}

#[test]
fn image_only_document_needs_ocr() {
    assert!(matches!(
        open_with("tests/data/sbn-malmo-page1-image.pdf", None),
        Err(PdfError::NeedsOcr)
    ));
}

#[test]
fn image_page_among_text_pages_is_flagged() {
    let pages = open_with("tests/data/sbn-malmo-mixed-image-page.pdf", None).expect("opens");
    let flags: Vec<bool> = pages.iter().map(|p| p.needs_ocr).collect();
    assert_eq!(flags, [false, true, false]);
    assert!(
        pages[0].text().contains("Stadsbyggnadsnämnden"),
        "{}",
        pages[0].text()
    );
    assert!(pages[1].text().is_empty());
}

#[test]
fn extract_command_warns_once_per_image_page() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sbn-malmo-mixed-image-page.pdf");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_diarium"))
        .args(["extract", "--raw"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].ends_with("sbn-malmo-mixed-image-page.pdf: page 2: no text layer (needs OCR)")
    );
}

#[test]
fn columns_drawn_right_to_left_read_left_column_first() {
    let pages = open_with("tests/data/raw-layout.pdf", None).expect("opens");
    let lines: Vec<&str> = pages[0].lines.iter().map(|l| l.text.as_str()).collect();
    let text: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
    assert_eq!(text[0], "Protokoll med två spalter");
    assert!(text[1].starts_with("Vänster spalt rad 1:"), "{lines:?}");
    assert!(text[10].starts_with("Vänster spalt rad 10:"), "{lines:?}");
    assert!(text[11].starts_with("Höger spalt rad 1:"), "{lines:?}");
    assert!(text[20].starts_with("Höger spalt rad 10:"), "{lines:?}");
}

#[test]
fn rotated_page_reads_upright() {
    let pages = open_with("tests/data/raw-layout.pdf", None).expect("opens");
    let lines: Vec<&str> = pages[1].lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(
            *l,
            format!("Vriden sida rad {}: protokollet justeras på måndag.", i + 1)
        );
    }
}

#[test]
fn streams_with_indirect_filters_decode() {
    let pages = open_with("tests/data/pdfminer/issue-1062-filters.pdf", None).expect("opens");
    // The letterhead recurs on both pages, a few points lower on page 2: a running header.
    for page in &pages {
        assert!(
            page.header
                .iter()
                .any(|l| l.contains("Kamer van Koophandel 's-Hertogenbosch")),
            "{:?}",
            page.header
        );
    }
    assert!(
        all_text(&pages).contains("Betalingsvoorwaarden 30 dagen netto"),
        "{}",
        all_text(&pages)
    );
}
