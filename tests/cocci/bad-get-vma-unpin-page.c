// SPDX-License-Identifier: GPL-2.0
// expect: 16
/*
 * Bad: the page from get_user_page_vma_remote() is released with
 * unpin_user_page(), as if it were pinned.
 */

static int sample_peek(struct mm_struct *mm, unsigned long addr, void *buf)
{
	struct vm_area_struct *vma;
	struct page *page;

	if (get_user_page_vma_remote(mm, addr, 0, &page, &vma) != 1)
		return -EFAULT;
	sample_copy_page(buf, page, vma);
	unpin_user_page(page);
	return 0;
}
