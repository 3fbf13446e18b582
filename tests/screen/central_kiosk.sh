#!/bin/bash
# ODK Central from the kiosk: every form filled in and sent at the kiosk
# (Telex typing, choices, communes picked) reaches Central through kioskctl
# sync holding exactly what was typed, byte for byte the bytes frozen when
# the villager confirmed. Then commune staff review in Central (API, as the
# web UI does): the dossier screen shows the new status for the receipt,
# with the staff's comment when a paper is missing, and the upload daemon
# caches the review states of the booth's requests.
. tests/screen/lib.bash
T=$TEST_TMP
. tests/tools/central.bash
central_up
central_booth "[printer]" "path = $T/printer"
central_py viewer "$P" "viewer-$$@kiosk.test" "Viewer-pass-$$-ok" || fail "cannot make the viewer"
printf '[upload]\nviewer = %s\nviewer_password = %s\nlookup_timeout = 30\nstatus_interval = 1\n' \
	"viewer-$$@kiosk.test" "Viewer-pass-$$-ok" >>"$KIOSK_CONFIG"
kctl() { ./build/kioskctl --config "$KIOSK_CONFIG" "$@"; }
sql() { python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, row)))' \
	"$T/state/state.db" "$1"; }

start_kiosk
python3 tests/tools/kiosk_forms.py "kiosk-test-$$" "$T/typed.json" || fail "sending the forms"
kctl sync --once >"$T/sync.log" 2>&1 || { cat "$T/sync.log"; fail "sync"; }
central_py check "$T/state" "$P" || fail "Central does not hold the requests as saved"
python3 - "$T/state/state.db" "$T/typed.json" <<'PY' || fail "a request does not hold what was typed"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
typed = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(typed) == len(__import__("glob").glob("screens/forms/*.form")), typed
for t in typed:
    body, = db.execute("select body from submissions where receipt = ?", (t["receipt"],)).fetchone()
    doc = json.loads(body)
    assert doc["form"] == t["form"] and doc["fields"] == t["fields"], (doc, t)
PY

# Staff find a paper missing: the villager sees it at the booth.
R=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[0]["receipt"])' "$T/typed.json")
ID=$(sql "SELECT id FROM submissions WHERE receipt = '$R'")
FORM=$(sql "SELECT xform FROM submissions WHERE receipt = '$R'")
lookup() {
	wait_for "2  Xem kết quả hồ sơ"
	send 2
	wait_for "Gõ mã biên nhận"
	send_raw "${R//-/}"
	send Enter
}
central_py review "$P" "$FORM" "uuid:$ID" hasIssues "Cần bổ sung bản sao giấy chứng sinh của trẻ"
lookup
wait_for "Tình trạng: Cần bổ sung giấy tờ" 30
wait_for "Cần bổ sung bản sao giấy chứng sinh của trẻ"
# Approved: the result is ready.
central_py review "$P" "$FORM" "uuid:$ID" approved
send Enter
wait_for "Tình trạng: Đã có kết quả, mời bạn đến nhận" 30

# The daemon's refresh: a rejection is cached without anyone asking.
R2=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[1]["receipt"])' "$T/typed.json")
central_py review "$P" "$(sql "SELECT xform FROM submissions WHERE receipt = '$R2'")" \
	"uuid:$(sql "SELECT id FROM submissions WHERE receipt = '$R2'")" rejected
./build/kioskctl --config "$KIOSK_CONFIG" sync --daemon 2>"$T/daemon.log" &
daemon=$!
for i in $(seq 300); do
	[ "$(sql "SELECT status FROM dossier_status WHERE receipt = '$R2'")" = rejected ] && break
	sleep 0.1
done
kill "$daemon"
wait "$daemon" 2>/dev/null
[ "$(sql "SELECT status FROM dossier_status WHERE receipt = '$R2'")" = rejected ] ||
	{ cat "$T/daemon.log"; fail "the daemon did not cache the rejection"; }
[ "$(sql "SELECT status FROM dossier_status WHERE receipt = '$R'")" = ready ] ||
	fail "the cache does not hold the approval"
