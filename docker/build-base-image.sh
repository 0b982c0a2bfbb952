#!/usr/bin/env bash
# Builds a JRE base image without a container registry: a minimal Debian made with debootstrap from the
# machine's own Debian mirror, with OpenJDK 17's headless JRE, imported as local/jre:17.
# For machines that cannot pull eclipse-temurin:17-jre. Needs root, docker and debootstrap.
#   docker/build-base-image.sh            # builds local/jre:17 unless it exists
#   docker build --build-arg BASE_IMAGE=local/jre:17 -t pattern-catalog .
set -euo pipefail

image=${1:-local/jre:17}
if docker image inspect "$image" > /dev/null 2>&1; then
	echo "$image exists"
	exit 0
fi

mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2> /dev/null \
	| grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n 1 | tr -d ' ' || true)
mirror=${mirror:-http://deb.debian.org/debian}
root=$(mktemp -d)
cleanup() {
	umount "$root/proc" 2> /dev/null || true
	rm -rf "$root"
}
trap cleanup EXIT

debootstrap --variant=minbase bookworm "$root" "$mirror"
mount -t proc proc "$root/proc"
chroot "$root" apt-get update
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless
chroot "$root" apt-get clean
umount "$root/proc"
rm -rf "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | docker import - "$image"
echo "built $image"
