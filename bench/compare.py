#!/usr/bin/env python3
"""Compares the naive script's summary.csv with patuh's data/summary.json (BENCHMARKS.md).

    python bench/compare.py NAIVE_OUT/summary.csv SITE/data/summary.json

Prints the number of period x department x step lines compared and every difference in
items, status counts, compliance (one decimal) and median; exit status 1 if any differs.
"""

import csv
import json
import sys

KEYS = ["met", "breached", "overdue", "pending", "invalid", "unmeasurable"]


def main():
    naive = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for r in csv.DictReader(f):
            naive[(r["period"], r["department"], r["step"])] = r
    with open(sys.argv[2], encoding="utf-8") as f:
        summary = json.load(f)
    seen, diffs = 0, []
    for p in summary["periods"]:
        groups = [("*", p["total"])] + [(d["name"], d) for d in p["departments"]]
        for name, g in groups:
            for sid, s in g["steps"].items():
                key = (p["label"], name, sid)
                r = naive.pop(key, None)
                if r is None:
                    diffs.append(f"{key}: only in patuh")
                    continue
                seen += 1
                want = [g["items"]] + [s[k] for k in KEYS]
                got = [int(r["items"])] + [int(r[k]) for k in KEYS]
                pct = "" if s["compliance_pct"] is None else f"{s['compliance_pct']:.1f}"
                med = "" if s["median_s"] is None else str(s["median_s"])
                if want != got or pct != r["compliance_pct"] or med != r["median_s"]:
                    diffs.append(f"{key}: patuh {want} {pct} {med}, naive {got} {r['compliance_pct']} {r['median_s']}")
    diffs += [f"{k}: only in naive" for k in naive]
    print(f"compared {seen} period x department x step lines; {len(diffs)} differ")
    for d in diffs[:20]:
        print("  " + d)
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
