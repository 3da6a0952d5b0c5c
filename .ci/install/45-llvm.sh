# The Rust coverage tests (and samples/rust-workspace's Coverage) merge rustc's profiles with
# llvm-profdata and read them with llvm-cov, which must be of the LLVM rustc uses: a raw profile of
# one LLVM is rejected by another's llvm-profdata. rustup's llvm-tools component would do; here it is
# Debian's versioned llvm-N (llvm-profdata-N, llvm-cov-N), N read from `rustc -vV`. Runs after 40-rust.sh.
if command -v rustc >/dev/null 2>&1; then
  llvm_major="$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')"
  llvm_tools="$(dirname "$(rustc --print target-libdir)")/bin"
  if [ -x "$llvm_tools/llvm-profdata" ] && [ -x "$llvm_tools/llvm-cov" ]; then
    : # rustup's llvm-tools: the coverage component prefers them
  elif [ -n "$llvm_major" ] && ! dpkg -s "llvm-$llvm_major" >/dev/null 2>&1; then
    echo "ci: installing llvm-$llvm_major (rustc's LLVM)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "llvm-$llvm_major" >/dev/null ||
      echo "warning: apt-get install llvm-$llvm_major failed; the Rust coverage tests fail under CI=true" >&2
  fi
  unset llvm_major llvm_tools
else
  echo "warning: rustc is not installed; the Rust coverage tests will fail under CI=true" >&2
fi
