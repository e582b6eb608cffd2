#!/usr/bin/env bash
# Reference coordinates for Crs tests, from PROJ's cs2cs (proj-bin, PROJ 9.x on Debian 12).
# +proj strings are used instead of EPSG codes so the axis order is unambiguous (x = lon/easting):
# `cs2cs EPSG:4490 EPSG:4545` takes lat lon and prints northing easting, as the EPSG registry orders them.
# The +proj strings equal `projinfo EPSG:4545 -o PROJ` / `projinfo EPSG:4524 -o PROJ`.
set -euo pipefail
GEO="+proj=longlat +ellps=GRS80 +no_defs"
GK="+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
GKZ="+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=36500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
MERC="+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"
POINTS="107.142 40.887
106.59 40.75
107.39 41.22
107.0 40.46
106.6 41.1"
echo "# lon lat -> EPSG:4545 easting northing"
echo "$POINTS" | cs2cs -f %.4f $GEO +to $GK
echo "# lon lat -> EPSG:4524 easting northing"
echo "$POINTS" | cs2cs -f %.4f $GEO +to $GKZ
echo "# lon lat -> EPSG:3857 x y"
echo "$POINTS" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to $MERC
echo "# cross-check with EPSG codes (lat lon in, northing easting out)"
echo "40.887 107.142" | cs2cs -f %.4f EPSG:4490 EPSG:4545
echo "# point scale factor k (PROJ 'proj -V', 'Parallel scale (k)') for Measurement/PlanarMeasureTests.cs"
echo "$POINTS" | while read -r p; do
  echo "$p -> $(echo "$p" | proj -V $GK 2>&1 | grep 'Parallel scale' | awk '{print $5}')"
done
