"""The names Swedes carry: the 500 commonest surnames (Skatteverket, 2025) and the 500 commonest
first names of women and of men (Isof, 2023), as the Faker package ships them in its sv_SE person
provider (MIT licence; `pip download faker==40.54.0 --no-deps -d /tmp/fk`).

hunspell-sv's proper names miss many of them (Erik, Peter, Bäck, Jörgensen), so a member's name
in a list of those present reads as a common word or not at all. The provider's source is parsed,
not imported, so Faker need not be installed.

    tools/lexicon/names.py --population /tmp/fk/faker-40.54.0-py3-none-any.whl
"""

import ast
import unicodedata
import zipfile

from lexicon_data import flag_path

PROVIDER = "faker/providers/person/sv_SE/__init__.py"
LISTS = ("first_names_female", "first_names_male", "last_names")
# The lists of given names alone.
GIVEN = LISTS[:2]


def population_names(wheel, lists=LISTS):
    """The provider's names, lower-cased: every name of its `lists`, once."""
    with zipfile.ZipFile(wheel) as z:
        tree = ast.parse(z.read(PROVIDER).decode("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        if node.targets[0].id not in lists or not isinstance(node.value, ast.Call):
            continue
        # OrderedDict(((name, share), ...)): the share is the name's frequency among its kind.
        for pair in node.value.args[0].elts:
            names.add(unicodedata.normalize("NFC", pair.elts[0].value).lower())
    if not names:
        raise SystemExit(f"{wheel}: no name lists found in {PROVIDER}")
    return names


def from_argv(argv):
    """The population names of the wheel after `--population` in `argv`; none without the flag."""
    wheel = flag_path(argv, "--population", "the Faker wheel")
    return population_names(wheel) if wheel else set()
