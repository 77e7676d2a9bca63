//! Glyphs → words → lines → blocks in reading order.
//!
//! Reading order starts from drawing order, which every common producer (LibreOffice,
//! Chromium, TeX) emits in logical order — column by column, table cell by table cell — and
//! which a geometric sort gets wrong for wrapped table cells. Geometry decides the rest: where
//! words break, which runs share a baseline, where a table row's cells begin and where blocks
//! end.

use unicode_normalization::UnicodeNormalization;

use super::interp::Glyph;

/// A laid-out line before clean-up, in top-down page coordinates.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawLine {
    /// Text; table cells are separated by a tab.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline, from the page top.
    pub y: f32,
    /// Dominant font size.
    pub size: f32,
    /// Whether most of its glyphs are bold.
    pub bold: bool,
    /// Whether a block starts with this line.
    pub block_start: bool,
    /// Table cells on the line (1 for plain text).
    cells: usize,
    /// Lowest baseline of the line's row (a table row's cells may wrap).
    bottom: f32,
}

/// A horizontal run of glyphs drawn one after another on one baseline.
#[derive(Debug, Clone, Default)]
struct Run {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    bold_chars: usize,
    chars: usize,
}

/// Maps a spacing or combining accent to its combining form.
fn combining(accent: &str) -> Option<char> {
    let mut it = accent.chars();
    let c = it.next()?;
    if it.next().is_some() {
        return None;
    }
    Some(match c {
        '\u{0300}'..='\u{036F}' => c,
        '¨' => '\u{0308}',
        '´' => '\u{0301}',
        '`' => '\u{0300}',
        'ˆ' | '^' => '\u{0302}',
        '˜' | '~' => '\u{0303}',
        '˚' => '\u{030A}',
        '¸' => '\u{0327}',
        'ˇ' => '\u{030C}',
        '˘' => '\u{0306}',
        '¯' => '\u{0304}',
        '˙' => '\u{0307}',
        '˝' => '\u{030B}',
        '˛' => '\u{0328}',
        _ => return None,
    })
}

/// Merges accents drawn as separate glyphs into their base letter (TeX's OT1 `\"a`) and drops
/// fake-bold overprints (the same glyph drawn again a hair away), marking the survivor bold.
pub(crate) fn merge_overprints(glyphs: &mut Vec<Glyph>) {
    let mut removed = vec![false; glyphs.len()];
    for i in 0..glyphs.len() {
        let g = &glyphs[i];
        let tol = g.size * 0.15;
        // Fake bold: the same text drawn within a few glyphs at nearly the same place.
        let dup = (i.saturating_sub(4)..i).rev().find(|&j| {
            !removed[j]
                && glyphs[j].text == g.text
                && (glyphs[j].x0 - g.x0).abs() < tol
                && (glyphs[j].y - g.y).abs() < tol
                && !g.text.trim().is_empty()
        });
        if let Some(j) = dup {
            removed[i] = true;
            glyphs[j].bold = true;
            continue;
        }
        let Some(mark) = combining(&g.text) else {
            continue;
        };
        let centre = (g.x0 + g.x1) / 2.0;
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(glyphs.len());
        let base = (lo..hi).find(|&j| {
            j != i
                && !removed[j]
                && combining(&glyphs[j].text).is_none()
                && glyphs[j].text.chars().count() == 1
                && glyphs[j].text.chars().all(char::is_alphabetic)
                && centre > glyphs[j].x0
                && centre < glyphs[j].x1
                && (glyphs[j].y - g.y).abs() < glyphs[j].size
        });
        if let Some(j) = base {
            let merged: String = glyphs[j].text.chars().chain([mark]).nfc().collect();
            glyphs[j].text = merged;
            removed[i] = true;
        }
    }
    let mut k = 0;
    glyphs.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

/// Glyph pairs a page needs before its baselines' tilt is trusted.
const TILT_EVIDENCE: usize = 50;
/// Tilt (rise per unit of run) below which a page is taken as level: born-digital text is
/// exactly level, and a tilt this small moves a line's end by under a point.
const LEVEL: f32 = 0.002;

/// Turns a tilted page's glyphs level. A scan's text layer follows the tilt of the scanned
/// image, so a table row's last cell sits higher or lower than its first by up to an em and a
/// column's edge drifts across lines; reading rows and cells needs them level.
fn deskew(glyphs: &mut [Glyph]) {
    // Neighbouring glyphs of one word or line rise with the page's tilt.
    let mut slopes: Vec<f32> = glyphs
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let dx = b.x0 - a.x0;
            let em = a.size;
            let level = (b.y - a.y).abs() < 0.2 * em && (a.size - b.size).abs() < 0.1 * em;
            (em > 0.0 && level && dx > 0.2 * em && dx < 2.0 * em).then(|| (b.y - a.y) / dx)
        })
        .collect();
    if slopes.len() < TILT_EVIDENCE {
        return;
    }
    let mid = slopes.len() / 2;
    let tilt = *slopes.select_nth_unstable_by(mid, f32::total_cmp).1;
    if tilt.abs() < LEVEL {
        return;
    }
    // A rotation back by the tilt's angle; cos is 1 to a few parts per million at scan tilts.
    for g in glyphs {
        let y = g.y;
        g.y = y - tilt * g.x0;
        g.x0 += tilt * y;
        g.x1 += tilt * y;
    }
}

