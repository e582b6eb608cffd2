#!/usr/bin/python3
"""Seeded footprints for the issue-8 benchmark at 1M 图斑 (bench/run-issue8.sh).

Twenty project footprints of the sizes planners check, each inside the data area (the embedded 杭锦后旗 boundary,
shrunk by 1 km) and over the parcels that tests/SpatialPlan.Core.Tests/Import/make_parcels.py lays out (strips on a
grid rotated 12 degrees from (36 405 000, 4 500 000) in EPSG:4524):
  fp01-fp14  rotated rectangles, one corner chamfered, 2-100 ha (log-uniform);
  fp15-fp17  irregular polygons (convex hull of 9 seeded points), 10-50 ha;
  fp18-fp19  roads: a 4-6 km line with two bends, buffered 15-20 m each side (GEOS, 8 segments a quadrant), as polygons;
  fp20       a 3 km² industrial park.
Coordinates are EPSG:4524 (zone prefix 36), as the Shapefile's, so every engine overlays the same numbers.

Writes OUT/fpNN.geojson (with a crs member) and OUT/footprints.json (name, type, wkt, area) for PostGIS and GDAL.
usage: make_footprints_1m.py --out DIR --boundary banner-boundary.geojson [--seed 4524] [--nx 3000 --ny 334]
"""
import argparse
import json
import math
import random

from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

# The parcel grid of make_parcels.py: strip width W along u, length L along v, rotated TH from (X0, Y0).
W, L, X0, Y0, TH = 40.0, 333.0, 36_405_000.0, 4_500_000.0, math.radians(12)


def grid_point(u, v):
    return X0 + u * math.cos(TH) - v * math.sin(TH), Y0 + u * math.sin(TH) + v * math.cos(TH)


def polygon(points):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in points + [points[0]]:
        ring.AddPoint_2D(round(x, 3), round(y, 3))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def rectangle(cx, cy, area, rnd):
    aspect = rnd.uniform(0.5, 2.0)
    w = math.sqrt(area * aspect)
    h = area / w
    rot = math.radians(rnd.uniform(0, 180))
    c = min(w, h) * 0.2  # chamfer one corner
    local = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2 - c), (w / 2 - c, h / 2), (-w / 2, h / 2)]
    return polygon([(cx + x * math.cos(rot) - y * math.sin(rot), cy + x * math.sin(rot) + y * math.cos(rot)) for x, y in local])


def irregular(cx, cy, area, rnd):
    r = math.sqrt(area / math.pi) * 1.25
    pts = ogr.Geometry(ogr.wkbMultiPoint)
    for k in range(9):
        a = 2 * math.pi * k / 9 + rnd.uniform(-0.3, 0.3)
        rr = r * rnd.uniform(0.6, 1.2)
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(cx + rr * math.cos(a), cy + rr * math.sin(a))
        pts.AddGeometry(p)
    hull = pts.ConvexHull()
    return polygon([hull.GetGeometryRef(0).GetPoint_2D(i) for i in range(hull.GetGeometryRef(0).GetPointCount() - 1)])


def road(cx, cy, length, half_width, rnd):
    heading = math.radians(rnd.uniform(0, 180))
    line = ogr.Geometry(ogr.wkbLineString)
    x, y = cx - math.cos(heading) * length / 2, cy - math.sin(heading) * length / 2
    line.AddPoint_2D(x, y)
    for k in range(3):
        seg = length / 3
        x, y = x + math.cos(heading) * seg, y + math.sin(heading) * seg
        line.AddPoint_2D(x, y)
        heading += math.radians(rnd.uniform(-25, 25))
    buf = line.Buffer(half_width, 8)
    ring = buf.GetGeometryRef(0)
    return polygon([ring.GetPoint_2D(i) for i in range(ring.GetPointCount() - 1)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--boundary", required=True)
    ap.add_argument("--seed", type=int, default=4524)
    ap.add_argument("--nx", type=int, default=3000)
    ap.add_argument("--ny", type=int, default=334)
    args = ap.parse_args()
    rnd = random.Random(args.seed)

    s4524 = osr.SpatialReference()
    s4524.ImportFromEPSG(4524)
    s4524.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    src = ogr.Open(args.boundary)
    area = None
    for f in src.GetLayer():
        g = f.GetGeometryRef().Clone()
        area = g if area is None else area.Union(g)
    area.AssignSpatialReference(src.GetLayer().GetSpatialRef())
    area.TransformTo(s4524)
    inner = area.Buffer(-1000)
    parcels = polygon([grid_point(0, 0), grid_point(args.nx * W, 0), grid_point(args.nx * W, args.ny * L), grid_point(0, args.ny * L)])
    allowed = inner.Intersection(parcels.Buffer(-500))

    specs = [("rect", 1)] * 14 + [("irregular", 1)] * 3 + [("road", 1)] * 2 + [("park", 1)]
    out = []
    for i, (kind, _) in enumerate(specs, start=1):
        while True:
            minx, maxx, miny, maxy = allowed.GetEnvelope()
            cx, cy = rnd.uniform(minx, maxx), rnd.uniform(miny, maxy)
            if kind == "rect":
                geom = rectangle(cx, cy, math.exp(rnd.uniform(math.log(2e4), math.log(1e6))), rnd)
            elif kind == "irregular":
                geom = irregular(cx, cy, rnd.uniform(1e5, 5e5), rnd)
            elif kind == "road":
                geom = road(cx, cy, rnd.uniform(4000, 6000), rnd.uniform(15, 20), rnd)
            else:
                geom = rectangle(cx, cy, 3e6, rnd)
            if allowed.Contains(geom) and geom.IsValid():
                break
        name = f"fp{i:02d}"
        kind_type = "linear-infrastructure" if kind == "road" else "urban-construction"
        ring = geom.GetGeometryRef(0)
        coords = [[ring.GetX(k), ring.GetY(k)] for k in range(ring.GetPointCount())]
        doc = {"type": "FeatureCollection", "name": name,
               "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4524"}},
               "features": [{"type": "Feature", "properties": {"name": f"基准测试占地 {name}（{kind}）", "schematic": True},
                             "geometry": {"type": "Polygon", "coordinates": [coords]}}]}
        with open(f"{args.out}/{name}.geojson", "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        out.append({"name": name, "kind": kind, "type": kind_type, "wkt": geom.ExportToWkt(), "areaGridM2": geom.GetArea()})
    with open(f"{args.out}/footprints.json", "w", encoding="utf-8") as f:
        json.dump({"srid": 4524, "seed": args.seed, "footprints": out}, f, ensure_ascii=False, indent=1)
    for fp in out:
        print(f"{fp['name']} {fp['kind']:9s} {fp['areaGridM2'] / 1e4:8.1f} ha")


if __name__ == "__main__":
    main()
