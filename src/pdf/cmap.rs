//! CMaps: `/ToUnicode` (code → text) and embedded encoding CMaps (code → CID), with the
//! codespace ranges that split a string into codes of one to four bytes.

use std::collections::HashMap;

/// Cap on individually stored mappings, so a hostile `bfrange` cannot allocate without bound;
/// larger ranges are kept as ranges.
const MAX_EXPANDED: usize = 1 << 16;

/// A parsed CMap.
#[derive(Debug, Default, Clone)]
pub(crate) struct CMap {
    /// Codespace ranges as (low, high) byte strings of equal length.
    codespace: Vec<(Vec<u8>, Vec<u8>)>,
    /// bfchar and small bfrange entries.
    unicode: HashMap<u32, String>,
    /// bfrange entries too large to expand: (first code, last code, first target).
    unicode_ranges: Vec<(u32, u32, Vec<u16>)>,
    /// cidchar/cidrange entries: (first code, last code, first CID).
    cids: Vec<(u32, u32, u32)>,
}

enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Open,
    Close,
    Word(Vec<u8>),
}

fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .filter_map(|c| (*c as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'(' => {
                let (bytes, next) = literal(data, i + 1);
                out.push(Token::Hex(bytes));
                i = next;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    continue;
                }
                let word = &data[start..i];
                match std::str::from_utf8(word).ok().and_then(|s| s.parse().ok()) {
                    Some(n) => out.push(Token::Int(n)),
                    None => out.push(Token::Word(word.to_vec())),
                }
            }
        }
    }
    out
}

