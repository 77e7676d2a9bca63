#!/usr/bin/env python3
"""Write test PDFs whose drawing order or page rotation differs from reading order.

    raw_layout.py OUT.pdf

Page 1: two columns of numbered sentences whose content stream draws the right column first
(bottom line to top line), then the left column, then the full-width title at the top.
Page 2: a /Rotate 90 page whose text is drawn turned so that it reads upright on screen.
Helvetica with WinAnsiEncoding; the text is written here, not taken from the corpus.
"""
import sys

from pdfwrite import write_pdf

LEFT = [f"Vänster spalt rad {i}: nämnden beslutar enligt förslaget." for i in range(1, 11)]
RIGHT = [f"Höger spalt rad {i}: ärendet återremitteras till förvaltningen." for i in range(1, 11)]
TURNED = [f"Vriden sida rad {i}: protokollet justeras på måndag." for i in range(1, 6)]


def lit(text: str) -> str:
    raw = text.encode("cp1252")
    out = "".join(chr(b) if 32 <= b < 127 and chr(b) not in "()\\" else f"\\{b:03o}" for b in raw)
    return f"({out})"


def column_page() -> bytes:
    ops = ["BT /F1 9 Tf"]
    for i in reversed(range(len(RIGHT))):
        ops.append(f"1 0 0 1 310 {700 - 14 * i} Tm {lit(RIGHT[i])} Tj")
    for i, line in enumerate(LEFT):
        ops.append(f"1 0 0 1 50 {700 - 14 * i} Tm {lit(line)} Tj")
    ops.append(f"/F1 14 Tf 1 0 0 1 50 760 Tm {lit('Protokoll med två spalter')} Tj")
    ops.append("ET")
    return "\n".join(ops).encode()


def turned_page() -> bytes:
    # /Rotate 90 turns the page clockwise for display: user (x, y) shows at (y, 595 - x).
    ops = ["BT /F1 11 Tf"]
    for i, line in enumerate(TURNED):
        ops.append(f"0 1 -1 0 {72 + 16 * i} 72 Tm {lit(line)} Tj")
    ops.append("ET")
    return "\n".join(ops).encode()


def main() -> None:
    streams = [column_page(), turned_page()]
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842] >>",
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /Rotate 90 /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ] + [f"<< /Length {len(s)} >>\nstream\n".encode() + s + b"\nendstream" for s in streams]
    write_pdf(objs, sys.argv[1])


if __name__ == "__main__":
    main()
