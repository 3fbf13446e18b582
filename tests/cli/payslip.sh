# kioskctl payslip CODE: the fee payment slip of a saved request, its
# printed VietQR code read back by zbarimg and checked by an independent
# parser (amount = the published fee, purpose = the receipt code); clear
# refusals when there is nothing to pay, the fee is told at the counter,
# the code is unknown or the booth has no bank settings.
set -u
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ctl() { ./build/kioskctl --config "$tmp/k.ini" "$@"; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
config() {
	printf '[booth]\ncommune = Xã Nghĩa Hành\n[paths]\nstate_dir = %s/var\ncontent_dir = %s\n' \
		"$tmp" "$PWD/build/content"
	printf '[printer]\ntype = file\npath = %s/out\n' "$tmp"
	printf '%s\n' "$@"
}
config "[payment]" "bank_bin = 970436" "account = 0011004123456" "account_name = UBND XA NGHIA HANH" \
	>"$tmp/k.ini"
paid=$(./build/tools/spool_one "$tmp/var" 107 42 1.004194) || fail "spool_one"
free=$(./build/tools/spool_one "$tmp/var" 107 43 1.001193) || fail "spool_one"
perpage=$(./build/tools/spool_one "$tmp/var" 107 44 2.000815) || fail "spool_one"
fee=$(sqlite3 build/content/content.db "select c.fee_vnd from channels c join procedures p
	on p.rowid = c.procedure_id where p.code = '1.004194' order by c.seq limit 1")

ctl payslip --help | grep -q "usage: kioskctl payslip CODE" || fail "--help"
ctl payslip "${paid//-/}" || fail "payslip $paid"
got=$(zbarimg --raw -q -Sbinary "$tmp"/out/*-payslip.pbm 2>/dev/null)
python3 tests/cli/vietqr_parse.py "$got" >"$tmp/p.json" || fail "slip payload '$got'"
[ "$(field amount <"$tmp/p.json")" = "$fee" ] || fail "amount in $got, the fee is $fee"
[ "$(field purpose <"$tmp/p.json")" = "$paid" ] || fail "purpose in $got"
[ "$got" = "$(ctl vietqr "$fee" "$paid")" ] || fail "the slip's code is not kioskctl vietqr's"
echo "ok: $paid $got"

refused() { # CODE WORDS: payslip CODE fails saying WORDS, printing nothing
	local out n
	n=$(ls "$tmp/out" | wc -l)
	out=$(ctl payslip "$1" 2>&1) && fail "payslip $1 printed"
	grep -qF "$2" <<<"$out" || fail "payslip $1: $out"
	[ "$(ls "$tmp/out" | wc -l)" = "$n" ] || fail "payslip $1 printed something"
}
refused "$free" "nothing to pay"
refused "$perpage" "the counter tells it"
refused 107-000099-0 "no saved request"
config >"$tmp/k.ini"
refused "$paid" "no bank settings"
