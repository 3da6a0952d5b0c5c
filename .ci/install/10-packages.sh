# Debian packages the tests use: the Docker engine and a registry (delivery, service containers),
# htpasswd (registry auth), skopeo, Go, git. Sourced by .ci/run; skips apt when all are present.
packages=(docker.io docker-registry apache2-utils skopeo golang-go git)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    echo "warning: apt-get install ${missing[*]} failed; tests that need them fail under CI=true" >&2
fi
