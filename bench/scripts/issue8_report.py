#!/usr/bin/python3
"""Writes bench/results/issue8.md and issue8.json from the raw files of bench/run-issue8.sh.

Ratios are engine ÷ SpatialPlan (above 1: SpatialPlan is faster or smaller). Areas are compared per footprint:
the grid (planar) areas of SpatialPlan's bare overlay, PostGIS and GDAL, and SpatialPlan's reported (scale-corrected)
area against PostGIS's geodesic area on the CGCS2000 ellipsoid (ST_Area of geography).
usage: issue8_report.py --raw DIR --out issue8.md --json issue8.json
"""
import argparse
import json
import os
import statistics


def load(raw, name, default=None):
    path = os.path.join(raw, name)
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b)) if max(abs(a), abs(b)) > 0 else 0.0


def fmt(x, digits=2):
    return "–" if x is None else f"{x:,.{digits}f}"


def ratio(other, sp):
    return "–" if other is None or sp in (None, 0) else f"{other / sp:.2f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--json", required=True)
    a = ap.parse_args()
    raw = a.raw
    machine = load(raw, "machine.json", {})
    after = load(raw, "load-after.json", {})
    loads = open(os.path.join(raw, "loads.txt")).read().split("\n") if os.path.exists(os.path.join(raw, "loads.txt")) else []
    pg_version = open(os.path.join(raw, "postgis-version.txt")).read().strip() if os.path.exists(os.path.join(raw, "postgis-version.txt")) else None

    imp_sp = load(raw, "import-spatialplan.json")
    imp_report = load(raw, "import-report.json", {})
    imp_gdal = load(raw, "import-gdal.json")
    imp_pg_load = load(raw, "import-postgis-load.json")
    imp_pg_index = load(raw, "import-postgis-index.json")
    cold_sp, cold_ogr, cold_psql = load(raw, "cold-spatialplan.json"), load(raw, "cold-ogrinfo.json"), load(raw, "cold-psql.json")
    warm_sp = load(raw, "warm-spatialplan.json")
    warm_pg = load(raw, "warm-postgis.json")
    warm_gdal = load(raw, "warm-gdal.json")
    warm_rss = None
    if os.path.exists(os.path.join(raw, "warm-spatialplan.rss")):
        warm_rss = int(open(os.path.join(raw, "warm-spatialplan.rss")).read().split()[-1]) / 1024.0
    app_ms = [int(x) for x in open(os.path.join(raw, "app-start-ms.txt")).read().split()] if os.path.exists(os.path.join(raw, "app-start-ms.txt")) else []
    app_text = open(os.path.join(raw, "app-start.txt")).read().strip() if os.path.exists(os.path.join(raw, "app-start.txt")) else ""

    # Warm: per footprint medians, then the median and the slowest of them.
    sp_fp = {f["name"]: f for f in warm_sp["footprints"]} if warm_sp else {}
    pg_fp = {}
    for f in warm_pg or []:
        t = sorted(f["timesMs"])
        c = sorted(f.get("cpuMs") or [])
        pg_fp[f["name"]] = dict(f, medianMs=statistics.median(t), minMs=t[0], maxMs=t[-1],
                                cpuMedianMs=statistics.median(c) if c else None)
    gd_fp = {f["name"]: f for f in warm_gdal["footprints"]} if warm_gdal else {}
    names = sorted(sp_fp)

    def summary(d, key="medianMs"):
        vals = [d[n][key] for n in names if n in d and d[n].get(key) is not None]
        return (statistics.median(vals), max(vals)) if vals else (None, None)

    sp_med, sp_slow = summary(sp_fp, "checkMedianMs")
    ov_med, ov_slow = summary(sp_fp, "overlayMedianMs")
    pg_med, pg_slow = summary(pg_fp)
    gd_med, gd_slow = summary(gd_fp)
    spc_med, spc_slow = summary(sp_fp, "checkCpuMedianMs")
    ovc_med, ovc_slow = summary(sp_fp, "overlayCpuMedianMs")
    pgc_med, pgc_slow = summary(pg_fp, "cpuMedianMs")
    gdc_med, gdc_slow = summary(gd_fp, "cpuMedianMs")
    backend = []
    if os.path.exists(os.path.join(raw, "cold-psql-backend-cpu.txt")):
        backend = [int(x.split()[1]) / 1e6 for x in open(os.path.join(raw, "cold-psql-backend-cpu.txt")) if x.strip()]
        if cold_psql and len(backend) > cold_psql["n"]:
            backend = backend[len(backend) - cold_psql["n"]:]  # the untimed first runs' lines come first

    # Areas.
    area_rows = []
    max_grid = 0.0
    max_true = 0.0
    counts_agree = True
    for n in names:
        s = sp_fp[n]
        p = pg_fp.get(n)
        g = gd_fp.get(n)
        grids = [s["overlayGridM2"]] + ([p["gridM2"]] if p else []) + ([g["gridM2"]] if g else [])
        d_grid = max((rel(x, y) for x in grids for y in grids), default=0.0)
        max_grid = max(max_grid, d_grid)
        d_true = rel(s["checkTrueM2"], p["geodesicM2"]) if p and p.get("geodesicM2") else None
        if d_true is not None:
            max_true = max(max_true, d_true)
        counts = {s["overlayParcels"], s["checkParcels"]} | ({p["parcels"]} if p else set()) | ({g["parcels"]} if g else set())
        counts_agree &= len(counts) == 1
        area_rows.append((n, s, p, g, d_grid, d_true))

    imp_pg_total = (imp_pg_load["medianMs"] + imp_pg_index["medianMs"]) if imp_pg_load and imp_pg_index else None
    app_med = statistics.median(app_ms) if app_ms else None

    def met(value, limit):
        return "–" if value is None else ("**met**" if value <= limit else "**missed**")

    L = []
    L.append("# Issue 8 benchmark: 1M 图斑, SpatialPlan beside PostGIS and GDAL")
    L.append("")
    L.append(f"- run: {machine.get('date')} · commit `{machine.get('commit')}` (branch {machine.get('branch')}; src/, tools/ and gis-data/ {machine.get('srcAs')}) · .NET SDK {machine.get('dotnet')}")
    L.append(f"- machine: {machine.get('nproc')} × {machine.get('cpu')}, {machine.get('memGiB')} GiB, kernel {machine.get('kernel')}")
    L.append(f"- load average (1, 5, 15 min): before **{machine.get('loadBefore')}**, after **{after.get('loadAfter')}**; per step: "
             + "; ".join(f"{x.split()[0]} {x.split()[2]}" for x in loads if x.strip()))
    cli = machine.get('spCli') or ''
    cli_kind = ("the README's CLI, published by scripts/publish-cli.sh (Native AOT unless SPATIALPLAN_CLI_BUILD=r2r)"
                if cli.startswith('artifacts/') else "the Release build's own apphost" if '/bin/Release/' in cli else 'given by SP_CLI')
    L.append(f"- SpatialPlan executables: CLI `{cli}` ({cli_kind}); app `{machine.get('spApp')}` (the Release build's own apphost)")
    L.append(f"- PostGIS: {pg_version or 'not run'}; GDAL: {warm_gdal['engine'] if warm_gdal else 'not run'}")
    L.append(f"- data: {warm_sp['parcels'] if warm_sp else '?':,} 图斑 imported from one Shapefile (EPSG:4524), 20 footprints" if warm_sp else "- data: ?")
    L.append("")
    L.append("## The issue's targets")
    L.append("")
    L.append("Ratios are engine ÷ SpatialPlan: above 1 means SpatialPlan is faster (or smaller).")
    L.append("")
    L.append("| measure | target | SpatialPlan | PostGIS | GDAL | PostGIS ÷ SP | GDAL ÷ SP | target |")
    L.append("|---|---|---:|---:|---:|---:|---:|---|")
    L.append(f"| warm check against 1M 图斑, median over 20 footprints (ms) | ≤ 0.5 | {fmt(sp_med, 3)} | {fmt(pg_med, 3)} | {fmt(gd_med, 3)} | {ratio(pg_med, sp_med)} | {ratio(gd_med, sp_med)} | {met(sp_med, 0.5)} |")
    L.append(f"| warm check, slowest footprint (ms) | ≤ 3 | {fmt(sp_slow, 3)} | {fmt(pg_slow, 3)} | {fmt(gd_slow, 3)} | {ratio(pg_slow, sp_slow)} | {ratio(gd_slow, sp_slow)} | {met(sp_slow, 3)} |")
    L.append(f"| (warm bare overlay, what the SQL does: median / slowest, ms) | | {fmt(ov_med, 3)} / {fmt(ov_slow, 3)} | | | {ratio(pg_med, ov_med)} / {ratio(pg_slow, ov_slow)} | {ratio(gd_med, ov_med)} / {ratio(gd_slow, ov_slow)} | |")
    c_sp = cold_sp["medianMs"] if cold_sp else None
    c_pg = cold_psql["medianMs"] if cold_psql else None
    c_og = cold_ogr["medianMs"] if cold_ogr else None
    L.append(f"| cold whole-process CLI check, median (ms) | ≤ 100 | {fmt(c_sp, 1)} | {fmt(c_pg, 1)} (psql) | {fmt(c_og, 1)} (ogrinfo) | {ratio(c_pg, c_sp)} | {ratio(c_og, c_sp)} | {met(c_sp, 100)} |")
    r_sp = cold_sp["peakRssMbMax"] if cold_sp else None
    r_pg = cold_psql["peakRssMbMax"] if cold_psql else None
    r_og = cold_ogr["peakRssMbMax"] if cold_ogr else None
    L.append(f"| peak memory of that cold check (MB, max over runs) | ≤ 300 | {fmt(r_sp, 0)} | {fmt(r_pg, 0)} (psql client only) | {fmt(r_og, 0)} | {ratio(r_pg, r_sp)} | {ratio(r_og, r_sp)} | {met(r_sp, 300)} |")
    i_sp = imp_sp["medianMs"] / 1000 if imp_sp else None
    i_gd = imp_gdal["medianMs"] / 1000 if imp_gdal else None
    i_pg = imp_pg_total / 1000 if imp_pg_total else None
    L.append(f"| import of 1M polygons from a Shapefile (s) | ≤ 15 | {fmt(i_sp, 1)} | {fmt(i_pg, 1)} (ogr2ogr + GiST + ANALYZE) | {fmt(i_gd, 1)} (ogr2ogr → GPKG) | {ratio(i_pg, i_sp)} | {ratio(i_gd, i_sp)} | {met(i_sp, 15)} |")
    m_sp = imp_sp["peakRssMbMax"] if imp_sp else None
    m_gd = imp_gdal["peakRssMbMax"] if imp_gdal else None
    m_pg = imp_pg_load["peakRssMbMax"] if imp_pg_load else None
    L.append(f"| import peak memory (MB) | ≤ 2048 | {fmt(m_sp, 0)} | {fmt(m_pg, 0)} (ogr2ogr client only) | {fmt(m_gd, 0)} | {ratio(m_pg, m_sp)} | {ratio(m_gd, m_sp)} | {met(m_sp, 2048)} |")
    L.append(f"| app start with a 1M layer until /api/layers answers (ms, median of {len(app_ms)}) | ≤ 3000 | {fmt(app_med, 0)} | | | | | {met(app_med, 3000)} |")
    L.append("")
    L.append("The same measures in CPU time (ms), which the machine's load inflates much less than wall time: the warm")
    L.append("checks by the measuring thread's CPU clock (SpatialPlan clock_gettime(CLOCK_THREAD_CPUTIME_ID), GDAL")
    L.append("time.thread_time_ns, the PostGIS backend's /proc/self/schedstat around each query); whole processes by")
    L.append("getrusage (user + system, all threads, so a process that compiles on a second thread counts both).")
    L.append("")
    L.append("| measure (CPU ms) | SpatialPlan | PostGIS | GDAL | PostGIS ÷ SP | GDAL ÷ SP |")
    L.append("|---|---:|---:|---:|---:|---:|")
    L.append(f"| warm check, median over 20 footprints | {fmt(spc_med, 3)} | {fmt(pgc_med, 3)} | {fmt(gdc_med, 3)} | {ratio(pgc_med, spc_med)} | {ratio(gdc_med, spc_med)} |")
    L.append(f"| warm check, slowest footprint | {fmt(spc_slow, 3)} | {fmt(pgc_slow, 3)} | {fmt(gdc_slow, 3)} | {ratio(pgc_slow, spc_slow)} | {ratio(gdc_slow, spc_slow)} |")
    L.append(f"| (warm bare overlay: median / slowest) | {fmt(ovc_med, 3)} / {fmt(ovc_slow, 3)} | | | {ratio(pgc_med, ovc_med)} / {ratio(pgc_slow, ovc_slow)} | {ratio(gdc_med, ovc_med)} / {ratio(gdc_slow, ovc_slow)} |")
    cc_sp = cold_sp.get("cpuMedianMs") if cold_sp else None
    cc_og = cold_ogr.get("cpuMedianMs") if cold_ogr else None
    cc_pg = (cold_psql.get("cpuMedianMs") + statistics.median(backend)) if cold_psql and backend else None
    L.append(f"| cold whole-process check, median | {fmt(cc_sp, 1)} | {fmt(cc_pg, 1)} (psql {fmt(cold_psql.get('cpuMedianMs') if cold_psql else None, 1)} + backend {fmt(statistics.median(backend) if backend else None, 1)}) | {fmt(cc_og, 1)} | {ratio(cc_pg, cc_sp)} | {ratio(cc_og, cc_sp)} |")
    ic_sp = imp_sp.get("cpuMedianMs") if imp_sp else None
    ic_gd = imp_gdal.get("cpuMedianMs") if imp_gdal else None
    ic_pg = imp_pg_load.get("cpuMedianMs") if imp_pg_load else None
    L.append(f"| import (client processes; the PostGIS server's share not counted) | {fmt(ic_sp, 0)} | {fmt(ic_pg, 0)} | {fmt(ic_gd, 0)} | {ratio(ic_pg, ic_sp)} | {ratio(ic_gd, ic_sp)} |")
    L.append("")
    L.append(f"Warm SpatialPlan process: opened in {fmt(warm_sp.get('openMs'), 0)} ms, warm copy in {fmt(warm_sp.get('warmMs'), 0)} ms"
             f" ({warm_sp.get('warmLog')}), working set after the copy {fmt(warm_sp.get('workingSetAfterWarmMb'), 0)} MB,"
             f" peak RSS {fmt(warm_rss, 0)} MB; {warm_sp.get('runtime')}, {warm_sp.get('gc')} GC." if warm_sp else "")
    L.append("")
    L.append("App start runs: " + app_text.replace("\n", " · "))
    L.append("")
    if imp_report:
        keys = ["sourceCrs", "workingCrs", "featuresRead", "featuresWritten", "areaMu", "attributeAreaMu", "repairCount", "overlapCount", "outsideCount", "seconds"]
        L.append("Import report: " + ", ".join(f"{k} {imp_report.get(k)}" for k in keys if k in imp_report))
        L.append("")
    L.append("## Areas: the 20 footprints in the three engines")
    L.append("")
    L.append(f"- grid (planar) overlap areas, SpatialPlan's overlay vs PostGIS vs GDAL: max relative difference **{max_grid:.1e}**"
             f" ({'AGREE' if max_grid <= 1e-6 else 'DISAGREE'} within 1e-6); parcel counts {'identical' if counts_agree else 'DIFFER'} in all engines")
    L.append(f"- SpatialPlan's reported (scale-corrected) overlap vs PostGIS geodesic area on the ellipsoid: max relative difference **{max_true:.1e}**"
             f" ({'AGREE' if max_true <= 1e-6 else 'DISAGREE'} within 1e-6)")
    L.append("")
    L.append("| footprint | type | parcels SP / PG / GDAL | SP check ms (median [min–max]) | SP check CPU ms | SP overlay ms | PostGIS ms (CPU) | GDAL ms (CPU) | SP grid m² | PostGIS grid m² | GDAL grid m² | max rel. grid | SP reported m² | PostGIS geodesic m² | rel. |")
    L.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, s, p, g, d_grid, d_true in area_rows:
        L.append(f"| {n} | {s['type']} | {s['checkParcels']} / {p['parcels'] if p else '–'} / {g['parcels'] if g else '–'}"
                 f" | {s['checkMedianMs']:.3f} [{s['checkMinMs']:.3f}–{s['checkMaxMs']:.3f}] | {fmt(s.get('checkCpuMedianMs'), 3)} | {s['overlayMedianMs']:.3f}"
                 f" | {fmt(p['medianMs'] if p else None, 3)} ({fmt(p.get('cpuMedianMs') if p else None, 3)}) | {fmt(g['medianMs'] if g else None, 3)} ({fmt(g.get('cpuMedianMs') if g else None, 3)})"
                 f" | {s['overlayGridM2']:,.4f} | {fmt(p['gridM2'] if p else None, 4)} | {fmt(g['gridM2'] if g else None, 4)} | {d_grid:.1e}"
                 f" | {s['checkTrueM2']:,.4f} | {fmt(p['geodesicM2'] if p else None, 4)} | {'–' if d_true is None else f'{d_true:.1e}'} |")
    L.append("")
    L.append("## Cold whole-process runs")
    L.append("")
    for c in [cold_sp, cold_ogr, cold_psql]:
        if c:
            L.append(f"- {c['label']}: median {c['medianMs']:.1f} ms, min {c['minMs']:.1f}, max {c['maxMs']:.1f}, n {c['n']} (+{c['warmup']} untimed),"
                     f" CPU median {c.get('cpuMedianMs', 0):.1f} ms, peak RSS max {c['peakRssMbMax']:.0f} MB (median {c['peakRssMbMedian']:.0f}), exit codes {c['exitCodes']}")
    for c in [imp_sp, imp_gdal, imp_pg_load, imp_pg_index]:
        if c:
            L.append(f"- {c['label']}: {c['medianMs'] / 1000:.1f} s wall, {c.get('cpuMedianMs', 0) / 1000:.1f} s CPU, peak RSS {c['peakRssMbMax']:.0f} MB")
    text = "\n".join(L) + "\n"
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    summary_json = {
        "machine": machine, "loadAfter": after.get("loadAfter"), "loads": [x for x in loads if x.strip()], "postgis": pg_version,
        "warm": {"spatialplan": {"medianMs": sp_med, "slowestMs": sp_slow, "overlayMedianMs": ov_med, "overlaySlowestMs": ov_slow,
                                 "cpuMedianMs": spc_med, "cpuSlowestMs": spc_slow},
                 "postgis": {"medianMs": pg_med, "slowestMs": pg_slow, "cpuMedianMs": pgc_med, "cpuSlowestMs": pgc_slow},
                 "gdal": {"medianMs": gd_med, "slowestMs": gd_slow, "cpuMedianMs": gdc_med, "cpuSlowestMs": gdc_slow}},
        "cold": {"spatialplan": {"medianMs": c_sp, "cpuMedianMs": cc_sp, "peakRssMb": r_sp},
                 "psql": {"medianMs": c_pg, "cpuMedianMs": cc_pg, "peakRssMb": r_pg},
                 "ogrinfo": {"medianMs": c_og, "cpuMedianMs": cc_og, "peakRssMb": r_og}},
        "import": {"spatialplan": {"seconds": i_sp, "peakRssMb": m_sp}, "gdal": {"seconds": i_gd, "peakRssMb": m_gd},
                   "postgis": {"seconds": i_pg, "peakRssMb": m_pg}},
        "appStartMs": app_ms, "areas": {"maxRelGrid": max_grid, "maxRelTrueVsGeodesic": max_true, "countsAgree": counts_agree},
    }
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(summary_json, f, indent=1, ensure_ascii=False)
    print(text)


if __name__ == "__main__":
    main()