/// Groups glyphs (page space, y up) into runs in drawing order, with word spaces inserted
/// from the gaps.
fn runs(glyphs: &[Glyph], page_top: f32, line_major: bool) -> Vec<Run> {
    // Drawn line by line, a wide gap may part two table cells; drawn in reading order, a run
    // goes on over a justified line's widest spaces.
    let max_gap = if line_major { CELL_GAP } else { 3.0 };
    let mut out: Vec<Run> = Vec::new();
    let mut last: Option<&Glyph> = None;
    for g in glyphs {
        let y = page_top - g.y;
        let size = if g.size > 0.0 { g.size } else { 1.0 };
        let is_space = g.text.chars().all(char::is_whitespace);
        let cont = last.filter(|p| {
            let em = p.size.max(size);
            (p.y - g.y).abs() < 0.6 * em && g.x0 > p.x1 - 0.5 * em && g.x0 - p.x1 <= max_gap * em
        });
        match (cont, out.last_mut()) {
            (Some(p), Some(run)) => {
                let gap = g.x0 - p.x1;
                // Word gap: a fraction of the em; the narrowest word space of common fonts is
                // about 0.2 em, letter spacing stays well under 0.12 em.
                if gap > 0.14 * size.min(p.size.max(1.0)) && !run.text.ends_with(' ') && !is_space {
                    run.text.push(' ');
                }
                if is_space {
                    if !run.text.ends_with(' ') {
                        run.text.push(' ');
                    }
                } else {
                    run.text.push_str(&g.text);
                    run.chars += 1;
                    run.bold_chars += usize::from(g.bold);
                    run.x1 = run.x1.max(g.x1);
                    // Superscripts and subscripts keep the run's baseline and size.
                }
            }
            _ => {
                if is_space {
                    continue;
                }
                out.push(Run {
                    text: g.text.clone(),
                    x0: g.x0,
                    x1: g.x1,
                    y,
                    size,
                    bold_chars: usize::from(g.bold),
                    chars: 1,
                });
            }
        }
        if !is_space {
            last = Some(g);
        }
    }
    for r in &mut out {
        r.text.truncate(r.text.trim_end().len());
    }
    out
}

/// A table row or a single line: cells of lines.
#[derive(Default)]
struct Row {
    cells: Vec<Vec<Run>>,
    top: f32,
    bottom: f32,
}

impl Row {
    fn new(r: Run) -> Row {
        Row {
            top: r.y,
            bottom: r.y,
            cells: vec![vec![r]],
        }
    }
}

/// Most lines a table cell may span before the run is taken for a new column instead.
const MAX_CELL_LINES: usize = 25;

/// The earlier row a run starts the next cell of: the run's baseline is at or just below that
/// row's top, and everything drawn since lies to its left.
fn cell_row(rows: &[Row], r: &Run) -> Option<usize> {
    let em = r.size;
    let mut right = f32::MIN;
    let mut lines = 0;
    for k in (0..rows.len()).rev() {
        let row = &rows[k];
        right = right.max(
            row.cells
                .iter()
                .flatten()
                .map(|c| c.x1)
                .fold(f32::MIN, f32::max),
        );
        lines += row.cells.last().map_or(0, Vec::len);
        if lines > MAX_CELL_LINES || r.x0 < right - 0.5 * em {
            return None;
        }
        if r.y >= row.top - 0.5 * em && r.y <= row.bottom + 0.5 * em {
            return Some(k);
        }
        if row.top < r.y - 0.5 * em {
            return None;
        }
    }
    None
}

