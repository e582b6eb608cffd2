#!/usr/bin/env bash
# Runs every `spatialplan` command family once with the executable CLI, in a throw-away copy of gis-data/ (so records,
# audit and account changes stay there), and prints each command's exit code and output with the volatile parts (times,
# dates, temp paths, hashes that cover times) masked. Two builds' transcripts are then compared with diff: that is how
# the Native AOT build is shown to answer every command as the JIT build does.
#   bench/scripts/cli_matrix.sh CLI > transcript.txt
#   diff <(bench/scripts/cli_matrix.sh JIT_CLI) <(bench/scripts/cli_matrix.sh AOT_CLI)
set -uo pipefail
cli=$(realpath "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/cli-matrix.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/gis-data" "$work/data"
rm -rf "$work/data/records"
samples="$work/data/samples/projects"
export TZ=UTC
mask() {
  sed -E -e "s#$work#WORK#g" \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?/TIME/g' \
    -e 's/[0-9a-f]{64}/SHA/g' -e 's/SP-[0-9]{8}-[0-9A-F]{6}/SP-NUMBER/g' -e 's/"seconds": [0-9.]+/"seconds": S/' -e 's/[0-9]+(\.[0-9]+)? ?(秒|s|ms)\b/N\2/g' \
    -e 's/[0-9]+ 个\/秒/N 个\/秒/g'
}
run() {
  echo "\$ spatialplan $*" | mask
  out=$("$cli" "$@" 2>"$work/stderr" </dev/null)
  rc=$?
  echo "exit $rc"
  printf '%s\n' "$out" | mask
  if [ $rc -ne 0 ] && [ $rc -ne 10 ] && [ $rc -ne 20 ]; then mask <"$work/stderr"; fi
  grep -a -i 'internal error\|内部错误\|missing native code\|Unhandled' "$work/stderr" && echo "!! internal error above"
}
d=(--data "$work/data")
run kinds
run rules --kind linear-infrastructure --zone permanent-farmland
run layers "${d[@]}" --format json
run validate "$samples/school-no5-gk.geojson" --format json
run validate "$samples/funeral-home-jzd.txt" --format json
run check "$samples/solar-ulanbuh.geojson" "${d[@]}" --format json
run check "$samples/solar-ulanbuh.geojson" "${d[@]}" --format csv
run check "$samples/baoyin-hsr.geojson" "${d[@]}" --type linear-infrastructure --major farmland-transport --width 30 --format table
run check "$samples/shanlin-expressway.geojson" "${d[@]}" --pdf "$work/report.pdf" --format json
run check "$samples/shanlin-expressway.geojson" "${d[@]}" --export "$work/shanlin.gpkg"
run check "$samples/shanlin-expressway.geojson" "${d[@]}" --export "$work/shanlin.geojson"
run check "$samples/solar-ulanbuh.geojson" "$samples/no-such-file.geojson" "${d[@]}" --format jsonl
run render "${d[@]}" --out "$work/sheet.pdf" --title 杭锦后旗三条控制线
run render "${d[@]}" --out "$work/sheet.png" --paper A4 --dpi 100
for f in report.pdf sheet.pdf sheet.png shanlin.gpkg shanlin.geojson; do
  [ -s "$work/$f" ] && echo "wrote $f" || echo "MISSING $f"
done
run init "$work/county" --boundary "$work/data/layers/banner-boundary.geojson" --name 杭锦后旗
run import "$work/data/layers/wetlands.geojson" --data "$work/county" --as wetlands --category wetland --title 湿地 --format json
run import "$work/shanlin.gpkg" --data "$work/county" --as bad --category no-such-category
run layers --data "$work/county" --format json
run check "$samples/solar-ulanbuh.geojson" --data "$work/county" --format json
run records save "$samples/solar-ulanbuh.geojson" "${d[@]}" --builder 某公司 --project-code 2026-150826-44-01-000001
run records save "$samples/fire-station.geojson" "${d[@]}" --radius 60
run records list "${d[@]}" --format json
run records list "${d[@]}" --format csv
run records show 1 "${d[@]}" --format json
run records withdraw 2 --reason 建设单位撤回申请 "${d[@]}"
run recheck "${d[@]}" --format json
run audit verify "${d[@]}"
run audit export "${d[@]}" --out "$work/audit.csv"
printf 'secret-pass-123\n' | "$cli" users add wang --role planner "${d[@]}" >/dev/null 2>&1; echo "users add: exit $?"
run users list "${d[@]}" --format json
