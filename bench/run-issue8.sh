#!/usr/bin/env bash
# Issue 8 §6: the same 1M 图斑 in SpatialPlan, PostGIS and GDAL, side by side in one run, as ratios.
#   bench/run-issue8.sh        → bench/results/issue8.md and bench/results/issue8.json (raw files in bench/results/issue8/)
# Steps: data (bench/make-data-1m.sh, cached) → Release builds → machine and load → import (spatialplan import,
# ogr2ogr → GPKG, ogr2ogr → PostGIS + GiST + ANALYZE) → cold whole-process checks (spatialplan check, ogrinfo -sql,
# psql -c) → warm checks (SpatialPlan in-process on the app's warm index, PostGIS with \timing, GDAL python ogr)
# → app start until /api/layers answers → the report (bench/scripts/issue8_report.py).
# Options (environment):
#   SP_CLI=PATH SP_APP=PATH   the executables to time (default: the CLI the README runs, published here by
#                             scripts/publish-cli.sh (Native AOT) to artifacts/spatialplan/, and the app's Release build;
#                             SP_CLI=src/SpatialPlan.Cli/bin/Release/net10.0/linux-x64/spatialplan times the Release
#                             build's own executable instead; SKIP_BUILD=1 uses them as they are)
#   COLD_RUNS=20 (≥10; one per footprint, cycling) WARM_REPS=21 WARMUP=3 APP_RUNS=3 IMPORT_RUNS=1
#   SKIP_PG=1 (no PostGIS)   KEEP=1 (keep the work folder with the imported layers)
#   DATA_1M=DIR TAG=NAME      another data folder (e.g. a small one made by NX=300 bench/make-data-1m.sh DIR, for a
#                             quick try of the script) and results named bench/results/NAME.md
# Needs the .NET 10 SDK, gdal-bin + python3-gdal, postgresql-15-postgis-3, curl; installs what is missing with apt.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
data=${DATA_1M:-$bench/data/1m}
tag=${TAG:-issue8}
results="$bench/results"
raw="$results/$tag"
scripts="$bench/scripts"
cold_runs=${COLD_RUNS:-20}
warm_reps=${WARM_REPS:-21}
warmup=${WARMUP:-3}
app_runs=${APP_RUNS:-3}
sp_cli=${SP_CLI:-$repo/artifacts/spatialplan/spatialplan}
sp_app=${SP_APP:-$repo/src/SpatialPlan.App/bin/Release/net10.0/linux-x64/SpatialPlan.App}
py=/usr/bin/python3
rm -rf "$raw"
mkdir -p "$raw"

need_apt=()
command -v ogr2ogr >/dev/null || need_apt+=(gdal-bin)
$py -c 'from osgeo import ogr' 2>/dev/null || need_apt+=(python3-gdal)
[ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] ||
  need_apt+=(postgresql-15-postgis-3)
command -v curl >/dev/null || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
stamp() { echo "$(date -u +%H:%M:%S) load $(load)"; }
# One line per step into loads.txt: the load average when each figure was taken.
note_load() { echo "$1 $(date -u +%H:%M:%S) $(load)" >>"$raw/loads.txt"; }

echo "== data"
"$bench/make-data-1m.sh" "$data"
footprints=("$data"/footprints/fp*.geojson)

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== Release builds ($(stamp))"
  [ -n "${SP_CLI:-}" ] || "$repo/scripts/publish-cli.sh" >/dev/null
  [ -n "${SP_APP:-}" ] || dotnet build -c Release "$repo/src/SpatialPlan.App" -v q -nologo
  dotnet build -c Release "$bench/SpatialPlan.Bench" -v q -nologo
fi
bench_dll="$bench/SpatialPlan.Bench/bin/Release/net10.0/SpatialPlan.Bench.dll"
for f in "$sp_cli" "$sp_app" "$bench_dll"; do [ -f "$f" ] || { echo "missing $f (build it, or unset SKIP_BUILD)" >&2; exit 2; }; done

