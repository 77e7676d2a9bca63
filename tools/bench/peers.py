#!/usr/bin/env python3
"""Peer engines of the search benchmark (issue 6): SQLite FTS5 and PostgreSQL full-text search.

Both load the segments of the same `gen_corpus` JSON lines (one diarium Document per line) and run
the fixed query set of `queries.json` (top 10 with snippets, total count, facets where asked).

    python3 tools/bench/peers.py sqlite CORPUS.jsonl --db /tmp/bench.db --out results.json
    python3 tools/bench/peers.py pg CORPUS.jsonl --pgdir /tmp/bench_pg --out results.json

`pg` expects a running throwaway cluster (see `pg_cluster.sh`). Results are JSON on stdout (or
`--out`): ingest figures and, per query, total hits and latency percentiles.
"""

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def segments(corpus):
    """Yields one flat row per segment, in file order; the id is doc_id:item:segment."""
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            date = doc.get("date") or None
            for i, item in enumerate(doc["items"]):
                for j, seg in enumerate(item["segments"]):
                    yield {
                        "id": f"{doc['doc_id']}:{i}:{j}",
                        "doc_id": doc["doc_id"],
                        "title": item["title"],
                        "body": doc["body"],
                        "doc_type": doc["doc_type"],
                        "date": date,
                        "year": int(date[:4]) if date else None,
                        "paragraph": item.get("paragraph"),
                        "kind": seg["kind"],
                        "heading": seg["heading"],
                        "text": seg["text"],
                        "parties": seg["parties"],
                        "persons": seg["persons"],
                    }


def load_queries():
    with open(HERE / "queries.json", encoding="utf-8") as f:
        return json.load(f)["queries"]


def percentile(values, p):
    """Nearest-rank percentile of a list of numbers."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def vm_hwm_kib(pid):
    """Peak resident set of a process in KiB, from /proc (Linux)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def measure(run, queries, reps, warmup):
    """Runs each query `warmup` times untimed, then `reps` times timed; returns per-query results."""
    out = []
    for q in queries:
        for _ in range(warmup):
            result = run(q)
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            result = run(q)
            times.append((time.perf_counter() - t0) * 1000)
        out.append(
            {
                "id": q["id"],
                "total": result["total"],
                "top": result["top"][:3],
                "snippet": result["snippet"],
                "facets": result.get("facets"),
                "ms": times,
                "p50_ms": statistics.median(times),
            }
        )
    return out


def summary(per_query):
    all_ms = [t for q in per_query for t in q["ms"]]
    return {"p50_ms": percentile(all_ms, 50), "p99_ms": percentile(all_ms, 99), "runs": len(all_ms)}


# ---------------------------------------------------------------- SQLite FTS5


SQLITE_SCHEMA = """
CREATE TABLE seg (
  rowid INTEGER PRIMARY KEY, id TEXT, doc_id TEXT, title TEXT, body TEXT, doc_type TEXT,
  date TEXT, year INTEGER, paragraph TEXT, kind TEXT, heading TEXT, text TEXT, persons TEXT);
CREATE TABLE seg_party (seg INTEGER, party TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, heading, text, content='seg', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
"""
SQLITE_INDEXES = """
CREATE INDEX seg_kind ON seg(kind);
CREATE INDEX seg_date ON seg(date);
CREATE INDEX seg_party_party ON seg_party(party, seg);
CREATE INDEX seg_party_seg ON seg_party(seg);
"""


