#!/usr/bin/env bash
# Installs what lcr-verify needs on Debian (OpenSSL, libcurl and zlib headers, pkg-config, the openssl CLI),
# only when something is missing. Swift 6.3 itself is expected on the PATH.
set -euo pipefail
needed=(libssl-dev libcurl4-openssl-dev zlib1g-dev pkg-config openssl curl)
missing=()
for package in "${needed[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on the PATH (Swift 6.3 is required)" >&2; exit 2; }
