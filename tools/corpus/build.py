#!/usr/bin/env python3
"""Regenerate diarium's test corpus (corpus/*.pdf, corpus/truth/*, manifest.tsv, README.md).

Run from anywhere; paths are resolved from the project root (two levels up from this file).
Development-time tools: soffice (LibreOffice), chromium, pdflatex, pdftoppm/pdftotext/pdfinfo
(poppler-utils), ImageMagick convert, tesseract (+eng), faketime.

    python3 tools/corpus/build.py            # build corpus/
    python3 tools/corpus/build.py --long     # also build benches/data/long.pdf
    python3 tools/corpus/build.py --only NAME  # rebuild only documents whose name contains NAME

Sources: tools/corpus/src/*.txt (authored documents, light markup, see README) and the seeds in
../shared/seeds relative to the project root.
"""
import argparse
import difflib
import hashlib
import html
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SRC = os.path.join(HERE, "src")
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")
GOLD = os.path.join(ROOT, "..", "shared", "gold")
CORPUS = os.path.join(ROOT, "corpus")
TRUTH = os.path.join(CORPUS, "truth")
# Fixed work directory: Chromium prints the file URL in its running footer, keep it stable.
WORK = "/tmp/diarium-corpus-build"
FAKETIME = "2024-03-01 10:00:00"
SOURCE_DATE_EPOCH = "1709287200"  # 2024-03-01 10:00:00 UTC

