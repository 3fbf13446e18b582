#!/bin/bash
# Upload worker on a full disk (the state folder on a small tmpfs) with no
# room left in state.db's log: it cannot record that it is sending a
# request, so it sends nothing, says why (the disk is full) and keeps
# running; once space is freed it sends every request, each stored once on
# the server.
. tests/upload/lib.sh
state_tmpfs 4m
server_start
config
server_stop
fill 3
# The worker is running (state.db open, the server down) when the disk fills.
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
DAEMON=$!
BG_PIDS+=("$DAEMON")
wait_for '[ "$(sql "SELECT sum(attempts) FROM submissions")" -ge 3 ]'
# The log's pages are reused write after write: emptied (as an erasure
# leaves it), the worker's next write needs new space.
wait_for '[ "$(sql "PRAGMA wal_checkpoint(TRUNCATE)" | cut -d"|" -f1)" = 0 ]'
disk_fill
: >"$T/log"
server_start
wait_for 'grep -q "the disk is full" "$T/log"'
kill -0 "$DAEMON" || fail "the worker stopped on a full disk"
[ "$(stat posts)" = 0 ] || fail "the worker sent a request it could not record"
disk_free
wait_for '[ "$(sql "SELECT count(*) FROM submissions WHERE state = '"'sent'"'")" = 3 ]'
[ "$(sql "PRAGMA integrity_check")" = ok ] || fail "state.db is damaged"
check
