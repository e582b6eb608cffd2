#!/usr/bin/env bash
# One command for the whole side-by-side benchmark (about 8-9 minutes on 2 shared cores; +3 min to make the data):
#   bench/run.sh            data if missing -> BenchmarkDotNet (SpatialPlan) -> PostGIS -> GDAL -> table
# Options (environment): REPS=15 WARMUP=3 (PostGIS/GDAL repetitions), SKIP_DOTNET=1, SKIP_PG=1,
#   BENCH_FILTER='*SiteCheck*' (BenchmarkDotNet --filter; default '*'), FORCE=1 (regenerate the data).
# The BenchmarkDotNet jobs are short and in-process (bench/SpatialPlan.Bench/BenchConfig.cs).
# Results land in bench/results/ (git-ignored); the summary table is printed at the end.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
data="$bench/data"
results="$bench/results"
reps=${REPS:-15}
warmup=${WARMUP:-3}
rm -rf "$results"   # compare.py reads every BenchmarkDotNet JSON in here: start clean
mkdir -p "$results"

need_apt=()
command -v ogr2ogr >/dev/null || need_apt+=(gdal-bin)
/usr/bin/python3 -c 'from osgeo import ogr' 2>/dev/null || need_apt+=(python3-gdal)
[ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] ||
  need_apt+=(postgresql-15-postgis-3)
command -v bc >/dev/null || need_apt+=(bc)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

echo "== data"
"$bench/make-data.sh" "$data"

echo "== machine"
{ echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"; echo "commit: $(git -C "$repo" rev-parse --short HEAD)";
  echo "cpus: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)";
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$results/machine.txt"

if [ -z "${SKIP_DOTNET:-}" ]; then
  echo "== SpatialPlan (BenchmarkDotNet)"
  project="$bench/SpatialPlan.Bench"
  dotnet build -c Release "$project" -v q -nologo
  dll="$project/bin/Release/net10.0/SpatialPlan.Bench.dll"
  export SPATIALPLAN_BENCH_DATA="$data"
  # Overlap areas once (outside the timed loop), where the time goes, then the timed suite.
  dotnet "$dll" --areas "$results/spatialplan-areas.json"
  dotnet "$dll" --stages | tee "$results/stages.txt"
  (cd "$results" && dotnet "$dll" --filter "${BENCH_FILTER:-*}")
fi

if [ -z "${SKIP_PG:-}" ]; then
  echo "== PostGIS"
  "$bench/scripts/postgis_overlay.sh" "$data/parcels.gpkg" "$results/postgis.json" "$reps" "$warmup"
fi

echo "== GDAL/OGR"
/usr/bin/python3 "$bench/scripts/gdal_overlay.py" "$data/parcels.gpkg" fp_park fp_road \
  --reps "$reps" --warmup "$warmup" --json "$results/gdal.json"

echo "== summary"
/usr/bin/python3 "$bench/scripts/compare.py" --results "$results" --data "$data" | tee "$results/summary.md"
