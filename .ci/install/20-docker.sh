# Starts the Docker engine when none answers (no systemd here) and sets what Testcontainers needs
# on this engine: its API version, no Ryuk (its image cannot be pulled), and 127.0.0.1 as the host.
if command -v dockerd >/dev/null 2>&1 && ! docker info >/dev/null 2>&1; then
  echo "ci: starting dockerd"
  (dockerd --storage-driver=vfs >/tmp/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || echo "warning: dockerd did not start (see /tmp/dockerd.log)" >&2
fi
export DOCKER_API_VERSION=1.41
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
