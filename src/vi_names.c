/* Common Vietnamese name syllables (see vi_names.h). Surnames in order of
 * how many people carry them, the surnames of the northern uplands' peoples
 * (Giàng, Lò, Sùng ...), the usual middle names, then frequent given names. */
#include "vi_names.h"

#include <string.h>

#include "text.h"
#include "vi_input.h"

const char *const vi_names[] = {
	/* Surnames. */
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
	"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Trịnh",
	"Mai", "Trương", "Lâm", "Lương", "Cao", "Lưu", "Tạ", "Giàng", "Lò",
	"Sùng", "Vàng", "Hà", "Mùa", "Lường", "Thào",
	/* Middle names. */
	"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân",
	"Công", "Đình", "Kim", "Thu", "Hồng", "Bích", "Quốc", "Thành", "Gia",
	/* Given names. */
	"Anh", "Hùng", "Dũng", "Hương", "Lan", "Linh", "Hải", "Tuấn", "Nam",
	"Trang", "Hoa", "Hằng", "Thảo", "Phương", "Hiếu", "Bình", "Long", "Sơn",
	"Tâm", "Hạnh", "Hiền", "Thư", "Huệ", "Cường", "Quân", "Tú", "Trung",
	"Khánh", "Nga", "Nhung", "Yến", "Vân", "Thuỷ", "Nguyên", "Tùng", "Dung",
	"Ký", "Ra", "A", "Páo", "Chứ", "Súa",
};

const size_t vi_names_count = sizeof vi_names / sizeof vi_names[0];

int vi_names_rank(const char *word)
{
	size_t i, n = strlen(word);

	for (i = 0; i < vi_names_count; i++) {
		const char *name = vi_names[i];
		size_t k = strlen(name);
		uint32_t a, b;
		size_t la, lb;

		if (k != n)
			continue;
		/* Same letters, ignoring the case of the first one. */
		la = text_decode(name, k, &a);
		lb = text_decode(word, n, &b);
		if (la == lb && la > 0 && strcmp(name + la, word + lb) == 0 &&
		    vi_upper(a) == vi_upper(b))
			return (int)i;
	}
	return -1;
}
