#!/usr/bin/env bash
# Reference areas for the 界址点 list tests (Sources/BoundaryPointListTests.cs): grid corners (E N, EPSG:4545)
# converted with cs2cs to CGCS2000 lat/lon and measured with GeographicLib's Planimeter. Edges are 100 m and 20 m,
# where a geodesic and the straight grid edge coincide to far below 0.1 m².
set -euo pipefail
GK="+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
area() { cs2cs -f %.12f $GK +to +proj=longlat +ellps=GRS80 +no_defs | awk '{print $2, $1}' | Planimeter -e 6378137 1/298.257222101 -p 6; }
echo "shell 100 m: $(printf '427688.472 4528378.741\n427788.472 4528378.741\n427788.472 4528478.741\n427688.472 4528478.741\n' | area)"
echo "hole 20 m:   $(printf '427728 4528418\n427748 4528418\n427748 4528438\n427728 4528438\n' | area)"
# The 1 km² / 100 km² squares are in planimeter.sh; the shapefile test's polygons are measured directly in lat/lon:
P="Planimeter -e 6378137 1/298.257222101 -p 6"
echo "shapefile rectangle: $(printf '40.885 107.140\n40.885 107.145\n40.889 107.145\n40.889 107.140\n' | $P)"
echo "bow-tie lobe A:      $(printf '40.880 107.150\n40.882 107.1525\n40.884 107.150\n' | $P)"
echo "bow-tie lobe B:      $(printf '40.884 107.155\n40.880 107.155\n40.882 107.1525\n' | $P)"
