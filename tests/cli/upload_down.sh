#!/bin/bash
# Upload sync: the daemon keeps requests while the server is down, backing
# off and recording the booth as offline; when the server comes back it
# sends them all, records it online, and stops cleanly on SIGTERM.
. tests/upload/lib.sh
server_start
config
server_stop
fill 3
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
DAEMON=$!
BG_PIDS+=("$DAEMON")
wait_for '[ "$(sql "SELECT sum(attempts) FROM submissions")" -ge 3 ]'
[ "$(sql "SELECT value FROM settings WHERE key = 'sync.link'")" = offline ] ||
	fail "the link is not recorded offline"
[ "$(sql "SELECT count(*) FROM submissions WHERE state = 'waiting'")" = 3 ] || fail "not waiting"
sql "SELECT last_error FROM submissions WHERE id = '$(req 1)'" | grep -q "no answer" ||
	fail "the reason is missing"
fill 1
server_start
wait_for '[ "$(sql "SELECT count(*) FROM submissions WHERE state = '"'sent'"'")" = 4 ]'
wait_for '[ "$(sql "SELECT value FROM settings WHERE key = '"'sync.link'"'")" = online ]'
[ -n "$(sql "SELECT value FROM settings WHERE key = 'sync.last_upload'")" ] || fail "last upload"
kill -TERM "$DAEMON"
rc=0
wait "$DAEMON" || rc=$?
cat "$T/log"
[ "$rc" = 0 ] || fail "the daemon exited $rc on SIGTERM"
grep -q "sync: stopped" "$T/log" || fail "no clean stop"
check
# Outside systemd the daemon's lines also reach 'kioskctl logs'.
kctl logs | grep -q " sync: stopped$" || fail "'kioskctl logs' does not show the daemon's lines"
