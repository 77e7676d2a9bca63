#!/usr/bin/env python3
"""Learns the OCR confusion table of src/repair/data/confusion.tsv.

Renders Swedish text to page images in several fonts, degrades them like a cheap scan, OCRs them
with `tesseract -l eng` (the English model is what wrecks å/ä/ö in real municipal scans), aligns
the OCR words with the rendered words and counts which truth substrings became which OCR strings.

Text rendered: the clean seed documents 003/004, the authored documents of tools/corpus/src
that have no scan in corpus/, (never the damaged seeds 000-002 or their gold,
which are the held-out test) and pseudo-sentences of words drawn from the lexicon
(src/repair/data/lexicon.tsv, made by tools/lexicon/build.py), biased towards words with å/ä/ö.

With `--twins`, it learns instead from real documents: the held-out texts of corpus/heldout
that eval_repair does not score (none with an OCR twin there), each typeset by LibreOffice and
photocopied and read by tools/corpus/ocr_twin.sh, with a recipe (resolution, tilt, threshold)
drawn per text from the range the scored twins were made with. Those pages have what rendered
word lines lack: real layout, headings, tables, names and numbers. Its table goes to
src/repair/data/confusion-twins.tsv, which repair mixes with this one; how it read words' first
letters in their case (a capital V read small, D read as O, a small ö read as a capital O), which
the lower-cased table cannot say, and the zero opening an amount's thousands (`12 000` read
`12 900`), go to src/repair/data/initials-twins.tsv. It keeps the rows of the
letters repair reads through confusable classes (å, ä, ö; l, i) and of the en dash: the rare
misreadings of other characters these pages show (s read as st, v as vv, é as e) would each be
tried at every such letter of every token, for repairs hardly ever made (with them, repair ran
22% slower for one more word fixed in the unseen OCR, 4,027 against 4,026).

Development tools only: Pillow (`pip install pillow`), ImageMagick `convert`, `tesseract` (eng);
for `--twins` also LibreOffice Writer and poppler-utils. Usage:

    tools/confusion/learn.py [--pages N] [--work DIR] [--out TSV]
    tools/confusion/learn.py --twins [--work DIR] [--out TSV]

Output columns: truth, ocr, count, total (occurrences of `truth` in the aligned words), all
lower-cased; rows with count < 2 are dropped.
"""

import argparse
import collections
import concurrent.futures
import difflib
import glob
import os
import random
import re
import subprocess
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lexicon"))
# The same held-out texts the tables count, and groups of thousands read as they are counted.
from bigrams import thousands_group, unscored_heldout  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FONTS = [
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf",
    "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
    "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf",
    "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
    "/usr/share/texmf/fonts/opentype/public/lm/lmroman10-regular.otf",
    "/usr/share/texmf/fonts/opentype/public/lm/lmsans10-regular.otf",
]
# Scan resolutions: the page is rendered at 200 dpi and resampled, so glyphs lose detail as at
# a cheap 150 dpi scan or keep it as at 300 dpi.
DPI = [150, 200, 300]
# Authored documents of tools/corpus/src that have no scanned twin in corpus/: the scanned ones
# (kn-goteborg, ks-uppsala) stay unseen so their scan WER remains a held-out measure.
AUTHORED = ["kf-stockholm-2011-utlatande.txt", "sbn-malmo-2023-tjut.txt"]
MAX_CHUNK = 3
# The truths whose misreadings the twins' table keeps: the confusable classes of
# src/repair/channel.rs (CLASSES) and the en dash, as repair reads them.
TWIN_TRUTHS = {"å", "ä", "ö", "l", "i", "–"}
# A word ending a sentence: after it, the next opens one (abbreviations such as `kap.` too).
AFTER_STOP = re.compile(r"[^\W\d_]{2,}[.!?]")
# The row of initials-twins.tsv that counts the words after a full stop.
STOP = "#after-stop"
# The row of initials-twins.tsv that counts how the OCR read the zero opening an amount's group
# of thousands (`12 000`, read `12 900`).
GROUP = "#group-zero"
# The row of initials-twins.tsv that counts, of the small å, ä and ö opening a word that the OCR
# read as another letter, those it read as a capital (`Over` for över): the lower-cased table
# cannot say it.
RAISED = "#mark-raised"
# Punctuation before a word's first letter.
OPENERS = "([\"'«»“”‘’"


