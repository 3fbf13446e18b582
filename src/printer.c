/* The receipt printer: rendering slips to ESC/POS, and the three ways the
 * bytes leave (a folder, a device, a command). */
#include "printer.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "bitmap.h"
#include "config.h"
#include "escpos.h"
#include "font.h"
#include "slip.h"
#include "util.h"

#define FONT_FILE "assets/unifont-kiosk.hex"
/* How long a two-way printer has to answer the paper query. */
#define STATUS_WAIT_MS 500

struct printer {
	enum printer_type sink;
	char path[CONFIG_STR];
	char command[CONFIG_STR];
	int dots;              /* 384 or 576 */
	enum slip_mode mode;
	int band;
	int timeout;           /* seconds without progress */
	int baud;
	struct font *font;
	enum printer_state state; /* how the last printer_print() went */
};

struct printer *printer_open(const struct config *cfg, char **cause)
{
	struct printer *p;
	char path[CONFIG_STR + 64];

	if (cfg->printer_width != 58 && cfg->printer_width != 80) {
		*cause = xprintf("[printer] width must be 58 or 80 (mm), not %d", cfg->printer_width);
		return NULL;
	}
	p = xcalloc(1, sizeof *p);
	p->sink = cfg->printer_type;
	snprintf(p->path, sizeof p->path, "%s", cfg->printer_path);
	snprintf(p->command, sizeof p->command, "%s", cfg->printer_command);
	p->dots = cfg->printer_width == 80 ? 576 : 384;
	p->mode = cfg->printer_codepage == CODEPAGE_TEXT ? SLIP_CODEPAGE : SLIP_RASTER;
	p->band = cfg->printer_band > 0 ? cfg->printer_band : 128;
	p->timeout = cfg->printer_timeout > 0 ? cfg->printer_timeout : 10;
	p->baud = cfg->printer_baud;
	if ((p->sink == PRINTER_FILE || p->sink == PRINTER_DEVICE) && p->path[0] == '\0') {
		*cause = xprintf("[printer] path is empty (the %s for type = %s)",
				 p->sink == PRINTER_FILE ? "folder" : "device",
				 config_word("printer", "type", cfg->printer_type));
		printer_close(p);
		return NULL;
	}
	if (p->sink == PRINTER_COMMAND && p->command[0] == '\0') {
		*cause = xstrdup("[printer] command is empty (needed for type = command)");
		printer_close(p);
		return NULL;
	}
	if (config_join(path, sizeof path, cfg->content_dir, FONT_FILE) != 0) {
		*cause = xstrdup("[paths] content_dir is too long");
		printer_close(p);
		return NULL;
	}
	p->font = font_load(path, cause);
	if (p->font == NULL) {
		printer_close(p);
		return NULL;
	}
	return p;
}

void printer_close(struct printer *p)
{
	if (p == NULL)
		return;
	font_free(p->font);
	free(p);
}

int printer_present(const struct printer *p)
{
	return p->sink != PRINTER_NONE;
}

int printer_cols(const struct printer *p)
{
	return p->mode == SLIP_CODEPAGE ? p->dots / 12 : p->dots / 8 - 2;
}

/* Text mode: text lines in the printer's font, the rest as dots. */
static int render_codepage(const struct printer *p, const struct slip *s, struct bytes *out, char **cause)
{
	int i;

	escpos_text_mode(out);
	for (i = 0; i < s->n; i++) {
		const struct slip_line *l = &s->lines[i];
		struct bitmap part;
		char *text;

		switch (l->kind) {
		case SLIP_TEXT:
			if (l->boxed)
				break;
			text = escpos_fold(l->text);
			escpos_text(out, text, l->align == SLIP_CENTER, l->scale);
			free(text);
			continue;
		case SLIP_RULE:
			text = xmalloc((size_t)s->cols + 1);
			memset(text, '-', (size_t)s->cols);
			text[s->cols] = '\0';
			escpos_text(out, text, 0, 1);
			free(text);
			continue;
		case SLIP_GAP:
			escpos_feed_dots(out, l->dots);
			continue;
		case SLIP_QR:
			break;
		}
		bitmap_init(&part, p->dots, 0);
		if (slip_draw_line(l, s->cols, p->font, SLIP_CODEPAGE, &part, cause) != 0) {
			bitmap_free(&part);
			return -1;
		}
		escpos_raster(out, &part, p->band);
		bitmap_free(&part);
	}
	return 0;
}

