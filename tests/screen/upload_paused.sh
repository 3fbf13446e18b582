# A booth whose token the server does not take: the upload daemon pauses,
# and the kiosk says so quietly to villagers ("● Chưa gửi được" in the
# footer instead of "● Có mạng") and plainly to helpers: the helper menu
# says what needs a look and why, the booth's status shows sending paused
# and the requests the server refused. Once the server takes the token
# again the daemon sends everything and the kiosk shows it.
. tests/screen/lib.bash
. tests/screen/upload.bash
upload_server tokenA
upload_config tokenB
set_pin 4711
upload_booth 3
wait_for "● Chưa gửi được · 3 hồ sơ chờ gửi" 20
screen_text | grep -q "CẦN XEM" && fail "the villager's screen shows what is for helpers"

# The helper menu: what needs a look, first.
send '*' / '*' /
wait_for "Nhập mã PIN"
send 4 7 1 1 Enter
wait_for "MENU CÁN BỘ HỖ TRỢ"
wait_for "CẦN XEM: trạm tạm dừng gửi hồ sơ: máy chủ không nhận mã truy cập (token)"
send 1
wait_for "Phiên bản phần mềm"
wait_for "TẠM DỪNG (máy chủ từ chối trạm)"
screen_text | grep -q "Hồ sơ bị máy chủ từ chối *0" || fail "quarantined count"

# The server takes the booth's token again: everything goes.
srvctl "token?value=tokenB"
wait_for "bình thường" 20
wait_for "● Có mạng · gửi lần cuối lúc" 20
screen_text | grep -q "CẦN XEM" && fail "still asking for a look"
send 0
wait_for "MENU CÁN BỘ HỖ TRỢ"
screen_text | grep -q "CẦN XEM" && fail "the helper menu still asks for a look"

# A request the server refuses for itself while it takes others: the
# helper menu counts it.
srvctl "fault?mode=422&count=1"
./build/tools/spool_fill "$TEST_TMP/var" 2 >/dev/null || fail "spool_fill"
wait_for "CẦN XEM: 1 hồ sơ bị máy chủ từ chối, chờ cán bộ xử lý." 20
