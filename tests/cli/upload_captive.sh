#!/bin/bash
# Upload sync: a captive portal's 200 HTML page, or a 200 echoing another
# id, is not an acknowledgement: the request stays waiting and goes later.
. tests/upload/lib.sh
server_start
config
fill 2
srvctl 'fault?mode=html&count=2' >/dev/null
rc=0
kctl sync --once --tries 2 || rc=$?
[ "$rc" = 3 ] || fail "sync --once should exit 3 with requests left, got $rc"
[ "$(sql "SELECT state FROM submissions WHERE id = '$(req 1)'")" = waiting ] || fail "not waiting"
sql "SELECT last_error FROM submissions WHERE id = '$(req 1)'" | grep -q "captive portal" ||
	fail "the reason does not say why"
[ "$(stat stored)" = 0 ] || fail "stored"
srvctl 'fault?mode=wrongid' >/dev/null
kctl sync --once --tries 3 || fail "sync --once exited $?"
check
[ "$(stat posts)" = 5 ] || fail "posts: $(stat posts)"
