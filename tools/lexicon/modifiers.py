#!/usr/bin/env python3
"""Builds src/repair/data/modifiers.tsv: how likely a lexicon word is to open a compound.

Compound analysis prices a modifier by half its own frequency, which suits the words Swedish
compounds are made of (barn, skol, stads, vård) but not frequent words that open almost none: a
plural (`delar`), an inflected form, a function word. Such a modifier would make a cheap
compound of a damaged token (`delar|s|rapporten` for delårsrapporten). So a modifier's own
productivity is counted from the lexicon itself, as tools/lexicon/heads.py counts heads: the
lexicon words that split into a modifier of at least two letters (a lexicon word, or one before
linking -s) and a lexicon head of at least three bytes, leaving out words that read as a listed
stem plus an inflectional ending. A modifier's class is 100·log10(compounds / (its compounds +
1)), on the lexicon's frequency scale. Only modifiers seen are written; `#unseen` holds the class
of one never seen.

    tools/lexicon/modifiers.py > src/repair/data/modifiers.tsv
"""

import collections
import math

from lexicon_data import inflection_test, lexicon as read_lexicon

# Shortest head in UTF-8 bytes, and fewest letters of a modifier, as compound analysis requires
# (src/repair/search.rs): a two-letter modifier (is|bana, ås|rygg) is priced by how many
# compounds it opens, which is what keeps one that opens almost none (vi, od) out.
MIN_HEAD_BYTES = 3
MIN_MODIFIER_LETTERS = 2


def main():
    lexicon = read_lexicon()
    inflected = inflection_test(lexicon)

    def long_head(part):
        return len(part.encode()) >= MIN_HEAD_BYTES

    def long_modifier(part):
        return len(part) >= MIN_MODIFIER_LETTERS

    modifiers = collections.Counter()
    for word in lexicon:
        if inflected(word):
            continue
        for k in range(1, len(word)):
            modifier, head = word[:k], word[k:]
            if not (long_modifier(modifier) and long_head(head) and head in lexicon):
                continue
            if modifier in lexicon:
                modifiers[modifier] += 1
            stem = modifier[:-1]
            if modifier.endswith("s") and long_modifier(stem) and stem in lexicon:
                modifiers[stem] += 1
    total = sum(modifiers.values())
    print(f"#unseen\t{round(100 * math.log10(total))}")
    for word, n in sorted(modifiers.items()):
        print(f"{word}\t{round(100 * math.log10(total / (n + 1)))}")


if __name__ == "__main__":
    main()