SEED = {
    "000": "000_7214337700930137.txt",
    "001": "001_8d1cdd55f4f7d836.txt",
    "002": "002_3d0bb7e4a6596ccc.txt",
    "003": "003_3134b6ebf86e414b.txt",
    "004": "004_b4c1b5f445313952.txt",
}
GOLD_002 = "002_3d0bb7e4a6596ccc.gold.txt"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, env=None, cwd=None, quiet=True):
    e = dict(os.environ)
    e.update({"TZ": "UTC", "LC_ALL": "C.UTF-8", "OMP_THREAD_LIMIT": "1"})
    if env:
        e.update(env)
    r = subprocess.run(cmd, env=e, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        log("FAILED:", " ".join(cmd))
        log(r.stdout.decode(errors="replace")[-3000:])
        log(r.stderr.decode(errors="replace")[-3000:])
        raise SystemExit(1)
    return r.stdout.decode("utf-8", errors="replace")


def faked(cmd):
    return ["faketime", FAKETIME] + cmd


# ---------------------------------------------------------------------------------------------
# Document model: a list of blocks.
#   ("title", text) ("h2", text) ("h3", text) ("para", text-with-\n) ("list", [(level, text)])
#   ("table", [[cell, ...]], has_header) ("pagebreak",)
# Inline markup inside text: **bold**, *italic*. "\n" inside a para is a line break.
# ---------------------------------------------------------------------------------------------


def parse_inline(text):
    """-> list of (string, style) with style '' | 'b' | 'i'."""
    out = []
    pos = 0
    for m in re.finditer(r"\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*", text, re.S):
        if m.start() > pos:
            out.append((text[pos:m.start()], ""))
        if m.group(1) is not None:
            out.append((m.group(1), "b"))
        else:
            out.append((m.group(2), "i"))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


def plain(text):
    return "".join(s for s, _ in parse_inline(text))


def split_blocks(text):
    blocks, cur = [], []
    for line in text.split("\n"):
        if line.strip() == "":
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(line.rstrip())
    if cur:
        blocks.append(cur)
    return blocks


def parse_markup(text):
    """Authored documents: %key: value metadata, then blocks separated by blank lines."""
    meta = {}
    body = []
    for line in text.split("\n"):
        m = re.match(r"^%(\w+): (.*)$", line)
        if m and not body:
            meta[m.group(1)] = m.group(2)
        else:
            body.append(line)
    blocks = []
    for lines in split_blocks("\n".join(body)):
        first = lines[0]
        if first == "\\pagebreak":
            blocks.append(("pagebreak",))
            lines = lines[1:]
            if not lines:
                continue
            first = lines[0]
        if first.startswith("# "):
            blocks.append(("title", first[2:]))
        elif first.startswith("## "):
            blocks.append(("h2", first[3:]))
        elif first.startswith("### "):
            blocks.append(("h3", first[4:]))
        elif first.startswith("- "):
            blocks.append(("list", [(1 if l.startswith("- ") else 2, l.lstrip()[2:]) for l in lines]))
        elif "\t" in first:
            rows = [l.split("\t") for l in lines]
            blocks.append(("table", rows, is_header(rows)))
        else:
            blocks.append(("para", "\n".join(lines)))
    return meta, blocks


def is_header(rows):
    return len(rows) > 1 and all(len(c) <= 15 and not re.search(r"\d", c) for c in rows[0])


def parse_clean_seed(text):
    """Seeds 003/004 (clean text with light markdown): infer headings, lists and tables."""
    blocks = []
    for lines in split_blocks(text):
        tabbed = sum("\t" in l for l in lines)
        if tabbed and tabbed * 2 >= len(lines):
            rows = [l.split("\t") for l in lines]
            blocks.append(("table", rows, is_header(rows)))
        elif all(re.match(r"^ ?- ", l) for l in lines):
            blocks.append(("list", [(2 if l.startswith(" ") else 1, l.lstrip()[2:]) for l in lines]))
        elif (len(lines) == 1 and len(lines[0]) <= 75 and not re.search(r"[.:;,]$", lines[0])
              and re.match(r"^[A-ZÅÄÖ]", lines[0]) and "*" not in lines[0]):
            blocks.append(("h2", lines[0]))
        else:
            blocks.append(("para", "\n".join(l.strip() for l in lines)))
    return blocks


def parse_damaged_seed(text):
    """Seeds 000-002: OCR text layers, rendered line for line. A line starting with a single
    space marks the start of a page in the original; it becomes a page break."""
    lines = text.rstrip().split("\n")
    blocks, cur = [], []
    for i, line in enumerate(lines):
        if line.startswith(" ") and i > 0:
            if cur:
                blocks.append(("para", "\n".join(cur)))
                cur = []
            blocks.append(("pagebreak",))
        line = line.strip()
        if line == "":
            if cur:
                blocks.append(("para", "\n".join(cur)))
                cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(("para", "\n".join(cur)))
    return blocks


def damaged_truth_base(text):
    """The seed text as given, minus the leading space that marks a page start and trailing blanks."""
    lines = [l[1:] if l.startswith(" ") else l for l in text.rstrip().split("\n")]
    return "\n".join(l.rstrip() for l in lines) + "\n"


BULLET = {1: "\u2022", 2: "\u2013"}


def truth_from_blocks(blocks):
    parts = []
    for b in blocks:
        k = b[0]
        if k in ("title", "h2", "h3", "para"):
            parts.append(plain(b[1]))
        elif k == "list":
            parts.append("\n".join(f"{BULLET[lv]} {plain(t)}" for lv, t in b[1]))
        elif k == "table":
            parts.append("\n".join("\t".join(plain(c) for c in row) for row in b[1]))
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------
# Renderers
# ---------------------------------------------------------------------------------------------

def odf_text(s):
    s = html.escape(s, quote=False)
    s = re.sub(r"  +", lambda m: ' <text:s text:c="%d"/>' % (len(m.group(0)) - 1), s)
    s = s.replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
    return s


def odf_inline(text):
    out = []
    for s, st in parse_inline(text):
        t = odf_text(s)
        out.append(f'<text:span text:style-name="T{st}">{t}</text:span>' if st else t)
    return "".join(out)


def render_fodt(blocks, meta, size="11pt"):
    header = ""
    if meta.get("header") or meta.get("pagenum"):
        parts = [odf_text(p) for p in meta.get("header", "").split("|")] + ["", "", "", ""]
        pn = odf_text(meta.get("pagenum", "")).replace(
            "{p}", '<text:page-number text:select-page="current">1</text:page-number>').replace(
            "{n}", "<text:page-count>1</text:page-count>")
        header = (f'<style:header><text:p text:style-name="Header">{parts[0]}<text:tab/>{parts[2]}<text:tab/>{pn}</text:p>'
                  f'<text:p text:style-name="Header">{parts[1]}<text:tab/>{parts[3]}</text:p></style:header>')
    body = []
    tno = 0
    pending_break = False
    for b in blocks:
        k = b[0]
        if k == "pagebreak":
            pending_break = True
            continue
        if pending_break:
            body.append('<text:p text:style-name="PB"/>')
            pending_break = False
        if k in ("title", "h2", "h3"):
            style = {"title": "Title", "h2": "H2", "h3": "H3"}[k]
            body.append(f'<text:p text:style-name="{style}">{odf_inline(b[1])}</text:p>')
        elif k == "para":
            body.append(f'<text:p text:style-name="P">{odf_inline(b[1])}</text:p>')
        elif k == "list":
            for lv, t in b[1]:
                body.append(f'<text:p text:style-name="L{lv}">{BULLET[lv]} {odf_inline(t)}</text:p>')
        elif k == "table":
            rows, has_header = b[1], b[2]
            ncol = max(len(r) for r in rows)
            tno += 1
            x = [f'<table:table table:name="Tabell{tno}" table:style-name="Tbl">'
                 f'<table:table-column table:style-name="TblCol" table:number-columns-repeated="{ncol}"/>']
            for i, row in enumerate(rows):
                row = row + [""] * (ncol - len(row))
                ps = "TH" if (has_header and i == 0) else "TC"
                cells = "".join(
                    f'<table:table-cell table:style-name="Cell" office:value-type="string">'
                    f'<text:p text:style-name="{ps}">{odf_inline(c)}</text:p></table:table-cell>' for c in row)
                # a plain (bold) first row, not table-header-rows: Writer would repeat those on
                # every page and the truth would have to say so
                x.append(f"<table:table-row>{cells}</table:table-row>")
            x.append("</table:table>")
            body.append("".join(x))
    return FODT_TEMPLATE.format(size=size, header=header, body="\n".join(body))


FODT_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="{size}" fo:language="sv" fo:country="SE"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm"/>
 </style:style>
 <style:style style:name="PB" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:break-before="page" fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="2pt"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.4cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="18pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="H3" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.12cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="L1" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.4cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="L2" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:margin-left="1.2cm" fo:text-indent="-0.4cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="TC" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="9.5pt"/>
 </style:style>
 <style:style style:name="TH" style:family="paragraph" style:parent-style-name="TC">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="8cm"/><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Tb" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Ti" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.8cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
 </style:page-layout>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="16cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
 </style:style>
 <style:style style:name="TblCol" style:family="table-column"/>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{header}</style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def html_inline(text):
    out = []
    for s, st in parse_inline(text):
        t = html.escape(s, quote=False).replace("\n", "<br>\n")
        out.append(f"<{st}>{t}</{st}>" if st else t)
    return "".join(out)


def render_html(blocks, meta):
    body = []
    brk = False
    for b in blocks:
        k = b[0]
        if k == "pagebreak":
            brk = True
            continue
        cls = ' class="brk"' if brk else ""
        brk = False
        if k in ("title", "h2", "h3"):
            tag = {"title": "h1", "h2": "h2", "h3": "h3"}[k]
            body.append(f"<{tag}{cls}>{html_inline(b[1])}</{tag}>")
        elif k == "para":
            body.append(f"<p{cls}>{html_inline(b[1])}</p>")
        elif k == "list":
            for lv, t in b[1]:
                body.append(f'<p class="l{lv}">{BULLET[lv]} {html_inline(t)}</p>')
        elif k == "table":
            rows, hh = b[1], b[2]
            ncol = max(len(r) for r in rows)
            x = [f"<table{cls}>"]
            for i, row in enumerate(rows):
                row = row + [""] * (ncol - len(row))
                tag = "th" if (hh and i == 0) else "td"
                x.append("<tr>" + "".join(f"<{tag}>{html_inline(c)}</{tag}>" for c in row) + "</tr>")
            x.append("</table>")
            body.append("\n".join(x))
    title = html.escape(meta.get("title", ""))
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: 'Liberation Serif', serif; font-size: 11.5pt; line-height: 1.3; }}
h1 {{ font-family: 'Liberation Sans', sans-serif; font-size: 20pt; margin: 0.2em 0 0.5em 0; }}
h2 {{ font-family: 'Liberation Sans', sans-serif; font-size: 14pt; margin: 1em 0 0.3em 0; }}
h3 {{ font-family: 'Liberation Sans', sans-serif; font-size: 11.5pt; margin: 0.8em 0 0.2em 0; }}
p {{ margin: 0 0 0.6em 0; }}
p.l1 {{ margin: 0 0 0.2em 1.2em; text-indent: -0.8em; }}
p.l2 {{ margin: 0 0 0.2em 2.4em; text-indent: -0.8em; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.3em 0 0.8em 0; font-size: 10pt; }}
td, th {{ border: 1px solid #000; padding: 3px; vertical-align: top; text-align: left; }}
.brk {{ break-before: page; }}
</style></head>
<body>
{chr(10).join(body)}
</body></html>
"""


TEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
               "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}",
               "\u2022": r"\cmsybullet{}", "\u2013": "--", "\u00a7": r"\cmsysection{}",
               "\u201d": "''"}


def tex_escape(s):
    return "".join(TEX_SPECIAL.get(c, c) for c in s)


def tex_inline(text):
    out = []
    for s, st in parse_inline(text):
        t = tex_escape(s).replace("\n", "\\\\\n")
        out.append({"b": r"\textbf{%s}", "i": r"\textit{%s}", "": "%s"}[st] % t)
    return "".join(out)


def render_tex(blocks, meta, twocolumn=False):
    body = []
    for b in blocks:
        k = b[0]
        if k == "pagebreak":
            body.append(r"\clearpage" if not twocolumn else r"\vspace{1em}")
        elif k == "title":
            body.append(r"\noindent{\LARGE\bfseries %s\par}\bigskip" % tex_inline(b[1]))
        elif k == "h2":
            body.append(r"\subsection*{%s}" % tex_inline(b[1]))
        elif k == "h3":
            body.append(r"\subsubsection*{%s}" % tex_inline(b[1]))
        elif k == "para":
            body.append(r"\noindent " + tex_inline(b[1]) + "\n\\par")
        elif k == "list":
            for lv, t in b[1]:
                ind = "1.2em" if lv == 1 else "2.4em"
                body.append(r"{\setlength{\leftskip}{%s}\noindent\hspace{-0.8em}%s %s\par}"
                            % (ind, tex_escape(BULLET[lv]), tex_inline(t)))
        elif k == "table":
            raise SystemExit("tables are not rendered by the LaTeX producer")
    hdr = meta.get("header", "").split("|")
    pagenum = tex_escape(meta.get("pagenum", "{p}")).replace(r"\{p\}", r"\thepage{}").replace(
        r"\{n\}", r"\pageref{LastPage}")
    head = ""
    if meta.get("header"):
        head = (r"\usepackage{fancyhdr}\pagestyle{fancy}\fancyhf{}"
                r"\renewcommand{\headrulewidth}{0pt}"
                r"\fancyhead[L]{\small %s}\fancyhead[R]{\small %s}" % (
                    tex_escape(" -- ".join(hdr)), pagenum))
    opts = "a4paper," + ("11pt,twocolumn" if twocolumn else "10pt")
    return "\n".join([
        r"\documentclass[%s]{article}" % opts,
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage[swedish]{babel}",
        r"\usepackage[margin=2.3cm]{geometry}",
        r"\setlength{\parskip}{0.5em}\setlength{\parindent}{0pt}",
        r"\setlength{\columnsep}{0.8cm}",
        # bullet and section sign from cmsy (Type 1), not from TS1 (bitmap Type 3 without cm-super)
        r"\newcommand{\cmsybullet}{{\usefont{OMS}{cmsy}{m}{n}\char15}}",
        r"\newcommand{\cmsysection}{{\usefont{OMS}{cmsy}{m}{n}\char120}}",
        head,
        r"\makeatletter\AtEndDocument{\clearpage\immediate\write\@auxout{\string\newlabel{LastPage}{{}{\number\numexpr\value{page}-1\relax}}}}\makeatother"
        if "LastPage" in pagenum else "",
        r"\begin{document}",
        "\n\n".join(body),
        r"\end{document}",
        ""])


# ---------------------------------------------------------------------------------------------
# Producers
# ---------------------------------------------------------------------------------------------

def produce_lo(blocks, meta, out_pdf, size="11pt"):
    name = os.path.splitext(os.path.basename(out_pdf))[0]
    d = os.path.join(WORK, "lo")
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, name + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(render_fodt(blocks, meta, size))
    run(faked(["soffice", "--headless", "--norestore", "--nologo",
               f"-env:UserInstallation=file://{WORK}/lo-profile",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", d, src]))
    shutil.copyfile(os.path.join(d, name + ".pdf"), out_pdf)


def produce_chrome(blocks, meta, out_pdf):
    name = os.path.splitext(os.path.basename(out_pdf))[0]
    d = os.path.join(WORK, "chrome")
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, name.replace(".chrome", "") + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(render_html(blocks, meta))
    prof = tempfile.mkdtemp(prefix="chrome-profile-", dir=WORK)
    tmp_pdf = os.path.join(d, name + ".pdf")
    run(faked(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={prof}", f"--print-to-pdf={tmp_pdf}", "file://" + src]))
    shutil.rmtree(prof, ignore_errors=True)
    shutil.copyfile(tmp_pdf, out_pdf)


def produce_tex(blocks, meta, out_pdf, twocolumn=False):
    name = os.path.splitext(os.path.basename(out_pdf))[0].replace(".", "-")
    d = os.path.join(WORK, "tex")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".tex"), "w", encoding="utf-8") as f:
        f.write(render_tex(blocks, meta, twocolumn))
    env = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "FORCE_SOURCE_DATE": "1"}
    for _ in range(2):
        run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex"], env=env, cwd=d)
    shutil.copyfile(os.path.join(d, name + ".pdf"), out_pdf)


def produce_scan(src_pdf, out_pdf, layer_txt, seed):
    """Rasterise at 200 dpi gray, degrade like a scanner, OCR with tesseract -l eng into a PDF
    with an invisible text layer. Fully determined by `seed`."""
    name = os.path.splitext(os.path.basename(out_pdf))[0]
    d = os.path.join(WORK, "scan", name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    run(["pdftoppm", "-r", "200", "-gray", src_pdf, os.path.join(d, "page")])
    pages = sorted(f for f in os.listdir(d) if f.endswith(".pgm"))
    rng = random.Random(seed)
    jpgs = []
    for i, p in enumerate(pages):
        angle = rng.choice([-1, 1]) * rng.uniform(0.3, 1.2)
        jpg = os.path.join(d, f"p{i + 1:03d}.jpg")
        run(["/usr/bin/convert", os.path.join(d, p), "-seed", str(seed * 100 + i),
             "-background", "white", "-rotate", f"{angle:.2f}",
             "-attenuate", "0.25", "+noise", "Gaussian", "-blur", "0x0.7",
             "-level", "6%,94%", "-gravity", "center", "-extent", "1654x2339",
             "-sampling-factor", "1x1", "-quality", "42",
             "-units", "PixelsPerInch", "-density", "200", "-strip", jpg])
        jpgs.append(jpg)
    lst = os.path.join(d, "list.txt")
    with open(lst, "w") as f:
        f.write("\n".join(jpgs) + "\n")
    base = os.path.join(d, "ocr")
    run(faked(["tesseract", lst, base, "-l", "eng", "pdf", "txt"]))
    shutil.copyfile(base + ".pdf", out_pdf)
    shutil.copyfile(base + ".txt", layer_txt)


# ---------------------------------------------------------------------------------------------
# Page breaks of the truth: align the start of each PDF page (pdftotext) with the truth text.
# ---------------------------------------------------------------------------------------------

def fold(c):
    c = unicodedata.normalize("NFD", c.lower())[0]
    return c if "a" <= c <= "z" or "0" <= c <= "9" else ""


def skeleton(text):
    """Letters and digits only, diacritics dropped; with the index in text of each kept char."""
    chars, idx = [], []
    for i, c in enumerate(text):
        f = fold(c)
        if f:
            chars.append(f)
            idx.append(i)
    return "".join(chars), idx


def pdf_pages(pdf, top=0):
    """Text of each page; `top` (points) crops away a running header."""
    n = pdf_page_count(pdf)
    crop = ["-x", "0", "-y", str(top), "-W", "2000", "-H", "2000"] if top else []
    return [run(["pdftotext", "-f", str(i), "-l", str(i)] + crop + [pdf, "-"]) for i in range(1, n + 1)]


def pdf_page_count(pdf):
    out = run(["pdfinfo", pdf])
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def insert_page_breaks(truth, pages, name):
    sk, idx = skeleton(truth)
    cuts = []
    pos = 0
    for pno, page in enumerate(pages[1:], start=2):
        lines = [l for l in page.split("\n") if l.strip()]
        found = None
        for start in range(min(8, len(lines))):
            psk = skeleton(" ".join(lines[start:]))[0][:40]
            if len(psk) < 12:
                continue
            j = sk.find(psk, pos)
            if j >= 0:
                found = j
                break
        if found is None:
            log(f"  warning: {name}: could not place the start of page {pno}")
            continue
        ti = idx[found]
        while ti > 0 and not truth[ti - 1].isspace():  # back to the start of the word
            ti -= 1
        ls = truth.rfind("\n", 0, ti) + 1  # and to the start of the line if only symbols precede
        if not any(c.isalnum() for c in truth[ls:ti]):
            ti = ls
        cuts.append(ti)
        pos = found + 1
    out, last = [], 0
    for c in cuts:
        out.append(truth[last:c].rstrip())
        last = c
    out.append(truth[last:].lstrip())
    return "\n\f".join(out[:1] + [o.lstrip() for o in out[1:]]), cuts


def transfer_breaks_by_line(text, ref_with_breaks):
    """Put form feeds into `text` at the same line positions as in `ref_with_breaks` (the two are
    line for line: seed 002 and its gold text)."""
    ref_lines = ref_with_breaks.split("\n")
    lines = text.rstrip().split("\n")
    lines = [l[1:] if l.startswith(" ") else l.rstrip() for l in lines]
    if len(ref_lines) != len(lines) and not (len(ref_lines) == len(lines) + 1 and ref_lines[-1] == ""):
        raise SystemExit("gold and seed are not line for line")
    out = []
    for i, l in enumerate(lines):
        out.append(("\f" + l) if ref_lines[i].startswith("\f") else l)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Checks: words of the PDF text (pdftotext, running headers removed) against the truth.
# ---------------------------------------------------------------------------------------------



def words(text):
    text = unicodedata.normalize("NFC", text)
    return re.findall(r"\w+", text)


def check_words(pdf, truth, producer, meta):
    """Running headers/footers are dropped by position: Chromium's two top and two bottom lines,
    the header band of LibreOffice pages with a header, LaTeX's header and page numbers."""
    kept = []
    tex_header = " -- ".join(meta.get("header", "").split("|")).replace("--", "\u2013")
    lo_header = producer == "lo" and meta.get("header")
    for p in pdf_pages(pdf, top=68 if lo_header else 0):  # LibreOffice header ends above 68 pt
        lines = [l for l in p.split("\n") if l.strip()]
        if producer == "chrome":
            lines = lines[2:-2]
        elif producer == "tex":
            lines = [l for l in lines if not (l.strip().isdigit() or re.fullmatch(r"(Sida )?\d+ \(\d+\)", l.strip())
                                              or (tex_header and l.strip().startswith(tex_header)))]
        kept += lines
    a, b = words(truth), words("\n".join(kept))
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    diffs = [(op, a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]
    return len(a), diffs


# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------

def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def authored(name):
    return parse_markup(read(os.path.join(SRC, name + ".txt")))


def seed_doc(key):
    text = read(os.path.join(SEEDS, SEED[key]))
    if key in ("000", "001", "002"):
        return {}, parse_damaged_seed(text), damaged_truth_base(text)
    blocks = parse_clean_seed(text)
    title = next(b[1] for b in blocks if b[0] == "h2")
    return {"title": plain(title)}, blocks, truth_from_blocks(blocks)


SEED_NAMES = {
    "000": "000-tertialrapport-alvsjo-2017",
    "001": "001-utlatande-handlingsplaner-2017",
    "002": "002-yttrande-revision-skarholmen-2020",
    "003": "003-tjut-alvsjo-2015",
    "004": "004-handlingsplan-alvsjo-2018",
}
SEED_DESC = {
    "000": "seed 000: tertialrapport, beslut with reservation and a party's own proposal; damaged OCR layer",
    "001": "seed 001: borgarrådsberedningens utlåtande on the local action plans; damaged OCR layer",
    "002": "seed 002: yttrande on a revisionsrapport; damaged OCR layer, gold text known",
    "003": "seed 003: tjänsteutlåtande, Älvsjö 2015 (KS 155-943/2015)",
    "004": "seed 004: handlingsplan with activity tables and footnotes",
}

AUTHORED = {
    "ks-uppsala-2019-protokoll": "full protokoll, Uppsala kommunstyrelse 2019-04-10, § 23–27: attendance, "
                                 "justerare, Beslut, Yrkanden, Beslutsgång, Omröstning, Reservation, Särskilt "
                                 "uttalande, Protokollsanteckning, Ersättaryttrande, signatures, 'Sida 2 (5)' header",
    "kn-goteborg-2012-protokollsutdrag": "protokollsutdrag (single §), Göteborgs kulturnämnd 2012-03-14: "
                                         "lower-case (s)/(m), FP, Votering, Reservation, Protokollsanteckning",
    "sbn-malmo-2023-tjut": "tjänsteutlåtande, Malmö stadsbyggnadskontor 2023 (SBN-2023-00412), decision references",
    "kf-stockholm-2011-utlatande": "utlåtande 2011:112 RI, Stockholm 2011: Reservation anmäldes av, "
                                   "Särskilt uttalande (båda MP), Ersättaryttrande, 'Stockholm den 15 juni 2011'",
}

# (file stem, producer, source key, options)
PLAN = [
    ("000", "lo"), ("001", "lo"), ("002", "lo"), ("003", "lo"), ("004", "lo"),
    ("003", "chrome"), ("003", "tex"),
    ("ks-uppsala-2019-protokoll", "lo"),
    ("sbn-malmo-2023-tjut", "lo"),
    ("sbn-malmo-2023-tjut", "chrome"),
    ("kn-goteborg-2012-protokollsutdrag", "chrome"),
    ("kf-stockholm-2011-utlatande", "lo"),
    ("kf-stockholm-2011-utlatande", "tex2col"),
    # scans: (source stem.producer) -> .scan
    ("003", "scan:lo"), ("004", "scan:lo"),
    ("ks-uppsala-2019-protokoll", "scan:lo"),
    ("kn-goteborg-2012-protokollsutdrag", "scan:chrome"),
]

PRODUCER_LABEL = {"lo": "LibreOffice 7.4 (FODT → writer_pdf_Export)",
                  "chrome": "Chromium headless print-to-pdf",
                  "tex": "pdflatex (OT1, Type1)", "tex2col": "pdflatex (OT1, Type1, two-column)",
                  "scan": "pdftoppm+ImageMagick+tesseract -l eng"}


def stem(key):
    return SEED_NAMES.get(key, key)


def doc(key):
    if key in SEED:
        meta, blocks, truth = seed_doc(key)
    else:
        meta, blocks = authored(key)
        truth = truth_from_blocks(blocks)
    return meta, blocks, truth


def build_one(key, producer, rows, check_log):
    meta, blocks, truth = doc(key)
    if producer.startswith("scan:"):
        srcprod = producer.split(":")[1]
        src_pdf = os.path.join(CORPUS, f"{stem(key)}.{srcprod}.pdf")
        name = f"{stem(key)}.scan"
        out_pdf = os.path.join(CORPUS, name + ".pdf")
        seed = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % 100000
        produce_scan(src_pdf, out_pdf, os.path.join(TRUTH, name + ".layer.txt"), seed)
        shutil.copyfile(os.path.join(TRUTH, f"{stem(key)}.{srcprod}.txt"), os.path.join(TRUTH, name + ".txt"))
        notes = (f"scan of {stem(key)}.{srcprod}.pdf (200 dpi gray, rotated, noise, blur, JPEG), "
                 f"OCR layer by tesseract -l eng; layer in truth/{name}.layer.txt")
        rows.append((name + ".pdf", PRODUCER_LABEL["scan"], source_label(key), "scan", pdf_page_count(out_pdf), notes))
        return
    suffix = {"lo": "lo", "chrome": "chrome", "tex": "tex", "tex2col": "tex"}[producer]
    name = f"{stem(key)}.{suffix}"
    out_pdf = os.path.join(CORPUS, name + ".pdf")
    log(f"{name}.pdf")
    if producer == "lo":
        produce_lo(blocks, meta, out_pdf, size="11pt")
    elif producer == "chrome":
        produce_chrome(blocks, meta, out_pdf)
    else:
        produce_tex(blocks, meta, out_pdf, twocolumn=(producer == "tex2col"))
    pages = pdf_pages(out_pdf)
    truth_paged, _ = insert_page_breaks(truth, pages, name)
    write(os.path.join(TRUTH, name + ".txt"), truth_paged)
    if key == "002":
        gold = read(os.path.join(GOLD, GOLD_002))
        write(os.path.join(TRUTH, name + ".repaired.txt"), transfer_breaks_by_line(gold, truth_paged))
    klass = "damaged-layer" if key in ("000", "001", "002") else "digital"
    notes = SEED_DESC.get(key) or AUTHORED[key]
    if producer == "tex2col":
        notes += "; two-column layout (reading order)"
    if producer.startswith("tex"):
        notes += "; å/ä/ö drawn as base glyph + accent glyph, hyphenated line ends"
    if producer == "chrome":
        notes += "; Chromium running header/footer (date, title, file URL, 'n/N')"
    if key == "004":
        notes += "; real Writer tables"
    rows.append((name + ".pdf", PRODUCER_LABEL[producer], source_label(key), klass, len(pages), notes))
    n, diffs = check_words(out_pdf, truth_paged, "tex" if producer.startswith("tex") else producer, meta)
    check_log.append((name, n, diffs))


def source_label(key):
    if key in SEED:
        return "../shared/seeds/" + SEED[key]
    return "tools/corpus/src/" + key + ".txt"


def build_long():
    """benches/data/long.pdf: all seeds and authored documents, repeated until 300+ pages (LibreOffice)."""
    blocks, meta = [], {"header": "diarium benchmark|Långt dokument", "pagenum": "Sida {p} ({n})"}
    unit = []
    for key in list(SEED) + list(AUTHORED):
        _, b, _ = doc(key)
        unit += [("pagebreak",)] + [x for x in b if x[0] != "pagebreak"]
    for _ in range(7):
        blocks += unit
    out = os.path.join(ROOT, "benches", "data", "long.pdf")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    produce_lo(blocks[1:], meta, out, size="11pt")
    log(f"benches/data/long.pdf: {pdf_page_count(out)} pages, {os.path.getsize(out) // 1024} KB")




def write_manifest_and_readme(rows):
    rows = sorted(rows)
    with open(os.path.join(CORPUS, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tproducer\tsource\tclass\tpages\tnotes\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    table = ["| file | producer | source | class | pages | exercises |", "|---|---|---|---|---|---|"]
    for r in rows:
        table.append("| `%s` | %s | `%s` | %s | %d | %s |" % (r[0], r[1], r[2], r[3], r[4], r[5].replace("|", "\\|")))
    write(os.path.join(CORPUS, "README.md"), read(os.path.join(HERE, "README.head.md")).replace("{{TABLE}}", "\n".join(table)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true", help="also build benches/data/long.pdf")
    ap.add_argument("--long-only", action="store_true", help="only build benches/data/long.pdf")
    ap.add_argument("--verbose-check", action="store_true")
    args = ap.parse_args()
    for tool in ["soffice", "chromium", "pdflatex", "pdftoppm", "pdftotext", "pdfinfo", "tesseract", "faketime"]:
        if not shutil.which(tool):
            raise SystemExit(f"missing tool: {tool}")
    os.makedirs(WORK, exist_ok=True)
    if args.long_only:
        build_long()
        return
    shutil.rmtree(CORPUS, ignore_errors=True)
    os.makedirs(TRUTH)
    rows, check_log = [], []
    for key, producer in PLAN:
        build_one(key, producer, rows, check_log)
    write_manifest_and_readme(rows)
    if args.long:
        build_long()
    log("\nword check (truth vs pdftotext, running headers removed):")
    for name, n, diffs in check_log:
        changed = sum(max(len(x), len(y)) for _, x, y in diffs)
        log(f"  {name:50s} {n:6d} words, {changed:4d} differ")
        if args.verbose_check:
            for op, x, y in diffs[:40]:
                log(f"      {op}: {' '.join(x)[:80]!r} -> {' '.join(y)[:80]!r}")
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(CORPUS) for f in fs)
    log(f"corpus/: {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
