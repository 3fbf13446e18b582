#!/bin/bash
# Upload sync: a 400 quarantines that one request with the server's reason
# while the others go through; a helper sees why, and retries it once the
# server accepts it (same bytes, same key).
. tests/upload/lib.sh
server_start
config
fill 4
srvctl "reject?id=$(req 2)" >/dev/null
rc=0
kctl sync --once || rc=$?
[ "$rc" = 3 ] || fail "sync --once should exit 3 after a quarantine, got $rc"
check --except "$(req 2)"
kctl queue list >"$T/list"
cat "$T/list"
grep -q "quarantined 1, sent 3" "$T/list" || fail "counts"
grep -q "$(req 2 2) *quarantined" "$T/list" || fail "the poison request is not listed"
kctl queue show "$(req 2 2)" >"$T/show"
grep -q "last error:  HTTP 400: refused by the server: trường ngày sinh không hợp lệ" "$T/show" ||
	{ cat "$T/show"; fail "the reason is not shown"; }
kctl queue show "$(req 2 2)" --json | grep -q '"state":"quarantined"' || fail "show --json"
# What needs a helper comes first in the list.
fill 1
kctl queue list --limit 1 --json | "$PY" -c 'import json, sys
r = json.load(sys.stdin)["requests"]
assert len(r) == 1 and r[0]["state"] == "quarantined", r' || fail "list --limit"
# A booth with a quarantined request never says all is well (exit 3,
# "ok": false), though the new request went.
rc=0
kctl sync --once --json >"$T/out" || rc=$?
[ "$rc" = 3 ] || fail "sync --once with a request quarantined exited $rc"
grep -q '"ok":false,"sent":1,.*"waiting":0,"quarantined_total":1' "$T/out" ||
	fail "the new request did not go: $(cat "$T/out")"
# Quarantined is not pending: the worker leaves it alone.
kctl sync --once || [ $? = 3 ] || fail "sync --once"
[ "$(stat posts)" = 5 ] || fail "the quarantined request was sent again"
srvctl "accept?id=$(req 2)" >/dev/null
kctl queue retry "$(req 2 2)" | grep -q "will be sent again" || fail "retry"
kctl sync --once || fail "sync after retry"
check
# A request the server acknowledged cannot be retried.
if kctl queue retry "$(req 1 2)" 2>"$T/err"; then fail "retried a sent request"; fi
grep -q "already acknowledged" "$T/err" || fail "message"
