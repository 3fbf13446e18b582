/* The papers to bring, as names a villager reads at a glance ("Tờ khai
 * đăng ký khai sinh", "Giấy chứng sinh (bản chính)", "CCCD hoặc giấy tờ
 * tùy thân"), made from a procedure's published list, whose items are
 * often legal paragraphs. The content build makes them once and keeps them
 * with the procedure in content.db; receipts print them.
 *
 * What is kept: papers to hand in or show (not notes, not "0 bản chính",
 * not the "Lưu ý" group, not papers only for online submission, not
 * special cases opening with "Trường hợp ...", "Đối với ..."), cut to the
 * paper's name before what qualifies it (";", "(", " theo mẫu", " do ",
 * " trong trường hợp" ...), "(nếu có)" after one needed only in some case,
 * "(bản chính)" or "(bản sao)" when it fits; the form first, then the ID
 * card, then the rest as published, those "(nếu có)" last; each name once. Only the first of
 * several alternative cases (groups such as "Đăng ký thường trú vào chỗ
 * ở ... do thuê, mượn") is used. A paper whose name stays longer than
 * PAPERS_NAME_MAX, a list not split into papers, a later case and papers
 * past PAPERS_MAX make the list incomplete, and so does one with no name:
 * the receipt then points to the full list. Pure. */
#ifndef KIOSK_PAPERS_H
#define KIOSK_PAPERS_H

#include <stddef.h>

struct procedure_paper;

/* Most names kept for one procedure. */
#define PAPERS_MAX 8
/* Longest name in cells: two lines of a 58 mm receipt, less "- ". */
#define PAPERS_NAME_MAX 64

/* Makes up to PAPERS_MAX names (new strings, into out) from n published
 * papers; *complete is 1 when they stand for the whole list, 0 when some
 * could not be named. Returns how many were made. */
int papers_names(const struct procedure_paper *in, size_t n, char **out, int *complete);

#endif
