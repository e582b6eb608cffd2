#!/usr/bin/env bash
# Times the overlay in PostGIS on a throwaway cluster, on the same GeoPackage the GDAL side reads.
#   postgis_overlay.sh GPKG OUT_JSON [REPS] [WARMUP]
# Starts PostgreSQL 15 in a temp dir (as user postgres when run as root: initdb refuses root), loads
# the parcels and footprints with ogr2ogr (coordinates copied as they are, EPSG:4545), builds the GIST
# index, then runs the query REPS times through psql with \timing and writes medians and areas to
# OUT_JSON. The cluster is stopped and its directory removed on every exit path (trap EXIT).
set -euo pipefail

gpkg=$(readlink -f "$1")
out_json=$(readlink -m "$2")
reps=${3:-15}
warmup=${4:-3}
pgbin=/usr/lib/postgresql/15/bin
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d /tmp/spatialplan-bench-pg.XXXXXX)
chmod 755 "$work"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$work"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  if [ -f "$work/db/postmaster.pid" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/db" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$pgbin/initdb" -D "$work/db" -U postgres --auth=trust -E UTF8 --no-locale >"$work/initdb.log"
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/db" -l "$work/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off" -w start >/dev/null

psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres "$@"; }
psql_ -d postgres -c "CREATE DATABASE bench"
psql_ -d bench -c "CREATE EXTENSION postgis"
pg_version=$(psql_ -d bench -At -c "SELECT split_part(version(), ' ', 2) || ' / PostGIS ' || postgis_lib_version() || ' / GEOS ' || split_part(postgis_geos_version(), '-', 1)")

# Load (no index yet, so the index build can be timed on its own).
t0=$(date +%s.%N)
ogr2ogr -f PostgreSQL "PG:host=$work port=$port dbname=bench user=postgres" "$gpkg" parcels fp_park fp_road \
  -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=NONE -nlt POLYGON
t1=$(date +%s.%N)
index_ms=$(psql_ -d bench -At -c '\timing on' -c "CREATE INDEX parcels_geom_gist ON parcels USING gist (geom)" |
  sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
psql_ -d bench -c "ANALYZE"
srid=$(psql_ -d bench -At -c "SELECT DISTINCT ST_SRID(geom) FROM parcels")
count=$(psql_ -d bench -At -c "SELECT count(*) FROM parcels")

query() {
  echo "SELECT sum(ST_Area(ST_Intersection(p.geom, f.geom))) AS area, count(*) AS n FROM parcels p, $1 f WHERE ST_Intersects(p.geom, f.geom);"
}

# PostgreSQL's JIT (on by default) compiles this query's expressions on every execution (~20-130 ms
# here, see the plan files); OLTP-style PostGIS setups usually turn it off. Time both: jit=off is the
# main figure, jit=on (the default) is reported beside it.
results=()
for jit in off on; do
  for fp in fp_park fp_road; do
    q=$(query "$fp")
    psql_ -d bench -At -c "SET jit = $jit" -c "EXPLAIN (ANALYZE, BUFFERS) $q" >"$(dirname "$out_json")/postgis-plan-$fp-jit-$jit.txt"
    answer=$(psql_ -d bench -At -F ' ' -c "$q")
    sqlfile="$work/$fp.sql"
    { echo "SET jit = $jit;"
      for _ in $(seq "$warmup"); do echo "$q"; done
      echo '\timing on'
      for _ in $(seq "$reps"); do echo "$q"; done; } >"$sqlfile"
    times=$(psql_ -d bench -At -f "$sqlfile" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | paste -sd, -)
    [ "$jit" = on ] && fp_key="$fp@jit" || fp_key="$fp"
    results+=("$fp_key" "$answer" "$times")
  done
done

/usr/bin/python3 "$here/postgis_json.py" "$out_json" "$pg_version" "$srid" "$count" \
  "$(echo "($t1 - $t0) * 1000" | bc)" "$index_ms" "${results[@]}"
