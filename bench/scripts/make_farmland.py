#!/usr/bin/python3
"""Seeded generator of the benchmark's 100 000-parcel farmland layer and its two footprints.

Schematic benchmark data, not a map of real farmland. The parcels are a jittered grid of
quadrilaterals over the banner (real boundary from shared reference-data), rotated to follow the
河套 canals (SW-NE), grouped in blocks of 8 x 8 cells separated by one-cell canal/road strips, with a
seeded share of blocks left out (villages, drains, saline land) and a hole around 陕坝镇. Each parcel
is its grid cell shrunk toward its centroid so neighbours never overlap (a 1-2 m field ridge).

Everything is built in EPSG:4545 (CGCS2000 GK, CM 108E) and written once as EPSG:4490 GeoJSON with
7 decimals (~1 cm, as gis-data). That GeoJSON is the single source: SpatialPlan reads it, and the GeoPackage and
PostGIS tables are made from it by ogr2ogr, so all three engines see the same coordinates.

Usage: make_farmland.py --out DIR [--count 100000] [--seed 4545] [--boundary FILE]
"""
import argparse
import json
import math
import random
import sys

from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

BLOCK = 8            # cells per block side
ROTATION_DEG = 35.0  # grid rotation (canals run SW-NE)
KEEP_BLOCK = 0.78    # share of blocks that are farmland
JITTER = 0.18        # node jitter as a share of the spacing
RIDGE_M = 1.5        # gap between neighbouring parcels (metres, each side ~0.75)
SHANBA_LONLAT = (107.142267, 40.887276)  # real seat position (reference-data county_seats_wgs84)
SHANBA_HOLE_M = 3500.0


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = lon, y = lat
    return s


TO_GK = osr.CoordinateTransformation(srs(4490), srs(4545))
TO_LL = osr.CoordinateTransformation(srs(4545), srs(4490))


def load_banner(path):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    feature = layer.GetNextFeature()  # keep ds/layer/feature alive while cloning (GDAL owns the geometry)
    geom = feature.GetGeometryRef().Clone()
    geom.AssignSpatialReference(srs(4490))
    geom.Transform(TO_GK)
    return geom


def splitmix64(x):
    """A fixed integer hash (Python's hash() of tuples changed between versions)."""
    x = (x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return x ^ (x >> 31)


class Grid:
    """A rotated grid: (i, j) node indices <-> EPSG:4545 metres, with seeded per-node jitter."""

    def __init__(self, origin, spacing, seed):
        self.ox, self.oy = origin
        self.s = spacing
        self.seed = seed
        a = math.radians(ROTATION_DEG)
        self.c, self.sn = math.cos(a), math.sin(a)

    def to_world(self, u, v):
        return (self.ox + u * self.c - v * self.sn, self.oy + u * self.sn + v * self.c)

    def to_grid(self, x, y):
        dx, dy = x - self.ox, y - self.oy
        return (dx * self.c + dy * self.sn, -dx * self.sn + dy * self.c)

    def node(self, i, j):
        h1 = splitmix64((self.seed * 1_000_003 + i) * 1_000_033 + j)
        h2 = splitmix64(h1)
        ju = (h1 / 2.0**64 * 2 - 1) * JITTER * self.s
        jv = (h2 / 2.0**64 * 2 - 1) * JITTER * self.s
        return self.to_world(i * self.s + ju, j * self.s + jv)

    def quad(self, i, j):
        return [self.node(i, j), self.node(i + 1, j), self.node(i + 1, j + 1), self.node(i, j + 1)]


def ring_geom(points):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in points + [points[0]]:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def shrink(points, spacing):
    cx = sum(p[0] for p in points) / 4
    cy = sum(p[1] for p in points) / 4
    f = 1 - RIDGE_M / spacing
    return [(cx + (x - cx) * f, cy + (y - cy) * f) for x, y in points]


def grid_range(grid, env):
    minx, maxx, miny, maxy = env
    uv = [grid.to_grid(x, y) for x in (minx, maxx) for y in (miny, maxy)]
    us, vs = [p[0] for p in uv], [p[1] for p in uv]
    return (math.floor(min(us) / grid.s) - 1, math.ceil(max(us) / grid.s) + 1,
            math.floor(min(vs) / grid.s) - 1, math.ceil(max(vs) / grid.s) + 1)


def cells(banner, spacing, seed):
    """Yields (i, j, quad) for every farmland cell, in a fixed order."""
    inner = banner.Buffer(-100.0)
    sx, sy = TO_GK.TransformPoint(*SHANBA_LONLAT)[:2]
    env = banner.GetEnvelope()
    grid = Grid((env[0], env[2]), spacing, seed)
    i0, i1, j0, j1 = grid_range(grid, env)
    blocks = random.Random(seed)
    step = BLOCK + 1  # one strip per block for canals/roads
    for bi in range(i0 // step - 1, i1 // step + 1):
        for bj in range(j0 // step - 1, j1 // step + 1):
            if blocks.random() > KEEP_BLOCK:
                continue
            bi0, bj0 = bi * step, bj * step
            block_poly = ring_geom([grid.to_world(u * spacing, v * spacing) for u, v in
                                    [(bi0 - 1, bj0 - 1), (bi0 + BLOCK + 1, bj0 - 1),
                                     (bi0 + BLOCK + 1, bj0 + BLOCK + 1), (bi0 - 1, bj0 + BLOCK + 1)]])
            if not inner.Intersects(block_poly):
                continue
            whole = inner.Contains(block_poly)
            for i in range(bi0, bi0 + BLOCK):
                for j in range(bj0, bj0 + BLOCK):
                    q = grid.quad(i, j)
                    cx, cy = sum(p[0] for p in q) / 4, sum(p[1] for p in q) / 4
                    if math.hypot(cx - sx, cy - sy) < SHANBA_HOLE_M:
                        continue
                    if whole or inner.Contains(ring_geom(q)):
                        yield i, j, q


def make_parcels(banner, count, seed):
    spacing = 100.0
    for _ in range(8):
        found = sum(1 for _ in cells(banner, spacing, seed))
        if count <= found <= count * 1.01:
            break
        spacing *= math.sqrt(found / count) * (0.998 if found < count else 1.0)
    out = []
    for i, j, q in cells(banner, spacing, seed):
        out.append(shrink(q, spacing))
        if len(out) == count:
            return out, spacing
    sys.exit(f"only {len(out)} parcels fit at spacing {spacing:.2f} m; expected {count}")


def lonlat(points):
    return [[round(c, 7) for c in TO_LL.TransformPoint(x, y)[:2]] for x, y in points]


def parcel_feature(n, points):
    ll = lonlat(points)
    ll.append(ll[0])
    pid = f"PF100K-{n:06d}"
    return {"type": "Feature",
            "properties": {"id": pid, "name": f"永久基本农田图斑 {n:06d}（基准测试）",
                           "nameEn": f"Permanent basic farmland parcel {n:06d} (benchmark)",
                           "schematic": True, "basis": "bench/scripts/make_farmland.py (seeded)",
                           "source": "SpatialPlan benchmark generator; schematic, not real farmland"},
            "geometry": {"type": "Polygon", "coordinates": [ll]}}


def write_collection(path, name, features):
    fc = {"type": "FeatureCollection", "name": name, "features": features}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))


def polygon_feature(name, geom_gk, extra):
    ring = geom_gk.GetGeometryRef(0)
    pts = [ring.GetPoint_2D(k) for k in range(ring.GetPointCount())]
    ll = lonlat(pts)
    ll[-1] = ll[0]
    props = {"name": name, "schematic": True}
    props.update(extra)
    return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ll]}}


