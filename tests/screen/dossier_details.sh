# A request saved at this booth, looked up by its receipt code, shows its
# procedure, the day it was saved and the day its result is expected (its
# published time in working days after that day); 0 types a digit there
# (the back box has no number), and back is Backspace on an empty field or
# a touch on "◀ Quay lại".
. tests/screen/lib.bash
code=$(python3 -c '
t = [[0,3,1,7,5,9,8,6,4,2],[7,0,9,2,1,5,4,8,6,3],[4,2,0,6,8,7,1,3,5,9],[1,7,5,0,9,8,3,4,2,6],
     [6,1,2,3,0,4,5,9,7,8],[3,6,7,4,2,0,9,5,8,1],[5,8,6,9,7,2,0,1,3,4],[8,9,4,5,3,6,2,0,1,7],
     [9,4,3,8,6,1,7,2,0,5],[2,5,8,1,4,3,6,7,9,0]]
d = "001000042"; i = 0
for c in d: i = t[i][int(c)]
print(f"{d[:3]}-{d[3:]}-{i}")')
proc=$(sqlite3 build/content/content.db "select p.code || '|' || p.name || '|' || c.time from procedures p
	join channels c on c.procedure_id = p.id where c.seq = (select min(seq) from channels
	where procedure_id = p.id) and c.time like '% Ngày làm việc' order by p.code limit 1")
[ -n "$proc" ] || fail "no procedure with a time in working days in content.db"
IFS='|' read -r pcode pname ptime <<<"$proc"
write_config
start_kiosk
wait_for "2  Xem kết quả hồ sơ"
now=$(date +%s)
python3 - "$TEST_TMP/var/state.db" "$code" "$pcode" "$now" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("insert into submissions (id, receipt, kind, procedure_code, created_at, body, time_known)"
           " values ('id-1', ?, 'procedure', ?, ?, '{}', 1)", (sys.argv[2], sys.argv[3], int(sys.argv[4])))
db.commit()
PY
send 2
wait_for "Gõ mã biên nhận"
screen_text | grep -qF "0  Quay lại" && fail "the screen offers 0 to go back where 0 is a digit"
wait_for "◀ Quay lại"
send_raw "${code//-/}"
wait_for "│ ${code//-/}▌"
send Enter
wait_for "Thủ tục: ${pname:0:40}"
wait_for "Ngày nộp: $(date -d "@$now" +%d/%m/%Y)"
due=$(screen_text | grep -oE "Ngày hẹn trả kết quả \(dự kiến\): [0-9]{2}/[0-9]{2}/[0-9]{4}" | grep -oE "[0-9/]{10}$")
[ -n "$due" ] || fail "no expected date"
days=${ptime%% *}
python3 - "$due" "$now" "$days" <<'PY' || fail "expected date $due is not $days working days after the day saved"
import datetime, sys
due = datetime.datetime.strptime(sys.argv[1], "%d/%m/%Y").date()
day = datetime.date.fromtimestamp(int(sys.argv[2]))
n = int(sys.argv[3])
# At least n weekdays later, and not more than n working days plus a
# fortnight of holidays.
weekdays = sum(1 for k in range(1, (due - day).days + 1)
               if (day + datetime.timedelta(k)).weekday() < 5)
assert weekdays >= n and (due - day).days <= n * 7 // 5 + 16 and due.weekday() < 5, (due, day, n)
PY
echo "ok: $pname, $ptime: saved $(date -d "@$now" +%d/%m/%Y), expected $due"
# Backspace empties the field, then leaves.
for i in $(seq 11); do send BSpace; done
wait_gone "Thủ tục:"
send BSpace
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