int printer_render(const struct printer *p, const struct slip *s, struct bytes *out,
		   struct bitmap *preview, char **cause)
{
	if (slip_render(s, p->font, p->dots, p->mode, preview, cause) != 0)
		return -1;
	escpos_init(out);
	if (p->mode == SLIP_RASTER) {
		escpos_raster(out, preview, p->band);
	} else if (render_codepage(p, s, out, cause) != 0) {
		bitmap_free(preview);
		return -1;
	}
	escpos_cut(out);
	return 0;
}

/* Milliseconds since an arbitrary start. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Writes all of data to a non-blocking fd, waiting at most timeout seconds
 * each time it takes nothing. Returns 0, or -1 with *cause. */
static int device_write(int fd, const uint8_t *data, size_t len, int timeout, const char *what,
			enum printer_state *state, char **cause)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		struct pollfd pfd = { fd, POLLOUT, 0 };
		int r;

		if (n > 0) {
			done += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
			/* Linux's USB printer driver says ENOSPC when the paper is out. */
			*cause = xprintf("%s: write error after %zu of %zu bytes: %s%s", what, done, len,
					 strerror(errno), errno == ENOSPC ? " (out of paper?)" : "");
			*state = errno == ENOSPC ? PRINTER_NO_PAPER : PRINTER_FAULT;
			return -1;
		}
		do
			r = poll(&pfd, 1, timeout * 1000);
		while (r < 0 && errno == EINTR);
		if (r == 0) {
			*cause = xprintf("%s took no data for %d s after %zu of %zu bytes (out of paper, "
					 "cover open, offline?)", what, timeout, done, len);
			*state = PRINTER_OFFLINE;
			return -1;
		}
		if (r < 0 || (pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
			*cause = xprintf("%s: the device went away after %zu of %zu bytes", what, done, len);
			*state = PRINTER_OFFLINE;
			return -1;
		}
	}
	return 0;
}

/* The termios speed constant of a baud rate, or 0. */
static speed_t speed_of(int baud)
{
	static const struct { int baud; speed_t speed; } speeds[] = {
		{ 1200, B1200 }, { 2400, B2400 }, { 4800, B4800 }, { 9600, B9600 },
		{ 19200, B19200 }, { 38400, B38400 }, { 57600, B57600 },
		{ 115200, B115200 }, { 230400, B230400 }, { 460800, B460800 },
		{ 921600, B921600 },
	};
	size_t i;

	for (i = 0; i < sizeof speeds / sizeof speeds[0]; i++)
		if (speeds[i].baud == baud)
			return speeds[i].speed;
	return 0;
}

/* A serial port or pty: raw bytes (no newline translation, no echo) at the
 * configured speed. */
static int set_raw(int fd, int baud, const char *path, char **cause)
{
	struct termios tio;

	if (tcgetattr(fd, &tio) != 0) {
		*cause = xprintf("%s: cannot read the serial settings: %s", path, strerror(errno));
		return -1;
	}
	cfmakeraw(&tio);
	tio.c_cflag |= CLOCAL | CREAD;
	if (baud != 0) {
		speed_t sp = speed_of(baud);

		if (sp == 0) {
			*cause = xprintf("[printer] baud %d is not a standard serial speed", baud);
			return -1;
		}
		cfsetispeed(&tio, sp);
		cfsetospeed(&tio, sp);
	}
	if (tcsetattr(fd, TCSANOW, &tio) != 0) {
		*cause = xprintf("%s: cannot set the serial settings: %s", path, strerror(errno));
		return -1;
	}
	tcflush(fd, TCIFLUSH);
	return 0;
}

/* Asks a two-way printer for its paper. Returns -1 with *cause when it
 * says the paper is out or the query cannot be written; 0 otherwise
 * (including no answer: many printers only listen). */
