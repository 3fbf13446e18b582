#!/bin/bash
# A full state disk with no program holding state.db open (the kiosk
# stopped, say): the programs that open it afresh still read it and send.
# `kioskctl status` and `metrics` report (exit 0, the requests waiting),
# `sync --once` sends every request and the daemon starts and sends one
# saved meanwhile; nothing is lost, each is stored once on the server.
. tests/upload/lib.sh
state_tmpfs 4m
server_start
config
fill 3
disk_fill
kctl status >"$T/out" 2>&1 || fail "status on a full disk: $(cat "$T/out")"
grep -q "3 waiting" "$T/out" || fail "status: $(cat "$T/out")"
kctl metrics >"$T/m" 2>&1 || fail "metrics on a full disk: $(cat "$T/m")"
grep -q '^kiosk_requests_waiting{booth="demo-01"} 3$' "$T/m" || fail "metrics: $(cat "$T/m")"
grep -q '^kiosk_state_disk_free_bytes{booth="demo-01"} 0$' "$T/m" || fail "the disk is not full"
kctl sync --once >"$T/out" 2>&1 || fail "sync --once on a full disk exited $?: $(cat "$T/out")"
[ "$(stat stored)" = 3 ] || fail "stored $(stat stored) of 3"
# One more request saved while there was room, then the disk full again.
disk_free
fill 1
disk_fill
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
BG_PIDS+=($!)
wait_for '[ "$(stat stored)" = 4 ]'
kill -0 "${BG_PIDS[0]}" || fail "the daemon stopped: $(cat "$T/log")"
kill "${BG_PIDS[0]}"
wait "${BG_PIDS[0]}" || fail "the daemon exited $? on SIGTERM"
BG_PIDS=()
disk_free
[ "$(sql "PRAGMA integrity_check")" = ok ] || fail "state.db is damaged"
check
