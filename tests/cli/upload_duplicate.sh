#!/bin/bash
# Upload sync: the server already has a request (an earlier send whose
# acknowledgement was lost): its 409 echoing the id counts as sent, and
# the request is not stored twice.
. tests/upload/lib.sh
server_start
config
fill 3
# Deliver request 2 behind the worker's back, exactly as it would.
"$PY" - "$T/state/state.db" "$(req 2)" "$(cat "$SRV/port")" <<'PY'
import sqlite3, sys, urllib.request
body = sqlite3.connect(sys.argv[1]).execute(
    "SELECT body FROM submissions WHERE id = ?", (sys.argv[2],)).fetchone()[0]
r = urllib.request.Request(f"http://127.0.0.1:{sys.argv[3]}/submissions", data=bytes(body),
                           headers={"Idempotency-Key": sys.argv[2],
                                    "Authorization": "Bearer secret"})
assert urllib.request.urlopen(r).status == 201
PY
kctl sync --once 2>"$T/log" || { cat "$T/log"; fail "sync --once exited $?"; }
grep -q "sent $(req 2 2) .*HTTP 409: acknowledged" "$T/log" || { cat "$T/log"; fail "no 409"; }
check
[ "$(stat duplicates)" = 1 ] || fail "duplicates"
