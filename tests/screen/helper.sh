# The helper menu opens only with the key sequence * / * / (or five taps on
# the clock) and the PIN; wrong PINs are counted, five lock it for five
# minutes (also after a restart), and only the menu's quit ends the kiosk.
. tests/screen/lib.bash
write_config
set_pin 4711
# The PIN is not stored in clear.
python3 - "$TEST_TMP/var/state.db" <<'PY' || fail "the PIN is stored in clear"
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("select value from settings").fetchall()
assert rows and not any("4711" in v for (v,) in rows), rows
assert any(v.startswith("$y$") for (v,) in rows), rows
PY
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"

# Five taps on the clock open the PIN entry; the on-screen pad types it.
row=1
col=$(screen_text | head -n 1 | python3 -c 'import sys, re; l = sys.stdin.read(); print(re.search(r"\d\d:\d\d", l).start() + 1)')
# Taps come at a finger's pace: nothing on screen changes until the fifth.
for i in 1 2 3 4 5; do
	tap "$row" "$col"
	sleep 0.15
done
wait_for "Nhập mã PIN"
dots=""
for digit in 4 7 1 1; do
	r=$(row_of "│    $digit    │")
	c=$(col_of "│    $digit    │")
	tap "$r" "$((c + 3))"
	dots="$dots● "
	wait_for "$dots"
done
r=$(row_of "│   OK    │")
c=$(col_of "│   OK    │")
tap "$r" "$((c + 3))"
wait_for "MENU CÁN BỘ HỖ TRỢ"
send 1
wait_for "Phiên bản phần mềm"
wait_for "Hồ sơ chờ gửi"
send 0
wait_for "2  Tắt chương trình"
send 0
wait_for "TRẠM DỊCH VỤ CÔNG"

# Wrong PINs: four say how many tries are left, the fifth locks.
send '*' / '*' /
wait_for "Nhập mã PIN"
for left in 4 3 2 1; do
	send 9 9 9 9 Enter
	wait_for "Sai mã PIN. Còn $left lần thử."
done
send 9 9 9 9 Enter
wait_for "Nhập sai nhiều lần nên đã khoá."
wait_for "sau 5 phút."
# Even the right PIN is refused while locked.
send 4 7 1 1 Enter
wait_for "đã khoá"
screen_text | grep -qF "MENU CÁN BỘ" && fail "the locked menu opened"
# The lock survives a restart.
kill -TERM "$(kiosk_pid)"
[ "$(wait_exit)" = 0 ] || fail "SIGTERM did not exit 0"
close_terminal
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"
send '*' / '*' /
wait_for "Nhập mã PIN"
send 4 7 1 1 Enter
wait_for "đã khoá"

# A new PIN set over SSH clears the lock; the menu's quit exits with 0.
set_pin 2580
send 2 5 8 0 Enter
wait_for "MENU CÁN BỘ HỖ TRỢ"
send 2
[ "$(wait_exit)" = 0 ] || fail "quit from the helper menu did not exit 0"
