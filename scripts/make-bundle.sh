#!/usr/bin/env bash
# Writes an example evidence bundle (format lcr-evidence/1) signed with the DEMO keys in certs/demo/,
# assembled the way an applicant does it: lcr-verify bundle init, bundle add, bundle seal.
#
#   scripts/make-bundle.sh OUT_DIR [--day YYYY-MM-DD] [--variant NAME] [--port PORT]
#
# --day      the day the bundle is made for (default: today, UTC); every date inside is relative to it,
#            so a bundle made today verifies as current today; seal lints it as of noon that day.
# --variant  eligible (default) | tampered | unsigned | untrusted-signer | no-direct-care |
#            lookalike-domain | lapsed-training, or one of the applicants' worlds, each eligible and each
#            matching the reference lists of scripts/make-reference-lists.sh:
#            gp-practice (an e-Learning for Healthcare export), trust-esr (an ESR competence report keyed
#            by assignment number, no e-mail column), care-home (social-care Data Security and Protection training)
# --port     the port of the declared HSCN endpoint https://localhost:PORT/ (default 8443)
#
# The lcr-verify it runs is $LCR_VERIFY when set; otherwise the package's release build when there is
# one, else its debug build, brought up to date first.
set -euo pipefail

usage() { echo "usage: $0 OUT_DIR [--day YYYY-MM-DD] [--variant NAME] [--port PORT]" >&2; exit 2; }
[ $# -ge 1 ] || usage
out=$1; shift
day=$(date -u +%F); variant=eligible; port=8443
while [ $# -gt 0 ]; do
  case $1 in
    --day) [ $# -ge 2 ] || usage; day=$2; shift 2 ;;
    --variant) [ $# -ge 2 ] || usage; variant=$2; shift 2 ;;
    --port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
    *) usage ;;
  esac
done
case $variant in
  eligible|tampered|unsigned|untrusted-signer|no-direct-care|lookalike-domain|lapsed-training) ;;
  gp-practice|trust-esr|care-home) ;;
  *) echo "$0: unknown variant $variant" >&2; usage ;;
esac
here=$(cd "$(dirname "$0")/.." && pwd)
demo=$here/certs/demo
[ -f "$demo/applicant-signer.pem" ] || { echo "$0: $demo/applicant-signer.pem is missing (run: swift run demo-pki certs)" >&2; exit 2; }

bin=${LCR_VERIFY:-}
if [ -z "$bin" ]; then
  config=debug
  [ -x "$here/.build/release/lcr-verify" ] && config=release
  if ! log=$(cd "$here" && swift build -c "$config" --product lcr-verify 2>&1); then
    echo "$log" >&2; echo "$0: cannot build lcr-verify" >&2; exit 2
  fi
  bin=$(cd "$here" && swift build -c "$config" --show-bin-path)/lcr-verify
fi

# The applicant's raw files, as their systems export them, in a scratch folder.
raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT

# Dates relative to the day: the DSPT assessment whose 30 June deadline last passed, training done 100 days ago.
year=${day:0:4}; month=${day:5:2}
if [ "$((10#$month))" -ge 7 ]; then end=$year; else end=$((year - 1)); fi
assessment_year="$((end - 1))-${end:2:2}"
published="$end-06-15"
trained=$(date -u -d "$day - 100 days" +%d/%m/%Y)
trained_mon=$(date -u -d "$day - 120 days" +%d-%b-%Y)
[ "$variant" = lapsed-training ] && trained=$(date -u -d "$day - 400 days" +%d/%m/%Y)

printf 'Organisation Code,Organisation Name,Status,Date Published,Financial Year\r\n' > "$raw/assessment.csv"
printf 'B86001,Example Medical Practice,%s Standards Met,%s,%s\r\n' "${assessment_year}" "$published" "$assessment_year" >> "$raw/assessment.csv"

# Training: a BOM, CRLF, quoted names with commas, UK and dd-Mon-yyyy dates.
{
  printf '\xef\xbb\xbfStaff ID,Name,Email Address,Course Name,Completion Date\r\n'
  for i in $(seq 1 40); do
    printf 'E%04d,"Staff, Member %d",staff%d@nhs.net,Data Security Awareness - Level 1,%s\r\n' "$i" "$i" "$i" "$trained"
  done
  printf 'E0041,"Manager, A",A.Manager@NHS.NET,Data Security Awareness - Level 1,%s\r\n' "$trained_mon"
  printf 'E0042,"Smith, J",j.smith@leeds.gov.uk,Data Security Awareness - Level 1,%s\r\n' "$trained"
} > "$raw/ig-training.csv"

