#!/usr/bin/env python3
"""Makes a soracom-mock state of N SIMs from an export holding one (for bench/scale).

    make-state.py EXPORT.json IMSI N   > state-N.json   the rows of the export that belong to the SIM with IMSI are
                                                       replaced by N copies, each with its own identifiers
    make-state.py --imsi IMSI K                        prints the K-th generated IMSI (a keyset cursor)

The export is a state document as GET /_mock/state writes it: {"format": "soracom-mock-state", "version": …,
"tables": {"<table>": [{"<column>": value, …}, …]}}. The SIM's identifiers are read from the row that has
"imsi": IMSI (its subscription): IMSI, ICCID, MSISDN, IP address, SIM ID, and the SIM row's serial number. Every row,
in any table, that holds one of them as a column value is a row of that SIM; each copy replaces them by generated
unique values (the same old value by the same new value everywhere) and numbers the integer "id" columns (identity
columns) after the highest in its table. Rows of no SIM (the operator, its credentials) are kept once.
"""
import json
import sys


def ident(kind, i):
    return {"imsi": "440%012d" % i, "iccid": "898110%013d" % i, "msisdn": "81%010d" % i,
            "serial_number": "BENCH%010d" % i,
            "ip_address": "10.%d.%d.%d" % (100 + (i >> 16) % 100, (i >> 8) & 255, i & 255)}[kind]


def main():
    if sys.argv[1] == "--imsi":
        print(ident("imsi", int(sys.argv[3])))
        return
    path, imsi, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        sys.exit("%s is not a state document (no tables)" % path)
    # the subscription row (other rows, such as the status history, have an imsi column too)
    candidates = tables.get("sim_subscription", []) + [row for rows in tables.values() for row in rows]
    sub = next((row for row in candidates if row.get("imsi") == imsi), None)
    if sub is None:
        sys.exit("no row with imsi %s in %s" % (imsi, path))
    sim = next((row for row in tables.get("sim", []) if row.get("sim_id") == sub.get("sim_id")), {})

    # old value -> kind of generated value; the IMSI first: a sandbox SIM's SIM ID and ICCID are its IMSI
    kinds = {}
    for kind, value in (("imsi", imsi), ("iccid", sub.get("iccid")), ("msisdn", sub.get("msisdn")),
                        ("ip_address", sub.get("ip_address")), ("serial_number", sim.get("serial_number")),
                        ("imsi", sub.get("sim_id"))):
        if isinstance(value, str) and value and value not in kinds:
            kinds[value] = kind

    for name, rows in tables.items():
        templates = [r for r in rows if any(isinstance(v, str) and v in kinds for v in r.values())]
        if not templates:
            continue
        kept = [r for r in rows if not any(isinstance(v, str) and v in kinds for v in r.values())]
        next_id = 1 + max((r["id"] for r in kept if isinstance(r.get("id"), int)), default=0)
        copies = []
        for i in range(n):
            for t in templates:
                c = {k: (ident(kinds[v], i) if isinstance(v, str) and v in kinds else v) for k, v in t.items()}
                if isinstance(c.get("id"), int):
                    c["id"] = next_id
                    next_id += 1
                copies.append(c)
        tables[name] = kept + copies
    json.dump(doc, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
