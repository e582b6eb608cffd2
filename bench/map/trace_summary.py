#!/usr/bin/env python3
"""What the page's main thread did while it loaded: a summary of MapBench's Chromium trace (MAPBENCH_TRACE=1 writes
load-trace.json). Times are ms from navigation start.

  python3 bench/map/trace_summary.py bench/results/map/browser/load-trace.json [--until MS]

Prints the main thread's busy time by kind of work (script, style and layout, paint, parse, GC), the longest top-level
tasks with what ran in them, up to --until ms (default: the whole trace)."""
import argparse
import json
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument("trace")
ap.add_argument("--until", type=float, default=None)
ap.add_argument("--top", type=int, default=15)
a = ap.parse_args()
events = json.load(open(a.trace))["traceEvents"]

# The renderer's main thread: the thread named CrRendererMain in the process that has the navigationStart mark.
names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"}
nav = [e for e in events if e.get("name") == "navigationStart" and (e["pid"], e["tid"]) in names]
if not nav:
    raise SystemExit("no navigationStart mark in the trace")
pid = nav[0]["pid"]
t0 = min(e["ts"] for e in nav if e["pid"] == pid)
main = [k for k, v in names.items() if k[0] == pid and v == "CrRendererMain"][0]
ms = lambda ts: (ts - t0) / 1000.0
until = a.until if a.until is not None else float("inf")

complete = [e for e in events if (e["pid"], e["tid"]) == main and e.get("ph") == "X" and "dur" in e and 0 <= ms(e["ts"]) <= until]
# Top-level tasks only (a ThreadControllerImpl::RunTask holds a RunTask of the same span: count it once).
tasks = []
for e in sorted((e for e in complete if e["name"] in ("RunTask", "ThreadControllerImpl::RunTask")), key=lambda e: (e["ts"], -e["dur"])):
    if not tasks or e["ts"] >= tasks[-1]["ts"] + tasks[-1]["dur"]:
        tasks.append(e)

KINDS = {
    "script": {"EvaluateScript", "v8.compile", "v8.compileModule", "FunctionCall", "TimerFire", "FireAnimationFrame", "EventDispatch",
               "v8.evaluateModule", "RunMicrotasks", "XHRReadyStateChange", "XHRLoad"},
    "style/layout": {"UpdateLayoutTree", "Layout", "RecalculateStyles", "UpdateLayerTree", "PrePaint"},
    "paint": {"Paint", "PaintImage", "CompositeLayers", "Commit", "RasterTask"},
    "parse": {"ParseHTML", "ParseAuthorStyleSheet"},
    "gc": {"MinorGC", "MajorGC", "V8.GCScavenger", "V8.GCFinalizeMC", "BlinkGC.AtomicPhase"},
}


def kind(name):
    for k, v in KINDS.items():
        if name in v:
            return k
    return None


# Self time per kind: for each top-level task, the children that are of a known kind, not nested in another counted one.
by_kind = defaultdict(float)
longest = []
for t in tasks:
    start, end = t["ts"], t["ts"] + t["dur"]
    inner = sorted((e for e in complete if start <= e["ts"] < end and e is not t and kind(e["name"])), key=lambda e: (e["ts"], -e["dur"]))
    covered_until = start
    what = defaultdict(float)
    for e in inner:
        if e["ts"] >= covered_until:
            by_kind[kind(e["name"])] += e["dur"] / 1000
            label = e["name"]
            d = e.get("args", {}).get("data", {})
            if d.get("url") or d.get("functionName"):
                label += f" {d.get('functionName', '')}@{d.get('url', '').rsplit('/', 1)[-1]}:{d.get('lineNumber', '')}"
            elif d.get("type"):
                label += f" {d['type']}"
            what[label] += e["dur"] / 1000
            covered_until = e["ts"] + e["dur"]
    longest.append((t["dur"] / 1000, ms(start), sorted(what.items(), key=lambda kv: -kv[1])[:3]))

busy = sum(t["dur"] for t in tasks) / 1000
span = (max(t["ts"] + t["dur"] for t in tasks) - t0) / 1000 if tasks else 0
# Wall time: on a loaded machine a task's span includes the time its thread waited for a core, so "busy" can fill the
# whole window; the kinds below (self time of the traced work inside the tasks) are the better guide.
print(f"main thread, navigation start to {min(until, span):.0f} ms: {len(tasks)} top-level tasks, {busy:.0f} ms of wall time in them")
for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1]):
    print(f"  {k:13s} {v:7.0f} ms")
print(f"longest tasks (ms, at ms): what ran in them")
for dur, at, what in sorted(longest, key=lambda x: -x[0])[: a.top]:
    print(f"  {dur:6.0f} at {at:6.0f}: " + "; ".join(f"{w} {d:.0f}" for w, d in what))
