// SPDX-License-Identifier: GPL-2.0
// expect: 17 26
/*
 * Bad, in the calls of 6.1, which still pass a vmas argument: pages
 * pinned with pin_user_pages() and pin_user_pages_remote() released with
 * put_page().
 */

static int sample_pin_old(unsigned long start, struct page **pages)
{
	long got;

	got = pin_user_pages(start, 1, FOLL_WRITE, pages, NULL);
	if (got != 1)
		return -EFAULT;
	sample_io(pages, 1);
	put_page(pages[0]);
	return 0;
}

static void sample_pin_remote_old(struct mm_struct *mm, unsigned long start,
				  struct page *page)
{
	if (pin_user_pages_remote(mm, start, 1, 0, &page, NULL, NULL) == 1)
		sample_io(&page, 1);
	put_page(page);
}
