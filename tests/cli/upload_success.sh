#!/bin/bash
# Upload sync: five requests sent over one reused connection, each stored
# once, byte-identical, with its id as the Idempotency-Key and the token.
. tests/upload/lib.sh
server_start
config
fill 5
kctl sync --once --json >"$T/out" || fail "sync --once exited $?"
cat "$T/out"
grep -q '"ok":true,"sent":5' "$T/out" || fail "unexpected summary"
check
[ "$(stat posts)" = 5 ] || fail "posts: $(stat posts)"
[ "$(stat connections)" = 1 ] || fail "the connection was not reused: $(stat connections)"
kctl queue list --json | grep -q '"counts":{"waiting":0,"quarantined":0,"sent":5}' ||
	fail "queue counts"
# Nothing pending: a second run sends nothing and succeeds.
kctl sync --once
[ "$(stat posts)" = 5 ] || fail "sent again"
