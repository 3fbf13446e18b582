# Out of memory at the booth: the kiosk gives the terminal back before it
# stops (the normal screen, the cursor, no mouse reporting, a cooked tty
# with echo), and its last words go to the log file (and kioskctl logs),
# not over the screen.
# Memory runs out for real: a small library preloaded into the kiosk makes
# every allocation fail once a file exists (the kiosk itself is unchanged).
. tests/screen/lib.bash
if [ -n "${ASAN_OPTIONS:-}" ]; then
	echo "skipped: AddressSanitizer's allocator cannot be preloaded over"
	exit 77
fi
cat >"$TEST_TMP/nomem.c" <<'C'
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

/* True once the file named by $NOMEM_AFTER exists. */
static int out_of_memory(void)
{
	const char *when = getenv("NOMEM_AFTER");

	return when != NULL && access(when, F_OK) == 0;
}

void *malloc(size_t n)
{
	static void *(*real)(size_t);

	if (real == NULL)
		real = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	return out_of_memory() ? NULL : real(n);
}

void *calloc(size_t n, size_t size)
{
	static void *(*real)(size_t, size_t);

	if (real == NULL)
		real = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	return out_of_memory() ? NULL : real(n, size);
}

void *realloc(void *p, size_t n)
{
	static void *(*real)(void *, size_t);

	if (real == NULL)
		real = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	return out_of_memory() ? NULL : real(p, n);
}
C
cc -shared -fPIC -o "$TEST_TMP/nomem.so" "$TEST_TMP/nomem.c" -ldl ||
	fail "cannot build the preloaded library"

KIOSK_ENV="LD_PRELOAD=$TEST_TMP/nomem.so NOMEM_AFTER=$TEST_TMP/nomem"
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"
touch "$TEST_TMP/nomem"
send 1 # a new screen needs memory
status=$(wait_exit)
[ "$status" = 134 ] || fail "exit status $status, not 134 (abort)"
wait_gone "TRẠM DỊCH VỤ CÔNG"
modes=$("${TMUX_CMD[@]}" display -p '#{mouse_standard_flag}#{mouse_sgr_flag}#{alternate_on}#{cursor_flag}')
[ "$modes" = 0001 ] || fail "terminal modes not restored: $modes"
tty=$("${TMUX_CMD[@]}" display -p '#{pane_tty}')
settings=$(stty -a -F "$tty") || fail "cannot read the terminal's settings"
for want in icanon echo isig; do
	grep -qw -- "$want" <<<"$settings" || fail "the terminal was left without $want: $settings"
done
screen_text | grep -q "out of memory" && fail "the message was written over the screen"
grep -q "kiosk: out of memory" "$TEST_TMP/var/logs/kiosk.log" ||
	fail "the log does not say why: $(tail -n 3 "$TEST_TMP/var/logs/kiosk.log")"
# kioskctl logs shows it too, under the time of the line before it.
./build/kioskctl --config "$KIOSK_CONFIG" logs | grep -q "kiosk: kiosk: out of memory" ||
	fail "kioskctl logs does not show it: $(./build/kioskctl --config "$KIOSK_CONFIG" logs | tail -n 3)"
true
