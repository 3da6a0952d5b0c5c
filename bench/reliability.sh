#!/usr/bin/env bash
# Probes the engine the way the reliability issue did: bad input, secrets printed every way, processes
# left behind, expected failures. Builds bench/Pipeline.Probes, runs each probe in a scratch root, and
# prints one table of counts (bench/README.md, "Reliability"). Linux only (it reads /proc).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bin="$(mktemp -d)"
root="$(mktemp -d)"
trap 'pkill -f "sleep 3001[1-6]" 2>/dev/null; rm -rf "$bin" "$root"' EXIT
dotnet build bench/Pipeline.Probes -c Release -o "$bin" -nologo -v:q >/dev/null || { echo "the probe pipeline does not build" >&2; exit 1; }
probe="$bin/Pipeline.Probes"
mkdir -p "$root/.nuke"
export PIPELINE_ROOT="$root" NO_COLOR=1
unset GITHUB_ACTIONS CI

out="$root/out.txt"
run() { "$probe" "$@" >"$out" 2>&1; }
has_trace() { grep -qE '^\s+at [A-Za-z_.]+.*\(' "$out"; }

inputs_tried=0 inputs_clean=0 traces=0 leaks=0 orphans=0
declare -a notes=()

# ---- bad input: the expected exit code, one error line, no stack trace, no target ran ------------
expect() {
  local code="$1" name="$2"; shift 2
  inputs_tried=$((inputs_tried + 1))
  run "$@"; local status=$?
  local errors; errors="$(grep -c '^error:' "$out")"
  if has_trace; then traces=$((traces + 1)); fi
  if [ "$status" = "$code" ] && ! has_trace && { [ "$code" = 0 ] || { [ "$errors" = 1 ] && ! grep -q 'stdout: ' "$out"; }; }; then
    inputs_clean=$((inputs_clean + 1))
  else
    notes+=("input '$name': exit $status (wanted $code), $errors error lines")
  fi
}
params() { printf '%s' "$1" >"$root/.nuke/parameters.json"; }

expect 2 "unknown target" Nope
expect 2 "unknown option" --nope
expect 2 "--check alone" --check
expect 2 "missing required value" NeedsVersion
expect 2 "empty required value" NeedsVersion --version ""
expect 2 "option without its value" NeedsVersion --version
expect 2 "bad enumeration value" NeedsVersion --version 1 --mode Fast
expect 2 "missing tool" NeedsTool
expect 2 "--max-parallel 0" NeedsVersion --version 1 --max-parallel 0
expect 2 "--max-parallel x" NeedsVersion --version 1 --max-parallel x
expect 2 "unknown profile" NeedsVersion --version 1 --profile nowhere
expect 2 "unknown plan format" --plan sideways
expect 2 "--skip of an unknown target" NeedsVersion --version 1 --skip Nope
expect 2 "a secret option without its value" PrintSecret --api-key
PROBE_CYCLE=1 expect 3 "a dependency cycle" NeedsVersion --version 1
params '{ "version": "1", "version": "2" }'; expect 2 "parameters.json with a duplicate key" NeedsVersion
params '{ "version": "1" } trailing'; expect 2 "parameters.json with trailing text" NeedsVersion
params '{ "version": "1" }{ "version": "2" }'; expect 2 "parameters.json with two documents" NeedsVersion
params '{ "version": '; expect 2 "parameters.json cut short" NeedsVersion
params $'\xef\xbb\xbf{ "version": "1" }'; expect 0 "parameters.json with a byte order mark" NeedsVersion
rm -f "$root/.nuke/parameters.json"
expect 0 "array values that start with -" NeedsVersion --version 1 --labels -a -b
expect 0 "a secret value that starts with -" PrintSecret --api-key -Xq7-probe-secret

