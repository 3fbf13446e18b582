/* What the booth says aloud ([voice] in the config): the words of a screen
 * for a villager who reads slowly, taken from the same catalogs as the
 * screen text. A catalog may give a string a spoken form of its own, an
 * entry with msgctxt "voice" ("Số CCCD" is said "Số căn cước công dân");
 * codes are said digit by digit and dates in words. A prompt is a list of
 * segments, each one string of the catalogs (or made of them), so that a
 * content bundle can ship a recording for any one of them.
 *
 * Pure: this decides what to say and under which file name; kioskctl
 * voice (ctl_voice.c) synthesises with espeak-ng and plays, in a child
 * process of the kiosk (app_voice.c). */
#ifndef KIOSK_VOICE_H
#define KIOSK_VOICE_H

#include <stddef.h>

struct config;
struct forms;
struct i18n;
struct problems;
struct screen;
struct screens;

#define VOICE_CTX "voice"      /* the msgctxt of spoken-only strings */
#define VOICE_SEGS 32          /* segments of one prompt, at most */
#define VOICE_KEY 17           /* a file name's 16 hex digits and NUL */

/* The folder of a content's recorded prompts, VOICE_DIR/LANG/KEY.wav. */
#define VOICE_DIR "voice"

/* A prompt: the segments said one after the other. */
struct voice_text {
	char *seg[VOICE_SEGS];
	int n;
};

/* What the words are said in: the catalogs, a language, the booth. */
struct voice_env {
	const struct i18n *i18n;
	int lang;
	const struct config *cfg;
};

/* The spoken form of msgid in env's language: the catalog's "voice"
 * entry when it has one, else the written translation (or msgid). */
const char *voice_tr(const struct voice_env *e, const char *msgid);

/* Text as said: symbols drawn for the eye (▶ ◀ ● … and the like) left
 * out, "·" a comma (a pause), spaces folded. A new string, "" when nothing is left to say. */
char *voice_clean(const char *text);

/* Adds text (cleaned) as the next segment; nothing when it says nothing
 * or v is full. */
void voice_add(struct voice_text *v, const char *text);

/* Adds msgid said in env's language, with {commune} and {language}. */
void voice_add_msg(struct voice_text *v, const struct voice_env *e, const char *msgid);

/* Frees the segments and empties v. */
void voice_free(struct voice_text *v);

/* The digits of code said one by one in env's language, groups (split by
 * anything that is not a digit) separated by commas: "107-000042-4" is
 * "một không bảy, không không không không bốn hai, bốn". New string. */
char *voice_digits(const struct voice_env *e, const char *code);

/* A day said in words: "ngày 27 tháng 11 năm 2026", "November 27, 2026".
 * New string. */
char *voice_date(const struct voice_env *e, int year, int month, int day);

/* A numbered choice as said: "Bấm số một: Tìm thủ tục" ("0" is "không").
 * label is a message id. New string. */
char *voice_choice(const struct voice_env *e, char key, const char *label);

/* The prompt of a screen file: its title and texts, then (with choices)
 * each numbered choice, and "0" back on screens other than home. */
void voice_screen(const struct voice_env *e, const struct screen *s, int choices,
		  struct voice_text *v);

/* The espeak-ng voice for the language with this code: [voice] voice for
 * Vietnamese, [voice] voice_en for English, else the code itself. */
const char *voice_name(const struct config *cfg, const char *lang);

/* The name a recording of text takes in a content bundle (VOICE_DIR/LANG/
 * KEY.wav): the first 16 hex digits of the SHA-256 of the text as said. */
void voice_key(const char *text, char out[VOICE_KEY]);

/* The name of text synthesised by a voice at a rate and volume in the
 * cache: the same digits over all four, so a change of any is a new file. */
void voice_cache_key(const char *voice, int rate, int volume, const char *text,
		     char out[VOICE_KEY]);

/* The checks of `kioskctl check`: every screen and form has something to
 * say in every language, and the words the voice adds (digits, months,
 * choices) are in every catalog. Problems go to p. */
void voice_check(const struct screens *s, const struct forms *f, const struct i18n *t,
		 const struct config *cfg, struct problems *p);

#endif
