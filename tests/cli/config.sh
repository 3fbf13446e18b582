# A bad config file stops the kiosk before it takes the terminal, with a
# message naming the file, the line and the key, and a non-zero exit;
# kioskctl says the same.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# check_bad CONTENT EXPECTED: both programs refuse it with EXPECTED.
check_bad() {
	printf '%s\n' "$1" >"$tmp/k.ini"
	for prog in "./build/kiosk --config $tmp/k.ini" "./build/kioskctl --config $tmp/k.ini check"; do
		out=$($prog </dev/null 2>&1)
		rc=$?
		[ $rc -ne 0 ] || fail "$prog accepted: $1"
		grep -qF -- "$2" <<<"$out" || fail "$prog said \"$out\", expected \"$2\""
		# Nothing of curses: no escape sequences on the way out.
		grep -q $'\033' <<<"$out" && fail "$prog wrote terminal escapes"
	done
	echo "ok: $2"
}

check_bad $'[ui]\nidle_timeout = soon' "$tmp/k.ini:2: [ui] idle_timeout must be a whole number from 5 to 3600, not \"soon\""
check_bad $'# booth\n[ui]\nlanguage = en\nidle_timout = 30' "$tmp/k.ini:4: [ui] idle_timout: unknown key"
check_bad $'[printer]\ntype = laser' "$tmp/k.ini:2: [printer] type must be one of: file device command none (not \"laser\")"
check_bad $'[screen]\nsize = big' "$tmp/k.ini:2: unknown section [screen] (key size)"
check_bad $'[booth]\ncommune Xã Nghĩa Hành' "$tmp/k.ini:2: not a \"key = value\" line"
check_bad $'[booth]\ncommune = X\xe3 H\xe0nh' "$tmp/k.ini:2: [booth] commune is not valid UTF-8 text"

out=$(./build/kiosk --config "$tmp/missing.ini" </dev/null 2>&1)
[ $? -ne 0 ] || fail "a missing config file was accepted"
grep -qF "$tmp/missing.ini: cannot open" <<<"$out" || fail "missing file: $out"

# A good file passes, and decomposed (NFD) text in it is stored composed.
printf '[booth]\ncommune = Xa\xcc\x83 Nghi\xcc\x83a Ha\xcc\x80nh\n[paths]\nstate_dir = %s/var\ncontent_dir = build/content\n' "$tmp" >"$tmp/k.ini"
./build/kioskctl --config "$tmp/k.ini" check | grep -q '^ok' || fail "a good config was refused"

# The booth's commune must be one of the 2025 list (content.db's units):
# "Xã Hành Đức" was merged away in 2025, so check refuses it.
printf '[booth]\ncommune = Xã Hành Đức\n[paths]\nstate_dir = %s/var\ncontent_dir = build/content\n' "$tmp" >"$tmp/k.ini"
out=$(./build/kioskctl --config "$tmp/k.ini" check 2>&1) && fail "a commune of before 2025 was accepted"
grep -qF "$tmp/k.ini: [booth] commune \"Xã Hành Đức\" is not a commune" <<<"$out" || fail "check said: $out"
echo "ok: a commune not in the 2025 list is refused"
