//! Fonts: how a string splits into codes, each code's Unicode text and advance width.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::encoding::{self, BaseEncoding};

/// Per-stream decompression cap for font programs and CMaps.
const MAX_FONT_STREAM: usize = 16 << 20;

/// One decoded character code.
pub(crate) struct Code {
    /// The text it stands for; `None` when no mapping names it.
    pub text: Option<String>,
    /// Advance width in text space units (before font size).
    pub width: f32,
    /// Whether this is the single-byte code 32, to which word spacing applies.
    pub is_space_code: bool,
}

/// A font as the interpreter needs it.
pub(crate) struct Font {
    /// Composite (Type0) fonts take their code lengths from the encoding CMap.
    composite: bool,
    encoding_cmap: Option<CMap>,
    /// Type0 with a UCS-2/UTF-16 encoding CMap: codes are Unicode.
    ucs2_codes: bool,
    to_unicode: Option<CMap>,
    /// Simple fonts: code → text from /Differences and the base encoding.
    simple: Vec<Option<String>>,
    /// Simple fonts: code → width in glyph units.
    widths: Vec<Option<f32>>,
    /// CID fonts: CID → width in glyph units.
    cid_widths: HashMap<u32, f32>,
    default_width: f32,
    /// Glyph units → text space (0.001, or a Type 3 FontMatrix's x scale).
    scale: f32,
    /// Whether the font is bold by name or weight.
    pub bold: bool,
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().map(|o| deref(doc, o))
}

fn stream_bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    let s = deref(doc, o).as_stream().ok()?;
    s.decompressed_content_with_limit(MAX_FONT_STREAM)
        .ok()
        .or_else(|| (s.dict.get(b"Filter").is_err()).then(|| s.content.clone()))
}

