#!/usr/bin/python3
"""Known answers for the site check's overlap areas, computed outside the code under test.

For each case in overlay-cases.json (EPSG:4545 WKT) this writes a GeoPackage, asks GDAL/GEOS through
    ogrinfo case.gpkg -dialect SQLite -sql "SELECT ST_Area(ST_Union(ST_Intersection(z.geom, f.geom))) ..."
for the planar (grid) overlap area, exports that intersection, projects it to lon/lat with PROJ's cs2cs
(EPSG:4545 -> EPSG:4490) and asks GeographicLib's Planimeter for its geodesic (true) area on the CGCS2000
ellipsoid. The answers go to overlay-answers.json. Run from this folder:  /usr/bin/python3 overlay_oracle.py
"""
import json, os, re, subprocess, tempfile

here = os.path.dirname(os.path.abspath(__file__))
cases = json.load(open(os.path.join(here, "overlay-cases.json"), encoding="utf-8"))
answers = {}
for case in cases:
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "in.csv")
        with open(csv, "w") as f:
            f.write("kind,WKT\n")
            for z in case["zones"]:
                f.write(f'zone,"{z}"\n')
            f.write(f'footprint,"{case["footprint"]}"\n')
        gpkg = os.path.join(tmp, "case.gpkg")
        subprocess.run(["ogr2ogr", "-f", "GPKG", gpkg, csv, "-a_srs", "EPSG:4545", "-nln", "g",
                        "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO"], check=True)
        sql = ("SELECT ST_Area(ST_Union(ST_Intersection(z.geom, f.geom))) AS a, "
               "ST_AsText(ST_Union(ST_Intersection(z.geom, f.geom))) AS w "
               "FROM g z, g f WHERE z.kind='zone' AND f.kind='footprint'")
        out = subprocess.run(["ogrinfo", gpkg, "-dialect", "SQLite", "-sql", sql, "-q"],
                             check=True, capture_output=True, text=True).stdout
        grid = float(re.search(r"a \(Real\) = ([0-9.eE+-]+)", out).group(1))
        wkt = re.search(r"w \(String\) = (.*)", out).group(1)
        # Geodesic area: every ring through cs2cs to lon/lat, then Planimeter (holes counted negative).
        geodesic = 0.0
        for poly in re.findall(r"\(\(.*?\)\)", wkt.replace("MULTIPOLYGON", "").replace("POLYGON", "")) or []:
            rings = re.findall(r"\(([^()]+)\)", poly)
            for i, ring in enumerate(rings):
                # EPSG:4545 and EPSG:4490 are northing-first and latitude-first in PROJ (authority axis order).
                pts = "\n".join(" ".join(reversed(p.split())) for p in ring.split(","))
                ll = subprocess.run(["cs2cs", "-f", "%.12f", "EPSG:4545", "EPSG:4490"], input=pts,
                                    check=True, capture_output=True, text=True).stdout
                latlon = "\n".join(f"{l.split()[0]} {l.split()[1]}" for l in ll.strip().splitlines())
                pl = subprocess.run(["Planimeter", "-e", "6378137", "1/298.257222101", "-p", "9"], input=latlon,
                                    check=True, capture_output=True, text=True).stdout.split()
                area = abs(float(pl[-1]))
                geodesic += area if i == 0 else -area
        answers[case["name"]] = {"gridAreaM2": grid, "geodesicAreaM2": geodesic}
json.dump(answers, open(os.path.join(here, "overlay-answers.json"), "w"), indent=2)
print(json.dumps(answers, indent=2))
