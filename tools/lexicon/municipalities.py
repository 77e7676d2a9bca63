"""The names of Sweden's 290 municipalities (SCB's list of municipality codes), as the npm package
kommunkoder 1.1.1 ships them in its data.json (MIT licence, Simon Johansson; data from Statistiska
centralbyrån, 2015; `npm pack kommunkoder@1.1.1`).

hunspell-sv lists most of them but not all: Vara, Kil, Ale, Kinda, Falun, Vindeln and Älvsbyn are
missing, so a municipality's own name inside a sentence read as the commoner word a mark away
(Vara as the pronoun våra). Only names of one word are taken: the words of the others (Upplands,
Östra, Lilla) are ordinary words, or names hunspell-sv has, and a name's part is no name alone.

    tools/lexicon/names.py --municipalities /tmp/kk/kommunkoder-1.1.1.tgz
"""

import json
import tarfile
import unicodedata

from lexicon_data import flag_path

DATA = "package/data.json"


def municipality_names(tarball):
    """The municipalities' names of one word, lower-cased."""
    with tarfile.open(tarball) as t:
        rows = json.load(t.extractfile(DATA))
    names = {
        unicodedata.normalize("NFC", row["municipality"]).lower()
        for row in rows
    }
    if len(names) < 290:
        raise SystemExit(f"{tarball}: {len(names)} municipalities in {DATA}, want 290")
    return {n for n in names if n.isalpha()}


def from_argv(argv):
    """The municipality names of the tarball after `--municipalities` in `argv`; none without
    the flag."""
    tarball = flag_path(argv, "--municipalities", "the kommunkoder tarball")
    return municipality_names(tarball) if tarball else set()
