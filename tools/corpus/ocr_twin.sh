#!/usr/bin/env bash
# Makes a real OCR twin of a held-out text: corpus/heldout/NAME.txt → corpus/heldout/NAME-ocr.txt.
#
#   tools/corpus/ocr_twin.sh NAME [DPI] [ROTATE] [THRESHOLD] [OUT]
#
# The text is typeset by LibreOffice, printed to a grey image, tilted, noised, blurred and
# thresholded like a photocopied page, and read by tesseract's English model, which knows no
# å, ä or ö: the damage the Swedish scans show. Defaults are the recipe of the Linköping twin
# (200 dpi, 0.6°, threshold 55%). A twin shares its text's gold; tools/lexicon/bigrams.py and
# names.py leave every text with a twin out of their counts, so eval_repair scores it unseen.
# With OUT the twin goes there instead, outside the corpus: tools/confusion/learn.py --twins
# learns the OCR channel from such twins of texts eval_repair does not score.
# Needs (development only): libreoffice, poppler-utils, imagemagick, tesseract-ocr.
set -euo pipefail

name=${1:?usage: ocr_twin.sh NAME [DPI] [ROTATE] [THRESHOLD] [OUT]}
dpi=${2:-200}
rotate=${3:-0.6}
threshold=${4:-55}
root=$(cd "$(dirname "$0")/../.." && pwd)
src="$root/corpus/heldout/$name.txt"
out=${5:-"$root/corpus/heldout/$name-ocr.txt"}
[ -f "$src" ] || { echo "ocr_twin.sh: $src: no such held-out text" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/$name.txt"
# A profile of its own, so twins can be made side by side.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/$name.txt" >/dev/null
pdftoppm -r "$dpi" -gray "$work/$name.pdf" "$work/page"
: >"$out"
for page in "$work"/page-*.pgm; do
    convert "$page" -seed 4 -rotate "$rotate" -attenuate 0.4 +noise Gaussian -blur 0x0.6 \
        -threshold "$threshold%" "$page.png"
    tesseract "$page.png" - -l eng 2>/dev/null >>"$out"
done
echo "$out: $(wc -w <"$out") words"
