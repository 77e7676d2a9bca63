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
  Skatteverket and Isof as Faker ships them, MIT), added with class 700 when wordfreq lacks them;
- optionally (`--tesseract WORDS`) the capitalised words with å, ä or ö of the word list in
  tesseract's Swedish model (Debian `tesseract-ocr-swe`, tessdata_fast, Apache-2.0), added with
  the hunspell names' class when the lexicon lacks them: place and family names (Häggdånger,
  Säfsnäs, Ödqvist) that neither hunspell nor the population lists have. Its capitalised words
  without those letters stay out: web spellings of names without their marks (Solgar, a brand
  that reads solgar|den) would shadow the names repair restores;
- optionally (`--domain`) the municipal documents' own words, as bigrams.py reads them (the clean
  seeds 003/004, the authored documents, the held-out texts eval_repair does not score):
  wordfreq counts the web, where `år`, `bör`, `vägar` and `pröva` are far rarer beside `är`,
  `bor`, `vågar` and `prova` than in board minutes. A word the documents write in lower case
  takes the mixture alpha·P(documents) + (1 − alpha)·P(wordfreq) where that is the more
  frequent, alpha fit by EM to the documents held out by turns (five folds); a word never seen
  there keeps wordfreq's class, as compound and unknown-word costs are weighed on that scale.
  Words in capitals are left out but a sentence's first that no name list has: a name's
  frequency in a few documents says nothing of another board's members.

Only lower-case alphabetic words (Swedish letters, é and hyphen) are kept. The Rust build does not
run this: the TSV is turned into an fst map at first use (see src/repair/lexicon.rs).

    pip install msgpack && pip download wordfreq==3.1.1 --no-deps -d /tmp/wf
    tools/lexicon/build.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl [--hunspell]
        [--population /tmp/fk/faker-40.54.0-py3-none-any.whl] [--tesseract /tmp/swe/words.txt]
        [--domain]

The tesseract word list is the model's word dawg written out:

    apt-get download tesseract-ocr-swe && dpkg -x tesseract-ocr-swe_*.deb /tmp/swe
    combine_tessdata -u /tmp/swe/usr/share/tesseract-ocr/*/tessdata/swe.traineddata /tmp/swe/swe.
    dawg2wordlist /tmp/swe/swe.lstm-unicharset /tmp/swe/swe.lstm-word-dawg /tmp/swe/words.txt
"""

import collections
import gzip
import io
import math
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
# The letters OCR loses, which a tesseract word must carry to be added (see the module doc).
MARKED = re.compile("[åäöÅÄÖ]")
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
    if "--tesseract" in sys.argv:
        path = sys.argv[sys.argv.index("--tesseract") + 1]
        with open(path, encoding="utf-8") as f:
            for w in (unicodedata.normalize("NFC", line.strip()) for line in f):
                if len(w) > 2 and w[0].isupper() and w[1:].islower() and MARKED.search(w):
                    w = w.lower()
                    if WORD.match(w) and w not in lexicon:
                        lexicon[w] = HUNSPELL_CLASS
    if "--domain" in sys.argv:
        adapt(lexicon)
    out = os.path.join(ROOT, "src", "repair", "data", "lexicon.tsv")
    with open(out, "w", encoding="utf-8") as f:
        for w in sorted(lexicon):
            f.write(f"{w}\t{lexicon[w]}\n")
    print(f"{len(lexicon)} words → {out}", file=sys.stderr)


def listed_names():
    """The proper names repair lists (src/repair/data/names.tsv), lower case."""
    path = os.path.join(ROOT, "src", "repair", "data", "names.tsv")
    with open(path, encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f if not line.startswith("#")}


# Folds the documents are held out by in turns to fit the mixture weight.
FOLDS = 5


def adapt(lexicon):
    """Raises the class of each word the municipal documents write in lower case to the mixture
    of their frequency and wordfreq's, where that is more frequent (see the module doc)."""
    from bigrams import TOKEN, corpus_texts

    names = listed_names()

    def words(text):
        """The text's words in lower case, or opening a sentence with a capital and no name."""
        after_stop = True
        for token in unicodedata.normalize("NFC", text).split():
            # An address spells names in ASCII and lower case (johan.nystrom@…), no words.
            if "@" not in token and "://" not in token and not token.startswith("www."):
                # Words as bigrams.py reads them, its numbers left out.
                for w in (w for w in TOKEN.findall(token) if not "0" <= w[0] <= "9"):
                    if w == w.lower():
                        yield w
                    elif after_stop and w[1:] == w[1:].lower() and w.lower() not in names:
                        yield w.lower()
                    after_stop = False
            after_stop = token.endswith((".", "!", "?"))

    docs = [list(words(t)) for t in corpus_texts()]
    # A word wordfreq lacks is as rare as its rarest class, for the fit.
    floor = 10 ** (-MAX_CLASS / 100)

    def wordfreq(w):
        return 10 ** (-lexicon[w] / 100) if w in lexicon else floor

    alphas = []
    for k in range(FOLDS):
        seen = collections.Counter(w for i, d in enumerate(docs) if i % FOLDS != k for w in d)
        total = sum(seen.values())
        held = [
            (seen[w] / total, wordfreq(w))
            for i, d in enumerate(docs)
            if i % FOLDS == k
            for w in d
        ]
        alpha = 0.5
        for _ in range(100):
            alpha = sum(alpha * p / (alpha * p + (1 - alpha) * q) for p, q in held) / len(held)
        alphas.append(alpha)
    alpha = sum(alphas) / len(alphas)
    seen = collections.Counter(w for d in docs for w in d)
    total = sum(seen.values())
    raised = 0
    for w, n in seen.items():
        if not WORD.match(w):
            continue
        cls = round(-100 * math.log10(alpha * n / total + (1 - alpha) * wordfreq(w)))
        if cls < lexicon.get(w, MAX_CLASS + 1):
            lexicon[w] = cls
            raised += 1
    print(
        f"domain: {total} words of {len(docs)} documents, alpha {alpha:.3f}, {raised} raised",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
