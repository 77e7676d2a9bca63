#!/usr/bin/env bash
# Regenerate corpus/ (and with --long benches/data/long.pdf). See corpus/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 tools/corpus/build.py "$@"
