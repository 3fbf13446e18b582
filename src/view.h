/* Layout checks shared by the kiosk and kioskctl check: every screen, in
 * every language, must fit the smallest supported terminal (80x24). */
#ifndef KIOSK_VIEW_H
#define KIOSK_VIEW_H

struct config;
struct forms;
struct i18n;
struct problems;
struct screens;

/* Adds a problem for each title, label or text that would be cut, and each
 * screen whose boxes would not fit, at 80x24 in any language; forms may
 * be NULL. */
void view_check(const struct screens *s, const struct forms *forms, const struct i18n *t,
		const struct config *cfg, struct problems *p);

#endif
