#!/usr/bin/env bash
# Ingest benchmark (issue 6): end-to-end pages/s of `diarium ingest` (extract, repair, segment,
# index) on synthetic council PDFs, beside pdftotext extracting the same files on the same cores.
#
#   tools/bench/ingest.sh [SEGMENTS] [SEED]     # default 20000 segments (~1,700 PDFs, ~5,400 pages)
#
# The PDFs are made once per size and seed by examples/gen_corpus and tools/bench/render_pdfs.py
# (LibreOffice; a fifth of them with an OCR-damaged text layer) under /tmp/bench. Needs a release
# build, LibreOffice and poppler-utils (pdfinfo, pdftotext); the product itself needs neither.
set -euo pipefail

segments=${1:-20000}
seed=${2:-11}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=/tmp/bench
pdfs=$work/pdf-$segments-$seed
mkdir -p "$work"
cd "$root"
cargo build --release --quiet --bin diarium --example gen_corpus
if [ ! -d "$pdfs" ]; then
    target/release/examples/gen_corpus --segments "$segments" --seed "$seed" \
        --out "$work/c-$segments-$seed.jsonl" 2>/dev/null
    tools/bench/render_pdfs.py "$work/c-$segments-$seed.jsonl" "$pdfs.tmp"
    mv "$pdfs.tmp" "$pdfs"
fi
files=$(find "$pdfs" -name '*.pdf' | wc -l)
pages=$(find "$pdfs" -name '*.pdf' -print0 | xargs -0 -n 1 -P 2 pdfinfo 2>/dev/null \
    | awk '/^Pages:/ {n += $2} END {print n}')
echo "corpus: $files PDFs, $pages pages ($pdfs)"

rate() { awk -v p="$pages" -v s="$1" 'BEGIN {printf "%.0f", p / s}'; }
seconds() { awk '/Elapsed \(wall clock\)/ {n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }

rm -rf "$work/ingest-index"
/usr/bin/time -v target/release/diarium ingest "$pdfs" --index "$work/ingest-index" \
    > "$work/ingest.out" 2> "$work/ingest.time"
d=$(seconds "$work/ingest.time")
rss=$(awk '/Maximum resident/ {printf "%.0f", $NF / 1024}' "$work/ingest.time")
echo "diarium ingest:   $(tail -n 1 "$work/ingest.out")"
echo "diarium ingest:   ${d} s, $(rate "$d") pages/s end to end, peak RSS ${rss} MiB, index $(du -sm "$work/ingest-index" | cut -f1) MiB"

# The peer extracts text only, two processes at a time (the machine's cores), no repair or index.
/usr/bin/time -v sh -c "find '$pdfs' -name '*.pdf' -print0 | xargs -0 -P 2 -I{} pdftotext -q {} /dev/null" \
    2> "$work/pdftotext.time"
p=$(seconds "$work/pdftotext.time")
echo "pdftotext (-P 2): ${p} s, $(rate "$p") pages/s, extraction only"
awk -v d="$d" -v p="$p" 'BEGIN {printf "ratio: diarium end to end takes %.2f× the time pdftotext takes to extract\n", d / p}'
