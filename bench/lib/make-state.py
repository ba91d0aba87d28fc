#!/usr/bin/env python3
"""Makes a soracom-mock state of N SIMs from an export holding one (for bench/scale).

    make-state.py EXPORT.json IMSI N   > state-N.json   every array element of the export that mentions IMSI is
                                                       replaced by N copies, each with its own identifiers
    make-state.py --imsi IMSI K                        prints the K-th generated IMSI (a keyset cursor)

It does not need to know the export's format: it looks for the array elements (at any depth) whose JSON mentions the
SIM's IMSI, and in each copy replaces the SIM's IMSI, ICCID, MSISDN and serial number (read from the element that
has `"imsi": IMSI`) by generated unique values. Identifiers used as object keys are not handled.
"""
import json
import sys

SENTINEL = "__bench_expanded_list_%d__"


def ident(kind, i):
    return {"imsi": "440%012d" % i, "iccid": "898110%013d" % i, "msisdn": "81%010d" % i,
            "serialNumber": "BENCH%010d" % i}[kind]


def find_sim(node, imsi):
    """The object that has "imsi": IMSI (the SIM record), depth first."""
    if isinstance(node, dict):
        if node.get("imsi") == imsi:
            return node
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = find_sim(child, imsi)
        if found is not None:
            return found
    return None


def main():
    if sys.argv[1] == "--imsi":
        print(ident("imsi", int(sys.argv[3])))
        return
    path, imsi, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    sim = find_sim(doc, imsi)
    if sim is None:
        sys.exit("no object with imsi %s in %s" % (imsi, path))
    originals = {k: sim[k] for k in ("imsi", "iccid", "msisdn", "serialNumber") if isinstance(sim.get(k), str) and sim[k]}

    expanded = []  # JSON texts of the expanded arrays, in sentinel order

    def expand(node):
        if isinstance(node, dict):
            for k, v in node.items():
                node[k] = expand(v)
            return node
        if not isinstance(node, list):
            return node
        # innermost arrays first: an element that mentions the IMSI only through an array expanded below it (an
        # operator holding its SIMs) is kept once; an element that still mentions it is a SIM record to copy
        elements = [expand(e) for e in node]
        texts = [json.dumps(e) for e in elements]
        templates = [t for e, t in zip(elements, texts) if isinstance(e, (dict, list)) and imsi in t]
        if not templates:
            return elements
        kept = [t for e, t in zip(elements, texts) if not (isinstance(e, (dict, list)) and imsi in t)]
        copies = []
        for i in range(n):
            for t in templates:
                for kind, value in originals.items():
                    t = t.replace('"%s"' % value, '"%s"' % ident(kind, i))
                copies.append(t)
        expanded.append("[" + ",".join(kept + copies) + "]")
        return SENTINEL % (len(expanded) - 1)

    text = json.dumps(expand(doc))
    for i, array in reversed(list(enumerate(expanded))):  # outer arrays first: they may hold inner sentinels
        text = text.replace('"%s"' % (SENTINEL % i), array, 1)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
