#!/usr/bin/python3
"""Independent oracle for the sample projects (GDAL/OGR + GEOS, not SpatialPlan code).

Reads gis-data/layers and gis-data/samples/projects/index.json, builds each footprint in EPSG:4545
(lines buffered by width/2, points by radius), measures overlap and distance per zone layer with GEOS, applies
the policy table of the brief (the same rules gis-data/policy.json encodes) and prints the verdicts.
Exit code 1 if any sample's verdict (overall or per zone) differs from index.json's
expectedVerdict / expectedZoneVerdicts.

usage: /usr/bin/python3 tools/SpatialPlan.DataGen/oracle/check_samples.py [gis-data]
"""
import json, os, sys
from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()
DATA = sys.argv[1] if len(sys.argv) > 1 else "gis-data"
ORDER = ["clear", "advisory", "approval-required", "prohibited"]
P, AR, A, C = "prohibited", "approval-required", "advisory", "clear"

def srs(code):
    s = osr.SpatialReference(); s.ImportFromEPSG(code)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER); return s

GK = srs(4545)
TO_GK = osr.CoordinateTransformation(srs(4490), GK)

def layer_geoms(layer_id):
    ds = ogr.Open(os.path.join(DATA, "layers", layer_id + ".geojson"))
    out = []
    for f in ds.GetLayer(0):
        g = f.GetGeometryRef().Clone(); g.Transform(TO_GK)
        out.append((f.GetField("id"), f.GetField("name"), g, f))
    return out

def footprint(entry):
    path = os.path.join(DATA, "samples", "projects", entry["file"])
    if path.endswith(".txt"):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        pts = []
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"): continue
            _, x, y = line.split(",")
            pts.append((float(y) - 36000000.0, float(x)))  # X = northing, Y = zone-prefixed easting
        for e, n in pts + pts[:1]: ring.AddPoint_2D(e, n)
        g = ogr.Geometry(ogr.wkbPolygon); g.AddGeometry(ring)
    else:
        ds = ogr.Open(path); f = ds.GetLayer(0).GetNextFeature(); g = f.GetGeometryRef().Clone()
        src = ds.GetLayer(0).GetSpatialRef()
        if src is not None and src.GetAuthorityCode(None) == "4545": pass
        else: g.Transform(TO_GK)
    if entry.get("width"): g = g.Buffer(entry["width"] / 2.0, 16)
    if entry.get("radius"): g = g.Buffer(entry["radius"], 32)
    return g

RED = {"urban": (P, AR), "linear": (AR, AR), "agriculture": (P, P), "ecological": (AR, AR), "tourism": (AR, AR), "other": (P, P)}
FARM = {"urban": P, "linear": P, "ecological": P, "tourism": P, "other": P, "agriculture": A}
WET = {"urban": (AR, P), "linear": (AR, AR), "agriculture": (AR, P), "ecological": (A, A), "tourism": (A, AR), "other": (AR, P)}
BELT = {"urban": A, "linear": A, "other": A}

def zone(fp, feats, buffer_m):
    hits, dist = [], None
    for fid, name, g, f in feats:
        if not fp.Intersects(g):
            d = fp.Distance(g); dist = d if dist is None else min(dist, d); continue
        a = fp.Intersection(g).GetArea()
        if a > 1.0: hits.append((fid, a, f))
        else: dist = 0.0
    near = dist is not None and dist <= buffer_m
    return hits, near, dist

def main():
    index = json.load(open(os.path.join(DATA, "samples", "projects", "index.json"), encoding="utf-8"))
    layers = {k: layer_geoms(k) for k in ["eco-redline", "farmland", "wetlands", "urban-boundary", "showcase-belts"]}
    bad = 0
    for e in index:
        fp = footprint(e); t = e["type"]; nm = e["nationalMajor"]; verdicts = {}
        hits, near, d = zone(fp, layers["eco-redline"], 500)
        verdicts["ecological-redline"] = (RED[t][1] if nm else RED[t][0]) if hits else (A if near else C)
        hits, near, d = zone(fp, layers["farmland"], 200)
        verdicts["permanent-farmland"] = (AR if nm and FARM[t] == P else FARM[t]) if hits else C
        hits, near, d = zone(fp, layers["wetlands"], 300)
        if hits:
            imp = any(bool(f.GetField("important")) for _, _, f in hits)
            verdicts["wetland"] = WET[t][1] if imp else WET[t][0]
        else: verdicts["wetland"] = A if near else C
        union = ogr.Geometry(ogr.wkbMultiPolygon)
        for _, _, g, _ in layers["urban-boundary"]: union = union.Union(g)
        outside = fp.Difference(union).GetArea()
        verdicts["urban-boundary"] = AR if (t == "urban" and outside > 1.0) else C
        hits, near, d = zone(fp, layers["showcase-belts"], 0)
        verdicts["showcase-belt"] = BELT.get(t, C) if hits else C
        overall = max(verdicts.values(), key=ORDER.index)
        nonclear = {k: v for k, v in verdicts.items() if v != C}
        ok = overall == e["expectedVerdict"] and nonclear == e.get("expectedZoneVerdicts", nonclear); bad += 0 if ok else 1
        detail = ", ".join(f"{k}={v}" for k, v in verdicts.items() if v != C)
        print(f"{'OK ' if ok else 'BAD'} {e['file']:36s} {overall:18s} expected {e['expectedVerdict']:18s} area {fp.GetArea():10.0f} m2  [{detail}]")
    print(f"{len(index) - bad} of {len(index)} samples give their expected verdict")
    return 1 if bad else 0

sys.exit(main())