/// A PostScript literal string starting after its `(`; returns its bytes and the index after `)`.
fn literal(data: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 1;
    while i < data.len() {
        let b = data[i];
        i += 1;
        match b {
            b'\\' if i < data.len() => {
                let e = data[i];
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(v as u8);
                    }
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    (out, i)
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

fn utf16_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

impl CMap {
    /// Parses CMap source text. Unknown operators are skipped; a truncated CMap keeps what parsed.
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let tokens = tokenize(data);
        let mut cmap = CMap::default();
        let mut i = 0;
        let hex = |t: Option<&Token>| match t {
            Some(Token::Hex(h)) => Some(h.clone()),
            _ => None,
        };
        while i < tokens.len() {
            let Token::Word(w) = &tokens[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match w.as_slice() {
                b"begincodespacerange" => {
                    while let (Some(lo), Some(hi)) = (hex(tokens.get(i)), hex(tokens.get(i + 1))) {
                        if lo.len() == hi.len() && !lo.is_empty() && lo.len() <= 4 {
                            cmap.codespace.push((lo, hi));
                        }
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(src), Some(dst)) = (hex(tokens.get(i)), tokens.get(i + 1)) {
                        match dst {
                            Token::Hex(d) => {
                                cmap.insert(code_of(&src), utf16_string(&utf16(d)));
                            }
                            // A glyph name as destination (allowed by the spec, rare).
                            Token::Word(name) => {
                                let name = String::from_utf8_lossy(name);
                                let name = name.trim_start_matches('/');
                                if let Some(s) = super::encoding::glyph_to_unicode(name) {
                                    cmap.insert(code_of(&src), s);
                                }
                            }
                            _ => break,
                        }
                        i += 2;
                    }
                }
                b"beginbfrange" => {
                    while let (Some(lo), Some(hi)) = (hex(tokens.get(i)), hex(tokens.get(i + 1))) {
                        let (lo, hi) = (code_of(&lo), code_of(&hi));
                        i += 2;
                        match tokens.get(i) {
                            Some(Token::Hex(d)) => {
                                cmap.add_range(lo, hi, utf16(d));
                                i += 1;
                            }
                            Some(Token::Open) => {
                                i += 1;
                                let mut code = lo;
                                while let Some(Token::Hex(d)) = tokens.get(i) {
                                    if code <= hi {
                                        cmap.insert(code, utf16_string(&utf16(d)));
                                    }
                                    code = code.saturating_add(1);
                                    i += 1;
                                }
                                if matches!(tokens.get(i), Some(Token::Close)) {
                                    i += 1;
                                }
                            }
                            _ => break,
                        }
                    }
                }
                b"begincidchar" => {
                    while let (Some(src), Some(Token::Int(cid))) =
                        (hex(tokens.get(i)), tokens.get(i + 1))
                    {
                        let code = code_of(&src);
                        cmap.cids.push((code, code, (*cid).max(0) as u32));
                        i += 2;
                    }
                }
                b"begincidrange" => {
                    while let (Some(lo), Some(hi), Some(Token::Int(cid))) = (
                        hex(tokens.get(i)),
                        hex(tokens.get(i + 1)),
                        tokens.get(i + 2),
                    ) {
                        cmap.cids
                            .push((code_of(&lo), code_of(&hi), (*cid).max(0) as u32));
                        i += 3;
                    }
                }
                _ => {}
            }
        }
        cmap
    }

    fn insert(&mut self, code: u32, text: String) {
        if self.unicode.len() < MAX_EXPANDED {
            self.unicode.insert(code, text);
        } else {
            self.unicode_ranges
                .push((code, code, text.encode_utf16().collect()));
        }
    }

    fn add_range(&mut self, lo: u32, hi: u32, first: Vec<u16>) {
        if hi < lo || first.is_empty() {
            return;
        }
        let n = (hi - lo) as usize + 1;
        if self.unicode.len() + n <= MAX_EXPANDED {
            for k in 0..=(hi - lo) {
                self.unicode
                    .insert(lo + k, utf16_string(&offset(&first, k)));
            }
        } else {
            self.unicode_ranges.push((lo, hi, first));
        }
    }

    /// Whether the CMap maps any code to text.
    pub(crate) fn has_unicode(&self) -> bool {
        !self.unicode.is_empty() || !self.unicode_ranges.is_empty()
    }

    /// The text of a code, if the CMap maps it.
    pub(crate) fn unicode(&self, code: u32) -> Option<String> {
        if let Some(s) = self.unicode.get(&code) {
            return Some(s.clone());
        }
        self.unicode_ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .map(|(lo, _, first)| utf16_string(&offset(first, code - lo)))
    }

    /// The CID of a code under cidchar/cidrange mappings.
    pub(crate) fn cid(&self, code: u32) -> Option<u32> {
        self.cids
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .map(|(lo, _, cid)| cid + (code - lo))
    }

    /// Whether codespace ranges are defined.
    pub(crate) fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// Splits the next code off `bytes` by the codespace ranges: returns (code, length). Bytes
    /// matching no range take the shortest range's length, as viewers do.
    pub(crate) fn next_code(&self, bytes: &[u8], default_len: usize) -> (u32, usize) {
        for (lo, hi) in &self.codespace {
            let n = lo.len();
            if bytes.len() >= n && (0..n).all(|k| lo[k] <= bytes[k] && bytes[k] <= hi[k]) {
                return (code_of(&bytes[..n]), n);
            }
        }
        let n = self
            .codespace
            .iter()
            .map(|(lo, _)| lo.len())
            .min()
            .unwrap_or(default_len)
            .clamp(1, bytes.len().max(1));
        let n = n.min(bytes.len());
        (code_of(&bytes[..n]), n.max(1))
    }
}

/// `first` with its last UTF-16 unit advanced by `k`, as bfrange destinations increment.
fn offset(first: &[u16], k: u32) -> Vec<u16> {
    let mut v = first.to_vec();
    if let Some(last) = v.last_mut() {
        *last = last.wrapping_add(k as u16);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tounicode() {
        let src = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<00E4> <00F6>] endbfrange
endcmap";
        let c = CMap::parse(src);
        assert_eq!(c.unicode(3).as_deref(), Some(" "));
        assert_eq!(c.unicode(0x11).as_deref(), Some("fi"));
        assert_eq!(c.unicode(0x22).as_deref(), Some("C"));
        assert_eq!(c.unicode(0x31).as_deref(), Some("ö"));
        assert_eq!(c.next_code(&[0, 3, 0, 4], 1), (3, 2));
    }
}
