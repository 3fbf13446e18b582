#!/bin/bash
# Upload sync: two 500s are retried with backoff (same bytes, same key),
# then everything is stored once.
. tests/upload/lib.sh
server_start
config
fill 3
srvctl 'fault?mode=500&count=2' >/dev/null
kctl sync --once --tries 5 || fail "sync --once exited $?"
check
[ "$(stat posts)" = 5 ] || fail "posts: $(stat posts)"
# The first request took three tries, the others one.
[ "$(sql "SELECT attempts FROM submissions WHERE id = '$(req 1)'")" = 3 ] || fail "attempts"
[ "$(sql "SELECT sum(attempts) FROM submissions")" = 5 ] || fail "total attempts"
