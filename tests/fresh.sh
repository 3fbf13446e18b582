#!/bin/bash
# make test-fresh: the README's two commands on a newcomer's machine. A
# minimal Debian 12 root (debootstrap minbase plus git and make, from this
# machine's configured Debian mirror) is built once and kept as a tarball in
# $FRESH_CACHE; each run unpacks a pristine copy into a tmpfs, clones the
# commit under test into /root/kiosk there, runs `make run` headless in tmux
# until the home screen shows, ends it with SIGTERM, then runs `make test`,
# all as root in a chroot. Whatever the run mounted or started is unmounted
# and ended on every exit; the copy is removed. Needs root (chroot, mounts).
# Leftovers of a run killed outright are removed by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=bookworm
INCLUDE=git,make
# Bump when the way the root is made changes: a new key means a new root.
RECIPE=1
CACHE=${FRESH_CACHE:-/var/cache/kiosk-fresh}
MAX_AGE_DAYS=${FRESH_MAX_AGE_DAYS:-30}
RUN_TIMEOUT=${FRESH_RUN_TIMEOUT:-1800}
TEST_TIMEOUT=${FRESH_TEST_TIMEOUT:-3600}
HOME_TEXT="TRẠM DỊCH VỤ CÔNG"
HOME_ITEM="Tìm thủ tục, giấy tờ cần mang"
RUN=""
ROOT=""
TMUX_SOCK=""
STARTED=$SECONDS

# Prints a line of the harness's own output.
say() {
	echo "fresh: $*"
}

# Prints why the run failed and exits non-zero (the EXIT trap cleans up).
die() {
	say "FAILED: $*"
	exit 1
}

# Runs a step and prints how long it took: step NAME COMMAND...
step() {
	local name=$1 start=$SECONDS
	shift
	"$@"
	say "$(printf '%-34s %4ds' "$name" $((SECONDS - start)))"
}

# The apt source files the host uses (enabled ones only).
host_sources() {
	local f
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && echo "$f"
	done
	return 0
}

# The host's Debian mirror for $SUITE, read from its apt sources (deb822
# URIs: or one-line sources.list entries).
host_mirror() {
	local f
	host_sources | while read -r f; do
		case $f in
		*.sources) awk -v suite="$SUITE" '
			/^[ \t]*$/ { if (uri != "" && hit) { print uri; exit } uri = ""; hit = 0; next }
			tolower($1) == "uris:" { uri = $2 }
			tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == suite) hit = 1 }
			END { if (uri != "" && hit) print uri }' "$f" ;;
		*) sed -E 's/\[[^]]*\]//' "$f" |
			awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }' ;;
		esac
	done | head -n 1
}

# The cache key: what the root is made of and from where.
cache_key() {
	{
		echo "$RECIPE $SUITE $INCLUDE $(dpkg --print-architecture) $MIRROR"
		host_sources | xargs cat
	} | sha256sum | cut -c1-16
}

# Runs a long command, its output to a log: waiting LOG COMMAND... In the
# background, waited for, so that SIGINT or SIGTERM reach the traps at once
# (bash runs a trap only after the foreground command has ended).
waiting() {
	local log=$1
	shift
	"$@" </dev/null >"$log" 2>&1 &
	wait $!
}

# Lists the mount points at or under a folder, deepest first.
mounts_under() {
	awk -v d="$1" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo |
		awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2-
}

# Lists the processes whose root folder is at or under a folder.
pids_under() {
	local p r
	for p in /proc/[0-9]*; do
		r=$(readlink "$p/root" 2>/dev/null) || continue
		if [ "$r" = "$1" ] || [ "${r#"$1"/}" != "$r" ]; then
			echo "${p#/proc/}"
		fi
	done
	return 0
}

