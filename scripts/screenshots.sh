#!/usr/bin/env bash
# Regenerates the README's pictures: docs/screenshots/report.png, the rendered report page of the
# committed example evidence/lookalike-domain (verified as of 2026-04-01T12:00:00Z, signed with the
# DEMO report-signing pair, its signature checked against certs/), as headless Chromium shows it in a
# 1240x1754 window (A4 at 150 dpi). Needs the chromium package (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build 2>&1 | grep -E '(error|warning):|Build complete' | grep -v 'zipfoundation' || true
bin=$(swift build --show-bin-path)/lcr-verify
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "screenshots: chromium is not installed (run scripts/setup.sh as root)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
as_of=2026-04-01T12:00:00Z

# shoot HTML PNG: a screenshot of one page, with a fresh browser profile, killed if it hangs.
shoot() {
  timeout --kill-after=5 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-extensions --disable-background-networking --user-data-dir="$work/profile" \
    --screenshot="$work/shot.png" --window-size=1240,1754 "file://$1" >/dev/null 2>&1
  mkdir -p "$(dirname "$2")"
  mv "$work/shot.png" "$2"
  echo "wrote $2"
}

set +e
"$bin" check evidence/lookalike-domain --as-of "$as_of" --no-probe --trust certs --report-out "$work/reports" \
  --signing-key certs/demo/report-signer.key.pem --signing-cert certs/demo/report-signer.pem >/dev/null 2>"$work/check.err"
status=$?
set -e
[ "$status" -le 1 ] || { cat "$work/check.err" >&2; echo "screenshots: check failed (exit $status)" >&2; exit 2; }
report=$(ls "$work"/reports/B86001-*.json | head -1)
"$bin" report render "$report" --format html --trust certs --as-of "$as_of" > "$work/report.html"
shoot "$work/report.html" docs/screenshots/report.png
