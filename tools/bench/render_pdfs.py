#!/usr/bin/env python3
"""Renders synthetic documents (gen_corpus JSON lines) to PDFs for the ingest benchmark.

Each document is written as the text a clerk's minutes would show (body, title, date, then per
item "§ N Title", its case number and its segments under their headings) and converted by
LibreOffice, like most of corpus/; a damaged document is written with its OCR-damaged text
(`raw_text`), so its PDF carries a damaged text layer as the scans of seeds 000-002 do.

    tools/bench/render_pdfs.py /tmp/bench/c3000.jsonl /tmp/bench/pdfs
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

BATCH = 200  # documents per LibreOffice run


def text_of(doc: dict) -> str:
    lines = [doc["body"], "", doc["title"]]
    if doc.get("date"):
        lines.append(doc["date"])
    for item in doc["items"]:
        lines.append("")
        if item.get("paragraph"):
            lines.append(f"§ {item['paragraph']} {item.get('title') or ''}".rstrip())
        if item.get("dnr"):
            lines.append(f"Dnr {item['dnr']}")
        for seg in item["segments"]:
            lines.append("")
            if seg.get("heading"):
                lines.append(seg["heading"])
            lines.append(seg.get("raw_text") or seg["text"])
    return "\n".join(lines) + "\n"


def main() -> None:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        with src.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                doc = json.loads(line)
                name = Path(tmp) / f"doc{n:06d}.txt"
                name.write_text(text_of(doc), encoding="utf-8")
                names.append(str(name))
        for i in range(0, len(names), BATCH):
            subprocess.run(
                ["soffice", "--headless", "--infilter=Text (encoded):UTF8,LF,,,",
                 "--convert-to", "pdf", "--outdir", str(out), *names[i:i + BATCH]],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"render_pdfs: {min(i + BATCH, len(names))}/{len(names)}", file=sys.stderr)


if __name__ == "__main__":
    main()
