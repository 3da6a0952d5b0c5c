#!/usr/bin/env bash
# Bootstrap of a pipeline: the one project in build/ next to this script. Rebuilds it only when what it
# is made of changed, then runs it with the arguments. Needs only the .NET SDK; downloads nothing.
# The same file serves every repository (this one, each sample, a scaffold): it knows no paths but build/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
BUILD_PROJECT="$(find "$ROOT/build" -maxdepth 1 -name '*.csproj' 2>/dev/null | head -n 1)"
if [ -z "$BUILD_PROJECT" ]; then
  echo "error: no build project (*.csproj) in $ROOT/build" >&2
  exit 3
fi
# Its executable is named after it (Build, EventService.Build, ...) unless it sets AssemblyName.
EXECUTABLE="$(sed -n 's:.*<AssemblyName>\(.*\)</AssemblyName>.*:\1:p' "$BUILD_PROJECT" | head -n 1)"
EXECUTABLE="${EXECUTABLE:-$(basename "$BUILD_PROJECT" .csproj)}"
TEMP="$ROOT/.nuke/temp"
OUTPUT="$TEMP/bin"
# Line 1: the fingerprint. Then what it covers: "d <project folder>" and "f <file MSBuild may import>".
STAMP="$TEMP/build-inputs"

export PIPELINE_ROOT="$ROOT" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The build project and every project it references, transitively: one absolute path per line.
# References are read with sed, relative to the referencing project, with either slash.
projects() {
  local queue=("$BUILD_PROJECT") seen=" " project folder reference target
  while [ "${#queue[@]}" -gt 0 ]; do
    project="${queue[0]}"
    queue=("${queue[@]:1}")
    case "$seen" in *" $project "*) continue ;; esac
    seen="$seen$project "
    echo "$project"
    folder="${project%/*}"
    while IFS= read -r reference; do
      reference="${reference//\\//}"
      reference="${reference//\$(MSBuildThisFileDirectory)/$folder/}"
      reference="${reference//\$(MSBuildProjectDirectory)/$folder}"
      case "$reference" in *'$('*|'') continue ;; /*) ;; *) reference="$folder/$reference" ;; esac
      [ -f "$reference" ] || continue
      target="$(cd "${reference%/*}" && pwd -P)/${reference##*/}"
      queue+=("$target")
    done < <(tr '\r\n' '  ' <"$project" | grep -o '<ProjectReference[^>]*Include="[^"]*"' | sed 's/.*Include="//; s/"$//' | tr ';' '\n')
  done
}

# What MSBuild imports for a project folder on its own: the nearest Directory.Build.props,
# Directory.Build.targets and Directory.Packages.props above it (and further up when that one imports
# its parent's). Every place looked at is listed, so a file that appears there later is noticed too.
imported_files() {
  local folder="$1" name dir
  for name in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
    dir="$folder"
    while :; do
      echo "$dir/$name"
      if [ -f "$dir/$name" ] && ! grep -q GetPathOfFileAbove "$dir/$name"; then
        break
      fi
      [ -n "$dir" ] || break
      dir="${dir%/*}"
    done
  done
}

# Writes what the pipeline is made of (after the line the fingerprint goes on): never the rest of the
# repository, whose own code may change without touching its pipeline.
write_inputs() {
  local project folders=""
  while IFS= read -r project; do
    folders="$folders${project%/*}"$'\n'
    echo "d ${project%/*}"
  done < <(projects)
  while IFS= read -r folder; do
    [ -n "$folder" ] && imported_files "$folder" | sed 's/^/f /'
  done <<<"$folders"
  printf 'f %s\n' "$ROOT/global.json" "$ROOT/nuget.config" "$ROOT/NuGet.Config" "$ROOT/NuGet.config"
}

inputs() { write_inputs | awk '!seen[$0]++'; }