def sqlite_ingest(corpus, db):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + SQLITE_SCHEMA)
    t0 = time.perf_counter()
    n = 0
    with con:
        batch, parties = [], []
        for s in segments(corpus):
            n += 1
            batch.append(
                (n, s["id"], s["doc_id"], s["title"], s["body"], s["doc_type"], s["date"],
                 s["year"], s["paragraph"], s["kind"], s["heading"], s["text"],
                 "; ".join(s["persons"]))
            )
            parties.extend((n, p) for p in s["parties"])
            if len(batch) >= 5000:
                sqlite_flush(con, batch, parties)
        sqlite_flush(con, batch, parties)
        con.executescript(SQLITE_INDEXES)
        con.execute("INSERT INTO fts(fts) VALUES('optimize')")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - t0
    con.close()
    return {
        "segments": n,
        "seconds": seconds,
        "segments_per_s": n / seconds,
        "index_bytes": os.path.getsize(db),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def sqlite_flush(con, batch, parties):
    con.executemany("INSERT INTO seg VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    con.executemany(
        "INSERT INTO fts(rowid, title, heading, text) VALUES (?,?,?,?)",
        [(r[0], r[3], r[10], r[11]) for r in batch],
    )
    con.executemany("INSERT INTO seg_party VALUES (?,?)", parties)
    batch.clear()
    parties.clear()


def sqlite_where(q):
    where, args = ["fts MATCH ?"], [q["fts5"]]
    if "kind" in q:
        where.append("seg.kind = ?")
        args.append(q["kind"])
    if "party" in q:
        where.append("seg.rowid IN (SELECT seg FROM seg_party WHERE party = ?)")
        args.append(q["party"])
    if "body" in q:
        where.append("instr(seg.body, ?) > 0")
        args.append(q["body"])
    if "from" in q:
        where.append("seg.date >= ?")
        args.append(q["from"])
    if "to" in q:
        where.append("seg.date <= ?")
        args.append(q["to"])
    return " AND ".join(where), args


def sqlite_runner(con):
    def run(q):
        where, args = sqlite_where(q)
        # The metadata table only when a filter needs it, and after the full-text match (CROSS JOIN
        # fixes the order): driven from a metadata index, SQLite would run MATCH once per row.
        filtered = len(args) > 1
        join = "CROSS JOIN seg ON seg.rowid = fts.rowid " if filtered else ""
        base = f"FROM fts {join}WHERE {where}"
        total = con.execute(f"SELECT count(*) {base}", args).fetchone()[0]
        top = con.execute(
            f"SELECT fts.rowid, bm25(fts, 3.0, 2.0, 1.0) AS score {base} ORDER BY score LIMIT 10",
            args,
        ).fetchall()
        # Snippets for the ten best only (in the ranking query SQLite would make one per match).
        rowids = [r[0] for r in top]
        marks = ",".join("?" * len(rowids))
        snippets = dict(
            con.execute(
                f"SELECT fts.rowid, snippet(fts, 2, '<b>', '</b>', '…', 16) FROM fts "
                f"WHERE fts MATCH ? AND fts.rowid IN ({marks})",
                [q["fts5"], *rowids],
            ).fetchall()
        ) if rowids else {}
        ids = dict(
            con.execute(f"SELECT rowid, id FROM seg WHERE rowid IN ({marks})", rowids).fetchall()
        ) if rowids else {}
        result = {
            "total": total,
            "top": [ids[r] for r in rowids],
            "snippet": snippets.get(rowids[0]) if rowids else None,
        }
        if q.get("facets"):
            base = f"FROM fts CROSS JOIN seg ON seg.rowid = fts.rowid WHERE {where}"
            result["facets"] = {
                "kind": con.execute(
                    f"SELECT seg.kind, count(*) {base} GROUP BY 1 ORDER BY 2 DESC", args
                ).fetchall(),
                "party": con.execute(
                    f"SELECT p.party, count(*) {base.replace('WHERE', 'JOIN seg_party p ON p.seg = seg.rowid WHERE', 1)} "
                    "GROUP BY 1 ORDER BY 2 DESC",
                    args,
                ).fetchall(),
                "year": con.execute(
                    f"SELECT seg.year, count(*) {base} GROUP BY 1 ORDER BY 1", args
                ).fetchall(),
            }
        return result

    return run


def run_sqlite(args):
    ingest = None
    if not args.skip_ingest:
        ingest = sqlite_ingest(args.corpus, args.db)
        print(f"sqlite: ingest {ingest}", file=sys.stderr)
    con = sqlite3.connect(args.db)
    per_query = measure(sqlite_runner(con), load_queries(), args.reps, args.warmup)
    return {
        "engine": f"SQLite {sqlite3.sqlite_version} FTS5 (unicode61 remove_diacritics 2)",
        "ingest": ingest,
        "index_bytes": os.path.getsize(args.db),
        "queries": per_query,
        "latency": summary(per_query),
        "query_peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


# ---------------------------------------------------------------- PostgreSQL

PG_SCHEMA = """
DROP TABLE IF EXISTS seg;
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'sv') THEN
    CREATE TEXT SEARCH CONFIGURATION sv (COPY = swedish);
    ALTER TEXT SEARCH CONFIGURATION sv
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, swedish_stem;
  END IF;
END $$;
CREATE TABLE seg (
  id text, doc_id text, title text, body text, doc_type text, date date, year int,
  paragraph text, kind text, heading text, text text, parties text[], persons text[],
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('sv'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('sv'::regconfig, coalesce(heading, '')), 'B') ||
    to_tsvector('sv'::regconfig, coalesce(text, ''))) STORED);
"""
PG_INDEXES = """
CREATE INDEX seg_tsv ON seg USING gin(tsv);
CREATE INDEX seg_kind ON seg(kind);
CREATE INDEX seg_date ON seg(date);
CREATE INDEX seg_parties ON seg USING gin(parties);
ANALYZE seg;
"""
COLUMNS = ["id", "doc_id", "title", "body", "doc_type", "date", "year", "paragraph", "kind",
           "heading", "text", "parties", "persons"]


def pg_connect(args):
    import psycopg

    return psycopg.connect(host=args.pgdir, port=args.port, user="postgres", dbname="postgres",
                           autocommit=True)


def pg_ingest(conn, corpus):
    conn.execute(PG_SCHEMA)
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    t0 = time.perf_counter()
    n = 0
    with conn.cursor() as cur:
        with cur.copy(f"COPY seg ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for s in segments(corpus):
                n += 1
                copy.write_row([s[c] for c in COLUMNS])
        cur.execute(PG_INDEXES)
    seconds = time.perf_counter() - t0
    size = conn.execute("SELECT pg_total_relation_size('seg')").fetchone()[0]
    return {
        "segments": n,
        "seconds": seconds,
        "segments_per_s": n / seconds,
        "index_bytes": size,
        "peak_rss_kib": vm_hwm_kib(pid),
    }


def pg_where(q):
    if "pg_tsquery" in q:
        query, args = "to_tsquery('sv', %s)", [q["pg_tsquery"]]
    else:
        query, args = "websearch_to_tsquery('sv', %s)", [q["pg"]]
    where = []
    if "kind" in q:
        where.append("kind = %s")
        args.append(q["kind"])
    if "party" in q:
        where.append("parties @> ARRAY[%s]")
        args.append(q["party"])
    if "body" in q:
        where.append("strpos(body, %s) > 0")
        args.append(q["body"])
    if "from" in q:
        where.append("date >= %s::date")
        args.append(q["from"])
    if "to" in q:
        where.append("date <= %s::date")
        args.append(q["to"])
    return query, where, args


def pg_runner(conn):
    def run(q):
        query, where, args = pg_where(q)
        cond = " AND ".join(["tsv @@ q.q"] + where)
        frm = f"FROM seg, (SELECT {query} AS q) q WHERE {cond}"
        total = conn.execute(f"SELECT count(*) {frm}", args).fetchone()[0]
        top = conn.execute(
            f"SELECT id, score, ts_headline('sv', text, q, 'StartSel=<b>, StopSel=</b>, "
            f"MaxWords=30, MinWords=12') FROM (SELECT id, text, q.q AS q, ts_rank(tsv, q.q) AS score "
            f"{frm} ORDER BY score DESC LIMIT 10) t ORDER BY score DESC",
            args,
        ).fetchall()
        result = {"total": total, "top": [r[0] for r in top], "snippet": top[0][2] if top else None}
        if q.get("facets"):
            result["facets"] = {
                "kind": conn.execute(
                    f"SELECT kind, count(*) {frm} GROUP BY 1 ORDER BY 2 DESC", args
                ).fetchall(),
                "party": conn.execute(
                    f"SELECT p, count(*) FROM (SELECT unnest(parties) AS p {frm}) x "
                    "GROUP BY 1 ORDER BY 2 DESC",
                    args,
                ).fetchall(),
                "year": conn.execute(
                    f"SELECT year, count(*) {frm} GROUP BY 1 ORDER BY 1", args
                ).fetchall(),
            }
        return result

    return run


def run_pg(args):
    conn = pg_connect(args)
    ingest = None
    if not args.skip_ingest:
        ingest = pg_ingest(conn, args.corpus)
        print(f"pg: ingest {ingest}", file=sys.stderr)
    conn.close()
    conn = pg_connect(args)
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    version = conn.execute("SHOW server_version").fetchone()[0]
    per_query = measure(pg_runner(conn), load_queries(), args.reps, args.warmup)
    return {
        "engine": f"PostgreSQL {version} FTS ('swedish' + unaccent, GIN, ts_rank, ts_headline)",
        "ingest": ingest,
        "index_bytes": conn.execute("SELECT pg_total_relation_size('seg')").fetchone()[0],
        "queries": per_query,
        "latency": summary(per_query),
        "query_peak_rss_kib": vm_hwm_kib(pid),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("engine", choices=["sqlite", "pg"])
    ap.add_argument("corpus", help="gen_corpus JSON lines")
    ap.add_argument("--db", default="/tmp/bench_fts5.db", help="SQLite database file")
    ap.add_argument("--pgdir", default="/tmp/bench_pg", help="PostgreSQL socket directory")
    ap.add_argument("--port", type=int, default=5499)
    ap.add_argument("--reps", type=int, default=20, help="timed runs per query")
    ap.add_argument("--warmup", type=int, default=3, help="untimed runs per query first")
    ap.add_argument("--skip-ingest", action="store_true", help="query an existing database")
    ap.add_argument("--out", help="write the JSON results here (default: stdout)")
    args = ap.parse_args()
    result = run_sqlite(args) if args.engine == "sqlite" else run_pg(args)
    result["corpus"] = args.corpus
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        print(text)
    lat = result["latency"]
    print(f"{args.engine}: p50 {lat['p50_ms']:.2f} ms, p99 {lat['p99_ms']:.2f} ms "
          f"over {lat['runs']} runs", file=sys.stderr)


if __name__ == "__main__":
    main()
