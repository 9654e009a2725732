// SPDX-License-Identifier: GPL-2.0
// expect: 24 41
/*
 * Bad: pages pinned with pin_user_pages() (filled in chunks, pages + done)
 * and pin_user_pages_remote() are dropped with release_pages().
 */

static long sample_pin_range(unsigned long start, unsigned long nr,
			     struct page **pages)
{
	unsigned long done = 0;
	long ret;

	mmap_read_lock(current->mm);
	while (done < nr) {
		ret = pin_user_pages(start + done * PAGE_SIZE, nr - done,
				     FOLL_WRITE, pages + done);
		if (ret <= 0)
			break;
		done += ret;
	}
	mmap_read_unlock(current->mm);
	if (done < nr) {
		release_pages(pages, done);
		return -EFAULT;
	}
	return done;
}

static long sample_pin_remote(struct mm_struct *mm, unsigned long start,
			      unsigned long nr, struct page **pages)
{
	int locked = 1;
	long ret;

	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, start, nr, 0, pages, NULL, &locked);
	if (locked)
		mmap_read_unlock(mm);
	if (ret > 0 && ret < nr) {
		release_pages(pages, ret);
		ret = -EFAULT;
	}
	return ret;
}
