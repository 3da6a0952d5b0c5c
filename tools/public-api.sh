#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of every package from its current public API (nothing has
# shipped yet, so everything is Unshipped). Run it after an intended public API change, review the
# diff, commit it; `dotnet build -c Lint` fails on any public change the files do not list.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for project in src/*/*.csproj; do
  folder="$(dirname "$project")"
  # Start empty, so removed members leave the file too; the analyzer's fix adds what is public now.
  printf '#nullable enable\n' >"$folder/PublicAPI.Unshipped.txt"
  [ -f "$folder/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' >"$folder/PublicAPI.Shipped.txt"
  echo "public API of $folder" >&2
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info --no-restore
done
