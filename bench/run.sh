#!/usr/bin/env bash
# Every benchmark of bench/README.md, in order. Takes a few minutes; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== warm --help latency"
bench/help-latency.sh "${HELP_RUNS:-10}"

echo "== diamond ratio"
dotnet run -c Release --project bench/Pipeline.Benchmarks -- diamond "${DIAMOND_RUNS:-10}"

echo "== scheduler overhead (BenchmarkDotNet)"
dotnet run -c Release --project bench/Pipeline.Benchmarks -- --filter '*SchedulerOverhead*' --job short

echo "== peak memory of long build logs"
bench/memory.sh

echo "== reliability probes"
bench/reliability.sh

echo "== from an empty repository to a green ./build.sh"
bench/scaffold.sh
