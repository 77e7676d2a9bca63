//! Simple-font encodings: the built-in base encodings and glyph names → Unicode.

use super::tables;

/// A simple font's base encoding (before `/Differences`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BaseEncoding {
    /// Adobe StandardEncoding, the default of non-symbolic Type 1 fonts.
    Standard,
    /// WinAnsiEncoding (code page 1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
    /// The Symbol font's built-in encoding.
    Symbol,
}

impl BaseEncoding {
    /// The encoding named by an `/Encoding` or `/BaseEncoding` value.
    pub(crate) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            _ => None,
        }
    }

    /// The character a code stands for, if the encoding defines it.
    pub(crate) fn char(self, code: u8) -> Option<char> {
        let table = match self {
            BaseEncoding::Standard => &tables::STANDARD,
            BaseEncoding::WinAnsi => &tables::WIN_ANSI,
            BaseEncoding::MacRoman => &tables::MAC_ROMAN,
            BaseEncoding::Symbol => &tables::SYMBOL,
        };
        let c = table[usize::from(code)];
        (c != '\0').then_some(c)
    }
}

/// Unicode for a glyph name: the Adobe Glyph List, then the `uniXXXX…`/`uXXXX[XX]` forms, with
/// suffixes (`a.sc`) dropped and ligature names (`f_f_i`) split, following the AGL specification.
pub(crate) fn glyph_to_unicode(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(component).collect();
        return parts;
    }
    component(base)
}

fn component(name: &str) -> Option<String> {
    if let Ok(i) = tables::AGL.binary_search_by(|(n, _)| n.cmp(&name)) {
        return Some(tables::AGL[i].1.to_string());
    }
    if let Some(hex) = name.strip_prefix("uni") {
        // uniXXXX may name several characters: uni00410042.
        if hex.len() >= 4 && hex.len() % 4 == 0 {
            let mut out = String::new();
            for chunk in hex.as_bytes().chunks(4) {
                out.push(scalar(std::str::from_utf8(chunk).ok()?)?);
            }
            return Some(out);
        }
        return None;
    }
    if let Some(hex) = name.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) {
            return scalar(hex).map(String::from);
        }
    }
    None
}

fn scalar(hex: &str) -> Option<char> {
    if !hex
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
    {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    // Surrogates are not characters.
    char::from_u32(v)
}

/// Width (1/1000 em) of `c` in one of the standard-14 fonts, by its base name.
pub(crate) fn standard_width(font: &str, code: u8, c: Option<char>) -> Option<f32> {
    if let Some((_, rows)) = tables::SYMBOLIC_WIDTHS.iter().find(|(n, _)| *n == font) {
        return rows
            .binary_search_by(|(k, _)| k.cmp(&code))
            .ok()
            .map(|i| f32::from(rows[i].1));
    }
    let (_, rows) = tables::LATIN_WIDTHS.iter().find(|(n, _)| *n == font)?;
    let c = c?;
    rows.binary_search_by(|(k, _)| k.cmp(&c))
        .ok()
        .map(|i| f32::from(rows[i].1))
}

/// The standard-14 font a `/BaseFont` name stands for (also the common TrueType aliases),
/// or `None` for an ordinary embedded or unknown font.
pub(crate) fn standard_font(base_font: &str) -> Option<&'static str> {
    // Drop a subset tag "ABCDEF+".
    let name = match base_font.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 => rest,
        _ => base_font,
    };
    let lower = name.to_ascii_lowercase().replace([' ', '-', ','], "");
    let bold = lower.contains("bold");
    let italic = lower.contains("italic") || lower.contains("oblique");
    let family = if lower.starts_with("courier") {
        "Courier"
    } else if lower.starts_with("helvetica") || lower.starts_with("arial") {
        "Helvetica"
    } else if lower.starts_with("times") {
        "Times"
    } else if lower.starts_with("symbol") {
        return Some("Symbol");
    } else if lower.starts_with("zapfdingbats") {
        return Some("ZapfDingbats");
    } else {
        return None;
    };
    Some(match (family, bold, italic) {
        ("Times", false, false) => "Times-Roman",
        ("Times", true, false) => "Times-Bold",
        ("Times", false, true) => "Times-Italic",
        ("Times", true, true) => "Times-BoldItalic",
        ("Helvetica", false, false) => "Helvetica",
        ("Helvetica", true, false) => "Helvetica-Bold",
        ("Helvetica", false, true) => "Helvetica-Oblique",
        ("Helvetica", true, true) => "Helvetica-BoldOblique",
        ("Courier", false, false) => "Courier",
        ("Courier", true, false) => "Courier-Bold",
        ("Courier", false, true) => "Courier-Oblique",
        _ => "Courier-BoldOblique",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_to_unicode("adieresis").as_deref(), Some("ä"));
        assert_eq!(glyph_to_unicode("uni00F6").as_deref(), Some("ö"));
        assert_eq!(glyph_to_unicode("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_to_unicode("f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_to_unicode("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_to_unicode("g123"), None);
        assert_eq!(BaseEncoding::WinAnsi.char(0xE5), Some('å'));
        assert_eq!(BaseEncoding::Standard.char(0xAE), Some('ﬁ'));
    }

    #[test]
    fn standard_widths() {
        assert_eq!(standard_font("Arial,Bold"), Some("Helvetica-Bold"));
        assert_eq!(standard_width("Helvetica", b'a', Some('a')), Some(556.0));
        assert_eq!(standard_width("Courier", b'x', Some('x')), Some(600.0));
    }
}
