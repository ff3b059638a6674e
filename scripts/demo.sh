#!/usr/bin/env bash
# The main job on the bundled examples: set-up and build, then
#  1. verify every committed example bundle under evidence/ at its fixed instant, 2026-04-01T12:00:00Z
#     (the examples from each world also against the committed reference lists);
#  2. make a fresh bundle dated today, serve its HSCN endpoint on 127.0.0.1 with the DEMO certificate,
#     verify it with a live probe, write a signed report and verify that report.
# Everything it makes goes under demo-output/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release 2>&1 | grep -E '(error|warning):|Compiling|Build complete' || true
bin=$(swift build -c release --show-bin-path)/lcr-verify
out=demo-output
mkdir -p "$out"

echo
echo "== 1. The committed examples, verified as of 2026-04-01T12:00:00Z (no live probes) =="
for manifest in evidence/*/manifest.json; do
  bundle=${manifest%manifest.json}
  set +e
  "$bin" check "$bundle" --as-of 2026-04-01T12:00:00Z --no-probe --format json > "$out/example.json"
  status=$?
  set -e
  decision=$(grep -o '"decision":"[a-z-]*"' "$out/example.json" | cut -d'"' -f4)
  failing=$(grep -o '"id":"[a-z-]*","status":"fail"' "$out/example.json" | cut -d'"' -f4 | paste -sd, - || true)
  printf '  %-18s exit %s  %-13s %s\n' "$(basename "$bundle")" "$status" "$decision" "${failing:+fails: $failing}"
done
rm -f "$out/example.json"
echo "  the examples from each world, cross-checked against the reference lists under evidence/references/:"
lists=(--dspt-register evidence/references/dspt-national.csv --ods-register evidence/references/epraccur.csv
  --ods-register evidence/references/etr.csv --ods-register evidence/references/ecarehomesite.csv)
for bundle in gp-practice trust-esr care-home; do
  set +e
  "$bin" check "evidence/$bundle" --as-of 2026-04-01T12:00:00Z --no-probe "${lists[@]}" > /dev/null
  status=$?
  set -e
  printf '  %-18s exit %s\n' "$bundle" "$status"
done

echo
echo "== 2. A bundle made today, its HSCN endpoint served on 127.0.0.1, probed live =="
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 8443)
openssl s_server -quiet -accept "127.0.0.1:$port" -cert certs/demo/hscn-endpoint.pem -key certs/demo/hscn-endpoint.key.pem -www >/dev/null 2>&1 &
server=$!
trap 'kill -9 $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
scripts/make-bundle.sh "$out/bundle-today" --port "$port"
set +e
"$bin" check "$out/bundle-today" --allow-network 127.0.0.0/8 --allow-network ::1/128 \
  --report-out "$out/reports" --signing-key certs/demo/report-signer.key.pem --signing-cert certs/demo/report-signer.pem
status=$?
set -e
echo "check exit code: $status"
latest=$(ls -t "$out"/reports/B86001-*.json | head -1)
"$bin" report verify "$latest"
"$bin" report render "$latest" --format html --trust certs > "${latest%.json}.html"
echo "rendered ${latest%.json}.html"
exit "$status"
