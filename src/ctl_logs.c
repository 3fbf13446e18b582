/* kioskctl logs: the last lines of the kiosk's, the upload worker's and
 * kioskctl's own logs, from the journal (under systemd) and from the files
 * of STATE_DIR/logs (elsewhere, and forced SSH commands), merged by time. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ctl.h"
#include "util.h"

#define LINES_DEFAULT 50

/* The systemd units whose journal lines are shown, and their short names. */
static const char *const units[][2] = {
	{ "kiosk.service", "kiosk" },
	{ "kiosk-sync.service", "sync" },
};

struct entry {
	char when[20];             /* "YYYY-MM-DD HH:MM:SS", local */
	char name[32];
	char *message;
	const char *source;        /* "journal" or "file" */
	size_t order;              /* as read: lines of one second keep it */
};

struct entries {
	struct entry *items;
	size_t n;
};

/* Adds one line. */
static void add(struct entries *e, const char *when, const char *name, const char *msg,
		const char *source)
{
	struct entry *it;

	e->items = xrealloc(e->items, (e->n + 1) * sizeof *e->items);
	it = &e->items[e->n++];
	snprintf(it->when, sizeof it->when, "%s", when);
	snprintf(it->name, sizeof it->name, "%s", name);
	it->message = xstrdup(msg);
	it->source = source;
	it->order = e->n - 1;
}

/* Reads the lines of one log file ("TIME NAME: message"). A line of
 * another shape is what the program or a library wrote to its stderr (the
 * kiosk points it at its log file): it is shown under the time and name
 * of the line before it (the file's last change and name for the first). */
static void read_file(struct entries *e, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[2048], when[20] = "", name[32];
	const char *base = strrchr(path, '/');
	struct stat st;
	struct tm tm;

	if (f == NULL)
		return;
	base = base ? base + 1 : path;
	snprintf(name, sizeof name, "%.*s", (int)strcspn(base, "."), base);
	if (fstat(fileno(f), &st) == 0 && localtime_r(&st.st_mtime, &tm) != NULL)
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	while (fgets(line, sizeof line, f) != NULL) {
		char *msg;

		line[strcspn(line, "\n")] = '\0';
		if (strlen(line) < 21 || line[19] != ' ' || (msg = strstr(line + 20, ": ")) == NULL) {
			if (when[0] != '\0' && line[0] != '\0')
				add(e, when, name, line, "file");
			continue;
		}
		*msg = '\0';
		snprintf(when, sizeof when, "%.19s", line);
		snprintf(name, sizeof name, "%.31s", line + 20);
		add(e, when, name, msg + 2, "file");
	}
	fclose(f);
}

/* Reads every NAME.log and NAME.log.1 of the state folder's logs/. */
static void read_files(struct entries *e, const struct config *cfg)
{
	char *dir = xprintf("%s/logs", cfg->state_dir);
	struct dirent *de;
	DIR *d = opendir(dir);

	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			size_t len = strlen(de->d_name);
			char *path;

			if (de->d_name[0] == '.' ||
			    !((len > 4 && strcmp(de->d_name + len - 4, ".log") == 0) ||
			      (len > 6 && strcmp(de->d_name + len - 6, ".log.1") == 0)))
				continue;
			path = xprintf("%s/%s", dir, de->d_name);
			read_file(e, path);
			free(path);
		}
		closedir(d);
	}
	free(dir);
}

/* Turns one journalctl -o json line into an entry. */
static void add_journal_line(struct entries *e, const char *line)
{
	json_t *o = json_loads(line, 0, NULL);
	const char *unit, *ts, *msg, *name = NULL;
	char when[32];
	time_t t;
	struct tm tm;
	size_t i;

	if (o == NULL)
		return;
	unit = json_string_value(json_object_get(o, "_SYSTEMD_UNIT"));
	ts = json_string_value(json_object_get(o, "__REALTIME_TIMESTAMP"));
	msg = json_string_value(json_object_get(o, "MESSAGE"));
	for (i = 0; unit != NULL && i < sizeof units / sizeof units[0]; i++)
		if (strcmp(unit, units[i][0]) == 0)
			name = units[i][1];
	if (name != NULL && ts != NULL && msg != NULL) {
		t = (time_t)(strtoll(ts, NULL, 10) / 1000000);
		localtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		add(e, when, name, msg, "journal");
	}
	json_decref(o);
}

/* Reads the last lines of the units' journal, when systemd runs. */
static void read_journal(struct entries *e, long lines)
{
	char n[24], buf[65536];
	int fds[2];
	pid_t pid;
	FILE *f;

	if (access("/run/systemd/system", F_OK) != 0 || pipe(fds) != 0)
		return;
	snprintf(n, sizeof n, "%ld", lines);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "journalctl", "--no-pager", "-q", "-o", "json", "-n", n,
				 "_SYSTEMD_UNIT=kiosk.service", "+", "_SYSTEMD_UNIT=kiosk-sync.service",
				 NULL };

		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	f = pid > 0 ? fdopen(fds[0], "r") : NULL;
	if (f == NULL) {
		close(fds[0]);
	} else {
		while (fgets(buf, sizeof buf, f) != NULL)
			add_journal_line(e, buf);
		fclose(f);
	}
	if (pid > 0)
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
}

/* Orders lines by time (the text sorts as the time does), then as read. */
static int by_time(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->when, y->when);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

int ctl_logs(struct ctl *ctl, int argc, char **argv)
{
	struct entries e = { NULL, 0 };
	long lines = LINES_DEFAULT;
	int json = 0, i;
	size_t k;

	if (ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl logs [--lines N] [--json]\n\n"
		       "The last N lines (%d by default) of the booth's logs, oldest first:\n"
		       "the journal of kiosk.service and kiosk-sync.service when systemd runs,\n"
		       "and the files in the state folder's logs/ (the kiosk and the worker\n"
		       "outside systemd, and every command run with a helper's SSH key).\n"
		       "With --json: one object per line (time, name, source, message).\n",
		       LINES_DEFAULT);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--lines") == 0 && i + 1 < argc &&
			 (lines = strtol(argv[i + 1], NULL, 10)) > 0 && lines <= 100000)
			i++;
		else
			return ctl_fail("usage: kioskctl logs [--lines N] [--json] (N from 1 to 100000)");
	}
	read_files(&e, &ctl->cfg);
	read_journal(&e, lines);
	if (e.n > 0)
		qsort(e.items, e.n, sizeof *e.items, by_time);
	for (k = e.n > (size_t)lines ? e.n - (size_t)lines : 0; k < e.n; k++) {
		if (json)
			ctl_json(json_pack("{s:s, s:s, s:s, s:s}", "time", e.items[k].when, "name",
					   e.items[k].name, "source", e.items[k].source, "message",
					   e.items[k].message));
		else
			printf("%s %s: %s\n", e.items[k].when, e.items[k].name, e.items[k].message);
	}
	for (k = 0; k < e.n; k++)
		free(e.items[k].message);
	free(e.items);
	return 0;
}
