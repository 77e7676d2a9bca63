#!/usr/bin/env python3
"""Writes src/segment/data/given-names.txt: Swedish given names, lower-cased, one per line.

The segmenter takes a capitalised run for a person only where something says it is one: a
party in brackets after it, or, where nothing does (a "från" list, a signature, a name alone
in brackets), a given name opening it. Without that check "Stora Skedvi", "Kalmar Länstrafik"
and "AFA Försäkring" read as persons.

The names are the 500 commonest given names of each sex (Isof, 2023) as the Faker package
ships them (tools/lexicon/population.py). Development tool only; the list is committed.

    tools/segment/given_names.py /tmp/fk/faker-40.54.0-py3-none-any.whl \\
        > src/segment/data/given-names.txt
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lexicon"))
from population import GIVEN, population_names  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: given_names.py FAKER_WHEEL > src/segment/data/given-names.txt")
    for name in sorted(population_names(sys.argv[1], GIVEN)):
        print(name)


if __name__ == "__main__":
    main()
