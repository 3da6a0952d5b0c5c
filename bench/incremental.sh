#!/usr/bin/env bash
# Incremental targets (issue 15), measured in one run on this repository and against Cake 7.0:
#   1. `./build.sh Test` once to record every target's success, then again with nothing changed;
#   2. one source file of one test project touched: which targets and test projects run again;
#   3. the warm cost of fingerprinting: an unchanged `./build.sh Test --plan` (every target's
#      fingerprint, nothing run) against a warm `./build.sh --help` (start-up alone);
#   4. a 1 → 4 → 1 diamond of 500 ms targets and the start-up (`--help`; Cake: `--description`,
#      which compiles the script and lists its tasks) of Pipeline and of Cake 7.0.
# Usage: bench/incremental.sh [runs]   (step 1's first run takes ~10 minutes on 2 cores)
#        SECTIONS="fingerprint cake" bench/incremental.sh   (some of: tests fingerprint cake)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
runs="${1:-5}"

now_ns() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

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

# Runs ./build.sh with "$@", prints its wall time and keeps its output in $log.
timed_build() {
  local start status
  start=$(now_ns)
  set +e
  ./build.sh "$@" >"$log" 2>&1
  status=$?
  set -e
  echo "$(seconds $(( $(now_ns) - start ))) s, exit $status"
}

# What a run did: each target's status line of the summary table, and the totals line.
what_ran() {
  sed -n '/^Target  /,/^Total /p' "$log" | tail -n +3
  grep -E '^TestTotals +│ [0-9]+ passed' "$log" | sed 's/^TestTotals *│ /  totals: /' || true
  grep -E 'RunTests +│ \[suite=[^]]*\] (Runs|Up to date):' "$log" | sed -E 's/^RunTests +│ /  /' || true
}

sections=" ${SECTIONS:-tests fingerprint cake} "
log="$(mktemp)"
probe=tests/Pipeline.Delivery.Tests/IncrementalBenchProbe.cs
trap 'rm -f "$repo/$probe" "$log"' EXIT

if [[ "$sections" == *" tests "* ]]; then
echo "== ./build.sh Test: a first run records, the second finds nothing changed"
echo "first:  $(timed_build Test)"
echo "second: $(timed_build Test)"
what_ran

echo
echo "== one source file of one test project changed (tests/Pipeline.Delivery.Tests)"
printf '// Written by bench/incremental.sh: a change to one test project.\nnamespace Pipeline.Delivery.Tests;\n\ninternal static class IncrementalBenchProbe\n{\n    public const int Value = %s;\n}\n' "$(date +%s)" >"$probe"
echo "changed: $(timed_build Test)"
what_ran
rm -f "$probe"
echo "restored: $(timed_build Test)"
what_ran | grep -E 'totals|RunTests' || true
fi

if [[ "$sections" == *" fingerprint "* ]]; then
echo
echo "== fingerprinting this repository's inputs (warm)"
read -r plan plan_min < <(measure ./build.sh Test --plan)
read -r help help_min < <(measure ./build.sh --help)
echo "./build.sh Test --plan (every fingerprint): median ${plan} s (min ${plan_min} s) over ${runs} runs"
echo "./build.sh --help (start-up alone):         median ${help} s (min ${help_min} s)"
awk -v a="$plan" -v b="$help" 'BEGIN { printf "fingerprints of the 8 incremental targets: about %.0f ms\n", (a - b) * 1000 }'
# The file hashes alone (what a target's fingerprint reads), counted on the inputs of Compile.
files=$(find src tests bench build templates samples/*/build \( -name bin -o -name obj -o -name node_modules -o -name target \) -prune -o -type f -print | wc -l)
echo "files under the solution's sources: $files"
fi

if [[ "$sections" == *" cake "* ]]; then
echo
echo "== the same 1 → 4 → 1 diamond of 500 ms targets and start-up: Pipeline and Cake 7.0"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch" "$log"; rm -f "$repo/$probe"' EXIT

mkdir -p "$scratch/pipeline/build" "$scratch/pipeline/.nuke"
cp build.sh global.json "$scratch/pipeline/"
cat >"$scratch/pipeline/build/Diamond.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Pipeline/Pipeline.csproj" />
  </ItemGroup>
</Project>
PROJECT
cat >"$scratch/pipeline/build/Program.cs" <<'CODE'
using Pipeline;

return await new PipelineBuilder().Add<Z>().Default<Z>().RunAsync(args);

public abstract class Sleeps : Target
{
    protected override Task RunAsync(TargetContext context) => Task.Delay(500, context.Cancellation);
}

public sealed class A : Sleeps { protected override void Configure(TargetSpec target) => target.Description("first"); }
public sealed class B1 : Sleeps { protected override void Configure(TargetSpec target) => target.DependsOn<A>(); }
public sealed class B2 : Sleeps { protected override void Configure(TargetSpec target) => target.DependsOn<A>(); }
public sealed class B3 : Sleeps { protected override void Configure(TargetSpec target) => target.DependsOn<A>(); }
public sealed class B4 : Sleeps { protected override void Configure(TargetSpec target) => target.DependsOn<A>(); }
public sealed class Z : Sleeps
{
    protected override void Configure(TargetSpec target) => target.DependsOn<B1>().DependsOn<B2>().DependsOn<B3>().DependsOn<B4>();
}
CODE

mkdir -p "$scratch/cake"
cat >"$scratch/cake/build.cake" <<'CAKE'
Task("A").Description("first").Does(() => System.Threading.Thread.Sleep(500));
Task("B1").IsDependentOn("A").Does(() => System.Threading.Thread.Sleep(500));
Task("B2").IsDependentOn("A").Does(() => System.Threading.Thread.Sleep(500));
Task("B3").IsDependentOn("A").Does(() => System.Threading.Thread.Sleep(500));
Task("B4").IsDependentOn("A").Does(() => System.Threading.Thread.Sleep(500));
Task("Z").IsDependentOn("B1").IsDependentOn("B2").IsDependentOn("B3").IsDependentOn("B4").Does(() => System.Threading.Thread.Sleep(500));
RunTarget(Argument("target", "Z"));
CAKE
(cd "$scratch/cake" && dotnet new tool-manifest >/dev/null && dotnet tool install cake.tool --version 7.0.0 >/dev/null)
export CAKE_SETTINGS_ENABLESCRIPTCACHE=true # its compiled-script cache, for fairness

(cd "$scratch/pipeline" && ./build.sh --help >/dev/null) # builds the pipeline once
(cd "$scratch/cake" && dotnet cake build.cake --description >/dev/null) # compiles and caches the script once

cd "$scratch/pipeline"
read -r p_diamond p_diamond_min < <(measure ./build.sh Z --max-parallel 4)
read -r p_help p_help_min < <(measure ./build.sh --help)
cd "$scratch/cake"
read -r c_diamond c_diamond_min < <(measure dotnet cake build.cake --target=Z)
read -r c_help c_help_min < <(measure dotnet cake build.cake --description)
cd "$repo"

echo "diamond, Pipeline (--max-parallel 4): median ${p_diamond} s (min ${p_diamond_min} s) over ${runs} runs"
echo "diamond, Cake 7.0:                    median ${c_diamond} s (min ${c_diamond_min} s)"
echo "start-up, Pipeline --help:            median ${p_help} s (min ${p_help_min} s)"
echo "start-up, Cake 7.0 --description:     median ${c_help} s (min ${c_help_min} s)"
fi
