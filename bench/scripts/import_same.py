#!/usr/bin/env python3
"""Are two imports of the same source the same result? (issue 8: a faster import must not change it)

    import_same.py BEFORE_DIR BEFORE.json AFTER_DIR AFTER.json [LAYER]

BEFORE_DIR/AFTER_DIR are data folders `spatialplan import … --as LAYER` wrote into; the .json files are the two runs'
`--format json` reports. Compares, independently of SpatialPlan's code (Python's sqlite3 and json only):
  - the feature table row for row in fid order (fid, geometry blob byte for byte, every attribute): one SHA-256 each;
  - the R-tree's row count, gpkg_contents' extent and gpkg_geometry_columns;
  - every member of the two reports but `seconds` (counts, the listed repairs, overlaps, outside features, notes);
    areas within 1e-9 relative.
Exit 0 when the same, 1 (and the differences) when not."""
import hashlib
import json
import sqlite3
import sys


def table(path, layer):
    c = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    digest, rows = hashlib.sha256(), 0
    for row in c.execute(f'SELECT * FROM "{layer}" ORDER BY fid'):
        digest.update(repr(row).encode())
        rows += 1
    rtree = c.execute(f'SELECT count(*) FROM "rtree_{layer}_geom"').fetchone()[0]
    extent = c.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name=?", (layer,)).fetchall()
    columns = c.execute("SELECT * FROM gpkg_geometry_columns WHERE table_name=?", (layer,)).fetchall()
    return {"rows": rows, "sha256": digest.hexdigest(), "rtree": rtree, "extent": extent, "geometry_columns": columns}


def main():
    before_dir, before_json, after_dir, after_json = sys.argv[1:5]
    layer = sys.argv[5] if len(sys.argv) > 5 else "jbnt"
    a, b = table(f"{before_dir}/layers/{layer}.gpkg", layer), table(f"{after_dir}/layers/{layer}.gpkg", layer)
    differences = [f"layer {k}: {a[k]} != {b[k]}" for k in a if a[k] != b[k]]
    ra, rb = json.load(open(before_json, encoding="utf-8")), json.load(open(after_json, encoding="utf-8"))
    for k in sorted(set(ra) | set(rb)):
        if k == "seconds":
            continue
        x, y = ra.get(k), rb.get(k)
        if isinstance(x, float) and isinstance(y, float):
            if abs(x - y) > 1e-9 * max(abs(x), abs(y)):
                differences.append(f"report {k}: {x!r} != {y!r}")
        elif x != y:
            differences.append(f"report {k} differs")
    print(f"{a['rows']} rows, sha256 {a['sha256'][:16]}…; repairs {rb.get('repairCount')}, overlaps {rb.get('overlapCount')}, "
          f"outside {rb.get('outsideCount')}, area {rb.get('areaM2')} m²")
    for d in differences:
        print("DIFFERENT:", d)
    print("same" if not differences else f"{len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
