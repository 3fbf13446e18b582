# On a keypad-only booth, an ID card issued before the 2025 reform: the
# booth proposes the commune its old address is in now and one key fills
# the field (the village part kept); a split commune offers the communes
# it went into, and the picker is one key away, where an old ward's name
# typed on the keypad (predictive, the default) finds the 2025 wards it
# went into.
. tests/screen/lib.bash
. tests/screen/oldaddr.bash keypad

card "Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi"
wait_for "Địa chỉ trên thẻ là địa chỉ cũ"
wait_for "Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi"
wait_for "→ nay là Xã Đình Cương, Tỉnh Quảng Ngãi"
wait_for "Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi"
send 1
wait_for "[Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi"
wait_for "[Nguyễn Văn An"

# Phường Kim Mã went into three wards: one key takes one of them.
card "Số 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Thành phố Hà Nội"
wait_for "→ nay thuộc một trong các xã, phường dưới đây."
wait_for "1  Phường Ba Đình"
wait_for "2  Phường Ngọc Hà"
wait_for "3  Phường Giảng Võ"
wait_for "4  Chọn xã khác"
send 2
wait_for "[Số 12 phố Kim Mã, Phường Ngọc Hà, Thành phố Hà"

# Not sure: the picker, on the 2025 city, with the street kept. The old
# ward's name typed the keypad's predictive way, one press a letter: 5 4 6
# and 0 take "Kim" and a space, 6 2 and 1 number the syllables, and "Ma"'s
# number takes it; "kim ma" finds the wards Phường Kim Mã went into,
# saying what they were, and # numbers them.
card "Số 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Thành phố Hà Nội"
wait_for "4  Chọn xã khác"
send 4
wait_for "Thành phố Hà Nội · gõ tên xã, phường:"
send 5 4 6
wait_for "Kim  "
send 0 6 2
wait_for "Ma  "
send 1
for ((i = 0; i < 200; i++)); do # the numbered syllables
	ma=$(screen_text | sed -n '/Đang gõ CHỮ/{n;p;q}' | grep -oE '[1-9] Ma( |$)' | head -n 1 | cut -c1)
	[ -n "$ma" ] && break
	sleep 0.05
done
[ -n "$ma" ] || fail "no numbered syllable Ma for 6 2"
send "$ma"
wait_for "Kim Ma ▌"
wait_for "(trước đây: Phường Kim Mã, Quận Ba Đình)"
send '#'
num=$(screen_text | grep -E "^  [1-6]  Phường Giảng Võ$" | head -n 1 | awk '{print $1}')
[ -n "$num" ] || fail "Phường Giảng Võ is not offered for kim ma"
screen_text | grep -A1 -E "^  $num  Phường Giảng Võ$" | grep -qF "(trước đây: Phường Kim Mã, Quận Ba Đình)" ||
	fail "Phường Giảng Võ does not say it was Phường Kim Mã"
send "$num"
# The address done, the form moves on; back on the first step it shows.
wait_for "Bước 2/2: Mục đích"
send BSpace
wait_for "Bước 1/2: Người xin xác nhận"
wait_for "phố Kim Mã, Phường Giảng Võ, Thành phố Hà Nội▌"

# "0" keeps the address as printed on the card.
card "Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi"
wait_for "→ nay là Xã Đình Cương, Tỉnh Quảng Ngãi"
send 0
wait_for "Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi▌"

# The picker, while a word is spelled (4 2 6 4 for "hành" in Quảng Ngãi),
# also offers the 2025 communes of the old communes that word starts:
# Xã Đình Cương, saying which Xã Hành ... it was.
send Enter
wait_for "Gõ tên tỉnh hoặc thành phố"
send 7 8 2
wait_for "Tỉnh Quảng Ngãi"
send '#'
send "$(screen_text | sed -n 's/^ *\([1-9]\)  Tỉnh Quảng Ngãi$/\1/p')"
wait_for "Tỉnh Quảng Ngãi · gõ tên xã, phường:"
send 4 2 6 4
wait_for "Xã Đình Cương"
screen_text | grep -A1 -E "^  [1-6]  Xã Đình Cương$" | grep -qF "(trước đây: Xã Hành" ||
	fail "Xã Đình Cương does not say it was an old Xã Hành ..."
