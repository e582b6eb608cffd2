#!/usr/bin/env bash
# Makes the benchmark data directory (default bench/data, git-ignored); each step is skipped when current:
#   layers/farmland-100k.geojson   100 000 seeded schematic parcels, EPSG:4490 (the single source)
#   footprints/{park,road}.geojson the two footprints, EPSG:4490 (+ footprints/generator.json)
#   catalog.json policy.json styles.json   a one-layer SpatialPlan data directory (farmland only)
#   parcels.gpkg                   the same parcels + footprints in EPSG:4545 with R-trees (GDAL, PostGIS)
# The parcels come from tools/SpatialPlan.DataGen (--farmland-only --farmland-parcels N, the same way as
# the embedded farmland) when it yields N parcels, else from bench/scripts/make_farmland.py (a seeded
# jittered grid over the banner). BENCH_GENERATOR=datagen|bench forces one.
# Usage: bench/make-data.sh [DATA_DIR]    (FORCE=1 regenerates everything)
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
data=$(readlink -m "${1:-$bench/data}")
scripts="$bench/scripts"
count=${BENCH_PARCELS:-100000}
seed=${BENCH_SEED:-4545}
generator=${BENCH_GENERATOR:-auto}
parcels="$data/layers/farmland-100k.geojson"

[ -n "${FORCE:-}" ] && rm -rf "$data"
mkdir -p "$data/layers" "$data/footprints"

hash_of() { cat "$@" | sha256sum | cut -c1-16; }
features_in() { /usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["features"]))' "$1"; }

# 1. Parcels.
want="$generator count=$count seed=$seed $(hash_of "$scripts/make_farmland.py" "$repo"/tools/SpatialPlan.DataGen/*.cs "$repo"/gis-data/layers/*.geojson)"
if [ ! -f "$parcels" ] || [ "$(cat "$data/layers/.stamp" 2>/dev/null)" != "$want" ]; then
  rm -f "$parcels" "$data/parcels.gpkg"
  if [ "$generator" != bench ] && [ -d "$repo/tools/SpatialPlan.DataGen" ]; then
    echo "parcels: tools/SpatialPlan.DataGen --farmland-only --farmland-parcels $count ..."
    tmp=$(mktemp -d)
    if dotnet run --project "$repo/tools/SpatialPlan.DataGen" -c Release -- --farmland-only \
         --farmland-parcels "$count" --data "$repo/gis-data" --out "$tmp" &&
       [ "$(features_in "$tmp/layers/farmland.geojson")" -ge "$count" ]; then
      mv "$tmp/layers/farmland.geojson" "$parcels"
      echo '{"generator": "tools/SpatialPlan.DataGen --farmland-only"}' >"$data/layers/source.json"
    elif [ "$generator" = datagen ]; then
      echo "DataGen did not produce $count parcels" >&2; exit 1
    else
      echo "parcels: DataGen did not produce $count parcels yet; using bench/scripts/make_farmland.py"
    fi
    rm -rf "$tmp"
  fi
  if [ ! -f "$parcels" ]; then
    /usr/bin/python3 "$scripts/make_farmland.py" --out "$data" --count "$count" --seed "$seed"
    echo '{"generator": "bench/scripts/make_farmland.py"}' >"$data/layers/source.json"
  fi
  echo "$want" >"$data/layers/.stamp"
fi

# 2. Footprints (cheap; always rewritten so they follow the script).
/usr/bin/python3 "$scripts/make_farmland.py" --out "$data" --seed "$seed" --footprints-only >/dev/null

# 3. Catalog, policy and styles (cheap; follow gis-data when it has them).
/usr/bin/python3 "$scripts/make_catalog.py" --out "$data" --gis-data "$repo/gis-data" --template "$bench/data-template"

# 4. GeoPackage in EPSG:4545 with its R-tree (ogr2ogr builds gpkg R-trees by default). The parcels
# conversion is timed: it is GDAL's counterpart of SpatialPlan's load + reproject + index.
gpkg="$data/parcels.gpkg"
want_gpkg=$(hash_of "$parcels" "$data"/footprints/*.geojson)
if [ ! -f "$gpkg" ] || [ "$(cat "$data/.gpkg-stamp" 2>/dev/null)" != "$want_gpkg" ]; then
  rm -f "$gpkg"
  t0=$(date +%s.%N)
  ogr2ogr -f GPKG -t_srs EPSG:4545 -nln parcels -nlt POLYGON "$gpkg" "$parcels"
  t1=$(date +%s.%N)
  for fp in park road; do
    ogr2ogr -update -f GPKG -t_srs EPSG:4545 -nln "fp_$fp" -nlt POLYGON "$gpkg" "$data/footprints/$fp.geojson"
  done
  echo "{\"gpkgLoadAndIndexMs\": $(echo "($t1 - $t0) * 1000" | bc)}" >"$data/gdal-load.json"
  echo "$want_gpkg" >"$data/.gpkg-stamp"
fi
echo "bench data ready: $data ($(features_in "$parcels") parcels from $(cat "$data/layers/source.json"))"
