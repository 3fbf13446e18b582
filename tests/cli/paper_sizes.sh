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
[ -n "$url" ] || fail "deploy/kiosk.ini sets no [receipt] lookup_url"

# The demo content without the office's hours: a ticket at any hour.
mkdir -p "$tmp/content/screens"
for f in content.db locale assets; do ln -s "$PWD/build/content/$f" "$tmp/content/$f"; done
for f in screens/*; do [ "$f" = screens/queue.hours ] || ln -s "$PWD/$f" "$tmp/content/$f"; done

# config MODE: a booth on 58 mm paper printing in MODE into $tmp/MODE.
config() {
	printf '[booth]\ncommune = Xã Hành Đức\n[paths]\nstate_dir = %s/var\ncontent_dir = %s\n' \
		"$tmp" "$tmp/content"
	printf '[printer]\ntype = file\npath = %s/%s\nwidth = 58\ncodepage = %s\n' "$tmp" "$1" "$1"
	printf '[receipt]\nlookup_url = %s\n' "$url"
	printf '[payment]\nbank_bin = 970436\naccount = 0011004123456\naccount_name = UBND XA HANH DUC\n'
}
config raster >"$tmp/raster.ini"
config text >"$tmp/text.ini"

# The forms' procedures and name fields, from the forms themselves
# (feedback has no procedure: "-").
forms=()
names=()
for f in screens/forms/*.form; do
	code=$(sed -n 's/^procedure *//p' "$f")
	forms+=("${code:--}")
	names+=("$(awk '$1 == "field" && $3 == "name" { print $2; exit }' "$f")")
done
[ "${#forms[@]}" = 10 ] || fail "expected nine request forms and feedback, found ${#forms[@]}"

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
	date=$(sed -n 's/^Hen tra ket qua: //p' <<<"$words" | head -1)
	rows+=("$(printf '%-34s %5s %7s  %-12s %s' "$name" "$mm" "$kb" "${date:--}" "${qr:-(none)}")")
	case $kind in
	receipt)
		grep -qx "Nguoi nop: Nguyen Thi Kim Thu" <<<"$words" ||
			problems+=("$name: the name typed is not on it")
		[ "$mm" -le 120 ] || problems+=("$name: $mm mm, more than 120")
		[ "$bytes" -le 30720 ] || problems+=("$name: $kb KB, more than 30")
		[ -z "$time" ] || [[ $date =~ ^([0-9]{2}/[0-9]{2}/[0-9]{4}|trong\ ngay)$ ]] ||
			problems+=("$name: return date '$date', the catalog says '$time'")
		[ "$qr" = "${url//\{code\}/$5}" ] || problems+=("$name: QR '$qr'")
		;;
	checklist)
		[ "$mm" -le 250 ] || problems+=("$name: $mm mm, more than 250")
		[ -n "$qr" ] || problems+=("$name: no QR code")
		;;
	esac
}

n=0
for code in "${forms[@]}"; do
	receipt=$(./build/tools/spool_one "$tmp/var" 107 $((n + 1)) "$code" "${names[n]}=Nguyễn Thị Kim Thư") ||
		fail "spool_one $code"
	n=$((n + 1))
	job receipt reprint "$receipt"
	name="receipt $code"
	[ "$code" = - ] && name="receipt (feedback)"
	measure "$name" "$stem" receipt "$([ "$code" = - ] || published "$code")" "$receipt"
done
job checklist checklist 1.001193
measure "checklist 1.001193" "$stem" checklist ""
# Every procedure's checklist (printed into sweep/): the longest one is
# measured.
sed "s|^path = .*|path = $tmp/sweep|" "$tmp/raster.ini" >"$tmp/sweep.ini"
longest=0
for f in assets/catalog/procedures/*.json; do
	code=$(basename "$f" .json)
	./build/kioskctl --config "$tmp/sweep.ini" checklist "$code" >/dev/null || fail "checklist $code"
	h=$(head -c 20 "$(ls "$tmp"/sweep/*-checklist.pbm | tail -n 1)" | sed -n 2p | cut -d' ' -f2)
	[ "$h" -gt "$longest" ] && longest=$h && worst=$code
done
job checklist checklist "$worst"
measure "checklist $worst (the longest)" "$stem" checklist ""
job ticket ticket issue tu-phap
measure "ticket" "$stem" ticket ""
paid=$(./build/tools/spool_one "$tmp/var" 107 99 1.004194) || fail "spool_one"
job payslip payslip "$paid"
measure "payslip 1.004194" "$stem" payslip ""

# The embedded default (make run) opens the same page.
sed -i '/^\[receipt\]/,+1d' "$tmp/raster.ini" "$tmp/text.ini"
grep -q lookup_url "$tmp/raster.ini" && fail "the test config still sets lookup_url"
receipt=$(./build/tools/spool_one "$tmp/var" 107 98 - sender_name=Nguyễn\ Thị\ Kim\ Thư) || fail "spool_one"
job receipt reprint "$receipt"
measure "receipt (default config)" "$stem" receipt "" "$receipt"

printf '%-34s %5s %7s  %-12s %s\n' job mm KB "return date" "QR code"
printf '%s\n' "${rows[@]}"
for p in "${problems[@]}"; do
	echo "FAIL: $p"
done
[ "${#problems[@]}" = 0 ] || exit 1
