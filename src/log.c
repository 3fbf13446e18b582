/* Log lines to the journal or to STATE_DIR/logs/NAME.log (see log.h). */
#include "log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static int log_fd = -1;       /* the file, or -1 for stderr */
static char log_name[32] = "kiosk";

int log_to_journal(void)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	if (js == NULL || sscanf(js, "%llu:%llu", &dev, &ino) != 2 || fstat(STDERR_FILENO, &st) != 0)
		return 0;
	return (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

int log_open(const struct config *cfg, const char *name)
{
	char *dir, *path, *old;
	struct stat st;

	log_close();
	snprintf(log_name, sizeof log_name, "%s", name);
	if (log_to_journal())
		return 0;
	dir = xprintf("%s/logs", cfg->state_dir);
	path = xprintf("%s/%s.log", dir, name);
	old = xprintf("%s.1", path);
	if (stat(path, &st) == 0 && st.st_size > LOG_ROTATE_BYTES)
		rename(path, old);
	/* Private to the kiosk's user (0700, 0600), also when made looser before. */
	if (mkdir_private(dir) == 0)
		log_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	free(dir);
	free(path);
	free(old);
	return log_fd >= 0 ? 0 : -1;
}

void log_write(const char *fmt, ...)
{
	char msg[1024], *line, when[32];
	time_t now = time(NULL);
	struct tm tm;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (line = msg; *line != '\0'; line++)
		if ((unsigned char)*line < 0x20 || *line == 0x7f)
			*line = '?'; /* one event, one line */
	if (log_fd < 0) {
		fprintf(stderr, "%s\n", msg);
		return;
	}
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	line = xprintf("%s %s: %s\n", when, log_name, msg);
	write_all(log_fd, line, strlen(line));
	free(line);
}

int log_is_file(void)
{
	return log_fd >= 0;
}

int log_take_stderr(void)
{
	if (log_fd < 0 || dup2(log_fd, STDERR_FILENO) < 0)
		return -1;
	return 0;
}

void log_close(void)
{
	if (log_fd >= 0)
		close(log_fd);
	log_fd = -1;
}
