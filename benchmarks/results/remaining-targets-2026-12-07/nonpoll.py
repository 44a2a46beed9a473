"""nonpoll.py PERF_DATA OPS_PER_S: the busiest thread's perf samples split into those with poll on
the stack (waiting for a reply: the look and the sleep) and the rest (the client's own work),
the rest given in microseconds per operation (the thread is busy the whole time: it looks)."""
import collections
import subprocess
import sys

path, ops = sys.argv[1], float(sys.argv[2])
script = subprocess.run(["perf", "script", "-i", path, "-F", "tid,ip,sym"], capture_output=True, text=True).stdout
samples, in_poll = collections.Counter(), collections.Counter()
tid, polling = None, False


def count():
    if tid is not None:
        samples[tid] += 1
        in_poll[tid] += polling


for line in script.split("\n"):
    if line and not line[0].isspace():  # a sample's first line: its thread
        count()
        tid, polling = line.split()[0], False
    elif "__poll" in line or "do_sys_poll" in line:
        polling = True
count()
busiest, n = samples.most_common(1)[0]
rest = (n - in_poll[busiest]) / n
print(f"thread {busiest}: {n} samples, {in_poll[busiest] / n:.0%} in poll; the rest {rest / ops * 1e6:.1f} us/op")
