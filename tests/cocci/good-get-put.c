// SPDX-License-Identifier: GPL-2.0
// expect: none
/*
 * Good: pages from get_user_pages*() released with put_page(),
 * folio_put() or release_pages().
 */

static int sample_get_fast(unsigned long uaddr, int nr, struct page **pages)
{
	int i, got;

	got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (got <= 0)
		return -EFAULT;
	for (i = 0; i < got; i++) {
		set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
	return 0;
}

static long sample_get_remote(struct mm_struct *mm, unsigned long start,
			      unsigned long nr, struct page **pages)
{
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, start, nr, 0, pages, NULL, NULL);
	mmap_read_unlock(mm);
	if (ret > 0)
		release_pages(pages, ret);
	return ret;
}

static int sample_get_one(unsigned long uaddr)
{
	struct page *page;

	if (!get_user_page_fast_only(uaddr, 0, &page))
		return -EFAULT;
	folio_put(page_folio(page));
	return 0;
}
