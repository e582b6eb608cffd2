#!/usr/bin/python3
"""Known overlap areas of the polygon sample projects with the real gis-data zone layers, outside the code under test.

For each polygon sample (GeoJSON, EPSG:4490) and each zone layer it intersects:
  ogr2ogr -s_srs EPSG:4490 -t_srs EPSG:4545 (PROJ) puts sample and layer into one GeoPackage,
  ogrinfo -dialect SQLite -sql "SELECT ST_Area(ST_Union(ST_Intersection(z.geom, f.geom))) ..." (GEOS) gives the
  planar (grid) overlap, and cs2cs + GeographicLib Planimeter give the geodesic (true) area of that overlap.
Answers go to sample-overlap-answers.json. Re-run when gis-data's layers or samples change:
  /usr/bin/python3 tests/SpatialPlan.Core.Tests/Checks/Oracles/sample_overlap_oracle.py
"""
import json, os, re, subprocess, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
data = os.path.join(root, "gis-data")
catalog = json.load(open(os.path.join(data, "catalog.json"), encoding="utf-8"))
zones = [(l["policy"], l["file"]) for l in catalog["layers"] if l.get("policy")]
samples = [s for s in json.load(open(os.path.join(data, "samples", "projects", "index.json"), encoding="utf-8"))
           if s["file"].endswith(".geojson") and s["crs"] is None and s["width"] is None and s["radius"] is None]


def geodesic(wkt):
    total = 0.0
    for poly in re.findall(r"\(\([^()]*\)(?:,\([^()]*\))*\)", wkt):
        for i, ring in enumerate(re.findall(r"\(([^()]+)\)", poly)):
            # PROJ uses the authority axis order: EPSG:4545 northing first, EPSG:4490 latitude first.
            pts = "\n".join(" ".join(reversed(p.split())) for p in ring.split(","))
            ll = subprocess.run(["cs2cs", "-f", "%.12f", "EPSG:4545", "EPSG:4490"], input=pts,
                                check=True, capture_output=True, text=True).stdout
            latlon = "\n".join(f"{l.split()[0]} {l.split()[1]}" for l in ll.strip().splitlines())
            out = subprocess.run(["Planimeter", "-e", "6378137", "1/298.257222101", "-p", "9"], input=latlon,
                                 check=True, capture_output=True, text=True).stdout.split()
            total += abs(float(out[-1])) * (1 if i == 0 else -1)
    return total


answers = {}
for s in samples:
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = os.path.join(tmp, "o.gpkg")
        def load(src, name):
            subprocess.run(["ogr2ogr", "-f", "GPKG", gpkg, src, "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4545",
                            "-nln", name, "-nlt", "PROMOTE_TO_MULTI", "-update", "-append"], check=True, capture_output=True)
        load(os.path.join(data, "samples", "projects", s["file"]), "fp")
        for key, file in zones:
            layer = key.replace("-", "_")
            load(os.path.join(data, file), layer)
            sql = (f"SELECT ST_Area(ST_Union(ST_Intersection(z.geom, f.geom))) AS a, "
                   f"ST_AsText(ST_Union(ST_Intersection(z.geom, f.geom))) AS w FROM {layer} z, fp f "
                   f"WHERE ST_Intersects(z.geom, f.geom)")
            out = subprocess.run(["ogrinfo", gpkg, "-dialect", "SQLite", "-sql", sql, "-q"],
                                 check=True, capture_output=True, text=True).stdout
            m = re.search(r"a \(Real\) = ([0-9.eE+-]+)", out)
            if not m or float(m.group(1)) <= 1.0:
                continue
            wkt = re.search(r"w \(String\) = (.*)", out).group(1)
            answers.setdefault(s["file"], {})[key] = {"gridAreaM2": float(m.group(1)), "geodesicAreaM2": geodesic(wkt)}
json.dump(answers, open(os.path.join(here, "sample-overlap-answers.json"), "w"), indent=2, sort_keys=True)
print(json.dumps(answers, indent=2, sort_keys=True))
