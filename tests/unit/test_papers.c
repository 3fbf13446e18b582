/* Tests for papers.c: published papers (legal paragraphs) made into
 * short names, in the order a villager needs them, with the notes,
 * special cases and online-only papers left out, and a list that cannot
 * be named told incomplete. The texts are from the published catalog. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "papers.h"
#include "text.h"

/* A paper to hand in: name, originals. */
#define PAPER(group, name, original) { group, name, NULL, original, -1, NULL, NULL }

/* Makes the names of n papers into out; returns how many. */
static int names(const struct procedure_paper *in, size_t n, char **out, int *complete)
{
	int count = papers_names(in, n, out, complete), i;

	for (i = 0; i < count; i++)
		assert_true(text_width(out[i]) <= PAPERS_NAME_MAX);
	return count;
}

/* Frees n names. */
static void free_names(char **out, int n)
{
	while (n-- > 0)
		free(out[n]);
}

static void test_birth_registration(void **state)
{
	static const struct procedure_paper in[] = {
		PAPER("Giấy tờ phải nộp", "- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.", 1),
		PAPER("Giấy tờ phải nộp", "- Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh.", 1),
		PAPER("Giấy tờ phải nộp", "- Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh.", 1),
		PAPER("Giấy tờ phải xuất trình", "- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử hoặc các giấy tờ khác có dán ảnh", 1),
		PAPER("Lưu ý", "+ Bản chụp các giấy tờ gửi kèm theo hồ sơ đăng ký khai sinh trực tuyến phải bảo đảm rõ nét.", 0),
		PAPER(NULL, "- Người có yêu cầu đăng ký khai sinh thực hiện việc nộp/xuất trình các giấy tờ sau:", 0),
		PAPER(NULL, "- Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);", 1),
		PAPER(NULL, "- Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)", 1),
	};
	static const char *const want[] = { "Tờ khai đăng ký khai sinh", "CCCD hoặc giấy tờ tùy thân",
					    "Giấy chứng sinh (bản chính)", "Văn bản ủy quyền (nếu có)" };
	char *out[PAPERS_MAX];
	int complete, n, i;

	(void)state;
	n = names(in, sizeof in / sizeof in[0], out, &complete);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		assert_string_equal(out[i], want[i]);
	assert_true(complete);
	free_names(out, n);
}

static void test_incomplete_lists(void **state)
{
	/* Alternative cases: only the first case's papers, and incomplete. */
	static const struct procedure_paper cases[] = {
		PAPER("Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình",
		      "Tờ khai thay đổi thông tin cư trú (mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).", 1),
		PAPER("Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ",
		      "Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ được công chứng.", 1),
	};
	/* A name a cut would break ("Giao dịch đã"), and one too long. */
	static const struct procedure_paper broken[] = {
		PAPER(NULL, "Giao dịch đã được công chứng, chứng thực", 1),
		PAPER(NULL, "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao và bản sao cần chứng thực, mọi trang", 1),
	};
	/* A list published as one text; a name that is only a dash. */
	static const struct procedure_paper whole[] = { { NULL, NULL, NULL, -1, -1, NULL, "Tờ khai; CCCD" },
							PAPER(NULL, "- ", 1) };
	char *out[PAPERS_MAX];
	int complete, n;

	(void)state;
	n = names(cases, 2, out, &complete);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "Tờ khai thay đổi thông tin cư trú");
	assert_false(complete);
	free_names(out, n);
	assert_int_equal(names(broken, 2, out, &complete), 0);
	assert_false(complete);
	assert_int_equal(names(whole, 2, out, &complete), 0);
	assert_false(complete);
	assert_int_equal(names(NULL, 0, out, &complete), 0);
	assert_false(complete);
}

static void test_each_name_once(void **state)
{
	static const struct procedure_paper in[] = {
		PAPER("Hồ sơ gồm", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", 1),
		PAPER("Giấy tờ phải nộp", "Tờ khai thay đổi thông tin cư trú (của từng người) (Mẫu CT01)", 1),
		PAPER("Giấy tờ phải nộp", "Bản sao Giấy khai sinh", 1),
	};
	char *out[PAPERS_MAX];
	int complete, n;

	(void)state;
	n = names(in, 3, out, &complete);
	assert_int_equal(n, 2);
	/* A copy that says so in its name gets no "(bản chính)". */
	assert_string_equal(out[1], "Bản sao Giấy khai sinh");
	free_names(out, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_birth_registration),
		cmocka_unit_test(test_incomplete_lists),
		cmocka_unit_test(test_each_name_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
