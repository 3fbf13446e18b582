/* The villagers' words: the text files of assets/catalog/synonyms/ (see
 * docs/content.md), mapping what people say to what the catalog says, one
 * rule a line:
 *
 *     sổ đỏ = giấy chứng nhận quyền sử dụng đất | đăng ký đất đai
 *     cần gì = -
 *
 * Several targets are separated by |; a dash alone means the words say
 * nothing to search (the query is also read without them). Lines starting
 * with # and blank lines are ignored. Parsing checks every line and
 * reports each problem with its file and line; the same phrase twice
 * (case and marks folded) is a problem too, across files. Pure: the
 * reading of a folder is the only I/O. */
#ifndef KIOSK_SYNONYMS_H
#define KIOSK_SYNONYMS_H

#include <stddef.h>

/* One rule: a phrase and one of its targets ("" for the dash). */
struct syn_rule {
	char *file;             /* as given to the parser */
	int line;
	char *phrase;           /* as written (NFC, trimmed) */
	char *target;
};

struct syn_rules {
	struct syn_rule *v;
	size_t n, cap;
};

/* Receives one problem: file, line (0 for the whole file) and message. */
typedef void syn_report_fn(void *arg, const char *file, int line, const char *message);

/* Parses one file's text, adding its rules to out (where earlier files'
 * rules are, for duplicates). Returns the number of problems reported. */
int synonyms_parse(struct syn_rules *out, const char *file, const char *text,
		   syn_report_fn *report, void *arg);

/* Parses every *.txt file of the folder dir in name order, naming each
 * "label/NAME" in rules and problems. A missing folder holds no rules.
 * Returns the number of problems reported. */
int synonyms_load(struct syn_rules *out, const char *dir, const char *label,
		  syn_report_fn *report, void *arg);

/* Frees the rules and empties the list. */
void synonyms_free(struct syn_rules *r);

#endif