fn name(doc: &Document, d: &Dictionary, key: &[u8]) -> Option<String> {
    match get(doc, d, key)? {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

impl Font {
    /// Builds a font from its dictionary. Never fails: missing parts fall back to defaults, and
    /// codes nothing maps are reported as unmapped at use.
    pub(crate) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name(doc, dict, b"Subtype").unwrap_or_default();
        let base_font = name(doc, dict, b"BaseFont").unwrap_or_default();
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o))
            .map(|b| CMap::parse(&b))
            .filter(CMap::has_unicode);
        let mut font = Font {
            composite: subtype == "Type0",
            encoding_cmap: None,
            ucs2_codes: false,
            to_unicode,
            simple: vec![None; 256],
            widths: vec![None; 256],
            cid_widths: HashMap::new(),
            default_width: 1000.0,
            scale: 0.001,
            bold: false,
        };
        let descriptor = if font.composite {
            font.load_composite(doc, dict);
            let descendant = get(doc, dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o).as_dict().ok());
            descendant.and_then(|d| get(doc, d, b"FontDescriptor"))
        } else {
            font.load_simple(doc, dict, &subtype, &base_font);
            get(doc, dict, b"FontDescriptor")
        };
        let descriptor = descriptor.and_then(|o| o.as_dict().ok());
        let weight = descriptor
            .and_then(|d| get(doc, d, b"FontWeight"))
            .and_then(num)
            .unwrap_or(400.0);
        let flags = descriptor
            .and_then(|d| get(doc, d, b"Flags"))
            .and_then(num)
            .unwrap_or(0.0) as u32;
        let lower = base_font.to_ascii_lowercase();
        font.bold = weight >= 600.0
            || flags & (1 << 18) != 0
            || ["bold", "black", "heavy", "semibold", "demi", "cmbx"]
                .iter()
                .any(|k| lower.contains(k));
        font
    }

    fn load_composite(&mut self, doc: &Document, dict: &Dictionary) {
        match dict.get(b"Encoding").ok().map(|o| deref(doc, o)) {
            Some(Object::Name(n)) => {
                let n = String::from_utf8_lossy(n);
                self.ucs2_codes = n.contains("UCS2") || n.contains("UTF16");
            }
            Some(Object::Stream(s)) => {
                if let Ok(b) = s.decompressed_content_with_limit(MAX_FONT_STREAM) {
                    self.encoding_cmap = Some(CMap::parse(&b));
                }
            }
            _ => {}
        }
        let Some(desc) = get(doc, dict, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok())
        else {
            return;
        };
        if let Some(dw) = get(doc, desc, b"DW").and_then(num) {
            self.default_width = dw;
        }
        let Some(w) = get(doc, desc, b"W").and_then(|o| o.as_array().ok()) else {
            return;
        };
        let mut i = 0;
        // Bound the total so a hostile /W range cannot allocate without limit.
        let mut budget = 1usize << 17;
        while i < w.len() && budget > 0 {
            let Some(first) = num(deref(doc, &w[i])) else {
                break;
            };
            let first = first.max(0.0) as u32;
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(list)) => {
                    for (k, o) in list.iter().enumerate().take(budget) {
                        if let Some(v) = num(deref(doc, o)) {
                            self.cid_widths.insert(first + k as u32, v);
                        }
                    }
                    budget = budget.saturating_sub(list.len());
                    i += 2;
                }
                Some(o) => {
                    let last = num(o).unwrap_or(0.0).max(0.0) as u32;
                    let v = w.get(i + 2).and_then(|o| num(deref(doc, o))).unwrap_or(0.0);
                    let n = (last.saturating_sub(first) as usize + 1).min(budget);
                    for k in 0..n {
                        self.cid_widths.insert(first + k as u32, v);
                    }
                    budget -= n;
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, subtype: &str, base_font: &str) {
        let standard = encoding::standard_font(base_font);
        let descriptor = get(doc, dict, b"FontDescriptor").and_then(|o| o.as_dict().ok());
        let symbolic = descriptor
            .and_then(|d| get(doc, d, b"Flags"))
            .and_then(num)
            .is_some_and(|f| (f as u32) & 4 != 0);
        // The built-in encoding when /Encoding names none.
        let mut base = match standard {
            Some("Symbol") => Some(BaseEncoding::Symbol),
            Some("ZapfDingbats") => None,
            _ if subtype == "TrueType" => Some(BaseEncoding::WinAnsi),
            _ if symbolic && standard.is_none() => None,
            _ => Some(BaseEncoding::Standard),
        };
        let mut differences: Vec<(u8, String)> = Vec::new();
        match dict.get(b"Encoding").ok().map(|o| deref(doc, o)) {
            Some(Object::Name(n)) => base = BaseEncoding::from_name(n).or(base),
            Some(Object::Dictionary(enc)) => {
                if let Some(Object::Name(n)) = get(doc, enc, b"BaseEncoding") {
                    base = BaseEncoding::from_name(n).or(base);
                }
                if let Some(Object::Array(diffs)) = get(doc, enc, b"Differences") {
                    let mut code: i64 = 0;
                    for o in diffs {
                        match deref(doc, o) {
                            Object::Integer(c) => code = *c,
                            Object::Name(n) => {
                                if (0..256).contains(&code) {
                                    differences.push((
                                        code as u8,
                                        String::from_utf8_lossy(n).into_owned(),
                                    ));
                                }
                                code += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {
                // An embedded Type 1 program may carry its own encoding vector.
                if let Some(prog) = descriptor
                    .and_then(|d| d.get(b"FontFile").ok())
                    .and_then(|o| stream_bytes(doc, o))
                {
                    differences = type1_encoding(&prog);
                    if !differences.is_empty() {
                        base = None;
                    }
                }
            }
        }
        for code in 0..=255u8 {
            self.simple[usize::from(code)] = base.and_then(|b| b.char(code)).map(String::from);
        }
        for (code, glyph) in differences {
            self.simple[usize::from(code)] = encoding::glyph_to_unicode(&glyph);
        }

        // Widths: /Widths, else the standard-14 metrics, else /MissingWidth.
        let missing = descriptor
            .and_then(|d| get(doc, d, b"MissingWidth"))
            .and_then(num);
        let first = get(doc, dict, b"FirstChar").and_then(num).unwrap_or(0.0) as i64;
        if let Some(Object::Array(ws)) = get(doc, dict, b"Widths") {
            for (k, o) in ws.iter().enumerate() {
                let code = first + k as i64;
                if (0..256).contains(&code) {
                    self.widths[code as usize] = num(deref(doc, o));
                }
            }
        } else if let Some(std) = standard {
            for code in 0..=255u8 {
                let c = self.simple[usize::from(code)]
                    .as_ref()
                    .and_then(|s| s.chars().next());
                self.widths[usize::from(code)] = encoding::standard_width(std, code, c);
            }
        }
        self.default_width = missing.unwrap_or(if standard.is_some() { 0.0 } else { 500.0 });
        if subtype == "Type3" {
            if let Some(Object::Array(m)) = get(doc, dict, b"FontMatrix") {
                if let Some(a) = m.first().and_then(|o| num(deref(doc, o))) {
                    self.scale = a;
                }
            }
            self.default_width = missing.unwrap_or(0.0);
        }
    }

    /// Splits `bytes` into codes and decodes each one.
    pub(crate) fn decode(&self, bytes: &[u8], mut each: impl FnMut(Code)) {
        let mut i = 0;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let (code, len) = if self.composite {
                match (&self.encoding_cmap, &self.to_unicode) {
                    (Some(c), _) if c.has_codespace() => c.next_code(rest, 2),
                    _ => CMap::default().next_code(rest, 2),
                }
            } else {
                (u32::from(rest[0]), 1)
            };
            i += len;
            each(self.code(code, len));
        }
    }

    fn code(&self, code: u32, len: usize) -> Code {
        let mapped = self.to_unicode.as_ref().and_then(|c| c.unicode(code));
        if self.composite {
            let text = mapped.or_else(|| {
                self.ucs2_codes
                    .then(|| char::from_u32(code).map(String::from))
                    .flatten()
            });
            let cid = self
                .encoding_cmap
                .as_ref()
                .and_then(|c| c.cid(code))
                .unwrap_or(code);
            let w = self
                .cid_widths
                .get(&cid)
                .copied()
                .unwrap_or(self.default_width);
            return Code {
                text,
                width: w * 0.001,
                is_space_code: false,
            };
        }
        let idx = (code & 0xFF) as usize;
        let text = mapped.or_else(|| self.simple[idx].clone());
        let w = self.widths[idx].unwrap_or(self.default_width);
        Code {
            text,
            width: w * self.scale,
            is_space_code: len == 1 && code == 32,
        }
    }
}

/// The `dup <code> /<name> put` entries of a Type 1 program's clear-text encoding vector.
fn type1_encoding(prog: &[u8]) -> Vec<(u8, String)> {
    let end = prog
        .windows(5)
        .position(|w| w == b"eexec")
        .unwrap_or(prog.len());
    let text = String::from_utf8_lossy(&prog[..end]);
    let Some(start) = text.find("/Encoding") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut words = text[start..].split_ascii_whitespace();
    while let Some(w) = words.next() {
        if w == "readonly" || w == "def" && !out.is_empty() {
            break;
        }
        if w != "dup" {
            continue;
        }
        let (Some(code), Some(glyph)) = (words.next(), words.next()) else {
            break;
        };
        if let (Ok(code), Some(glyph)) = (code.parse::<u8>(), glyph.strip_prefix('/')) {
            out.push((code, glyph.to_string()));
        }
    }
    out
}