static int check_paper(int fd, const char *path, int timeout, enum printer_state *state,
		       char **cause)
{
	uint8_t junk[64], reply;
	struct pollfd pfd = { fd, POLLIN, 0 };
	long long until;
	int i;

	/* Whatever the printer said before is not the answer (a bounded
	 * drain: some devices never run dry). */
	for (i = 0; i < 16 && read(fd, junk, sizeof junk) > 0; i++)
		;
	if (device_write(fd, (const uint8_t *)ESCPOS_PAPER_QUERY, 3, timeout, path, state, cause) != 0)
		return -1;
	until = now_ms() + STATUS_WAIT_MS;
	while (now_ms() < until) {
		int r = poll(&pfd, 1, (int)(until - now_ms()));

		if (r <= 0 || (pfd.revents & POLLIN) == 0)
			return 0;
		if (read(fd, &reply, 1) != 1)
			return 0;
		if (escpos_paper_out(reply) == 1) {
			*cause = xprintf("%s: the printer is out of paper", path);
			*state = PRINTER_NO_PAPER;
			return -1;
		}
		if (escpos_paper_out(reply) == 0)
			return 0;
	}
	return 0;
}

/* Sends a job to a device path. */
static int print_device(const struct printer *p, const struct bytes *job,
			enum printer_state *state, char **cause)
{
	struct stat st;
	int fd, two_way, rc;