{
  printf 'Email,Name,Role,Access\n'
  printf 'a.manager@nhs.net,A Manager,Practice Manager,read-only\n'
  printf 'staff1@nhs.net,Staff Member 1,GP,read-only\n'
  printf 'staff2@nhs.net,Staff Member 2,Practice Nurse,read-only\n'
  printf 'j.smith@leeds.gov.uk,J Smith,Social Worker,read-only\n'
  [ "$variant" = lookalike-domain ] && printf 'staff3@nhs.net.example.com,Staff Member 3,Receptionist,read-only\n'
  true
} > "$raw/lcr-users.csv"

# The applicants' worlds: each its own organisation and its systems' own exports, replacing the files above.
ods=B86001; name="Example Medical Practice"; staff=42; service="general practice"
case $variant in
  gp-practice)
    ods=B86007; name="Newton Green Surgery"; staff=20
    # The organisation's own DSPT page, as copied from the DSPT site.
    printf 'Organisation Code,Organisation Name,Status,Date Published\r\n%s,%s,%s Standards Met,%s\r\n' \
      "$ods" "$name" "$assessment_year" "$(date -u -d "$published" +%d/%m/%Y)" > "$raw/assessment.csv"
    # e-Learning for Healthcare: the course with and without the dash; one member of staff without it.
    {
      printf 'Full Name,Email,Course Name,Completion Date,Expiry Date\r\n'
      for i in $(seq 1 19); do
        course="Data Security Awareness - Level 1"; [ $((i % 2)) -eq 0 ] && course="Data Security Awareness Level 1"
        printf '"Clinician %d",clinician%d@nhs.net,%s,%s,%s\r\n' "$i" "$i" "$course" "$trained" "$(date -u -d "$day + 265 days" +%d/%m/%Y)"
      done
      printf '"Locum, New",locum.new@nhs.net,Conflict Resolution - Level 1,%s,\r\n' "$trained"
    } > "$raw/ig-training.csv"
    printf 'Email,Name,Role,Access\r\nclinician1@nhs.net,Clinician 1,GP Partner,read-only\r\nclinician2@nhs.net,Clinician 2,Practice Nurse,read-only\r\nclinician3@nhs.net,Clinician 3,Practice Manager,read-only\r\n' > "$raw/lcr-users.csv"
    ;;
  trust-esr)
    ods=RR8; name="Leeds Teaching Hospitals NHS Trust"; staff=30; service="acute hospital care"
    # The national DSPT list's row for the trust, as downloaded (lower-case code, YY/YY prefix).
    printf 'Code,Organisation Name,Status,Date Of Publication,Primary Sector\r\nrr8,LEEDS TEACHING HOSPITALS NHS TRUST,%s/%s Standards Met,%s,Trust\r\n' \
      "${assessment_year:2:2}" "${assessment_year:5:2}" "$(date -u -d "$end-06-27" +%d/%m/%Y)" > "$raw/assessment.csv"
    # An ESR competence report: assignment numbers, CSTF competence names, ESR dates, no e-mail column.
    awarded=$(date -u -d "$day - 120 days" '+%Y/%m/%d 00:00:00')
    {
      printf 'Assignment Number,Full Name,Position Title,Competency Name,Date Last Awarded,Expiry Date\r\n'
      for i in $(seq 1 30); do
        expiry="$(date -u -d "$day + $((600 + i)) days" +%d-%b-%Y)"; [ $((i % 3)) -eq 0 ] && expiry="No expiry"
        printf '2%07d-1,"Member %d, Staff",Staff Nurse,NHS|CSTF|Information Governance and Data Security - 1 Year|,%s,%s\r\n' "$i" "$i" "$awarded" "$expiry"
        printf '2%07d-1,"Member %d, Staff",Staff Nurse,NHS|CSTF|Fire Safety - 2 Years|,%s,%s\r\n' "$i" "$i" "$awarded" "$(date -u -d "$day + 600 days" +%d-%b-%Y)"
      done
    } > "$raw/ig-training.csv"
    printf 'Email,Name,Role,Access,Staff ID\r\nmember1.staff@nhs.net,Staff Member 1,Staff Nurse,read-only,20000001-1\r\nmember2.staff@nhs.net,Staff Member 2,Ward Manager,read-only,20000002-1\r\nmember3.staff@nhs.net,Staff Member 3,Consultant,read-only,20000003-1\r\n' > "$raw/lcr-users.csv"
    ;;
  care-home)
    ods=VT8H1; name="St Mary's & St John's Care Home Ltd"; staff=16; service="residential care"
    printf 'Organisation Code,Organisation Name,Status,Date Published\r\n%s,"%s",%s Standards Met,%s\r\n' \
      "$ods" "$name" "$assessment_year" "$(date -u -d "$end-06-12" +%d-%b-%Y)" > "$raw/assessment.csv"
    # A care provider's training matrix: Data Security and Protection, staff on the home's own addresses,
    # the LCR users on their NHSmail accounts.
    {
      printf 'Staff Name,Email Address,Course,Date Completed,Expires\r\n'
      for i in $(seq 1 13); do
        printf '"Carer %d",carer%d@stmarys-care.example,Data Security and Protection,%s,\r\n' "$i" "$i" "$trained_mon"
      done
      printf '"Manager, Home",home.manager@nhs.net,Data Security and Protection,%s,\r\n' "$trained"
      printf '"Deputy, Home",deputy.manager@nhs.net,Data Security and Protection (refresher),%s,\r\n' "$trained"
      printf '"Nurse, Senior",senior.nurse@nhs.net,Data Security and Protection,%s,\r\n' "$trained"
    } > "$raw/ig-training.csv"
    printf 'Email,Name,Role,Access\r\nhome.manager@nhs.net,Home Manager,Registered Manager,read-only\r\ndeputy.manager@nhs.net,Deputy Manager,Deputy Manager,read-only\r\nsenior.nurse@nhs.net,Senior Nurse,Nurse,read-only\r\n' > "$raw/lcr-users.csv"
    ;;
