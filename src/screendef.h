/* Screen definitions: the screens of the kiosk described in files under
 * screens/ (format in docs/screens.md), parsed and checked here so that a
 * bad file is reported as file:line and never reaches the drawing code. */
#ifndef KIOSK_SCREENDEF_H
#define KIOSK_SCREENDEF_H

struct problems;

#define SCREEN_MAX_CHOICES 9
#define SCREEN_MAX_TEXTS 8

struct choice {
	char key;           /* '1'..'9' */
	char *target;       /* a screen id or a built-in target (screendef_builtin) */
	char *label;        /* Vietnamese text: a message id for the catalogs */
	int line;
};

struct screen {
	char *id;           /* the file's name without ".screen" */
	char *file;         /* path, for messages */
	char *title;
	int title_line;
	int clock;          /* show the date and time in the title row */
	int columns;        /* 1 or 2 columns of choices */
	char *texts[SCREEN_MAX_TEXTS];
	int ntexts;
	struct choice choices[SCREEN_MAX_CHOICES];
	int nchoices;
	char *hint;         /* footer hint, NULL for the default */
	int broken;         /* had problems: reported, then left out */
};

struct screens {
	struct screen *v;
	int n;
};

/* What a built-in target does when chosen. */
enum builtin {
	BUILTIN_NONE,       /* not a built-in name */
	BUILTIN_BACK,       /* the previous screen */
	BUILTIN_HOME,       /* the home screen */
	BUILTIN_LANGUAGE,   /* the next language */
	BUILTIN_STATUS,     /* the booth's state (helper menu) */
	BUILTIN_QUIT,       /* quit the kiosk (helper menu only) */
	BUILTIN_PROCEDURES, /* procedure search (scr_search.c) */
	BUILTIN_NEWS,       /* the commune's announcements (scr_news.c) */
	BUILTIN_SUBMIT,     /* the request forms (scr_forms.c) */
	BUILTIN_FEEDBACK,   /* the feedback form (screens/forms/feedback.form) */
	BUILTIN_DOSSIER,    /* a dossier's status by receipt code (scr_dossier.c) */
	BUILTIN_QUEUE,      /* take a queue number (scr_queue.c) */
	BUILTIN_PAY,        /* a request's fee by VietQR (scr_pay.c) */
	BUILTIN_CALL        /* call a helper to the booth (scr_call.c) */
};

/* Parses every *.screen file in dir into s and validates targets. Problems
 * go to p; screens with problems are left out. */
void screendef_load(struct screens *s, const char *dir, struct problems *p);

/* Parses one screen from text. Returns 0, or -1 with problems added (out
 * then holds what could be read; free it with screendef_free_one). */
int screendef_parse(struct screen *out, const char *file, const char *id, const char *text,
		    struct problems *p);

/* Finds a screen by id, or NULL. */
const struct screen *screendef_find(const struct screens *s, const char *id);

/* What a built-in target name means (BUILTIN_NONE when it is not one). */
enum builtin screendef_builtin(const char *target);

/* Frees one screen's fields. */
void screendef_free_one(struct screen *sc);

/* Frees the screens and empties s. */
void screendef_free(struct screens *s);

#endif
