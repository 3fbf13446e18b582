#!/bin/bash
# Upload sync: 503 and 429 with Retry-After are retried, not sooner than
# the server asked, and everything is stored once.
. tests/upload/lib.sh
server_start
config
fill 2
srvctl 'fault?mode=503&retry_after=1' >/dev/null
srvctl 'fault?mode=429&retry_after=2' >/dev/null
kctl sync --once --tries 5 || fail "sync --once exited $?"
check
# The log's POST times: the retry after 503 came at least 1 s later, the
# one after 429 at least 2 s later.
"$PY" - "$SRV/log.jsonl" <<'PY' || fail "Retry-After not honoured"
import json, sys
posts = [e for e in map(json.loads, open(sys.argv[1])) if "mode" in e]
assert [p["mode"] for p in posts] == ["503", "429", "ok", "ok"], posts
assert posts[0]["id"] == posts[1]["id"] == posts[2]["id"]
gap1 = posts[1]["t"] - posts[0]["t"]
gap2 = posts[2]["t"] - posts[1]["t"]
print(f"waited {gap1:.2f} s after 503, {gap2:.2f} s after 429")
assert gap1 >= 1.0 and gap2 >= 2.0
PY
