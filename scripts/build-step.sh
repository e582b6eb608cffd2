#!/usr/bin/env bash
# One first-run build step (npm ci, vite build, the PDF font) with a progress line before and after it, e.g.
#   [SpatialPlan] npm ci（前端依赖 front-end packages）…
#   [SpatialPlan] npm ci（前端依赖 front-end packages）完成 done: 38.2 s
# `dotnet run` builds quietly and hides MSBuild's messages and a command's output, so the lines go to the terminal
# (/dev/tty) when there is one, else to stderr (the build log). Usage: scripts/build-step.sh "LABEL" COMMAND [ARG…]
set -uo pipefail
label=$1
shift
say() {
  if { : > /dev/tty; } 2> /dev/null; then echo "$1" > /dev/tty; else echo "$1" >&2; fi
}
say "[SpatialPlan] $label …"
start=$(date +%s%N)
"$@"
rc=$?
took=$(( ($(date +%s%N) - start) / 100000000 ))
if [[ $rc -eq 0 ]]; then
  say "[SpatialPlan] $label 完成 done: $((took / 10)).$((took % 10)) s"
else
  say "[SpatialPlan] $label 失败 failed (exit $rc) after $((took / 10)).$((took % 10)) s"
fi
exit $rc
