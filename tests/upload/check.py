#!/usr/bin/env python3
"""Checks the promise of the upload worker after a test: every request in
the booth's spool is marked sent, and the server holds exactly one
byte-identical copy of each, stored once, and nothing else.

usage: check.py STATE_DIR SERVER_DIR [--except ID]...
Requests given with --except must be in the spool, not sent, and absent
from the server (a quarantined poison request, say)."""
import collections
import json
import os
import sqlite3
import sys


def main():
    args = sys.argv[1:]
    excepted = set()
    while "--except" in args:
        i = args.index("--except")
        excepted.add(args[i + 1])
        del args[i:i + 2]
    state_dir, server_dir = args
    db = sqlite3.connect(os.path.join(state_dir, "state.db"))
    rows = db.execute("SELECT id, state, body FROM submissions").fetchall()
    store = os.path.join(server_dir, "store")
    held = {name[:-5] for name in os.listdir(store) if name.endswith(".json")}
    stored = collections.Counter()
    mismatch = 0
    with open(os.path.join(server_dir, "log.jsonl")) as f:
        for line in f:
            entry = json.loads(line)
            if entry.get("outcome") == "stored":
                stored[entry["id"]] += 1
            mismatch += entry.get("outcome") == "mismatch"
    errors = []
    if not rows:
        errors.append("the spool is empty")
    for rid, state, body in rows:
        if rid in excepted:
            if state == "sent" or rid in held:
                errors.append(f"{rid}: expected not delivered, is {state}")
            continue
        if state != "sent":
            errors.append(f"{rid}: {state}, not sent")
        if rid not in held:
            errors.append(f"{rid}: not on the server")
            continue
        with open(os.path.join(store, rid + ".json"), "rb") as f:
            if f.read() != bytes(body):
                errors.append(f"{rid}: the server's copy differs from the spool's bytes")
        if stored[rid] != 1:
            errors.append(f"{rid}: stored {stored[rid]} times")
    extra = held - {r[0] for r in rows}
    if extra:
        errors.append(f"the server holds requests the spool does not: {sorted(extra)}")
    if mismatch:
        errors.append(f"{mismatch} POSTs reused a key with other bytes")
    for e in errors:
        print("check:", e)
    print(f"check: {len(rows)} requests, {len(held)} on the server,"
          f" {len(excepted)} excepted, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
