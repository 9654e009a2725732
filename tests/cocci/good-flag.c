// SPDX-License-Identifier: GPL-2.0
// expect: none
/*
 * Good: one pages array filled by pin_user_pages_fast() or
 * get_user_pages_fast() depending on a flag, and released by the same
 * flag, as drivers that support both do.
 */

static void sample_put_pages(struct sample_dev *dev, int nr)
{
	int i;

	if (dev->use_pin) {
		unpin_user_pages(dev->pages, nr);
	} else {
		for (i = 0; i < nr; i++)
			put_page(dev->pages[i]);
	}
}

static int sample_get_pages(struct sample_dev *dev, unsigned long uaddr,
			    int nr)
{
	int i, got;

	if (dev->use_pin)
		got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, dev->pages);
	else
		got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, dev->pages);
	if (got <= 0)
		return -EFAULT;
	if (got < nr) {
		if (dev->use_pin) {
			unpin_user_pages(dev->pages, got);
		} else {
			for (i = 0; i < got; i++)
				put_page(dev->pages[i]);
		}
		return -EFAULT;
	}
	sample_io(dev);
	sample_put_pages(dev, nr);
	return 0;
}
