#!/bin/bash
# Upload sync: the worker is SIGKILLed after the server got the body but
# before the reply. The request is still waiting; the next worker sends the
# identical bytes with the same key, and the server stores it once.
. tests/upload/lib.sh
server_start
config
fill 3
srvctl 'fault?mode=hang&secs=60' >/dev/null
./build/kioskctl --config "$T/kiosk.ini" sync --once 2>"$T/log" &
WORKER=$!
BG_PIDS+=("$WORKER")
wait_for 'grep -q "\"outcome\": \"stored\"" "$SRV/log.jsonl" 2>/dev/null'
kill -KILL "$WORKER"
wait "$WORKER" 2>/dev/null || true
[ "$(sql "SELECT state || ' ' || attempts FROM submissions WHERE id = '$(req 1)'")" = "waiting 1" ] ||
	fail "the interrupted request is not waiting with one attempt"
kctl sync --once || fail "sync --once after the kill exited $?"
check
"$PY" - "$SRV/log.jsonl" "$(req 1)" <<'PY' || fail "the retry was not identical"
import json, sys
posts = [e for e in map(json.loads, open(sys.argv[1])) if e.get("id") == sys.argv[2] and "mode" in e]
assert len(posts) == 2 and posts[0]["sha256"] == posts[1]["sha256"], posts
PY
