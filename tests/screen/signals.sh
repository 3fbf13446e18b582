# SIGTERM and SIGHUP end the kiosk cleanly: exit status 0 and the terminal
# given back (the normal screen, the cursor, no mouse reporting).
. tests/screen/lib.bash
for sig in TERM HUP; do
	start_kiosk
	wait_for "TRẠM DỊCH VỤ CÔNG"
	kill -"$sig" "$(kiosk_pid)"
	status=$(wait_exit)
	[ "$status" = 0 ] || fail "SIG$sig: exit status $status"
	# The alternate screen is gone: the kiosk's picture no longer shows.
	wait_gone "TRẠM DỊCH VỤ CÔNG"
	"${TMUX_CMD[@]}" display -p '#{mouse_standard_flag}#{mouse_sgr_flag}#{alternate_on}#{cursor_flag}' |
		grep -qx '0001' || fail "SIG$sig: terminal modes not restored: $("${TMUX_CMD[@]}" display -p '#{mouse_standard_flag}#{mouse_sgr_flag}#{alternate_on}#{cursor_flag}')"
	close_terminal
done
# Each start is recorded for `kioskctl metrics` (a booth that keeps
# restarting shows in the province's monitoring).
./build/kioskctl --config "$KIOSK_CONFIG" metrics >"$TEST_TMP/m" || fail "kioskctl metrics"
grep -q '^kiosk_starts_total{booth="[^"]*"} 2$' "$TEST_TMP/m" ||
	fail "starts: $(grep starts_total "$TEST_TMP/m")"
at=$(sed -n 's/^kiosk_start_timestamp_seconds{[^}]*} //p' "$TEST_TMP/m")
[ $(($(date +%s) - at)) -lt 300 ] || fail "start time $at"

# A terminal that goes away (the pane closed) ends the kiosk too, rather
# than leaving it spinning on a dead terminal. Under make test-asan, not
# the leak check at exit: LeakSanitizer cannot stop a process whose
# terminal is gone (its tracer waits forever); the cases above check leaks.
[ -n "${ASAN_OPTIONS:-}" ] && KIOSK_ENV="ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0"
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"
pid=$(kiosk_pid)
close_terminal
# Running, as opposed to gone or exited and not yet reaped (a zombie: its
# shell died with the terminal, and who reaps orphans may take its time).
running() {
	local state
	state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "${state%% *}" != Z ]
}
for ((i = 0; i < 200; i++)); do
	running || break
	sleep 0.05
done
running && { kill -9 "$pid"; fail "the kiosk outlived its terminal"; }
true