	if (stat(p->path, &st) != 0) {
		*cause = errno == ENOENT
			? xprintf("printer device %s not found (unplugged or switched off?)", p->path)
			: xprintf("printer device %s: %s", p->path, strerror(errno));
		*state = errno == ENOENT ? PRINTER_OFFLINE : PRINTER_FAULT;
		return -1;
	}
	/* Character devices may answer; a FIFO opened for reading too would
	 * never notice that nobody reads it. */
	two_way = S_ISCHR(st.st_mode);
	fd = open(p->path, (two_way ? O_RDWR : O_WRONLY | O_APPEND) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 && two_way) {
		two_way = 0;
		fd = open(p->path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	}
	if (fd < 0) {
		*cause = errno == ENXIO
			? xprintf("printer device %s: nothing is connected to it", p->path)
			: xprintf("printer device %s: cannot open: %s", p->path, strerror(errno));
		*state = errno == ENXIO ? PRINTER_OFFLINE : PRINTER_FAULT;
		return -1;
	}
	rc = 0;
	if (isatty(fd))
		rc = set_raw(fd, p->baud, p->path, cause);
	if (rc == 0 && two_way)
		rc = check_paper(fd, p->path, p->timeout, state, cause);
	if (rc == 0)
		rc = device_write(fd, job->data, job->len, p->timeout, p->path, state, cause);
	close(fd);
	return rc;
}

/* Reads what the command said into its tail buffer; returns 0 at EOF. */
static int read_output(int fd, char *tail, size_t cap, size_t *len)
{
	char buf[512];
	ssize_t n = read(fd, buf, sizeof buf);

	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 1 : 0;
	if (n == 0)
		return 0;
	/* Keep the last cap - 1 bytes: the error is usually at the end. */
	if ((size_t)n >= cap - 1) {
		memcpy(tail, buf + n - (ssize_t)(cap - 1), cap - 1);
		*len = cap - 1;
	} else {
		if (*len + (size_t)n > cap - 1) {
			size_t drop = *len + (size_t)n - (cap - 1);

			memmove(tail, tail + drop, *len - drop);
			*len -= drop;
		}
		memcpy(tail + *len, buf, (size_t)n);
		*len += (size_t)n;
	}
	tail[*len] = '\0';
	return 1;
}

/* The last line of the command's output, trimmed, for a message. */
static const char *last_line(char *tail)
{
	char *end = tail + strlen(tail), *start;

	while (end > tail && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
		*--end = '\0';
	start = strrchr(tail, '\n');
	return start != NULL ? start + 1 : tail;
}

/* Feeds the job to the command and collects what it says, each step
 * waiting at most timeout seconds. Returns 0, or -1 with *cause. */
static int feed_command(const struct printer *p, int *in, int out, const struct bytes *job,
			char *tail, size_t cap, size_t *tlen, char **cause)
{
	size_t done = 0;
	int reading = 1;

	while (*in >= 0 || reading) {
		struct pollfd pfd[2] = { { *in, POLLOUT, 0 }, { reading ? out : -1, POLLIN, 0 } };
		int r = poll(pfd, 2, p->timeout * 1000);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			*cause = xprintf("printer command took no data and said nothing for %d s", p->timeout);
			return -1;
		}
		if (pfd[1].revents != 0)
			reading = read_output(out, tail, cap, tlen);
		if (*in >= 0 && pfd[0].revents != 0) {
			ssize_t n = write(*in, job->data + done, job->len - done);

			if (n < 0 && errno != EAGAIN && errno != EINTR) {
				*cause = xprintf("printer command: write error after %zu of %zu bytes: %s",
						 done, job->len, strerror(errno));
				return -1;
			}
			if (n > 0)
				done += (size_t)n;
			if (done == job->len) {
				close(*in);
				*in = -1;
			}
		}
	}
	return 0;
}

/* Waits for a child, killing it after timeout seconds. Returns 0, or -1
 * when it had to be killed. */
static int wait_child(pid_t pid, int timeout, int *status)
{
	long long until = now_ms() + timeout * 1000LL;
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	pid_t r;

	while ((r = waitpid(pid, status, WNOHANG)) == 0 && now_ms() < until)
		nanosleep(&tick, NULL);
	if (r == pid)
		return 0;
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return timeout == 0 ? 0 : -1;
}

/* A pipe whose ends the command does not inherit (it gets dup2 copies). */
static int pipe_cloexec(int fds[2])
{
	if (pipe(fds) != 0)
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Pipes a job to the shell command and checks its exit status. */
static int print_command(const struct printer *p, const struct bytes *job, char **cause)
{
	int in[2], out[2], status, rc, left = 0;
	char tail[256] = "";
	size_t tlen = 0;
	pid_t pid;

	if (pipe_cloexec(in) != 0) {
		*cause = xprintf("printer command: pipe: %s", strerror(errno));
		return -1;
	}
	if (pipe_cloexec(out) != 0) {
		*cause = xprintf("printer command: pipe: %s", strerror(errno));
		close(in[0]);
		close(in[1]);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		*cause = xprintf("printer command: fork: %s", strerror(errno));
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		execl("/bin/sh", "sh", "-c", p->command, (char *)NULL);
		_exit(127);
	}
	/* The read end stays open here too: a command that exits without
	 * reading cannot raise SIGPIPE, and what it left unread is counted. */
	close(out[1]);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	rc = feed_command(p, &in[1], out[0], job, tail, sizeof tail, &tlen, cause);
	if (in[1] >= 0)
		close(in[1]);
	close(out[0]);
	if (rc != 0)
		kill(pid, SIGKILL);
	if (wait_child(pid, rc != 0 ? 0 : p->timeout, &status) != 0) {
		*cause = xprintf("printer command did not finish within %d s", p->timeout);
		rc = -1;
	} else if (rc != 0) {
		if (tlen > 0) {
			char *more = xprintf("%s: %s", *cause, last_line(tail));

			free(*cause);
			*cause = more;
		}
	} else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		*cause = xprintf("printer command exited with status %d%s%s", WEXITSTATUS(status),
				 tlen > 0 ? ": " : "", last_line(tail));
		rc = -1;
	} else if (!WIFEXITED(status)) {
		*cause = xprintf("printer command killed by signal %d", WTERMSIG(status));
		rc = -1;
	} else if (ioctl(in[0], FIONREAD, &left) == 0 && left > 0) {
		*cause = xprintf("printer command exited without reading %d of %zu bytes", left, job->len);
		rc = -1;
	}
	close(in[0]);
	return rc;
}

/* The highest sequence number among the folder's NNNNNN-* files. */
static long last_sequence(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	long top = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char *end;
		long n = strtol(e->d_name, &end, 10);

		if (end == e->d_name + 6 && *end == '-' && n > top)
			top = n;
	}
	closedir(d);
	return top;
}

/* Writes data to a new temporary file in dir, flushed to disk. Returns its
 * name (to free), or NULL with *cause. */
