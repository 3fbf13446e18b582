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

/* K_WORD is one of a list of words kept as text (the language names a
 * catalog, the console size a font file); K_ENUM is one of a list of
 * words stored as an enum: the word's place in the list, or values[place]
 * when the key has values; K_WORDS is a list of words from allowed, kept
 * as text. */
enum kind { K_STR, K_INT, K_WORD, K_ENUM, K_WORDS };

struct key {
	const char *section;
	const char *name;
	enum kind kind;
	size_t offset;
	size_t size;       /* K_STR, K_WORD: buffer size */
	int min, max;      /* K_INT */
	const char *const *words; /* K_WORD, K_ENUM: the words allowed, NULL last */
	const int *values;        /* K_ENUM: the enum of each word, NULL: its place */
	const char *allowed;      /* K_WORDS: space-separated words */
};

/* The size of field f, checked to be an int's for an enum (a compile
 * error otherwise: an ENUM over a text field would overwrite it). */
#define FIELD_SIZE(f) sizeof(((struct config *)0)->f)
#define ENUM_SIZE(f) sizeof(char[FIELD_SIZE(f) == sizeof(int) ? sizeof(int) : -1])

#define STR(s, k, f) { s, k, K_STR, offsetof(struct config, f), FIELD_SIZE(f), 0, 0, NULL, NULL, NULL }
#define INT(s, k, f, lo, hi) { s, k, K_INT, offsetof(struct config, f), 0, lo, hi, NULL, NULL, NULL }
#define WORD(s, k, f, w) { s, k, K_WORD, offsetof(struct config, f), FIELD_SIZE(f), 0, 0, w, NULL, NULL }
#define ENUM(s, k, f, w) { s, k, K_ENUM, offsetof(struct config, f), ENUM_SIZE(f), 0, 0, w, NULL, NULL }
#define ENUM_AS(s, k, f, w, v) { s, k, K_ENUM, offsetof(struct config, f), ENUM_SIZE(f), 0, 0, w, v, NULL }
#define WORDS(s, k, f, a) { s, k, K_WORDS, offsetof(struct config, f), FIELD_SIZE(f), 0, 0, NULL, NULL, a }

/* The words of each choice, in the order of its enum (or of values). */
static const char *const languages[] = { "vi", "en", NULL };
static const char *const inputs[] = { "keyboard", "touch", "keypad", NULL };
static const char *const keypad_styles[] = { "predictive", "multitap", NULL };
static const char *const typings[] = { "telex", "vni", "viqr", "none", NULL };
static const int typing_values[] = { VI_TELEX, VI_VNI, VI_VIQR, VI_NONE };
static const char *const tones[] = { "modern", "old", NULL };
static const char *const displays[] = { "auto", "console", "terminal", NULL };
static const char *const console_sizes[] = { "16x32", "12x24", "8x16", NULL };
static const char *const keypad_layouts[] = { "pc", "phone", NULL };
static const char *const printer_types[] = { "file", "device", "command", "none", NULL };
static const char *const codepages[] = { "raster", "text", NULL };
static const char *const services[] = { "account", "card", NULL };
static const char *const yes_no[] = { "no", "yes", NULL };

