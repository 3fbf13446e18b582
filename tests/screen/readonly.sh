# A booth whose state disk came up read-only (as a failing SD card does):
# the kiosk starts all the same and serves lookups, "send" tells the
# villager the request is NOT saved, state.db is untouched, nothing is
# written over the screen; once the disk is writable again the same
# request saves, without restarting the kiosk.
. tests/screen/lib.bash
. tests/screen/faults.bash
fault_mount 8m
start_kiosk
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
pid=$(kiosk_pid)
kill -TERM "$pid"
wait_exit >/dev/null
close_terminal
[ "$(db_requests)" = 0 ] || fail "state.db was not made"
fault_readonly
start_kiosk
fill_feedback "Ddeenf hongr"
send_fails "Trạm đang gặp sự cố lưu trữ, ý kiến CHƯA được lưu."
screen_text | grep -qF "state.db" && fail "an error message was written over the screen"
fault_writable
send_saves
