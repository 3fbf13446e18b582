#!/bin/bash
# Upload sync: connection reset and an empty reply after the server stored
# the request: not acknowledgements; the retries send the same bytes and
# each request is stored once.
. tests/upload/lib.sh
server_start
config
fill 3
srvctl 'fault?mode=reset' >/dev/null
kctl sync --once --tries 3 2>"$T/log" || { cat "$T/log"; fail "sync --once exited $?"; }
grep -qi "reset" "$T/log" || { cat "$T/log"; fail "no reset seen"; }
fill 2
srvctl 'fault?mode=empty' >/dev/null
kctl sync --once --tries 3 2>"$T/log" || { cat "$T/log"; fail "sync --once exited $?"; }
grep -qi "empty reply" "$T/log" || { cat "$T/log"; fail "no empty reply seen"; }
check
[ "$(stat duplicates)" = 2 ] || fail "duplicates: $(stat duplicates)"