# The sorted list of input files: an added or deleted file changes it. With a stamp to compare to,
# a file edited since is listed a second time, so an edit changes it as well.
listing() {
  local newer="${1:-}" kind path folders=() files=()
  while read -r kind path; do
    case "$kind" in d) folders+=("$path") ;; f) files+=("$path") ;; esac
  done
  {
    if [ -n "$newer" ]; then
      find "${folders[@]}" \( -name bin -o -name obj \) -prune -o -type f \( -newer "$newer" -print -print -o -print \)
    else
      find "${folders[@]}" \( -name bin -o -name obj \) -prune -o -type f -print
    fi
    for path in "${files[@]}"; do
      [ -f "$path" ] || continue
      echo "$path"
      if [ -n "$newer" ] && [ "$path" -nt "$newer" ]; then echo "$path"; fi
    done
  } | LC_ALL=C sort | cksum
}

up_to_date() {
  [ -x "$OUTPUT/$EXECUTABLE" ] && [ -f "$STAMP" ] || return 1
  local recorded current
  { read -r recorded && current="$(listing "$STAMP")"; } <"$STAMP"
  [ "$current" = "$recorded" ]
}

require_sdk() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: 'dotnet' was not found on PATH." >&2
    echo "Install the .NET SDK version pinned in global.json (see https://learn.microsoft.com/dotnet/core/install/), then run this again." >&2
    exit 127
  fi
  [ -f "$ROOT/global.json" ] || return 0
  local pinned
  pinned="$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1)"
  if [ -n "$pinned" ] && ! dotnet --list-sdks | grep -q "^${pinned%.*}"; then
    echo "error: global.json pins .NET SDK $pinned (or a later patch of ${pinned%.*}), which is not installed." >&2
    echo "Installed: $(dotnet --list-sdks | cut -d' ' -f1 | tr '\n' ' ')" >&2
    exit 127
  fi
}

# SIGINT or SIGTERM while the pipeline builds: stop the build's whole process group (MSBuild nodes and
# the tools it started with it), write no stamp, run nothing, exit 130.
BUILD_PID=""
interrupted() {
  trap '' INT TERM
  if [ -n "$BUILD_PID" ]; then
    kill -TERM -- "-$BUILD_PID" 2>/dev/null || true
    local tick
    for tick in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
      kill -0 -- "-$BUILD_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$BUILD_PID" 2>/dev/null || true
  fi
  echo "Interrupted: the pipeline was not built and nothing ran." >&2
  exit 130
}

build() {
  require_sdk
  mkdir -p "$TEMP"
  echo "Building the pipeline (what it is made of changed)…" >&2
  local log="$TEMP/bootstrap.log" started="$TEMP/build-started"
  # Edits made while it builds must count as changes next time: the stamp gets the time the build began.
  touch "$started"
  # A process group of its own (job control), so an interrupt can stop all of it. No MSBuild node and
  # no compiler server outlives the build: nothing keeps running after the script, and a signal can end it all.
  set -m
  dotnet build "$BUILD_PROJECT" --configuration Release --output "$OUTPUT" -nologo -v:q \
    -nodeReuse:false -p:UseSharedCompilation=false >"$log" 2>&1 &
  BUILD_PID=$!
  set +m
  local status=0
  wait "$BUILD_PID" || status=$?
  BUILD_PID=""
  if [ "$status" -ne 0 ]; then
    cat "$log" >&2
    echo "error: the pipeline does not build; see above." >&2
    exit 3
  fi
  local inputs
  inputs="$(inputs)"
  { listing <<<"$inputs"; echo "$inputs"; } >"$STAMP.new"
  touch -r "$started" "$STAMP.new"
  mv "$STAMP.new" "$STAMP"
}

trap interrupted INT TERM
if ! up_to_date; then
  # Two concurrent calls must not build over each other: the second waits, then finds it up to date.
  if command -v flock >/dev/null 2>&1; then
    mkdir -p "$TEMP"
    exec 9>"$TEMP/bootstrap.lock"
    flock 9
    up_to_date || build
    flock -u 9
  else
    build
  fi
fi
trap - INT TERM

exec "$OUTPUT/$EXECUTABLE" "$@"
