# Logs never hold a villager's data: a request with a known name, ID card
# number and phone goes through the kiosk, the upload worker (whose server
# first refuses it quoting the form's fields, then takes it) and a helper's
# SSH commands that type the name and the number; no log file in the state
# folder and nothing the programs wrote on stderr (the journal under
# systemd) holds any of them, while state.db does.
. tests/screen/lib.bash
typed="Nguyeenx Thij Bichs Ra"
name="Nguyễn Thị Bích Ra"
cccd=051185000123
phone=0905123456
SRV=$TEST_TMP/srv
python3 tests/upload/server.py --dir "$SRV" --token secret &
SRV_PID=$!
DAEMON=
trap 'kill $SRV_PID $DAEMON 2>/dev/null; wait $SRV_PID $DAEMON 2>/dev/null; cleanup' EXIT
for ((i = 0; i < 200; i++)); do
	[ -s "$SRV/port" ] && [ -s "$SRV/ctlport" ] && break
	sleep 0.05
done
[ -s "$SRV/ctlport" ] || fail "the test server did not start"
write_config "[upload]" "url = http://127.0.0.1:$(cat "$SRV/port")/" "token = secret" \
	"retry_base_ms = 50" "retry_max = 1" "status_interval = 1"
kctl() { ./build/kioskctl --config "$KIOSK_CONFIG" "$@"; }

# The kiosk as start_kiosk runs it, its stderr kept.
"${TMUX_CMD[@]}" new-session -d -x 80 -y 24 \
	"env TERM=xterm-256color ./build/kiosk --config '$KIOSK_CONFIG' 2>'$TEST_TMP/kiosk.err'; echo \$? >'$TEST_TMP/exit'; sleep 600"
wait_for "3  Nộp hồ sơ, yêu cầu"
send 3
wait_for "1  Đăng ký khai sinh"
send 1
wait_for "Bước 1/2: Người đi khai"
send_raw "$typed"
wait_for "[$name"
send Enter
send_raw "$cccd"
# (wait: 12 keys and Enter in one read would be taken for a scanner)
wait_for "[$cccd"
send Enter
send_raw "02071985"
send Enter
send_raw "$phone"
send Enter Enter 2 Enter
wait_for "Bước 2/2: Trẻ được khai sinh"
send_raw "Nguyeenx Vawn An"
wait_for "[Nguyễn Văn An"
send Enter
send_raw "01012025"
send Enter 1 Enter
send_raw "Tramj y tees xax"
wait_for "[Trạm y tế xã"
send Enter
wait_for "Chọn tỉnh, thành phố"
send_raw "ha tinh"
wait_for "1  Tỉnh Hà Tĩnh"
send 1
wait_for "Chọn xã, phường, đặc khu"
send_raw "thach ha"
wait_for "1  Xã Thạch Hà"
send 1
wait_for "Xem lại trước khi gửi"
send 1
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
code=$(screen_text | grep -oE "[0-9]{3}-[0-9]{6}-[0-9]" | head -n 1)
[ -n "$code" ] || fail "no receipt code"
wait_for "Đã in xong phiếu biên nhận"
send 0
wait_for "3  Nộp hồ sơ, yêu cầu"

# The server refuses it once, quoting the fields back (in the log only
# "refused CODE": the server's words stay in state.db); then takes it.
python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10).read()' \
	"http://127.0.0.1:$(cat "$SRV/ctlport")/fault?mode=echo&count=1"
kctl sync --once >"$TEST_TMP/once.out" 2>"$TEST_TMP/once.err"
python3 - "$TEST_TMP/var/state.db" "$phone" <<'PY' || fail "the server's refusal did not quote the phone"
import sqlite3, sys
err = sqlite3.connect(sys.argv[1]).execute("select last_error from submissions").fetchone()[0]
assert sys.argv[2] in err, err
PY
kctl queue retry "$code" >/dev/null || fail "queue retry"
# Started directly, not through kctl: $! is then the daemon itself, which
# SIGTERM stops (a function in the background is a subshell around it).
./build/kioskctl --config "$KIOSK_CONFIG" sync --daemon 2>"$TEST_TMP/daemon.err" &
DAEMON=$!
for ((i = 0; i < 200; i++)); do
	grep -q "sent $code" "$TEST_TMP/daemon.err" && break
	sleep 0.05
done
kill -TERM "$DAEMON"
wait "$DAEMON"
grep -q "sent $code" "$TEST_TMP/daemon.err" || fail "the daemon did not send it: $(cat "$TEST_TMP/daemon.err")"

# A helper over SSH types the villager's name and number (what comes back
# goes to the helper's own terminal, not to a log).
for cmd in "kioskctl compose '$typed'" "kioskctl search '$name'" "kioskctl dossier $cccd" \
	"kioskctl queue show $code" "kioskctl reprint $cccd"; do
	SSH_ORIGINAL_COMMAND=$cmd kctl --ssh >/dev/null 2>&1
done
close_terminal

# state.db holds them (the test would see a leak), the logs do not.
python3 - "$TEST_TMP/var/state.db" "$cccd" <<'PY' || fail "state.db does not hold the request"
import sqlite3, sys
body = sqlite3.connect(sys.argv[1]).execute("select body from submissions").fetchone()[0]
assert sys.argv[2].encode() in body
PY
logs=("$TEST_TMP"/var/logs/* "$TEST_TMP/kiosk.err" "$TEST_TMP/once.err" "$TEST_TMP/daemon.err")
# The only request waiting, refused: held, and sending paused (refusal.h).
grep -q "refused $code" "$TEST_TMP/once.err" || fail "the refusal is not logged at all"
grep -q "runs: kioskctl compose (1 more word)" "$TEST_TMP"/var/logs/kioskctl.log ||
	fail "the helper's commands are not logged"
for secret in "$name" "$typed" "Nguyen Thi Bich Ra" "$cccd" "$phone" "Nguyễn Văn An"; do
	hit=$(grep -lF -- "$secret" "${logs[@]}" 2>/dev/null)
	[ -z "$hit" ] || fail "'$secret' is in ${hit//$TEST_TMP\//}"
done
echo "ok: none of the villager's data in ${#logs[@]} logs"
