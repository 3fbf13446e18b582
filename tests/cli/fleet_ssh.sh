# Helpers over SSH (a real sshd on loopback, a forced-command key): the
# booth's status as JSON, a signed bundle installed from stdin, every kind
# of bad bundle refused with the running version untouched, rollback, and
# the forced command refusing anything but kioskctl commands.
. tests/fleet/lib.sh

make_key province province@test
make_key stranger stranger@test
make_key helper
make_booth b1
trust b1 province province@test
start_sshd
helper_key helper b1

make_content "$T/src1"
make_content "$T/src2"
echo "second" >>"$T/src2/assets/made-for.txt"
pack "$T/src1" province 1.0
pack "$T/src2" province 2.0

# status --json over SSH: a document with the booth, versions, counts.
out=$(on helper kioskctl status --json) || fail "status over ssh: $out"
[ "$(json_get booth <<<"$out")" = b1 ] || fail "status names another booth: $out"
[ "$(json_get requests.waiting <<<"$out")" = 0 ] || fail "status counts: $out"
[ "$(json_get software <<<"$out")" = "$(cat VERSION)" ] || fail "software version: $out"
echo "ok: status --json over ssh"

# Install from stdin, then a second version; both switch 'current'.
on helper kioskctl content install - <"$T/1.0.bundle" >"$T/out" 2>&1 || fail "install 1.0: $(cat "$T/out")"
[ "$(current b1)" = 1.0 ] || fail "current is $(current b1) after installing 1.0"
on helper kioskctl content install - <"$T/2.0.bundle" >"$T/out" 2>&1 || fail "install 2.0: $(cat "$T/out")"
[ "$(current b1)" = 2.0 ] || fail "current is $(current b1) after installing 2.0"
grep -q second "$T/b1/content/current/assets/made-for.txt" || fail "2.0's files are not in place"
[ "$(on helper kioskctl status --json | json_get content.version)" = 2.0 ] || fail "status content version"
echo "ok: signed bundles installed over ssh from stdin"

# refuse NAME EXPECTED: installing $T/NAME.bundle over SSH fails saying
# EXPECTED, and leaves 2.0 in use, whole, with nothing left behind.
refuse() {
	if on helper kioskctl content install - <"$T/$1.bundle" >"$T/out" 2>&1; then
		fail "$1 was installed"
	fi
	grep -qF -- "$2" "$T/out" || fail "$1: said '$(cat "$T/out")', expected '$2'"
	[ "$(current b1)" = 2.0 ] || fail "$1: current is now $(current b1)"
	on helper kioskctl content verify >/dev/null || fail "$1: 2.0 is no longer whole"
	ls -a "$T/b1/content" | grep -q '^\.incoming' && fail "$1: left an unpacked folder"
	[ ! -e "$T/b1/content/evil.txt" ] && [ ! -e "$T/evil-abs.txt" ] || fail "$1: wrote outside"
	[ "$(ls "$T/b1/content/releases")" = "$(printf '1.0\n2.0')" ] || fail "$1: releases changed"
	echo "ok: refused $1: $2"
}

make_content "$T/src3"
pack "$T/src3" stranger 3.0
mv "$T/3.0.bundle" "$T/stranger.bundle"
refuse stranger "the signature is not by a key in"
pack "$T/src3" province 3.0
for mode in unsigned namespace manifest-edit tampered resized dotdot absolute symlink symlink-in \
	hardlink device fifo extra missing truncated; do
	python3 tests/fleet/craft.py "$T/3.0.bundle" "$T/$mode.bundle" "$T/province" "$mode" ||
		fail "crafting $mode"
done
refuse unsigned "manifest.sig must come second"
refuse namespace "bad signature by province@test"
refuse manifest-edit "bad signature by province@test"
refuse tampered "do not match the signed manifest"
refuse resized "where the signed manifest says"
refuse dotdot "climbs out of its folder"
refuse absolute "an absolute path"
refuse symlink "a symbolic link to /etc/passwd"
refuse symlink-in "pointing out of its folder"
refuse hardlink "a hard link to /etc/shadow"
refuse device "a device file"
refuse fifo "a fifo"
refuse extra "not in the signed manifest"
refuse missing "missing from the bundle"
refuse truncated "cut short"

# A bundle whose screens fail the checks of 'kioskctl check'.
make_content "$T/bad"
printf 'this is not a screen\n' >"$T/bad/screens/home.screen"
pack "$T/bad" province 3.1
mv "$T/3.1.bundle" "$T/badscreen.bundle"
refuse badscreen "the content fails the checks"
grep -q "home.screen:1:" "$T/out" || fail "the check's problem is not named: $(cat "$T/out")"

