//! The content-stream interpreter: graphics and text state, producing positioned glyphs.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::Limits;

/// One drawn character (or an /ActualText replacement) in page space, y pointing up.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    /// Its text; U+FFFD when unmapped.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge (origin plus advance).
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size on the page.
    pub size: f32,
    /// Whether the font is bold.
    pub bold: bool,
    /// No mapping named it.
    pub unmapped: bool,
}

/// What one page draws.
#[derive(Debug, Default)]
pub(crate) struct PageContent {
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Whether any image was drawn.
    pub images: bool,
    /// Glyphs drawn invisible (text render mode 3 or 7): an OCR text layer laid over a scan.
    pub invisible: usize,
    /// Whether a limit cut the page short.
    pub truncated: bool,
}

/// A PDF transformation matrix `[a b c d e f]`.
pub(crate) type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) if r.is_finite() => *r,
        _ => 0.0,
    }
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
    /// Text render mode 3 or 7: the glyphs paint nothing.
    invisible: bool,
}

/// Fonts already loaded, by object id, shared across the pages of a document.
pub(crate) type FontCache = HashMap<ObjectId, Rc<Font>>;

/// Interprets one page.
pub(crate) struct Interpreter<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    limits: &'a Limits,
    out: PageContent,
    ops: usize,
    bytes: usize,
    /// Marked-content stack: for each open BMC/BDC, the glyph index where an /ActualText
    /// span began and its text.
    marked: Vec<Option<(usize, String)>>,
    /// Form XObjects on the current Do chain, for the cycle guard.
    forms: Vec<ObjectId>,
}

impl<'a> Interpreter<'a> {
    /// A new interpreter over `doc` sharing the document's font cache.
    pub(crate) fn new(doc: &'a Document, fonts: &'a mut FontCache, limits: &'a Limits) -> Self {
        Interpreter {
            doc,
            fonts,
            limits,
            out: PageContent::default(),
            ops: 0,
            bytes: 0,
            marked: Vec::new(),
            forms: Vec::new(),
        }
    }

    /// Runs the page's content streams with its resources.
    /// Runs a page's content; `base` maps user space to the upright page (its `/Rotate`).
    pub(crate) fn run_page(mut self, page: ObjectId, base: Matrix) -> PageContent {
        let resources = page_resources(self.doc, page);
        let content = match self
            .doc
            .get_page_content_with_limit(page, self.limits.max_stream_bytes)
        {
            Ok(c) => c,
            Err(_) => {
                self.out.truncated = true;
                return self.out;
            }
        };
        self.bytes += content.len();
        let state = GState {
            ctm: base,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
            invisible: false,
        };
        self.run(&content, &resources, state);
        while !self.marked.is_empty() {
            self.end_marked();
        }
        self.out
    }

    fn run(&mut self, content: &[u8], resources: &[&'a Dictionary], mut gs: GState) {
        let ops = match Content::decode(content) {
            Ok(c) => c.operations,
            Err(_) => return,
        };
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in &ops {
            self.ops += 1;
            if self.ops > self.limits.max_operators {
                self.out.truncated = true;
                return;
            }
            let a = &op.operands;
            let n = |i: usize| a.get(i).map(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < self.limits.max_nesting => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" if a.len() == 6 => {
                    gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm);
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    gs.size = n(1);
                    gs.font = a
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                }
                "Tc" => gs.char_spacing = n(0),
                "Tw" => gs.word_spacing = n(0),
                "Tz" => gs.hscale = n(0) / 100.0,
                "TL" => gs.leading = n(0),
                "Ts" => gs.rise = n(0),
                "Tr" => gs.invisible = matches!(n(0) as i32, 3 | 7),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.leading = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if a.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = a.first() {
                        self.show(s.as_slice(), &gs, &mut tm);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.word_spacing = n(0);
                        gs.char_spacing = n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = a.last() {
                        self.show(s.as_slice(), &gs, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = a.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(s.as_slice(), &gs, &mut tm),
                                o => {
                                    let tx = -num(o) / 1000.0 * gs.size * gs.hscale;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "BMC" => self.marked.push(None),
                "BDC" => self.begin_marked(op, resources),
                "EMC" => self.end_marked(),
                "Do" => {
                    if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                        self.draw_xobject(resources, name, &gs);
                    }
                }
                "BI" | "ID" | "EI" => self.out.images = true,
                _ => {}
            }
        }
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<Rc<Font>> {
        for res in resources {
            let Some(fonts) = dict_entry(self.doc, res, b"Font") else {
                continue;
            };
            let Ok(entry) = fonts.get(name) else {
                continue;
            };
            let id = entry.as_reference().ok();
            if let Some(f) = id.and_then(|id| self.fonts.get(&id)) {
                return Some(f.clone());
            }
            let dict = self.doc.dereference(entry).ok()?.1.as_dict().ok()?;
            let font = Rc::new(Font::load(self.doc, dict));
            if let Some(id) = id {
                self.fonts.insert(id, font.clone());
            }
            return Some(font);
        }
        None
    }

    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        font.decode(bytes, |code| {
            if self.out.glyphs.len() >= self.limits.max_glyphs {
                self.out.truncated = true;
                return;
            }
            let trm = mul(
                &mul(&[gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise], tm),
                &gs.ctm,
            );
            let full = mul(tm, &gs.ctm);
            let size = gs.size * (full[2] * full[2] + full[3] * full[3]).sqrt();
            let (x, y) = (trm[4], trm[5]);
            let advance = code.width * gs.size * gs.hscale;
            let (ex, ey) = apply(&mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm), 0.0, 0.0);
            let (x_end, _) = apply(&gs.ctm, ex, ey);
            let unmapped = code.text.is_none();
            let text = code.text.unwrap_or_else(|| "\u{FFFD}".to_string());
            if !text.chars().all(char::is_whitespace) || size > 0.0 {
                self.out.invisible += usize::from(gs.invisible);
                self.out.glyphs.push(Glyph {
                    text,
                    x0: x.min(x_end),
                    x1: x.max(x_end),
                    y,
                    size: size.abs(),
                    bold: font.bold,
                    unmapped,
                });
            }
            let mut tx = code.width * gs.size + gs.char_spacing;
            if code.is_space_code {
                tx += gs.word_spacing;
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx * gs.hscale, 0.0], tm);
        });
    }

