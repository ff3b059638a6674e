#!/usr/bin/env bash
# Installs what lcr-verify needs on Debian (OpenSSL, libcurl, zlib and SQLite headers, pkg-config, the openssl CLI),
# and what its browser tests use (headless Chromium, DejaVu fonts), only when something is missing.
# Swift 6.3 itself is expected on the PATH. When the browser cannot be installed, set-up goes on and
# the browser tests say they were skipped.
set -euo pipefail
needed=(libssl-dev libcurl4-openssl-dev zlib1g-dev libsqlite3-dev pkg-config openssl curl)
wanted=(chromium fonts-dejavu-core)
missing=()
for package in "${needed[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
missing_wanted=()
for package in "${wanted[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing_wanted+=("$package")
done
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
if [ ${#missing[@]} -gt 0 ] || [ ${#missing_wanted[@]} -gt 0 ]; then
  $sudo apt-get update -qq || true
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ${#missing_wanted[@]} -gt 0 ]; then
  echo "setup: installing ${missing_wanted[*]} for the browser tests" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing_wanted[@]}" >/dev/null \
    || echo "setup: could not install ${missing_wanted[*]}; the browser tests will be skipped" >&2
fi
command -v swift >/dev/null || { echo "setup: swift is not on the PATH (Swift 6.3 is required)" >&2; exit 2; }
