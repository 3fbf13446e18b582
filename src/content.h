/* content.db: the booth's read-only catalog (procedures, administrative
 * units, announcements), built from JSON sources kept in the repository
 * (docs/content.md) and read by catalog.c. */
#ifndef KIOSK_CONTENT_H
#define KIOSK_CONTENT_H

/* The layout of content.db, stored as its PRAGMA user_version. 2: the
 * processing time in days beside each channel, short paper names. 3: the
 * search texts keep their marks; the villagers' words (synonyms). */
#define CONTENT_FORMAT 3

/* Receives one problem found in the sources, as "file: message" where file
 * is relative to the source folder. */
typedef void content_report_fn(void *arg, const char *problem);

/* Checks every source under src (procedures/, units/, announcements/,
 * synonyms/) and reports each problem through report. When out is not NULL
 * and nothing was wrong, writes content.db to out atomically: a temporary
 * file beside it, written in full and fsync'd, then renamed over out
 * (readers see the old file or the new one, never a mix). Returns 0, or -1 with *cause set
 * (a summary such as "3 problems in the sources"; the caller frees it);
 * out is left untouched on failure. */
int content_build(const char *src, const char *out, content_report_fn *report, void *arg,
		  char **cause);

#endif