def clean_seed_lines():
    lines = []
    for pattern in ("003_*.txt", "004_*.txt"):
        for path in glob.glob(os.path.join(ROOT, "..", "..", "shared", "seeds", pattern)) + glob.glob(
            os.path.join("/work/shared/seeds", pattern)
        ):
            with open(path, encoding="utf-8") as f:
                lines += [unicodedata.normalize("NFC", l.strip()) for l in f if l.strip()]
            break
    return lines


def authored_lines():
    lines = []
    for name in AUTHORED:
        with open(os.path.join(ROOT, "tools", "corpus", "src", name), encoding="utf-8") as f:
            lines += [unicodedata.normalize("NFC", l.strip()) for l in f if l.strip()]
    return lines


def legacy_model():
    """Whether tesseract's eng model carries the legacy (--oem 0) engine too."""
    probe = subprocess.run(["tesseract", "--list-langs", "--oem", "0"], capture_output=True, text=True)
    test = subprocess.run(
        ["tesseract", "/dev/null", "stdout", "-l", "eng", "--oem", "0"], capture_output=True, text=True
    )
    return probe.returncode == 0 and "legacy" not in (test.stderr or "").lower()


def lexicon_lines(rng, n_lines):
    words, weights = [], []
    with open(os.path.join(ROOT, "src", "repair", "data", "lexicon.tsv"), encoding="utf-8") as f:
        for line in f:
            w, cls = line.rstrip("\n").split("\t")
            if int(cls) > 600 or len(w) < 2 or not w.isalpha():
                continue
            words.append(w)
            weights.append(3.0 if any(c in w for c in "åäö") else 1.0)
    lines = []
    for _ in range(n_lines):
        ws = rng.choices(words, weights, k=rng.randint(5, 9))
        if rng.random() < 0.3:
            ws[0] = ws[0].capitalize()
        lines.append(" ".join(ws) + rng.choice([".", "", ",", ""]))
    return lines


def render(lines, font_path, size, path):
    """Draws the lines, wrapped at the page width, on a white 200 dpi A4-wide page."""
    font = ImageFont.truetype(font_path, size)
    width, margin, y = 1650, 80, 80
    img = Image.new("L", (width, 2340), 255)
    draw = ImageDraw.Draw(img)
    for line in lines:
        row = ""
        for word in line.split():
            trial = f"{row} {word}".strip()
            if draw.textlength(trial, font=font) > width - 2 * margin and row:
                draw.text((margin, y), row, font=font, fill=0)
                y, row = y + int(size * 1.5), word
            else:
                row = trial
        draw.text((margin, y), row, font=font, fill=0)
        y += int(size * 1.5)
        if y > 2340 - margin:
            break
    img.save(path)


def ocr_page(lines, font, seed, work, oem):
    rng = random.Random(seed)
    png, jpg = os.path.join(work, f"p{seed}.png"), os.path.join(work, f"p{seed}.jpg")
    render(lines, font, rng.choice([26, 28, 30, 33]), png)
    dpi = rng.choice(DPI)
    heavy = rng.random() < 0.4
    subprocess.run(
        ["convert", png, "-rotate", f"{rng.uniform(-1.2, 1.2):.2f}", "-background", "white",
         "-flatten", "-resize", f"{100 * dpi // 200}%",
         "-blur", f"0x{rng.uniform(0.5, 1.3) if heavy else rng.uniform(0.3, 0.9):.2f}",
         "-attenuate", f"{rng.uniform(0.3, 0.7) if heavy else rng.uniform(0.1, 0.4):.2f}",
         "+noise", "Gaussian", "-colorspace", "gray",
         "-quality", str(rng.choice([25, 42, 60, 80])), jpg],
        check=True, capture_output=True,
    )
    out = subprocess.run(["tesseract", jpg, "stdout", "-l", "eng", "--psm", "6", "--oem", str(oem),
                          "--dpi", str(dpi)],
                         check=True, capture_output=True, text=True).stdout
    return [unicodedata.normalize("NFC", l.strip()) for l in out.splitlines() if l.strip()]


