# Shared steps of the tests against a real ODK Central (tests/cli/central_*.sh,
# tests/screen/central_*.sh, bench/central.sh), run by the peer's setup.sh
# from ../shared/peers/odk-central beside the checkout. Source it from the
# top of the checkout; it skips the test (exit 77, the reason last) when the
# peer is not there or cannot run here.
#
# One Central per checkout serves every test that runs at the same time: it
# lives in build/central (the first start installs Node and Central's
# packages, about 35 s; later starts take a few seconds), with its own
# PostgreSQL cluster (so stopping it never stops anyone else's database)
# and a free port. Each test holds a shared lock on build/central/users.lock
# while it uses Central and gets a project of its own (central_project); the
# last test to leave stops Central and its PostgreSQL. A test that stops
# Central itself (central_exclusive) holds that lock alone.

CENTRAL_PEER=../shared/peers/odk-central
CENTRAL_ROOT=$PWD/build/central
CENTRAL_FD=    # the process holding the lock on users.lock

# Skips the test: prints why as the last line and exits 77.
central_skip() {
	echo "SKIP: $*"
	exit 77
}

[ -x "$CENTRAL_PEER/setup.sh" ] ||
	central_skip "no ODK Central peer at $CENTRAL_PEER (beside the checkout)"
[ "$(id -u)" = 0 ] || central_skip "the ODK Central peer's setup.sh needs root (apt, su postgres)"
./deploy/deps.sh central >/dev/null ||
	central_skip "the packages of 'deploy/deps.sh central' cannot be installed"

# The environment setup.sh runs with: this checkout's root, cluster and port.
central_env() {
	local tag
	tag=$(printf '%s' "$PWD" | sha256sum | cut -c1-8)
	echo "ODK_ROOT=$CENTRAL_ROOT PG_CLUSTER=kiosk_$tag ODK_PORT=$(cat "$CENTRAL_ROOT/port")"
}

# Runs setup.sh with this checkout's environment; its log goes to
# build/central/setup.log. The lock files stay closed to it: the server
# and PostgreSQL it starts would otherwise hold the locks for good.
central_setup() {
	(
		exec 8>&- 9>&-
		# shellcheck disable=SC2046
		env $(central_env) "$CENTRAL_PEER/setup.sh" "$@" >>"$CENTRAL_ROOT/setup.log" 2>&1
	)
}

# True when Central answers on its port.
central_answers() {
	[ -f "$CENTRAL_ROOT/port" ] &&
		[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
			"http://127.0.0.1:$(cat "$CENTRAL_ROOT/port")/v1/projects")" = 401 ]
}

# Picks a free port for a Central that is not running.
central_pick_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
		>"$CENTRAL_ROOT/port"
}

# Starts Central unless it runs, under the start lock; then reads its
# peer.env (ODK_BASE_URL, the administrator's login).
central_start() {
	(
		flock -x 8
		if ! central_answers; then
			central_pick_port
			central_setup up || { tail -30 "$CENTRAL_ROOT/setup.log"; exit 1; }
		fi
	) 8>"$CENTRAL_ROOT/start.lock" || { echo "FAIL: ODK Central did not start"; exit 1; }
	# shellcheck disable=SC1091
	. "$CENTRAL_ROOT/run/peer.env"
	export ODK_BASE_URL ODK_ADMIN_EMAIL ODK_ADMIN_PASSWORD
}

