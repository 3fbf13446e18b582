#!/bin/bash
# Upload sync: a reply dripping a byte every half second is abandoned as
# too slow; the server had stored the request, so the retry gets a 409
# echoing the id, and the request is stored once.
. tests/upload/lib.sh
server_start
config
fill 2
srvctl 'fault?mode=drip' >/dev/null
kctl sync --once --tries 3 2>"$T/log" || { cat "$T/log"; fail "sync --once exited $?"; }
cat "$T/log"
grep -q "too slow" "$T/log" || fail "the drip was not detected"
grep -q "HTTP 409: acknowledged" "$T/log" || fail "no 409 on the retry"
check
[ "$(stat duplicates)" = 1 ] || fail "duplicates: $(stat duplicates)"
