#!/usr/bin/env bash
# Bootstrap for this repository's pipeline (build/): rebuild it only when its inputs changed, then
# run it with the arguments. Needs only the .NET SDK that global.json pins; downloads nothing.
# A sample under samples/ runs its own pipeline through this script by setting PIPELINE_SAMPLE_ROOT.
set -euo pipefail

REPOSITORY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${PIPELINE_SAMPLE_ROOT:-$REPOSITORY}"
# The one project in build/; its executable is named after it (Build, EventService.Build, ...).
BUILD_PROJECT="$(find "$ROOT/build" -maxdepth 1 -name '*.csproj' | head -n 1)"
if [ -z "$BUILD_PROJECT" ]; then
  echo "error: no build project (*.csproj) in $ROOT/build" >&2
  exit 3
fi
EXECUTABLE="$(basename "$BUILD_PROJECT" .csproj)"
TEMP="$ROOT/.nuke/temp"
OUTPUT="$TEMP/bin"
STAMP="$TEMP/build-inputs"

export PIPELINE_ROOT="$ROOT" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The inputs of the build project: its sources, the library it references, the shared MSBuild files.
# The sorted list catches added and deleted files; -newer catches edits. Both are POSIX, so this is
# fast enough to run on every call.
inputs() {
  find "$ROOT/build" "$REPOSITORY/src" \( -name bin -o -name obj \) -prune -o -type f -print
  printf '%s\n' "$REPOSITORY/global.json" "$REPOSITORY/Directory.Build.props" "$REPOSITORY/Directory.Packages.props"
}
fingerprint() { inputs | LC_ALL=C sort | cksum; }

up_to_date() {
  [ -x "$OUTPUT/$EXECUTABLE" ] && [ -f "$STAMP" ] || return 1
  [ "$(cat "$STAMP")" = "$(fingerprint)" ] || return 1
  local file
  for file in "$REPOSITORY/global.json" "$REPOSITORY/Directory.Build.props" "$REPOSITORY/Directory.Packages.props"; do
    [ "$file" -nt "$STAMP" ] && return 1
  done
  [ -z "$(find "$ROOT/build" "$REPOSITORY/src" \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" -print | head -n 1)" ]
}

require_sdk() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: 'dotnet' was not found on PATH." >&2
    echo "Install the .NET SDK version pinned in global.json (see https://learn.microsoft.com/dotnet/core/install/), then run this again." >&2
    exit 127
  fi
  local pinned
  pinned="$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$REPOSITORY/global.json" | head -n 1)"
  if ! dotnet --list-sdks | grep -q "^${pinned%.*}"; then
    echo "error: global.json pins .NET SDK $pinned (or a later patch of ${pinned%.*}), which is not installed." >&2
    echo "Installed: $(dotnet --list-sdks | cut -d' ' -f1 | tr '\n' ' ')" >&2
    exit 127
  fi
}

build() {
  require_sdk
  mkdir -p "$TEMP"
  echo "Building the pipeline (build/ or src/ changed)…" >&2
  local log="$TEMP/bootstrap.log"
  if ! dotnet build "$BUILD_PROJECT" --configuration Release --output "$OUTPUT" -nologo -v:q >"$log" 2>&1; then
    cat "$log" >&2
    echo "error: the pipeline does not build; see above." >&2
    exit 3
  fi
  fingerprint >"$STAMP"
}

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

exec "$OUTPUT/$EXECUTABLE" "$@"
