# The home screen shows the commune, the eight services and the footer,
# with every Vietnamese letter intact, even when the system's only UTF-8
# locale is C.UTF-8 (no vi_VN installed).
. tests/screen/lib.bash
write_config
KIOSK_ENV="LANG=vi_VN.UTF-8 LC_ALL="
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG · Xã Nghĩa Hành"
for label in "1  Tìm thủ tục, giấy tờ cần mang" "2  Xem kết quả hồ sơ" \
	"3  Nộp hồ sơ, yêu cầu" "4  Phản ánh, kiến nghị" "5  Lấy số thứ tự" \
	"6  Nộp phí bằng mã QR" "7  Thông báo của xã" "8  English" \
	"Bấm số hoặc chạm vào ô để chọn" "● Chưa có mạng"; do
	screen_text | grep -qF "$label" || fail "home screen lacks \"$label\""
done
# The clock: a Vietnamese day name and dd/mm.
screen_text | head -n 1 | grep -qE '(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật) [0-9]{2}/[0-9]{2}' ||
	fail "no day and date in the title row"
# Nothing but the screen: 24 rows, none wider than 80 columns.
[ "$(screen_text | wc -l)" -eq 24 ] || fail "the screen is not 24 rows"
screen_text | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in sys.stdin))' ||
	fail "a row is wider than 80 columns"

# The footer counts the requests waiting to upload, from state.db.
python3 - "$TEST_TMP/var/state.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for i in range(3):
    db.execute("insert into submissions (id, receipt, kind, created_at, body) values (?, ?, 'feedback', 0, x'7b7d')",
               (f"id-{i}", f"R{i}"))
db.commit()
PY
wait_for "● Chưa có mạng · 3 hồ sơ chờ gửi"
