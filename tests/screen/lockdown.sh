# No key a villager can press leaves the kiosk: Ctrl-C, Ctrl-Z, Ctrl-\,
# Esc, function keys, Alt combinations, Ctrl-D. After all of them it still
# answers keys.
. tests/screen/lib.bash
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"
pid=$(kiosk_pid)
[ -n "$pid" ] || fail "no kiosk process"
send C-c
send C-z
send 'C-\'
send Escape
send C-d
send F1 F2 F4 F10 F12
send M-x M-F4 C-q C-s
send 6
wait_for "Trạm này chưa nhận nộp phí bằng mã QR"
# Esc takes the key right after it with it (Alt with that key), so it
# comes before the others here, not before the 0.
send C-c Escape C-z 'C-\'
send 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
kiosk_running || fail "the kiosk exited"
[ "$(kiosk_pid)" = "$pid" ] || fail "the kiosk was restarted or stopped"
# Signals a terminal could send do not stop it either.
kill -INT "$pid"
kill -QUIT "$pid"
kill -TSTP "$pid"
send 8
wait_for "PUBLIC SERVICE BOOTH"
kiosk_running || fail "the kiosk exited on a signal"