/// Gap, in ems, from which two runs on one baseline are set apart by a tab stop or cell border.
const CELL_GAP: f32 = 1.5;
/// Farthest, in ems, a table cell's next line lies below its last: line spacing, not the gap
/// between rows.
const CELL_LINE: f32 = 2.6;
/// The same on a page drawn line by line across cells, where a line below may start the next
/// row: more than the line spacing, less than the padding between rows.
const LINE_MAJOR_CELL_LINE: f32 = 1.5;

/// Most cells a table row has; a line cut into more by wide gaps is spaced text, not a row.
const MAX_ROW_CELLS: usize = 24;
/// Most runs a table cell gathers; bounds the work per run on hostile pages.
const MAX_CELL_RUNS: usize = 200;

/// The cell of a table row `r` is the next line of: just below the cell's last line and
/// within its column. Drawn cell by cell, only the last cell goes on; drawn line by line
/// (`line_major`), any cell may.
fn continued_cell(row: &Row, r: &Run, line_major: bool) -> Option<usize> {
    let n = row.cells.len();
    if !(2..=MAX_ROW_CELLS).contains(&n) {
        return None;
    }
    let em = r.size;
    let left = |cell: &[Run]| cell.iter().map(|c| c.x0).fold(f32::MAX, f32::min);
    let first = if line_major { 0 } else { n - 1 };
    (first..n).find(|&j| {
        let cell = &row.cells[j];
        let end = match row.cells.get(j + 1) {
            Some(next) => left(next) - 0.5 * em,
            None => cell.iter().map(|c| c.x1).fold(f32::MIN, f32::max),
        };
        let reach = if j + 1 < n {
            LINE_MAJOR_CELL_LINE
        } else {
            CELL_LINE
        };
        let below = cell.last().map_or(0.0, |l| r.y - l.y);
        cell.len() < MAX_CELL_RUNS
            && r.x0 > left(cell) - 2.0 * em
            && r.x0 < end
            && below > 0.4 * em
            && below < reach * em
    })
}

