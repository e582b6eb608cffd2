#!/usr/bin/env python3
"""Server-side tile latency by level, without a browser: asks a running app for a 3 x 3 block of tiles (1 x 1 at levels
0-1) around a point at every level of a tiled layer's grid, in order, and prints each tile's Server-Timing `tile;dur=`
(ms; `h` = answered from the tile cache), the cold and overall p50/p95/max and the largest tile.
Usage: bench/map/tile_probe.py BASE_URL LAYER X Y   (X, Y in the working CRS, e.g. 416000 4525000)"""
import json, math, sys, urllib.error, urllib.request

base, layer, cx, cy = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
info = next(l for l in json.load(urllib.request.urlopen(base + "/api/layers"))["layers"] if l["id"] == layer)
grid = info["tiles"]
ox, oy = grid["origin"]
rows = []
for z, res in enumerate(grid["resolutions"]):
    side = grid["tileSize"] * res
    tx, ty = int((cx - ox) // side), int((oy - cy) // side)
    span = 0 if z < 2 else 1
    for dx in range(-span, span + 1):
        for dy in range(-span, span + 1):
            url = f"{base}{grid['url'].format(z=z, x=tx + dx, y=ty + dy)}"
            try:
                r = urllib.request.urlopen(url)
                body, timing = r.read(), r.headers.get("Server-Timing", "")
            except urllib.error.HTTPError:
                continue
            dur = next((float(p.split("dur=")[1].split(";")[0]) for p in timing.split(",") if p.strip().startswith("tile") and "dur=" in p), None)
            if dur is not None:
                rows.append((z, dur, "hit" in timing, len(body)))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(math.ceil(p / 100 * len(values))) - 1)]


every = [r[1] for r in rows]
cold = [r[1] for r in rows if not r[2]]
print(f"tiles {len(rows)} (cold {len(cold)}); all p50 {pct(every, 50):.1f} p95 {pct(every, 95):.1f} max {max(every):.1f} ms; "
      f"cold p50 {pct(cold, 50):.1f} p95 {pct(cold, 95):.1f} max {max(cold):.1f} ms; largest {max(r[3] for r in rows) / 1024:.1f} KB")
for z in sorted({r[0] for r in rows}):
    print(z, " ".join(("h" if r[2] else "") + f"{r[1]:.0f}" for r in rows if r[0] == z))
