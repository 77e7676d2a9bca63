#!/usr/bin/env python3
"""Builds src/repair/data/bigrams.tsv: counts of Swedish word pairs for repair's word context.

Sources (licences in src/repair/data/NOTICE):
- the Swedish LibreOffice help (Debian `libreoffice-help-sv`, /usr/share/libreoffice/help/sv,
  MPL-2.0): running Swedish prose, tags stripped;
- Linus Walleij's book Copyright finns inte (Debian `cfi-sv`, /usr/share/doc/cfi-sv/cfi.html,
  public domain): essayistic Swedish prose, arguing and narrating where the help instructs;
- the clean seed documents 003/004 and the authored documents of tools/corpus/src that have no
  scan in corpus/ (kf-stockholm, sbn-malmo). Never the damaged seeds 000-002 or the gold, and never
  the truth of a scanned corpus document other than 003/004, so kn-goteborg's and ks-uppsala's
  scans stay unseen;
- the held-out texts of corpus/heldout (this project's writers), except those with a real OCR
  twin (NAME-ocr.txt), which eval_repair scores.

Words are lower-cased; a capitalised word inside a sentence becomes <name>, a year (1800-2099)
<year>, another number <num>, a sentence's ends <s> and </s>. Rows: `w1 w2 count` for pairs seen
at least twice, `w count` for every word seen at least twice (unigrams), `w\\t count` for the
number of distinct words seen after `w` (Witten–Bell's type count), `\\tw count` for the number
of distinct words seen before `w`, and `\\t N` (empty key) for the number of tokens.
Rows `#dash KIND DASH count` count how the municipal documents join a range of years, of clock
times (or whole hours after `kl.`), of numbers climbing from a first without a leading zero, of
other number pairs, of dates, of months and of a month beside a day or a year (2014–2018,
13.00–16.30, 3–12, 08-606, 2019-06-01–2019-08-31, januari–augusti, 1 januari–28 februari),
and a dash standing alone before a word, after a word, a number or a closing bracket or stop of
its line (`skolor – reviderade`, `Alternativ 1 – ny`): with an en dash, a hyphen or an em dash.
Rows `#group DIGITS count` count the groups of thousands the documents write after a number
(`12 000`, `3 450`): how much likelier 000 is than 900 says that `12 900` in OCR text is
likelier a zero misread.

    apt-get install libreoffice-help-sv cfi-sv && tools/lexicon/bigrams.py
"""

import collections
import glob
import html
import os
import re
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOKEN = re.compile(r"[0-9]+(?:[.,:][0-9]+)*|[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:;]\s|\n\s*\n|[.!?]$")
YEAR = re.compile(r"1[89][0-9][0-9]|20[0-9][0-9]")
AUTHORED = ["kf-stockholm-2011-utlatande.txt", "sbn-malmo-2023-tjut.txt"]


GENERAL = ["/usr/share/libreoffice/help/sv/text/**/*.html", "/usr/share/doc/cfi-sv/cfi.html"]


def general_texts():
    """Swedish prose of other kinds than the municipal documents: the help texts and the book."""
    paths = [path for pattern in GENERAL for path in sorted(glob.glob(pattern, recursive=True))]
    if len(paths) < 2:
        raise SystemExit("bigrams.py: install libreoffice-help-sv and cfi-sv (see the docstring)")
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            raw = f.read()
        raw = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", raw)
        # Block elements end sentences; inline ones only separate words.
        raw = re.sub(r"(?i)</?(p|div|h\d|li|td|tr|br|table|title)\b[^>]*>", "\n\n", raw)
        yield html.unescape(re.sub(r"<[^>]+>", " ", raw))


def unscored_heldout():
    """The names of the held-out texts (those with gold; the rest of corpus/heldout is notes such
    as first-runs.txt) that eval_repair does not score: a text with a real OCR twin there
    (NAME-ocr.txt) stays out of every count, so repair is scored on that twin unseen."""
    heldout = os.path.join(ROOT, "corpus", "heldout")
    names = sorted(os.path.basename(p)[: -len(".txt")] for p in glob.glob(os.path.join(heldout, "*.txt")))
    scored = {n[: -len("-ocr")] for n in names if n.endswith("-ocr")}
    return [
        n for n in names
        if not n.endswith("-ocr") and n not in scored
        and os.path.exists(os.path.join(ROOT, "corpus", "gold", f"{n}.json"))
    ]


