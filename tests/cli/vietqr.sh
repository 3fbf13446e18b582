# VietQR payment codes from kioskctl and on the printed payment slip,
# read by an independent parser with Python's own CRC; clear refusals for
# missing or wrong bank settings.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ctl() { ./build/kioskctl --config "$tmp/k.ini" "$@"; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# No bank settings: payment is not available, said plainly.
printf '[booth]\nid = t\n' >"$tmp/k.ini"
out=$(ctl vietqr 50000 HD7-K4Q2-9 2>&1) && fail "no settings accepted"
grep -q "no bank settings" <<<"$out" || fail "no settings: $out"

# Bad settings are named.
printf '[payment]\nbank_bin = 97043\naccount = 0011004123456\n' >"$tmp/k.ini"
out=$(ctl vietqr 50000 HD7 2>&1) && fail "a 5-digit BIN accepted"
grep -q "bank_bin must be the bank's 6-digit" <<<"$out" || fail "bad BIN: $out"
printf '[payment]\nbank_bin = 970436\naccount = 0011004123456\nservice = card\n' >"$tmp/k.ini"
out=$(ctl vietqr 50000 HD7 2>&1) && fail "an account number accepted as a card"
grep -q "card number of 16 to 19 digits" <<<"$out" || fail "bad card: $out"
printf '[payment]\nservice = wallet\n' >"$tmp/k.ini"
out=$(ctl vietqr 1 X 2>&1) && fail "service wallet accepted"
grep -q "service must be one of: account card" <<<"$out" || fail "bad service: $out"

printf '[booth]\ncommune = Xã Nghĩa Hành\n[printer]\ntype = file\npath = %s/out\n[payment]\nbank_bin = 970436\naccount = 0011004123456\naccount_name = UBND XA NGHIA HANH\nbank_name = Vietcombank\n' "$tmp" >"$tmp/k.ini"
for amount in 50000 0 1234567; do
	payload=$(ctl vietqr "$amount" HD7-K4Q2-9) || fail "vietqr $amount"
	python3 tests/cli/vietqr_parse.py "$payload" >"$tmp/p.json" || fail "$payload: $(cat "$tmp/p.json")"
	[ "$(field bin <"$tmp/p.json")" = 970436 ] || fail "BIN in $payload"
	[ "$(field account <"$tmp/p.json")" = 0011004123456 ] || fail "account in $payload"
	[ "$(field guid <"$tmp/p.json")" = A000000727 ] || fail "GUID in $payload"
	[ "$(field service <"$tmp/p.json")" = QRIBFTTA ] || fail "service in $payload"
	[ "$(field currency <"$tmp/p.json")" = 704 ] || fail "currency in $payload"
	[ "$(field country <"$tmp/p.json")" = VN ] || fail "country in $payload"
	[ "$(field purpose <"$tmp/p.json")" = HD7-K4Q2-9 ] || fail "purpose in $payload"
	if [ "$amount" -gt 0 ]; then
		[ "$(field method <"$tmp/p.json")" = 12 ] || fail "an amount makes a dynamic code"
		[ "$(field amount <"$tmp/p.json")" = "$amount" ] || fail "amount in $payload"
	else
		[ "$(field method <"$tmp/p.json")" = 11 ] || fail "no amount makes a static code"
		[ "$(field amount <"$tmp/p.json")" = None ] || fail "no amount field expected"
	fi
	echo "ok: $payload"
done

# --json agrees, and the payment slip's printed QR holds the same payload.
ctl vietqr --json 50000 HD7-K4Q2-9 >"$tmp/j.json" || fail "vietqr --json"
payload=$(ctl vietqr 50000 HD7-K4Q2-9)
[ "$(field payload <"$tmp/j.json")" = "$payload" ] || fail "--json payload differs"
[ "$(field crc <"$tmp/j.json")" = "${payload: -4}" ] || fail "--json CRC"
./build/tools/print_slip "$tmp/k.ini" payslip 50000 HD7-K4Q2-9 || fail "payment slip"
got=$(zbarimg --raw -q -Sbinary "$tmp/out/000001-payslip.pbm" 2>/dev/null)
[ "$got" = "$payload" ] || fail "the slip's QR says '$got', expected '$payload'"
# A card account.
printf '[payment]\nbank_bin = 970436\naccount = 9704366614952417\nservice = card\n' >"$tmp/k.ini"
payload=$(ctl vietqr 20000 AB12) || fail "card"
python3 tests/cli/vietqr_parse.py "$payload" | grep -q '"service": "QRIBFTTC"' || fail "card service: $payload"
# --qr draws a code zbarimg can read after the colours are taken off.
ctl vietqr --qr 20000 AB12 | tail -n +2 | sed 's/\x1b\[[0-9;]*m//g' |
	python3 tests/cli/escpos_check.py screen dark "$tmp/qr.pbm" || fail "--qr picture"
[ "$(zbarimg --raw -q -Sbinary "$tmp/qr.pbm" 2>/dev/null)" = "$payload" ] || fail "--qr does not read back"
echo "ok: card, --json, --qr, payment slip"
