#!/usr/bin/env bash
# This sample's pipeline, run by the repository's bootstrap with this folder as the root.
PIPELINE_SAMPLE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)" exec "$(dirname "${BASH_SOURCE[0]}")/../../build.sh" "$@"