def corpus_texts():
    paths = glob.glob("/work/shared/seeds/003_*.txt") + glob.glob("/work/shared/seeds/004_*.txt")
    paths += [os.path.join(ROOT, "tools", "corpus", "src", n) for n in AUTHORED]
    # The held-out texts are clerks' prose of many boards.
    heldout = os.path.join(ROOT, "corpus", "heldout")
    paths += [os.path.join(heldout, f"{name}.txt") for name in unscored_heldout()]
    for path in paths:
        with open(path, encoding="utf-8") as f:
            yield f.read()


def normal(word):
    """A word's context form; as context::normal in src/repair/context.rs."""
    if YEAR.fullmatch(word):
        return "<year>"
    return "<num>" if word[0].isdigit() else word.lower()


def capitalised(word):
    """Whether `word` is written with a capital first but not in capitals throughout."""
    return word[0].isupper() and not word.isupper()


def inside_words():
    """Each word inside a sentence of the municipal documents (corpus_texts), as written, with the
    word after it in the sentence (None at its end): words, not numbers or words in capitals
    throughout, and not a sentence's first, whose capital says nothing of the word."""
    for text in corpus_texts():
        for part in SENTENCE_END.split(unicodedata.normalize("NFC", text)):
            words = TOKEN.findall(part)
            for i, word in enumerate(words[1:], 1):
                if word[0].isalpha() and not word.isupper():
                    yield word, words[i + 1] if i + 1 < len(words) else None


def sentences(text):
    text = unicodedata.normalize("NFC", text)
    for part in SENTENCE_END.split(text):
        tokens = TOKEN.findall(part)
        # A capital inside a sentence is mostly a name; names say nothing of the words around
        # them in another document, so they count as one word, <name>.
        words = [
            "<name>" if i > 0 and capitalised(w) else normal(w)
            for i, w in enumerate(tokens)
        ]
        if words:
            yield ["<s>"] + words + ["</s>"]


DIGITS = re.compile(r"[0-9]{1,4}")
NUMBER = re.compile(r"[0-9]{1,4}|[0-9]{1,2}[.:][0-9]{2}")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# As OPENERS and CLOSERS in src/repair/tokens.rs.
OPENERS = "([\"'«»“”‘’"
CLOSERS = ".,;:!?)]\"'»”’"


MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
MONTH = re.compile(f"(?i){'|'.join(MONTHS.split())}")
DASHES = "-–—"


def range_kind(left, right, after_clock):
    """As tokens::range_kind in src/repair/tokens.rs: what a range joins, if anything; `after_clock`
    when `kl.` or `klockan` goes before it."""
    if MONTH.fullmatch(left) and MONTH.fullmatch(right):
        return "month"
    # A month beside a day or a year: 1 januari–28 februari, 2016–juni.
    if MONTH.fullmatch(left) and DIGITS.fullmatch(right) or (
        DIGITS.fullmatch(left) and MONTH.fullmatch(right)
    ):
        return "calendar"
    if not (NUMBER.fullmatch(left) and NUMBER.fullmatch(right)):
        return None
    if YEAR.fullmatch(left) and YEAR.fullmatch(right):
        return "year"
    time = ":" in left + right or "." in left + right
    if time and all(re.fullmatch(r"[0-9]{1,2}[.:][0-9]{2}", s) for s in (left, right)):
        return "time"
    if after_clock and all(len(s) <= 2 and s.isdigit() and int(s) <= 24 for s in (left, right)):
        return "time"
    if not time and not left.startswith("0") and int(left) < int(right):
        return "span"
    return "number"


def is_case_label(label):
    """As tokens::is_case_label in src/repair/tokens.rs: Dnr or Diarienummer, or a board's
    abbreviation of two to five capitals (a token less the punctuation around it)."""
    return label.lower() in ("dnr", "diarienummer") or (
        2 <= len(label) <= 5 and all(c.isalpha() and c.isupper() for c in label))


