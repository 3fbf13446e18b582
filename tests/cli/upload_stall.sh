#!/bin/bash
# Upload sync: a server that takes the request and then says nothing is
# abandoned after [upload] stall_time, not after the whole timeout, and
# the request goes on the next try.
. tests/upload/lib.sh
server_start
config
fill 2
srvctl 'fault?mode=stall&secs=60' >/dev/null
kctl sync --once --tries 3 2>"$T/log" || { cat "$T/log"; fail "sync --once exited $?"; }
cat "$T/log"
grep -q "too slow" "$T/log" || fail "the stall was not detected as one"
check
