#!/usr/bin/python3
"""Independent oracle for the sample projects: overlap areas per zone layer and level (GDAL/OGR + GEOS).

Not SpatialPlan code. Builds each footprint in EPSG:4545 (lines buffered by width/2, points by radius), intersects it
with every zone and guidance layer of gis-data/layers (a GeoPackage layer, <id>.gpkg in EPSG:4545, through its R-tree;
otherwise <id>.geojson), and reports the overlap area per (layer, level) in m2 (EPSG:4545
grid area, not scale-corrected), the features hit, and the jurisdiction figures against the banner boundary and the
neighbouring counties. The expectations in index.json are written from these figures.

usage:
  /usr/bin/python3 tools/SpatialPlan.DataGen/oracle/sample_overlaps.py gis-data
      recompute every sample of samples/projects/index.json, print a table, and compare with its "overlaps"
      (exit 1 on any difference over 0.05 m2 or 1e-6 relative)
  /usr/bin/python3 tools/SpatialPlan.DataGen/oracle/sample_overlaps.py gis-data --specs
      read [{"file","width","radius","crs"}] on stdin, print {"<file>": overlaps} as JSON (the generator does this)
"""
import json, os, sys
from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

# Zone and guidance layers of gis-data, with their category (docs/rules-model.md §3). Kept here, not read from
# catalog.json, so the oracle does not depend on the file it helps to check.
LAYERS = [
    ("eco-redline", "ecological-redline"),
    ("nature-reserves", "nature-reserve"),
    ("farmland", "permanent-farmland"),
    ("general-farmland", "general-farmland"),
    ("wetlands", "wetland"),
    ("water-management", "water-management"),
    ("desertification-closures", "desertification-closure"),
    ("urban-boundary", "urban-boundary"),
    ("showcase-belts", "showcase-belt"),
    ("town-structure", "town-structure"),
]


def srs(code):
    s = osr.SpatialReference(); s.ImportFromEPSG(code)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER); return s


TO_GK = osr.CoordinateTransformation(srs(4490), srs(4545))


class Layer:
    """A zone layer's features in EPSG:4545: a GeoPackage layer (layers/<id>.gpkg, the embedded farmland) is read
    through its R-tree, only where a footprint needs it; a GeoJSON layer (EPSG:4490) is read whole and projected."""

    def __init__(self, data, layer_id):
        self.features, self.ds, self.lyr = [], None, None
        gpkg = os.path.join(data, "layers", layer_id + ".gpkg")
        path = os.path.join(data, "layers", layer_id + ".geojson")
        if os.path.exists(gpkg):
            self.ds = ogr.Open(gpkg)
            self.lyr = self.ds.GetLayerByName(layer_id) or self.ds.GetLayer(0)
            code = self.lyr.GetSpatialRef().GetAuthorityCode(None)
            if code != "4545":
                raise SystemExit(f"{gpkg}: EPSG:{code}, expected the working CRS EPSG:4545")
        elif os.path.exists(path):
            ds = ogr.Open(path)
            for f in ds.GetLayer(0):
                g = f.GetGeometryRef().Clone(); g.Transform(TO_GK)
                self.features.append(feature(f, g))

    def __bool__(self):
        return self.lyr is not None or bool(self.features)

    def candidates(self, geom, margin=0.0):
        """The features whose envelope comes within margin (m) of geom's envelope."""
        minx, maxx, miny, maxy = geom.GetEnvelope()
        minx, maxx, miny, maxy = minx - margin, maxx + margin, miny - margin, maxy + margin
        if self.lyr is None:
            out = []
            for feat in self.features:
                a, b, c, d = feat[3].GetEnvelope()
                if a <= maxx and b >= minx and c <= maxy and d >= miny: out.append(feat)
            return out
        self.lyr.SetSpatialFilterRect(minx, miny, maxx, maxy)
        out = [feature(f, f.GetGeometryRef().Clone()) for f in self.lyr]
        self.lyr.SetSpatialFilter(None)
        return out

    def levels(self):
        """Every feature's level ("*" for none), as a set."""
        if self.lyr is None: return {f[2] or "*" for f in self.features}
        if self.lyr.GetLayerDefn().GetFieldIndex("level") < 0: return {"*"}
        sql = self.ds.ExecuteSQL(f'SELECT DISTINCT level FROM "{self.lyr.GetName()}"')
        out = {f.GetField(0) or "*" for f in sql}
        self.ds.ReleaseResultSet(sql)
        return out

    def __iter__(self):
        if self.lyr is None: return iter(self.features)
        return iter([feature(f, f.GetGeometryRef().Clone()) for f in self.lyr])


def feature(f, g):
    level = f.GetField("level") if f.GetFieldIndex("level") >= 0 else None
    return (f.GetField("id"), f.GetField("name"), level, g)


