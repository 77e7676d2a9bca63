#!/usr/bin/env python3
"""Builds src/repair/data/similar.tsv: for the common words of the bigram counts, the words that
share their neighbours, which repair's word context backs off to for a pair the counts never saw.

Most word pairs of a new document are missing from counts of three million words: `bör göra`
and `bör placeras` are, while `kan göra` and `bör se` are not. Words that take the same words
after them (bör, ska, kan, måste: a verb's infinitive) or before them (göra, se, pröva: a modal
or att) stand in for each other there, as Dagan, Lee and Pereira's similarity-based estimates
have it: P(göra | bör) is read from P(göra | kan) and the rest of bör's like. No word class is
written by hand: the likeness is the cosine of two words' positive pointwise mutual information
with the words after them (rows `>WORD`) or before them (rows `<WORD`).

Rows: `>WORD\\tLIKE WEIGHT,LIKE WEIGHT,…` and `<WORD\\t…`, at most NEIGHBOURS likes, each at
least MIN_LIKENESS alike, weights their likeness in thousandths.

    pip install numpy && tools/lexicon/similar.py
"""

import collections
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "src", "repair", "data")
# Fewest sightings (as bigrams.tsv counts them) of a word whose likes are written: a rarer word's
# neighbours are too few to say what it is like.
MIN_SEEN = 10
# Most likes written per word and side.
NEIGHBOURS = 5
# Least cosine of a like: below it, two words share little more than the commonest neighbours.
MIN_LIKENESS = 0.15
# Words a row holds while the cosines are taken, so the matrices stay a few hundred MB.
CHUNK = 500


def read_counts():
    unigrams, pairs = {}, {}
    with open(os.path.join(DATA, "bigrams.tsv"), encoding="utf-8") as f:
        for line in f:
            key, _, count = line.rstrip("\n").rpartition("\t")
            if not key or key.startswith("#") or "\t" in key:
                continue
            if " " in key:
                a, b = key.split(" ")
                pairs[(a, b)] = int(count)
            else:
                unigrams[key] = int(count)
    return unigrams, pairs


def likes(unigrams, pairs, side):
    """Each common word's likes by its neighbours on `side` (0: the words after it, 1: before)."""
    total = sum(unigrams.values())
    context = collections.defaultdict(dict)
    for pair, n in pairs.items():
        word, other = (pair[0], pair[1]) if side == 0 else (pair[1], pair[0])
        if unigrams.get(word, 0) >= MIN_SEEN and other in unigrams:
            pmi = np.log(n * total / (unigrams[word] * unigrams[other]))
            if pmi > 0:
                context[word][other] = pmi
    words = sorted(context)
    features = {f: i for i, f in enumerate(sorted({f for c in context.values() for f in c}))}
    matrix = np.zeros((len(words), len(features)), dtype=np.float32)
    for row, word in enumerate(words):
        for other, pmi in context[word].items():
            matrix[row, features[other]] = pmi
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    out = {}
    for start in range(0, len(words), CHUNK):
        cosines = matrix[start : start + CHUNK] @ matrix.T
        for k, row in enumerate(cosines):
            row[start + k] = 0.0
            best = np.argsort(-row)[:NEIGHBOURS]
            alike = [(words[j], row[j]) for j in best if row[j] >= MIN_LIKENESS]
            if alike:
                out[words[start + k]] = alike
    return out


def main():
    unigrams, pairs = read_counts()
    path = os.path.join(DATA, "similar.tsv")
    rows = 0
    with open(path, "w", encoding="utf-8") as f:
        for mark, side in [(">", 0), ("<", 1)]:
            for word, alike in sorted(likes(unigrams, pairs, side).items()):
                cells = ",".join(f"{w} {round(1000 * s)}" for w, s in alike)
                f.write(f"{mark}{word}\t{cells}\n")
                rows += 1
    print(f"{rows} rows → {path}")


if __name__ == "__main__":
    main()
