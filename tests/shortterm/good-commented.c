// SPDX-License-Identifier: GPL-2.0
// Each call has its comment: block, one-line, or // on the line above.
// expect: none
#include <linux/mm.h>

int pin_user_pages_fast_shortterm(unsigned long start, int nr_pages,
				  unsigned int gup_flags, struct page **pages);
int
pin_user_pages_fast_shortterm(unsigned long start, int nr_pages,
			      unsigned int gup_flags, struct page **pages);

static int sample(unsigned long addr, struct page **pages)
{
	int ret;

	/*
	 * Short: the page is copied to and unpinned before this function
	 * returns.
	 */
	ret = pin_user_pages_fast_shortterm(addr, 1, FOLL_WRITE, pages);
	if (ret != 1)
		return ret;
	unpin_user_page(pages[0]);

	/* Short: unpinned below, before returning. */
	if (pin_user_pages_fast_shortterm(addr, 1, 0, pages) != 1)
		return -EFAULT;
	unpin_user_page(pages[0]);

	/* Short: the statement that starts on the line above has it. */
	ret =
		pin_user_pages_fast_shortterm(addr, 1, 0, pages);
	if (ret != 1)
		return ret;
	unpin_user_page(pages[0]);

	/* Short: so is a condition that continues on the next line. */
	if (addr &&
	    pin_user_pages_fast_shortterm(addr, 1, 0, pages) == 1)
		unpin_user_page(pages[0]);

	// Short: unpinned by the caller before it returns to user space.
	return pin_user_pages_fast_shortterm(addr, 1, 0, pages);
}