def layer(data, layer_id):
    return Layer(data, layer_id)


def footprint(data, spec):
    path = os.path.join(data, "samples", "projects", spec["file"])
    if path.endswith(".txt"):
        pts = []
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"): continue
            _, x, y = line.split(",")
            pts.append((float(y) - 36000000.0, float(x)))  # X = northing, Y = zone-prefixed easting (EPSG:4524)
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for e, n in pts + pts[:1]: ring.AddPoint_2D(e, n)
        g = ogr.Geometry(ogr.wkbPolygon); g.AddGeometry(ring)
    else:
        ds = ogr.Open(path); f = ds.GetLayer(0).GetNextFeature(); g = f.GetGeometryRef().Clone()
        src = ds.GetLayer(0).GetSpatialRef()
        if not (src is not None and src.GetAuthorityCode(None) == "4545"):
            g.Transform(TO_GK)
    if spec.get("width"): g = g.Buffer(spec["width"] / 2.0, 16)
    if spec.get("radius"): g = g.Buffer(spec["radius"], 32)
    return g


def r2(x):
    r = round(x, 2)
    return 0.0 if r == 0 else r  # no "-0.0" from a difference of equal areas


def overlaps(data, spec, layers, banner, neighbours):
    fp = footprint(data, spec)
    zones = []
    for layer_id, category in LAYERS:
        by_level = {}
        for fid, _, level, g in layers[layer_id].candidates(fp):
            if g.GetDimension() < 2 or not fp.Intersects(g): continue
            part = fp.Intersection(g)
            area = part.GetArea()
            if area <= 0: continue
            acc = by_level.setdefault(level, [None, []])
            acc[0] = part if acc[0] is None else acc[0].Union(part)
            acc[1].append(fid)
        for level in sorted(by_level, key=lambda v: (v is None, v or "")):
            geom, ids = by_level[level]
            entry = {"layer": layer_id, "category": category, "level": level, "areaM2": r2(geom.GetArea()),
                     "features": sorted(ids)}
            if category == "urban-boundary":
                entry["outsideAreaM2"] = r2(fp.GetArea() - geom.GetArea())
            zones.append(entry)
    inside = fp.Intersection(banner).GetArea() if fp.Intersects(banner) else 0.0
    near = []
    for fid, name, _, g in neighbours:
        if fp.Intersects(g):
            a = fp.Intersection(g).GetArea()
            if a > 0: near.append({"id": fid, "name": name, "areaM2": r2(a)})
    return {"footprintAreaM2": r2(fp.GetArea()), "zones": zones,
            "jurisdiction": {"insideAreaM2": r2(inside), "outsideAreaM2": r2(fp.GetArea() - inside), "neighbours": near}}


def load_all(data):
    layers = {layer_id: layer(data, layer_id) for layer_id, _ in LAYERS}
    banner = list(layer(data, "banner-boundary"))[0][3]
    neighbours = layer(data, "neighbours")
    return layers, banner, neighbours


def differs(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b): return f"{path}: keys {sorted(set(a) ^ set(b))}"
        for k in a:
            d = differs(a[k], b[k], f"{path}.{k}")
            if d: return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b): return f"{path}: {len(a)} vs {len(b)} entries"
        for i, (x, y) in enumerate(zip(a, b)):
            d = differs(x, y, f"{path}[{i}]")
            if d: return d
        return None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return None if abs(a - b) <= max(0.05, 1e-6 * abs(a)) else f"{path}: {a} vs {b}"
    return None if a == b else f"{path}: {a!r} vs {b!r}"


def main():
    data = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "gis-data"
    layers, banner, neighbours = load_all(data)
    if "--specs" in sys.argv:
        specs = json.load(sys.stdin)
        out = {s["file"]: overlaps(data, s, layers, banner, neighbours) for s in specs}
        json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
        return 0
    index = json.load(open(os.path.join(data, "samples", "projects", "index.json"), encoding="utf-8"))
    bad = 0
    for e in index:
        o = overlaps(data, e, layers, banner, neighbours)
        d = differs(o, e.get("overlaps"))
        bad += 1 if d else 0
        j = o["jurisdiction"]
        share = j["insideAreaM2"] / o["footprintAreaM2"] if o["footprintAreaM2"] else 0
        hits = ", ".join(f"{z['category']}{'/' + z['level'] if z['level'] else ''}={z['areaM2']:.2f}" for z in o["zones"])
        print(f"{'OK ' if not d else 'BAD'} {e['file']:34s} {e['type']:22s} area {o['footprintAreaM2']:11.2f} m2"
              f"  in banner {share:6.1%}  [{hits}]" + (f"  DIFF {d}" if d else ""))
    print(f"{len(index) - bad} of {len(index)} samples: overlaps in index.json match GDAL/GEOS")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
