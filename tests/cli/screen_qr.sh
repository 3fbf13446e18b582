# The on-screen QR code (half-block characters, quiet zone) is turned into
# an image the way a terminal shows it and read back by zbarimg: receipt
# codes, a lookup URL and Vietnamese text come back byte for byte, with
# dark ink on light cells and light ink on a dark console alike.
set -u
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for text in "HD7-K4Q2-9" "https://dichvucong.hanhduc.gov.vn/tra-cuu?ma=HD7-K4Q2-9" \
	"Nguyễn Thị Kim Thư, Đắk Lắk: hồ sơ đã lưu" "ĐỖ VĂN BÌNH"; do
	for ink in dark light; do
		./build/tools/qr_text "$ink" "$text" >"$tmp/lines" || fail "qr_text $ink '$text'"
		python3 tests/cli/escpos_check.py screen "$ink" "$tmp/qr.pbm" <"$tmp/lines" ||
			fail "the picture of '$text' has other characters"
		got=$(zbarimg --raw -q -Sbinary "$tmp/qr.pbm" 2>/dev/null)
		[ "$got" = "$text" ] || fail "$ink ink: read '$got', expected '$text'"
	done
	echo "ok: $text ($(wc -l <"$tmp/lines") rows)"
done

# A receipt code fits beside the text of an 80x24 screen: 15 rows, 29 columns.
./build/tools/qr_text dark HD7-K4Q2-9 >"$tmp/lines"
[ "$(wc -l <"$tmp/lines")" -eq 15 ] || fail "a receipt code takes $(wc -l <"$tmp/lines") rows"
[ "$(head -1 "$tmp/lines" | tr -d '\n' | wc -m)" -eq 29 ] || fail "a receipt code is not 29 columns wide"
