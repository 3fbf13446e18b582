#!/bin/bash
# "Gọi cán bộ hỗ trợ": a villager calls a helper by keypad (9 on the home
# screen) and by touch (the form's "Gọi cán bộ" button); each call is
# recorded with its time, screen and booth, chimes at the booth, says so on
# screen, and is listed by `kioskctl calls`, `status --json` and the helper
# status screen; a helper answers it there or with `kioskctl calls answer`;
# calls survive a restart; nothing a villager typed is in state.db.
. tests/screen/lib.bash
SAID=$TEST_TMP/said
ctl() { ./build/kioskctl --config "$KIOSK_CONFIG" "$@"; }
booth() {
	write_config "[booth]" "id = nh-03" "[ui]" "input = $1" \
		"[voice]" "player = $PWD/tests/tools/voice-player.sh $SAID"
}

# The keypad booth: 9 on the home screen.
booth keypad
set_pin 2468
start_kiosk
wait_for "9  Gọi cán bộ hỗ trợ"
send 9
wait_for "Đã gọi cán bộ, xin chờ trong giây lát."
for ((i = 0; i < 200; i++)); do grep -q $'\t(chime)\t' "$SAID" 2>/dev/null && break; sleep 0.05; done
grep -q $'\t(chime)\t' "$SAID" || fail "no chime at the booth"
ctl calls >"$TEST_TMP/out" || fail "kioskctl calls"
grep -qE "^1 +[0-9-]+ [0-9:]+  nh-03 +home +OPEN" "$TEST_TMP/out" || fail "calls: $(cat "$TEST_TMP/out")"
ctl status --json | python3 -c 'import json, sys; c = json.load(sys.stdin)["helper_calls"]; sys.exit(0 if c["open"] == 1 and c["oldest"] > 0 else 1)' ||
	fail "status --json: $(ctl status --json)"
# Calling again while a helper is on the way records no second call.
send 0
wait_for "9  Gọi cán bộ hỗ trợ"
send 9
wait_for "Đã gọi cán bộ, xin chờ trong giây lát."
[ "$(ctl calls --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')" = 1 ] ||
	fail "a second open call: $(ctl calls)"
echo "ok: a call by keypad, listed"

# The helper status screen shows it; its 1 marks it answered.
send 0
wait_for "9  Gọi cán bộ hỗ trợ"
send '*' / '*' /
wait_for "Nhập mã PIN"
send 2 4 6 8 Enter
wait_for "MENU CÁN BỘ HỖ TRỢ"
send 1
wait_for "Người dân gọi cán bộ"
screen_text | grep -qE "Người dân gọi cán bộ +1 lượt chờ, từ [0-9]{2}:[0-9]{2}" || fail "the status screen does not show the call"
send 1
wait_for "không có"
screen_text | grep -qE "Người dân gọi cán bộ +không có" || fail "the call is still open on the status screen"
ctl calls | grep -qx "no open calls for a helper" || fail "answered at the booth: $(ctl calls)"
ctl calls --all | grep -qE "^1 .* answered [0-9-]+ [0-9:]+ by booth$" || fail "calls --all: $(ctl calls --all)"
echo "ok: answered from the helper status screen"

# The touch booth: a name typed in a form, then its "Gọi cán bộ" button.
cleanup_kiosk() {
	kill -TERM "$(kiosk_pid)"
	wait_exit >/dev/null
	close_terminal
}
cleanup_kiosk
booth touch
start_kiosk
wait_for "Chạm vào ô để chọn"
touch_text "Nộp hồ sơ, yêu cầu"
wait_for "Đăng ký khai sinh"
touch_text "Đăng ký khai sinh"
wait_for "Bước 1/"
touch_text "Họ và tên"
wait_for "Dấu cách"
for k in q u y "Dấu cách" b ô; do tap_key "$k"; done
wait_for "Quy Bô▌"
tap_key Xong
wait_for "Gọi cán bộ"
touch_text "Gọi cán bộ"
wait_for "Đã gọi cán bộ, xin chờ trong giây lát."
id=$(ctl calls --json | python3 -c 'import json, sys; c = json.load(sys.stdin); assert len(c) == 1 and c[0]["screen"] == "form:10-khai-sinh" and c[0]["booth"] == "nh-03"; print(c[0]["id"])') ||
	fail "the touch call: $(ctl calls --json)"
touch_text "Quay lại"
wait_for "Đăng ký khai sinh · Bước 1/2"
echo "ok: a call by touch from a form, and back to the form"

# A restart keeps the calls; a helper answers over kioskctl.
cleanup_kiosk
start_kiosk
wait_for "Chạm vào ô để chọn"
ctl calls | grep -qE "^$id .* form:10-khai-sinh +OPEN" || fail "after a restart: $(ctl calls)"
ctl calls answer "$id" | grep -qx "1 call answered" || fail "calls answer"
ctl calls answer "$id" 2>"$TEST_TMP/err" && fail "answered twice"
grep -q "no open call $id" "$TEST_TMP/err" || fail "answer twice: $(cat "$TEST_TMP/err")"
[ "$(ctl calls --all --json | python3 -c 'import json, sys; print(sum(c["answered_at"] is not None for c in json.load(sys.stdin)))')" = 2 ] ||
	fail "calls --all: $(ctl calls --all)"
echo "ok: calls survive a restart and are answered"

# Nothing personal: the table holds times, screens, booths and helpers; the
# name typed is nowhere in state.db.
cols=$(sqlite3 "$TEST_TMP/var/state.db" "SELECT group_concat(name, ' ') FROM pragma_table_info('helper_calls')")
[ "$cols" = "id at screen booth answered_at answered_by" ] || fail "helper_calls columns: $cols"
sqlite3 "$TEST_TMP/var/state.db" .dump | grep -q "Quy Bô" && fail "the typed name is in state.db"
echo "ok: nothing personal in the call records"
