#!/usr/bin/python3
"""Runs whole processes one after another and records, for each, the wall time (perf_counter around the child,
including its start and exit), the CPU time (user + system of the child and its children, from getrusage, in µs:
what the process cost, which the machine's load does not inflate the way it inflates wall time) and the peak resident
set (GNU time's %M, in KiB), for bench/run-issue8.sh.

usage: issue8_timed.py OUT.json LABEL CMDFILE [--warmup N] [--fail-on 1,2]
  CMDFILE holds one shell command line a line (run by /bin/sh -c through /usr/bin/time -f %M); its stdout goes to /dev/null
  unless it redirects itself. Exit codes are recorded; the run fails on exit codes listed in --fail-on (default 1 2 and
  anything >= 126), so a broken command never passes as a fast one.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    argv = sys.argv[1:]
    out, label, cmdfile = argv[0], argv[1], argv[2]
    rest = argv[3:]
    warmup = 0
    fail_on = {1, 2}
    while rest:
        if rest[0] == "--warmup":
            warmup = int(rest[1])
            rest = rest[2:]
        elif rest[0] == "--fail-on":
            fail_on = {int(x) for x in rest[1].split(",") if x}
            rest = rest[2:]
        else:
            sys.exit(f"unknown option {rest[0]}")
    commands = [c.strip() for c in open(cmdfile, encoding="utf-8") if c.strip()]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = os.path.join(tmp, "rss")
        for i, cmd in enumerate([commands[0]] * warmup + commands):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, "/bin/sh", "-c", cmd],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = (time.perf_counter() - t0) * 1000.0
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000.0
            rss = int(open(rss_file).read().split()[-1])
            if proc.returncode in fail_on or proc.returncode >= 126:
                sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-3000:])
                sys.exit(f"{label}: exit {proc.returncode} from: {cmd[:300]}")
            if i >= warmup:
                runs.append({"ms": wall, "cpuMs": cpu, "peakRssMb": rss / 1024.0, "exit": proc.returncode})
    ms = sorted(r["ms"] for r in runs)
    rss = [r["peakRssMb"] for r in runs]
    cpu = sorted(r["cpuMs"] for r in runs)
    result = {"label": label, "n": len(runs), "warmup": warmup, "medianMs": statistics.median(ms), "minMs": ms[0],
              "maxMs": ms[-1], "cpuMedianMs": statistics.median(cpu), "cpuMinMs": cpu[0], "cpuMaxMs": cpu[-1],
              "peakRssMbMax": max(rss), "peakRssMbMedian": statistics.median(rss),
              "exitCodes": sorted({r["exit"] for r in runs}), "runs": runs}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(f"{label}: median {result['medianMs']:.1f} ms (min {ms[0]:.1f}, max {ms[-1]:.1f}, n {len(runs)}),"
          f" CPU median {result['cpuMedianMs']:.1f} ms, peak RSS {result['peakRssMbMax']:.0f} MB")


if __name__ == "__main__":
    main()
