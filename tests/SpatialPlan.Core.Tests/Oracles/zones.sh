#!/usr/bin/env bash
# Reference answers for the working CRS of any county (Crs/GaussKrugerZoneTests.cs, Measurement/ZonePlanarMeasureTests.cs):
#  1. the proj4 definition of every CGCS2000 3-degree Gauss-Kruger code, EPSG:4513-4554, from PROJ's projinfo;
#  2. lon/lat -> easting/northing in three zones (CM 108E, 111E, 123E) and a southern one (CM 114E), both forms, from cs2cs;
#  3. ellipsoidal areas of 10 km x 10 km grid rectangles in those zones from GeographicLib's Planimeter (as planimeter.sh:
#     edges densified every 50 m in the grid, converted with cs2cs, areas on the CGCS2000 ellipsoid).
set -euo pipefail
GEO="+proj=longlat +ellps=GRS80 +no_defs"
gk() { echo "+proj=tmerc +lat_0=0 +lon_0=$1 +k=1 +x_0=$2 +y_0=0 +ellps=GRS80 +units=m +no_defs"; }

echo "# 1. projinfo EPSG:n -o PROJ"
for code in $(seq 4513 4554); do
  echo "$code $(projinfo EPSG:$code -o PROJ -q 2>/dev/null | tail -1)"
done

echo "# 2. lon lat cm -> easting northing (no prefix), easting (zone-prefixed)"
while read -r lon lat cm; do
  zone=$((cm / 3))
  read -r e n _ <<<"$(echo "$lon $lat" | cs2cs -f %.4f $GEO +to $(gk "$cm" 500000))"
  read -r ez _ _ <<<"$(echo "$lon $lat" | cs2cs -f %.4f $GEO +to $(gk "$cm" "${zone}500000"))"
  echo "$lon $lat $cm $e $n $ez"
done <<'PTS'
107.142 40.887 108
106.59 40.75 108
111.75 40.84 111
109.6 40.5 111
112.4 42.1 111
123.43 41.80 123
121.6 41.0 123
124.45 43.2 123
113.26 23.13 114
PTS

echo "# 3. cm minE minN maxE maxN -> count perimeter_m area_m2 (Planimeter)"
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
while read -r cm x0 y0 x1 y1; do
  a=$(rect "$x0" "$y0" "$x1" "$y1" | cs2cs -f %.12f $(gk "$cm" 500000) +to $GEO | awk '{print $2, $1}' \
      | Planimeter -e 6378137 1/298.257222101 -p 6)
  echo "$cm $x0 $y0 $x1 $y1 -> $a"
done <<'RECTS'
108 381000 4510000 391000 4520000
111 381000 4480000 391000 4490000
111 495000 4520000 505000 4530000
111 600000 4650000 610000 4660000
123 381000 4540000 391000 4550000
123 610000 4780000 620000 4790000
114 381000 2540000 391000 2550000
114 620000 2540000 630000 2550000
RECTS

echo "# 4. cm easting northing -> point scale factor k (proj -V 'Parallel scale')"
while read -r cm e n; do
  ll=$(echo "$e $n" | cs2cs -f %.9f $(gk "$cm" 500000) +to $GEO | awk '{print $1, $2}')
  echo "$cm $e $n -> $(echo "$ll" | proj -V $(gk "$cm" 500000) 2>&1 | grep 'Parallel scale' | awk '{print $5}')"
done <<'KS'
114 625000 2545000
111 381323.2580 4485990.4942
123 617851.0108 4785959.7607
KS

echo "# 5. footprints of Cli.Tests/InitCommandTests.cs: lon/lat rectangle (5 vertices, geodesic edges; 3 km edges are"
echo "#    within 1e-8 of the straight Gauss-Kruger edges the check draws) -> count perimeter_m area_m2"
printf "41.50 106.20\n41.50 106.23\n41.52 106.23\n41.52 106.20\n" | Planimeter -e 6378137 1/298.257222101 -p 6
