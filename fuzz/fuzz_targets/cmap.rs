//! Arbitrary bytes as the ToUnicode CMap of a Type0 font in an otherwise valid one-page PDF,
//! so the fuzzer spends its time in the CMap parser rather than in the file structure.
//! (There is no public CMap parser to call directly; this reaches it through `extract_bytes`.)
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Builds a one-page PDF whose font maps glyphs to Unicode through `cmap`, with a correct
/// cross-reference table so lopdf's loader accepts it without repair.
fn pdf_with_tounicode(cmap: &[u8]) -> Vec<u8> {
    let content: &[u8] = b"BT /F1 12 Tf 72 700 Td <00010002004100FF> Tj [<0003> -250 <FFFF>] TJ ET";
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>".to_vec(),
        stream(cmap),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>".to_vec(),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter_mut().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.append(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for off in &offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

fuzz_target!(|data: &[u8]| {
    let pdf = pdf_with_tounicode(data);
    let _ = diarium::pdf::extract_bytes(&pdf, &diarium::pdf::Options::default());
});
