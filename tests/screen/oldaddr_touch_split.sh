# On a touch-only booth, an ID card whose pre-2025 ward was split: the
# booth offers the wards it went into and the picker, opened on the 2025
# city with the street kept, where the old ward's name typed on the
# on-screen keyboard finds them; a touch takes one and the form moves on.
. tests/screen/lib.bash
. tests/screen/oldaddr.bash touch

# A split ward: the picker, where "kim ma" typed on the keyboard finds the
# wards Phường Kim Mã went into.
card "Số 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Thành phố Hà Nội"
wait_for "→ nay thuộc một trong các xã, phường dưới đây."
wait_for "3  Phường Giảng Võ"
tap "$(row_of "4  Chọn xã khác")" 50
wait_for "Thành phố Hà Nội · gõ tên xã, phường:"
tap "$(row_of "Thành phố Hà Nội · gõ tên xã, phường:")" 20
tap $(($(row_of "Thành phố Hà Nội · gõ tên xã, phường:") + 2)) 20
wait_for "Dấu cách"
for key in k i m "Dấu cách" m a; do
	tap_key "$key"
done
wait_for "kim ma▌"
tap_key "Xong"
wait_for "(trước đây: Phường Kim Mã, Quận Ba Đình)"
tap "$(row_of "Phường Giảng Võ")" 20
# The address done, the form moves on to its second step.
wait_for "Bước 2/2: Mục đích"
purpose_vay
wait_for "Số 12 phố Kim Mã, Phường Giảng Võ, Thành phố Hà"

