#!/usr/bin/env python3
"""The naive comparison of the benchmark (issue 13, BENCHMARKS.md): pandas + jinja2.

Reads the weekly CSV exports written by `make_sample_data --items N` (the three CSV layouts it
writes: `;`-separated UTF-8 with BOM, a header row found by its `Tiket` column, timestamps as
`05/10/2026 07.32`, `05/10/2026 07:32` or `5 Okt 2026 07.32`), and computes what METRICS.md
defines, on the continuous clock:

- rows without any readable timestamp are rejected; timestamps later than now are empty;
- the same ticket in several exports: the row of the latest export wins (exports ordered by
  their latest timestamp);
- disposition forward / answer / unknown, department after the aliases of the configuration
  (`--config`, the `<data>.patuh.toml` the generator writes), the pseudo-departments
  "Dijawab Langsung", "Belum Didisposisi" and "Tanpa Perangkat Daerah";
- as-of = the latest timestamp of the included items;
- per step (pemantauan 60 min, disposisi 10 min, penerusan 15 min for forwarded items,
  end_to_end 85 / 70 min): met, breached, overdue, pending, invalid, unmeasurable,
  compliance = 100 * met / (met + breached), median duration (nearest rank) of met and
  breached;
- per ISO week and per month, per department and for the whole period.

It writes `summary.csv` (one line per period x department and per period, `*` as the
department) and one HTML page per period x department listing its figures and every item
(jinja2, autoescaped), under `--out`. It does not read workbooks, the office clock, notes or
anything patuh does beyond these numbers; its numbers are meant to agree with patuh's
summary.json for these files.

    python bench/naive.py --data DIR --config DIR.patuh.toml --out OUT
"""

import argparse
import datetime as dt
import math
import os
import re
import sys
import tomllib

import jinja2
import numpy as np
import pandas as pd

ALIASES = {
    "id": ["No Tiket", "No. Tiket", "Nomor Tiket"],
    "posted": ["Waktu Posting", "Waktu Pengaduan"],
    "channel": ["Kanal", "Media Sosial", "Media"],
    "kind": ["Jenis", "Jenis Laporan", "Kategori"],
    "account": ["Akun Pelapor", "Akun", "Pelapor"],
    "text": ["Isi Laporan", "Isi", "Uraian"],
    "reported": ["Waktu Lapor ke Kasi", "Waktu Lapor", "Waktu Disampaikan"],
    "disposed": ["Waktu Disposisi"],
    "disposition": ["Disposisi", "Tindakan", "Tindak Lanjut Kasi"],
    "dept": ["Perangkat Daerah", "OPD", "PD Tujuan"],
    "forwarded": ["Waktu Diteruskan", "Waktu Diterima PD"],
    "admin": ["Admin", "Petugas"],
}
TS = ["posted", "reported", "disposed", "forwarded"]
FORWARD = {"teruskan", "diteruskan", "diteruskan ke pd"}
ANSWER = {"jawab langsung", "dijawab", "dijawab langsung"}
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"]
    )
}
# step id, start, end, limit (s), forwarded items only
STEPS = [
    ("pemantauan", "posted", "reported", 3600, False),
    ("disposisi", "reported", "disposed", 600, False),
    ("penerusan", "disposed", "forwarded", 900, True),
]
STATUSES = ["met", "breached", "pending", "invalid", "unmeasurable", "not_applicable"]

