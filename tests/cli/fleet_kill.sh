# SIGKILL in the middle of a content install, at many moments: the booth
# is always left on the old version or the new one, each whole (every file
# as its signed manifest says), never a mix; the next install cleans up.
. tests/fleet/lib.sh

make_key province province@test
make_booth b1
trust b1 province province@test
make_content "$T/src1"
make_content "$T/src2"
# A few megabytes so that the install takes long enough to be hit inside.
for i in $(seq 24); do
	head -c 1048576 /dev/urandom >"$T/src2/assets/blob$i.bin"
done
pack "$T/src1" province 1.0
pack "$T/src2" province 2.0
"$CTL" --config "$T/b1.ini" content install "$T/1.0.bundle" >/dev/null || fail "install 1.0"

# How long one whole install takes here, then kills at tenths of it.
start=$(date +%s%N)
"$CTL" --config "$T/b1.ini" content install "$T/2.0.bundle" >/dev/null || fail "install 2.0"
full_ms=$((($(date +%s%N) - start) / 1000000))
"$CTL" --config "$T/b1.ini" content rollback >/dev/null || fail "rollback to 1.0"
rm -rf "$T/b1/content/releases/2.0"

staged=0 unswitched=0 finished=0 early=0
for k in $(seq 0 12); do
	ms=$((full_ms * k / 10))
	"$CTL" --config "$T/b1.ini" content install "$T/2.0.bundle" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	now=$(current b1)
	case "$now" in
	1.0 | 2.0) ;;
	*) fail "after a kill current is '$now'" ;;
	esac
	"$CTL" --config "$T/b1.ini" content verify >"$T/out" 2>&1 || fail "after a kill: $(cat "$T/out")"
	"$CTL" --config "$T/b1.ini" check >/dev/null || fail "after a kill the content fails the checks"
	if [ "$now" = 2.0 ]; then
		finished=$((finished + 1))
		"$CTL" --config "$T/b1.ini" content rollback >/dev/null || fail "rollback after a kill"
		rm -rf "$T/b1/content/releases/2.0"
	elif [ -d "$T/b1/content/releases/2.0" ]; then
		unswitched=$((unswitched + 1)) # whole but not switched to: kept
		rm -rf "$T/b1/content/releases/2.0"
	elif ls -a "$T/b1/content" | grep -q '^\.incoming'; then
		staged=$((staged + 1))
	else
		early=$((early + 1))
	fi
done
echo "a whole install: $full_ms ms; kills: $early before unpacking, $staged while unpacking, $unswitched before the switch, $finished after"
[ $staged -ge 1 ] || fail "no kill landed while the bundle was being unpacked"

# The next install finishes and removes what the killed ones left.
"$CTL" --config "$T/b1.ini" content install "$T/2.0.bundle" >"$T/out" 2>&1 || fail "install after kills: $(cat "$T/out")"
[ "$(current b1)" = 2.0 ] || fail "current after the last install"
ls -a "$T/b1/content" | grep -q '^\.incoming\|^\.old' && fail "leftovers were not removed"
"$CTL" --config "$T/b1.ini" content verify >/dev/null || fail "2.0 is not whole"
echo "ok: every kill left one whole version"
