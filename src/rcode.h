/* Receipt codes: what a villager reads aloud, types on a keypad, or scans
 * from the receipt's QR to find a request again. Digits only (a numeric
 * keypad has nothing else, and digits are hard to mistake), grouped like a
 * phone number: BBB-SSSSSS-C, the booth's number, its own sequence, and a
 * check digit (Damm's algorithm: every single wrong digit and every swap
 * of two neighbours is caught).
 *
 * A booth's first 999,999 requests get six digits of sequence; from the
 * millionth on, eight (BBB-SSSSSSSS-C, 100 million more), so a booth never
 * gives a code twice and the codes it gave stay as they were. The two
 * lengths differ by two digits: a digit dropped or typed twice never turns
 * a code of one length into one of the other. */
#ifndef KIOSK_RCODE_H
#define KIOSK_RCODE_H

#define RCODE_LEN 14           /* the longest, "107-01000000-3" ("107-000042-5": 12) */
#define RCODE_SHORT_MAX 999999L  /* the last sequence number of six digits */
#define RCODE_SEQ_MAX 99999999L  /* the last of all */

/* Writes the code of request seq (1..RCODE_SEQ_MAX) at booth (1..999)
 * into out (RCODE_LEN + 1 bytes). Returns 0, or -1 when a number is out of
 * range. */
int rcode_make(int booth, long seq, char *out);

/* Reads a typed or scanned code (dashes and spaces optional) into its
 * canonical form in out. Returns 0, or -1 when it is not a code
 * rcode_make() gives: ten digits (a sequence up to RCODE_SHORT_MAX) or
 * twelve (one above it), with the right check digit. */
int rcode_parse(const char *typed, char *out);

#endif