/// Lays out a page's glyphs into lines in reading order. `line_major` says the page was drawn
/// line by line across table cells (an OCR layer) rather than cell by cell.
pub(crate) fn layout(mut glyphs: Vec<Glyph>, page_top: f32, line_major: bool) -> Vec<RawLine> {
    merge_overprints(&mut glyphs);
    deskew(&mut glyphs);
    let runs = runs(&glyphs, page_top, line_major);
    let mut rows: Vec<Row> = Vec::new();
    for r in runs {
        let Some(row) = rows.last_mut() else {
            rows.push(Row::new(r));
            continue;
        };
        let em = r.size;
        if let Some(j) = continued_cell(row, &r, line_major) {
            row.bottom = row.bottom.max(r.y);
            row.cells[j].push(r);
            continue;
        }
        let room = row.cells.len() < MAX_ROW_CELLS;
        let Some(cell) = row.cells.last_mut() else {
            continue;
        };
        let Some(prev) = cell.last_mut() else {
            continue;
        };
        let same_baseline = (r.y - prev.y).abs() < 0.4 * em;
        if same_baseline && r.x0 >= prev.x1 - 0.5 * em {
            let gap = r.x0 - prev.x1;
            if line_major && room && gap > CELL_GAP * em {
                // A line drawn across a table row: the wide gap is a cell border.
                row.cells.push(vec![r]);
                continue;
            }
            // The line goes on: a wide gap is a tab stop or a cell border.
            prev.text
                .push_str(if gap > CELL_GAP * em { "\t" } else { " " });
            prev.text.push_str(&r.text);
            prev.x1 = prev.x1.max(r.x1);
            prev.chars += r.chars;
            prev.bold_chars += r.bold_chars;
            continue;
        }
        // Back up to an earlier row's first baseline and on to the right: the next cell of a
        // table row. The rows since then were the lines of the current cell.
        if let Some(k) = cell_row(&rows, &r) {
            let mut tail: Vec<Run> = rows
                .drain(k + 1..)
                .flat_map(|row| row.cells.into_iter().flatten())
                .collect();
            let row = &mut rows[k];
            if let Some(cell) = row.cells.last_mut() {
                cell.append(&mut tail);
            }
            row.bottom = row.bottom.max(r.y);
            row.cells.push(vec![r]);
            continue;
        }
        rows.push(Row::new(r));
    }
    // Rows of several lines read "cell 1 line 1 … / cell 2 …" become one line per row.
    let mut lines: Vec<RawLine> = Vec::new();
    for row in rows {
        let all: Vec<&Run> = row.cells.iter().flatten().collect();
        let Some(first) = all.first() else {
            continue;
        };
        let text = row
            .cells
            .iter()
            .map(|cell| {
                cell.iter()
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\t");
        let chars: usize = all.iter().map(|r| r.chars).sum();
        let bold: usize = all.iter().map(|r| r.bold_chars).sum();
        lines.push(RawLine {
            text,
            x0: all.iter().map(|r| r.x0).fold(f32::MAX, f32::min),
            x1: all.iter().map(|r| r.x1).fold(f32::MIN, f32::max),
            y: first.y,
            size: first.size,
            bold: bold * 2 > chars,
            block_start: false,
            cells: row.cells.len(),
            bottom: row.bottom.max(first.y),
        });
    }
    if !drawn_in_reading_order(&lines) {
        lines = xy_cut(lines);
    }
    mark_blocks(&mut lines);
    lines
}

/// Marks where blocks start: a jump up, a wide gap, a shift sideways, a table row.
fn mark_blocks(lines: &mut [RawLine]) {
    let mut prev: Option<(f32, f32, f32)> = None;
    for l in lines {
        let size = l.size;
        l.block_start = match prev {
            None => true,
            Some((py, psize, px0)) => {
                let gap = l.y - py;
                gap < -0.5 * size
                    || gap > 1.75 * psize.max(size)
                    || (px0 - l.x0).abs() > 30.0 * size
                    || l.cells > 1
            }
        };
        prev = Some((l.bottom, size, l.x0));
    }
}

/// Whether the drawing order reads like text: down the page, moving up only into a column
/// further right. Producers that draw columns right to left, or lines in arbitrary order, fail.
fn drawn_in_reading_order(lines: &[RawLine]) -> bool {
    lines.windows(2).all(|w| {
        let (a, b) = (&w[0], &w[1]);
        let em = a.size.max(b.size);
        b.y >= a.y - 1.5 * em || b.x0 >= a.x1 - 2.0 * em
    })
}

/// Line extents for the cut, top-down.
fn top(l: &RawLine) -> f32 {
    l.y - l.size
}

fn bottom(l: &RawLine) -> f32 {
    l.bottom + 0.25 * l.size
}

/// The widest vertical strip no line crosses, at least an em wide: a column gutter.
fn gutter(lines: &[RawLine]) -> Option<(f32, f32)> {
    let em = lines.iter().map(|l| l.size).fold(0.0, f32::max).max(1.0);
    let mut spans: Vec<(f32, f32)> = lines.iter().map(|l| (l.x0, l.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best: Option<(f32, f32)> = None;
    let mut reach = spans.first()?.1;
    for &(x0, x1) in &spans[1..] {
        if x0 - reach >= em && best.is_none_or(|(a, b)| x0 - reach > b - a) {
            best = Some((reach, x0));
        }
        reach = reach.max(x1);
    }
    best
}

/// Recursive XY-cut: columns split at gutters, bands at horizontal gaps; bands that share a
/// gutter (paragraph breaks level across two columns) stay together so columns read whole.
fn xy_cut(mut lines: Vec<RawLine>) -> Vec<RawLine> {
    if lines.len() < 2 {
        return lines;
    }
    if let Some((left_edge, _)) = gutter(&lines) {
        let (left, right): (Vec<_>, Vec<_>) = lines.into_iter().partition(|l| l.x1 <= left_edge);
        let mut out = xy_cut(left);
        out.extend(xy_cut(right));
        return out;
    }
    lines.sort_by(|a, b| top(a).total_cmp(&top(b)).then(a.x0.total_cmp(&b.x0)));
    let mut bands: Vec<Vec<RawLine>> = Vec::new();
    let mut reach = f32::MIN;
    for l in lines {
        let (t, b) = (top(&l), bottom(&l));
        match bands.last_mut() {
            Some(band) if t < reach => band.push(l),
            _ => bands.push(vec![l]),
        }
        reach = reach.max(b);
    }
    let mut merged: Vec<Vec<RawLine>> = Vec::new();
    for band in bands {
        if let Some(last) = merged.last_mut() {
            let shared = match (gutter(last), gutter(&band)) {
                (Some((a0, a1)), Some((b0, b1))) => a0.max(b0) < a1.min(b1),
                _ => false,
            };
            if shared {
                last.extend(band);
                continue;
            }
        }
        merged.push(band);
    }
    if merged.len() == 1 {
        // No cut separates anything: read line by line.
        return merged.pop().unwrap_or_default();
    }
    merged.into_iter().flat_map(xy_cut).collect()
}
