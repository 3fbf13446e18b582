#!/bin/bash
# ODK Central killed in the middle of a run and started again: the worker
# (kioskctl sync --daemon) keeps what it could not send, retries while
# Central is down (requests saved meanwhile included) and, once Central is
# back, delivers everything: each request in Central exactly once. This
# test holds Central alone (the others wait for it).
. tests/upload/lib.sh
. tests/tools/central.bash
central_exclusive
central_booth
central_fill 300
waiting() { sql "SELECT count(*) FROM submissions WHERE state = 'waiting'"; }
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
BG_PIDS+=("$!")
wait_for '[ "$(waiting)" -le 250 ]' 60
central_stop
central_fill 10
wait_for 'grep -q "not sent .*no answer" "$T/log"' 60
[ "$(waiting)" -gt 10 ] || fail "everything was sent before Central stopped"
echo "$(waiting) waiting while Central is down"
central_restart
wait_for '[ "$(waiting)" = 0 ]' 120
central_py check "$T/state" "$P" || fail "Central does not hold each request exactly once"
