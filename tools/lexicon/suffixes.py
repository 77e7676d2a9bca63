#!/usr/bin/env python3
"""Builds src/repair/data/suffixes.tsv: Swedish inflectional ending → cost class, learned from the
lexicon itself (src/repair/data/lexicon.tsv), so repair can read an inflected form the word list
lacks (nämnd + ernas) as a known stem plus a known ending.

An ending is a string s (1–5 letters) for which many lexicon words w have w+s in the lexicon too.
Its class is 100·log10(stems / pairs) — the same scale as the lexicon's frequency classes — so
-ln P(ending | stem) = class · ln(10)/100. Rare endings (mostly compound heads such as `lag`,
`tid`) are left out: compounds are read as compounds, not as inflection.

    tools/lexicon/suffixes.py > src/repair/data/suffixes.tsv
"""

import math
from collections import Counter

from lexicon_data import lexicon as read_lexicon

MAX_LEN = 5
MIN_STEM = 3
# An ending must pair this many stems to count as inflection rather than chance.
MIN_PAIRS = 40
# Rarer endings than this class are mostly compound heads (`del`, `tid`, `berg`), which compound
# analysis reads already; inflection takes the common endings, chained at most twice (erna+s).
MAX_CLASS = 200


def main():
    lexicon = read_lexicon()
    pairs = Counter()
    stems = set()
    for word in lexicon:
        for k in range(1, MAX_LEN + 1):
            stem, ending = word[:-k], word[-k:]
            if len(stem) >= MIN_STEM and stem in lexicon and "-" not in ending:
                pairs[ending] += 1
                stems.add(stem)
    for ending, n in sorted(pairs.items(), key=lambda p: -p[1]):
        cls = round(100 * math.log10(len(stems) / n))
        if n < MIN_PAIRS or cls > MAX_CLASS:
            continue
        print(f"{ending}\t{cls}")


if __name__ == "__main__":
    main()
