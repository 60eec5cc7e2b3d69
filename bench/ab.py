#!/usr/bin/python3
"""Two builds of dcmap on the same command, runs alternating, medians printed.

On a shared machine the load drifts over a minute; hyperfine runs one command's runs and then
the other's, so drift lands on one side. Here the order alternates every round.

    python3 bench/ab.py OLD/dcmap NEW/dcmap "render s100.yaml -o a.png -q" 20
"""
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    old, new, args, rounds = sys.argv[1], sys.argv[2], sys.argv[3].split(), int(sys.argv[4])
    times = {old: [], new: []}
    for i in range(rounds):
        for exe in (old, new) if i % 2 == 0 else (new, old):
            start = time.perf_counter()
            subprocess.run([exe] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False)
            times[exe].append(time.perf_counter() - start)
    a, b = statistics.median(times[old]), statistics.median(times[new])
    print("old median %.1f ms, new median %.1f ms (new/old %.3f); fastest %.1f / %.1f ms"
          % (a * 1e3, b * 1e3, b / a, min(times[old]) * 1e3, min(times[new]) * 1e3))


if __name__ == "__main__":
    main()
