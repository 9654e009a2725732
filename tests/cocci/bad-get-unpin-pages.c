// SPDX-License-Identifier: GPL-2.0
// expect: 21 35
/*
 * Bad: pages from get_user_pages() and get_user_pages_remote() are
 * released with unpin_user_pages*(), as if they were pinned.
 */

static int sample_get_and_copy(unsigned long start, int nr,
			       struct page **pages, void *buf)
{
	long got;
	int i;

	mmap_read_lock(current->mm);
	got = get_user_pages(start, nr, FOLL_WRITE, pages);
	mmap_read_unlock(current->mm);
	if (got <= 0)
		return -EFAULT;
	for (i = 0; i < got; i++)
		sample_copy_page(buf + i * PAGE_SIZE, pages[i]);
	unpin_user_pages_dirty_lock(pages, got, true);
	return 0;
}

static int sample_get_remote(struct mm_struct *mm, unsigned long start,
			     struct sample_buf *sb)
{
	long got;

	got = get_user_pages_remote(mm, start, sb->nr, 0, sb->pages,
				    NULL);
	if (got < 0)
		return got;
	if (got != sb->nr) {
		unpin_user_pages(sb->pages, got);
		return -EFAULT;
	}
	return 0;
}