static char *write_temp(const char *dir, const void *data, size_t len, char **cause)
{
	char *tmp = xprintf("%s/.job-XXXXXX", dir);
	int fd = mkstemp(tmp);
	size_t done = 0;

	if (fd < 0) {
		*cause = xprintf("printer folder %s: cannot create a file: %s", dir, strerror(errno));
		free(tmp);
		return NULL;
	}
	while (done < len) {
		ssize_t n = write(fd, (const char *)data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done < len || fsync(fd) != 0 || close(fd) != 0) {
		*cause = xprintf("printer folder %s: write error: %s", dir, strerror(errno));
		if (done < len)
			close(fd);
		unlink(tmp);
		free(tmp);
		return NULL;
	}
	return tmp;
}

/* Links tmp as dir/NNNNNN-job.ext (never replacing a file) and removes tmp.
 * Returns 0, 1 when the name is taken, or -1 with *cause. */
static int place(const char *tmp, const char *dir, long seq, const char *job, const char *ext, char **cause)
{
	char *name = xprintf("%s/%06ld-%s.%s", dir, seq, job, ext);
	int rc = 0;

	if (link(tmp, name) != 0) {
		if (errno == EEXIST) {
			rc = 1;
		} else {
			*cause = xprintf("printer folder %s: %s", dir, strerror(errno));
			rc = -1;
		}
	}
	free(name);
	return rc;
}

/* The file printer: the picture, then the bytes, under the next number. */
static int print_file(const struct printer *p, const struct bytes *job, const struct bitmap *preview,
		      const char *name, char **cause)
{
	size_t plen;
	uint8_t *pbm;
	char *tmp_pbm, *tmp_job = NULL;
	long seq;
	int rc = -1, taken = 1;

	if (mkdir_private(p->path) != 0) {
		*cause = xprintf("printer folder %s: cannot create it: %s", p->path, strerror(errno));
		return -1;
	}
	pbm = bitmap_pbm(preview, &plen);
	tmp_pbm = write_temp(p->path, pbm, plen, cause);
	free(pbm);
	if (tmp_pbm == NULL)
		return -1;
	tmp_job = write_temp(p->path, job->data, job->len, cause);
	if (tmp_job == NULL)
		goto out;
	/* Another process printing at the same moment takes the next number. */
	for (seq = last_sequence(p->path) + 1; taken == 1 && seq <= 999999; seq++)
		taken = place(tmp_pbm, p->path, seq, name, "pbm", cause);
	if (taken == 0)
		taken = place(tmp_job, p->path, seq - 1, name, "escpos", cause);
	if (taken == 1)
		*cause = xprintf("printer folder %s: no free job number", p->path);
	rc = taken == 0 ? 0 : -1;
out:
	unlink(tmp_pbm);
	free(tmp_pbm);
	if (tmp_job != NULL) {
		unlink(tmp_job);
		free(tmp_job);
	}
	return rc;
}

/* True when a job name is safe in a file name. */
static int job_name_ok(const char *job)
{
	size_t n = strlen(job);

	return n > 0 && n <= 32 && strspn(job, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

int printer_print(struct printer *p, const struct slip *s, const char *job, char **cause)
{
	struct bytes out = { 0 };
	struct bitmap preview;
	int rc;

	p->state = PRINTER_FAULT; /* unless a sink says better or worse */
	if (p->sink == PRINTER_NONE) {
		*cause = xstrdup("this booth has no printer ([printer] type = none)");
		return -1;
	}
	if (!job_name_ok(job)) {
		*cause = xprintf("bad job name \"%s\"", job);
		return -1;
	}
	if (printer_render(p, s, &out, &preview, cause) != 0)
		return -1;
	switch (p->sink) {
	case PRINTER_FILE:
		rc = print_file(p, &out, &preview, job, cause);
		break;
	case PRINTER_DEVICE:
		rc = print_device(p, &out, &p->state, cause);
		break;
	default:
		rc = print_command(p, &out, cause);
		break;
	}
	bytes_free(&out);
	bitmap_free(&preview);
	if (rc == 0)
		p->state = PRINTER_OK;
	return rc;
}

enum printer_state printer_state(const struct printer *p)
{
	return p->state;
}

const char *printer_state_name(enum printer_state st)
{
	static const char *const names[] = {
		[PRINTER_UNKNOWN] = "unknown", [PRINTER_OK] = "ok",
		[PRINTER_NO_PAPER] = "no_paper", [PRINTER_OFFLINE] = "offline",
		[PRINTER_FAULT] = "fault",
	};

	return (unsigned)st < sizeof names / sizeof names[0] ? names[st] : "unknown";
}
