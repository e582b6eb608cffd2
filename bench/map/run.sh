#!/usr/bin/env bash
# Issue 10 §4: the map benchmark on a 1M-图斑 data folder built with the project's own tools.
#   data     issue 8's 1 002 000-strip Shapefile (bench/make-data-1m.sh, cached) → `spatialplan init` + `spatialplan
#            import` → a data folder with layers/jbnt.gpkg (cached under bench/data/map-1m, remade when the Shapefile changes)
#   sheet    SheetBench: the whole-area A3 PDF in process, cold (fresh store, GeoPackage R-tree, as `spatialplan render`)
#            and warm (the app's store with its in-memory copy), time, CPU time and size
#   app      SpatialPlan.App (Release) on a free port with the data folder, until /api/layers answers and the layer is warm;
#            GET /api/sheets (the whole-area A3 PDF through HTTP), its time and size, and pdftotext's view of it
#   browser  MapBench: headless Chromium (Playwright, /usr/bin/chromium) — first paint, settled, a 30-step pan/zoom
#            sequence, every tile's Server-Timing / size / status, the JS heap after it
# Writes bench/results/map.md (the table) and bench/results/map/ (raw JSON, the PDFs, screenshots, the app log, loads).
# Options: DATA_1M=DIR (issue 8's Shapefile folder, made by bench/make-data-1m.sh if missing; default bench/data/1m)
#          MAP_DATA=DIR (the data folder, made once from it and reused; FORCE_IMPORT=1 remakes it)
#          SKIP_BUILD=1  SKIP_BROWSER=1  SHEET_REPS=5  SKIP_COLD=1
set -euo pipefail
map=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$map/.." && pwd)
repo=$(cd "$bench/.." && pwd)
shp=$(readlink -m "${DATA_1M:-$bench/data/1m}")
folder=$(readlink -m "${MAP_DATA:-$bench/data/map-1m}")
results="$bench/results"
raw="$results/map"
mkdir -p "$raw"
py=/usr/bin/python3
sp_cli="$repo/src/SpatialPlan.Cli/bin/Release/net10.0/linux-x64/spatialplan"
sp_app="$repo/src/SpatialPlan.App/bin/Release/net10.0/linux-x64/SpatialPlan.App"
sheet_dll="$map/SheetBench/bin/Release/net10.0/SheetBench.dll"
map_dll="$map/MapBench/bin/Release/net10.0/MapBench.dll"

load() { cut -d' ' -f1-3 /proc/loadavg; }
note_load() { echo "$1 $(date -u +%H:%M:%S) $(load)" | tee -a "$raw/loads.txt"; }
: >"$raw/loads.txt"
note_load start

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== Release builds"
  dotnet build -c Release "$repo/src/SpatialPlan.Cli" -v q -nologo
  dotnet build -c Release "$repo/src/SpatialPlan.App" -v q -nologo
  dotnet build -c Release "$map/SheetBench" -v q -nologo
  dotnet build -c Release "$map/MapBench" -v q -nologo
fi
for f in "$sp_cli" "$sp_app" "$sheet_dll" "$map_dll"; do [ -f "$f" ] || { echo "missing $f (build it, or unset SKIP_BUILD)" >&2; exit 2; }; done

echo "== data"
# Made once and reused (FORCE_IMPORT=1 makes it again); the Shapefile is only needed then.
if [ -n "${FORCE_IMPORT:-}" ] || [ ! -f "$folder/layers/jbnt.gpkg" ] || [ ! -f "$folder/.stamp" ]; then
  [ -f "$shp/jbnt.shp" ] || "$bench/make-data-1m.sh" "$shp"
  rm -rf "$folder"
  "$sp_cli" init "$folder" --boundary "$repo/gis-data/layers/banner-boundary.geojson" --name 杭锦后旗 --name-en "Hangjin Rear Banner" >/dev/null
  note_load import
  "$sp_cli" import "$shp/jbnt.shp" --data "$folder" --as jbnt --category permanent-farmland --title 永久基本农田 --format json \
    >"$raw/import-report.json"
  echo "spatialplan import $shp/jbnt.shp ($(stat -c %s "$shp/jbnt.shp") bytes) --as jbnt --category permanent-farmland" >"$folder/.stamp"
fi
echo "data folder: $folder ($(ogrinfo -ro -so "$folder/layers/jbnt.gpkg" jbnt | sed -n 's/^Feature Count: //p') 图斑)"

echo "== whole-area A3 sheet, in process"
note_load sheet
dotnet "$sheet_dll" "$folder" "$raw/sheets" "${SHEET_REPS:-5}" | tail -1 >"$raw/sheet.json"
cat "$raw/sheet.json"; echo

echo "== app"
note_load app
port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log="$raw/app.log"
(cd "$repo/src/SpatialPlan.App" && exec "$sp_app" --SpatialPlan:DataDir="$folder" --urls "http://127.0.0.1:$port" \
   --Logging:LogLevel:SpatialPlan=Information >"$log" 2>&1) &
app_pid=$!
trap '[ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true' EXIT
code=000
while [ "$code" != 200 ]; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:" >&2; cat "$log" >&2; exit 1; }
  code=$(curl -s -o "$raw/layers.json" -w '%{http_code}' "http://127.0.0.1:$port/api/layers" || true)
  [ "$code" = 200 ] || sleep 0.05
done
for ((k = 0; k < 2400; k++)); do grep -aq 'features in memory\|not copied\|over ' "$log" && break; sleep 0.25; done
# Then the small-scale tiles made ahead (levels 0-4 for a million, ~12 s of both cores): the steady state of a server
# that has been up a minute, and what the sheet and the browser would otherwise share the cores with.
for ((k = 0; k < 2400; k++)); do grep -aq 'made ahead' "$log" && break; sleep 0.25; done
grep -ao '[0-9]* small-scale tiles made ahead[^"]*' "$log" | head -1 || true
grep -ao 'layer jbnt[^"]*' "$log" | head -1 || true

note_load app-sheet
: >"$raw/app-sheet.txt"
for r in 1 2 3; do
  curl -s -o "$raw/app-sheet-$r.pdf" -w "%{http_code} %{time_total} %{size_download}\n" \
    "http://127.0.0.1:$port/api/sheets?format=pdf&paper=A3" | tee -a "$raw/app-sheet.txt"
done
pdftotext -raw "$raw/app-sheet-3.pdf" "$raw/app-sheet.txt.pdftotext"
grep -c '图斑按比例尺综合表示' "$raw/app-sheet.txt.pdftotext" >"$raw/app-sheet-note.txt" || true
pdftoppm -r 60 -png -singlefile "$raw/app-sheet-3.pdf" "$raw/app-sheet"

if [ -z "${SKIP_BROWSER:-}" ]; then
  echo "== browser"
  note_load browser
  # MapBench exits 3 with {"error": …} (and says why on stderr) when the page does not paint or settle in time; the
  # report then says so rather than the whole run stopping.
  set +e
  dotnet "$map_dll" "http://127.0.0.1:$port" "$raw/browser" >"$raw/browser.out"
  mb=$?
  set -e
  tail -1 "$raw/browser.out" >"$raw/browser.json"
  [ "$mb" = 0 ] || echo "MapBench failed (exit $mb): $(cat "$raw/browser.json")" >&2
  cat "$raw/browser.json"; echo
fi
rss=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
echo "{\"appPeakRssMB\": $((rss / 1024))}" >"$raw/app-rss.json"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
app_pid=
note_load end

echo "== report"
$py "$map/report.py" --raw "$raw" --out "$results/map.md" --repo "$repo"
cat "$results/map.md"
