#!/usr/bin/env python3
"""Builds src/repair/data/finnish.tsv: words that are Finnish rather than Swedish → their Finnish
frequency class.

The Tornedalen's names are Finnish compounds (Ranta|talo, Ala|talo, Hieta|niemi, Liika|maa):
repair must not give them Swedish marks (Räntatalo, Ålatalo) for want of knowing them. A word
counts as Finnish when wordfreq's Finnish list has it at least 10^-6.5 often (class ≤ 650) and at
least 10^1.5 times as often as its Swedish list does, so words both languages use (sale, back,
salen, pajala) stay out.

Source (licence in src/repair/data/NOTICE): wordfreq 3.1.1, wordfreq/data/large_fi.msgpack.gz and
large_sv.msgpack.gz (CC BY-SA 4.0). Bin i of the lists holds the words of frequency 10^(-i/100).

    pip install msgpack && pip download wordfreq==3.1.1 --no-deps -d /tmp/wf
    tools/lexicon/finnish.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl
"""

import gzip
import io
import os
import re
import sys
import zipfile

import msgpack

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "repair", "data", "finnish.tsv")
# Finnish words as names carry them: letters only, no å (Finnish has none), 3 to 12 of them.
WORD = re.compile(r"^[a-zäöy]{3,12}$")
MOST_RARE = 650
MARGIN = 150


def classes(wheel, lang):
    """Word → frequency class of wordfreq's large list for `lang`."""
    with zipfile.ZipFile(wheel) as z:
        raw = z.read(f"wordfreq/data/large_{lang}.msgpack.gz")
    bins = msgpack.unpackb(gzip.GzipFile(fileobj=io.BytesIO(raw)).read(), raw=False)
    out = {}
    # The first element is the format header.
    for cls, words in enumerate(bins[1:]):
        for w in words:
            out.setdefault(w, cls)
    return out


def main():
    wheel = sys.argv[1]
    fi, sv = classes(wheel, "fi"), classes(wheel, "sv")
    rows = sorted(
        (w, c)
        for w, c in fi.items()
        if c <= MOST_RARE and WORD.match(w) and sv.get(w, 1000) > c + MARGIN
    )
    with open(OUT, "w", encoding="utf-8") as f:
        for w, c in rows:
            f.write(f"{w}\t{c}\n")
    print(f"{OUT}: {len(rows)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
