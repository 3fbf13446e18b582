/* Writing money (see money.h). */
#include "money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

char *money_text(const struct i18n *t, int lang, long long vnd, const char *per)
{
	char digits[32], out[48], *amount, *text;
	int n, i, o = 0;

	if (vnd == 0)
		return xstrdup(i18n_get(t, lang, N_("Miễn phí")));
	n = snprintf(digits, sizeof digits, "%llu",
		     vnd < 0 ? 0ULL - (unsigned long long)vnd : (unsigned long long)vnd);
	if (vnd < 0)
		out[o++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	amount = i18n_fill_text(t, lang, N_("{n} đồng"), out);
	text = xprintf("%s%s", amount, per != NULL ? per : "");
	free(amount);
	return text;
}

const char *money_unit(const char *fee_note)
{
	const char *u;

	if (fee_note == NULL)
		return NULL;
	u = fee_note + strspn(fee_note, " ");
	return u[0] == '/' ? u : NULL; /* "/trang", "/bản", "/giao dịch" */
}

char *money_fee(const struct i18n *t, int lang, const char *fee, long long fee_vnd,
		const char *fee_note)
{
	const char *unit = money_unit(fee_note);

	if (fee == NULL)
		return NULL;
	if (fee_vnd >= 0)
		return money_text(t, lang, fee_vnd, unit);
	return xprintf("%s%s", fee, unit != NULL ? unit : "");
}
