// SPDX-License-Identifier: GPL-2.0
// expect: 16
/*
 * Bad: the pages are pinned or got depending on a flag, but on the pin
 * path itself the error case releases them with put_page().
 */

static int sample_flag(struct sample_dev *dev, unsigned long uaddr, int nr)
{
	int i, got;

	if (dev->use_pin) {
		got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, dev->pages);
		if (got > 0 && got < nr) {
			for (i = 0; i < got; i++)
				put_page(dev->pages[i]);
			return -EFAULT;
		}
	} else {
		got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, dev->pages);
		if (got > 0 && got < nr) {
			for (i = 0; i < got; i++)
				put_page(dev->pages[i]);
			return -EFAULT;
		}
	}
	return got < 0 ? got : 0;
}
