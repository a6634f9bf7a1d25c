#!/usr/bin/env python3
"""Where the machine's CPU goes: per program, in % of one core, over DURATION seconds after DELAY.

usage: cpu-split.py DURATION [DELAY]   (reads /proc; Postgres's processes are summed as one)
"""
import collections
import os
import sys
import time


def per_program():
    ticks = collections.Counter()
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/stat') as f:
                stat = f.read()
        except OSError:
            continue  # ended meanwhile
        name = stat[stat.index('(') + 1:stat.rindex(')')]
        fields = stat[stat.rindex(')') + 2:].split()
        ticks['postgres' if name.startswith('postgres') else name] += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def machine():
    with open('/proc/stat') as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return sum(fields), fields[3] + fields[4]  # all, idle + iowait


duration, delay = float(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
time.sleep(delay)
before, (all_before, idle_before) = per_program(), machine()
time.sleep(duration)
after, (all_after, idle_after) = per_program(), machine()
hz = os.sysconf('SC_CLK_TCK')
print(f'== CPU over {duration:.0f} s of the load, % of one core (machine idle {100 * (idle_after - idle_before) / (all_after - all_before):.0f} %):')
for name, ticks in sorted(after.items(), key=lambda item: before.get(item[0], 0) - item[1])[:6]:
    print(f'   {name:16s} {100 * (ticks - before.get(name, 0)) / hz / duration:6.1f} %')
