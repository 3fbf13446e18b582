# The kiosk's start under valgrind's memcheck, on a normal booth and on one
# whose state.db cannot be opened: the home screen shows, SIGTERM ends it,
# and valgrind reports no error at all (uninitialised reads included, which
# AddressSanitizer cannot see). Leaks are make test-asan's business.
. tests/screen/lib.bash
if [ -n "${SANITIZER_REPORTS:-}" ]; then
	echo "skipped under make test-asan: valgrind cannot run a program built with AddressSanitizer"
	exit 77
fi
command -v valgrind >/dev/null || { echo "valgrind is not installed (deploy/deps.sh test)"; exit 77; }

# run_under_valgrind NAME: starts the kiosk under memcheck, waits for the
# home screen and its footer, ends it and fails on any reported error.
run_under_valgrind() {
	local log=$TEST_TMP/valgrind-$1.log pid
	rm -f "$TEST_TMP/exit"
	"${TMUX_CMD[@]}" new-session -d -x 80 -y 24 \
		"env TERM=xterm-256color valgrind --error-exitcode=99 --leak-check=no --track-origins=yes --log-file='$log' ./build/kiosk --config '$KIOSK_CONFIG'; echo \$? >'$TEST_TMP/exit'; sleep 600"
	wait_for "1  Tìm thủ tục, giấy tờ cần mang" 120
	wait_for "● Chưa có mạng" 60
	send 2
	wait_for "Xem kết quả hồ sơ" 60
	pid=$(kiosk_pid)
	[ -n "$pid" ] || fail "no kiosk process"
	kill -TERM "$pid"
	status=$(wait_exit 120)
	grep -q "ERROR SUMMARY" "$log" || fail "valgrind wrote no summary: $(cat "$log")"
	if [ "$status" = 99 ] || ! grep -q "ERROR SUMMARY: 0 errors" "$log"; then
		cat "$log"
		fail "valgrind found errors at the start of the kiosk ($1)"
	fi
	[ "$status" = 0 ] || fail "the kiosk exited with $status under valgrind ($1)"
	echo "ok: $1: $(grep -o 'ERROR SUMMARY: [0-9]* errors' "$log")"
	close_terminal
}

write_config
run_under_valgrind normal
# state.db cannot be opened: a folder stands where the file should be.
rm -rf "$TEST_TMP/var"
mkdir -p "$TEST_TMP/var/state.db"
run_under_valgrind no-state-db
