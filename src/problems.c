/* A list of "file:line: message" problems. */
#include "problems.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util.h"

void problems_add(struct problems *p, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	p->items = xrealloc(p->items, sizeof *p->items * (size_t)(p->n + 1));
	if (line > 0)
		p->items[p->n++] = xprintf("%s:%d: %s", file, line, msg);
	else
		p->items[p->n++] = xprintf("%s: %s", file, msg);
	free(msg);
}

void problems_print(const struct problems *p, FILE *out, const char *prefix)
{
	int i;

	for (i = 0; i < p->n; i++)
		fprintf(out, "%s%s\n", prefix, p->items[i]);
}

void problems_clear(struct problems *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	p->items = NULL;
	p->n = 0;
}
