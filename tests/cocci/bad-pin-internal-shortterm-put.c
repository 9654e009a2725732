// SPDX-License-Identifier: GPL-2.0
// expect: 17 29
/*
 * Bad: pages pinned with mm/'s own short-term pins,
 * pin_user_pages_remote_shortterm() and pin_user_pages_unlocked_shortterm(),
 * are released with put_page() and release_pages().
 */

static int sample_peek(struct mm_struct *mm, unsigned long uaddr)
{
	struct page *page;
	int locked = 1;

	if (pin_user_pages_remote_shortterm(mm, uaddr, 1, 0, &page, &locked) != 1)
		return -EFAULT;
	sample_read(page);
	put_page(page);
	return 0;
}

static int sample_copy(unsigned long uaddr, struct page **pages, int nr)
{
	long ret = pin_user_pages_unlocked_shortterm(uaddr, nr, pages, 0);

	if (ret <= 0)
		return ret;
	sample_read_pages(pages, ret);
	/* Short: the read above is done. */
	release_pages(pages, ret);
	return 0;
}
