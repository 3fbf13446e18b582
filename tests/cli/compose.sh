#!/bin/bash
# kioskctl compose: the examples in each method, options, stdin,
# help and errors.
set -eu
k=build/kioskctl
check() { # expected, then the command's arguments
	local want=$1 got
	shift
	got=$("$k" compose "$@")
	if [ "$got" != "$want" ]; then
		echo "compose $*: got '$got', want '$want'"
		exit 1
	fi
}
check "chuẩn một đắk săs w VIỆT" chuaarn mootj ddawks sawss ww VIEETJ
check "Nguyễn Thị Bích Ra" Nguyeenx Thij Bichs Ra
check "Hoàng Văn Thuỷ" Hoangf Vawn Thuyr
check "Hoàng Văn Thủy" --old-style Hoangf Vawn Thuyr
check "Giàng A Ký" --method telex Giangf A Kys
check "Nguyễn Thị Bích Ra" --method vni Nguye64n Thi5 Bi1ch Ra
check "Việt Nam. Đường" --method viqr 'Vie^.t Nam\. DDu+o+`ng'
check "môt moto" mootjz mootjzo
# Already composed text (NFC or NFD) comes out NFC.
check "Việt" "$(printf 'Vie\xcc\x82\xcc\xa3t')"
# Standard input: one line each.
got=$(printf 'hoaf\nkhoer\n' | "$k" compose)
[ "$got" = "$(printf 'hoà\nkhoẻ')" ] || { echo "stdin: got '$got'"; exit 1; }
"$k" compose --help | grep -q -- '--method'
if "$k" compose --method abc x 2>/dev/null; then
	echo "an unknown method was accepted"
	exit 1
fi
if printf 'a\xffb\n' | "$k" compose 2>/dev/null; then
	echo "invalid UTF-8 was accepted"
	exit 1
fi
