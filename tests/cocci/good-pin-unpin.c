// SPDX-License-Identifier: GPL-2.0
// expect: none
/*
 * Good: pinned pages released with unpin_user_page*(), whichever of the
 * pin_user_pages*() calls pinned them.
 */

static int sample_pin_fast(unsigned long uaddr, int nr, struct page **pages)
{
	int got;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got < 0)
		return got;
	if (got != nr) {
		unpin_user_pages(pages, got);
		return -EFAULT;
	}
	sample_dma(pages, nr);
	unpin_user_pages_dirty_lock(pages, nr, true);
	return 0;
}

static long sample_pin_remote(struct mm_struct *mm, unsigned long start,
			      unsigned long nr, struct page **pages)
{
	int locked = 1;
	long i, ret;

	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, start, nr, 0, pages, NULL, &locked);
	if (locked)
		mmap_read_unlock(mm);
	for (i = 0; i < ret; i++)
		unpin_user_page(pages[i]);
	return ret;
}

static int sample_pin_one(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_unlocked(uaddr, 1, &page, FOLL_WRITE) != 1)
		return -EFAULT;
	unpin_user_page_range_dirty_lock(page, 1, true);
	return 0;
}