echo "== machine"
{ echo "{"
  echo "\"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "\"commit\": \"$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src || echo '+local changes in src')\","
  echo "\"branch\": \"$(git -C "$repo" rev-parse --abbrev-ref HEAD)\","
  if git -C "$repo" rev-parse -q --verify main >/dev/null && git -C "$repo" diff --quiet main HEAD -- src tools gis-data; then
    echo "\"srcAs\": \"as on main $(git -C "$repo" rev-parse --short main)\","
  else
    echo "\"srcAs\": \"differ from main\","
  fi
  echo "\"nproc\": $(nproc),"
  echo "\"cpu\": \"$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)\","
  echo "\"memGiB\": $(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo),"
  echo "\"kernel\": \"$(uname -r)\","
  echo "\"dotnet\": \"$(dotnet --version)\","
  echo "\"spCli\": \"${sp_cli#"$repo"/}\","
  echo "\"spApp\": \"${sp_app#"$repo"/}\","
  echo "\"spCliBytes\": $(stat -c %s "$sp_cli"),"
  echo "\"loadBefore\": \"$(load)\""
  echo "}"; } >"$raw/machine.json"
cat "$raw/machine.json"
note_load start

work=$(mktemp -d /tmp/spatialplan-issue8.XXXXXX)
chmod 755 "$work"
pgbin=/usr/lib/postgresql/15/bin
as_pg=()
[ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  if [ -f "$work/pg/postmaster.pid" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

county="$work/county"
echo "== init (not timed) ($(stamp))"
"$sp_cli" init "$county" --boundary "$repo/gis-data/layers/banner-boundary.geojson" --name 杭锦后旗 --name-en "Hangjin Rear Banner" \
  >"$raw/init.txt"

echo "== import: spatialplan import ($(stamp))"
note_load import-spatialplan
printf '%s\n' "\"$sp_cli\" import \"$data/jbnt.shp\" --data \"$county\" --as jbnt --category permanent-farmland --title 永久基本农田 --format json >\"$raw/import-report.json\"" \
  >"$work/cmd-import-sp.txt"
$py "$scripts/issue8_timed.py" "$raw/import-spatialplan.json" "spatialplan import" "$work/cmd-import-sp.txt" --fail-on 1,2

echo "== import: ogr2ogr → GPKG ($(stamp))"
note_load import-gdal
printf '%s\n' "rm -f \"$work/gdal.gpkg\" && ogr2ogr -f GPKG -a_srs EPSG:4524 -nln parcels -nlt POLYGON \"$work/gdal.gpkg\" \"$data/jbnt.shp\"" \
  >"$work/cmd-import-gdal.txt"
$py "$scripts/issue8_timed.py" "$raw/import-gdal.json" "ogr2ogr → GPKG" "$work/cmd-import-gdal.txt"

psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres -d bench "$@"; }
if [ -z "${SKIP_PG:-}" ]; then
  echo "== import: PostGIS ($(stamp))"
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$work" "$work/pg"
  port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${as_pg[@]}" "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-locale >"$raw/initdb.log"
  # Default server settings except a throw-away cluster's fsync=off (the load is timed, not its durability).
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off" -w start >/dev/null
  psql -X -q -h "$work" -p "$port" -U postgres -d postgres -c "CREATE DATABASE bench"
  psql_ -c "CREATE EXTENSION postgis"
  psql_ -At -c "SELECT split_part(version(), ' ', 2) || ' / PostGIS ' || postgis_lib_version() || ' / GEOS ' || split_part(postgis_geos_version(), '-', 1)" \
    >"$raw/postgis-version.txt"
  note_load import-postgis
  pg="PG:host=$work port=$port dbname=bench user=postgres"
  printf '%s\n' "ogr2ogr -f PostgreSQL \"$pg\" \"$data/jbnt.shp\" -a_srs EPSG:4524 -nln parcels -nlt POLYGON -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=NONE" \
    >"$work/cmd-import-pg.txt"
  $py "$scripts/issue8_timed.py" "$raw/import-postgis-load.json" "ogr2ogr → PostGIS" "$work/cmd-import-pg.txt"
  printf '%s\n' "psql -X -q -h $work -p $port -U postgres -d bench -c 'CREATE INDEX parcels_geom_gist ON parcels USING gist (geom)' -c 'ANALYZE parcels'" \
    >"$work/cmd-index-pg.txt"
  $py "$scripts/issue8_timed.py" "$raw/import-postgis-index.json" "PostGIS GiST + ANALYZE" "$work/cmd-index-pg.txt"
fi

# The footprints as SQL literals (EPSG:4524, the layers' own coordinates in GDAL and PostGIS).
wkt_of() { $py -c 'import json,sys; print(next(f["wkt"] for f in json.load(open(sys.argv[1]))["footprints"] if f["name"] == sys.argv[2]))' \
  "$data/footprints/footprints.json" "$1"; }
type_of() { grep -q '（road）' "$1" && echo linear-infrastructure || echo urban-construction; }

echo "== cold whole-process checks ($(stamp))"
note_load cold
: >"$work/cmd-cold-sp.txt"; : >"$work/cmd-cold-ogr.txt"; : >"$work/cmd-cold-psql.txt"
for ((i = 0; i < cold_runs; i++)); do
  fp=${footprints[$((i % ${#footprints[@]}))]}
  name=$(basename "$fp" .geojson)
  wkt=$(wkt_of "$name")
  echo "\"$sp_cli\" check \"$fp\" --data \"$county\" --type $(type_of "$fp") --format json >\"$work/cold-$name.json\"" >>"$work/cmd-cold-sp.txt"
  # GDAL: the R-tree explicitly (as GDAL's own spatial filter would), then GEOS, every parcel with its area.
  read -r minx miny maxx maxy < <($py -c 'from osgeo import ogr; import sys; e=ogr.CreateGeometryFromWkt(sys.argv[1]).GetEnvelope(); print(e[0], e[2], e[1], e[3])' "$wkt")
  echo "ogrinfo -ro -q \"$work/gdal.gpkg\" -sql \"SELECT p.JBNTTBBH, ST_Area(ST_Intersection(p.geom, GeomFromText('$wkt', 4524))) AS a FROM parcels p WHERE p.fid IN (SELECT id FROM rtree_parcels_geom WHERE minx <= $maxx AND maxx >= $minx AND miny <= $maxy AND maxy >= $miny) AND ST_Intersects(p.geom, GeomFromText('$wkt', 4524))\"" >>"$work/cmd-cold-ogr.txt"
  echo "psql -X -At -h $work -p ${port:-0} -U postgres -d bench -c \"SET jit = off; SELECT p.jbnttbbh, ST_Area(ST_Intersection(p.geom, f.g)) FROM parcels p, (SELECT ST_GeomFromText('$wkt', 4524) AS g) f WHERE ST_Intersects(p.geom, f.g)\" -c \"SELECT 'BACKEND-CPU ' || split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)\" | grep '^BACKEND-CPU' >>\"$raw/cold-psql-backend-cpu.txt\"" >>"$work/cmd-cold-psql.txt"
done
# One untimed run of each first: the layer files are then in the page cache for all three (a warm OS cache,
# a cold process: what a planner's second check of the day sees).
$py "$scripts/issue8_timed.py" "$raw/cold-spatialplan.json" "spatialplan check (cold process)" "$work/cmd-cold-sp.txt" --warmup 1 --fail-on 1,2
$py "$scripts/issue8_timed.py" "$raw/cold-ogrinfo.json" "ogrinfo -sql (cold process)" "$work/cmd-cold-ogr.txt" --warmup 1
[ -z "${SKIP_PG:-}" ] && $py "$scripts/issue8_timed.py" "$raw/cold-psql.json" "psql -c (cold process)" "$work/cmd-cold-psql.txt" --warmup 1
note_load cold-end

echo "== warm checks: SpatialPlan in-process, the app's warm index ($(stamp))"
note_load warm-spatialplan
/usr/bin/time -f %M -o "$raw/warm-spatialplan.rss" \
  dotnet "$bench_dll" --issue8-warm "$county" "$data/footprints" "$raw/warm-spatialplan.json" "$warm_reps" "$warmup"

if [ -z "${SKIP_PG:-}" ]; then
  echo "== warm checks: PostGIS ($(stamp))"
  note_load warm-postgis
  echo '[' >"$raw/warm-postgis.json"
  first=1
  for fp in "${footprints[@]}"; do
    name=$(basename "$fp" .geojson)
    wkt=$(wkt_of "$name")
    q="SELECT p.jbnttbbh, ST_Area(ST_Intersection(p.geom, f.g)) FROM parcels p, (SELECT ST_GeomFromText('$wkt', 4524) AS g) f WHERE ST_Intersects(p.geom, f.g);"
    # Per repetition: the backend's CPU time before and after (its /proc/self/schedstat, ns on the CPU) and psql's
    # \timing of the query alone (wall, including planning and the local round trip).
    cpu_now="SELECT split_part(pg_read_file('/proc/self/schedstat'), ' ', 1) AS"
    { echo "SET jit = off;"; for ((k = 0; k < warmup; k++)); do echo "$q"; done
      for ((k = 0; k < warm_reps; k++)); do
        echo "$cpu_now c0 \\gset"; echo '\timing on'; echo "$q"; echo '\timing off'
        echo "$cpu_now c1 \\gset"; echo '\echo CPU :c0 :c1'
      done; } >"$work/warm-$name.sql"
    psql_ -At -o /dev/null -f "$work/warm-$name.sql" >"$work/warm-$name.out"
    times=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$work/warm-$name.out" | paste -sd, -)
    cpus=$(awk '/^CPU / {printf "%s%.4f", (n++ ? "," : ""), ($3 - $2) / 1e6}' "$work/warm-$name.out")
    answer=$(psql_ -At -F ' ' -c "SELECT count(*), sum(ST_Area(i)), sum(ST_Area(ST_Transform(i, 4490)::geography)) FROM (SELECT ST_Intersection(p.geom, f.g) AS i FROM parcels p, (SELECT ST_GeomFromText('$wkt', 4524) AS g) f WHERE ST_Intersects(p.geom, f.g)) s")
    read -r n grid geodesic <<<"$answer"
    [ $first = 1 ] || echo ',' >>"$raw/warm-postgis.json"
    first=0
    echo "{\"name\": \"$name\", \"timesMs\": [$times], \"cpuMs\": [$cpus], \"parcels\": $n, \"gridM2\": ${grid:-0}, \"geodesicM2\": ${geodesic:-0}}" >>"$raw/warm-postgis.json"
    echo "PostGIS $name: $n parcels, $grid m² grid"
  done
  echo ']' >>"$raw/warm-postgis.json"
  psql_ -c "SET jit = off" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT p.jbnttbbh, ST_Area(ST_Intersection(p.geom, f.g)) FROM parcels p, (SELECT ST_GeomFromText('$(wkt_of fp01)', 4524) AS g) f WHERE ST_Intersects(p.geom, f.g)" \
    >"$raw/postgis-plan-fp01.txt"
fi

echo "== warm checks: GDAL ($(stamp))"
note_load warm-gdal
$py "$scripts/issue8_gdal_warm.py" "$work/gdal.gpkg" "$data/footprints/footprints.json" "$raw/warm-gdal.json" \
  --reps "$warm_reps" --warmup "$warmup"

echo "== app start until /api/layers answers ($(stamp))"
note_load app
app_dir=$(dirname "$sp_app")
content_root="$repo/src/SpatialPlan.App"   # where wwwroot (the built front end) is
: >"$raw/app-start.txt"
for ((r = 1; r <= app_runs; r++)); do
  port_app=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log="$work/app-$r.log"
  t0=$(date +%s%N)
  (cd "$content_root" && exec "$sp_app" --SpatialPlan:DataDir="$county" --urls "http://127.0.0.1:$port_app" \
     --Logging:LogLevel:SpatialPlan=Information >"$log" 2>&1) &
  app_pid=$!
  code=000
  while [ "$code" != 200 ]; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:" >&2; cat "$log" >&2; exit 1; }
    code=$(curl -s -o "$work/layers.json" -w '%{http_code}' "http://127.0.0.1:$port_app/api/layers" || true)
    [ "$code" = 200 ] || sleep 0.01
  done
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  line="run $r: /api/layers 200 after $ms ms"
  if [ "$r" = 1 ]; then
    # The first run also waits for the warm copy and checks a footprint through the API.
    for ((k = 0; k < 1200; k++)); do grep -aq 'features in memory\|not copied\|over ' "$log" && break; sleep 0.25; done
    t2=$(date +%s%N)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status"); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
    check=$(curl -s -o "$work/app-check.json" -w '%{http_code} %{time_total}' \
      -F file=@"${footprints[0]}" "http://127.0.0.1:$port_app/api/checks?type=urban-construction")
    line="$line; warm copy after $(( (t2 - t0) / 1000000 )) ms ($(grep -ao 'layer jbnt[^\"]*' "$log" | head -1)); RSS $((rss / 1024)) MB, peak $((hwm / 1024)) MB; POST /api/checks $check"
  fi
  echo "$line" | tee -a "$raw/app-start.txt"
  echo "$ms" >>"$raw/app-start-ms.txt"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  app_pid=
done

note_load end
echo "== report ($(stamp))"
echo "{\"loadAfter\": \"$(load)\"}" >"$raw/load-after.json"
$py "$scripts/issue8_report.py" --raw "$raw" --out "$results/$tag.md" --json "$results/$tag.json"
