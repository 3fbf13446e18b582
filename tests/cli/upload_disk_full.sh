#!/bin/bash
# Upload worker on a full disk (the state folder on a small tmpfs): it
# cannot record that it is sending a request, so it sends nothing, says
# why (the disk is full) and keeps running; once space is freed it sends
# every request, each stored once on the server.
. tests/upload/lib.sh
mkdir -p "$T/state"
mount -t tmpfs -o size=4m tmpfs "$T/state" || fail "cannot mount a tmpfs (root needed)"
trap 'umount -l "$T/state"; cleanup' EXIT
server_start
config
server_stop
fill 3
# The worker is running (state.db open, the server down) when the disk fills.
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
DAEMON=$!
BG_PIDS+=("$DAEMON")
wait_for '[ "$(sql "SELECT sum(attempts) FROM submissions")" -ge 3 ]'
dd if=/dev/zero of="$T/state/fill" bs=64k 2>/dev/null || true
dd if=/dev/zero of="$T/state/fill2" bs=1 2>/dev/null || true
[ "$(df --output=avail "$T/state" | tail -n 1 | tr -d ' ')" = 0 ] || fail "the disk is not full"
: >"$T/log"
server_start
wait_for 'grep -q "the disk is full" "$T/log"'
kill -0 "$DAEMON" || fail "the worker stopped on a full disk"
[ "$(stat posts)" = 0 ] || fail "the worker sent a request it could not record"
rm -f "$T/state/fill" "$T/state/fill2"
wait_for '[ "$(sql "SELECT count(*) FROM submissions WHERE state = '"'sent'"'")" = 3 ]'
[ "$(sql "PRAGMA integrity_check")" = ok ] || fail "state.db is damaged"
check