def dashes(texts):
    """How the texts set dashes, read as repair reads them (tokens::dashes): whole tokens between
    spaces, less the punctuation around them, so a case number's parts (2012/87-730) are no
    range, nor one after its label (RS 1874-2021); a dash alone between two words, after the
    first on its line."""
    counts = collections.Counter()
    for text in texts:
        lines = unicodedata.normalize("NFC", text).split("\n")
        tokens = [(n, t) for n, line in enumerate(lines) for t in line.split()]
        for i, (line, token) in enumerate(tokens):
            if len(token) == 1 and token in DASHES:
                # Before a word, after a word, a number or a closing bracket or stop on its line:
                # a list's dash opens the line.
                before = tokens[i - 1] if i > 0 else (-1, "")
                after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
                left = before[1][-1:]
                if before[0] == line and (left.isalnum() or left in ").") and after[:1].isalpha():
                    counts[("spaced", token)] += 1
                continue
            if i > 0 and is_case_label(tokens[i - 1][1].lstrip(OPENERS).rstrip(CLOSERS)):
                continue
            after_clock = i > 0 and tokens[i - 1][1].lower() in ("kl", "kl.", "klockan")
            core = token.lstrip(OPENERS).rstrip(CLOSERS)
            # Two dates joined: the dash follows the first date's ten characters.
            left, dash, right = core[:10], core[10:11], core[11:]
            if DATE.fullmatch(left) and dash and dash in DASHES and DATE.fullmatch(right):
                counts[("date", dash)] += 1
                continue
            at = min((core.find(d) for d in DASHES if d in core), default=-1)
            if at >= 0:
                kind = range_kind(core[:at], core[at + 1:], after_clock)
                if kind:
                    counts[(kind, core[at])] += 1
    return counts


def thousands_group(before, token):
    """`token` less the punctuation after it, if it is a group of thousands after the number
    `before` (`12 000`, `3 450`), as repair reads one (tokens::thousands_group); else None."""
    group = token.rstrip(",.")
    if re.fullmatch(r"[0-9]{1,3}", before) and re.fullmatch(r"[0-9]{3}", group):
        return group
    return None


def thousands(texts):
    """The groups of thousands the texts write after a number, read as repair reads them:
    whole tokens between spaces."""
    counts = collections.Counter()
    for text in texts:
        tokens = unicodedata.normalize("NFC", text).split()
        for before, token in zip(tokens, tokens[1:]):
            group = thousands_group(before, token)
            if group:
                counts[group] += 1
    return counts


def main():
    unigrams, bigrams = collections.Counter(), collections.Counter()
    general_sentences = [s for text in general_texts() for s in sentences(text)]
    domain_sentences = [s for text in corpus_texts() for s in sentences(text)]
    # The help texts and the book outnumber the municipal documents many times over but speak of
    # dialogs, menus and copyright, not of boards and decisions: the two are mixed half and half.
    weight = round(sum(map(len, general_sentences)) / max(1, sum(map(len, domain_sentences))))
    for sentence_list, w in [(general_sentences, 1), (domain_sentences, weight)]:
        for s in sentence_list:
            for _ in range(w):
                unigrams.update(s)
                bigrams.update(zip(s, s[1:]))
    followers = collections.Counter(a for (a, _) in bigrams)
    preceders = collections.Counter(b for (_, b) in bigrams)
    out = os.path.join(ROOT, "src", "repair", "data", "bigrams.tsv")
    rows = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"\t{sum(unigrams.values())}\n")
        for w, c in sorted(unigrams.items()):
            if c >= 2:
                f.write(f"{w}\t{c}\n{w}\t\t{followers[w]}\n\t{w}\t{preceders[w]}\n")
                rows += 3
        for (a, b), c in sorted(bigrams.items()):
            if c >= 2 and unigrams[a] >= 2 and unigrams[b] >= 2:
                f.write(f"{a} {b}\t{c}\n")
                rows += 1
        # How the municipal documents set dashes; the help texts' are menus and shortcuts.
        for (kind, dash), c in sorted(dashes(corpus_texts()).items()):
            f.write(f"#dash {kind} {dash}\t{c}\n")
            rows += 1
        for group, c in sorted(thousands(corpus_texts()).items()):
            f.write(f"#group {group}\t{c}\n")
            rows += 1
    print(f"{sum(unigrams.values())} tokens (municipal documents ×{weight}), {rows} rows → {out}")


if __name__ == "__main__":
    main()
