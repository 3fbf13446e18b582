#!/bin/bash
# Upload sync: a server asking to wait 30 days (503, Retry-After: 2592000,
# whose milliseconds do not fit a 32-bit long) or a day (86400).
# `sync --once` does not sleep through it: it stops at once, says what it
# did not send and why, and lets go of sync.lock (a second --once runs).
# The request waits a day at most (the spool's bound on Retry-After).
# The daemon honours the wait without blocking helpers: while it waits, a
# helper's --once sends everything, and the daemon sends nothing meanwhile.
# (timeout only ends a run that hangs: nothing here is timed.)
. tests/upload/lib.sh
server_start
config
fill 2
srvctl 'fault?mode=503&retry_after=2592000&count=2' >/dev/null

# Runs sync --once --json into $T/out, ended after 120 s if it hangs;
# fails unless it exits $1.
once() {
	local want=$1 rc=0
	shift
	timeout 120 ./build/kioskctl --config "$T/kiosk.ini" sync --once --json "$@" >"$T/out" \
		2>"$T/err" || rc=$?
	[ "$rc" != 124 ] || fail "sync --once $* slept through Retry-After: $(cat "$T/err")"
	[ "$rc" = "$want" ] || fail "sync --once $* exited $rc, not $want: $(cat "$T/out" "$T/err")"
}

once 3
"$PY" - "$T/out" <<'PY' || fail "sync --once said $(cat "$T/out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["ok"] is False and d["sent"] == 0 and d["waiting"] == 2, d
assert "Retry-After" in d["gave_up"] and "2592000" in d["gave_up"], d
PY
# The lock is free: a second run goes (and meets the second 503).
once 3 --max-wait 0
grep -q "another sync worker" "$T/err" && fail "the first run kept sync.lock"
[ "$(stat posts)" = 2 ] || fail "posts: $(stat posts)"
# The request keeps the server's wait for the daemon.
[ "$(sql "SELECT next_try_at - strftime('%s', 'now') BETWEEN 80000 AND 86400 FROM submissions
	WHERE attempts > 0")" = 1 ] || fail "Retry-After not kept: $(sql "SELECT * FROM submissions")"

# The daemon meets Retry-After: 86400 and waits; a helper's --once sends
# everything meanwhile.
srvctl 'fault?mode=503&retry_after=86400&count=1' >/dev/null
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
BG_PIDS+=($!)
wait_for 'grep -q "next in 86400" "$T/log"'
once 0
[ "$(stat posts)" = 5 ] || fail "posts: $(stat posts)"
check
kill -0 "${BG_PIDS[0]}" || fail "the daemon stopped"
