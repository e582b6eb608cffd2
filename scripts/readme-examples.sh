#!/usr/bin/env bash
# Runs README.md's command-line examples as written, in a fresh clone of this repository's HEAD: first the README's
# one-command set-up (the line starting "scripts/publish-cli.sh &&"), then every command line of the block between
# <!-- readme-examples:begin --> and <!-- readme-examples:end -->. A line passes with exit 0, 10 or 20 (the verdicts'
# exit codes); any other exit fails the run. Usage: scripts/readme-examples.sh [--here]   (--here: this working tree)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ "${1:-}" == "--here" ]]; then
  cd "$repo"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  git clone -q "$repo" "$work/clone"
  cd "$work/clone"
fi

setup=$(grep -m1 '^scripts/publish-cli.sh && export PATH=' README.md)
echo "\$ $setup"
start=$SECONDS
eval "$setup" > /dev/null
echo "  set-up: $((SECONDS - start)) s; spatialplan = $(command -v spatialplan)"

failed=0
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* || "$line" == '```'* ]] && continue
  start=$(date +%s.%N)
  set +e
  bash -c "$line" > /dev/null 2> /tmp/readme-example-stderr.$$
  rc=$?
  set -e
  took=$(echo "$(date +%s.%N) - $start" | bc)
  if [[ $rc -eq 0 || $rc -eq 10 || $rc -eq 20 ]]; then
    printf '  ok   (exit %2d, %5.2f s) %s\n' "$rc" "$took" "$line"
  else
    printf '  FAIL (exit %2d, %5.2f s) %s\n' "$rc" "$took" "$line"
    sed 's/^/         /' /tmp/readme-example-stderr.$$
    failed=$((failed + 1))
  fi
done < <(sed -n '/<!-- readme-examples:begin -->/,/<!-- readme-examples:end -->/p' README.md | grep -v '^<!--')
rm -f /tmp/readme-example-stderr.$$
echo "outputs: $(ls out | tr '\n' ' ')"
if [[ $failed -gt 0 ]]; then
  echo "$failed example(s) failed"
  exit 1
fi
echo "every example ran"
