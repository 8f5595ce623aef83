#!/usr/bin/env python3
"""Writes the bundled demo snapshot (src/main/resources/io/plumbline/demo/).

Deterministic: the same script always writes the same bytes. The fixture story is documented in
docs/demo.md; every issue code of the contract occurs at least once.
"""
import csv, io, json, os, random
from datetime import datetime, timedelta, timezone

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "io", "plumbline", "demo")
AS_OF = datetime(2026, 4, 17, 22, 15, 30, tzinfo=timezone.utc)
BASE = "https://demo.zendesk.com/api/v2"
rnd = random.Random(20260417)

def ts(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")

ACCOUNTS = [
    # sf_account_id, account_name, account_domains, website, zendesk_domain_override, zendesk_org_id, parent_account_id
    ("001ACME001", "Acme Healthcare", "acmehealth.example", "https://www.acmehealth.example", "", "", ""),
    ("001ACME002", "Acme Labs", "acmelabs.example", "", "", "", ""),
    ("001ACME003", "Acme Biotech", "acmebiotech.example; acmebio.example", "", "", "", ""),
    ("001ACME004", "Acme Retail", "acmeretail.example acmeshop.example", "http://acmeretail.example/store", "", "", ""),
    ("001ACME005", "Acme Logistics", "acmelogistics.example, acmegroup.example", "", "", "", ""),
    ("001ACME006", "Acme Studios", "acmestudios.example acmegroup.example", "", "", "", "001ACME005"),
    ("001Dn00000NsMdQ", "Northshore Medical Network", "northshoremed.example /accounts/northshore-medical-network", "", "", "9008", ""),
    ("001Dn00000BvHsAIAV", "Bay Valley Health System", "bvhs.example;/accounts/bay-valley-health-system", "", "", "9099", ""),
    ("001Dn00000WsHgBIAV", "Westside Hospital Group", "westsidehospital.example /accounts/westside-hospital-group",
     "https://www.westsidehospital.westernu.example/about", "", "", ""),
]

ORGS = [
    # id, name, external_id, domain_names
    (9001, "Acme Healthcare", None, ["acmehealth.example"]),
    (9002, "Acme Labs", "001ACME002", ["acmelabs.example"]),
    (9003, "Acme Labs (legacy)", "001acme002", []),
    (9004, "Acme Biotech", "001ACME003", ["acmebiotech.example"]),
    (9005, "Acme Retail", "001ACME004", ["acmeretail.example"]),
    (9006, "Acme Studios", "001ACME006", ["acmestudios.example"]),
    (9007, "Acme Bio Partners", None, ["acmebio.example"]),
    (9008, "Northshore Medical Network", None, ["northshoremed.health.example"]),
    (9009, "Bay Valley Health System", "001Dn00000BvHsA", ["bvhs.bayvalley.example"]),
    (9010, "Westside Hospital Group", "ZD-LEGACY-4471", ["westsidehospital.westernu.example"]),
    (9011, "Summit Dental Partners", None, []),
]

# id, name, email, role, active, suspended, default org, other designed memberships, orgs it must never join
USERS = [
    (7001, "Maria Lopez", "maria.lopez@acmehealth.example", "end-user", True, False, 9001, [], []),
    (7002, "Tom Reed", "tom.reed@acmehealth.example", "end-user", True, False, 9001, [], []),
    (7003, "Dana Cho", "dana.cho@acmelabs.example", "end-user", True, False, 9002, [], []),
    (7004, "Li Wei", "li.wei@acmebiotech.example", "end-user", True, False, 9004, [], []),
    (7005, "Sam Patel", "sam.patel@acmebio.example", "end-user", True, False, 9004, [9007], []),
    (7006, "Jordan Kim", "jordan.kim@acmeretail.example", "end-user", True, False, None, [], [9005]),
    (7007, "Alex Morgan", "alex.morgan@acmeshop.example", "end-user", True, False, 9005, [], []),
    (7008, "Casey Nguyen", "casey.nguyen@acmeretail.example", "end-user", True, False, 9005, [], []),
    (7009, "Pat O'Neil", "pat.oneil@acmelogistics.example", "end-user", True, False, None, [], []),
    (7010, "Riley Jones", "riley.jones@acmestudios.example", "end-user", True, False, 9001, [9006], []),
    (7011, "Jamie Fox", "jamie.fox@acmestudios.example", "end-user", True, False, 9006, [], []),
    (7012, "Chris Bell", "chris.bell@acmegroup.example", "end-user", True, False, 9006, [], []),
    (7013, "Erin Walsh", "erin.walsh@northshoremed.example", "end-user", True, False, 9008, [], []),
    (7014, "Nurse Station 4", "nurse.station4@northshoremed.health.example", "end-user", True, False, 9008, [], []),
    (7015, "Morgan Lee", "Morgan.Lee@BVHS.example", "end-user", True, False, None, [], [9009]),
    (7016, "Kelly Price", "kelly.price@westsidehospital.example", "end-user", True, False, 9010, [], []),
    (7017, "Jane Doe", "jane.doe.consulting@gmail.com", "end-user", True, False, 9001, [], []),
    (7018, "Bob Smith", "bob.smith@outlook.com", "end-user", True, False, None, [], []),
    (7019, "Sam Rivera", "sam@northwind-consulting.example", "end-user", True, False, 9001, [], []),
    (7020, "Former Employee", "former.employee@acmehealth.example", "end-user", True, True, 9005, [], [9001]),
    (7021, "Old Contact", "old.contact@acmeretail.example", "end-user", False, False, None, [], [9005]),
    (7022, "Support Agent", "agent@plumbline-support.example", "agent", True, False, None, [], []),
    (7023, "Support Lead", "lead@plumbline-support.example", "agent", True, False, None, [], []),
    (7024, "Zendesk Admin", "admin@plumbline-support.example", "admin", True, False, None, [], []),
]
TARGET_MEMBERSHIPS = 142
TARGET_TICKETS = 487
# Users whose memberships are part of the story and get no extra ones.
FIXED = {7003, 7005, 7006, 7010, 7012, 7015}

def org_name(oid):
    return next(o[1] for o in ORGS if o[0] == oid)

def write(path, text):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

def jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)

