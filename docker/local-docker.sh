#!/usr/bin/env bash
# Docker for machines without registry access (such as this project's CI): installs Debian's docker.io and
# debootstrap, starts a Docker engine if none is running, and builds the local base image local/jre:17.
#   docker/local-docker.sh start    # then: CONTAINER_BASE_IMAGE=local/jre:17 ./mvnw verify
#   docker/local-docker.sh stop     # stops the engine, if this script started it
# Needs root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pidfile=/run/pattern-catalog-dockerd.pid

start() {
	if ! command -v dockerd > /dev/null || ! command -v debootstrap > /dev/null; then
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y docker.io debootstrap
	fi
	if ! docker info > /dev/null 2>&1; then
		nohup dockerd > /var/log/pattern-catalog-dockerd.log 2>&1 &
		echo $! > "$pidfile"
		for _ in $(seq 1 60); do
			docker info > /dev/null 2>&1 && break
			sleep 1
		done
		docker info > /dev/null
	fi
	"$here/build-base-image.sh" local/jre:17
}

stop() {
	if [ -f "$pidfile" ]; then
		pid=$(cat "$pidfile")
		kill "$pid" 2> /dev/null || true
		for _ in $(seq 1 30); do
			kill -0 "$pid" 2> /dev/null || break
			sleep 1
		done
		rm -f "$pidfile"
	fi
}

case "${1:-}" in
	start) start ;;
	stop) stop ;;
	*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
