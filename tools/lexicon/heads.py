#!/usr/bin/env python3
"""Builds src/repair/data/heads.tsv: how likely a lexicon word is to end a compound, for the words
whose frequency overstates it.

Compound analysis prices a compound by its head word's frequency, which suits content words
(stöd, nämnd, plan) but not the function words that are frequent for another reason: `den`, `det`,
`och` end almost no compounds, yet would make `namn|den` or `åren|det` cheap readings of damaged
tokens. So the head's own productivity is counted from the lexicon itself: the lexicon words that
split into a lexicon word (or one plus linking -s) of at least three letters and the head, leaving
out words that read as a listed stem plus an inflectional ending (`nämnd|en`, not `näm|nden`).
A head's class is 100·log10(compounds / (its compounds + 1)), on the lexicon's frequency scale;
only words whose head class is rarer than their frequency class are written.

    tools/lexicon/heads.py > src/repair/data/heads.tsv
"""

import collections
import math

from lexicon_data import inflection_test, lexicon as read_lexicon

# Shortest modifier, in letters: shorter splits are chance (a word starting with a short word).
MIN_MODIFIER = 3
# Shortest head in UTF-8 bytes, as compound analysis requires of a part (src/repair/search.rs).
MIN_HEAD_BYTES = 3


def main():
    lexicon = read_lexicon()
    inflected = inflection_test(lexicon)

    def modifier(m):
        return m in lexicon or (m.endswith("s") and len(m) > MIN_MODIFIER + 1 and m[:-1] in lexicon)

    heads = collections.Counter()
    for word in lexicon:
        if inflected(word):
            continue
        for k in range(MIN_MODIFIER, len(word) - 1):
            head = word[k:]
            if len(head.encode()) >= MIN_HEAD_BYTES and head in lexicon and modifier(word[:k]):
                heads[head] += 1
    total = sum(heads.values())
    for word, cls in sorted(lexicon.items()):
        head_cls = round(100 * math.log10(total / (heads[word] + 1)))
        if head_cls > cls and len(word.encode()) >= MIN_HEAD_BYTES:
            print(f"{word}\t{head_cls}")


if __name__ == "__main__":
    main()
