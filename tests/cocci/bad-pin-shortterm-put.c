// SPDX-License-Identifier: GPL-2.0
// expect: 18
/*
 * Bad: pages pinned short-term with pin_user_pages_fast_shortterm() are
 * released with put_page().
 */

static int sample_copy_in(unsigned long uaddr, int nr, struct page **pages)
{
	int i, ret;

	/* Short: the copy below is done before the call returns. */
	ret = pin_user_pages_fast_shortterm(uaddr, nr, 0, pages);
	if (ret <= 0)
		return ret;
	sample_copy(pages, ret);
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	return 0;
}
