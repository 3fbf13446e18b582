# Scans are told from typing by their pace (src/burst.h): a burst of keys
# sent at once and ending in Enter is a keyboard-wedge scanner's, however
# short (from 6 characters), and is never typed into a field; the same
# text typed key by key at a person's pace, however long, is typing. A
# scan where none is of use (the search) changes nothing and says so.
. tests/screen/lib.bash
start_kiosk
# Types text one key at a time, a person's pause between keys.
type_slowly() {
	local i
	for ((i = 0; i < ${#1}; i++)); do
		send_raw "${1:i:1}"
		sleep 0.06
	done
}
open_form 1
type_slowly "Traafn Thij"
wait_for "[Trần Thị▌"
# An 11-character burst: a scan that is not an ID card; the name stays,
# the tone typed stays, nothing of it goes through Telex.
send_raw "hello world"$'\r'
wait_for "Mã vừa quét không phải thẻ căn cước. Không có gì thay đổi."
wait_for "[Trần Thị▌"
screen_text | grep -qiE "hello|Ưởld|ưởld" && fail "the burst was typed"
# Six characters at once with Enter: a scan too.
send_raw "ABC123"$'\r'
wait_keys_read
wait_for "[Trần Thị▌"
screen_text | grep -qF "ABC123" && fail "a short burst was typed"
# Typed key by key, Enter a moment later: typing, however long.
send BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
wait_for "[▌"
type_slowly "Nguyeenx Vawn An"
wait_for "[Nguyễn Văn An▌"
sleep 0.06
send Enter
wait_for "Số CCCD                   [▌"
screen_text | grep -qF "Mã vừa quét" && fail "typing was taken for a scan"
# The search: a scan changes nothing there and says so; typing searches.
send '*'
wait_for "1  Bỏ, về trang chủ"
send 1
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
send 1
wait_for "Gõ vài chữ, không cần dấu:"
send_raw "hello world"$'\r'
wait_for "Mã vừa quét không dùng được ở đây. Không có gì thay đổi."
screen_text | grep -qF "hello" && fail "the burst was typed into the search"
type_slowly "ket hon"
wait_for "│ ket hon▌"
wait_gone "Mã vừa quét"
wait_for "1  Thủ tục đăng ký kết hôn"
echo "ok: bursts are scans, typing at a person's pace is typing"
