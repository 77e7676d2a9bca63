"""What the tools of tools/lexicon read of repair's data: the lexicon, and which of its words are
a listed stem plus an inflectional ending rather than compounds; and the path an optional
source's flag names on their command lines."""

import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "src", "repair", "data")


def lexicon():
    """src/repair/data/lexicon.tsv as word → frequency class."""
    words = {}
    with open(os.path.join(DATA, "lexicon.tsv"), encoding="utf-8") as f:
        for line in f:
            word, cls = line.rstrip("\n").rsplit("\t", 1)
            words[word] = int(cls)
    return words


def inflection_test(words):
    """A test of whether a word reads as a stem of `words` (three letters or more) plus one of
    the endings of src/repair/data/suffixes.tsv (`nämnd|en`)."""
    with open(os.path.join(DATA, "suffixes.tsv"), encoding="utf-8") as f:
        endings = [line.split("\t")[0] for line in f if line.strip() and "+" not in line]

    def inflected(word):
        return any(
            word.endswith(e) and len(word) - len(e) >= 3 and word[: -len(e)] in words
            for e in endings
        )

    return inflected


def flag_path(argv, flag, what):
    """The path after `flag` in `argv` (`what` it should be, for the error), or None without the
    flag."""
    if flag not in argv:
        return None
    i = argv.index(flag)
    if i + 1 >= len(argv):
        raise SystemExit(f"{flag} wants the path of {what}")
    return argv[i + 1]