# Ends every process running inside a folder (SIGTERM, then SIGKILL),
# naming those it finds.
kill_under() {
	local pids i
	for i in $(pids_under "$1"); do
		say "ending what still runs in ${1##*/}: $(tr '\0' ' ' <"/proc/$i/cmdline" 2>/dev/null | cut -c1-100)"
	done
	for i in $(seq 50); do
		pids=$(pids_under "$1")
		[ -z "$pids" ] && return 0
		# shellcheck disable=SC2086
		kill -TERM $pids 2>/dev/null || true
		# shellcheck disable=SC2086
		[ "$i" -lt 20 ] || kill -KILL $pids 2>/dev/null || true
		sleep 0.1
	done
	say "still running in $1: $(pids_under "$1" | tr '\n' ' ')"
}

# Unmounts everything at or under a folder; true when nothing is left.
unmount_under() {
	local m
	for m in $(mounts_under "$1"); do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
	done
	[ -z "$(mounts_under "$1")" ]
}

# Removes a run or build folder: the tmux of its make run (which runs
# outside the root), its processes, its mounts, its files. Refuses to
# remove it while anything is still mounted there.
dispose() {
	[ -d "$1" ] || return 0
	if [ -S "$1/tmux.sock" ]; then
		tmux -S "$1/tmux.sock" kill-server 2>/dev/null || true
	fi
	kill_under "$1"
	if ! unmount_under "$1"; then
		say "left in place, still mounted: $(mounts_under "$1" | tr '\n' ' ')"
		return 1
	fi
	rm -rf --one-file-system "$1"
}

# The EXIT trap: stops the run's tmux, its processes, its mounts, its copy.
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[ -n "$RUN" ] && { dispose "$RUN" || rc=1; }
	exit "$rc"
}

