# gdb script for insntrace.sh: single-step one gup_test loop iteration.
# Stops at the second gup_test ioctl (its first repeat has faulted every
# page in), then at the 100th call of TRACE_FN in it, and steps until
# TRACE_FN is entered again, writing each program counter to TRACE_OUT.
import os

import gdb

out = os.environ["TRACE_OUT"]
fn = os.environ["TRACE_FN"]
gdb.execute("set pagination off")
gdb.execute("target remote :1234")
first = gdb.Breakpoint("*gup_test_ioctl")
first.ignore_count = 1
gdb.execute("continue")
first.delete()
bp = gdb.Breakpoint("*" + fn)
bp.ignore_count = 100
gdb.execute("continue")
start = int(gdb.parse_and_eval("(unsigned long)%s" % fn))
pcs = []
while len(pcs) < 500000:
    gdb.execute("stepi", to_string=True)
    pc = int(gdb.parse_and_eval("(unsigned long)$pc"))
    if pc == start:
        break
    pcs.append(pc)
with open(out, "w") as f:
    f.writelines("%x\n" % pc for pc in pcs)
gdb.execute("kill")
