# Printed receipts, tickets and test pages on 58 and 80 mm paper, drawn
# from Unifont glyphs or in the printer's own font: zbarimg reads the QR
# code of the picture back to the receipt code, the lookup URL and
# Vietnamese text; an independent parser of the ESC/POS bytes rebuilds the
# image and finds it equal to the PBM preview, in bands no taller than set.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export TZ=Asia/Ho_Chi_Minh
code=HD7-K4Q2-9
url='https://dichvucong.hanhduc.gov.vn/tra-cuu?ma={code}'
test_text=$(./build/kioskctl printer --help | sed -n 's/^"\(.*\)"$/\1/p')
[ -n "$test_text" ] || fail "cannot find the test page's text"

# decode PBM: the QR code's bytes, exactly.
decode() { zbarimg --raw -q -Sbinary "$1" 2>/dev/null; }

n=0
for width in 58 80; do
	for mode in raster text; do
		for lookup in "" "$url"; do
			n=$((n + 1))
			dir=$tmp/$n
			band=$((n * 24))
			printf '[booth]\ncommune = Xã Nghĩa Hành\n[printer]\ntype = file\npath = %s\nwidth = %s\ncodepage = %s\nband = %s\n[receipt]\nlookup_url = %s\n' \
				"$dir" "$width" "$mode" "$band" "$lookup" >"$tmp/k.ini"
			./build/tools/print_slip "$tmp/k.ini" receipt "$code" || fail "receipt $width $mode"
			./build/tools/print_slip "$tmp/k.ini" ticket 1024 3 || fail "ticket $width $mode"
			./build/tools/print_slip "$tmp/k.ini" test || fail "test page $width $mode"
			want=$code
			[ -n "$lookup" ] && want=${lookup//\{code\}/$code}
			got=$(decode "$dir/000001-receipt.pbm")
			[ "$got" = "$want" ] || fail "$width mm $mode: the receipt's QR says '$got', expected '$want'"
			got=$(decode "$dir/000003-test.pbm")
			[ "$got" = "$test_text" ] || fail "$width mm $mode: the test page's QR says '$got'"
			dots=$((width == 58 ? 384 : 576))
			for job in 000001-receipt 000002-ticket 000003-test; do
				head -c 12 "$dir/$job.pbm" | grep -qa "^$dots " || fail "$job.pbm is not $dots dots wide"
			done
			python3 tests/cli/escpos_check.py "$mode" "$band" "$dir/000001-receipt" \
				"$dir/000002-ticket" "$dir/000003-test" >"$tmp/check.out" ||
				fail "$width mm $mode: $(cat "$tmp/check.out")"
			if [ "$mode" = text ]; then
				# The printer's own font gets the words without marks.
				grep -qx "Nguoi nop: Nguyen Thi Kim Thu" "$tmp/check.out" &&
					grep -qx "Hen tra ket qua: 02/12/2026" "$tmp/check.out" ||
					fail "text mode receipt: $(cat "$tmp/check.out")"
			fi
			[ -z "$(find "$dir" -name '.job-*')" ] || fail "temporary files left in $dir"
			echo "ok: $width mm, $mode, QR '$want'"
		done
	done
done