    fn begin_marked(&mut self, op: &Operation, resources: &[&'a Dictionary]) {
        let props = match op.operands.get(1) {
            Some(Object::Dictionary(d)) => Some(d),
            Some(Object::Name(n)) => resources
                .iter()
                .find_map(|r| dict_entry(self.doc, r, b"Properties"))
                .and_then(|p| p.get(n).ok())
                .and_then(|o| self.doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok()),
            _ => None,
        };
        let actual = props
            .and_then(|d| d.get(b"ActualText").ok())
            .and_then(|o| o.as_str().ok())
            .map(|s| {
                lopdf::decode_text_string(&Object::String(s.to_vec(), lopdf::StringFormat::Literal))
            })
            .and_then(Result::ok);
        if self.marked.len() < self.limits.max_nesting {
            self.marked.push(actual.map(|t| (self.out.glyphs.len(), t)));
        }
    }

    /// Closes a marked-content span; an /ActualText span's glyphs become one glyph carrying
    /// the replacement text over their extent.
    fn end_marked(&mut self) {
        let Some(Some((start, text))) = self.marked.pop() else {
            return;
        };
        if start >= self.out.glyphs.len() {
            return;
        }
        let covered: Vec<Glyph> = self.out.glyphs.drain(start..).collect();
        let first = &covered[0];
        let mut g = Glyph {
            text,
            x0: first.x0,
            x1: first.x1,
            y: first.y,
            size: first.size,
            bold: first.bold,
            unmapped: false,
        };
        for c in &covered {
            g.x0 = g.x0.min(c.x0);
            g.x1 = g.x1.max(c.x1);
        }
        if !g.text.is_empty() {
            self.out.glyphs.push(g);
        }
    }

    fn draw_xobject(&mut self, resources: &[&'a Dictionary], name: &[u8], gs: &GState) {
        let Some(entry) = resources
            .iter()
            .filter_map(|r| dict_entry(self.doc, r, b"XObject"))
            .find_map(|x| x.get(name).ok())
        else {
            return;
        };
        let id = entry.as_reference().ok();
        let Ok((_, obj)) = self.doc.dereference(entry) else {
            return;
        };
        let Ok(stream) = obj.as_stream() else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(|o| o.as_name()) {
            Ok(b"Image") => self.out.images = true,
            Ok(b"Form") => {
                if self.forms.len() >= self.limits.max_nesting
                    || id.is_some_and(|id| self.forms.contains(&id))
                {
                    return;
                }
                let budget = self.limits.max_stream_bytes.saturating_sub(self.bytes);
                let Ok(data) = stream.decompressed_content_with_limit(budget).or_else(|_| {
                    match stream.dict.get(b"Filter") {
                        Err(_) if stream.content.len() <= budget => Ok(stream.content.clone()),
                        _ => Err(()),
                    }
                }) else {
                    self.out.truncated = true;
                    return;
                };
                self.bytes += data.len();
                let mut inner = gs.clone();
                if let Ok(Object::Array(m)) = stream.dict.get(b"Matrix") {
                    if m.len() == 6 {
                        let m: Vec<f32> = m.iter().map(num).collect();
                        inner.ctm = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
                    }
                }
                let mut res: Vec<&'a Dictionary> = Vec::new();
                let form_dict: &'a Dictionary = match self.doc.dereference(entry) {
                    Ok((_, Object::Stream(s))) => &s.dict,
                    _ => return,
                };
                if let Some(r) = dict_entry(self.doc, form_dict, b"Resources") {
                    res.push(r);
                }
                res.extend_from_slice(resources);
                self.forms.push(id.unwrap_or((0, 0)));
                let depth = self.marked.len();
                self.run(&data, &res, inner);
                while self.marked.len() > depth {
                    self.end_marked();
                }
                self.forms.pop();
            }
            _ => {}
        }
    }
}

fn dict_entry<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    let o = d.get(key).ok()?;
    doc.dereference(o).ok()?.1.as_dict().ok()
}

/// A page's resource dictionaries, nearest first (inherited ones after).
fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((direct, ids)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    let mut out: Vec<&Dictionary> = direct.into_iter().collect();
    out.extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    out
}