static const struct key keys[] = {
	STR("booth", "id", booth_id),
	INT("booth", "number", booth_number, 1, 999),
	STR("booth", "commune", commune),
	STR("paths", "state_dir", state_dir),
	STR("paths", "content_dir", content_dir),
	STR("content", "allowed_signers", allowed_signers),
	WORD("ui", "language", language, languages),
	INT("ui", "idle_timeout", idle_timeout, 5, 3600),
	INT("ui", "idle_countdown", idle_countdown, 2, 120),
	ENUM("ui", "input", input, inputs),
	ENUM("ui", "keypad", keypad_style, keypad_styles),
	ENUM_AS("ui", "typing", typing, typings, typing_values),
	ENUM("ui", "tones", tones, tones),
	ENUM("ui", "display", display, displays),
	WORD("console", "size", console_size, console_sizes),
	STR("console", "font", console_font),
	ENUM("keypad", "layout", keypad_layout, keypad_layouts),
	WORDS("keypad", "hash", keypad_hash, KEYMAP_WORDS),
	WORDS("keypad", "star", keypad_star, KEYMAP_WORDS),
	WORDS("keypad", "backspace", keypad_backspace, KEYMAP_WORDS),
	WORDS("keypad", "voice", keypad_voice, KEYMAP_WORDS),
	ENUM("printer", "type", printer_type, printer_types),
	STR("printer", "path", printer_path),
	STR("printer", "command", printer_command),
	INT("printer", "width", printer_width, 58, 80),
	ENUM("printer", "codepage", printer_codepage, codepages),
	INT("printer", "band", printer_band, 8, 2047),
	INT("printer", "timeout", printer_timeout, 1, 600),
	INT("printer", "baud", printer_baud, 0, 921600),
	STR("receipt", "lookup_url", receipt_lookup_url),
	STR("payment", "bank_bin", payment_bank_bin),
	STR("payment", "account", payment_account),
	STR("payment", "account_name", payment_account_name),
	STR("payment", "bank_name", payment_bank_name),
	ENUM("payment", "service", payment_service, services),
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
	ENUM("voice", "enabled", voice_enabled, yes_no),
	STR("voice", "voice", voice_vi),
	STR("voice", "voice_en", voice_en),
	INT("voice", "rate", voice_rate, 80, 450),
	INT("voice", "volume", voice_volume, 0, 200),
	STR("voice", "player", voice_player),
	STR("voice", "cache_dir", voice_cache_dir),
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
	cfg->input = INPUT_KEYBOARD;
	cfg->keypad_style = KEYPAD_PREDICTIVE;
	cfg->typing = VI_TELEX;
	cfg->tones = TONES_MODERN;
	cfg->display = DISPLAY_AUTO;
	snprintf(cfg->console_size, sizeof cfg->console_size, "16x32");
	cfg->keypad_layout = LAYOUT_PC;
	cfg->printer_type = PRINTER_FILE;
	snprintf(cfg->printer_path, sizeof cfg->printer_path, "var/printer");
	cfg->printer_width = 58;
	cfg->printer_codepage = CODEPAGE_RASTER;
	cfg->printer_band = 128;
	cfg->printer_timeout = 10;
	/* The National Public Service Portal's dossier lookup page; the code
	 * rides after '#', which the page ignores (docs/printing.md). */
	snprintf(cfg->receipt_lookup_url, sizeof cfg->receipt_lookup_url, "%s", CONFIG_LOOKUP_URL);
	cfg->payment_service = SERVICE_ACCOUNT;
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
	snprintf(cfg->voice_vi, sizeof cfg->voice_vi, "vi");
	snprintf(cfg->voice_en, sizeof cfg->voice_en, "en");
	cfg->voice_rate = 140;
	cfg->voice_volume = 100;
	snprintf(cfg->voice_player, sizeof cfg->voice_player, "aplay -q");
}

/* The place of word among words (NULL last), or -1. */
static int word_place(const char *word, const char *const *words)
{
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], word) == 0)
			return i;
	return -1;
}

/* "must be one of: a b c (not "value")". */
static char *not_one_of(const char *const *words, const char *value)
{
	char list[256] = "";
	size_t used = 0;
	int i;

	for (i = 0; words[i] != NULL && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? " " : "",
					 words[i]);
	return xprintf("must be one of: %s (not \"%s\")", list, value);
}

const char *config_word(const char *section, const char *name, int value)
{
	size_t i;
	int w;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const struct key *k = &keys[i];

		if (k->kind != K_ENUM || strcmp(k->section, section) != 0 || strcmp(k->name, name) != 0)
			continue;
		for (w = 0; k->words[w] != NULL; w++)
			if ((k->values ? k->values[w] : w) == value)
				return k->words[w];
	}
	return "?";
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
	case K_WORD:
	case K_ENUM: {
		int place = word_place(value, k->words);

		if (place < 0)
			return not_one_of(k->words, value);
		if (k->kind == K_WORD)
			snprintf(field, k->size, "%s", value);
		else
			*(int *)(void *)field = k->values ? k->values[place] : place;
		return NULL;
	}
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