# Cleans up the folders of earlier runs whose harness is gone (killed with
# SIGKILL, or the machine stopped): their mounts, processes and files.
dispose_stale() {
	local d pid
	for d in "$CACHE"/run.* "$CACHE"/build.*; do
		[ -d "$d" ] || continue
		pid=${d##*.}
		kill -0 "$pid" 2>/dev/null && continue
		say "removing the leftovers of an earlier run: $d"
		dispose "$d" || true
	done
}

# Copies the host's apt sources (and the keyrings they name that the root
# lacks) into a root, in place of debootstrap's one-line sources.list.
copy_sources() {
	local f k
	rm -f "$1/etc/apt/sources.list"
	host_sources | while read -r f; do
		cp "$f" "$1$f"
		grep -oiE 'signed-by[:=] *[^] ,]+' "$f" | sed -E 's/^[^:=]*[:=] *//' | while read -r k; do
			if [ -f "$k" ] && [ ! -e "$1$k" ]; then
				install -D -m 644 "$k" "$1$k"
			fi
		done
	done
	return 0
}

# Builds the cached root tarball with debootstrap (under a lock, so that two
# runs at once build it only once); keeps it for MAX_AGE_DAYS.
build_root() {
	local build=$CACHE/build.$$
	exec 9>"$CACHE/lock"
	flock 9
	if [ -f "$TARBALL" ] && [ -z "$(find "$TARBALL" -mtime +"$MAX_AGE_DAYS")" ]; then
		ROOT_STATE=reused
		flock -u 9
		return 0
	fi
	ROOT_STATE=built
	say "building a Debian $SUITE minbase root (+$INCLUDE) from $MIRROR"
	RUN=$build # cleaned up by the EXIT trap if debootstrap fails
	mkdir -p "$build"
	if ! waiting "$build/debootstrap.log" \
		debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$build/root" "$MIRROR"; then
		cat "$build/debootstrap.log"
		die "debootstrap failed"
	fi
	copy_sources "$build/root"
	tar -C "$build/root" -czf "$TARBALL.tmp" .
	mv "$TARBALL.tmp" "$TARBALL"
	find "$CACHE" -maxdepth 1 -name 'root-*.tar.gz' ! -path "$TARBALL" -delete
	dispose "$build"
	RUN=""
	flock -u 9
}

# Bind-mounts a folder of the host into the root, kept private so that
# nothing mounted under it later shows on the host.
bind_private() {
	mount --bind "$1" "$ROOT$1"
	mount --make-private "$ROOT$1"
}

# Unpacks a pristine copy of the root and mounts what a running Debian has:
# /proc, /sys, /dev with the host's ptys, a /dev/shm; copies resolv.conf.
# The copy lives in a tmpfs: removing its 2 GB from a disk mounted with
# online discard took most of a minute.
unpack_root() {
	RUN=$CACHE/run.$$
	ROOT=$RUN/root
	mkdir -p "$RUN"
	mount -t tmpfs -o mode=755 kiosk-fresh "$RUN"
	mkdir "$ROOT"
	tar -C "$ROOT" -xzf "$TARBALL"
	# The root on itself, private: the tests' own mounts stay inside.
	mount --bind "$ROOT" "$ROOT"
	mount --make-private "$ROOT"
	mount -t proc proc "$ROOT/proc"
	mount -t sysfs -o ro sysfs "$ROOT/sys"
	bind_private /dev
	bind_private /dev/pts
	mount -t tmpfs -o mode=1777,nosuid,nodev shm "$ROOT/dev/shm"
	rm -f "$ROOT/etc/resolv.conf" # (a link would lead out of the root)
	cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
}

# Runs a shell command as root in the root with a login's environment: no
# variable of this machine leaks in but TERM and a proxy if one is set.
in_root() {
	local env=(HOME=/root USER=root LOGNAME=root SHELL=/bin/sh TERM="${TERM:-dumb}"
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
	local v
	for v in http_proxy https_proxy no_proxy; do
		[ -z "${!v:-}" ] || env+=("$v=${!v}")
	done
	chroot "$ROOT" /usr/bin/env -i "${env[@]}" /bin/sh -c "$1"
}

# Clones the commit under test into /root/kiosk with the root's own git,
# from a bundle of this checkout's HEAD.
clone_commit() {
	git bundle create -q "$ROOT/tmp/kiosk.bundle" HEAD || die "git bundle failed"
	in_root "git -c advice.detachedHead=false clone -q /tmp/kiosk.bundle /root/kiosk && cd /root/kiosk &&
		git checkout -q --detach $COMMIT && rm /tmp/kiosk.bundle" || die "cloning $COMMIT failed"
	[ "$(in_root 'git -C /root/kiosk rev-parse HEAD')" = "$COMMIT" ] || die "the clone is not at $COMMIT"
}

# Tmux on the host, on this run's own socket.
tmx() {
	tmux -S "$TMUX_SOCK" "$@"
}

# Saves the make run pane, its scrollback included, to make-run.log.
save_pane() {
	tmx capture-pane -p -J -S - -E - 2>/dev/null | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$RUN/make-run.log"
}

# Prints the make run pane, its scrollback included.
show_pane() {
	save_pane
	echo "--- make run ---"
	cat "$RUN/make-run.log"
	echo "----------------"
}

# Prints what a command in the root installed: its deps.sh "Installing:" line.
show_installed() {
	grep -m1 '^Installing:' "$2" | sed "s/^/fresh:   $1 /" || say "  $1 installed nothing"
}

# The pid of the kiosk running in the root, if any.
kiosk_pid() {
	local p
	for p in $(pids_under "$ROOT"); do
		if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = kiosk ]; then
			echo "$p"
			return 0
		fi
	done
}

# Waits until the pane shows the home screen; fails when make run ends
# first or RUN_TIMEOUT passes (the first run installs and builds).
wait_home() {
	local deadline=$((SECONDS + RUN_TIMEOUT)) screen
	while [ "$SECONDS" -lt "$deadline" ]; do
		screen=$(tmx capture-pane -p 2>/dev/null || true)
		if grep -qF "$HOME_TEXT" <<<"$screen" && grep -qF "$HOME_ITEM" <<<"$screen"; then
			return 0
		fi
		if [ -n "$(run_end)" ]; then
			show_pane
			die "make run ended ($(run_end)) before the home screen"
		fi
		sleep 0.5
	done
	show_pane
	die "no home screen after ${RUN_TIMEOUT}s"
}

# How make run ended ("status N"), once it has: the pane's shell writes it
# to a file. (tmux's own pane status can be lost: it runs utempter when the
# terminal closes, with SIGCHLD at its default, and a child that exits just
# then is never reaped.) Empty while make run runs.
run_end() {
	[ ! -s "$RUN/make-run.status" ] || echo "status $(cat "$RUN/make-run.status")"
}

# Ends the kiosk with SIGTERM: it must exit, and make run with it, status 0.
stop_kiosk() {
	local pid deadline=$((SECONDS + 30)) end=""
	pid=$(kiosk_pid)
	[ -n "$pid" ] || { show_pane; die "the home screen shows but no kiosk process runs in the root"; }
	kill -TERM "$pid"
	while [ "$SECONDS" -lt "$deadline" ] && [ -z "$end" ]; do
		sleep 0.1
		end=$(run_end)
	done
	[ "$end" = "status 0" ] || { show_pane; die "after SIGTERM make run did not exit with status 0 (${end:-still running})"; }
}

# `make run` in an 80x24 tmux pane (tmux from the host: the newcomer's own
# terminal, whose TERM make run gets) until the home screen shows, then
# SIGTERM.
make_run() {
	TMUX_SOCK=$RUN/tmux.sock
	printf 'set -g history-limit 100000\nset -g remain-on-exit on\n' >"$RUN/tmux.conf"
	tmx -f "$RUN/tmux.conf" new-session -d -x 80 -y 24 \
		"bash tests/fresh.sh --in-root '$ROOT' 'cd /root/kiosk && make run'; echo \$? >'$RUN/make-run.status'"
	wait_home
	stop_kiosk
	save_pane
	show_installed "make run" "$RUN/make-run.log"
	tmx kill-server
}

# `make test` in the root: it must end with "N passed, 0 failed". Its output
# goes to a log, shown whole when it fails.
make_test() {
	local log=$RUN/make-test.log rc=0
	waiting "$log" timeout "$TEST_TIMEOUT" bash tests/fresh.sh --in-root "$ROOT" 'cd /root/kiosk && make test' ||
		rc=$?
	if [ "$rc" -ne 0 ] || ! tail -n 1 "$log" | grep -qE '^[0-9]+ passed, 0 failed'; then
		echo "--- make test ---"
		cat "$log"
		echo "-----------------"
		[ "$rc" -ne 124 ] || die "make test still running after ${TEST_TIMEOUT}s"
		die "make test failed (status $rc)"
	fi
	show_installed "make test" "$log"
	grep '^skipped: ' "$log" | sed 's/^/fresh:   /' || true
	RESULT=$(tail -n 1 "$log")
}

# Checks that this machine can run the harness: root, tools, a mirror.
preflight() {
	[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mounts): sudo make test-fresh"
	local t
	for t in debootstrap tmux git chroot flock; do
		command -v "$t" >/dev/null || die "$t is missing (./deploy/deps.sh fresh)"
	done
	MIRROR=$(host_mirror)
	[ -n "$MIRROR" ] || die "no Debian mirror for $SUITE in /etc/apt/sources.list{,.d}"
	COMMIT=$(git rev-parse HEAD)
	mkdir -p "$CACHE"
	TARBALL=$CACHE/root-$SUITE-$(cache_key).tar.gz
}

# The whole run; every step prints how long it took.
main() {
	preflight
	trap cleanup EXIT
	trap 'say "interrupted"; exit 130' INT
	trap 'say "terminated"; exit 143' TERM
	say "testing commit $COMMIT ($(git log -1 --format=%s | cut -c1-60))"
	[ -z "$(git status --porcelain)" ] ||
		say "uncommitted changes in this checkout are NOT tested: only the commit is cloned"
	dispose_stale
	step "root" build_root
	say "  ($ROOT_STATE: $TARBALL)"
	step "pristine copy, mounts" unpack_root
	step "git clone into /root/kiosk" clone_commit
	step "make run until the home screen" make_run
	step "make test" make_test
	step "cleanup" dispose "$RUN"
	RUN=""
	say "$(printf '%-34s %4ds' total $((SECONDS - STARTED)))"
	say "$RESULT"
}

if [ "${1:-}" = --in-root ]; then
	ROOT=$2
	in_root "$3"
	exit
fi
main
