# On a touch-only booth, an ID card issued before the 2025 reform: a touch
# takes the 2025 commune the booth proposes, and the request saved keeps
# the address as printed on the card beside the one chosen (docs/API.md).
# A split commune: tests/screen/oldaddr_touch_split.sh.
. tests/screen/lib.bash
. tests/screen/oldaddr.bash touch

# One touch takes the proposed commune, the village part kept.
card "Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi"
wait_for "→ nay là Xã Đình Cương, Tỉnh Quảng Ngãi"
tap "$(row_of "1  Đúng, ghi địa chỉ mới")" 20
wait_for "[Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi"
# "Tiếp theo" from field to field (each touch changes the screen) to the
# second step: the address needs no picker now.
for i in 1 2 3 4 5 6; do
	screen_text | grep -qF "Bước 2/2: Mục đích" && break
	before=$(screen_text)
	tap "$(row_of "Tiếp theo ▶")" "$(($(col_of "Tiếp theo ▶") + 2))"
	for ((k = 0; k < 200; k++)); do
		[ "$(screen_text)" != "$before" ] && break
		sleep 0.05
	done
done
wait_for "Bước 2/2: Mục đích"
tap "$(row_of "Dùng giấy này")" 5
purpose_vay
screen_text | grep -qF "Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi" || fail "the review lacks the 2025 address"
tap "$(row_of "1  Gửi hồ sơ")" 10
wait_saved
python3 - "$TEST_TMP/var/state.db" <<'PY' || fail "the request does not keep both addresses"
import json, sqlite3, sys
body = json.loads(sqlite3.connect(sys.argv[1]).execute("select body from submissions").fetchone()[0])
assert body["fields"]["address"] == "Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi", body
assert body["as_on_card"] == {"address": "Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi"}, body
PY
