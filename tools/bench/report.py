#!/usr/bin/env python3
"""Markdown tables from benchmark result files (bench_search / peers.py JSON).

    python3 tools/bench/report.py /tmp/bench/{diarium,sqlite,pg}-*.json

Files are grouped by corpus (a later file of the same engine and corpus replaces an earlier one,
keeping its ingest figures if the later is a query-only rerun); per corpus one row per engine (ingest rate, index size, peak memory,
latency p50/p99) and the ratio of diarium's p99 to the better peer's. `--per-query` adds a table of
per-query p50 and hit totals for the largest corpus.
"""

import argparse
import json
from collections import defaultdict


def mib(b):
    return f"{b / 2**20:,.0f}"


def percentile(values, p):
    """Nearest-rank percentile, as peers.py and bench_search compute it."""
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1))
    return v[k]


def search_p99(result):
    """p99 over the queries that ask no facet counts."""
    return percentile([t for q in result["queries"] if not q.get("facets") for t in q["ms"]], 99)


def anon(ingest):
    """The peak of anonymous memory where the run sampled it (diarium: VmHWM counts mapped files)."""
    kib = ingest.get("peak_anon_kib")
    return f" ({mib(kib * 1024)} anon)" if kib else ""


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
        # A query-only rerun (`--skip-ingest`) keeps the ingest figures of the earlier file.
        earlier = by_corpus[r["corpus"]].get(name(r))
        if r["ingest"] is None and earlier is not None:
            r["ingest"] = earlier["ingest"]
        by_corpus[r["corpus"]][name(r)] = r

    def segments(runs):
        return max((r["ingest"] or {}).get("segments", 0) for r in runs.values())

    print("| segments | engine | ingest seg/s | index MiB | peak RSS ingest MiB | p50 ms | p99 ms | "
          "p99 ms without facet queries | diarium p99 / better peer p99 (all; without facets) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for corpus, runs in sorted(by_corpus.items(), key=lambda kv: segments(kv[1])):
        peers = [r for n, r in runs.items() if n != "diarium"]
        best = min(r["latency"]["p99_ms"] for r in peers) if peers else None
        best_search = min(search_p99(r) for r in peers) if peers else None
        for n in ["diarium", "SQLite", "PostgreSQL"]:
            r = runs.get(n)
            if r is None:
                continue
            ing = r["ingest"] or {}
            lat = r["latency"]
            ratio = ""
            if n == "diarium" and best:
                ratio = f"{lat['p99_ms'] / best:.2f}; {search_p99(r) / best_search:.2f}"
            print(f"| {ing.get('segments', 0):,} | {n} | {ing.get('segments_per_s', 0):,.0f} | "
                  f"{mib(r['index_bytes'])} | {mib(ing.get('peak_rss_kib', 0) * 1024)}{anon(ing)} | "
                  f"{lat['p50_ms']:.2f} | {lat['p99_ms']:.1f} | {search_p99(r):.1f} | {ratio} |")
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
