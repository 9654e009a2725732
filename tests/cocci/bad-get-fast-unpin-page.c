// SPDX-License-Identifier: GPL-2.0
// expect: 29 39
/*
 * Bad: pages from get_user_pages_fast() and get_user_pages_unlocked()
 * released with unpin_user_page() and unpin_user_page_range_dirty_lock().
 */

static void sample_release(struct page **pages, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		put_page(pages[i]);
}

static int sample_fast(unsigned long uaddr, int nr, struct page **pages)
{
	int i, got;

	got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (got <= 0)
		return -EFAULT;
	if (got < nr) {
		sample_release(pages, got);
		return -EFAULT;
	}
	sample_io(pages, nr);
	for (i = 0; i < nr; i++)
		unpin_user_page(pages[i]);
	return 0;
}

static int sample_one(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_unlocked(uaddr, 1, &page, FOLL_WRITE) != 1)
		return -EFAULT;
	unpin_user_page_range_dirty_lock(page, 1, true);
	return 0;
}