# Holds build/central/users.lock, shared (-s) or alone (-x), in a helper
# process of its own: the lock is not inherited by what the test starts,
# so a program the test leaves behind never keeps Central running.
central_hold() {
	coproc CENTRAL_HOLDER {
		exec python3 -c 'import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
fcntl.flock(fd, fcntl.LOCK_SH if sys.argv[2] == "-s" else fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()' "$CENTRAL_ROOT/users.lock" "$1"
	}
	CENTRAL_FD=$CENTRAL_HOLDER_PID
	read -r _ <&"${CENTRAL_HOLDER[0]}" || { echo "FAIL: cannot lock $CENTRAL_ROOT/users.lock"; exit 1; }
}

# Uses Central, with others (shared) or alone (exclusive: waits until no
# other test uses it); starts it when needed. Stops it when the test ends.
central_up() {
	mkdir -p "$CENTRAL_ROOT"
	trap 'central_leave' EXIT
	central_hold "${1:--s}"
	central_start
}

# central_up for a test that stops and starts Central itself.
central_exclusive() {
	central_up -x
}

# Leaves Central; the last test to leave stops it and its PostgreSQL.
central_leave() {
	local rc=$?
	declare -F cleanup >/dev/null && cleanup
	[ -n "$CENTRAL_FD" ] || return $rc
	kill "$CENTRAL_FD" 2>/dev/null || true
	wait "$CENTRAL_FD" 2>/dev/null || true
	CENTRAL_FD=
	(
		flock -xn 9 || exit 0
		flock -x 8
		central_setup down
	) 9>"$CENTRAL_ROOT/users.lock" 8>"$CENTRAL_ROOT/start.lock"
	return $rc
}

# Stops the server the hard way (SIGKILL, as a crash or a power cut would:
# a graceful stop lets a keep-alive connection finish its work first);
# PostgreSQL stays. For a test holding Central alone.
central_stop() {
	local pid
	pid=$(cat "$CENTRAL_ROOT/run/server.pid")
	kill -KILL "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}

# Starts the server again on the same port.
central_restart() {
	central_setup start || { tail -30 "$CENTRAL_ROOT/setup.log"; echo "FAIL: no restart"; exit 1; }
}

# Runs tests/tools/central.py (the administrator's API calls and checks).
central_py() {
	python3 tests/tools/central.py "$@"
}

# Makes a project of this test's own in Central, publishes every form into
# it with kioskctl central publish (the administrator's password from the
# environment, as provincial IT would give it) and writes the booth's config
# $T/kiosk.ini from the lines it prints, with short backoff; the extra
# arguments are more [upload] lines. Sets P (the project's id) and TOKEN
# (the app user's). Needs tests/upload/lib.sh's $T and fail.
central_booth() {
	P=$(central_py project "kiosk-$(basename "$0" .sh)-$$") || fail "cannot make a project"
	printf '[booth]\nid = booth-%s\n[paths]\nstate_dir = %s\ncontent_dir = %s\n' \
		"$$" "$T/state" "${CONTENT_DIR:-$PWD/build/content}" >"$T/booth.ini"
	CENTRAL_PASSWORD=$ODK_ADMIN_PASSWORD ./build/kioskctl --config "$T/booth.ini" central \
		publish --url "$ODK_BASE_URL" --project "$P" --email "$ODK_ADMIN_EMAIL" \
		>"$T/upload.ini" 2>"$T/publish.log" || { cat "$T/publish.log"; fail "central publish"; }
	{
		cat "$T/booth.ini" "$T/upload.ini"
		printf 'retry_base_ms = 50\nretry_max = 1\ntimeout = 10\n'
		printf '%s\n' "$@"
	} >"$T/kiosk.ini"
	TOKEN=$(sed -n 's/^token = //p' "$T/upload.ini")
}

# Saves N requests spread over every form (one more of the first forms
# when N is not a multiple), as the kiosk saves them; their "id receipt"
# lines go to $T/ids.
central_fill() {
	local forms=(screens/forms/*.form) i n
	for ((i = 0; i < ${#forms[@]}; i++)); do
		n=$(($1 / ${#forms[@]} + (i < $1 % ${#forms[@]} ? 1 : 0)))
		[ "$n" -gt 0 ] || continue
		./build/tools/form_fill "$T/kiosk.ini" "$(basename "${forms[i]}" .form)" "$n" \
			>>"$T/ids" || fail "form_fill"
	done
}
