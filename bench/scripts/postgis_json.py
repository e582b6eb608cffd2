#!/usr/bin/python3
"""Writes postgis_overlay.sh's measurements as JSON (same shape as gdal_overlay.py's) and prints them.

Usage: postgis_json.py OUT VERSION SRID COUNT LOAD_MS INDEX_MS [TABLE "AREA N" "T1,T2,..."]...
"""
import json
import statistics
import sys


def main():
    out, version, srid, count, load_ms, index_ms = sys.argv[1:7]
    rest = sys.argv[7:]
    doc = {"engine": "PostGIS (PostgreSQL " + version + ")", "srid": int(srid), "parcelCount": int(count),
           "loadMs": float(load_ms), "gistIndexMs": float(index_ms), "footprints": {}}
    for k in range(0, len(rest), 3):
        table, answer, times_csv = rest[k:k + 3]
        area, n = answer.split()
        times = sorted(float(t) for t in times_csv.split(","))
        doc["footprints"][table] = {
            "medianMs": statistics.median(times), "minMs": times[0], "maxMs": times[-1], "reps": len(times),
            "areaGridM2": float(area), "parcels": int(n), "timesMs": times,
        }
        print(f"PostGIS {table}: median {statistics.median(times):.2f} ms (min {times[0]:.2f}, max {times[-1]:.2f}),"
              f" {n} parcels, {float(area):.6f} m2")
    print(f"PostGIS load (ogr2ogr) {float(load_ms):.0f} ms, GIST index {float(index_ms):.0f} ms, SRID {srid}, {count} parcels")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)


if __name__ == "__main__":
    main()
