// SPDX-License-Identifier: GPL-2.0
// expect: 20 29
/*
 * Bad: a single page pinned with pin_user_pages_fast() or
 * pin_user_pages_unlocked() is released with put_page() or folio_put().
 */

static int sample_read_word(unsigned long uaddr, u32 *val)
{
	struct page *page;
	void *kaddr;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);
	if (ret != 1)
		return ret < 0 ? ret : -EFAULT;
	kaddr = kmap_local_page(page);
	*val = *(u32 *)(kaddr + offset_in_page(uaddr));
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}

static int sample_touch(struct sample_ctx *ctx, unsigned long uaddr)
{
	if (pin_user_pages_unlocked(uaddr, 1, &ctx->page, FOLL_WRITE) != 1)
		return -EFAULT;
	set_page_dirty_lock(ctx->page);
	folio_put(page_folio(ctx->page));
	return 0;
}
