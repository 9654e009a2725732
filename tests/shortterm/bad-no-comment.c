// SPDX-License-Identifier: GPL-2.0
// A short-term pin needs a comment just above its statement: lines 14,
// 20, 25, 28, 29 and 32 (a line ending in "+" does not continue a call).
// expect: 14 20 25 28 29 32
#include <linux/mm.h>

static int sample(unsigned long addr, struct page **pages)
{
	int ret;

	/* A comment that ends before the code in between does not count. */
	ret = 0;

	ret = pin_user_pages_fast_shortterm(addr, 1, FOLL_WRITE, pages);
	if (ret != 1)
		return ret;
	unpin_user_page(pages[0]);

	ret = 1;
	if (pin_user_pages_fast_shortterm(addr, 1, 0, pages) != 1)
		return -EFAULT;
	unpin_user_page(pages[0]);

	ret =
		pin_user_pages_fast_shortterm(addr, 1, 0, pages);
	unpin_user_page(pages[0]);

	ret = (int)pin_user_pages_fast_shortterm(addr, 1, 0, pages);
	ret = ret ? pin_user_pages_fast_shortterm(addr, 1, 0, pages) : 0;

	return ret +
		pin_user_pages_fast_shortterm(addr, 1, 0, pages);
}