def accounts_csv():
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["sf_account_id", "account_name", "account_domains", "website", "zendesk_domain_override",
                "zendesk_org_id", "parent_account_id"])
    w.writerows(ACCOUNTS)
    return buf.getvalue()

def contacts_csv():
    return "email,sf_account_id,is_primary\njane.doe.consulting@gmail.com,001ACME001,true\n"

def organizations():
    created = AS_OF - timedelta(days=900)
    out = []
    for i, (oid, name, ext, domains) in enumerate(ORGS):
        out.append({"url": f"{BASE}/organizations/{oid}.json", "id": oid, "name": name, "shared_tickets": False,
                    "shared_comments": False, "external_id": ext, "created_at": ts(created + timedelta(days=7 * i)),
                    "updated_at": ts(AS_OF - timedelta(days=40 + i)), "domain_names": domains, "details": "",
                    "notes": "", "group_id": None, "tags": [], "organization_fields": {}})
    return out

def memberships():
    rows = []  # (user, org, default)
    for u in USERS:
        if u[6] is not None:
            rows.append((u[0], u[6], True))
        for o in u[7]:
            rows.append((u[0], o, False))
    have = {(r[0], r[1]) for r in rows}
    pool = [(u[0], o[0]) for u in USERS for o in ORGS
            if u[0] not in FIXED and o[0] not in u[8] and (u[0], o[0]) not in have]
    rnd.shuffle(pool)
    has_default = {r[0] for r in rows if r[2]}
    for uid, oid in sorted(pool[: TARGET_MEMBERSHIPS - len(rows)]):
        rows.append((uid, oid, uid not in has_default))
        has_default.add(uid)
    assert len(rows) == TARGET_MEMBERSHIPS, len(rows)
    rows.sort(key=lambda r: (r[0], r[1]))
    out = []
    for i, (uid, oid, default) in enumerate(rows):
        mid = 5001 + i
        when = ts(AS_OF - timedelta(days=300 - i))
        out.append({"url": f"{BASE}/organization_memberships/{mid}.json", "id": mid, "user_id": uid,
                    "organization_id": oid, "default": True if default else None, "created_at": when,
                    "updated_at": when, "organization_name": org_name(oid), "view_tickets": True})
    return out, rows

