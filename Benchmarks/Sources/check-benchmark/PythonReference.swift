/// The reference the benchmark times `check` against: the same training and user-account rules
/// written plainly with Python's `csv` module (the way an analyst would script them), run with
/// `python3 SCRIPT BUNDLE AS-OF-EPOCH`. It prints one line a human can compare with `check`'s summary.
enum PythonReference {
    static let script = #"""
import csv, json, os, re, sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
ACCEPTED = ["data security awareness"]
VALIDITY_DAYS, PERCENT = 365, 95.0
EMAIL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")
cache = {}

def day_start(d):
    return datetime(d.year, d.month, d.day, tzinfo=LONDON).timestamp()

def parse_date(text):
    """(instant, calendar date or None) for the accepted forms, else None; cached as dates repeat."""
    if text in cache:
        return cache[text]
    value = None
    try:
        if re.fullmatch(r"\d{4}[-/]\d{2}[-/]\d{2}", text):
            d = date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
            value = (day_start(d), d)
        elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            d = date(int(m[3]), int(m[2]), int(m[1]))
            value = (day_start(d), d)
        elif m := re.fullmatch(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})", text):
            d = date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
            value = (day_start(d), d)
        else:
            t = datetime.fromisoformat(text.replace("/", "-"))
            value = ((t if t.tzinfo else t.replace(tzinfo=LONDON)).timestamp(), None)
    except (ValueError, KeyError):
        value = None
    cache[text] = value
    return value

def column(header, *names):
    wanted = [n.lower() for n in names]
    for i, cell in enumerate(header):
        if " ".join(cell.lower().split()) in wanted:
            return i
    return None

def training(path, as_of, staff_count):
    staff, current = set(), {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        key = column(header, "email", "email address", "work email")
        if key is None:
            key = column(header, "staff id", "employee number", "assignment number")
        course = column(header, "course", "course name", "competence name", "competency name", "module")
        done = column(header, "completion date", "completed", "date completed", "achievement date", "date last awarded")
        expires = column(header, "expiry date", "expires")
        for row in rows:
            if len(row) != len(header):
                continue
            person = row[key].strip().lower()
            if not person:
                continue
            staff.add(person)
            if not EMAIL.match(person):
                continue
            name = row[course].strip().lower()
            if not any(a in name for a in ACCEPTED):
                continue
            completed = parse_date(row[done].strip())
            if completed is None or completed[0] > as_of:
                continue
            if completed[1] is not None:
                expiry = day_start(completed[1] + timedelta(days=VALIDITY_DAYS))
            else:
                expiry = completed[0] + VALIDITY_DAYS * 86400
            stated = row[expires].strip() if expires is not None else ""
            if stated and stated.lower() != "no expiry":
                s = parse_date(stated)
                if s is None:
                    continue
                expiry = min(expiry, s[0])
            if as_of < expiry and current.get(person, 0) < expiry:
                current[person] = expiry
    total = staff_count or len(staff)
    expiries = sorted(current.values())
    required = -(-int(total * PERCENT) // 100)
    lapse = expiries[len(expiries) - required] if 0 <= len(expiries) - required < len(expiries) else None
    return f"training: {len(current)} of {total} current, lapse {lapse}"

def users(path):
    seen, refused = set(), 0
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        key = column(header, "email", "email address", "work email")
        for row in rows:
            text = row[key].strip()
            address = text.lower()
            domain = address.rpartition("@")[2]
            if address in seen or not EMAIL.match(text) or not (domain == "nhs.net" or domain == "gov.uk" or domain.endswith(".gov.uk")):
                refused += 1
            seen.add(address)
    return f"users: {len(seen)} distinct, {refused} refused"

bundle, as_of = sys.argv[1], float(sys.argv[2])
manifest = json.load(open(os.path.join(bundle, "manifest.json")))
lines = []
for entry in manifest["evidence"]:
    if entry["kind"] == "training-records":
        lines.append(training(os.path.join(bundle, entry["path"]), as_of, manifest["organisation"].get("staffCount")))
    elif entry["kind"] == "user-accounts":
        lines.append(users(os.path.join(bundle, entry["path"])))
print("; ".join(lines))
"""#
}
