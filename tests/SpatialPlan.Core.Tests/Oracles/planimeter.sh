#!/usr/bin/env bash
# Reference ellipsoidal areas for Measurement tests, from GeographicLib's Planimeter (geographiclib-tools).
# Each polygon is an axis-aligned rectangle in EPSG:4545 grid metres (minE minN maxE maxN). Its edges are
# densified every 50 m in the grid, converted to CGCS2000 lat/lon with PROJ's cs2cs, and handed to
# Planimeter on the CGCS2000 ellipsoid. With 50 m steps the geodesic between neighbours coincides with the
# straight grid edge to well under a millimetre, so the two areas describe the same shape.
# The test builds the same rectangle in EPSG:4545 and must agree within 1e-4 relative.
set -euo pipefail
GK="+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
rect() { # minE minN maxE maxN -> densified ring, "E N" per line, counter-clockwise
  python3 - "$@" <<'PY'
import sys
x0, y0, x1, y1 = map(float, sys.argv[1:])
step = 50.0
def edge(ax, ay, bx, by):
    n = max(1, int(round(max(abs(bx-ax), abs(by-ay)) / step)))
    for i in range(n):
        t = i / n
        print(f"{ax + t*(bx-ax):.4f} {ay + t*(by-ay):.4f}")
edge(x0, y0, x1, y0); edge(x1, y0, x1, y1); edge(x1, y1, x0, y1); edge(x0, y1, x0, y0)
PY
}
area() {
  rect "$@" | cs2cs -f %.12f $GK +to +proj=longlat +ellps=GRS80 +no_defs \
    | awk '{print $2, $1}' | Planimeter -e 6378137 1/298.257222101 -p 6
}
for r in "381000 4520000 382000 4521000" "381000 4510000 391000 4520000" \
         "441000 4540000 442000 4541000" "438000 4530000 448000 4540000"; do
  echo "rect $r -> $(area $r)   (count perimeter_m area_m2)"
done
