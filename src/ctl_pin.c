/* kioskctl set-pin: sets the PIN that opens the helper menu at the booth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ctl.h"
#include "db.h"
#include "pin.h"
#include "util.h"

/* Reads one line from stdin without echo when it is a terminal. */
static int read_secret(const char *prompt, char *out, int size)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);
	char *nl;

	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (fgets(out, size, stdin) == NULL)
		out[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	nl = strchr(out, '\n');
	if (nl)
		*nl = '\0';
	return out[0] ? 0 : -1;
}

int ctl_set_pin(struct ctl *ctl, int argc, char **argv)
{
	char pin[64] = "", again[64] = "";
	int if_unset = argc >= 2 && strcmp(argv[1], "--if-unset") == 0;
	const char *given = if_unset ? (argc >= 3 ? argv[2] : NULL) : NULL;
	struct db *db;
	char *cause = NULL;
	int rc = 1;

	if (ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl set-pin\n"
		       "       kioskctl set-pin --if-unset PIN\n\n"
		       "Sets the PIN (%d to %d digits) that opens the helper menu at the booth.\n"
		       "It is read from the terminal, twice, without echo (or one line from\n"
		       "stdin when that is not a terminal), and stored salted and hashed.\n"
		       "--if-unset PIN sets it only when none is set yet (used by 'make run').\n",
		       PIN_MIN_DIGITS, PIN_MAX_DIGITS);
		return 0;
	}
	if ((if_unset && given == NULL) || (!if_unset && argc > 1))
		return ctl_fail("usage: kioskctl set-pin [--if-unset PIN]");
	db = ctl_db(ctl);
	if (db == NULL)
		return 1;
	if (if_unset) {
		if (pin_is_set(db))
			return 0;
		snprintf(pin, sizeof pin, "%s", given);
	} else {
		if (read_secret("New helper PIN: ", pin, sizeof pin) != 0)
			return ctl_fail("no PIN given");
		if (isatty(STDIN_FILENO) &&
		    (read_secret("Again: ", again, sizeof again) != 0 || strcmp(pin, again) != 0)) {
			ctl_fail("the two PINs differ; nothing changed");
			goto out;
		}
	}
	if (pin_set(db, pin, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		goto out;
	}
	db_audit(db, "kioskctl", "helper PIN set");
	printf("Helper PIN set.\n");
	rc = 0;
out:
	wipe(pin, sizeof pin);
	wipe(again, sizeof again);
	return rc;
}
