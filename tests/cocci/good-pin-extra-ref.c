// SPDX-License-Identifier: GPL-2.0
// expect: none
/*
 * Good: put_page() after pinning that drops a reference other than the
 * pin: an extra get_page(), or pages the array was refilled with.
 */

static int sample_frag(struct sk_buff *skb, unsigned long uaddr)
{
	struct page *pages[1];

	if (pin_user_pages_fast(uaddr, 1, 0, pages) != 1)
		return -EFAULT;
	get_page(pages[0]);
	if (sample_attach(skb, pages[0]) < 0)
		put_page(pages[0]);
	unpin_user_page(pages[0]);
	return 0;
}

static int sample_bounce(unsigned long uaddr, int nr, struct page **pages)
{
	int i, got;

	got = pin_user_pages_fast(uaddr, nr, 0, pages);
	if (got <= 0)
		return -EFAULT;
	sample_copy_out(pages, got);
	unpin_user_pages(pages, got);
	for (i = 0; i < nr; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	sample_io(pages, nr);
	for (i = 0; i < nr; i++)
		put_page(pages[i]);
	return 0;
}
