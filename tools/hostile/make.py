#!/usr/bin/env python3
"""Writes the hostile PDF set in tests/hostile/ — broken, malicious and absurd files that
every stage must survive with text or a one-line error, in bounded time and memory.

Python standard library only; every file is written as raw bytes so that each defect is
exactly the one named. Deterministic: re-running gives byte-identical files.

    python3 tools/hostile/make.py            # writes tests/hostile/*.pdf
    python3 tools/hostile/make.py --out DIR  # somewhere else

The expected outcome of each file is in tests/hostile/README.md.
"""

import argparse
import random
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The smallest LibreOffice PDF of the corpus; cut in half it still has a header and some
# objects but no xref table or trailer.
TRUNCATE_SOURCE = ROOT / "corpus" / "002-yttrande-revision-skarholmen-2020.lo.pdf"

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def stream(data, extra=b"", length=None):
    """A stream object body; `length` overrides the true /Length to lie about it."""
    n = len(data) if length is None else length
    return b"<< /Length %d %s>>\nstream\n" % (n, extra) + data + b"\nendstream"


def flate(data, extra=b""):
    return stream(zlib.compress(data, 9), b"/Filter /FlateDecode " + extra)


def deflate_stream(chunks, level=9):
    """Deflates an iterable of byte chunks without holding the inflated whole in memory."""
    c = zlib.compressobj(level)
    out = [c.compress(chunk) for chunk in chunks]
    out.append(c.flush())
    return b"".join(out)


def zeros(total, chunk=1 << 24):
    for _ in range(total // chunk):
        yield b"\0" * chunk


def nested_flate(total):
    """`total` zero bytes deflated twice: 1 GiB becomes ~2 KB. Both passes must be undone,
    so the stream declares /Filter [/FlateDecode /FlateDecode]."""
    inner = deflate_stream(zeros(total))
    return stream(zlib.compress(inner, 9), b"/Filter [/FlateDecode /FlateDecode] ")


def page(contents=b"4 0 R", resources=b"<< /Font << /F1 5 0 R >> >>", extra=b""):
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
        + resources
        + b" /Contents "
        + contents
        + b" "
        + extra
        + b">>"
    )


def text_content(s):
    return b"BT /F1 12 Tf 72 720 Td (" + s + b") Tj ET"


def build(objects, root=1, trailer_extra=b"", xref_shift=0, startxref=None, xref=True,
          header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"):
    """Serialises objects numbered 1..n with a classic xref table.

    `xref_shift` adds to every offset (all wrong), `startxref` replaces the true offset of
    the table, `xref=False` leaves out table and startxref (only a trailer remains)."""
    out = bytearray(header)
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    table_at = len(out)
    size = len(objects) + 1
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for off in offsets:
            out += b"%010d 00000 n \n" % (off + xref_shift)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (size, root, trailer_extra)
    if xref:
        out += b"startxref\n%d\n" % (table_at if startxref is None else startxref)
    out += b"%%EOF\n"
    return bytes(out)


def build_objstm(objects, packed, padding=0):
    """Like `build`, but appends `packed` (bytes, an object body) as the only object of a
    FlateDecode object stream and indexes everything with a cross-reference stream — the one
    way to keep a 100 000-level object small on disk. `padding` zero bytes after the object
    turn the object stream into a bomb (deflated twice), inflated when the file is loaded."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    packed_num = len(objects) + 1
    objstm_num = packed_num + 1
    xref_num = objstm_num + 1
    header = b"%d 0 " % packed_num
    if padding:
        inner = deflate_stream([header + packed, *zeros(padding)])
        objstm, filt = zlib.compress(inner, 9), b"[/FlateDecode /FlateDecode]"
    else:
        objstm, filt = zlib.compress(header + packed, 9), b"/FlateDecode"
    objstm_at = len(out)
    out += (b"%d 0 obj\n<< /Type /ObjStm /N 1 /First %d /Length %d /Filter %s >>\n"
            b"stream\n" % (objstm_num, len(header), len(objstm), filt) + objstm + b"\nendstream\nendobj\n")
    xref_at = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]
    rows += [b"\x01" + off.to_bytes(4, "big") + b"\x00\x00" for off in offsets]
    rows.append(b"\x02" + objstm_num.to_bytes(4, "big") + b"\x00\x00")
    rows.append(b"\x01" + objstm_at.to_bytes(4, "big") + b"\x00\x00")
    rows.append(b"\x01" + xref_at.to_bytes(4, "big") + b"\x00\x00")
    table = b"".join(rows)
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
            % (xref_num, xref_num + 1, len(table)) + table + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def simple_objects(content, resources=b"<< /Font << /F1 5 0 R >> >>", page_extra=b""):
    """Catalog, one-page tree, the page, its content stream and Helvetica as objects 1–5."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(resources=resources, extra=page_extra),
        content,
        FONT,
    ]