def twin_lines(name, rng, work):
    """The truth and OCR lines of a real OCR twin of held-out text `name`, made once per work dir."""
    dpi = rng.choice([200, 250, 300])
    rotate = rng.choice([-1, 1]) * rng.uniform(0.3, 1.0)
    threshold = rng.randint(50, 60)
    out = os.path.join(work, f"{name}-{dpi}-{rotate:.2f}-{threshold}-ocr.txt")
    if not os.path.exists(out):
        script = os.path.join(ROOT, "tools", "corpus", "ocr_twin.sh")
        subprocess.run([script, name, str(dpi), f"{rotate:.2f}", str(threshold), out],
                       check=True, capture_output=True)
    read = lambda path: [unicodedata.normalize("NFC", l.strip())
                         for l in open(path, encoding="utf-8") if l.strip()]
    return read(os.path.join(ROOT, "corpus", "heldout", f"{name}.txt")), read(out)


def aligned_words(truth_lines, ocr_lines, lower=True):
    """Pairs truth and OCR words: identical words anchor, equal-length gaps between them pair up.
    The words are lower-cased unless `lower` is false (they are aligned lower-cased either way)."""
    tw = " ".join(truth_lines).split()
    ow = " ".join(ocr_lines).split()
    matcher = difflib.SequenceMatcher(
        None, [w.lower() for w in tw], [w.lower() for w in ow], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for t, o in zip(tw[i1:i2], ow[j1:j2]):
                yield (t.lower(), o.lower()) if lower else (t, o)


def count_initials(truth_lines, ocr_lines, initials, totals):
    """Counts how the OCR read each word's first letter, in its case (a capital V read small, a
    capital D read as O), of the words after a full stop, how many open in lower case, and how
    it read the zero opening a group of thousands after a number."""
    prev = ""
    for t, o in aligned_words(truth_lines, ocr_lines, lower=False):
        group = thousands_group(prev, t)
        if group and group[0] == "0":
            totals[GROUP] += 1
            initials[(GROUP, o[0])] += o[0] != "0"
        t, o = t.lstrip(OPENERS), o.lstrip(OPENERS)
        if len(t) > 1 and len(o) == len(t) and t[0].isalpha():
            totals[t[0]] += 1
            if o[0] != t[0]:
                initials[(t[0], o[0])] += 1
            if t[0] in "åäö" and o[0].isalpha() and o[0].lower() != t[0]:
                totals[RAISED] += 1
                initials[(RAISED, "capital")] += o[0].isupper()
            if AFTER_STOP.fullmatch(prev):
                totals[STOP] += 1
                initials[(STOP, "lower")] += t[0].islower()
        prev = t


def count_pairs(truth_lines, ocr_lines, pairs, chunks):
    for t, o in aligned_words(truth_lines, ocr_lines):
        t, o = t.strip(".,;:"), o.strip(".,;:")
        if not t or abs(len(t) - len(o)) > 3:
            continue
        for n in range(1, MAX_CHUNK + 1):
            for i in range(len(t) - n + 1):
                chunks[t[i:i + n]] += 1
        if t == o:
            continue
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, t, o, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            if tag == "insert":
                if i1 == 0:
                    continue
                i1 -= 1
                j1 -= 1
            if i2 - i1 > MAX_CHUNK or j2 - j1 > MAX_CHUNK:
                continue
            pairs[(t[i1:i2], o[j1:j2])] += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--work", default="/tmp/confusion-work")
    ap.add_argument("--twins", action="store_true",
                    help="learn from real OCR twins of held-out documents instead of rendered lines")
    ap.add_argument("--out")
    args = ap.parse_args()
    data = os.path.join(ROOT, "src", "repair", "data")
    os.makedirs(args.work, exist_ok=True)
    if args.twins:
        learn_twins(args.work, args.out or os.path.join(data, "confusion-twins.tsv"))
        return
    args.out = args.out or os.path.join(data, "confusion.tsv")
    rng = random.Random(4)
    seed_lines = clean_seed_lines() + authored_lines()
    engines = [1, 0] if legacy_model() else [1]
    pairs, chunks = collections.Counter(), collections.Counter()
    for page in range(args.pages):
        lines = seed_lines[(page * 30) % max(1, len(seed_lines)):][:30] if page % 3 == 0 else []
        lines = lines or lexicon_lines(rng, 30)
        font = FONTS[page % len(FONTS)]
        oem = engines[(page // len(FONTS)) % len(engines)]
        try:
            ocr = ocr_page(lines, font, page, args.work, oem)
        except subprocess.CalledProcessError as e:
            print(f"page {page}: skipped ({e})", file=sys.stderr)
            continue
        count_pairs(lines, ocr, pairs, chunks)
        print(f"page {page}: {font.split('/')[-1]} oem {oem}, {len(pairs)} confusion kinds",
              file=sys.stderr)
        if page % 6 == 5 or page == args.pages - 1:
            write(pairs, chunks, args.out)


def learn_twins(work, out):
    rng = random.Random(4)
    jobs = [(name, random.Random(rng.random())) for name in unscored_heldout()]
    pairs, chunks = collections.Counter(), collections.Counter()
    initials, totals = collections.Counter(), collections.Counter()
    # LibreOffice and tesseract each keep about one core busy: two twins are made at a time.
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        made = pool.map(lambda job: twin_or_error(job[0], job[1], work), jobs)
        for (name, _), (lines, error) in zip(jobs, made):
            if error:
                print(f"{name}: skipped ({error})", file=sys.stderr)
                continue
            count_pairs(*lines, pairs, chunks)
            count_initials(*lines, initials, totals)
            print(f"{name}: {len(pairs)} confusion kinds", file=sys.stderr)
    kept = {(t, o): c for (t, o), c in pairs.items() if t in TWIN_TRUTHS}
    write(kept, chunks, out, "tools/confusion/learn.py --twins")
    write_initials(initials, totals, os.path.join(os.path.dirname(out), "initials-twins.tsv"))


def write_initials(initials, totals, out):
    """The first-letter misreadings the lower-case table cannot say: a letter's case read wrong,
    or a capital read as another capital whose small letters do not look alike (D as O). The
    misreadings of å, ä, ö, l and i into other letters it has already."""
    with open(out, "w", encoding="utf-8") as f:
        f.write("# truth\tocr\tcount\ttotal — a word's first letter, learned by "
                "tools/confusion/learn.py --twins\n")
        for (t, o), c in sorted(initials.items(), key=lambda kv: (-kv[1], kv[0])):
            letter = t != STOP and o.isalpha()
            same = t.lower() == o.lower() or t.lower() not in TWIN_TRUTHS
            if c >= 2 and (t in (STOP, GROUP, RAISED) or letter and same):
                f.write(f"{t}\t{o}\t{c}\t{totals[t]}\n")


def twin_or_error(name, rng, work):
    try:
        return twin_lines(name, rng, work), None
    except subprocess.CalledProcessError as e:
        return None, e.stderr.decode(errors="replace").strip()


def write(pairs, chunks, out, how="tools/confusion/learn.py"):
    """Writes the table so far, so a long run can be stopped early."""
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# truth\tocr\tcount\ttotal — learned by {how}\n")
        for (t, o), c in sorted(pairs.items(), key=lambda kv: -kv[1]):
            if c >= 2:
                f.write(f"{t}\t{o}\t{c}\t{max(chunks[t], c)}\n")


if __name__ == "__main__":
    main()
