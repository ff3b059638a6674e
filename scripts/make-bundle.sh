#!/usr/bin/env bash
# Writes an example evidence bundle (format lcr-evidence/1) signed with the DEMO keys in certs/demo/.
#
#   scripts/make-bundle.sh OUT_DIR [--day YYYY-MM-DD] [--variant NAME] [--port PORT]
#
# --day      the day the bundle is made for (default: today, UTC); every date inside is relative to it,
#            so a bundle made today verifies as current today.
# --variant  eligible (default) | tampered | unsigned | untrusted-signer | no-direct-care |
#            lookalike-domain | lapsed-training
# --port     the port of the declared HSCN endpoint https://localhost:PORT/ (default 8443)
set -euo pipefail

usage() { echo "usage: $0 OUT_DIR [--day YYYY-MM-DD] [--variant NAME] [--port PORT]" >&2; exit 2; }
[ $# -ge 1 ] || usage
out=$1; shift
day=$(date -u +%F); variant=eligible; port=8443
while [ $# -gt 0 ]; do
  case $1 in
    --day) day=$2; shift 2 ;;
    --variant) variant=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) usage ;;
  esac
done
here=$(cd "$(dirname "$0")/.." && pwd)
demo=$here/certs/demo
[ -f "$demo/applicant-signer.pem" ] || { echo "$0: $demo/applicant-signer.pem is missing (run: swift run demo-pki certs)" >&2; exit 2; }

# Dates relative to the day: the DSPT assessment whose 30 June deadline last passed, training done 100 days ago.
year=${day:0:4}; month=${day:5:2}
if [ "$((10#$month))" -ge 7 ]; then end=$year; else end=$((year - 1)); fi
assessment_year="$((end - 1))-${end:2:2}"
published="$end-06-15"
trained=$(date -u -d "$day - 100 days" +%d/%m/%Y)
trained_mon=$(date -u -d "$day - 120 days" +%d-%b-%Y)
[ "$variant" = lapsed-training ] && trained=$(date -u -d "$day - 400 days" +%d/%m/%Y)

rm -rf "$out"; mkdir -p "$out"/{dspt,training,staff,hscn}
cd "$out"

printf 'Organisation Code,Organisation Name,Status,Date Published,Financial Year\r\n' > dspt/assessment.csv
printf 'B86001,Example Medical Practice,%s Standards Met,%s,%s\r\n' "${assessment_year}" "$published" "$assessment_year" >> dspt/assessment.csv

# Training: a BOM, CRLF, quoted names with commas, UK and dd-Mon-yyyy dates.
{
  printf '\xef\xbb\xbfStaff ID,Name,Email Address,Course Name,Completion Date\r\n'
  for i in $(seq 1 40); do
    printf 'E%04d,"Staff, Member %d",staff%d@nhs.net,Data Security Awareness - Level 1,%s\r\n' "$i" "$i" "$i" "$trained"
  done
  printf 'E0041,"Manager, A",A.Manager@NHS.NET,Data Security Awareness - Level 1,%s\r\n' "$trained_mon"
  printf 'E0042,"Smith, J",j.smith@leeds.gov.uk,Data Security Awareness - Level 1,%s\r\n' "$trained"
} > training/ig-training.csv

{
  printf 'Email,Name,Role,Access\n'
  printf 'a.manager@nhs.net,A Manager,Practice Manager,read-only\n'
  printf 'staff1@nhs.net,Staff Member 1,GP,read-only\n'
  printf 'staff2@nhs.net,Staff Member 2,Practice Nurse,read-only\n'
  printf 'j.smith@leeds.gov.uk,J Smith,Social Worker,read-only\n'
  [ "$variant" = lookalike-domain ] && printf 'staff3@nhs.net.example.com,Staff Member 3,Receptionist,read-only\n'
  true
} > staff/lcr-users.csv

cp "$demo/hscn-endpoint.pem" hscn/gateway.pem
printf '%%PDF-1.4\n%% DEMO HSCN connection agreement for Example Medical Practice (B86001)\n%%%%EOF\n' > hscn/agreement.pdf
signer=applicant-signer
[ "$variant" = untrusted-signer ] && signer=untrusted-signer
sign() { openssl cms -sign -binary -md sha256 -nosmimecap -outform DER -in "$1" -out "$2" \
           -signer "$demo/$signer.pem" -inkey "$demo/$signer.key.pem"; }
sign hscn/agreement.pdf hscn/agreement.pdf.p7s

sha() { sha256sum "$1" | cut -d' ' -f1; }
provides=true
[ "$variant" = no-direct-care ] && provides=false
cat > manifest.json <<JSON
{
  "format": "lcr-evidence/1",
  "organisation": {
    "odsCode": "B86001",
    "name": "Example Medical Practice",
    "staffCount": 42,
    "accessRequested": "read-only",
    "directCare": { "provides": $provides, "services": ["general practice"], "basis": "GDPR Article 9(2)(h)" }
  },
  "contact": { "name": "A Manager", "email": "a.manager@nhs.net" },
  "evidence": [
    { "kind": "dspt-assessment", "path": "dspt/assessment.csv", "sha256": "$(sha dspt/assessment.csv)" },
    { "kind": "training-records", "path": "training/ig-training.csv", "sha256": "$(sha training/ig-training.csv)" },
    { "kind": "user-accounts", "path": "staff/lcr-users.csv", "sha256": "$(sha staff/lcr-users.csv)" },
    { "kind": "hscn-certificate", "path": "hscn/gateway.pem", "sha256": "$(sha hscn/gateway.pem)" },
    { "kind": "hscn-agreement", "path": "hscn/agreement.pdf", "sha256": "$(sha hscn/agreement.pdf)", "signature": "hscn/agreement.pdf.p7s" }
  ],
  "hscn": { "endpoints": ["https://localhost:$port/"] }
}
JSON
[ "$variant" = unsigned ] || sign manifest.json manifest.json.p7s
# Tampering after signing: one training date changes, so its SHA-256 no longer matches the manifest.
[ "$variant" = tampered ] && sed -i '2s/staff1@nhs.net/staff1@nhs.net /' training/ig-training.csv
true
