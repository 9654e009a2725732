// SPDX-License-Identifier: GPL-2.0
// expect: 17
/*
 * Bad: pages pinned with pin_user_pages_fast() are released one by one
 * with put_page() in a loop, as if they came from get_user_pages_fast().
 */

static int sample_dma_map(unsigned long uaddr, int nr, struct page **pages)
{
	int i, got;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got < 0)
		return got;
	if (got != nr) {
		for (i = 0; i < got; i++)
			put_page(pages[i]);
		return -EFAULT;
	}
	sample_dma_start(pages, nr);
	unpin_user_pages(pages, nr);
	return 0;
}
