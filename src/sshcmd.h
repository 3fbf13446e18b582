/* The forced command of helpers' SSH keys: `kioskctl --ssh` in an
 * authorized_keys command="..." option (or sshd's ForceCommand) reads the
 * command the helper typed from SSH_ORIGINAL_COMMAND and runs it only if
 * it is one of the kioskctl commands allowed over SSH. The line is split
 * into words here, never by a shell: quotes ('...' and "...") group words,
 * and shell syntax outside quotes (; & | ` $ < > ( ) and the like) is
 * refused, as is anything that would let the helper pick the config or
 * write a file of their choosing. */
#ifndef KIOSK_SSHCMD_H
#define KIOSK_SSHCMD_H

/* Splits line into words (a new NULL-terminated array of new strings,
 * freed with sshcmd_free). Returns the word count, or -1 with *cause
 * (unbalanced quotes, shell syntax, control characters). */
int sshcmd_split(const char *line, char ***words, char **cause);

/* Checks the words of a command line against what helpers may run: an
 * optional leading "kioskctl", then an allowed command (and subcommand),
 * no --config, no output files. On success returns the index of the word
 * that names the command; otherwise -1 with *cause saying what is allowed. */
int sshcmd_allowed(char **words, int n, char **cause);

/* The words of a command line fit for a log: "kioskctl", the program asked
 * for when it looks like a program name ("bash"), command and subcommand
 * names helpers may run, and option names ("--json"); every
 * other word (a code, a search, text to compose: it may be a villager's
 * name or number) is only counted: "kioskctl compose (2 more words)". A
 * new string. */
char *sshcmd_summary(char **words, int n);

/* Frees what sshcmd_split() returned. */
void sshcmd_free(char **words);

#endif
