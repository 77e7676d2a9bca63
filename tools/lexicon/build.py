#!/usr/bin/env python3
"""Builds src/repair/data/lexicon.tsv: Swedish word → frequency class.

Sources (licences in src/repair/data/NOTICE):
- wordfreq's Swedish list (`pip download wordfreq==3.1.1 --no-deps`, file
  wordfreq/data/large_sv.msgpack.gz, CC BY-SA 4.0). The file is a list of bins: bin i holds the
  words of frequency 10^(-i/100); the bin index is our frequency class (lower = more frequent).
- optionally the stems of hunspell-sv (Debian `hunspell-sv`, /usr/share/hunspell/sv_SE.dic, LGPL),
  added with class 700 when wordfreq lacks them, for coverage of rarer base forms and of names
  (lower-cased, as names.py lists them);
- optionally the commonest surnames and first names of Sweden's population (population.py,
  Skatteverket and Isof as Faker ships them, MIT), added with class 700 when wordfreq lacks them.

Only lower-case alphabetic words (Swedish letters, é and hyphen) are kept. The Rust build does not
run this: the TSV is turned into an fst map at first use (see src/repair/lexicon.rs).

    pip install msgpack && pip download wordfreq==3.1.1 --no-deps -d /tmp/wf
    tools/lexicon/build.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl [--hunspell]
        [--population /tmp/fk/faker-40.54.0-py3-none-any.whl]
"""

import gzip
import io
import os
import re
import sys
import unicodedata
import zipfile

import msgpack

from names import DIC, dictionary_names
from population import from_argv

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORD = re.compile(r"^[a-zåäöéü]+(?:-[a-zåäöéü]+)*$")
# Rarer words than this carry more web noise (misspellings, OCR-damaged forms) than words.
MAX_CLASS = 720
HUNSPELL_CLASS = 700


def main():
    wheel = sys.argv[1]
    with zipfile.ZipFile(wheel) as z:
        raw = z.read("wordfreq/data/large_sv.msgpack.gz")
    bins = msgpack.unpackb(gzip.decompress(raw), raw=False)
    lexicon = {}
    for cls, words in enumerate(bins[1:], start=1):
        if cls > MAX_CLASS:
            break
        for w in words:
            w = unicodedata.normalize("NFC", w)
            if WORD.match(w) and w not in lexicon:
                lexicon[w] = cls
    if "--hunspell" in sys.argv:
        with open(DIC, encoding="utf-8", errors="replace") as f:
            next(f)
            stems = [unicodedata.normalize("NFC", line.split("/")[0].strip()) for line in f]
        # Proper names (Sävja, Adelöv) too, lower-cased, so a damaged one can be read.
        for w in [w for w in stems if w.islower()] + list(dictionary_names()):
            if WORD.match(w) and len(w) > 2 and w not in lexicon:
                lexicon[w] = HUNSPELL_CLASS
    for w in from_argv(sys.argv):
        if WORD.match(w) and len(w) > 2 and w not in lexicon:
            lexicon[w] = HUNSPELL_CLASS
    out = os.path.join(ROOT, "src", "repair", "data", "lexicon.tsv")
    with open(out, "w", encoding="utf-8") as f:
        for w in sorted(lexicon):
            f.write(f"{w}\t{lexicon[w]}\n")
    print(f"{len(lexicon)} words → {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
