#!/bin/bash
# ODK Central: the upload worker (kioskctl sync --daemon) is SIGKILLed at
# random moments while it sends 60 requests of every form, started again
# each time, until nothing waits. A request Central stored just before a
# kill is sent again with the same bytes, which Central acknowledges
# without storing it twice: in the end each request is in Central exactly
# once, byte for byte.
. tests/upload/lib.sh
. tests/tools/central.bash
central_up
central_booth
central_fill 60
kills=0
while [ "$(sql "SELECT count(*) FROM submissions WHERE state = 'waiting'")" != 0 ]; do
	[ "$kills" -lt 400 ] || fail "still waiting after $kills kills"
	./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>>"$T/log" &
	worker=$!
	BG_PIDS=("$worker")
	# A random moment within 120 ms (a few uploads): the start, a claim, a
	# POST in flight, an acknowledgement being recorded.
	sleep "0.$(printf '%03d' $((RANDOM % 120)))"
	kill -KILL "$worker" 2>/dev/null && kills=$((kills + 1))
	wait "$worker" 2>/dev/null || true
done
sent=$(grep -c "^sync: sent " "$T/log" || true)
echo "$kills kills; $sent acknowledgements recorded for 60 requests"
[ "$kills" -ge 10 ] || fail "only $kills kills landed"
central_py check "$T/state" "$P" || fail "Central does not hold each request exactly once"
