#!/usr/bin/env python3
"""Builds src/repair/data/names.tsv: the proper names of the Swedish hunspell dictionary, and how
much likelier a word written with a capital inside a sentence is one of them.

A capitalised word inside a sentence is mostly a name, so a reading that is a name is worth more
there than its frequency says: `Håkan` against `Hakan` (a Turkish name the web spells often),
`Strömberg` against `Stromberg`, and a district's name against a commoner word one letter off. The rows:

- `name 1` for every capitalised entry of hunspell-sv (Debian `hunspell-sv`,
  /usr/share/hunspell/sv_SE.dic, LGPL; first names, surnames, places), lower-cased; entries the
  dictionary marks NOSUGGEST (`!`: correct but not to be proposed, e.g. Granby beside Gränby) or
  FORBIDDENWORD (`%`) are left out; and for every name of the 500 commonest surnames and first
  names of Sweden's population (population.py: Skatteverket and Isof, as Faker ships them, MIT),
  which hunspell-sv lists only in part; and for the one-word names of Sweden's municipalities
  (municipalities.py: SCB's list, as kommunkoder ships it, MIT), seven of which it lacks;
- `#capitalised named N`, `#capitalised other N`, `#lower named N`, `#lower other N`: how many
  words inside a sentence of the municipal documents (bigrams.py's corpus_texts: never the damaged
  seeds, the gold or an OCR twin's truth) are written with a capital or not, and are a name
  (or a name's genitive) or not;
- `#inside WORD N` and `#capital WORD N` for every word seen at least MIN_SEEN times inside a
  sentence there: how often, and how often with a capital. A word's own counts outweigh its
  class's, so a word seen often and never with a capital is a poor reading of a capitalised one;
- `#inside before-name WORD N` and `#capital before-name WORD N`: the same, of the word before a
  capitalised word, which opens a name there as often as not (Östra Göinge, but över Kommunen);
- `#opens WORD N` and `#opens-capital WORD N` for every word seen opening a line at least
  MIN_SEEN times: how often, and how often with a capital (a heading's Ärendebeskrivning, or a
  word a wrapped line of running text opens with).

src/repair/lexicon.rs turns them into P(capital | word).

    apt-get install hunspell-sv && pip download faker==40.54.0 --no-deps -d /tmp/fk
    mkdir -p /tmp/kk && (cd /tmp/kk && npm pack kommunkoder@1.1.1)
    tools/lexicon/names.py --population /tmp/fk/faker-40.54.0-py3-none-any.whl \
        --municipalities /tmp/kk/kommunkoder-1.1.1.tgz
"""

import collections
import os
import sys
import unicodedata

from bigrams import ROOT, TOKEN, capitalised, corpus_texts, inside_words
import municipalities
import population

DIC = "/usr/share/hunspell/sv_SE.dic"
# hunspell-sv's NOSUGGEST and FORBIDDENWORD flags (sv_SE.aff).
SKIP_FLAGS = set("!%")
# Sightings from which a word's own capital count is written out.
MIN_SEEN = 3


def dictionary_names():
    """hunspell-sv's capitalised entries, lower-cased, but those it never proposes."""
    with open(DIC, encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            word, _, flags = line.strip().partition("/")
            word = unicodedata.normalize("NFC", word)
            if word[:1].isupper() and not word.isupper() and not SKIP_FLAGS & set(flags):
                yield word.lower()


def names(extra):
    """The names known: hunspell-sv's and the `extra` names, alphabetic ones only."""
    return {w for w in set(dictionary_names()) | extra if w.isalpha()}


def is_name(word, known):
    """As lexicon::is_name in src/repair/lexicon.rs: a name or a name's genitive."""
    return word in known or (word.endswith("s") and word[:-1] in known)


def capitals(known):
    """The class counts, and each word's sightings inside a sentence and with a capital there;
    the same before a capitalised word (a name's first word: Östra Göinge, or a word before one)."""
    counts, inside, capital = collections.Counter(), collections.Counter(), collections.Counter()
    for word, after in inside_words():
        lower = word.lower()
        case = "capitalised" if word[0].isupper() else "lower"
        kind = "named" if is_name(lower, known) else "other"
        counts[(case, kind)] += 1
        before = ("before-name ",) if after and capitalised(after) else ()
        for key in ("",) + before:
            inside[key + lower] += 1
            capital[key + lower] += word[0].isupper()
    return counts, inside, capital


def line_openers():
    """How often each word opens a line of the municipal documents, and how often in a capital
    (a heading's word, or one a wrapped line of running text opens with)."""
    opens, capital = collections.Counter(), collections.Counter()
    for text in corpus_texts():
        for line in unicodedata.normalize("NFC", text).split("\n"):
            words = TOKEN.findall(line)
            if words and words[0][0].isalpha() and not words[0].isupper():
                opens[words[0].lower()] += 1
                capital[words[0].lower()] += words[0][0].isupper()
    return opens, capital


def main():
    known = names(population.from_argv(sys.argv) | municipalities.from_argv(sys.argv))
    out = os.path.join(ROOT, "src", "repair", "data", "names.tsv")
    counts, inside, capital = capitals(known)
    with open(out, "w", encoding="utf-8") as f:
        for (case, kind), c in sorted(counts.items()):
            f.write(f"#{case} {kind}\t{c}\n")
        for w, n in sorted(inside.items()):
            if n >= MIN_SEEN:
                f.write(f"#inside {w}\t{n}\n")
                if capital[w]:
                    f.write(f"#capital {w}\t{capital[w]}\n")
        opens, opens_capital = line_openers()
        for w, n in sorted(opens.items()):
            if n >= MIN_SEEN:
                f.write(f"#opens {w}\t{n}\n")
                if opens_capital[w]:
                    f.write(f"#opens-capital {w}\t{opens_capital[w]}\n")
        for w in sorted(known):
            f.write(f"{w}\t1\n")
    print(f"{len(known)} names, {dict(counts)} → {out}")


if __name__ == "__main__":
    main()
