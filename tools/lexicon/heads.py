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

Rows `#inside HEAD N` and `#capital HEAD N`: how often the municipal documents (bigrams.py's
corpus_texts) write a word ending in HEAD inside a sentence, HEAD its longest ending that the
lexicon lists (of at least MIN_CAPITAL_HEAD letters, after at least MIN_CAPITAL_MODIFIER), and how
often with a capital: what a compound's head says of its letter case where the documents never show
the compound itself. Names of homes, farms and streets end alike (Solgården, Älvgården, Åkervägen),
and so do words that are no names (skolgården).

    tools/lexicon/heads.py > src/repair/data/heads.tsv
"""

import collections
import math

from bigrams import inside_words
from lexicon_data import inflection_test, lexicon as read_lexicon

# Shortest modifier, in letters: shorter splits are chance (a word starting with a short word).
MIN_MODIFIER = 3
# Shortest head in UTF-8 bytes, as compound analysis requires of a part (src/repair/search.rs).
MIN_HEAD_BYTES = 3
# Shortest modifier, in letters, before a head whose compounds' letter case is counted: a place's
# or a home's name opens with a short word as often as a long one (Ås|gården, Ek|vägen).
MIN_CAPITAL_MODIFIER = 2
# Shortest head, in letters, whose compounds' letter case is counted: shorter endings (-en, -ar)
# are inflections as often as words.
MIN_CAPITAL_HEAD = 4
# Fewest compounds a head's letter case is written for, as names.py's MIN_SEEN.
MIN_SEEN = 3


def capital_head(word, lexicon):
    """`word`'s longest ending the lexicon lists that counts as its head, if any (as
    lexicon::capital_head in src/repair/lexicon.rs)."""
    for k in range(MIN_CAPITAL_MODIFIER, len(word) - MIN_CAPITAL_HEAD + 1):
        if word[k:] in lexicon:
            return word[k:]
    return None


def compound_capitals(lexicon):
    """How often the documents write a word of each head inside a sentence, and with a capital."""
    inside, capital = collections.Counter(), collections.Counter()
    for word, _ in inside_words():
        head = capital_head(word.lower(), lexicon)
        if head:
            inside[head] += 1
            capital[head] += word[0].isupper()
    return inside, capital


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
    inside, capital = compound_capitals(lexicon)
    for head, n in sorted(inside.items()):
        if n >= MIN_SEEN:
            print(f"#inside {head}\t{n}")
            if capital[head]:
                print(f"#capital {head}\t{capital[head]}")


if __name__ == "__main__":
    main()
