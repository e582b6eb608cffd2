#!/usr/bin/env bash
# Makes issue 8's benchmark data ONCE (cached; FORCE=1 remakes it), under bench/data/1m/ (git-ignored):
#   jbnt.shp/.shx/.dbf/.prj/.cpg   1 002 000 schematic 永久基本农田 图斑 (3000 x 334 strips of 40 m x 333 m, 20 亩,
#                                  rotated 12°) in EPSG:4524 (CGCS2000 3° zone 36 WITH the zone prefix, eastings
#                                  36xxxxxx), with the national field names BSM YSDM JBNTTBBH TBBH DLBM DLMC QSDWMC
#                                  ZLDWMC TBMJ (m²), written by ogr2ogr from
#                                  tests/SpatialPlan.Core.Tests/Import/make_parcels.py (the import tests' generator,
#                                  independent of SpatialPlan's code; every 10 000th parcel reaches 3 m into its
#                                  neighbour and every 20 000th is a bow-tie, so import has repairs and overlaps to report)
#   footprints/fp01..fp20.geojson  20 seeded footprints inside the banner over the parcels (EPSG:4524),
#   footprints/footprints.json     the same as WKT for PostGIS and GDAL (bench/scripts/make_footprints_1m.py)
# Usage: bench/make-data-1m.sh [DIR]   (NX=3000 NY=334 change the size; about 10 min on 2 busy cores;
#   PARCELS_GEOJSONL=FILE uses make_parcels.py's output made earlier with the same NX NY instead of running it)
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
data=$(readlink -m "${1:-$bench/data/1m}")
nx=${NX:-3000}
ny=${NY:-334}
gen="$repo/tests/SpatialPlan.Core.Tests/Import/make_parcels.py"
[ -n "${FORCE:-}" ] && rm -rf "$data"
mkdir -p "$data/footprints"

want="nx=$nx ny=$ny $(cat "$gen" | sha256sum | cut -c1-16)"
if [ ! -f "$data/jbnt.shp" ] || [ "$(cat "$data/.stamp" 2>/dev/null)" != "$want" ]; then
  rm -f "$data"/jbnt.* "$data/.stamp"
  tmp=$(mktemp -d "$data/.make.XXXXXX")
  if [ -n "${PARCELS_GEOJSONL:-}" ]; then
    # The same generator's output made earlier with the same NX NY (e.g. by the import tests' measurements):
    # saves its 5-10 minutes. The caller vouches for it; compare a prefix with cmp to be sure.
    echo "parcels: $PARCELS_GEOJSONL (make_parcels.py $nx $ny made earlier)"
    ln -s "$(readlink -f "$PARCELS_GEOJSONL")" "$tmp/parcels.geojsonl"
  else
    echo "parcels: make_parcels.py $nx $ny (GeoJSON Lines) ..."
    /usr/bin/python3 "$gen" "$nx" "$ny" "$tmp/parcels.geojsonl"
  fi
  echo "parcels: ogr2ogr → Shapefile EPSG:4524 ..."
  ogr2ogr -f "ESRI Shapefile" -a_srs EPSG:4524 -lco ENCODING=UTF-8 -nln jbnt -nlt POLYGON "$tmp/jbnt.shp" "$tmp/parcels.geojsonl"
  mv "$tmp"/jbnt.* "$data/"
  rm -rf "$tmp"
  echo "$want" >"$data/.stamp"
fi

/usr/bin/python3 "$bench/scripts/make_footprints_1m.py" --out "$data/footprints" \
  --boundary "$repo/gis-data/layers/banner-boundary.geojson" --nx "$nx" --ny "$ny" >/dev/null
echo "1M data ready: $data ($(ogrinfo -ro -so "$data/jbnt.shp" jbnt | sed -n 's/^Feature Count: //p') 图斑, 20 footprints)"
