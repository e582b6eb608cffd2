#!/usr/bin/python3
"""Issue 8's warm check in GDAL/OGR: the GeoPackage that ogr2ogr made from the 1M Shapefile is opened once; each
repetition sets the footprint as the layer's spatial filter (the GPKG R-tree gives the candidates, GDAL then tests
their envelopes), and for every candidate that intersects the footprint (GEOS) computes the intersection and its
area: every overlapped parcel with its area, as the check returns. Wall time (perf_counter) and the thread's CPU time
(time.thread_time_ns: what a busy machine does not inflate) per repetition. Areas are planar in the layer's CRS (EPSG:4524).

usage: issue8_gdal_warm.py GPKG FOOTPRINTS.json OUT.json [--reps N] [--warmup N]
"""
import argparse
import json
import statistics
import time

from osgeo import gdal, ogr

ogr.UseExceptions()


def once(layer, fp):
    c0 = time.thread_time_ns()
    t0 = time.perf_counter()
    layer.SetSpatialFilter(fp)
    layer.ResetReading()
    hits = []
    for f in layer:
        g = f.GetGeometryRef()
        if g.Intersects(fp):
            hits.append((f.GetFID(), g.Intersection(fp).GetArea()))
    return (time.perf_counter() - t0) * 1000.0, hits, (time.thread_time_ns() - c0) / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gpkg")
    ap.add_argument("footprints")
    ap.add_argument("out")
    ap.add_argument("--reps", type=int, default=21)
    ap.add_argument("--warmup", type=int, default=3)
    args = ap.parse_args()
    ds = ogr.Open(args.gpkg)
    layer = ds.GetLayer(0)
    fps = json.load(open(args.footprints, encoding="utf-8"))["footprints"]
    out = {"engine": f"GDAL/OGR {gdal.__version__} (python ogr, GPKG R-tree spatial filter + GEOS Intersects/Intersection)",
           "parcels": layer.GetFeatureCount(), "footprints": []}
    for fp in fps:
        geom = ogr.CreateGeometryFromWkt(fp["wkt"])
        for _ in range(args.warmup):
            once(layer, geom)
        runs = [once(layer, geom) for _ in range(args.reps)]
        times = sorted(r[0] for r in runs)
        cpu = sorted(r[2] for r in runs)
        hits = runs[0][1]
        out["footprints"].append({"name": fp["name"], "medianMs": statistics.median(times), "minMs": times[0],
                                  "maxMs": times[-1], "cpuMedianMs": statistics.median(cpu), "cpuMinMs": cpu[0], "cpuMaxMs": cpu[-1], "reps": args.reps, "parcels": len(hits),
                                  "gridM2": sum(a for _, a in hits)})
        print(f"GDAL {fp['name']}: median {statistics.median(times):.3f} ms, {len(hits)} parcels, "
              f"{sum(a for _, a in hits):.4f} m2")
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
