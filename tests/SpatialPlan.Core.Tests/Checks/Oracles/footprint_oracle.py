#!/usr/bin/python3
"""Known footprint areas and jurisdiction shares, outside the code under test.

For each footprint below (GeoJSON, EPSG:4490): ogr2ogr (PROJ) puts it, the banner boundary and the neighbouring
counties of gis-data into one GeoPackage in EPSG:4545; ogrinfo -dialect SQLite (GEOS) gives the part inside the banner
and, for the part outside, the piece in each neighbouring county; cs2cs + GeographicLib Planimeter give the geodesic
(true) area of the footprint and of each piece. Answers go to footprint-answers.json. Re-run when gis-data changes:
  /usr/bin/python3 tests/SpatialPlan.Core.Tests/Checks/Oracles/footprint_oracle.py
"""
import json, os, re, subprocess, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
data = os.path.join(root, "gis-data")
footprints = {
    "industrial-park-expansion.geojson": os.path.join(data, "samples", "projects", "industrial-park-expansion.geojson"),
    "straddle-linhe.geojson": os.path.join(here, "straddle-linhe.geojson"),
}


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


def rows(gpkg, sql):
    out = subprocess.run(["ogrinfo", gpkg, "-dialect", "SQLite", "-sql", sql, "-q"],
                         check=True, capture_output=True, text=True).stdout
    return re.findall(r"w \(String\) = (.*)", out), re.findall(r"n \(String\) = (.*)", out)


answers = {}
for name, path in footprints.items():
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = os.path.join(tmp, "o.gpkg")
        for src, layer in [(path, "fp"), (os.path.join(data, "layers", "banner-boundary.geojson"), "banner"),
                           (os.path.join(data, "layers", "neighbours.geojson"), "nb")]:
            subprocess.run(["ogr2ogr", "-f", "GPKG", gpkg, src, "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4545",
                            "-nln", layer, "-nlt", "PROMOTE_TO_MULTI", "-update", "-append"], check=True, capture_output=True)
        (fp,), _ = rows(gpkg, "SELECT ST_AsText(ST_Union(f.geom)) AS w FROM fp f")
        (inside,), _ = rows(gpkg, "SELECT ST_AsText(ST_Intersection(ST_Union(f.geom), b.geom)) AS w FROM fp f, banner b")
        pieces, names = rows(gpkg, "SELECT n.name AS n, ST_AsText(ST_Intersection(ST_Difference(f.geom, b.geom), n.geom)) AS w "
                                   "FROM fp f, banner b, nb n WHERE ST_Intersects(ST_Difference(f.geom, b.geom), n.geom)")
        fp_area, in_area = geodesic(fp), geodesic(inside) if inside.strip() not in ("", "GEOMETRYCOLLECTION EMPTY") else 0.0
        answers[name] = {"footprintGeodesicAreaM2": round(fp_area, 4), "insideGeodesicAreaM2": round(in_area, 4),
                         "insideShare": in_area / fp_area,
                         "neighbours": {n: round(geodesic(w), 4) for n, w in zip(names, pieces) if geodesic(w) > 0}}
json.dump(answers, open(os.path.join(here, "footprint-answers.json"), "w", encoding="utf-8"), indent=2, sort_keys=True, ensure_ascii=False)
print(json.dumps(answers, indent=2, sort_keys=True, ensure_ascii=False))
