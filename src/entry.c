/* A text entry: field plus keyboard, on-screen keyboard or keypad. */
#include "entry.h"

#include <string.h>

#include "event.h"

void entry_init(struct entry *e, enum entry_mode mode, int max_chars, int flags,
		enum vi_method method, struct keypad *keypad)
{
	memset(e, 0, sizeof *e);
	field_init(&e->field, max_chars, flags);
	field_set_method(&e->field, method, 0);
	e->mode = mode;
	e->keypad = keypad;
	osk_init(&e->osk, flags & FIELD_DIGITS);
}

void entry_free(struct entry *e)
{
	field_free(&e->field);
	if (e->keypad)
		keypad_reset(e->keypad);
	memset(e, 0, sizeof *e);
}

/* A key on a booth with only a numeric keypad, in a field of digits:
 * the digits go in as they are, # or Enter finishes. */
static enum entry_result keypad_digits(struct entry *e, uint32_t key)
{
	if (key == AK_ENTER || key == '#')
		return ENTRY_DONE;
	if (key == AK_BACKSPACE)
		return field_backspace(&e->field) ? ENTRY_CHANGED : ENTRY_UNUSED;
	if (key >= '0' && key <= '9')
		return field_key(&e->field, key) ? ENTRY_CHANGED : ENTRY_USED;
	return ENTRY_UNUSED;
}

/* A key on a booth with only a numeric keypad. */
static enum entry_result keypad_entry(struct entry *e, uint32_t key)
{
	int k;

	if (e->field.flags & FIELD_DIGITS)
		return keypad_digits(e, key);
	if (key == AK_ENTER)
		k = KEYPAD_ENTER;
	else if (key == AK_BACKSPACE)
		k = KEYPAD_BACKSPACE;
	else if ((key >= '0' && key <= '9') || key == '*' || key == '#')
		k = (int)key;
	else
		return ENTRY_UNUSED;
	switch (keypad_key(e->keypad, k, &e->field)) {
	case KEYPAD_TYPED:
		return ENTRY_CHANGED;
	case KEYPAD_DONE:
		return ENTRY_DONE;
	case KEYPAD_NOTHING:
		return ENTRY_UNUSED;
	default:
		return ENTRY_USED;
	}
}

enum entry_result entry_key(struct entry *e, uint32_t key)
{
	if (e->mode == ENTRY_KEYPAD && e->keypad)
		return keypad_entry(e, key);
	if (e->mode == ENTRY_TOUCH && e->osk_open && key >= '2' && key <= '8') {
		/* A keypad beside a touch screen walks the keyboard. */
		enum osk_result r = osk_keypad(&e->osk, (int)key, &e->field);

		if (r == OSK_DONE) {
			e->osk_open = 0;
			return ENTRY_DONE;
		}
		return r == OSK_CHANGED ? ENTRY_CHANGED : ENTRY_USED;
	}
	switch (key) {
	case AK_ENTER:
		e->osk_open = 0;
		return ENTRY_DONE;
	case AK_BACKSPACE:
		return field_backspace(&e->field) ? ENTRY_CHANGED : ENTRY_UNUSED;
	case AK_LEFT:
		return field_left(&e->field) ? ENTRY_USED : ENTRY_UNUSED;
	case AK_RIGHT:
		return field_right(&e->field) ? ENTRY_USED : ENTRY_UNUSED;
	case AK_DELETE:
		return field_delete(&e->field) ? ENTRY_CHANGED : ENTRY_USED;
	case AK_HOME:
		field_home(&e->field);
		return ENTRY_USED;
	case AK_END:
		field_end(&e->field);
		return ENTRY_USED;
	}
	if (key < 0x20 || key >= 0x110000)
		return ENTRY_UNUSED;
	return field_key(&e->field, key) ? ENTRY_CHANGED : ENTRY_USED;
}

enum entry_result entry_osk(struct entry *e, int i)
{
	switch (osk_press(&e->osk, i, &e->field)) {
	case OSK_CHANGED:
		return ENTRY_CHANGED;
	case OSK_DONE:
		e->osk_open = 0;
		return ENTRY_DONE;
	default:
		return ENTRY_USED;
	}
}

const char *entry_text(const struct entry *e)
{
	return field_text(&e->field);
}
