#!/usr/bin/env bash
# Set-up, build (including the lcr-verify executable the command-line tests run), then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build
swift test --disable-xctest