esac

printf '%%PDF-1.4\n%% DEMO HSCN connection agreement for %s (%s)\n%%%%EOF\n' "$name" "$ods" > "$raw/agreement.pdf"
signer=applicant-signer
[ "$variant" = untrusted-signer ] && signer=untrusted-signer
# The agreement carries its own detached signature (in real life, the HSCN provider's).
openssl cms -sign -binary -md sha256 -nosmimecap -outform DER -in "$raw/agreement.pdf" -out "$raw/agreement.pdf.p7s" \
  -signer "$demo/$signer.pem" -inkey "$demo/$signer.key.pem"

rm -rf "$out"
"$bin" bundle init "$out" --ods "$ods" --name "$name" --staff-count "$staff" --access read-only \
  --service "$service" --endpoint "https://localhost:$port/" \
  --contact-name "A Manager" --contact-email a.manager@nhs.net > /dev/null
# The one declaration bundle init cannot make: an organisation that does not provide direct care.
[ "$variant" = no-direct-care ] && sed -i 's/"provides": true/"provides": false/' "$out/manifest.json"
"$bin" bundle add "$out" "$raw/assessment.csv" --kind dspt-assessment > /dev/null
"$bin" bundle add "$out" "$raw/ig-training.csv" --kind training-records > /dev/null
"$bin" bundle add "$out" "$raw/lcr-users.csv" --kind user-accounts > /dev/null
"$bin" bundle add "$out" "$demo/hscn-endpoint.pem" --kind hscn-certificate --as gateway.pem > /dev/null
"$bin" bundle add "$out" "$raw/agreement.pdf" --kind hscn-agreement --signature "$raw/agreement.pdf.p7s" > /dev/null
"$bin" bundle seal "$out" --signing-key "$demo/$signer.key.pem" --signing-cert "$demo/$signer.pem" \
  --trust "$here/certs" --as-of "${day}T12:00:00Z" > /dev/null

[ "$variant" = unsigned ] && rm "$out/manifest.json.p7s"
# Tampering after signing: one training row changes, so its SHA-256 no longer matches the manifest.
[ "$variant" = tampered ] && sed -i '2s/staff1@nhs.net/staff1@nhs.net /' "$out/training/ig-training.csv"
true
