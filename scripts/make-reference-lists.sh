#!/usr/bin/env bash
# Writes the reference-list test data under evidence/references/ (deterministic: same bytes every run):
#
#   dspt-national.csv    the national DSPT published-status CSV (current shape: Code, Organisation Name,
#                        Status, Date Of Publication, Primary Sector), 320 rows
#   epraccur.csv         GP practices, ODS register shape: headerless, column 1 code, 2 name, 11 open and
#                        12 close date (YYYYMMDD, empty while open), 13 status (A/C/D/P); 300 rows
#   etr.csv              NHS trusts, same shape without a status; 200 rows
#   ecarehomesite.csv    care-home sites, same shape; 300 rows
#
# The organisations the example bundles and tests name are listed first (README.md, "The examples");
# the rest are filler of the same shape. All of it is invented: no real organisation's status.
#
#   scripts/make-reference-lists.sh [OUT_DIR]   (default: evidence/references)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/evidence/references}
mkdir -p "$out"
export LC_ALL=C

# The national DSPT list, CRLF as the DSPT site writes it.
{
  printf 'Code,Organisation Name,Status,Date Of Publication,Primary Sector\r\n'
  printf 'B86001,EXAMPLE MEDICAL PRACTICE,24/25 Standards Met,15/06/2025,GP\r\n'
  printf 'B86002,MISMATCH SURGERY,24/25 Approaching Standards,20/06/2025,GP\r\n'
  printf 'B86003,NEVER PUBLISHED SURGERY,Not Published,01/04/2019,GP\r\n'
  printf 'b86004,LOWER CASE PRACTICE,23/24 Standards Exceeded,28/06/2024,GP\r\n'
  printf 'B86005,CLOSED PRACTICE,24/25 Standards Met,15/06/2025,GP\r\n'
  printf 'B86007,"NEWTON GREEN SURGERY, LEEDS",24/25 Standards Met,15/06/2025,GP\r\n'
  printf 'RR8,LEEDS TEACHING HOSPITALS NHS TRUST,24/25 Standards Met,27/06/2025,Trust\r\n'
  printf 'VT8H1,"ST. MARY'"'"'S & ST. JOHN'"'"'S CARE HOME LTD",24/25 Standards Met,12/06/2025,Social Care\r\n'
  awk 'BEGIN {
    split("24/25 Standards Met|24/25 Standards Exceeded|23/24 Standards Met|24/25 Approaching Standards|Not Published|22/23 Standards Met", status, "|")
    for (i = 1; i <= 312; i++) {
      s = status[(i % 6) + 1]
      date = (s == "Not Published") ? "01/04/2019" : sprintf("%02d/06/20%s", (i % 28) + 1, substr(s, 4, 2))
      sector = (i % 3 == 0) ? "Social Care" : ((i % 3 == 1) ? "GP" : "Pharmacy")
      printf "Y%05d,FILLER ORGANISATION %d,%s,%s,%s\r\n", 10000 + i, i, s, date, sector
    }
  }'
} > "$out/dspt-national.csv"

# An ODS register row: code, name, then columns 3-10 (grouping, geography, address, postcode), 11 open date,
# 12 close date, 13 status (or empty), and the remaining columns of the published layout.
ods_row() { printf '%s,"%s",Y63,QWO,"1 EXAMPLE ROAD",,,LEEDS,WEST YORKSHIRE,LS1 1AA,%s,%s,%s,4,,0113 000 0000,,,,,,,,,,,\r\n' "$@"; }

{
  ods_row B86001 "EXAMPLE MEDICAL PRACTICE" 19740401 "" A
  ods_row B86002 "MISMATCH SURGERY" 19800101 "" A
  ods_row B86003 "NEVER PUBLISHED SURGERY" 19800101 "" A
  ods_row B86004 "LOWER CASE PRACTICE" 19800101 "" A
  ods_row B86005 "CLOSED PRACTICE" 19800101 20240331 C
  ods_row B86006 "DORMANT PRACTICE" 19800101 "" D
  ods_row B86007 "NEWTON GREEN SURGERY" 19900101 "" A
  awk 'BEGIN { for (i = 1; i <= 293; i++) printf "Y%05d,\"FILLER PRACTICE %d\",Y63,QWO,\"1 EXAMPLE ROAD\",,,LEEDS,WEST YORKSHIRE,LS1 1AA,19900101,%s,%s,4,,0113 000 0000,,,,,,,,,,,\r\n", 10000 + i, i, (i % 10 == 0) ? "20230331" : "", (i % 10 == 0) ? "C" : "A" }'
} > "$out/epraccur.csv"

{
  ods_row RR8 "LEEDS TEACHING HOSPITALS NHS TRUST" 19980401 "" ""
  ods_row RY6 "LEEDS COMMUNITY HEALTHCARE NHS TRUST" 20110401 "" ""
  ods_row RGD "LEEDS AND YORK PARTNERSHIP NHS FOUNDATION TRUST" 20070401 "" ""
  awk 'BEGIN { for (i = 1; i <= 197; i++) printf "T%04d,\"FILLER NHS TRUST %d\",Y63,QWO,\"1 EXAMPLE ROAD\",,,LEEDS,WEST YORKSHIRE,LS1 1AA,20000401,%s,,1,,0113 000 0000,,,,,,,,,,,\r\n", i, i, (i % 20 == 0) ? "20200331" : "" }'
} > "$out/etr.csv"

{
  ods_row VT8H1 "ST MARYS AND ST JOHNS CARE HOME LIMITED" 20050601 "" ""
  ods_row VT8H2 "CLOSED CARE HOME" 20050601 20250131 ""
  awk 'BEGIN { for (i = 1; i <= 298; i++) printf "V%04d,\"FILLER CARE HOME %d\",Y63,QWO,\"1 EXAMPLE ROAD\",,,LEEDS,WEST YORKSHIRE,LS1 1AA,20050601,%s,,,,0113 000 0000,,,,,,,,,,,\r\n", 1000 + i, i, (i % 15 == 0) ? "20220331" : "" }'
} > "$out/ecarehomesite.csv"

for file in dspt-national.csv epraccur.csv etr.csv ecarehomesite.csv; do
  echo "wrote $out/$file ($(wc -l < "$out/$file") lines)"
done
