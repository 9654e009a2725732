// SPDX-License-Identifier: GPL-2.0
// expect: none
/*
 * Good: the page from get_user_page_vma_remote() is released with
 * put_page().
 */

static int sample_peek_ok(struct mm_struct *mm, unsigned long addr, void *buf)
{
	struct vm_area_struct *vma;
	struct page *page;

	if (get_user_page_vma_remote(mm, addr, 0, &page, &vma) != 1)
		return -EFAULT;
	sample_copy_page(buf, page, vma);
	put_page(page);
	return 0;
}
