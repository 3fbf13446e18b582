/* Request forms: files under screens/forms/, one per form (no C per
 * form), parsed and checked like the screen files (docs/screens.md). A
 * form has steps (one group of fields per screen); each field has a type
 * that decides how it is typed and checked. */
#ifndef KIOSK_FORMDEF_H
#define KIOSK_FORMDEF_H

struct problems;

#define FORM_MAX_FIELDS 32
#define FORM_MAX_STEPS 8
#define FORM_MAX_OPTIONS 8
#define FORM_LABEL_COLS 26   /* room for a field's label on screen */

enum field_type {
	FT_TEXT,      /* free text, one line */
	FT_NAME,      /* a person's name: words capitalised, Vietnamese typing */
	FT_NUMBER,    /* digits */
	FT_PHONE,     /* a Vietnamese phone number: 10 digits starting with 0 */
	FT_CCCD,      /* a citizen ID number: 12 digits */
	FT_DATE,      /* dd/mm/yyyy, a real date, past or future (when) */
	FT_CHOICE,    /* one of the options */
	FT_YESNO,     /* Có / Không */
	FT_ADDRESS,   /* a commune (picked) and the street or hamlet (typed) */
	FT_NOTE       /* longer free text */
};

/* Which dates a date field takes, besides being real and after 1900. */
enum date_when {
	DATE_PAST,    /* today or before (a birth): "date", "date:past" */
	DATE_FUTURE,  /* today or after (until when): "date:future" */
	DATE_ANY      /* either: "date:any" */
};

struct form_field {
	char *id;                 /* key in the request's JSON */
	enum field_type type;
	enum date_when when;      /* FT_DATE */
	int required;
	char *label;              /* message id */
	char *options[FORM_MAX_OPTIONS];   /* FT_CHOICE */
	int noptions;
	int step;                 /* index into steps */
	int line;
};

struct form {
	char *id;                 /* file name without .form */
	char *file;
	char *title;              /* message id */
	char *procedure;          /* official code, NULL for feedback */
	char *kind;               /* "procedure" or "feedback" */
	int anonymous;            /* the villager may leave every field empty */
	char *steps[FORM_MAX_STEPS];        /* step titles (message ids) */
	int nsteps;
	struct form_field fields[FORM_MAX_FIELDS];
	int nfields;
	int scan[5];              /* fields a CCCD scan fills: id, name, dob, sex, address; -1 none */
};

struct forms {
	struct form *v;
	int n;
};

/* Parses one form from text. Returns 0, or -1 with problems added. */
int formdef_parse(struct form *out, const char *file, const char *id, const char *text,
		  struct problems *p);

/* Loads every *.form under dir (a missing folder is no problem: no forms). */
void formdef_load(struct forms *fs, const char *dir, struct problems *p);

/* The form of a procedure code, or of an id ("feedback"), or NULL. */
const struct form *formdef_find(const struct forms *fs, const char *code_or_id);

/* Checks a value typed for field f. Returns NULL when it is right, or the
 * Vietnamese message (a message id) to show under the field. today is
 * "YYYY-MM-DD" (dates after it, or before it for DATE_FUTURE, are
 * refused), or NULL when the clock is not known (no such check). */
const char *formdef_check(const struct form_field *f, const char *value, const char *today);

/* Frees one form / all forms. */
void formdef_free_one(struct form *f);
void formdef_free(struct forms *fs);

#endif
