#!/usr/bin/env bash
# Rebuilds the committed example bundles under evidence/, all made for 2026-04-01 so that tests can
# verify them at the fixed instant 2026-04-01T12:00:00Z (see evidence/README.md for the verdicts).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
for variant in eligible tampered unsigned untrusted-signer no-direct-care lookalike-domain lapsed-training \
    gp-practice trust-esr care-home; do
  "$here/scripts/make-bundle.sh" "$here/evidence/$variant" --day 2026-04-01 --variant "$variant"
done
"$here/scripts/make-reference-lists.sh" > /dev/null
echo "wrote $(ls -d "$here"/evidence/*/manifest.json | wc -l) example bundles and the reference lists under evidence/"
