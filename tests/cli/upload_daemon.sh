#!/bin/bash
# Upload sync daemon: picks up a request saved while it runs, then keeps
# the dossier status cache of recent requests fresh from the server.
. tests/upload/lib.sh
server_start
config
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
DAEMON=$!
BG_PIDS+=("$DAEMON")
wait_for '[ -s "$T/log" ]'
fill 1
R=$(req 1 2)
wait_for '[ "$(sql "SELECT state FROM submissions")" = sent ]'
# The server knows it as received; the daemon caches that.
wait_for '[ "$(sql "SELECT status FROM dossier_status WHERE receipt = '"'$R'"'")" = received ]'
srvctl "status?receipt=$R&status=processing&note=C%E1%BA%A7n%20b%E1%BB%95%20sung&updated_at=2025-07-01T08:30:00%2B07:00" >/dev/null
wait_for '[ "$(sql "SELECT status FROM dossier_status WHERE receipt = '"'$R'"'")" = processing ]'
[ "$(sql "SELECT note || '|' || updated_at FROM dossier_status")" = "Cần bổ sung|1751333400" ] ||
	fail "cached: $(sql "SELECT * FROM dossier_status")"
kill -TERM "$DAEMON"
rc=0
wait "$DAEMON" || rc=$?
[ "$rc" = 0 ] || { cat "$T/log"; fail "the daemon exited $rc on SIGTERM"; }
check
