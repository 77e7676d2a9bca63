#!/usr/bin/env python3
"""Builds src/repair/data/modifiers.tsv: how likely a lexicon word is to open a compound.

Compound analysis prices a modifier by half its own frequency, which suits the words Swedish
compounds are made of (barn, skol, stads, vård) but not frequent words that open almost none: a
plural (`delar`), an inflected form, a function word. Such a modifier would make a cheap
compound of a damaged token (`delar|s|rapporten` for delårsrapporten). So a modifier's own
productivity is counted from the lexicon itself, as tools/lexicon/heads.py counts heads: the
lexicon words that split into a modifier of at least three bytes (a lexicon word, or one before
linking -s) and a lexicon head of at least three bytes, leaving out words that read as a listed
stem plus an inflectional ending. A modifier's class is 100·log10(compounds / (its compounds +
1)), on the lexicon's frequency scale. Only modifiers seen are written; `#unseen` holds the class
of one never seen.

    tools/lexicon/modifiers.py > src/repair/data/modifiers.tsv
"""

import collections
import math
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# Shortest compound part in UTF-8 bytes, as compound analysis requires (src/repair/search.rs).
MIN_PART_BYTES = 3


def main():
    data = os.path.join(ROOT, "src", "repair", "data")
    lexicon = {}
    with open(os.path.join(data, "lexicon.tsv"), encoding="utf-8") as f:
        for line in f:
            word, cls = line.rstrip("\n").rsplit("\t", 1)
            lexicon[word] = int(cls)
    with open(os.path.join(data, "suffixes.tsv"), encoding="utf-8") as f:
        endings = [line.split("\t")[0] for line in f if line.strip()]

    def inflected(word):
        return any(
            word.endswith(e) and len(word) - len(e) >= 3 and word[: -len(e)] in lexicon
            for e in endings
        )

    def long_enough(part):
        return len(part.encode()) >= MIN_PART_BYTES

    modifiers = collections.Counter()
    for word in lexicon:
        if inflected(word):
            continue
        for k in range(1, len(word)):
            modifier, head = word[:k], word[k:]
            if not (long_enough(modifier) and long_enough(head) and head in lexicon):
                continue
            if modifier in lexicon:
                modifiers[modifier] += 1
            stem = modifier[:-1]
            if modifier.endswith("s") and long_enough(stem) and stem in lexicon:
                modifiers[stem] += 1
    total = sum(modifiers.values())
    print(f"#unseen\t{round(100 * math.log10(total))}")
    for word, n in sorted(modifiers.items()):
        print(f"{word}\t{round(100 * math.log10(total / (n + 1)))}")


if __name__ == "__main__":
    main()
