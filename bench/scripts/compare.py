#!/usr/bin/python3
"""Prints the side-by-side table (Markdown) from bench/results/: SpatialPlan (BenchmarkDotNet JSON +
spatialplan-areas.json), PostGIS (postgis.json), GDAL (gdal.json), and the data's load timings.

Ratios are engine median / SpatialPlan median: above 1 means SpatialPlan is faster.
Areas: PostGIS and GDAL give raw planar EPSG:4545 (grid) areas. SpatialPlan's check reports true
areas (grid / k^2, Gauss-Kruger scale correction); the comparison uses SpatialPlan's raw grid area of
the same intersection geometry and states k^2 next to it.

Usage: compare.py --results DIR --data DIR
"""
import argparse
import glob
import json
import os
import re

FOOTPRINTS = [("park", "fp_park", "industrial park ~1 km²"), ("road", "fp_road", "road 30 km × 40 m")]


def load(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def bdn_results(results_dir):
    """{(method, footprint or None): stats in ms} from every BenchmarkDotNet JSON report."""
    out = {}
    for path in glob.glob(os.path.join(results_dir, "BenchmarkDotNet.Artifacts", "results", "*.json")):
        for b in load(path).get("Benchmarks", []):
            st = b.get("Statistics")
            if not st:
                continue
            m = re.search(r"Footprint=(\w+)", b.get("Parameters", "") or "")
            ms = {k: st[k] / 1e6 for k in ("Median", "Min", "Max", "Mean", "StandardDeviation") if k in st}
            ms["N"] = st.get("N")
            out[(b["Method"], m.group(1) if m else None)] = ms
    return out


def fmt(x, digits=2):
    return "–" if x is None else f"{x:,.{digits}f}"


def steady_table(bdn, areas, pg, gd):
    rows = ["| footprint | engine (what is timed) | median ms | min ms | max ms | n | ÷ SP check (median) | "
            "÷ SP overlay (median) | ÷ SP overlay (min) | parcels hit |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for fp, table, label in FOOTPRINTS:
        check, overlay = bdn.get(("Check", fp)), bdn.get(("Overlay", fp))
        a = (areas or {}).get("footprints", {}).get(fp, {})
        entries = [
            ("SpatialPlan `SiteCheck.Run` (full check: overlaps, union, buffer search, verdict)", check,
             a.get("checkParcels")),
            ("SpatialPlan overlay only (STRtree + prepared + OverlayNG + sum; what the SQL does)", overlay,
             a.get("overlayParcels")),
        ]
        for name, doc, key in (("PostGIS (GIST, `ST_Intersects` + `ST_Intersection`; jit=off)", pg, table),
                               ("PostGIS, default settings (jit=on)", pg, table + "@jit"),
                               ("GDAL/OGR GPKG (R-tree + SpatiaLite/GEOS)", gd, table)):
            f = (doc or {}).get("footprints", {}).get(key)
            stats = {"Median": f["medianMs"], "Min": f["minMs"], "Max": f["maxMs"], "N": f["reps"]} if f else None
            entries.append((name, stats, f and f["parcels"]))
        for name, st, n in entries:
            def ratio(base, key):
                return None if not (st and base) else st[key] / base[key]
            rows.append(f"| {label} | {name} | {fmt(st and st['Median'])} | {fmt(st and st['Min'])} | "
                        f"{fmt(st and st['Max'])} | {st and st.get('N') or '–'} | {fmt(ratio(check, 'Median'))} | "
                        f"{fmt(ratio(overlay, 'Median'))} | {fmt(ratio(overlay, 'Min'))} | {n or '–'} |")
    return "\n".join(rows)


def area_table(areas, pg, gd):
    rows = ["| footprint | SpatialPlan grid m² (same intersections) | PostGIS grid m² | GDAL grid m² | max rel. diff | "
            "SpatialPlan check, true m² (reported) | grid ÷ true | k² at centroid |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    worst = 0.0
    for fp, table, label in FOOTPRINTS:
        a = (areas or {}).get("footprints", {}).get(fp, {})
        p = (pg or {}).get("footprints", {}).get(table, {}).get("areaGridM2")
        g = (gd or {}).get("footprints", {}).get(table, {}).get("areaGridM2")
        vals = [v for v in (a.get("overlayGridM2"), p, g) if v is not None]
        rel = (max(vals) - min(vals)) / max(vals) if len(vals) > 1 and max(vals) > 0 else None
        worst = max(worst, rel or 0.0)
        rows.append(f"| {label} | {fmt(a.get('overlayGridM2'), 4)} | {fmt(p, 4)} | {fmt(g, 4)} | "
                    f"{'–' if rel is None else f'{rel:.1e}'} | {fmt(a.get('checkTrueM2'), 4)} | "
                    f"{fmt(a.get('k2Effective'), 8)} | {fmt(a.get('k2AtCentroid'), 8)} |")
    verdict = "AGREE (≤ 1e-6 relative)" if worst <= 1e-6 else f"DISAGREE: worst {worst:.2e} > 1e-6"
    return "\n".join(rows) + (f"\n\nGrid areas: {verdict}. The check reports true areas (grid ÷ k², Gauss-Kruger scale "
                               "correction integrated over each piece), so its figure is smaller by the factor shown.")


def load_table(bdn, pg, gdal_load):
    rows = ["| engine | what | median ms | min ms | max ms | n |", "|---|---|---:|---:|---:|---:|"]
    ld = bdn.get(("LoadAndIndex", None))
    rows.append(f"| SpatialPlan | read GeoJSON (EPSG:4490) + reproject to EPSG:4545 + STRtree | {fmt(ld and ld['Median'], 0)} | "
                f"{fmt(ld and ld['Min'], 0)} | {fmt(ld and ld['Max'], 0)} | {ld and ld.get('N') or '–'} |")
    if gdal_load:
        rows.append(f"| GDAL | `ogr2ogr` GeoJSON → GPKG EPSG:4545 + R-tree (one run, incl. process start) | "
                    f"{fmt(gdal_load['gpkgLoadAndIndexMs'], 0)} | – | – | 1 |")
    if pg:
        rows.append(f"| PostGIS | `ogr2ogr` GPKG → table (no index; one run) | {fmt(pg['loadMs'], 0)} | – | – | 1 |")
        rows.append(f"| PostGIS | `CREATE INDEX … USING gist` (one run) | {fmt(pg['gistIndexMs'], 0)} | – | – | 1 |")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--data", required=True)
    args = ap.parse_args()
    bdn = bdn_results(args.results)
    areas = load(os.path.join(args.results, "spatialplan-areas.json"))
    pg = load(os.path.join(args.results, "postgis.json"))
    gd = load(os.path.join(args.results, "gdal.json"))
    machine = open(os.path.join(args.results, "machine.txt")).read().strip() if os.path.exists(
        os.path.join(args.results, "machine.txt")) else ""
    print("### Machine\n```\n" + machine + "\n```\n")
    print("### Steady state: one footprint against 100 000 farmland parcels (layer loaded and indexed)\n")
    print(steady_table(bdn, areas, pg, gd) + "\n")
    print("### Overlap areas (must agree to ~1e-6 relative)\n")
    print(area_table(areas, pg, gd) + "\n")
    print("### One-off: load + index the 100 000-parcel layer\n")
    print(load_table(bdn, pg, load(os.path.join(args.data, "gdal-load.json"))))
    if pg or gd:
        print(f"\nPostGIS: {(pg or {}).get('engine', '–')}; GDAL: {(gd or {}).get('engine', '–')}")


if __name__ == "__main__":
    main()
