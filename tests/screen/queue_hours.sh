# Queue numbers keep the office's hours (screens/queue.hours and the
# holidays of assets/holidays.txt), the kiosk's clock moved with
# libfaketime: on a Sunday night, in the lunch break and on a public
# holiday the queue screen shows no counter, says when the office opens
# and prints nothing, and `kioskctl ticket issue` refuses too; in hours a
# ticket prints. `kioskctl check` names the file and line of a wrong hours
# line.
. tests/screen/lib.bash
. tests/faketime.bash
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
grep -q "^open  *mon-fri  *07:30-11:30  *13:30-17:00" screens/queue.hours ||
	fail "the demo hours are not the ones this test knows"
# Days after the build (a clock before it is not set): a Sunday two weeks
# on, its Monday, and a Quốc khánh (09-02) on a Wednesday or Thursday
# whose next day the table leaves a working day.
read -r sunday monday holiday <<<"$(python3 -c '
import datetime, re
t = datetime.date.today() + datetime.timedelta(14)
sunday = t + datetime.timedelta((6 - t.weekday()) % 7)
table = open("assets/holidays.txt", encoding="utf-8").read()
y = t.year + 1
while datetime.date(y, 9, 2).weekday() not in (2, 3) or f"{y}-09-03" in table:
    y += 1
print(sunday, sunday + datetime.timedelta(1), f"{y}-09-02")')"
ddmm() { date -d "$1" +%d/%m; }
day_vi() { case $(date -d "$1" +%u) in 1) echo "Thứ Hai" ;; 4) echo "Thứ Năm" ;; 5) echo "Thứ Sáu" ;; esac; }

# Starts the kiosk at local time $1 ("YYYY-MM-DD HH:MM:SS") and opens the
# queue screen.
queue_at() {
	close_terminal
	KIOSK_ENV="LD_PRELOAD=$FAKETIME_LIB FAKETIME='@$1' FAKETIME_DONT_FAKE_MONOTONIC=1"
	start_kiosk
	wait_for "5  Lấy số thứ tự"
	send 5
	wait_for "Lấy số thứ tự   "
}
# Fails unless the screen says the office is closed and shows no counter,
# a counter's digit prints nothing, and kioskctl refuses at time $1.
closed_at() {
	wait_for "Bộ phận một cửa đang đóng cửa, chưa lấy số thứ tự được."
	screen_text | grep -qF "Tư pháp" && fail "a counter is offered while the office is closed"
	send 1
	wait_keys_read
	wait_for "Bộ phận một cửa đang đóng cửa"
	screen_text | grep -qF "SỐ THỨ TỰ CỦA BẠN" && fail "a ticket out of hours"
	[ -z "$(ls "$TEST_TMP/printer" 2>/dev/null)" ] || fail "something was printed out of hours"
	env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$1" FAKETIME_DONT_FAKE_MONOTONIC=1 \
		./build/kioskctl --config "$KIOSK_CONFIG" ticket issue tu-phap --json >"$TEST_TMP/out" 2>&1 &&
		fail "kioskctl ticket issue gave a ticket out of hours"
	grep -q '"error": *"closed"' "$TEST_TMP/out" || fail "kioskctl said: $(cat "$TEST_TMP/out")"
	[ -z "$(ls "$TEST_TMP/printer" 2>/dev/null)" ] || fail "kioskctl printed out of hours"
}

# Sunday 23:10: come back Monday morning.
queue_at "$sunday 23:10:00"
closed_at "$sunday 23:10:00"
wait_for "Bộ phận một cửa mở cửa lúc 7:30 sáng ngày mai, Thứ Hai $(ddmm "$monday")."
# The same in English.
send 0
wait_for "8  English"
send 8
wait_for "5  Take a queue number"
send 5
wait_for "The one-stop office opens at 7:30 am tomorrow, Mon $(LC_ALL=C date -d "$monday" '+%-d %b')."

# Monday in the lunch break: this afternoon.
queue_at "$monday 12:00:00"
closed_at "$monday 12:00:00"
wait_for "Bộ phận một cửa mở cửa lúc 1:30 chiều hôm nay."

# Quốc khánh: closed all day, says why.
queue_at "$holiday 09:00:00"
closed_at "$holiday 09:00:00"
wait_for "Hôm nay nghỉ lễ: Quốc khánh"
next=$(date -d "$holiday + 1 day" +%F)
wait_for "Bộ phận một cửa mở cửa lúc 7:30 sáng ngày mai, $(day_vi "$next") $(ddmm "$next")."

# Monday 9:00: open, a ticket prints.
queue_at "$monday 09:00:00"
wait_for "1  Tư pháp - Hộ tịch"
send 1
wait_for "SỐ THỨ TỰ CỦA BẠN"
wait_for "Số của bạn: 1001"
[ -n "$(ls "$TEST_TMP/printer" 2>/dev/null)" ] || fail "the ticket was not printed"

# A wrong hours line: kioskctl check names its file and line.
content_always_open
rm "$CONTENT_DIR/screens/queue.hours" 2>/dev/null
printf 'open  mon-fri  07:30-11:30\nopen  fri  13:30-11:00\n' >"$CONTENT_DIR/screens/queue.hours"
write_config
./build/kioskctl --config "$KIOSK_CONFIG" check >"$TEST_TMP/check" 2>&1 && fail "kioskctl check passed a wrong hours file"
grep -qF "$CONTENT_DIR/screens/queue.hours:2: opening times are up to 4 ranges HH:MM-HH:MM" "$TEST_TMP/check" ||
	fail "kioskctl check said: $(cat "$TEST_TMP/check")"
echo "ok: closed $sunday 23:10, $monday 12:00, $holiday; open $monday 09:00"
