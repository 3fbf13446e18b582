#!/bin/bash
# Privacy: [privacy] erase_after_days after the server acknowledged a
# request, its personal details leave the booth (the upload bytes, from
# state.db and its log) while its receipt code, procedure, state and dates
# stay; `kioskctl erase-due` lists (--dry-run, --json) and erases, the sync
# worker erases too, and a reprint of an erased request says so plainly.
. tests/upload/lib.sh
server_start
config "[printer]" "type = file" "path = $T/printer" "[privacy]" "erase_after_days = 30"
fill 3
kctl sync --once >/dev/null 2>&1 || fail "the first sync did not send everything"
phone1=0900000000 # request number n (from 1) has the phone 09 and n - 1 in 8 digits
phone2=0900000001
grep -qa "$phone1" "$T/state/state.db" "$T/state/state.db-wal" 2>/dev/null ||
	fail "the test's villager is not in state.db to begin with"

# Sets when the server acknowledged request $1: $2 days from now.
acked() {
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE submissions SET sent_at = strftime(\"%s\", \"now\") + ? * 86400 WHERE id = ?",
          (int(sys.argv[3]), sys.argv[2]))
c.commit()' "$T/state/state.db" "$(req "$1")" "$2"
}

# kioskctl with its clock $1 days ahead (libfaketime, the faketime package):
# times before the build day would be a clock that is not set.
. tests/faketime.bash
lib=$FAKETIME_LIB
later() {
	local days=$1
	shift
	env LD_PRELOAD="$lib" FAKETIME="+${days}d" FAKETIME_DONT_FAKE_MONOTONIC=1 \
		./build/kioskctl --config "$T/kiosk.ini" "$@"
}

# 31 days from now, request 1 was acknowledged 31 days before, request 2
# (acknowledged in 2 days) 29 days before, request 3 (in 20 days) 11.
acked 1 0
acked 2 2
acked 3 20

kctl erase-due --help | grep -q "erase_after_days" || fail "no --help"
out=$(later 31 erase-due --dry-run --json)
echo "$out" | "$PY" -c 'import json, sys
d = json.load(sys.stdin)
assert d["dry_run"] is True and d["erased"] == 0 and d["erase_after_days"] == 30, d
assert [r["receipt"] for r in d["requests"]] == [sys.argv[1]], d' "$(req 1 2)" ||
	fail "dry run: $out"
[ -z "$(sql "SELECT erased_at FROM submissions WHERE id = '$(req 1)'")" ] ||
	fail "a dry run erased something"

out=$(later 31 erase-due)
echo "$out" | grep -q "^erased 1 request" || fail "erase-due said: $out"
[ "$(sql "SELECT state, length(body), erased_at IS NOT NULL, receipt, procedure_code
	FROM submissions WHERE id = '$(req 1)'")" = "sent|0|1|$(req 1 2)|1.001193.000.00.00.H12" ] ||
	fail "request 1 after erasure: $(sql "SELECT * FROM submissions WHERE id = '$(req 1)'")"
[ "$(sql "SELECT length(body) > 0 FROM submissions WHERE id = '$(req 2)'")" = 1 ] ||
	fail "request 2 was erased before its days were over"
for f in "$T/state/state.db" "$T/state/state.db-wal"; do
	[ -f "$f" ] || continue
	! grep -qa "$phone1" "$f" || fail "the erased phone number is still in ${f##*/}"
done
grep -qa "$phone2" "$T/state/state.db" "$T/state/state.db-wal" 2>/dev/null ||
	fail "request 2's details are gone too"
kctl queue show "$(req 1 2)" | grep -q "^body: *erased on" || fail "queue show does not say erased"
sql "SELECT what FROM audit" | grep -q "erased the personal details of 1 request" ||
	fail "the erasure is not in the audit log"

# A reprint still prints (a receipt holds no personal details) and says so.
out=$(kctl reprint "$(req 1 2)") || fail "reprint of an erased request failed: $out"
echo "$out" | grep -q "personal details of $(req 1 2) were erased" || fail "reprint said: $out"
ls "$T/printer"/*-receipt.escpos >/dev/null 2>&1 || fail "no receipt printed"

# The sync worker erases what becomes due; 0 days never erases.
config "[privacy]" "erase_after_days = 0"
later 40 erase-due | grep -q "nothing is ever erased" || fail "0 days"
[ "$(sql "SELECT count(*) FROM submissions WHERE erased_at IS NOT NULL")" = 1 ] || fail "0 erased"
config "[privacy]" "erase_after_days = 30"
out=$(later 40 sync --once --json) || fail "sync: $out"
echo "$out" | "$PY" -c 'import json, sys; assert json.load(sys.stdin)["erased"] == 1' ||
	fail "the sync worker did not erase request 2: $out"
[ "$(sql "SELECT count(*) FROM submissions WHERE erased_at IS NOT NULL")" = 2 ] || fail "2 erased"
[ "$(sql "SELECT count(*) FROM submissions WHERE length(body) > 0")" = 1 ] ||
	fail "request 3 (20 days old at the time) must keep its details"
echo "ok"