PAGE = jinja2.Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{ dept }} · {{ period }}</title></head><body>
<h1>{{ dept }}</h1><p>Periode {{ period }} · {{ items|length }} item · kondisi per {{ as_of }}</p>
<table><thead><tr><th>Tahap</th><th>Patuh</th><th>Terlambat</th><th>Menunggu</th>
<th>Invalid</th><th>Tak terukur</th><th>Kepatuhan</th><th>Median</th></tr></thead><tbody>
{% for s in steps %}<tr><td>{{ s.id }}</td><td>{{ s.met }}</td><td>{{ s.breached }}</td>
<td>{{ s.pending }}</td><td>{{ s.invalid }}</td><td>{{ s.unmeasurable }}</td>
<td>{{ s.pct }}</td><td>{{ s.median }}</td></tr>
{% endfor %}</tbody></table>
<h2>Daftar item</h2>
<table><thead><tr><th>No Tiket</th><th>Waktu Posting</th><th>Kanal</th><th>Isi</th>
<th>Pemantauan</th><th>Disposisi</th><th>Penerusan</th><th>Admin</th></tr></thead><tbody>
{% for it in items %}<tr><td>{{ it.id }}</td><td>{{ it.posted }}</td><td>{{ it.channel }}</td>
<td>{{ it.text }}</td><td>{{ it.pemantauan }}</td><td>{{ it.disposisi }}</td>
<td>{{ it.penerusan }}</td><td>{{ it.admin }}</td></tr>
{% endfor %}</tbody></table></body></html>
"""
)


def norm(s):
    return " ".join(str(s).split()).lower()


def read_export(path):
    with open(path, encoding="utf-8-sig") as f:
        head = [next(f, "") for _ in range(20)]
    header = next(i for i, line in enumerate(head) if "Tiket" in line)
    df = pd.read_csv(
        path,
        sep=";",
        skiprows=header,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
    )
    rename = {}
    for key, names in ALIASES.items():
        for n in names:
            if n in df.columns:
                rename[n] = key
                break
    df = df.rename(columns=rename)[list(ALIASES)]
    return df


def parse_ts(s, now):
    s = s.str.strip()
    # "5 Okt 2026 07.32" -> "5/10/2026 07.32"
    m = s.str.extract(r"^(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (.*)$")
    has = m[0].notna()
    if has.any():
        mon = m.loc[has, 1].str.lower().map(MONTHS)
        s = s.copy()
        s[has] = m.loc[has, 0] + "/" + mon.astype("Int64").astype(str) + "/" + m.loc[has, 2] + " " + m.loc[has, 3]
    s = s.str.replace(":", ".", regex=False)
    t = pd.to_datetime(s, format="%d/%m/%Y %H.%M", errors="coerce")
    return t.where(t <= now)


def nearest_rank_median(x):
    x = np.sort(x[~np.isnan(x)])
    if len(x) == 0:
        return None
    return int(x[math.ceil(0.5 * len(x)) - 1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    now = pd.Timestamp.now(tz="Asia/Jakarta").tz_localize(None)

    with open(a.config, "rb") as f:
        cfg = tomllib.load(f)
    canon = {}
    for name, spellings in cfg.get("departments", {}).items():
        if isinstance(spellings, list):
            canon[norm(name)] = name
            for v in spellings:
                canon[norm(v)] = name

    frames = []
    files = sorted(
        os.path.join(r, f) for r, _, fs in os.walk(a.data) for f in fs if f.lower().endswith(".csv")
    )
    for i, path in enumerate(files):
        df = read_export(path)
        for c in TS:
            df[c] = parse_ts(df[c], now)
        df["export_at"] = df[TS].max(axis=1).max()
        df["file_no"] = i
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    read = len(df)
    keep = df[TS].notna().any(axis=1)
    rejected = int((~keep).sum())
    df = df[keep]
    df = df.sort_values(["export_at", "file_no"], kind="stable")
    df = df.drop_duplicates("id", keep="last").reset_index(drop=True)
    dup = read - rejected - len(df)

    disp = df["disposition"].map(norm)
    dept_named = df["dept"].str.strip() != ""
    forward = disp.isin(FORWARD) | ((disp == "") & dept_named)
    answer = ~forward & disp.isin(ANSWER)
    canon_dept = df["dept"].map(lambda d: canon.get(norm(d), " ".join(d.split())))
    group = np.where(
        forward,
        np.where(dept_named, canon_dept, "Tanpa Perangkat Daerah"),
        np.where(answer, "Dijawab Langsung", "Belum Didisposisi"),
    )
    df["group"] = group
    as_of = df[TS].max().max()
    first = df[TS].min(axis=1)
    placed = df["posted"].fillna(first)
    iso = placed.dt.isocalendar()
    df["week"] = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    df["month"] = placed.dt.strftime("%Y-%m")

    ends = {s[2]: df[s[2]] for s in STEPS}
    # end_to_end: from posted to the end of the last applicable step
    df["_e2e_end"] = np.where(forward, df["forwarded"], df["disposed"])
    df["_e2e_end"] = pd.to_datetime(df["_e2e_end"])
    steps = STEPS + [("end_to_end", "posted", "_e2e_end", None, False)]
    for k, (sid, start, end, limit, fwd_only) in enumerate(steps):
        st, en = df[start], df[end]
        if limit is None:
            lim = np.where(forward, 85 * 60, 70 * 60)
        else:
            lim = np.full(len(df), limit)
        applies = forward.to_numpy() if fwd_only else np.ones(len(df), bool)
        later_end = np.zeros(len(df), bool)
        if sid != "end_to_end":
            for sid2, _, end2, _, fwd2 in STEPS[k + 1 :]:
                app2 = forward.to_numpy() if fwd2 else np.ones(len(df), bool)
                later_end |= app2 & ends[end2].notna().to_numpy()
        d = (en - st).dt.total_seconds().to_numpy()
        open_d = (as_of - st).dt.total_seconds().to_numpy()
        has_s, has_e = st.notna().to_numpy(), en.notna().to_numpy()
        status = np.select(
            [
                ~applies,
                ~has_s,
                has_e & (d < 0),
                has_e & (d <= lim),
                has_e,
                later_end,
                open_d > lim,
            ],
            ["not_applicable", "unmeasurable", "invalid", "met", "breached", "unmeasurable", "breached"],
            default="pending",
        )
        df[sid] = status
        df[sid + "_overdue"] = (status == "breached") & ~has_e
        df[sid + "_d"] = np.where(np.isin(status, ["met", "breached"]) & has_e, d, np.nan)
        for s in STATUSES[:5]:
            df[f"{sid}_{s}"] = status == s

    os.makedirs(a.out, exist_ok=True)
    step_ids = [s[0] for s in steps]
    cols = [f"{sid}_{s}" for sid in step_ids for s in STATUSES[:5]] + [sid + "_overdue" for sid in step_ids]
    lines = []
    pages = 0
    fmt = lambda t: "" if pd.isna(t) else t.strftime("%d/%m/%Y %H.%M")
    as_of_s = fmt(as_of)

    def figures(g):
        out = []
        for sid in step_ids:
            met, br = int(g[f"{sid}_met"].sum()), int(g[f"{sid}_breached"].sum())
            pct = None if met + br == 0 else 100.0 * met / (met + br)
            out.append(
                {
                    "id": sid,
                    "met": met,
                    "breached": br,
                    "overdue": int(g[sid + "_overdue"].sum()),
                    "pending": int(g[f"{sid}_pending"].sum()),
                    "invalid": int(g[f"{sid}_invalid"].sum()),
                    "unmeasurable": int(g[f"{sid}_unmeasurable"].sum()),
                    "pct": "" if pct is None else f"{pct:.1f}",
                    "median": nearest_rank_median(g[sid + "_d"].to_numpy()),
                }
            )
        return out

    for kind in ["week", "month"]:
        for period, pg in df.groupby(kind, sort=True):
            for s in figures(pg):
                lines.append([period, "*", len(pg), s])
            os.makedirs(os.path.join(a.out, period), exist_ok=True)
            for dept, g in pg.groupby("group", sort=True):
                figs = figures(g)
                for s in figs:
                    lines.append([period, dept, len(g), s])
                items = [
                    {
                        "id": r.id,
                        "posted": fmt(r.posted),
                        "channel": r.channel,
                        "text": r.text,
                        "pemantauan": r.pemantauan,
                        "disposisi": r.disposisi,
                        "penerusan": r.penerusan,
                        "admin": r.admin,
                    }
                    for r in g.itertuples()
                ]
                slug = re.sub(r"[^a-z0-9]+", "-", dept.lower()).strip("-")
                with open(os.path.join(a.out, period, slug + ".html"), "w", encoding="utf-8") as f:
                    f.write(PAGE.render(dept=dept, period=period, items=items, steps=figs, as_of=as_of_s))
                pages += 1

    with open(os.path.join(a.out, "summary.csv"), "w", encoding="utf-8") as f:
        f.write("period,department,items,step,met,breached,overdue,pending,invalid,unmeasurable,compliance_pct,median_s\n")
        for period, dept, n, s in lines:
            dq = '"' + dept.replace('"', '""') + '"'
            f.write(
                f"{period},{dq},{n},{s['id']},{s['met']},{s['breached']},{s['overdue']},{s['pending']},"
                f"{s['invalid']},{s['unmeasurable']},{s['pct']},{'' if s['median'] is None else s['median']}\n"
            )
    print(
        f"naive: {len(files)} files, read {read} = included {len(df)} + duplicates {dup} + rejected {rejected}; "
        f"as-of {as_of_s}; {pages} pages",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
