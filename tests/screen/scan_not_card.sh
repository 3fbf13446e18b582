# A scan that is not an ID card changes nothing: with "Trần Thị" typed in
# a name, a burst of an old 9-digit card's text or of a receipt's QR says
# so plainly and leaves the name as it was; a name holding anything but
# letters, spaces, - and ' is refused on Enter.
. tests/screen/lib.bash
start_kiosk
open_form 1
send_raw "Traafn Thij"
wait_for "[Trần Thị▌"
send_raw "00109901234|123456789|Nguyễn Văn An|01011990|Nam|Thôn Đông"$'\r'
wait_for "Mã vừa quét không phải thẻ căn cước. Không có gì thay đổi."
wait_for "[Trần Thị▌"
screen_text | grep -qF "00109901234" && fail "the scan reached the field"
send_raw "https://dichvucong.gov.vn/?ma=107-000042-4"$'\r'
wait_for "[Trần Thị▌"
screen_text | grep -qF "dichvucong" && fail "the QR reached the field"
# Enter on the name as it is: accepted, on to the next field.
send Enter
wait_for "Số CCCD                   [▌"
# A name with a digit in it is refused.
send Up
send_raw "2"
wait_for "[Trần Thị2▌"
send Enter
wait_for "Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch ngang (-) và dấu nháy (')."
