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
# A chain of two endings must be shown by this many stems: a chain no word shows (d+r) is chance.
MIN_CHAIN_PAIRS = 5
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

    def kept(counts, min_pairs, max_class):
        for ending, n in sorted(counts.items(), key=lambda p: (-p[1], p[0])):
            cls = round(100 * math.log10(len(stems) / n))
            if n >= min_pairs and cls <= max_class:
                yield ending, cls

    singles = list(kept(pairs, MIN_PAIRS, MAX_CLASS))
    for ending, cls in singles:
        print(f"{ending}\t{cls}")
    endings = [ending for ending, _ in singles]
    # Which ending follows which: a stem, its form with the first ending and its form with both
    # all in the lexicon (nämnd, nämnderna, nämndernas: erna+s), so a chain no word shows (d+r)
    # spells nothing.
    chains = Counter()
    for word in lexicon:
        for second in endings:
            inner = word[: -len(second)]
            if not word.endswith(second) or inner not in lexicon:
                continue
            for first in endings:
                stem = inner[: -len(first)]
                if inner.endswith(first) and len(stem) >= MIN_STEM and stem in lexicon:
                    chains[f"{first}+{second}"] += 1
    # A chain's endings are inflection already, so no class bound, and fewer stems show it.
    for chain, cls in kept(chains, MIN_CHAIN_PAIRS, math.inf):
        print(f"{chain}\t{cls}")


if __name__ == "__main__":
    main()