# The version in use again: refused without --force, accepted with it.
cp "$T/2.0.bundle" "$T/again.bundle"
refuse again "already installed and in use"
on helper kioskctl content install - --force <"$T/2.0.bundle" >"$T/out" 2>&1 ||
	fail "--force: $(cat "$T/out")"
[ "$(current b1)" = 2.0 ] || fail "current after --force"
echo "ok: reinstall with --force"

# A bundle given as a file name over SSH: refused (bundles come on stdin).
on helper kioskctl content install "$T/2.0.bundle" >"$T/out" 2>&1 && fail "a path was read over ssh"
grep -q "comes on stdin" "$T/out" || fail "path over ssh: $(cat "$T/out")"

# Rollback to 1.0, then list as JSON.
on helper kioskctl content rollback >"$T/out" 2>&1 || fail "rollback: $(cat "$T/out")"
[ "$(current b1)" = 1.0 ] || fail "current is $(current b1) after rollback"
grep -q "rolled back to 1.0 (was 2.0)" "$T/out" || fail "rollback said: $(cat "$T/out")"
on helper kioskctl content rollback >"$T/out" 2>&1 && fail "rolled back past the oldest"
grep -q "no version older than 1.0" "$T/out" || fail "rollback past oldest: $(cat "$T/out")"
list=$(on helper kioskctl content list --json)
[ "$(json_get current <<<"$list")" = 1.0 ] || fail "list: $list"
on helper kioskctl content rollback 2.0 >/dev/null || fail "rollback to a named version"
[ "$(current b1)" = 2.0 ] || fail "current after rollback 2.0"
echo "ok: rollback and list"

# Only the three newest versions are kept, never dropping the one in use.
make_content "$T/src4"
pack "$T/src4" province 4.0
make_content "$T/src5"
pack "$T/src5" province 5.0
on helper kioskctl content install - <"$T/4.0.bundle" >/dev/null || fail "install 4.0"
on helper kioskctl content install - <"$T/5.0.bundle" >/dev/null || fail "install 5.0"
[ "$(ls "$T/b1/content/releases" | tr '\n' ' ')" = "2.0 4.0 5.0 " ] ||
	fail "kept: $(ls "$T/b1/content/releases" | tr '\n' ' ')"
echo "ok: three versions kept"

# The forced command: nothing but kioskctl commands, no shell ever.
forbid() {
	local line=$1 expected=$2
	if on helper "$line" >"$T/out" 2>&1; then
		fail "ran: $line"
	fi
	grep -qF -- "$expected" "$T/out" || fail "'$line' said '$(cat "$T/out")'"
	[ ! -e "$T/pwned" ] || fail "'$line' ran a shell command"
	echo "ok: refused '$line'"
}
forbid "bash" "'bash' is refused"
forbid "sh -c 'touch $T/pwned'" "'sh' is refused"
forbid "kioskctl ; touch $T/pwned" "shell syntax ';'"
forbid "kioskctl status && touch $T/pwned" "shell syntax '&'"
forbid "kioskctl status | tee $T/pwned" "shell syntax '|'"
forbid "kioskctl status \$(touch $T/pwned)" "shell syntax '\$'"
forbid "kioskctl status \`touch $T/pwned\`" "shell syntax '\`'"
forbid "kioskctl status > $T/pwned" "shell syntax '>'"
forbid "kioskctl status
touch $T/pwned" "control character"
forbid "kioskctl --config /etc/kiosk/other.ini status" "--config is not allowed"
forbid "kioskctl content build $T/x $T/pwned" "'content build' is not allowed"
forbid "kioskctl content pack $T/src1 $T/province" "'content pack' is not allowed"
forbid "kioskctl sync --daemon" "--daemon is not allowed"
forbid "kioskctl 'status" "quote is not closed"
forbid "" "runs kioskctl commands only"
on helper -t bash </dev/null >"$T/out" 2>&1 && fail "a tty login ran bash"
on helper kioskctl search "'khai sinh'" | grep -q "đăng ký khai sinh" || fail "a quoted argument"
echo "ok: quoted arguments reach kioskctl as one word"

# Every command through the key is logged, refused ones too.
on helper kioskctl logs --lines 200 >"$T/out" || fail "logs over ssh"
grep -q "kioskctl: ssh 127.0.0.1: refused: bash" "$T/out" || fail "refusal not logged: $(tail -3 "$T/out")"
grep -q "runs: kioskctl status --json" "$T/out" || fail "command not logged"
echo "ok: logs over ssh"
