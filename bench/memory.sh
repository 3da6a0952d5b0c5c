#!/usr/bin/env bash
# Peak memory of a run whose targets print a lot: three targets side by side print 50 MB, then 500 MB,
# in total, once with local output and once as under GitHub Actions (where two of the three are held
# back until they end). The pipeline's output goes to /dev/null, counted on the way.
# Usage: bench/memory.sh [megabytes...]   (default: 50 500)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("${@:-50 500}")
read -r -a sizes <<<"${sizes[*]}"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for its peak resident set size)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq time >/dev/null; else sudo apt-get install -y -qq time >/dev/null; fi
fi

dotnet build bench/Pipeline.Benchmarks -c Release -nologo -v:q >/dev/null
bench_app=bench/Pipeline.Benchmarks/bin/Release/net10.0/Pipeline.Benchmarks

# A throwaway pipeline root, so what the run keeps under .nuke/temp is its own.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/.nuke"

# Prints "<peak RSS in MB> <bytes printed> <files left under .nuke/temp>" for one run.
measure() {
  local megabytes=$1 actions=$2 report printed
  report=$(mktemp)
  printed=$(env PIPELINE_ROOT="$root" GITHUB_ACTIONS="$actions" GITHUB_STEP_SUMMARY=/dev/null \
    /usr/bin/time -v -o "$report" "$bench_app" memory --megabytes "$megabytes" | wc -c)
  awk -v printed="$printed" -v left="$(find "$root/.nuke" -type f | wc -l)" \
    '/Maximum resident set size/ { printf "%.0f %s %s\n", $NF / 1024, printed, left }' "$report"
  rm -f "$report"
}

printf '%-10s %-16s %14s %16s %12s\n' "output" "where" "peak RSS (MB)" "bytes printed" "files left"
for megabytes in "${sizes[@]}"; do
  for actions in false true; do
    where=$([ "$actions" = true ] && echo "GitHub Actions" || echo "local")
    read -r peak printed left < <(measure "$megabytes" "$actions")
    printf '%-10s %-16s %14s %16s %12s\n' "${megabytes} MB" "$where" "$peak" "$printed" "$left"
  done
done