# ---- secrets: the raw value (or what GitHub decodes back to it) in any output ----------------------
leaked() { # $1 = the secret; every line of it 3 characters or longer must be masked
  local decoded="$root/decoded.txt" line
  # ::add-mask:: is how the value reaches GitHub's masker; GitHub never shows that line.
  cat "$out" "$root/summary.md" 2>/dev/null | grep -v '^::add-mask::' | sed -e 's/%0D//g' -e 's/%0A/\n/g' -e 's/%25/%/g' >"$decoded"
  while IFS= read -r line; do
    [ "${#line}" -ge 3 ] && grep -qF -- "$line" "$decoded" && return 0
  done <<<"$1"
  return 1
}
leak_probe() { # $1 = name, $2 = secret, rest = arguments (the secret comes from API_KEY unless given)
  local name="$1" secret="$2"; shift 2
  : >"$root/summary.md"
  API_KEY="$secret" GITHUB_STEP_SUMMARY="$root/summary.md" run "$@"
  if has_trace; then traces=$((traces + 1)); notes+=("secret '$name': a stack trace"); fi
  if leaked "$secret"; then leaks=$((leaks + 1)); notes+=("secret '$name': leaked"); fi
}
pem=$'-----BEGIN PROBE KEY-----\nMIIBprobesecretline\nxyz\n-----END PROBE KEY-----'
for actions in "" true; do
  export GITHUB_ACTIONS="$actions"
  where="${actions:+under Actions}"; where="${where:-locally}"
  leak_probe "plain, $where" "plain-probe-secret" PrintSecret
  leak_probe "with %, $where" "p%25r%0Aobe-secret" PrintSecret
  leak_probe "multi-line, $where" "$pem" PrintSecret
  leak_probe "starting with -, $where" "-Xq7-probe-secret" PrintSecret --api-key -Xq7-probe-secret
  leak_probe "in an exception, $where" "exception-probe-secret" FailWithSecret
  leak_probe "in a failed command, $where" "command-probe-secret" FailWithSecret --mode Thorough
  leak_probe "in an error about the value, $where" "-Xq7-probe-secret" PrintSecret --api-key -Xq7-probe-secret --nope
done
unset GITHUB_ACTIONS

# ---- processes: anything of ours alive once the run is over ----------------------------------------
survivors() { pgrep -f 'sleep 3001[1-6]' | wc -l; }
orphan_probe() { # $1 = name; the scenario ran before this
  sleep 1
  local left; left="$(survivors)"
  if [ "$left" -gt 0 ]; then orphans=$((orphans + left)); notes+=("processes '$1': $left left running"); fi
  pkill -f 'sleep 3001[1-6]' 2>/dev/null || true
}
run LeaveProcesses; orphan_probe "left by a successful target"
# A child that keeps the target's output pipe open must not keep the target (and the run) waiting for it.
timeout 60 "$probe" LeaveProcessHoldingOutput >"$out" 2>&1 || notes+=("processes 'holding the output pipe': the run did not end by itself (exit $?)")
orphan_probe "left holding the output pipe"
run TimeOut; has_trace && traces=$((traces + 1)); orphan_probe "the last target timed out"
# As a terminal starts it: a process group of its own that does not ignore SIGINT (job control on).
in_own_group() { set -m; "$probe" "$@" >"$out" 2>&1 & pid=$!; set +m; sleep 4; }
in_own_group LeaveDaemon; kill -INT -- -"$pid"; wait "$pid"; orphan_probe "Ctrl+C with a setsid env -i daemon"
in_own_group Hang; kill -TERM "$pid"; wait "$pid"; orphan_probe "SIGTERM"
in_own_group Hang; kill -KILL "$pid"; wait "$pid" 2>/dev/null; run NeedsVersion --version 1; orphan_probe "kill -9, then the next run"

# ---- the table ---------------------------------------------------------------------------------------
printf '| probe | count |\n| --- | --- |\n'
printf '| bad inputs tried | %d |\n| bad inputs handled cleanly (exit code, one error line, nothing ran) | %d |\n' "$inputs_tried" "$inputs_clean"
printf '| secret leak paths (7 ways, locally and under Actions) | %d |\n' "$leaks"
printf '| processes left running (6 scenarios) | %d |\n' "$orphans"
printf '| expected failures that printed a stack trace | %d |\n' "$traces"
for note in "${notes[@]}"; do echo "- $note"; done
