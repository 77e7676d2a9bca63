#!/usr/bin/env bash
# Runs every cargo-fuzz target for an equal share of SECONDS, one job at a time at low
# priority, with the limits of issue 7 (2 GiB, 20 s per input), and copies whatever it finds
# into tests/hostile/fuzz-crashes/ so tests/robustness.rs keeps it as a regression case.
#
#   tools/fuzz.sh 900            # 5 minutes per target
#   tools/fuzz.sh 900 cmap       # only the cmap target, all 900 s
#
# Needs `cargo install cargo-fuzz` and the nightly toolchain.
set -euo pipefail

total=${1:?usage: tools/fuzz.sh SECONDS [TARGET...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_extract cmap repair)
share=$(( total / ${#targets[@]} ))
crashes="$root/tests/hostile/fuzz-crashes"

# Read-only seed directories (libFuzzer keeps new inputs in the first corpus directory only).
shared=""
for d in "$root/../shared/pdfs" "$root/../../shared/pdfs"; do
    [ -d "$d" ] && { shared=$d; break; }
done
seeds_for() {
    case $1 in
        load_extract) echo "$root/corpus" "$root/tests/hostile" $shared ;;
        cmap) ;;
        repair) echo "$root/corpus/truth" ;;
    esac
}

cd "$root/fuzz"
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    echo "== $t: $share s"
    # -fork=1 with ignore_* keeps fuzzing after a finding, so the whole share is used.
    # shellcheck disable=SC2046
    nice -n 19 cargo +nightly fuzz run "$t" "corpus/$t" $(seeds_for "$t") -- \
        -max_total_time="$share" -rss_limit_mb=2048 -timeout=20 -max_len=262144 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -print_final_stats=1 2>&1 | grep -E "^#|INFO: fuzzing|stat::|ERROR|==[0-9]+==|panicked|deadly|Timeout|out-of-memory" | tail -n 40 || true
done

# Keep every finding as a regression case; a CMap finding is wrapped into a PDF so the
# robustness test runs it like any other hostile file.
mkdir -p "$crashes"
for t in "${targets[@]}"; do
    for f in artifacts/"$t"/crash-* artifacts/"$t"/timeout-* artifacts/"$t"/oom-* artifacts/"$t"/slow-unit-*; do
        [ -e "$f" ] || continue
        # A seed from tests/hostile that fails again is already a regression case.
        for h in "$root"/tests/hostile/*.pdf; do
            cmp -s "$f" "$h" && { echo "known: $(basename "$f") = tests/hostile/$(basename "$h")"; continue 2; }
        done
        name="$t-$(basename "$f")"
        case $t in
            load_extract) cp "$f" "$crashes/$name.pdf" ;;
            cmap) python3 "$root/tools/hostile/make.py" --wrap-cmap "$f" "$crashes/$name.pdf" ;;
            *) cp "$f" "$crashes/$name.txt" ;;
        esac
        echo "finding: tests/hostile/fuzz-crashes/$name"
    done
done
