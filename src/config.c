/* The booth's configuration: defaults, then an INI file parsed by libinih.
 * Every key is declared once in the table below with its type and range;
 * an unknown section or key is an error so a typo never goes unnoticed. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "text.h"
#include "util.h"

enum kind { K_STR, K_INT, K_ENUM, K_WORDS };

struct key {
	const char *section;
	const char *name;
	enum kind kind;
	size_t offset;
	size_t size;       /* K_STR, K_ENUM: buffer size */
	int min, max;      /* K_INT */
	const char *allowed; /* K_ENUM, K_WORDS: space-separated words */
};

#define STR(s, k, f) { s, k, K_STR, offsetof(struct config, f), sizeof(((struct config *)0)->f), 0, 0, NULL }
#define INT(s, k, f, lo, hi) { s, k, K_INT, offsetof(struct config, f), 0, lo, hi, NULL }
#define ENUM(s, k, f, a) { s, k, K_ENUM, offsetof(struct config, f), sizeof(((struct config *)0)->f), 0, 0, a }
#define WORDS(s, k, f, a) { s, k, K_WORDS, offsetof(struct config, f), sizeof(((struct config *)0)->f), 0, 0, a }

static const struct key keys[] = {
	STR("booth", "id", booth_id),
	INT("booth", "number", booth_number, 1, 999),
	STR("booth", "commune", commune),
	STR("paths", "state_dir", state_dir),
	STR("paths", "content_dir", content_dir),
	STR("content", "allowed_signers", allowed_signers),
	ENUM("ui", "language", language, "vi en"),
	INT("ui", "idle_timeout", idle_timeout, 5, 3600),
	INT("ui", "idle_countdown", idle_countdown, 2, 120),
	ENUM("ui", "input", input, "keyboard touch keypad"),
	ENUM("ui", "typing", typing, "telex vni viqr none"),
	ENUM("ui", "tones", tones, "modern old"),
	ENUM("ui", "display", display, "auto console terminal"),
	ENUM("console", "size", console_size, "16x32 12x24 8x16"),
	STR("console", "font", console_font),
	ENUM("keypad", "layout", keypad_layout, "pc phone"),
	WORDS("keypad", "hash", keypad_hash, KEYMAP_WORDS),
	WORDS("keypad", "star", keypad_star, KEYMAP_WORDS),
	WORDS("keypad", "backspace", keypad_backspace, KEYMAP_WORDS),
	ENUM("printer", "type", printer_type, "file device command none"),
	STR("printer", "path", printer_path),
	STR("printer", "command", printer_command),
	INT("printer", "width", printer_width, 58, 80),
	ENUM("printer", "codepage", printer_codepage, "raster text"),
	INT("printer", "band", printer_band, 8, 2047),
	INT("printer", "timeout", printer_timeout, 1, 600),
	INT("printer", "baud", printer_baud, 0, 921600),
	STR("receipt", "lookup_url", receipt_lookup_url),
	STR("payment", "bank_bin", payment_bank_bin),
	STR("payment", "account", payment_account),
	STR("payment", "account_name", payment_account_name),
	STR("payment", "bank_name", payment_bank_name),
	ENUM("payment", "service", payment_service, "account card"),
	STR("scanner", "device", scanner_device),
	INT("scanner", "baud", scanner_baud, 1200, 115200),
	STR("upload", "url", upload_url),
	STR("upload", "token", upload_token),
	STR("upload", "ca_file", upload_ca_file),
	STR("upload", "pin", upload_pin),
	STR("upload", "proxy", upload_proxy),
	INT("upload", "timeout", upload_timeout, 2, 600),
	INT("upload", "connect_timeout", upload_connect_timeout, 1, 120),
	INT("upload", "stall_time", upload_stall_time, 1, 600),
	INT("upload", "retry_base_ms", upload_retry_base_ms, 10, 600000),
	INT("upload", "retry_max", upload_retry_max, 1, 86400),
	INT("upload", "status_interval", upload_status_interval, 1, 86400),
	INT("upload", "status_days", upload_status_days, 1, 3650),
	INT("upload", "lookup_timeout", upload_lookup_timeout, 1, 60),
	INT("privacy", "erase_after_days", privacy_erase_after_days, 0, 3650),
	STR("metrics", "textfile_dir", metrics_textfile_dir),
	INT("touch", "font_size", touch_font_size, 0, 200),
};

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	snprintf(cfg->booth_id, sizeof cfg->booth_id, "demo-01");
	cfg->booth_number = 1;
	snprintf(cfg->commune, sizeof cfg->commune, "Xã Nghĩa Hành");
	snprintf(cfg->state_dir, sizeof cfg->state_dir, "var");
	snprintf(cfg->content_dir, sizeof cfg->content_dir, "build/content");
	snprintf(cfg->language, sizeof cfg->language, "vi");
	cfg->idle_timeout = 90;
	cfg->idle_countdown = 15;
	snprintf(cfg->input, sizeof cfg->input, "keyboard");
	snprintf(cfg->typing, sizeof cfg->typing, "telex");
	snprintf(cfg->tones, sizeof cfg->tones, "modern");
	snprintf(cfg->display, sizeof cfg->display, "auto");
	snprintf(cfg->console_size, sizeof cfg->console_size, "16x32");
	snprintf(cfg->keypad_layout, sizeof cfg->keypad_layout, "pc");
	snprintf(cfg->printer_type, sizeof cfg->printer_type, "file");
	snprintf(cfg->printer_path, sizeof cfg->printer_path, "var/printer");
	cfg->printer_width = 58;
	snprintf(cfg->printer_codepage, sizeof cfg->printer_codepage, "raster");
	cfg->printer_band = 128;
	cfg->printer_timeout = 10;
	/* The National Public Service Portal's dossier lookup page; the code
	 * rides after '#', which the page ignores (docs/printing.md). */
	snprintf(cfg->receipt_lookup_url, sizeof cfg->receipt_lookup_url, "%s", CONFIG_LOOKUP_URL);
	snprintf(cfg->payment_service, sizeof cfg->payment_service, "account");
	cfg->scanner_baud = 9600;
	cfg->upload_timeout = 20;
	cfg->upload_connect_timeout = 10;
	cfg->upload_stall_time = 15;
	cfg->upload_retry_base_ms = 2000;
	cfg->upload_retry_max = 300;
	cfg->upload_status_interval = 900;
	cfg->upload_status_days = 60;
	cfg->upload_lookup_timeout = 5;
	cfg->privacy_erase_after_days = 30;
}

