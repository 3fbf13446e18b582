/* Receipt codes: what a villager reads aloud, types on a keypad, or scans
 * from the receipt's QR to find a request again. Digits only (a numeric
 * keypad has nothing else, and digits are hard to mistake), grouped like a
 * phone number: BBB-SSSSSS-C, the booth's number, its own sequence, and a
 * check digit (Damm's algorithm: every single wrong digit and every swap
 * of two neighbours is caught). */
#ifndef KIOSK_RCODE_H
#define KIOSK_RCODE_H

#define RCODE_LEN 12    /* "107-000042-5" */

/* Writes the code of request seq (1..999999) at booth (1..999) into out
 * (RCODE_LEN + 1 bytes). Returns 0, or -1 when a number is out of range. */
int rcode_make(int booth, long seq, char *out);

/* Reads a typed or scanned code (dashes and spaces optional) into its
 * canonical form in out. Returns 0, or -1 when it is not ten digits with
 * the right check digit. */
int rcode_parse(const char *typed, char *out);

#endif
