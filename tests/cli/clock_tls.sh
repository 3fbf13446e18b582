#!/bin/bash
# A booth whose clock was never set (no real-time clock, no NTP yet): the
# server's certificate looks not yet valid, and `kioskctl sync` (its
# stderr, the daemon's log, the request's last error) and `kioskctl
# status` say the booth's clock is wrong, not that the server is; no
# expected date is computed from such a clock. Once the time is right the
# same requests go. libfaketime moves the clock of one program.
. tests/upload/lib.sh
tls_setup
server_start --cert "$T/tls/server.crt" --key "$T/tls/server.key"
SCHEME=https
config "ca_file = $T/tls/ca.crt" "status_interval = 3600"
fill 2
# The environment that makes a command's clock say 1970-01-02: libfaketime
# (the faketime package), preloaded, so that the command keeps its pid.
. tests/faketime.bash
lib=$FAKETIME_LIB
WRONG=(env LD_PRELOAD="$lib" FAKETIME="@1970-01-02 08:00:00" FAKETIME_DONT_FAKE_MONOTONIC=1)
wrong() { "${WRONG[@]}" "$@"; }

rc=0
wrong ./build/kioskctl --config "$T/kiosk.ini" sync --once --tries 1 2>"$T/log" || rc=$?
cat "$T/log"
[ "$rc" = 3 ] || fail "sync with a wrong clock exited $rc, expected 3 (still waiting)"
grep -q "the booth's clock is wrong (it says 1970-01-02" "$T/log" || fail "the clock is not named"
[[ "$(sql "SELECT last_error FROM submissions")" == *"clock is wrong"* ]] ||
	fail "the request's last error does not name the clock"
[ "$(stat posts)" = 0 ] || fail "a request went out without a checked certificate"

# The daemon's own log says it too.
"${WRONG[@]}" ./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/daemon" &
DAEMON=$!
BG_PIDS+=("$DAEMON")
wait_for 'grep -q "clock is wrong" "$T/state/logs/sync.log" 2>/dev/null' 20
kill -TERM "$DAEMON"
wait "$DAEMON" || true

out=$(wrong ./build/kioskctl --config "$T/kiosk.ini" status)
echo "$out" | grep -q "^clock *WRONG" || fail "status does not say the clock is wrong: $out"
wrong ./build/kioskctl --config "$T/kiosk.ini" status --json |
	"$PY" -c 'import json, sys; assert json.load(sys.stdin)["clock_ok"] is False' ||
	fail "status --json"
[[ "$(kctl status)" != *clock* ]] || fail "status complains of a clock that is right"
rc=0
out=$(wrong ./build/kioskctl --config "$T/kiosk.ini" due 5 2>&1) || rc=$?
[ "$rc" = 1 ] && echo "$out" | grep -q "clock is wrong" || fail "due from a wrong clock: $out"
wrong ./build/kioskctl --config "$T/kiosk.ini" due --from 2026-12-01 5 >/dev/null ||
	fail "due --from must not need the clock"

# The clock is set: the same requests go, certificates and all.
kctl sync --once --tries 1 >"$T/out" 2>&1 || fail "sync with the right clock: $(cat "$T/out")"
check
echo ok
