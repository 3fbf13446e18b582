# kioskctl export, status and logs on a real state.db: requests saved on
# given local days come out as JSON lines or CSV (read back with Python's
# json and csv), day bounds included; bad dates are refused; status counts
# the requests by state; logs merges the log files by time.
. tests/fleet/lib.sh
export TZ=Asia/Ho_Chi_Minh

make_booth b1
"$CTL" --config "$T/b1.ini" status >/dev/null || fail "status on a new booth"
python3 - "$T/b1/var/state.db" <<'PY' || fail "filling state.db"
import datetime, json, sqlite3, sys, zoneinfo
tz = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
db = sqlite3.connect(sys.argv[1])
rows = [
    ("id-1", "R1", "2025-05-31 23:59:59", "sent", "Nguyễn Văn An"),
    ("id-2", "R2", "2025-06-01 00:00:00", "waiting", "Trần Thị \"Bé\", Hà Nội"),
    ("id-3", "R3", "2025-06-15 12:00:00", "quarantined", "Lê Đức\nThọ"),
    ("id-4", "R4", "2025-06-30 23:59:59", "waiting", "Phạm Hoà"),
    ("id-5", "R5", "2025-07-01 00:00:00", "waiting", "Võ Thị Sáu"),
]
for id, receipt, when, state, name in rows:
    t = int(datetime.datetime.strptime(when, "%Y-%m-%d %H:%M:%S").replace(tzinfo=tz).timestamp())
    body = json.dumps({"id": id, "name": name}, ensure_ascii=False).encode()
    db.execute("INSERT INTO submissions (id, receipt, kind, procedure_code, created_at, body, state, sent_at)"
               " VALUES (?, ?, 'procedure', '1.001193', ?, ?, ?, ?)",
               (id, receipt, t, body, state, t + 60 if state == "sent" else None))
db.commit()
PY

out=$("$CTL" --config "$T/b1.ini" status --json)
[ "$(json_get requests.waiting <<<"$out")/$(json_get requests.sent <<<"$out")/$(json_get requests.quarantined <<<"$out")" = 3/1/1 ] ||
	fail "status counts: $out"
echo "ok: status counts waiting, sent, quarantined"

"$CTL" --config "$T/b1.ini" export --from 2025-06-01 --to 2025-06-30 >"$T/june.jsonl" 2>"$T/err" ||
	fail "export jsonl: $(cat "$T/err")"
grep -q "^3 requests exported$" "$T/err" || fail "export said: $(cat "$T/err")"
python3 - "$T/june.jsonl" <<'PY' || fail "the JSON lines"
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert [r["receipt"] for r in rows] == ["R2", "R3", "R4"], rows
assert rows[0]["body"]["name"] == 'Trần Thị "Bé", Hà Nội', rows[0]
assert rows[0]["created_at"] == "2025-06-01T00:00:00+0700", rows[0]
assert rows[1]["state"] == "quarantined" and rows[1]["sent_at"] is None, rows[1]
assert rows[1]["body"]["name"] == "Lê Đức\nThọ"
PY
"$CTL" --config "$T/b1.ini" export --from 2025-05-31 --to 2025-07-01 --format csv >"$T/all.csv" 2>/dev/null ||
	fail "export csv"
head -c 3 "$T/all.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "no byte-order mark"
python3 - "$T/all.csv" <<'PY' || fail "the CSV"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert [r["receipt"] for r in rows] == ["R1", "R2", "R3", "R4", "R5"], rows
assert rows[0]["state"] == "sent" and rows[0]["sent_at"] == "2025-06-01T00:00:59+0700", rows[0]
assert json.loads(rows[2]["body"])["name"] == "Lê Đức\nThọ"
assert json.loads(rows[1]["body"])["name"] == 'Trần Thị "Bé", Hà Nội'
PY
echo "ok: export as JSON lines and CSV, day bounds included"

for bad in "--from 2025-02-30 --to 2025-03-01" "--from 2025-06-01" "--from 2025-07-01 --to 2025-06-01" \
	"--from 2025-06-01 --to 2025-06-30 --format xml" "--from 1/6/2025 --to 2025-06-30"; do
	# shellcheck disable=SC2086
	"$CTL" --config "$T/b1.ini" export $bad >"$T/out" 2>&1 && fail "export accepted $bad"
	[ -s "$T/out" ] || fail "export $bad: no message"
done
"$CTL" --config "$T/b1.ini" logs --help | grep -q "usage: kioskctl logs" || fail "logs --help"
echo "ok: bad export ranges refused"

# Logs: the files of STATE_DIR/logs, rotated ones too, merged by time.
mkdir -p "$T/b1/var/logs"
printf '2025-06-01 08:00:02 kiosk: started\n2025-06-01 08:05:00 kiosk: printer out of paper\n' \
	>"$T/b1/var/logs/kiosk.log"
printf '2025-06-01 08:00:01 sync: worker started\n' >"$T/b1/var/logs/sync.log.1"
printf '2025-06-01 08:01:00 sync: 3 requests sent\n' >"$T/b1/var/logs/sync.log"
"$CTL" --config "$T/b1.ini" logs >"$T/out" || fail "logs"
diff - "$T/out" <<'LOG' || fail "logs out of order"
2025-06-01 08:00:01 sync: worker started
2025-06-01 08:00:02 kiosk: started
2025-06-01 08:01:00 sync: 3 requests sent
2025-06-01 08:05:00 kiosk: printer out of paper
LOG
"$CTL" --config "$T/b1.ini" logs --lines 1 --json | json_get message | grep -qx "printer out of paper" ||
	fail "logs --lines 1 --json"
echo "ok: logs merged by time"
