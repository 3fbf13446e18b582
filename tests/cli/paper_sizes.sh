# What the booth prints, measured: the receipts of the nine request forms
# and of feedback, a procedure's checklist, a queue ticket and a payment
# slip, through the file printer on 58 mm paper. For each job: the length
# of paper in mm (8 dots a mm), the bytes sent to the printer, whether
# the return date ("Hẹn trả kết quả") is there, and what its QR code says
# (zbarimg). Prints the table (docs/printing.md quotes it), then asserts:
# receipts at most 120 mm and 30 KB, the checklist at most 250 mm, a date
# on every receipt whose procedure publishes a processing time, and every
# receipt's QR opening the lookup URL of the demo config with its code.
# The words are read from the same jobs printed in the printer's own font
# (codepage = text), where the bytes hold them as text.
set -u
export TZ=Asia/Ho_Chi_Minh LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v zbarimg >/dev/null || { echo "zbarimg missing (deploy/deps.sh test)"; exit 77; }
url=$(sed -n 's/^lookup_url *= *//p' deploy/kiosk.ini)
[ -n "$url" ] || url='https://dichvucong.example.gov.vn/tra-cuu?ma={code}'

# config MODE: a booth on 58 mm paper printing in MODE into $tmp/MODE.
config() {
	printf '[booth]\ncommune = Xã Hành Đức\n[paths]\nstate_dir = %s/var\ncontent_dir = %s\n' \
		"$tmp" "$PWD/build/content"
	printf '[printer]\ntype = file\npath = %s/%s\nwidth = 58\ncodepage = %s\n' "$tmp" "$1" "$1"
	printf '[receipt]\nlookup_url = %s\n' "$url"
	printf '[payment]\nbank_bin = 970436\naccount = 0011004123456\naccount_name = UBND XA HANH DUC\n'
}
config raster >"$tmp/raster.ini"
config text >"$tmp/text.ini"

# The forms' procedures, from the forms themselves.
forms=()
for f in screens/forms/*.form; do
	code=$(sed -n 's/^procedure *//p' "$f")
	[ -n "$code" ] && forms+=("$code")
done
[ "${#forms[@]}" = 9 ] || fail "expected nine request forms, found ${#forms[@]}"

# job FILE ARGS...: kioskctl ARGS prints one job in both modes, which the
# file printer names FILE; sets stem to the files' name without extension.
seq=0
job() {
	local mode file=$1
	shift
	for mode in raster text; do
		./build/kioskctl --config "$tmp/$mode.ini" "$@" >/dev/null || fail "$mode: kioskctl $*"
	done
	seq=$((seq + 1))
	stem=$(printf '%06d-%s' "$seq" "$file")
}

# published CODE: the processing time of the procedure's first channel
# with one, as the catalog sources give it ("" when none).
published() {
	python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(next((c["time"] for c in d["channels"] if c.get("time")), ""))' "assets/catalog/procedures/$1.json"
}

rows=()
problems=()
# measure NAME STEM KIND TIME: one row of the table, and the checks.
measure() {
	local name=$1 stem=$2 kind=$3 time=$4 h bytes mm kb qr date words
	h=$(head -c 20 "$tmp/raster/$stem.pbm" | sed -n 2p | cut -d' ' -f2)
	bytes=$(stat -c %s "$tmp/raster/$stem.escpos")
	mm=$(((h + 4) / 8))
	kb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1024 }')
	qr=$(zbarimg --raw -q -Sbinary "$tmp/raster/$stem.pbm" 2>/dev/null)
	words=$(python3 tests/cli/escpos_check.py words 128 "$tmp/text/$stem") ||
		fail "$name: $words"
	date=$(grep -o 'Hen tra ket qua: [0-9/]*\|Hen tra ket qua: trong ngay' <<<"$words" | head -1)
	date=${date#Hen tra ket qua: }
	rows+=("$(printf '%-34s %5s %7s  %-12s %s' "$name" "$mm" "$kb" "${date:--}" "${qr:-(none)}")")
	case $kind in
	receipt)
		[ "$mm" -le 120 ] || problems+=("$name: $mm mm, more than 120")
		[ "$bytes" -le 30720 ] || problems+=("$name: $kb KB, more than 30")
		[ -z "$time" ] || [ -n "$date" ] ||
			problems+=("$name: no return date, the catalog says '$time'")
		[ "$qr" = "${url//\{code\}/$5}" ] || problems+=("$name: QR '$qr'")
		;;
	checklist)
		[ "$mm" -le 250 ] || problems+=("$name: $mm mm, more than 250")
		[ -n "$qr" ] || problems+=("$name: no QR code")
		;;
	esac
}

n=0
for code in "${forms[@]}" -; do
	n=$((n + 1))
	receipt=$(./build/tools/spool_one "$tmp/var" 107 "$n" "$code") || fail "spool_one $code"
	job receipt reprint "$receipt"
	name="receipt $code"
	[ "$code" = - ] && name="receipt (feedback)"
	measure "$name" "$stem" receipt "$([ "$code" = - ] || published "$code")" "$receipt"
done
job checklist checklist 1.001193
measure "checklist 1.001193" "$stem" checklist ""
job ticket ticket issue tu-phap
measure "ticket" "$stem" ticket ""
paid=$(./build/tools/spool_one "$tmp/var" 107 99 1.004194) || fail "spool_one"
job payslip payslip "$paid"
measure "payslip 1.004194" "$stem" payslip ""

printf '%-34s %5s %7s  %-12s %s\n' job mm KB "return date" "QR code"
printf '%s\n' "${rows[@]}"
for p in "${problems[@]}"; do
	echo "FAIL: $p"
done
[ "${#problems[@]}" = 0 ] || exit 1
