#!/usr/bin/env bash
# Regenerates the README's pictures, as headless Chromium shows them in a 1240x1754 window (A4 at 150 dpi):
# - docs/screenshots/report.png, the rendered report page of the committed example evidence/lookalike-domain
#   (verified as of 2026-04-01T12:00:00Z, signed with the DEMO report-signing pair, its signature checked
#   against certs/);
# - docs/screenshots/dashboard.png, the partners dashboard of a data dir built from example bundles at
#   fixed instants (submitted 2026-04-01, decisions 2026-04-08 and 2026-04-20, re-verified 2026-05-01,
#   dashboard as of 2026-05-10), so the picture is the same every time.
# Needs the chromium package (scripts/setup.sh installs it).
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

# The dashboard: a data dir built from example bundles at fixed instants, so the picture is the same
# every time. Bundles are made with scripts/make-bundle.sh for chosen days (their training and DSPT
# dates follow the day), given other organisations' ODS codes and re-signed with the DEMO applicant key.
make_partner() {  # make_partner DIR DAY VARIANT ODS NAME
  local dir=$1 day=$2 variant=$3 ods=$4 name=$5
  scripts/make-bundle.sh "$dir" --day "$day" --variant "$variant" >/dev/null
  sed -i "s/B86001,Example Medical Practice/$ods,$name/" "$dir/dspt/assessment.csv"
  local old new
  old=$(grep -o '"path": "dspt/assessment.csv", "sha256": "[0-9a-f]*"' "$dir/manifest.json" | grep -o '[0-9a-f]\{64\}')
  new=$(sha256sum "$dir/dspt/assessment.csv" | cut -d' ' -f1)
  sed -i -e "s/$old/$new/" -e "s/\"B86001\"/\"$ods\"/" -e "s/\"Example Medical Practice\"/\"$name\"/" "$dir/manifest.json"
  openssl cms -sign -binary -md sha256 -nosmimecap -outform DER -in "$dir/manifest.json" -out "$dir/manifest.json.p7s" \
    -signer certs/demo/applicant-signer.pem -inkey certs/demo/applicant-signer.key.pem
}
data=$work/data
verify=(--data-dir "$data" --trust certs --no-probe --signing-key certs/demo/report-signer.key.pem --signing-cert certs/demo/report-signer.pem)
# allowed_1 COMMAND...: runs a verifying command for which exit 1 (not eligible) is an answer, not a failure.
allowed_1() {
  local status=0
  "$@" >/dev/null 2>"$work/step.err" || status=$?
  [ "$status" -le 1 ] || { cat "$work/step.err" >&2; echo "screenshots: $2 failed (exit $status)" >&2; exit 2; }
}
submit() { allowed_1 "$bin" submit "$1" --as-of "$2" "${verify[@]}"; }
make_partner "$work/b-training-soon" 2025-09-10 eligible Y02001 "Example Community Pharmacy"
make_partner "$work/b-training-lapsed" 2025-07-29 eligible Y02002 "Example Care Home"
make_partner "$work/b-waived" 2026-04-01 lookalike-domain Y02003 "Example Hospice"
make_partner "$work/b-later" 2025-10-10 eligible Y02004 "Example Dental Practice"
make_partner "$work/b-suspended" 2026-04-01 eligible Y02005 "Example Home Care Agency"
make_partner "$work/b-withdrawn" 2026-04-01 no-direct-care Y02006 "Example Gym"
submit evidence/eligible 2026-04-01T12:00:00Z
for b in training-soon training-lapsed waived later suspended withdrawn; do submit "$work/b-$b" 2026-04-01T12:00:00Z; done
printf '%%PDF-1.4\n%% DEMO signed ISA\n%%%%EOF\n' > "$work/isa.pdf"
for partner in B86001:write Y02001:read-only Y02002:read-only Y02004:read-only Y02005:write; do
  "$bin" partners approve "${partner%%:*}" --access "${partner#*:}" --isa "$work/isa.pdf" --by "IG steering group" \
    --reason "ISA signed; minute 4.2 of the April meeting" --at 2026-04-08T14:00:00Z --data-dir "$data" >/dev/null
done
for code in email.domain-not-allowed training.user-untrained; do
  "$bin" partners waive Y02003 --code "$code" --until 2026-09-30 --reason "improvement plan agreed at the April meeting" \
    --by "Dr A Chair" --at 2026-04-08T14:10:00Z --data-dir "$data" >/dev/null
done
"$bin" partners suspend Y02005 --reason "ISA under review after a reported incident" --by "IG steering group" --at 2026-04-20T10:00:00Z --data-dir "$data" >/dev/null
"$bin" partners withdraw Y02006 --reason "does not provide direct care" --by "IG steering group" --at 2026-04-08T14:15:00Z --data-dir "$data" >/dev/null
allowed_1 "$bin" reverify --all --as-of 2026-05-01T06:00:00Z "${verify[@]}"
mkdir -p "$work/dashboard"
"$bin" dashboard --data-dir "$data" --out "$work/dashboard/index.html" --as-of 2026-05-10T09:00:00Z --trust certs >/dev/null
shoot "$work/dashboard/index.html" docs/screenshots/dashboard.png
