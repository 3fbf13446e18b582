#!/usr/bin/env python3
"""Scores the booth's search on the villagers' test set.

    score.py KIOSKCTL CONTENT.DB QUERIES NAME MIN_TOP3

Runs every search of QUERIES (tests/search/villagers.txt) through
`kioskctl search --stdin --json` on CONTENT.DB, the booth's own ranking,
and counts the searches whose first result, and whose first three, hold an
acceptable procedure. Searches whose acceptable procedures are all missing
from the catalog are left out (the demo catalog is a selection). Prints the
misses and "NAME: top-1 a/n (x%), top-3 b/n (y%)"; exits 1 when the top-3
share is under MIN_TOP3 percent."""
import json
import sqlite3
import subprocess
import sys


def read_queries(path):
    """(line, query, codes) for each search of the file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            query, codes = line.split("|")
            out.append((number, query.strip(), codes.split()))
    return out


def main():
    ctl, db, qpath, name, minimum = sys.argv[1:6]
    present = {r[0] for r in sqlite3.connect(db).execute("SELECT code FROM procedures")}
    queries = [q for q in read_queries(qpath) if set(q[2]) & present]
    text = "".join(q[1] + "\n" for q in queries)
    run = subprocess.run([ctl, "search", "--content", db, "--json", "--limit", "3", "--stdin"],
                         input=text, capture_output=True, text=True, check=True)
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(answers) == len(queries), (len(answers), len(queries))
    top1 = top3 = 0
    for (number, query, codes), answer in zip(queries, answers):
        got = [r["code"] for r in answer["results"]]
        top1 += bool(got[:1]) and got[0] in codes
        hit = bool(set(got) & set(codes))
        top3 += hit
        if not hit:
            names = "; ".join(r["code"] + " " + r["name"][:60] for r in answer["results"])
            print(f"  miss (line {number}) {query!r}: {names or 'nothing'}")
    n = len(queries)
    print(f"{name}: top-1 {top1}/{n} ({100 * top1 / n:.0f}%), top-3 {top3}/{n} ({100 * top3 / n:.0f}%)")
    return 0 if top3 * 100 >= float(minimum) * n else 1


if __name__ == "__main__":
    sys.exit(main())