/* libinih goes on after a line it refuses and reports the first one, so
 * the handler keeps only the first error it finds, with the line it was
 * on (counted by read_line, as libinih counts them): a syntax error libinih
 * found on an earlier line is then not blamed on a later key. */
struct parse {
	struct config *cfg;
	FILE *f;
	int line;         /* lines read so far */
	char *error;      /* the handler's first error, or NULL */
	int error_line;   /* the line it was found on */
};

/* Stores a list of words (separated by spaces or commas) each from
 * k->allowed, as one space between words; returns an error message or NULL. */
static char *set_words(char *field, const struct key *k, const char *value)
{
	char word[32];
	size_t o = 0;

	for (value += strspn(value, " ,"); *value != '\0'; value += strspn(value, " ,")) {
		size_t n = strcspn(value, " ,");

		snprintf(word, sizeof word, "%.*s", (int)n, value);
		if (n >= sizeof word || !word_in_list(word, k->allowed))
			return xprintf("takes words from: %s (not \"%.*s\")", k->allowed, (int)n, value);
		if (o + n + 2 > k->size)
			return xprintf("is longer than %zu bytes", k->size - 1);
		o += (size_t)sprintf(field + o, "%s%s", o ? " " : "", word);
		value += n;
	}
	field[o] = '\0';
	return NULL;
}

/* Stores one value for a known key; returns an error message or NULL. */
static char *set_value(struct config *cfg, const struct key *k, const char *value)
{
	char *field = (char *)cfg + k->offset;

	if (!text_valid(value, strlen(value)))
		return xstrdup("is not valid UTF-8 text");
	switch (k->kind) {
	case K_STR: {
		char *nfc = text_nfc(value, strlen(value));

		if (nfc == NULL || strlen(nfc) >= k->size) {
			free(nfc);
			return xprintf("is longer than %zu bytes", k->size - 1);
		}
		memcpy(field, nfc, strlen(nfc) + 1);
		free(nfc);
		return NULL;
	}
	case K_INT: {
		char *end;
		long v;

		errno = 0;
		v = strtol(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' || v < k->min || v > k->max)
			return xprintf("must be a whole number from %d to %d, not \"%s\"",
				       k->min, k->max, value);
		*(int *)(void *)field = (int)v;
		return NULL;
	}
	case K_ENUM:
		if (!word_in_list(value, k->allowed))
			return xprintf("must be one of: %s (not \"%s\")", k->allowed, value);
		snprintf(field, k->size, "%s", value);
		return NULL;
	case K_WORDS:
		return set_words(field, k, value);
	}
	return NULL;
}

/* libinih callback: one key at a time; returning 0 stops with the line. */
static int on_key(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	size_t i;
	int section_known = 0;
	char *why;

	if (p->error != NULL)
		return 0;
	p->error_line = p->line;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (strcmp(keys[i].section, section) != 0)
			continue;
		section_known = 1;
		if (strcmp(keys[i].name, name) != 0)
			continue;
		why = set_value(p->cfg, &keys[i], value);
		if (why == NULL)
			return 1;
		p->error = xprintf("[%s] %s %s", section, name, why);
		free(why);
		return 0;
	}
	if (!section_known)
		p->error = xprintf("unknown section [%s] (key %s)", section, name);
	else
		p->error = xprintf("[%s] %s: unknown key", section, name);
	return 0;
}

/* libinih's reader: fgets that counts the lines. */
static char *read_line(char *str, int num, void *stream)
{
	struct parse *p = stream;

	p->line++;
	return fgets(str, num, p->f);
}

int config_load(struct config *cfg, const char *path, char **cause)
{
	struct parse p = { cfg, fopen(path, "r"), 0, NULL, 0 };
	struct keymap map;
	char *why = NULL;
	int line;

	if (p.f == NULL) {
		*cause = xprintf("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	line = ini_parse_stream(read_line, &p, on_key, &p);
	fclose(p.f);
	if (line != 0) {
		*cause = xprintf("%s:%d: %s", path, line,
				 p.error != NULL && p.error_line == line ? p.error
				 : "not a \"key = value\" line or [section] header");
		free(p.error);
		return -1;
	}
	if (keymap_init(&map, cfg, &why) != 0) {
		*cause = xprintf("%s: %s", path, why);
		free(why);
		return -1;
	}
	snprintf(cfg->path, sizeof cfg->path, "%s", path);
	return 0;
}

int config_join(char *out, unsigned size, const char *dir, const char *name)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	return n < 0 || (unsigned)n >= size ? -1 : 0;
}