def simple(content, resources=b"<< /Font << /F1 5 0 R >> >>", more=(), page_extra=b""):
    """Catalog, one-page tree, the page, its content stream and Helvetica as objects 1–5;
    `more` continues at object 6."""
    return build(simple_objects(content, resources, page_extra) + list(more))


def good():
    """A correct one-page PDF: the baseline the broken-xref variants are made from."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(),
        stream(text_content(b"Kommunfullmaktige beslutade att godkanna forslaget.")),
        FONT,
    ]


CMAP_HEAD = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
             b"/CMapName /Hostile def /CMapType 2 def\n"
             b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
CMAP_TAIL = b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
GLYPHS = b"BT /F1 12 Tf 72 700 Td <0001000200030041FFFF> Tj ET"


def type0(cmap, content=GLYPHS):
    """One page showing `content` in an Identity-H Type0 font whose ToUnicode is the
    stream object body `cmap` (object 7)."""
    return simple(
        stream(content),
        resources=b"<< /Font << /F1 6 0 R >> >>",
        more=[
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H"
            b" /DescendantFonts [8 0 R] /ToUnicode 7 0 R >>",
            cmap,
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hostile /CIDSystemInfo"
            b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        ],
    )


def files():
    rng = random.Random(20240607)
    f = {}

    # --- not a PDF at all -------------------------------------------------------------
    f["empty.pdf"] = b""
    f["random.pdf"] = bytes(rng.randrange(256) for _ in range(4096))
    f["html.pdf"] = (
        b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        b"<body><h1>Sidan kunde inte hittas</h1><p>Protokollet har flyttats.</p></body></html>\n"
    )
    f["header-only.pdf"] = b"%PDF-1.7\n"
    src = TRUNCATE_SOURCE.read_bytes()
    f["truncated.pdf"] = src[: len(src) // 2]

    # --- cross-reference damage ---------------------------------------------------------
    f["xref-offsets-wrong.pdf"] = build(good(), xref_shift=7)
    f["xref-missing.pdf"] = build(good(), xref=False)
    f["startxref-nowhere.pdf"] = build(good(), startxref=9_999_999)
    f["no-root.pdf"] = build(good(), root=99)

    # --- stream damage ------------------------------------------------------------------
    body = text_content(b"Beslutet protokollfordes.")
    f["length-short.pdf"] = simple(stream(body + b" " * 200, length=10))
    f["length-huge.pdf"] = simple(stream(body, length=999_999_999))
    f["length-negative.pdf"] = simple(stream(body, length=-5))
    f["flate-corrupt.pdf"] = simple(
        stream(zlib.compress(body * 20)[: 40] + b"garbage", b"/Filter /FlateDecode ")
    )
    f["unknown-filter.pdf"] = simple(stream(body, b"/Filter /NoSuchDecode "))

    # --- decompression bombs ------------------------------------------------------------
    # 1 GiB of zeros (whitespace to a content-stream lexer) in one stream.
    f["bomb-1gib.pdf"] = simple(nested_flate(1 << 30))
    # 192 MiB inflated (under lopdf's 256 MiB per-stream default limit), the same stream 16
    # times in /Contents: 3 GiB in total.
    f["bomb-repeat.pdf"] = build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(contents=b"[" + b"4 0 R " * 16 + b"]"),
        nested_flate(192 << 20),
        FONT,
    ])
    # An object stream inflating to 1 GiB: loaders expand object streams while loading.
    f["bomb-objstm.pdf"] = build_objstm(
        simple_objects(stream(text_content(b"Bomben i objektstrommen."))), b"(x)", 1 << 30
    )

    # --- page-tree abuse ----------------------------------------------------------------
    # Kids of the second-level node point back at the root.
    f["cyclic-pages.pdf"] = build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 2 >>",
        page(),
        stream(text_content(b"Sidan finns.")),
        FONT,
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>",
    ])
    # A /Pages node that lists itself as its only kid.
    f["pages-self-kid.pdf"] = build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
    ])
    f["count-1e9.pdf"] = build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 1000000000 >>",
        page(),
        stream(text_content(b"Forsta sidan.")),
        FONT,
        page(contents=b"7 0 R"),
        stream(text_content(b"Andra sidan.")),
    ])
    # 100 000 pages from seven objects: each /Pages node lists the node below ten times, the
    # bottom one the same empty page ten times (10^5 leaves; a DAG, not a cycle).
    levels = 5
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for lvl in range(levels):
        num = 2 + lvl
        child = num + 1
        objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>"
                    % (b" ".join([b"%d 0 R" % child] * 10), 10 ** (levels - lvl)))
    objs.append(b"<< /Type /Page /Parent 6 0 R /MediaBox [0 0 612 792] >>")
    f["pages-100k-shared.pdf"] = build(objs)
    f["no-pages.pdf"] = build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ])

    # --- content-stream abuse -----------------------------------------------------------
    # 2 million operators (1 million Td + 1 million Tj), ~12 MB inflated.
    ops = b"BT /F1 9 Tf\n" + b"1 0 Td(x)Tj\n" * 1_000_000 + b"ET"
    f["million-ops.pdf"] = simple(flate(ops))
    # /Contents chains to itself through two indirect references.
    f["contents-loop.pdf"] = build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(contents=b"6 0 R"),
        stream(text_content(b"Aldrig nadd.")),
        FONT,
        b"7 0 R",
        b"6 0 R",
    ])
    # /Contents is an array that contains a reference to itself.
    f["contents-array-self.pdf"] = build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(contents=b"6 0 R"),
        stream(text_content(b"Aldrig nadd.")),
        FONT,
        b"[4 0 R 6 0 R]",
    ])
    f["nan-matrix.pdf"] = simple(stream(
        b"q nan 0 0 -inf 1e400 -1e400 cm BT /F1 -12 Tf 1e308 1e308 1e308 1e308 0 0 Tm"
        b" (Matris ett) Tj ET Q\n"
        b"q 0 0 0 0 0 0 cm BT /F1 0 Tf 0 0 0 0 0 0 Tm (Matris noll) Tj ET Q\n"
        b"q --5 1.2.3 0 +-1 . -. cm BT /F1 12 Tf -99999999999999999999999999 72 Td"
        b" 1e-400 Tz -3 TL (Matris tre) Tj T* (Matris fyra) ' ET Q\n"
        b"BT /F1 12 Tf 72 700 Td 99999999999 Tc -99999999999 Tw (Sista raden) Tj ET"
    ), page_extra=b"/MediaBox [nan -1 1e999 -0] /Rotate 45")
    f["operands-missing.pdf"] = simple(stream(
        b"BT Tf Td Tm TJ Tj ' \" cm q Q Q Q Q ET ET BT [(a) 5 (b)] Tj (c) TJ /F9 12 Tf (d) Tj ET"
    ))

    # --- nesting ------------------------------------------------------------------------
    depth = 100_000
    # Loaders parse every object up front, so these bite even though nothing refers to them.
    f["deep-array-object.pdf"] = build_objstm(
        simple_objects(stream(text_content(b"Djup array."))), b"[" * depth + b"]" * depth
    )
    f["deep-dict-object.pdf"] = build_objstm(
        simple_objects(stream(text_content(b"Djup ordbok."))),
        b"<< /A " * depth + b"1" + b" >>" * depth,
    )
    f["deep-array-content.pdf"] = simple(
        flate(b"BT /F1 12 Tf 72 700 Td " + b"[" * depth + b"]" * depth + b" (Djup) Tj ET")
    )
    f["deep-qstack-content.pdf"] = simple(
        flate(b"q " * depth + text_content(b"Djup q.") + b" Q" * depth)
    )
    f["deep-parens-string.pdf"] = simple(
        flate(b"BT /F1 12 Tf 72 700 Td " + b"(" * depth + b"x" + b")" * depth + b" Tj ET")
    )

    # --- XObjects -----------------------------------------------------------------------
    def form(content, name_to_obj):
        xo = b" ".join(b"/%s %d 0 R" % (n, o) for n, o in name_to_obj)
        return stream(
            content,
            b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << " + xo + b" >> >> ",
        )

    f["xobject-self.pdf"] = simple(
        stream(text_content(b"Fore formen.") + b" /Fm0 Do"),
        resources=b"<< /Font << /F1 5 0 R >> /XObject << /Fm0 6 0 R >> >>",
        more=[form(text_content(b"I formen.") + b" /Fm0 Do", [(b"Fm0", 6)])],
    )
    f["xobject-mutual.pdf"] = simple(
        stream(text_content(b"Fore formerna.") + b" /Fa Do"),
        resources=b"<< /Font << /F1 5 0 R >> /XObject << /Fa 6 0 R >> >>",
        more=[
            form(text_content(b"Form A.") + b" /Fb Do", [(b"Fb", 7)]),
            form(text_content(b"Form B.") + b" /Fa Do", [(b"Fa", 6)]),
        ],
    )
    # Each form draws the next one twice, 40 levels: 2^40 draws if nothing stops it.
    chain = [form(b"/N Do /N Do", [(b"N", 7 + i)]) for i in range(40)]
    chain.append(form(text_content(b"Botten."), []))
    f["xobject-fanout.pdf"] = simple(
        stream(b"/N Do"),
        resources=b"<< /Font << /F1 5 0 R >> /XObject << /N 6 0 R >> >>",
        more=chain,
    )

    # --- fonts --------------------------------------------------------------------------
    cmap_head, cmap_tail, glyphs = CMAP_HEAD, CMAP_TAIL, GLYPHS
    f["tounicode-badhex.pdf"] = type0(stream(
        cmap_head
        + b"4 beginbfchar\n<0001> <ZZZZ>\n<02> <00410042004>\n<0003 <0043>\n<> <>\n endbfchar\n"
        + b"2 beginbfrange\n<0041> <0040> <0061>\n<00FF> <FFFFFFFFFF> <D800>\nendbfrange\n"
        + b"1 beginbfchar\n<FFFF> <" + b"0041" * 1000 + b">\n"  # no endbfchar, no endcmap
    ), glyphs)
    f["tounicode-huge-range.pdf"] = type0(flate(
        cmap_head
        # 256 full ranges to a base (16.7 million mappings) and one full range to a
        # three-element array (65 536 codes, 3 destinations).
        + b"256 beginbfrange\n" + b"<0000> <FFFF> <0041>\n" * 256 + b"endbfrange\n"
        + b"1 beginbfrange\n<0000> <FFFF> [<0041> <0042> <0043>]\nendbfrange\n"
        + cmap_tail
    ), glyphs)
    # One range over every 4-byte code: 4.3 billion mappings if expanded.
    f["tounicode-32bit-range.pdf"] = type0(flate(
        cmap_head + b"1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\nendbfrange\n" + cmap_tail
    ), glyphs)
    f["tounicode-not-stream.pdf"] = type0(b"<< /Length 3 >>", glyphs)

    # Type3 font whose glyph "a" draws "a" in the same font.
    f["type3-recursive.pdf"] = simple(
        stream(b"BT /T3 12 Tf 72 700 Td (aab) Tj ET"),
        resources=b"<< /Font << /T3 6 0 R >> >>",
        more=[
            b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000]"
            b" /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 7 0 R /b 8 0 R >>"
            b" /Encoding << /Type /Encoding /Differences [97 /a /b] >> /FirstChar 97"
            b" /LastChar 98 /Widths [1000 1000] /Resources << /Font << /T3 6 0 R >> >> >>",
            stream(b"1000 0 d0 BT /T3 1 Tf (a) Tj ET"),
            stream(b"1000 0 d0 BT /T3 1 Tf (ba) Tj ET"),
        ],
    )

    # --- encryption ---------------------------------------------------------------------
    ident = b"<0123456789abcdef0123456789abcdef>"
    f["encrypted-unknown-filter.pdf"] = build(
        good() + [b"<< /Filter /FooBarSecurity /SubFilter /foo.bar /V 9 /R 9 /Length 128"
                  b" /O <00> /U <00> /P -4 >>"],
        trailer_extra=b"/Encrypt 6 0 R /ID [" + ident + b" " + ident + b"] ",
    )
    f["encrypted-no-id.pdf"] = build(
        good() + [b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <00> /U <00> /P -4 >>"],
        trailer_extra=b"/Encrypt 6 0 R ",
    )
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "hostile")
    ap.add_argument("--wrap-cmap", nargs=2, type=Path, metavar=("CMAP", "PDF"),
                    help="write PDF: a one-page file using the bytes of CMAP as ToUnicode "
                         "(how tools/fuzz.sh keeps findings of the cmap fuzz target)")
    args = ap.parse_args()
    if args.wrap_cmap:
        cmap, out = args.wrap_cmap
        out.write_bytes(type0(stream(cmap.read_bytes())))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files().items()):
        (args.out / name).write_bytes(data)
        print(f"{len(data):>9} {name}")


if __name__ == "__main__":
    main()
