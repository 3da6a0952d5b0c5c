# Service container images for the tests. Testcontainers starts PostgreSQL from $PIPELINE_POSTGRES_IMAGE
# (default postgres:16-alpine) and Redis from $PIPELINE_REDIS_IMAGE (default redis:7-alpine). No registry
# is reachable on CI machines, so when an image is not present locally this builds one from Debian
# packages (debootstrap, from the mirror apt already uses): PostgreSQL with an entrypoint that honours
# POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB like the official image, Redis listening on every address.
# Sourced by .ci/run: no exit, only warnings; exports each PIPELINE_*_IMAGE it made or found.

pipeline_local_postgres_image="pipeline-local/postgres:15"
pipeline_local_redis_image="pipeline-local/redis:7"

# The base URI of the Debian mirror in apt's deb822 sources (read at run time, never written down).
pipeline_debian_mirror() {
  sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/* 2>/dev/null | grep -v -- '-security' | head -n 1
}

pipeline_install_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return 0
  echo "ci: installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
    { echo "warning: apt-get install debootstrap failed; cannot build service images" >&2; return 1; }
}

# A minimal Debian root with the given packages, imported as "<image>-rootfs"; prints the work folder.
pipeline_debian_rootfs() {
  local image="$1" packages="$2" mirror work
  pipeline_install_debootstrap || return 1
  mirror="$(pipeline_debian_mirror)"
  if [ -z "$mirror" ]; then
    echo "warning: no URIs: line in /etc/apt/sources.list.d/*; cannot build $image" >&2
    return 1
  fi
  work="$(mktemp -d)"
  echo "ci: building $image from Debian packages (debootstrap, about a minute)" >&2
  if ! debootstrap --variant=minbase --include="$packages" bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log" >&2
    echo "warning: debootstrap failed; cannot build $image" >&2
    rm -rf "$work"
    return 1
  fi
  printf '%s\n' "$work"
}

pipeline_build_redis_image() {
  local image="$1" work
  work="$(pipeline_debian_rootfs "$image" redis-server)" || return 1
  tar -C "$work/rootfs" -c . | docker import - "$image-rootfs" >/dev/null || { rm -rf "$work"; return 1; }
  rm -rf "$work/rootfs"
  mkdir -p "$work/context"
  # Debian's redis.conf binds loopback and daemonizes; a service container wants the reverse, with no disk writes.
  cat >"$work/context/Dockerfile" <<DOCKERFILE
FROM $image-rootfs
RUN mkdir -p /data && chown redis:redis /data
USER redis
WORKDIR /data
EXPOSE 6379
ENTRYPOINT ["redis-server"]
CMD ["--bind", "0.0.0.0", "::", "--protected-mode", "no", "--save", "", "--appendonly", "no"]
DOCKERFILE
  if ! DOCKER_BUILDKIT=0 docker build -q -t "$image" "$work/context" >/dev/null 2>"$work/build.log"; then
    cat "$work/build.log" >&2
    echo "warning: docker build of $image failed" >&2
    rm -rf "$work"
    return 1
  fi
  docker image rm "$image-rootfs" >/dev/null 2>&1 || true
  rm -rf "$work"
  echo "ci: built $image (Debian's redis-server)"
}

pipeline_build_postgres_image() {
  local image="$1" mirror work version
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "ci: installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
      { echo "warning: apt-get install debootstrap failed; cannot build $image" >&2; return 1; }
  fi
  mirror="$(pipeline_debian_mirror)"
  if [ -z "$mirror" ]; then
    echo "warning: no URIs: line in /etc/apt/sources.list.d/*; cannot build $image" >&2
    return 1
  fi

  work="$(mktemp -d)"
  echo "ci: building $image from Debian packages (debootstrap, about a minute)"
  if ! debootstrap --variant=minbase --include=postgresql bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log" >&2
    echo "warning: debootstrap failed; cannot build $image" >&2
    rm -rf "$work"
    return 1
  fi
  version="$(ls "$work/rootfs/usr/lib/postgresql" | sort -n | tail -n 1)"
  tar -C "$work/rootfs" -c . | docker import - "$image-rootfs" >/dev/null || { rm -rf "$work"; return 1; }
  rm -rf "$work/rootfs"

  mkdir -p "$work/context"
  cat >"$work/context/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/sh
# Like the official image's entrypoint, for what tests use: on first start create the cluster with
# POSTGRES_USER (default postgres) and POSTGRES_PASSWORD, then POSTGRES_DB (default: the user).
# Clients on the network authenticate with scram-sha-256; the local socket trusts (pg_isready, psql).
set -eu
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  host_auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$host_auth" != trust ]; then
    echo "error: set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi
  pwfile="$(mktemp)"
  printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$pwfile"
  initdb -D "$PGDATA" --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host="$host_auth" >/dev/null
  rm -f "$pwfile"
  printf 'host all all 0.0.0.0/0 %s\nhost all all ::/0 %s\n' "$host_auth" "$host_auth" >>"$PGDATA/pg_hba.conf"
  printf "listen_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    # Not reachable over TCP until it is ready: a health check on 127.0.0.1 waits for the real server.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    psql -v ON_ERROR_STOP=1 -q --username="$POSTGRES_USER" --dbname=postgres \
      -c "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\""
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
fi
if [ "${1:-}" = postgres ]; then
  shift
  exec postgres -D "$PGDATA" "$@"
fi
exec "$@"
ENTRYPOINT
  chmod +x "$work/context/docker-entrypoint.sh"
  cat >"$work/context/Dockerfile" <<DOCKERFILE
FROM $image-rootfs
ENV PATH=/usr/lib/postgresql/$version/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    PGDATA=/var/lib/postgresql/data LANG=C.UTF-8
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN rm -rf /var/lib/postgresql/$version /etc/postgresql/$version && mkdir -p /var/lib/postgresql/data /var/run/postgresql && \\
    chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data
USER postgres
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
DOCKERFILE
  if ! DOCKER_BUILDKIT=0 docker build -q -t "$image" "$work/context" >/dev/null 2>"$work/build.log"; then
    cat "$work/build.log" >&2
    echo "warning: docker build of $image failed" >&2
    rm -rf "$work"
    return 1
  fi
  docker image rm "$image-rootfs" >/dev/null 2>&1 || true
  rm -rf "$work"
  echo "ci: built $image (PostgreSQL $version)"
}

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "warning: no Docker engine; service container images were not prepared" >&2
elif [ -n "${PIPELINE_POSTGRES_IMAGE:-}" ] && docker image inspect "$PIPELINE_POSTGRES_IMAGE" >/dev/null 2>&1; then
  echo "ci: PostgreSQL image $PIPELINE_POSTGRES_IMAGE is present"
elif docker image inspect "$pipeline_local_postgres_image" >/dev/null 2>&1 || pipeline_build_postgres_image "$pipeline_local_postgres_image"; then
  export PIPELINE_POSTGRES_IMAGE="$pipeline_local_postgres_image"
fi
if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  :
elif [ -n "${PIPELINE_REDIS_IMAGE:-}" ] && docker image inspect "$PIPELINE_REDIS_IMAGE" >/dev/null 2>&1; then
  echo "ci: Redis image $PIPELINE_REDIS_IMAGE is present"
elif docker image inspect "$pipeline_local_redis_image" >/dev/null 2>&1 || pipeline_build_redis_image "$pipeline_local_redis_image"; then
  export PIPELINE_REDIS_IMAGE="$pipeline_local_redis_image"
fi
unset -f pipeline_debian_mirror pipeline_install_debootstrap pipeline_debian_rootfs pipeline_build_postgres_image pipeline_build_redis_image
unset pipeline_local_postgres_image pipeline_local_redis_image
