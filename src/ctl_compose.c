/* kioskctl compose: types Vietnamese on an ASCII-only terminal (Telex,
 * VNI or VIQR) and prints the composed text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "util.h"
#include "vi_input.h"

/* Prints the command's help. */
static void compose_help(void)
{
	printf("usage: kioskctl compose [--method telex|vni|viqr] [--old-style] [TEXT...]\n\n"
	       "Composes Vietnamese typed with plain ASCII keys and prints it as UTF-8\n"
	       "(NFC), the way the booth's keyboard does. The words of TEXT are joined\n"
	       "by spaces; with no TEXT, each line of standard input is composed.\n\n"
	       "  --method M   telex (default): s f r x j tones, z no tone, aa ee oo,\n"
	       "                 w (ă ơ ư, uow -> ươ), dd -> đ\n"
	       "               vni: 1-5 tones, 0 no tone, 6 circumflex, 7 horn, 8 breve, 9 đ\n"
	       "               viqr: ' ` ? ~ . tones, ^ ( + marks, dd -> đ, \\ before a\n"
	       "                 mark keeps it as it is\n"
	       "  --old-style  tone on the first vowel of open oa, oe, uy (hòa, thủy)\n"
	       "               instead of the modern hoà, thuỷ\n\n"
	       "Tones and marks may be typed anywhere in a word; a key typed twice\n"
	       "undoes itself. Example: kioskctl compose Nguyeenx Thij Bichs Ra\n");
}

/* Composes one text and prints it on its own line. */
static int compose_print(const char *text, enum vi_method method, int flags)
{
	char *out = vi_compose(text, method, flags);

	if (out == NULL)
		return ctl_fail("input is not valid UTF-8");
	puts(out);
	free(out);
	return 0;
}

int ctl_compose(struct ctl *ctl, int argc, char **argv)
{
	enum vi_method method = VI_TELEX;
	int flags = 0, i, rc = 0;
	char *joined = NULL, *line = NULL;
	size_t cap = 0;
	ssize_t len;

	(void)ctl;
	if (ctl_wants_help(argc, argv)) {
		compose_help();
		return 0;
	}
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--old-style") == 0) {
			flags |= VI_OLD_STYLE;
		} else if (strcmp(argv[i], "--method") == 0 && i + 1 < argc) {
			if (vi_method_parse(argv[++i], &method) != 0 || method == VI_NONE)
				return ctl_fail("unknown method '%s' (telex, vni or viqr)", argv[i]);
		} else {
			return ctl_fail("unknown option '%s' (try kioskctl compose --help)", argv[i]);
		}
	}
	if (i < argc) {
		joined = xstrdup(argv[i]);
		for (i++; i < argc; i++) {
			char *next = xprintf("%s %s", joined, argv[i]);

			free(joined);
			joined = next;
		}
		rc = compose_print(joined, method, flags);
		free(joined);
		return rc;
	}
	while (rc == 0 && (len = getline(&line, &cap, stdin)) >= 0) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		rc = compose_print(line, method, flags);
	}
	free(line);
	return rc;
}
