#!/usr/bin/env python3
"""Typeset a truth text with groff's ms macros (another producer for the corpus).

    groff_ms.py TRUTH.txt | groff -ms -Kutf8 -Tps | ps2pdf - OUT.pdf

Blank-line separated blocks become ms paragraphs (filled, justified, hyphenated by groff);
single short lines without a final full stop become bold headings; the lines of a block of
short lines (addresses, lists) keep their breaks.
"""
import sys


def escape(line: str) -> str:
    line = line.replace("\\", "\\e")
    return "\\&" + line if line.startswith((".", "'")) else line


def main() -> None:
    text = open(sys.argv[1], encoding="utf-8").read()
    out = [".nr PS 11", ".nr VS 14", ".ds CH"]
    for block in text.split("\n\n"):
        lines = [l for l in block.splitlines() if l.strip()]
        if not lines:
            continue
        if len(lines) == 1 and len(lines[0]) < 70 and not lines[0].endswith("."):
            out += [".SH", escape(lines[0])]
            continue
        out.append(".LP")
        short = len(lines) > 1
        for l in lines:
            out.append(escape(l))
            if short:
                out.append(".br")
    print("\n".join(out))


if __name__ == "__main__":
    main()
