# Dossier lookup by receipt code: a request still in this booth's spool, a
# code with a wrong check digit, an unknown code, then with a server: the
# status it gives (asked in the background), and the same status from the
# booth's cache once the server is gone.
. tests/screen/lib.bash
damm() { # prints the receipt code BBB-SSSSSS-C for 9 digits
	python3 -c '
import sys
t = [[0,3,1,7,5,9,8,6,4,2],[7,0,9,2,1,5,4,8,6,3],[4,2,0,6,8,7,1,3,5,9],[1,7,5,0,9,8,3,4,2,6],
     [6,1,2,3,0,4,5,9,7,8],[3,6,7,4,2,0,9,5,8,1],[5,8,6,9,7,2,0,1,3,4],[8,9,4,5,3,6,2,0,1,7],
     [9,4,3,8,6,1,7,2,0,5],[2,5,8,1,4,3,6,7,9,0]]
d = sys.argv[1]; i = 0
for c in d: i = t[i][int(c)]
print(f"{d[:3]}-{d[3:]}-{i}")' "$1"
}
own=$(damm 001000007)
ready=$(damm 001000008)
write_config
mkdir -p "$TEST_TMP/var"
./build/kioskctl --config "$KIOSK_CONFIG" check >/dev/null || fail "config"
start_kiosk
wait_for "2  Xem kết quả hồ sơ"
python3 - "$TEST_TMP/var/state.db" "$own" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("insert into submissions (id, receipt, kind, created_at, body) values ('id-own', ?, 'procedure', 0, ?)",
           (sys.argv[2], '{"id":"id-own"}'))
db.commit()
PY

# Offline: the booth's own request, waiting.
send 2
wait_for "Gõ mã biên nhận"
send_raw "${own//-/}"
send Enter
wait_for "Hồ sơ đã lưu ở trạm này, đang chờ gửi lên xã."
# A typo in the check digit.
send BSpace
send_raw "$(( (${own: -1} + 1) % 10 ))"
send Enter
wait_for "Mã này chưa đúng. Xin xem lại mã trên phiếu biên nhận."
# A well-formed code nobody knows (the field held 10 digits).
for i in $(seq 10); do send BSpace; done
send_raw "$ready"
wait_for "$ready▌" # (12 keys and Enter in one read: a scanner)
send Enter
wait_for "Chưa có thông tin về hồ sơ này."
close_terminal

# Online: the server knows the code.
SRV=$TEST_TMP/srv
mkdir -p "$SRV"
python3 tests/upload/server.py --dir "$SRV" --token secret &
srv_pid=$!
for i in $(seq 200); do [ -s "$SRV/port" ] && [ -s "$SRV/ctlport" ] && break; sleep 0.05; done
python3 -c 'import sys, urllib.request, urllib.parse
q = urllib.parse.urlencode({"receipt": sys.argv[2], "status": "ready", "note": "Mang theo CCCD khi đến nhận"})
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/status?{q}").read()' "$(cat "$SRV/ctlport")" "$ready" ||
	fail "cannot tell the server the status"
write_config "[upload]" "url = http://127.0.0.1:$(cat "$SRV/port")/" "token = secret" \
	"lookup_timeout = 60"
start_kiosk
wait_for "2  Xem kết quả hồ sơ"
send 2
send_raw "$ready"
wait_for "$ready▌" # (12 keys and Enter in one read: a scanner)
send Enter
wait_for "Tình trạng: Đã có kết quả, mời bạn đến nhận"
wait_for "Mang theo CCCD khi đến nhận"
# A slow server: the spinner turns until Backspace stops the question (the
# asking kioskctl is gone, the code stays), and Enter asks again.
ctl() { python3 -c 'import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/{sys.argv[2]}").read()' "$(cat "$SRV/ctlport")" "$1"; }
ctl "lookupstall?secs=40" || fail "cannot slow the server down"
send Enter
wait_for "Đang hỏi máy chủ... Bấm Xoá để dừng."
pgrep -P "$(kiosk_pid)" -f dossier >/dev/null || fail "no question to the server is running"
send BSpace
wait_gone "Đang hỏi máy chủ"
pgrep -P "$(kiosk_pid)" -f dossier >/dev/null && fail "the question to the server was not stopped"
screen_text | grep -q "$ready" || fail "the code was not kept"
send Enter
wait_for "Tình trạng: Đã có kết quả, mời bạn đến nhận"
wait_gone "Đang hỏi máy chủ"
# The server goes away: the booth still knows, and says since when.
kill "$srv_pid"
wait "$srv_pid" 2>/dev/null
for i in $(seq 12); do send BSpace; done
send_raw "$ready"
wait_for "$ready▌" # (12 keys and Enter in one read: a scanner)
send Enter
wait_for "Chưa hỏi được máy chủ. Đây là thông tin trạm biết lúc" 20
wait_for "Tình trạng: Đã có kết quả, mời bạn đến nhận"
