#!/usr/bin/env python3
"""Markdown tables from benchmark result files (bench_search / peers.py JSON).

    python3 tools/bench/report.py /tmp/bench/{diarium,sqlite,pg}-*.json

Files are grouped by corpus; per corpus one row per engine (ingest rate, index size, peak memory,
latency p50/p99) and the ratio of diarium's p99 to the better peer's. `--per-query` adds a table of
per-query p50 and hit totals for the largest corpus.
"""

import argparse
import json
from collections import defaultdict


def mib(b):
    return f"{b / 2**20:,.0f}"


def name(result):
    engine = result["engine"]
    return "diarium" if engine.startswith("diarium") else engine.split()[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("results", nargs="+")
    ap.add_argument("--per-query", action="store_true")
    args = ap.parse_args()
    by_corpus = defaultdict(dict)
    for path in args.results:
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
        by_corpus[r["corpus"]][name(r)] = r

    def segments(runs):
        return max((r["ingest"] or {}).get("segments", 0) for r in runs.values())

    print("| segments | engine | ingest seg/s | index MiB | peak RSS ingest MiB | "
          "p50 ms | p99 ms | diarium p99 / better peer p99 |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for corpus, runs in sorted(by_corpus.items(), key=lambda kv: segments(kv[1])):
        peers = [r["latency"]["p99_ms"] for n, r in runs.items() if n != "diarium"]
        best = min(peers) if peers else None
        for n in ["diarium", "SQLite", "PostgreSQL"]:
            r = runs.get(n)
            if r is None:
                continue
            ing = r["ingest"] or {}
            lat = r["latency"]
            ratio = ""
            if n == "diarium" and best:
                ratio = f"{lat['p99_ms'] / best:.2f}"
            print(f"| {ing.get('segments', 0):,} | {n} | {ing.get('segments_per_s', 0):,.0f} | "
                  f"{mib(r['index_bytes'])} | {mib(ing.get('peak_rss_kib', 0) * 1024)} | "
                  f"{lat['p50_ms']:.2f} | {lat['p99_ms']:.1f} | {ratio} |")
    if args.per_query:
        corpus, runs = max(by_corpus.items(), key=lambda kv: segments(kv[1]))
        engines = [n for n in ["diarium", "SQLite", "PostgreSQL"] if n in runs]
        print(f"\nPer query at {segments(runs):,} segments: p50 ms (hits)\n")
        print("| query | " + " | ".join(engines) + " |")
        print("|---|" + "---:|" * len(engines))
        for i, q in enumerate(runs[engines[0]]["queries"]):
            cells = []
            for n in engines:
                rq = runs[n]["queries"][i]
                cells.append(f"{rq['p50_ms']:.2f} ({rq['total']:,})")
            print(f"| {q['id']} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
