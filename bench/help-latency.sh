#!/usr/bin/env bash
# Warm `./build.sh --help` against the way NUKE's bootstrap starts the same build project on every
# call (`dotnet build`, then `dotnet run --no-build`), measured in the same run. Usage: bench/help-latency.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-10}"

now_ns() { date +%s%N; }

# Prints the median and the minimum, in seconds, of running "$@" $runs times.
measure() {
  local times=() start
  for _ in $(seq "$runs"); do
    start=$(now_ns)
    "$@" >/dev/null 2>&1
    times+=($(( $(now_ns) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.3f %.3f\n", t[int((NR + 1) / 2)] / 1e9, t[1] / 1e9 }'
}

msbuild_per_call() {
  dotnet build build/Build.csproj -nologo -v:q &&
    dotnet run --project build/Build.csproj --no-build -- --help
}

./build.sh --help >/dev/null # warm-up: builds the pipeline once if it changed
dotnet build build/Build.csproj -nologo -v:q >/dev/null

read -r ours ours_min < <(measure ./build.sh --help)
read -r theirs theirs_min < <(measure msbuild_per_call)

echo "warm ./build.sh --help:               median ${ours} s (min ${ours_min} s) over ${runs} runs"
echo "dotnet build + dotnet run --no-build: median ${theirs} s (min ${theirs_min} s) over ${runs} runs"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio: %.1fx faster\n", b / a }'
