#!/bin/bash
# A request saved while the booth's clock was not set (before the build
# day) prints "chưa rõ giờ" for its time and no expected-result date (a
# helper will tell it), never a 1970 date; the same request saved with a
# right clock prints both.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export TZ=Asia/Ho_Chi_Minh
printf '[paths]\nstate_dir = %s/state\n[printer]\ntype = file\npath = %s/printer\ncodepage = text\n' \
	"$T" "$T" >"$T/k.ini"
./build/kioskctl --config "$T/k.ini" queue list >/dev/null # creates state.db
# Two saved requests for a procedure of 5 working days: one from a clock left in
# 1970 (as the kiosk stores it: time_known 0), one from today.
python3 - "$T/state/state.db" <<'PY'
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
for rid, code, at, known in (("u-1", "001-000001-1", 86400 * 3, 0),
                             ("k-1", "001-000002-8", int(time.time()), 1)):
    body = json.dumps({"id": rid, "receipt": code, "created_at": None, "fields": {}})
    db.execute("INSERT INTO submissions (id, receipt, kind, procedure_code, created_at, body,"
               " time_known) VALUES (?, ?, 'procedure', '1.000419', ?, ?, ?)",
               (rid, code, at, body.encode(), known))
db.commit()
PY
./build/kioskctl --config "$T/k.ini" reprint 001-000001-1 >/dev/null || fail "reprint (unknown time)"
./build/kioskctl --config "$T/k.ini" reprint 001-000002-8 >/dev/null || fail "reprint (known time)"
unknown=$(python3 tests/cli/escpos_check.py text 128 "$T/printer/000001-receipt")
known=$(python3 tests/cli/escpos_check.py text 128 "$T/printer/000002-receipt")

grep -qx "Nop luc: chua ro gio" <<<"$unknown" || fail "the unknown time is not said in words"
! grep -q "1970\|Hen tra ket qua: [0-9]" <<<"$unknown" || fail "a 1970 date or an expected date from it"
grep -qx "Hen tra ket qua: can bo se bao" <<<"$unknown" || fail "no word that a helper will tell the date"
grep -q "^Nop luc: [0-9][0-9]:[0-9][0-9] " <<<"$known" || fail "the known time is missing"
grep -q "^Hen tra ket qua: [0-9][0-9]/[0-9][0-9]/20" <<<"$known" ||
	fail "no expected date with a right clock: $known"
./build/kioskctl --config "$T/k.ini" queue show 001-000001-1 | grep -q "^created: *unknown" ||
	fail "queue show gives the unknown time as a date"
echo ok
