# A dossier submitted elsewhere, its national code scanned at the booth:
# when the server names its procedure, the day it was submitted and the
# day its result is due, the screen shows them (the due day as given, not
# an estimate); an older server that says only the status still works.
. tests/screen/lib.bash
. tests/screen/upload.bash
upload_server secret
# Tells the test server a dossier's status (query string QUERY).
status() {
	srvctl "status?$1" || fail "cannot tell the server the status"
}
new=G22.27.15-260302-0007
old=G22.27.15-260302-0008
status "receipt=$new&status=processing&procedure=%C4%90%C4%83ng%20k%C3%BD%20k%E1%BA%BFt%20h%C3%B4n&submitted=2026-03-02&due=2026-03-09"
status "receipt=$old&status=ready"
write_config "[upload]" "url = http://127.0.0.1:$(cat "$SRV/port")/" "token = secret" \
	"lookup_timeout = 60"
start_kiosk
wait_for "2  Xem kết quả hồ sơ"
send 2
wait_for "Gõ mã biên nhận"
# A scanner reads the code from the receipt of another office.
send_raw "$new"$'\r'
wait_for "Tình trạng: Đang xử lý"
wait_for "Thủ tục: Đăng ký kết hôn"
wait_for "Ngày nộp: 02/03/2026"
wait_for "Ngày hẹn trả: 09/03/2026"
screen_text | grep -qF "(dự kiến)" && fail "the server's due day is called an estimate"
# An older server: the status alone.
for i in $(seq 3); do send BSpace; done
wait_keys_read
send_raw "$old"$'\r'
wait_for "Tình trạng: Đã có kết quả, mời bạn đến nhận"
screen_text | grep -qE "Thủ tục:|Ngày nộp:|Ngày hẹn trả" && fail "details shown that the server did not give"
echo "ok: procedure, submitted and due day from the server"
