/* The booth's configuration: one INI file, with defaults that make a fresh
 * checkout run offline (demo content, state in ./var, a file printer). */
#ifndef KIOSK_CONFIG_H
#define KIOSK_CONFIG_H

#include "vi_input.h"

#define CONFIG_STR 512

/* The choices of the config, parsed once by config_load: the rest of the
 * program compares these, never the words. */
enum ui_input { INPUT_KEYBOARD, INPUT_TOUCH, INPUT_KEYPAD };   /* [ui] input */
enum ui_tones { TONES_MODERN, TONES_OLD };                     /* [ui] tones */
enum ui_display { DISPLAY_AUTO, DISPLAY_CONSOLE, DISPLAY_TERMINAL }; /* [ui] display */
enum keypad_layout { LAYOUT_PC, LAYOUT_PHONE };                /* [keypad] layout */
enum keypad_style { KEYPAD_PREDICTIVE, KEYPAD_MULTITAP };      /* [ui] keypad */
enum printer_type { PRINTER_FILE, PRINTER_DEVICE, PRINTER_COMMAND, PRINTER_NONE };
enum printer_codepage { CODEPAGE_RASTER, CODEPAGE_TEXT };     /* [printer] codepage */
enum payment_service { SERVICE_ACCOUNT, SERVICE_CARD };       /* [payment] service */

/* The default [receipt] lookup_url: the National Public Service Portal's
 * dossier lookup page, the receipt code after '#'. */
#define CONFIG_LOOKUP_URL "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html#{code}"

struct config {
	char path[CONFIG_STR];        /* file it came from, "" for the default */
	/* [booth] */
	char booth_id[64];
	int booth_number;             /* 1..999: first digits of receipt codes */
	char commune[CONFIG_STR];     /* shown in the title, e.g. "Xã Nghĩa Hành" */
	/* [paths] */
	char state_dir[CONFIG_STR];   /* state.db, receipts/, logs */
	char content_dir[CONFIG_STR]; /* content.db, screens/, locale/, assets/ */
	/* [content] */
	char allowed_signers[CONFIG_STR]; /* keys trusted to sign bundles, "" none */
	/* [ui] */
	char language[16];            /* catalog shown first, "vi" */
	int idle_timeout;             /* seconds without input before the countdown */
	int idle_countdown;           /* seconds the countdown lasts */
	enum ui_input input;          /* keyboard | touch | keypad */
	enum keypad_style keypad_style; /* predictive | multitap (keypad booths) */
	enum vi_method typing;        /* telex | vni | viqr | none (keyboard) */
	enum ui_tones tones;          /* modern (hoà) | old (hòa) */
	enum ui_display display;      /* auto | console | terminal (glyphs.h) */
	/* [console] */
	char console_size[16];        /* 8x16 | 12x24 | 16x32: the packaged font */
	char console_font[CONFIG_STR];/* another PSF font; "" the packaged one */
	/* [keypad] (input = keypad; see keymap.h) */
	enum keypad_layout keypad_layout; /* pc | phone: the defaults below */
	char keypad_hash[64];         /* keys acting as #, "" the layout's */
	char keypad_star[64];         /* keys acting as * */
	char keypad_backspace[64];    /* keys acting as Backspace */
	char keypad_voice[64];        /* keys that say the screen again */
	/* [printer] */
	enum printer_type printer_type; /* file | device | command | none */
	char printer_path[CONFIG_STR];/* folder (file), device path (device) */
	char printer_command[CONFIG_STR];
	int printer_width;            /* 58 or 80 (mm) */
	enum printer_codepage printer_codepage; /* raster (Unifont dots) | text (own font, no marks) */
	int printer_band;             /* dot rows per GS v 0 command */
	int printer_timeout;          /* seconds a device or command may stall */
	int printer_baud;             /* serial printers; 0 keeps the port's speed */
	/* [receipt] */
	char receipt_lookup_url[CONFIG_STR]; /* "" the QR holds the code; else {code} */
	/* [payment] (VietQR) */
	char payment_bank_bin[16];    /* 6-digit NAPAS bank id; "" no payment */
	char payment_account[64];
	char payment_account_name[CONFIG_STR];
	char payment_bank_name[CONFIG_STR];
	enum payment_service payment_service; /* account | card */
	/* [scanner] */
	char scanner_device[CONFIG_STR]; /* serial/USB-CDC QR scanner, "" none */
	int scanner_baud;
	/* [upload] */
	char upload_url[CONFIG_STR];  /* "" keeps the booth offline */
	char upload_token[CONFIG_STR];
	char upload_ca_file[CONFIG_STR];
	char upload_pin[CONFIG_STR];  /* libcurl CURLOPT_PINNEDPUBLICKEY */
	char upload_proxy[CONFIG_STR];
	int upload_timeout;           /* seconds for one request */
	int upload_connect_timeout;   /* seconds to connect */
	int upload_stall_time;        /* seconds under 100 bytes/s before giving up */
	int upload_retry_base_ms;     /* first retry after half to all of this */
	int upload_retry_max;         /* seconds: longest backoff */
	int upload_status_interval;   /* seconds between dossier status refreshes */
	int upload_status_days;       /* refresh the statuses of requests this recent */
	int upload_lookup_timeout;    /* seconds for `kioskctl dossier` online */
	/* [privacy] */
	int privacy_erase_after_days; /* erase a request's details this long after
				       * the server acknowledged it; 0 never */
	/* [metrics] */
	char metrics_textfile_dir[CONFIG_STR]; /* node_exporter's textfile
				       * collector folder the upload worker
				       * writes kiosk.prom into; "" none */
	/* [voice] (voice.h, docs/config.md) */
	int voice_enabled;            /* yes (1) | no (0): say each screen aloud */
	char voice_vi[64];            /* espeak-ng voice for Vietnamese */
	char voice_en[64];            /* ... and for English */
	int voice_rate;               /* words per minute */
	int voice_volume;             /* espeak-ng amplitude, 100 normal */
	char voice_player[CONFIG_STR];/* plays a WAV file given as its last word */
	char voice_cache_dir[CONFIG_STR]; /* synthesised prompts; "" STATE_DIR/voice */
	/* [touch] (read by the touch session, kiosk-touch-session) */
	int touch_font_size;          /* letter size in pixels; 0 fits 80x24 */
};

/* Fills cfg with the embedded defaults. */
void config_defaults(struct config *cfg);

/* Loads path over the defaults. Returns 0, or -1 with *cause set to a
 * message naming the file, line and key (the caller frees it). */
int config_load(struct config *cfg, const char *path, char **cause);

/* The word of the config file for the value of a choice, e.g.
 * config_word("printer", "type", PRINTER_COMMAND) is "command"; "?" for
 * a key that is no choice or a value out of range. */
const char *config_word(const char *section, const char *name, int value);

/* Writes "dir/name" into out (size bytes). Returns -1 when it does not fit. */
int config_join(char *out, unsigned size, const char *dir, const char *name);

#endif
