# For the tests of ID cards with a pre-2025 address (oldaddr_*.sh), after
# lib.bash: the booth started with [ui] input = $1 on the form that takes
# an address from a card (Xác nhận thông tin cư trú), and card ADDRESS,
# which scans a card with that address and says yes to filling the form.
input=$1
write_config "[ui]" "input = $input"
start_kiosk

# Chooses the box labelled LABEL: a touch, or its number.
choose() {
	if [ "$input" = touch ]; then
		tap "$(row_of "$1")" 10
	else
		send "${1%% *}"
	fi
}

wait_for "3  Nộp hồ sơ, yêu cầu"
choose "3  Nộp hồ sơ, yêu cầu"
wait_for "9  Xác nhận thông tin cư trú"
choose "9  Xác nhận thông tin cư trú"
wait_for "Xác nhận thông tin cư trú · Bước 1/2"

card() {
	send_raw "051086002237|362499103|Nguyễn Văn An|11011986|Nam|$1|04102024||||"$'\r'
	wait_for "1  Điền vào đơn"
	choose "1  Điền vào đơn"
}

# On a touch booth, step 2's keyboard open: "vay" as the purpose, then on
# to the review.
purpose_vay() {
	wait_for "Dấu cách"
	for key in v a y; do
		tap_key "$key"
	done
	tap_key "Xong"
	wait_for "Xem lại trước khi gửi"
}
