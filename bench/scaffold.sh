#!/usr/bin/env bash
# From an empty repository to a green ./build.sh, timed step by step (bench/README.md, "Adoption"):
# pack the packages into a folder feed, install the template, scaffold a small .NET repository, then
# run its first ./build.sh with a cold NuGet cache (an empty NUGET_PACKAGES: everything is restored
# from the machine's package sources) and again in a second fresh repository with that cache warm,
# and finally the warm ./build.sh --help. Takes a few minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repository_root="$PWD"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.1-bench.$(date +%Y%m%d%H%M%S)"
feed="$work/feed" hive="$work/hive"
export NUGET_PACKAGES="$work/nuget-packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

seconds() { # $1 = label, rest = command; prints "label: N.N s"
  local label="$1"; shift
  local start end
  start="$(date +%s%N)"
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; echo "failed: $label" >&2; exit 1; }
  end="$(date +%s%N)"
  printf '%-58s %6.1f s\n' "$label" "$(awk "BEGIN { print ($end - $start) / 1e9 }")"
}

pack() {
  for project in src/Pipeline src/Pipeline.GitHubActions src/Pipeline.Components src/Pipeline.Delivery templates/Pipeline.Templates; do
    dotnet pack "$project" -c Release -o "$feed" "-p:Version=$version" -nologo -v:q
  done
}

new_repository() { # $1 = folder: a library and its xunit tests, committed, with the feed as a source
  local repo="$1"
  mkdir -p "$repo/src/App" "$repo/tests/App.Tests"
  cat >"$repo/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="pipeline-packages" value="$feed" /></packageSources></configuration>
EOF
  printf '<Solution>\n  <Project Path="src/App/App.csproj" />\n  <Project Path="tests/App.Tests/App.Tests.csproj" />\n</Solution>\n' >"$repo/App.slnx"
  printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>\n</Project>\n' >"$repo/src/App/App.csproj"
  printf 'namespace App;\n\npublic static class Greeting\n{\n    public static string For(string name) => $"Hello, {name}!";\n}\n' >"$repo/src/App/Greeting.cs"
  cat >"$repo/tests/App.Tests/App.Tests.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit.v3" Version="3.2.1" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
  </ItemGroup>
  <ItemGroup><ProjectReference Include="../../src/App/App.csproj" /></ItemGroup>
</Project>
EOF
  printf 'using Xunit;\n\nnamespace App.Tests;\n\npublic sealed class GreetingTests\n{\n    [Fact]\n    public void Greets_by_name() => Assert.Equal("Hello, Ada!", App.Greeting.For("Ada"));\n}\n' >"$repo/tests/App.Tests/GreetingTests.cs"
  git init --quiet "$repo"
}

echo "steps (2 cores; NUGET_PACKAGES starts empty):"
seconds "pack the five packages into a folder feed (once, by us)" pack
seconds "dotnet new install Pipeline.Templates" dotnet new install "Pipeline.Templates::$version" --add-source "$feed" --debug:custom-hive "$hive"

cold="$work/cold"; new_repository "$cold"; cd "$cold"
seconds "dotnet new pipeline --toolchain dotnet" dotnet new pipeline --toolchain dotnet --debug:custom-hive "$hive"
seconds "first ./build.sh, cold NuGet cache (green)" ./build.sh
seconds "second ./build.sh (pipeline built; targets run again)" ./build.sh

warm="$work/warm"; new_repository "$warm"; cd "$warm"
dotnet new pipeline --toolchain dotnet --debug:custom-hive "$hive" >/dev/null
seconds "first ./build.sh in a new repository, warm NuGet cache" ./build.sh

./build.sh --help >/dev/null
runs=10 total=0
for _ in $(seq "$runs"); do
  start="$(date +%s%N)"; ./build.sh --help >/dev/null; end="$(date +%s%N)"
  total=$((total + end - start))
done
printf '%-58s %6.3f s\n' "warm ./build.sh --help (mean of $runs)" "$(awk "BEGIN { print $total / $runs / 1e9 }")"
cd "$repository_root"
