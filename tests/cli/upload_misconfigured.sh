#!/bin/bash
# Upload sync on a misconfigured booth or link: a refusal that hits every
# request (401 wrong token, a captive portal's or proxy's 403, 407, 404 on
# a wrong url path, one refusal for different requests) pauses sending
# instead of quarantining the spool: nothing is quarantined, `sync --once`
# exits 4 after one try, `kioskctl status` and the metrics say why, and the
# booth sends everything once the answer changes. A refusal that names one
# request (a 400 for it while others are accepted) quarantines that one,
# and a booth with a quarantined request never reports ok:true.
. tests/upload/lib.sh
server_start --token tokenA
config
sed -i 's/^token = .*/token = tokenB/' "$T/kiosk.ini"
fill 10

# Runs sync --once --json into $T/out; fails unless it exits $1.
once() {
	local want=$1 rc=0
	shift
	kctl sync --once --json "$@" >"$T/out" 2>"$T/err" || rc=$?
	[ "$rc" = "$want" ] || fail "sync --once exited $rc, not $want: $(cat "$T/out" "$T/err")"
}
# Fails unless the last sync --once's JSON has these members (a JSON object).
said() {
	"$PY" - "$T/out" "$1" <<'PY' || fail "sync --once said $(cat "$T/out"), expected $1"
import json, sys
got, want = json.load(open(sys.argv[1])), json.loads(sys.argv[2])
assert all(got[k] == v for k, v in want.items()), got
PY
}
# The value of kiosk_upload_paused for reason $1.
paused_metric() {
	kctl metrics | awk -v s="kiosk_upload_paused{booth=\"demo-01\",reason=\"$1\"}" '$1 == s { print $2 }'
}

# Token B where the server wants A: one try, nothing quarantined, paused.
once 4
said '{"ok": false, "sent": 0, "quarantined": 0, "waiting": 10, "quarantined_total": 0, "paused_cause": "token"}'
grep -q '"paused":"HTTP 401.*wrong or missing token' "$T/out" || fail "paused does not say why: $(cat "$T/out")"
grep -q '"gave_up":"sending is paused.*HTTP 401' "$T/out" || fail "gave_up does not say why: $(cat "$T/out")"
[ "$(stat posts)" = 1 ] || fail "$(stat posts) requests sent to a server refusing the booth"
[ "$(sql "SELECT count(*) FROM submissions WHERE state = 'waiting'")" = 10 ] || fail "not all waiting"
kctl status >"$T/status"
grep -q "^uploads *PAUSED since .*(token)" "$T/status" && grep -q "HTTP 401.*wrong or missing token" "$T/status" &&
	grep -q "check \[upload\] token" "$T/status" || fail "status: $(cat "$T/status")"
kctl status --json | "$PY" -c 'import json, sys
d = json.load(sys.stdin)
assert d["paused_cause"] == "token" and d["paused_http"] == 401 and d["paused_since"] > 0, d
assert d["paused"].startswith("HTTP 401"), d' || fail "status --json"
[ "$(paused_metric token)" = 1 ] || fail "kiosk_upload_paused token: $(kctl metrics | grep paused)"
[ "$(paused_metric url)" = 0 ] || fail "kiosk_upload_paused url"

# The token fixed: everything goes, nothing was lost or quarantined.
sed -i 's/^token = .*/token = tokenA/' "$T/kiosk.ini"
once 0
said '{"ok": true, "sent": 10, "quarantined_total": 0, "paused": null, "paused_cause": null, "gave_up": null}'
check
kctl status | grep -q "PAUSED" && fail "status after the fix: $(kctl status)"
[ "$(paused_metric token)" = 0 ] || fail "still paused in the metrics"

# A captive portal's 403 page, a proxy's 407, a wrong path: the same pause.
fill 3
for fault in page403:forbidden 407:proxy; do
	srvctl "fault?mode=${fault%%:*}&count=50" >/dev/null
	once 4
	said '{"sent": 0, "quarantined": 0, "waiting": 3, "paused_cause": "'"${fault#*:}"'"}'
	srvctl clear >/dev/null
done
sed -i "s|^url = \(.*\)/$|url = \1/kiosk/v1|" "$T/kiosk.ini"
once 4
said '{"sent": 0, "quarantined": 0, "paused_cause": "url"}'
sed -i "s|/kiosk/v1$|/|" "$T/kiosk.ini"

# One refusal for different requests: a 400 for every body.
srvctl "fault?mode=400&count=50" >/dev/null
once 4
said '{"sent": 0, "quarantined": 0, "waiting": 3, "paused_cause": "every"}'
[ "$(sql "SELECT count(*) FROM submissions WHERE state = 'quarantined'")" = 0 ] || fail "quarantined"
srvctl clear >/dev/null
once 0
said '{"sent": 3, "quarantined_total": 0}'

# A 400 for the oldest request alone while the next is accepted: that one
# is quarantined, and the booth no longer says ok.
fill 3
srvctl "reject?id=$(req 14)" >/dev/null
once 3
said '{"ok": false, "sent": 2, "quarantined": 1, "quarantined_total": 1, "paused": null}'
[ "$(sql "SELECT state FROM submissions WHERE id = '$(req 14)'")" = quarantined ] ||
	fail "the refused request is not the one quarantined"
check --except "$(req 14)"

# The daemon: paused by a rotated token, it tries at the backoff ceiling
# and sends by itself once the server takes the booth's token again.
fill 2
srvctl "token?value=rotated" >/dev/null
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
BG_PIDS+=($!)
wait_for 'grep -q "sending paused" "$T/log"'
posts=$(stat posts)
wait_for '[ "$(stat posts)" -ge $((posts + 2)) ]'
[ "$(sql "SELECT count(*) FROM submissions WHERE state = 'waiting'")" = 2 ] || fail "not waiting"
[ "$(sql "SELECT value FROM settings WHERE key = 'sync.paused_cause'")" = token ] || fail "not recorded"
# A helper's --once while the daemon is paused: it runs, and says so.
once 4
srvctl "token?value=tokenA" >/dev/null
wait_for '[ "$(sql "SELECT count(*) FROM submissions WHERE state = '"'waiting'"'")" = 0 ]'
wait_for 'grep -q "sending again" "$T/log"'
[ -z "$(sql "SELECT value FROM settings WHERE key = 'sync.paused'")" ] || fail "still recorded paused"
check --except "$(req 14)"
