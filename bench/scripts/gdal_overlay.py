#!/usr/bin/python3
"""Times the overlay (sum of intersection areas of a footprint with the parcels) in GDAL/OGR.

The GeoPackage is opened once (steady state, like SpatialPlan's loaded layer); each repetition runs
the SQLite-dialect query through OGR's GPKG driver (SQLite + SpatiaLite/GEOS, geometry blobs read
straight from the file). The R-tree that ogr2ogr built is used explicitly through the
rtree_parcels_geom table. Areas are raw planar EPSG:4545 areas (no scale correction).

Usage: gdal_overlay.py GPKG FOOTPRINT_TABLE... [--reps N] [--warmup N] --json OUT
"""
import argparse
import json
import statistics
import time

from osgeo import gdal, ogr

ogr.UseExceptions()

SQL = """
SELECT sum(ST_Area(ST_Intersection(p.geom, f.geom))) AS area, count(*) AS n
FROM parcels p, {fp} f
WHERE p.fid IN (SELECT r.id FROM rtree_parcels_geom r, {fp} e
                WHERE r.minx <= ST_MaxX(e.geom) AND r.maxx >= ST_MinX(e.geom)
                  AND r.miny <= ST_MaxY(e.geom) AND r.maxy >= ST_MinY(e.geom))
  AND ST_Intersects(p.geom, f.geom)
"""


def run_once(ds, sql):
    t0 = time.perf_counter()
    res = ds.ExecuteSQL(sql, dialect="SQLite")
    feat = res.GetNextFeature()
    area, n = feat.GetFieldAsDouble(0), feat.GetFieldAsInteger(1)
    ds.ReleaseResultSet(res)
    return (time.perf_counter() - t0) * 1000.0, area, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gpkg")
    ap.add_argument("tables", nargs="+")
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--json", required=True)
    args = ap.parse_args()

    ds = ogr.Open(args.gpkg)
    out = {"engine": "GDAL/OGR " + gdal.__version__ + " GPKG (SQLite+SpatiaLite, GEOS)", "footprints": {}}
    for table in args.tables:
        sql = SQL.format(fp=table)
        for _ in range(args.warmup):
            run_once(ds, sql)
        runs = [run_once(ds, sql) for _ in range(args.reps)]
        times = sorted(r[0] for r in runs)
        out["footprints"][table] = {
            "medianMs": statistics.median(times), "minMs": times[0], "maxMs": times[-1],
            "reps": args.reps, "areaGridM2": runs[0][1], "parcels": runs[0][2], "timesMs": times,
        }
        print(f"GDAL {table}: median {statistics.median(times):.2f} ms (min {times[0]:.2f}, max {times[-1]:.2f}),"
              f" {runs[0][2]} parcels, {runs[0][1]:.6f} m2")
    out["sql"] = SQL.strip()
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