def make_footprints(banner):
    """An industrial park (~1 km2) and a 30 km road buffered 20 m, both over dense farmland."""
    sx, sy = TO_GK.TransformPoint(*SHANBA_LONLAT)[:2]
    # Park: a rotated 1150 m x 880 m block with one chamfered corner, 9 km west-south-west of 陕坝镇.
    px, py = sx - 8500.0, sy - 3000.0
    a = math.radians(12.0)
    local = [(-575, -440), (575, -440), (575, 300), (435, 440), (-575, 440)]
    park = ring_geom([(px + u * math.cos(a) - v * math.sin(a), py + u * math.sin(a) + v * math.cos(a))
                      for u, v in local])
    # Road: 30 km polyline with gentle bends, leaving the 陕坝镇 hole westwards.
    heading = [(185.0, 6000.0), (195.0, 8000.0), (188.0, 7000.0), (200.0, 9000.0)]  # degrees from east, CCW
    x, y = sx - 4000.0, sy + 1500.0
    line = ogr.Geometry(ogr.wkbLineString)
    line.AddPoint_2D(x, y)
    for deg, length in heading:
        x += length * math.cos(math.radians(deg))
        y += length * math.sin(math.radians(deg))
        line.AddPoint_2D(x, y)
    road = line.Buffer(20.0, 8)
    for name, g in (("park", park), ("road", road)):
        if not banner.Contains(g):
            sys.exit(f"footprint {name} leaves the banner; move it")
    return park, road, line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=4545)
    ap.add_argument("--footprints-only", action="store_true", help="write only the two footprints")
    ap.add_argument("--boundary", default="/work/shared/reference-data/hangjinhouqi_boundary_wgs84.geojson")
    args = ap.parse_args()

    banner = load_banner(args.boundary)
    info = {"seed": args.seed}
    if not args.footprints_only:
        parcels, spacing = make_parcels(banner, args.count, args.seed)
        write_collection(f"{args.out}/layers/farmland-100k.geojson", "permanent-farmland-100k",
                         [parcel_feature(n + 1, q) for n, q in enumerate(parcels)])
        info.update({"generator": "bench/scripts/make_farmland.py", "count": len(parcels),
                     "spacingM": round(spacing, 3)})
    park, road, line = make_footprints(banner)
    write_collection(f"{args.out}/footprints/park.geojson", "park",
                     [polygon_feature("基准测试：工业园区（约1 km²）", park, {"nameEn": "Benchmark industrial park"})])
    write_collection(f"{args.out}/footprints/road.geojson", "road",
                     [polygon_feature("基准测试：30 km 道路缓冲 20 m", road,
                                      {"nameEn": "Benchmark road, 30 km buffered 20 m (GEOS, 8 segments/quadrant)",
                                       "centerlineLengthM": round(line.Length(), 3)})])
    info.update({"parkAreaGridM2": park.GetArea(), "roadAreaGridM2": road.GetArea(),
                 "roadCenterlineM": line.Length()})
    with open(f"{args.out}/footprints/generator.json", "w", encoding="utf-8") as f:
        json.dump(info, f, indent=2)
    print(json.dumps(info))


if __name__ == "__main__":
    main()