def users(member_rows):
    default = {r[0]: r[1] for r in member_rows if r[2]}
    out = []
    for i, (uid, name, email, role, active, suspended, *_rest) in enumerate(USERS):
        created = AS_OF - timedelta(days=700 - 13 * i)
        out.append({"id": uid, "url": f"{BASE}/users/{uid}.json", "name": name, "email": email,
                    "created_at": ts(created), "updated_at": ts(AS_OF - timedelta(days=20 + i)),
                    "time_zone": "Eastern Time (US & Canada)", "iana_time_zone": "America/New_York", "phone": None,
                    "shared_phone_number": None, "photo": None, "locale_id": 1, "locale": "en-US",
                    "organization_id": default.get(uid), "role": role, "verified": True, "external_id": None,
                    "tags": [], "alias": None, "active": active, "shared": False, "shared_agent": False,
                    "last_login_at": None, "two_factor_auth_enabled": None, "signature": None, "details": "",
                    "notes": "", "role_type": None, "custom_role_id": None, "moderator": False,
                    "ticket_restriction": "requested" if role == "end-user" else None,
                    "only_private_comments": False, "restricted_agent": False, "suspended": suspended,
                    "default_group_id": None, "report_csv": False, "user_fields": {}})
    return out

# Requesters of in-window tickets and the org each ticket carries. Mapped users' tickets carry their
# expected org; the designed exceptions are Riley's two tickets on Acme Healthcare and one of Dana's.
CLEAN = {7001: 9001, 7002: 9001, 7004: 9004, 7005: 9004, 7006: 9005, 7007: 9005, 7008: 9005,
         7011: 9006, 7013: 9008, 7015: 9009, 7017: 9001}
LOOSE = {7009: [None, 9011], 7012: [9006, 9005], 7014: [9008], 7016: [9010], 7018: [None, 9001],
         7019: [9001, 9004, 9005, 9008], 7020: [9005, 9001], 7021: [9005]}
SUBJECTS = ["Cannot log in", "Invoice question", "Feature request", "Data export failing", "Password reset",
            "Integration error", "Billing address change", "Report looks wrong", "Access for new colleague",
            "Outage follow-up"]
STATUSES = ["new", "open", "pending", "solved", "closed"]

def ticket(tid, requester, org, updated, created):
    subject = SUBJECTS[tid % len(SUBJECTS)]
    return {"url": f"{BASE}/tickets/{tid}.json", "id": tid, "external_id": None, "via": {"channel": "email"},
            "created_at": ts(created), "updated_at": ts(updated), "generated_timestamp": int(updated.timestamp()),
            "type": None, "subject": subject, "raw_subject": subject, "description": subject + ".",
            "priority": "normal", "status": STATUSES[tid % len(STATUSES)], "recipient": None,
            "requester_id": requester, "submitter_id": requester, "assignee_id": 7022 + tid % 2,
            "organization_id": org, "group_id": None, "collaborator_ids": [], "follower_ids": [],
            "email_cc_ids": [], "forum_topic_id": None, "problem_id": None, "has_incidents": False,
            "is_public": True, "due_at": None, "tags": [], "custom_fields": [], "satisfaction_rating": None,
            "sharing_agreement_ids": [], "fields": [], "followup_ids": [], "brand_id": 1,
            "allow_channelback": False, "allow_attachments": True, "from_messaging_channel": False}

def tickets():
    specs = []  # (requester, org, in_window)
    specs += [(7010, 9001, True), (7010, 9001, True), (7003, 9002, True)]
    specs += [(7010, 9001, False)] * 6 + [(7003, 9002, False)] * 9 + [(7012, 9006, False)] * 3
    requesters = sorted(CLEAN) + sorted(LOOSE)
    while len(specs) < TARGET_TICKETS:
        r = requesters[rnd.randrange(len(requesters))]
        org = CLEAN[r] if r in CLEAN else LOOSE[r][rnd.randrange(len(LOOSE[r]))]
        specs.append((r, org, rnd.random() < 0.26))
    rnd.shuffle(specs)
    out = []
    for i, (requester, org, in_window) in enumerate(specs):
        age = rnd.uniform(0.5, 29.0) if in_window else rnd.uniform(31.5, 364.0)
        updated = (AS_OF - timedelta(days=age)).replace(microsecond=0)
        created = updated - timedelta(hours=rnd.randrange(1, 400))
        out.append(ticket(10001 + i, requester, org, updated, created))
    return out

def main():
    ms, rows = memberships()
    write("salesforce_accounts.csv", accounts_csv())
    write("salesforce_contacts.csv", contacts_csv())
    write("zendesk/organizations.jsonl", jsonl(organizations()))
    write("zendesk/users.jsonl", jsonl(users(rows)))
    write("zendesk/organization_memberships.jsonl", jsonl(ms))
    write("zendesk/tickets.jsonl", jsonl(tickets()))
    write("snapshot.json", json.dumps({"captured_at": ts(AS_OF), "source": "demo fixtures"}, indent=2) + "\n")

if __name__ == "__main__":
    main()
