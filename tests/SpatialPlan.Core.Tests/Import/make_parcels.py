#!/usr/bin/env python3
"""Writes a GeoJSON Lines file of schematic 图斑 for import tests and measurements (independent of SpatialPlan's code).

Fields in strips between canals, as in the 河套 plain: a grid of nx x ny strips (40 m x 333 m, about 20 亩),
rotated 12 degrees, each with 5 extra vertices on each long side (shared exactly with its neighbour), in
CGCS2000 3-degree Gauss-Kruger zone 36 WITH the zone prefix (EPSG:4524, easting 36 4xx xxx m).
Every OVERLAP_EVERY-th parcel reaches 3 m into its right-hand neighbour (a known overlap of 3 m x 333 m);
every BOWTIE_EVERY-th parcel has two corners swapped (a self-intersecting ring).
Attributes use the national field names: BSM, YSDM, JBNTTBBH, TBBH, DLBM, DLMC, QSDWMC, ZLDWMC, TBMJ (m2).

usage: make_parcels.py NX NY OUT.geojsonl [OVERLAP_EVERY] [BOWTIE_EVERY]
"""
import json
import math
import sys

nx, ny, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
overlap_every = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
bowtie_every = int(sys.argv[5]) if len(sys.argv) > 5 else 20000
W, L, SEG, REACH = 40.0, 333.0, 6, 3.0
X0, Y0 = 36_405_000.0, 4_500_000.0
th = math.radians(12)
c, s = math.cos(th), math.sin(th)


def p(u, v):
    return [round(X0 + u * c - v * s, 4), round(Y0 + u * s + v * c, 4)]


def shoelace(ring):
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        a += x1 * y2 - x2 * y1
    return abs(a) / 2


with open(out, "w", encoding="utf-8") as f:
    n = 0
    for i in range(nx):
        for j in range(ny):
            n += 1
            u0, u1, v0, v1 = i * W, (i + 1) * W, j * L, (j + 1) * L
            right = u1 + (REACH if n % overlap_every == 7 and i + 1 < nx else 0)
            ring = [p(u0, v0), p(right, v0)]
            ring += [p(right, v0 + (v1 - v0) * k / SEG) for k in range(1, SEG)]
            ring += [p(right, v1), p(u0, v1)]
            ring += [p(u0, v0 + (v1 - v0) * k / SEG) for k in range(SEG - 1, 0, -1)]
            if n % bowtie_every == 11:
                k = SEG + 1  # swap the two top corners: the ring crosses itself
                ring[k], ring[k + 1] = ring[k + 1], ring[k]
            ring.append(ring[0])
            village = f"{(i // 25) * 100 + j // 40 + 1:04d}"
            props = {
                "BSM": n,
                "YSDM": "2005010100",
                "JBNTTBBH": f"150826{n:012d}",
                "TBBH": f"{(n % 9999) + 1:04d}",
                "DLBM": "0102",
                "DLMC": "水浇地",
                "QSDWMC": f"第{village}村",
                "ZLDWMC": f"第{village}村",
                "TBMJ": round(shoelace(ring), 2),
            }
            f.write(json.dumps({"type": "Feature", "properties": props,
                                "geometry": {"type": "Polygon", "coordinates": [ring]}}, ensure_ascii=False))
            f.write("\n")
