#!/bin/bash
# Upload sync over HTTPS: with the operator's CA file and the right
# public-key pin everything goes; with a wrong pin, or without the CA, not
# one byte of a request leaves the booth and all stay waiting.
. tests/upload/lib.sh
tls_setup
server_start --cert "$T/tls/server.crt" --key "$T/tls/server.key"
SCHEME=https
fill 3

config "ca_file = $T/tls/ca.crt" "pin = $BADPIN"
rc=0
kctl sync --once --tries 2 2>"$T/log" || rc=$?
cat "$T/log"
[ "$rc" = 3 ] || fail "a wrong pin should leave requests waiting, exit $rc"
grep -q "does not match \[upload\] pin" "$T/log" || fail "the pin mismatch is not named"
[ "$(stat posts)" = 0 ] || fail "a request reached a server with the wrong key"

config
rc=0
kctl sync --once --tries 1 2>"$T/log" || rc=$?
cat "$T/log"
[ "$rc" = 3 ] || fail "an unknown CA should leave requests waiting, exit $rc"
grep -q "ca_file" "$T/log" || fail "the certificate problem is not explained"
[ "$(stat posts)" = 0 ] || fail "a request went to an unverified server"
[ "$(sql "SELECT count(*) FROM submissions WHERE state = 'waiting'")" = 3 ] || fail "not waiting"

config "ca_file = $T/tls/ca.crt" "pin = $PIN"
before=$(stat connections)
kctl sync --once || fail "sync with the right pin exited $?"
check
[ "$(stat connections)" = $((before + 1)) ] || fail "the TLS connection was not reused"
