# Debian's chromium, headless, for the tests that open the run report in a real browser
# (--dump-dom, --screenshot). Sourced by .ci/run: no exit, only a warning; skips apt when installed.
if ! dpkg -s chromium >/dev/null 2>&1; then
  echo "ci: installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    echo "warning: apt-get install chromium failed; the run report's browser tests fail under CI=true" >&2
fi
