#!/usr/bin/env bash
# Load test of issue 11 §7: builds the app and the load script in Release, then runs N planners against the app as a
# process on loopback (over a temporary copy of gis-data, whose records/ store it fills). Options go to the script:
#   bench/load/run.sh --users 50 --duration 600 --warmup 60 --think-ms 5000 --save-every 5 --out bench/load/results/run.json
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/SpatialPlan.App -c Release -nologo -v q >/dev/null
dotnet build bench/load/SpatialPlan.Load -c Release -nologo -v q >/dev/null
mkdir -p bench/load/results
exec dotnet bench/load/SpatialPlan.Load/bin/Release/net10.0/SpatialPlan.Load.dll "$@"
