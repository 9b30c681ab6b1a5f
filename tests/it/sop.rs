//! The metrics contract (METRICS.md of the specification) point by point: step statuses at their
//! boundaries, dispositions and groups, nearest-rank statistics, compliance as a double,
//! periods in the configured zone, as-of, custom step models and their validation, and
//! property tests over random items. Every expected value is worked out by hand in the
//! comments; items are read through the real reader from tiny CSV exports.

use crate::support::{config, one_export, patuh_build, read_exports, utc, Ran};
use chrono::Utc;
use patuh::config::Config;
use patuh::ingest::Ledger;
use patuh::model::{AsOf, AsOfSource};
use patuh::report::{self, GroupStats, PeriodKind, Report, StepStats};
use patuh::sop::{Judged, Status};
use patuh::Judgement;

use Status::{Invalid, Met, NotApplicable, Pending, Unmeasurable};

/// Done late (both ends present, over the limit).
const LATE: Status = Status::Breached { overdue: false };
/// Still open past the limit at as-of.
const OVERDUE: Status = Status::Breached { overdue: true };

/// The header of every export written here (INPUTS.md built-in aliases).
const HEADER: &str = "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin";

/// One export read and judged.
struct Run {
    _dir: tempfile::TempDir,
    config: Config,
    ledger: Ledger,
    judgement: Judgement,
}

impl Run {
    /// Writes `header` + `rows` as `data/export.csv`, reads it with `config_text` at the
    /// tests' `now` and judges it at `as_of` (as `--as-of` would be written).
    fn with_header(header: &str, rows: &[&str], config_text: &str, as_of: Option<&str>) -> Run {
        let mut csv = String::from(header);
        for row in rows {
            csv.push('\n');
            csv.push_str(row);
        }
        csv.push('\n');
        let dir = one_export("export.csv", csv);
        let config = config(config_text);
        let mut ledger = read_exports(&dir.path().join("data"), &config).unwrap();
        let judgement = patuh::judge(&mut ledger, &config, as_of).unwrap();
        assert_eq!(judgement.judged.len(), ledger.items.len());
        Run {
            _dir: dir,
            config,
            ledger,
            judgement,
        }
    }

    fn new(rows: &[&str], config_text: &str, as_of: Option<&str>) -> Run {
        Run::with_header(HEADER, rows, config_text, as_of)
    }

    /// The judged item with ticket `id`.
    fn item(&self, id: &str) -> &Judged {
        let index = self
            .ledger
            .items
            .iter()
            .position(|i| i.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no item {id}"));
        self.judgement
            .judged
            .iter()
            .find(|j| j.item == index)
            .unwrap()
    }

    /// `(status, duration_s, limit_s)` of every step of item `id`, then `end_to_end`.
    fn steps(&self, id: &str) -> Vec<StepRow> {
        self.item(id)
            .steps
            .iter()
            .map(|s| (s.status, s.duration_s, s.limit_s))
            .collect()
    }

    /// When step `step` of item `id`, overdue, went past its limit (`sop::overdue`).
    fn overdue_since(&self, id: &str, step: usize) -> Option<chrono::DateTime<Utc>> {
        let judged = self.item(id);
        patuh::sop::overdue(
            &self.ledger.items[judged.item],
            judged,
            &self.judgement.model,
            step,
            self.config.timezone,
            self.judgement.as_of.unwrap().at,
        )
        .map(|o| o.since)
    }

    /// Step `step` of item `id` on the continuous clock (`sop::continuous_result`).
    fn continuous(&self, id: &str, step: usize) -> Option<patuh::sop::ContinuousResult> {
        let item = &self.ledger.items[self.item(id).item];
        let at = self.judgement.as_of.unwrap().at;
        patuh::sop::continuous_result(item, &self.judgement.model, step, at)
    }

    fn report(&self) -> Report {
        report::assemble(
            &self.judgement.judged,
            &self.ledger.items,
            &self.judgement.model,
            self.ledger.rows,
            self.judgement.as_of,
            self.config.timezone,
        )
    }
}

/// One step of one item: `(status, duration_s, limit_s)`.
type StepRow = (Status, Option<i64>, i64);

/// The statistics of one step as a compact tuple:
/// `[met, breached, overdue, pending, invalid, unmeasurable, not_applicable]`,
/// `compliance_pct`, `[median_s, p90_s, max_s]`.
type Compact = ([u64; 7], Option<f64>, [Option<i64>; 3]);

fn compact(s: &StepStats) -> Compact {
    (
        [
            s.met,
            s.breached,
            s.overdue,
            s.pending,
            s.invalid,
            s.unmeasurable,
            s.not_applicable,
        ],
        s.compliance_pct,
        [s.median_s, s.p90_s, s.max_s],
    )
}

fn step<'a>(g: &'a GroupStats, id: &str) -> &'a StepStats {
    &g.steps
        .iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("no step {id}"))
        .1
}

fn period<'a>(r: &'a Report, kind: PeriodKind, label: &str) -> &'a report::PeriodReport {
    r.periods
        .iter()
        .find(|p| p.kind == kind && p.label == label)
        .unwrap_or_else(|| panic!("no period {label}"))
}

fn department<'a>(p: &'a report::PeriodReport, name: &str) -> &'a report::DepartmentStats {
    p.departments
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no department {name} in {}", p.label))
}

// ---------------------------------------------------------------------------------------
// Step statuses at their boundaries (default model, Asia/Jakarta).
// as-of = "2026-11-29 23:59" = 2026-11-29 23:59:00 WIB.
// Limits: pemantauan 3600 s, disposisi 600 s, penerusan 900 s, end_to_end 5100 s for a
// forward item (60 + 10 + 15 min), 4200 s otherwise (60 + 10 min).
// ---------------------------------------------------------------------------------------

const BOUNDARY_ROWS: &[&str] = &[
    // B1: every step exactly at its limit: 10:00→11:00 = 3600, 11:00→11:10 = 600,
    //     11:10→11:25 = 900, end_to_end 10:00→11:25 = 5100. All met.
    "B1;2026-11-27 10:00:00;2026-11-27 11:00:00;2026-11-27 11:10:00;teruskan;Dinas Perhubungan;2026-11-27 11:25:00;Andi",
    // B2: every step one second over: 3601, 601, 901, end_to_end 10:00:00→11:25:03 = 5103.
    "B2;2026-11-27 10:00:00;2026-11-27 11:00:01;2026-11-27 11:10:02;teruskan;Dinas Perhubungan;2026-11-27 11:25:03;Andi",
    // B3: all four at the same second: every duration 0, met (0 ≤ d ≤ limit).
    "B3;2026-11-27 10:00:00;2026-11-27 10:00:00;2026-11-27 10:00:00;teruskan;Dinas Perhubungan;2026-11-27 10:00:00;Andi",
    // B4: reported one second before posted: pemantauan invalid (−1); disposisi
    //     09:59:59→10:05:00 = 301 met; penerusan 10:05→10:10 = 300 met;
    //     end_to_end 10:00→10:10 = 600 met.
    "B4;2026-11-27 10:00:00;2026-11-27 09:59:59;2026-11-27 10:05:00;teruskan;Dinas Perhubungan;2026-11-27 10:10:00;Andi",
    // B5: reported missing while disposed present: pemantauan unmeasurable (end missing, a
    //     later step has ended), disposisi unmeasurable (start missing); penerusan
    //     10:30→10:40 = 600 met; end_to_end 10:00→10:40 = 2400 met.
    "B5;2026-11-27 10:00:00;;2026-11-27 10:30:00;teruskan;Dinas Perhubungan;2026-11-27 10:40:00;Andi",
    // B6: posted missing: pemantauan unmeasurable; disposisi 10:00→10:05 = 300 met;
    //     penerusan 10:05→10:10 = 300 met; end_to_end unmeasurable (its start is missing).
    "B6;;2026-11-27 10:00:00;2026-11-27 10:05:00;teruskan;Dinas Perhubungan;2026-11-27 10:10:00;Andi",
    // B7: disposisi open exactly at its limit: 23:00→23:49 = 2940 met; as-of − 23:49:00 =
    //     600 ≤ 600 pending; penerusan unmeasurable (start missing); end_to_end open:
    //     as-of − 23:00 = 3540 ≤ 5100 pending.
    "B7;2026-11-29 23:00:00;2026-11-29 23:49:00;;teruskan;Dinas Perhubungan;;Andi",
    // B8: disposisi open one second past: 23:00:00→23:48:59 = 2939 met; as-of − 23:48:59 =
    //     601 > 600 breached and overdue; penerusan unmeasurable; end_to_end 3540 pending.
    "B8;2026-11-29 23:00:00;2026-11-29 23:48:59;;teruskan;Dinas Perhubungan;;Andi",
    // B9: penerusan open at its limit, end_to_end open one second past its own:
    //     22:33:59→23:33:59 = 3600 met; 23:33:59→23:44:00 = 601 breached;
    //     as-of − 23:44:00 = 900 pending; as-of − 22:33:59 = 5101 > 5100 overdue.
    "B9;2026-11-29 22:33:59;2026-11-29 23:33:59;2026-11-29 23:44:00;teruskan;Dinas Perhubungan;;Andi",
    // B10: only posted, no disposition, no department (unknown): pemantauan open,
    //      as-of − 22:59:00 = 3600 pending; disposisi unmeasurable (start missing);
    //      penerusan not_applicable; end_to_end (limit 4200) 3600 pending.
    "B10;2026-11-29 22:59:00;;;;;;",
    // B11: as B10 one second earlier: 3601 > 3600 overdue; end_to_end 3601 ≤ 4200 pending.
    "B11;2026-11-29 22:58:59;;;;;;",
];

#[test]
fn step_statuses_at_their_boundaries() {
    let run = Run::new(BOUNDARY_ROWS, "", Some("2026-11-29 23:59"));
    // 2026-11-29 23:59:00 WIB = 16:59:00 UTC.
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-29T16:59:00Z"))
    );
    let expected: &[(&str, [StepRow; 4])] = &[
        (
            "B1",
            [
                (Met, Some(3600), 3600),
                (Met, Some(600), 600),
                (Met, Some(900), 900),
                (Met, Some(5100), 5100),
            ],
        ),
        (
            "B2",
            [
                (LATE, Some(3601), 3600),
                (LATE, Some(601), 600),
                (LATE, Some(901), 900),
                (LATE, Some(5103), 5100),
            ],
        ),
        (
            "B3",
            [
                (Met, Some(0), 3600),
                (Met, Some(0), 600),
                (Met, Some(0), 900),
                (Met, Some(0), 5100),
            ],
        ),
        (
            "B4",
            [
                (Invalid, Some(-1), 3600),
                (Met, Some(301), 600),
                (Met, Some(300), 900),
                (Met, Some(600), 5100),
            ],
        ),
        (
            "B5",
            [
                (Unmeasurable, None, 3600),
                (Unmeasurable, None, 600),
                (Met, Some(600), 900),
                (Met, Some(2400), 5100),
            ],
        ),
        (
            "B6",
            [
                (Unmeasurable, None, 3600),
                (Met, Some(300), 600),
                (Met, Some(300), 900),
                (Unmeasurable, None, 5100),
            ],
        ),
        (
            "B7",
            [
                (Met, Some(2940), 3600),
                (Pending, None, 600),
                (Unmeasurable, None, 900),
                (Pending, None, 5100),
            ],
        ),
        (
            "B8",
            [
                (Met, Some(2939), 3600),
                (OVERDUE, None, 600),
                (Unmeasurable, None, 900),
                (Pending, None, 5100),
            ],
        ),
        (
            "B9",
            [
                (Met, Some(3600), 3600),
                (LATE, Some(601), 600),
                (Pending, None, 900),
                (OVERDUE, None, 5100),
            ],
        ),
        (
            "B10",
            [
                (Pending, None, 3600),
                (Unmeasurable, None, 600),
                (NotApplicable, None, 900),
                (Pending, None, 4200),
            ],
        ),
        (
            "B11",
            [
                (OVERDUE, None, 3600),
                (Unmeasurable, None, 600),
                (NotApplicable, None, 900),
                (Pending, None, 4200),
            ],
        ),
    ];
    for (id, want) in expected {
        assert_eq!(run.steps(id), want.to_vec(), "item {id}");
    }
}

#[test]
fn boundary_items_aggregate_by_hand() {
    let run = Run::new(BOUNDARY_ROWS, "", Some("2026-11-29 23:59"));
    let r = run.report();
    // Every item was posted (or, for B6, first stamped) on 27 or 29 November 2026:
    // one week (2026-W48, 23–29 Nov) and one month.
    let labels: Vec<(PeriodKind, &str)> = r
        .periods
        .iter()
        .map(|p| (p.kind, p.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (PeriodKind::Week, "2026-W48"),
            (PeriodKind::Month, "2026-11")
        ]
    );
    let week = period(&r, PeriodKind::Week, "2026-W48");
    assert_eq!(week.total.items, 11);
    // pemantauan: met B1 B3 B7 B8 B9 = 5; breached B2, B11 (overdue) = 2; pending B10;
    // invalid B4; unmeasurable B5 B6. Compliance 100·5/7 = 71.42857142857143.
    // Durations of met/breached with both ends: B1 3600, B2 3601, B3 0, B7 2940,
    // B8 2939, B9 3600 (B11 has no end) → [0, 2939, 2940, 3600, 3600, 3601], n = 6:
    // median at ⌈3⌉ = 3rd = 2940, p90 at ⌈5.4⌉ = 6th = 3601, max 3601.
    assert_eq!(
        compact(step(&week.total, "pemantauan")),
        (
            [5, 2, 1, 1, 1, 2, 0],
            Some(71.42857142857143),
            [Some(2940), Some(3601), Some(3601)]
        )
    );
    // disposisi: met B1 B3 B4 B6 = 4; breached B2, B8 (overdue), B9 = 3; pending B7;
    // unmeasurable B5 B10 B11 = 3. Compliance 100·4/7 = 400/7 = 57.142857142857146
    // (not 100·(4/7) = 57.14285714285714). Durations B1 600, B2 601, B3 0, B4 301, B6 300,
    // B9 601 → [0, 300, 301, 600, 601, 601]: median 3rd = 301, p90 6th = 601, max 601.
    assert_eq!(
        compact(step(&week.total, "disposisi")),
        (
            [4, 3, 1, 1, 0, 3, 0],
            Some(57.142857142857146),
            [Some(301), Some(601), Some(601)]
        )
    );
    // penerusan: met B1 B3 B4 B5 B6 = 5; breached B2; pending B9; unmeasurable B7 B8;
    // not_applicable B10 B11. 500/6 = 83.33333333333333. Durations
    // [0, 300, 300, 600, 900, 901]: median 3rd = 300, p90 ⌈5.4⌉ = 6th = 901, max 901.
    assert_eq!(
        compact(step(&week.total, "penerusan")),
        (
            [5, 1, 0, 1, 0, 2, 2],
            Some(83.33333333333333),
            [Some(300), Some(901), Some(901)]
        )
    );
    // end_to_end: met B1 B3 B4 B5 = 4; breached B2, B9 (overdue) = 2; pending B7 B8 B10
    // B11 = 4; unmeasurable B6. 400/6 = 66.66666666666667. Durations
    // [0, 600, 2400, 5100, 5103], n = 5: median ⌈2.5⌉ = 3rd = 2400, p90 ⌈4.5⌉ = 5th = 5103.
    assert_eq!(
        compact(step(&week.total, END_TO_END)),
        (
            [4, 2, 1, 4, 0, 1, 0],
            Some(66.66666666666667),
            [Some(2400), Some(5103), Some(5103)]
        )
    );
    // Departments: B10 and B11 are undisposed, the rest forwarded to Dinas Perhubungan.
    let names: Vec<&str> = week.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Belum Didisposisi", "Dinas Perhubungan"]);
    let undisposed = department(week, "Belum Didisposisi");
    assert_eq!(undisposed.stats.items, 2);
    // penerusan does not apply to either: all zero, compliance and statistics null.
    assert_eq!(
        compact(step(&undisposed.stats, "penerusan")),
        ([0, 0, 0, 0, 0, 0, 2], None, [None, None, None])
    );
    // pemantauan: B10 pending, B11 overdue; B11 has no end → no durations at all.
    assert_eq!(
        compact(step(&undisposed.stats, "pemantauan")),
        ([0, 1, 1, 1, 0, 0, 0], Some(0.0), [None, None, None])
    );
    // The month holds the same items with the same numbers.
    let month = period(&r, PeriodKind::Month, "2026-11");
    assert_eq!(month.total, week.total);
    assert_eq!(month.departments, week.departments);
}

const END_TO_END: &str = "end_to_end";

// ---------------------------------------------------------------------------------------
// Dispositions and department groups.
// ---------------------------------------------------------------------------------------

const DISPOSITION_ROWS: &[&str] = &[
    // D1 forward, named department: penerusan 10:35→10:45 = 600 met;
    //    end_to_end posted→forwarded 10:00→10:45 = 2700, limit 5100.
    "D1;2026-11-27 10:00:00;2026-11-27 10:30:00;2026-11-27 10:35:00;teruskan;Dinas Perhubungan;2026-11-27 10:45:00;Andi",
    // D2 empty disposition + department = forward: penerusan 10:35→11:45 = 4200 > 900;
    //    end_to_end 10:00→11:45 = 6300 > 5100 breached.
    "D2;2026-11-27 10:00:00;2026-11-27 10:30:00;2026-11-27 10:35:00;;Dinas Kesehatan;2026-11-27 11:45:00;Andi",
    // D3 forward without department: group "Tanpa Perangkat Daerah"; penerusan
    //    10:35→10:50 = 900 met; end_to_end 10:00→10:50 = 3000 met.
    "D3;2026-11-27 10:00:00;2026-11-27 10:30:00;2026-11-27 10:35:00;diteruskan;;2026-11-27 10:50:00;Budi",
    // D4 answered directly although a department and forwarded_at are written: group
    //    "Dijawab Langsung", penerusan not_applicable, end_to_end posted→disposed
    //    10:00→10:35 = 2100, limit 4200.
    "D4;2026-11-27 10:00:00;2026-11-27 10:30:00;2026-11-27 10:35:00;dijawab langsung;Dinas Perhubungan;2026-11-27 11:00:00;Budi",
    // D5 a disposition value that says neither (with a department): unknown, group
    //    "Belum Didisposisi"; disposisi 10:30→11:40 = 4200 > 600; end_to_end
    //    posted→disposed 10:00→11:40 = 6000 > 4200 breached.
    "D5;2026-11-27 10:00:00;2026-11-27 10:30:00;2026-11-27 11:40:00;ditolak;Dinas Kesehatan;;Budi",
    // D6 disposed but no disposition and no department: unknown; end_to_end
    //    10:00→10:40 = 2400 ≤ 4200 met.
    "D6;2026-11-27 10:00:00;2026-11-27 10:30:00;2026-11-27 10:40:00;;;;Budi",
    // D7 answered, disposed_at missing while forwarded_at is written: penerusan does not
    //    apply, so no *applicable* later step has ended → disposisi is judged at as-of:
    //    29 Nov 23:59 − 27 Nov 10:30 ≫ 600 → overdue; end_to_end posted→disposed, open,
    //    ≫ 4200 → overdue.
    "D7;2026-11-27 10:00:00;2026-11-27 10:30:00;;Dijawab;;2026-11-27 10:50:00;Budi",
];

#[test]
fn forward_answer_and_unknown_dispositions() {
    use patuh::model::Disposition::{Answer, Forward, Unknown};
    let run = Run::new(DISPOSITION_ROWS, "", Some("2026-11-29 23:59"));
    let expect: &[(&str, patuh::model::Disposition, &str, bool)] = &[
        ("D1", Forward, "Dinas Perhubungan", false),
        ("D2", Forward, "Dinas Kesehatan", false),
        ("D3", Forward, "Tanpa Perangkat Daerah", true),
        ("D4", Answer, "Dijawab Langsung", true),
        ("D5", Unknown, "Belum Didisposisi", true),
        ("D6", Unknown, "Belum Didisposisi", true),
        ("D7", Answer, "Dijawab Langsung", true),
    ];
    for (id, disposition, group, pseudo) in expect {
        let j = run.item(id);
        assert_eq!(j.disposition, *disposition, "{id}");
        assert_eq!((&*j.group.name, j.group.pseudo), (*group, *pseudo), "{id}");
    }
    let m = |d| (Met, Some(d));
    let steps = |id| -> Vec<StepRow> { run.steps(id) };
    // pemantauan 10:00→10:30 = 1800 and disposisi 10:30→10:35 = 300 for D1–D4.
    assert_eq!(
        steps("D1"),
        [
            (Met, Some(1800), 3600),
            (Met, Some(300), 600),
            (Met, Some(600), 900),
            (Met, Some(2700), 5100)
        ]
    );
    assert_eq!(
        steps("D2")[2..],
        [(LATE, Some(4200), 900), (LATE, Some(6300), 5100)]
    );
    assert_eq!(
        steps("D3")[2..],
        [(Met, Some(900), 900), (Met, Some(3000), 5100)]
    );
    assert_eq!(
        steps("D4"),
        [
            (Met, Some(1800), 3600),
            (Met, Some(300), 600),
            (NotApplicable, None, 900),
            (Met, Some(2100), 4200)
        ]
    );
    assert_eq!(
        steps("D5"),
        [
            (Met, Some(1800), 3600),
            (LATE, Some(4200), 600),
            (NotApplicable, None, 900),
            (LATE, Some(6000), 4200)
        ]
    );
    assert_eq!(
        steps("D6").iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(),
        [m(1800), m(600), (NotApplicable, None), m(2400)]
    );
    assert_eq!(
        steps("D7"),
        [
            (Met, Some(1800), 3600),
            (OVERDUE, None, 600),
            (NotApplicable, None, 900),
            (OVERDUE, None, 4200)
        ]
    );
    // Departments of the week, sorted by name in byte order.
    let r = run.report();
    let week = period(&r, PeriodKind::Week, "2026-W48");
    let names: Vec<(&str, &str, u64)> = week
        .departments
        .iter()
        .map(|d| (d.name.as_str(), d.slug.as_str(), d.stats.items))
        .collect();
    assert_eq!(
        names,
        [
            ("Belum Didisposisi", "belum-didisposisi", 2),
            ("Dijawab Langsung", "dijawab-langsung", 2),
            ("Dinas Kesehatan", "dinas-kesehatan", 1),
            ("Dinas Perhubungan", "dinas-perhubungan", 1),
            ("Tanpa Perangkat Daerah", "tanpa-perangkat-daerah", 1),
        ]
    );
    // end_to_end over the week: met D1 D3 D4 D6 = 4, breached D2 D5 D7 (overdue) = 3.
    // 400/7 = 57.142857142857146. Durations [2100, 2400, 2700, 3000, 6000, 6300], n = 6:
    // median 3rd = 2700, p90 ⌈5.4⌉ = 6th = 6300.
    assert_eq!(
        compact(step(&week.total, END_TO_END)),
        (
            [4, 3, 1, 0, 0, 0, 0],
            Some(57.142857142857146),
            [Some(2700), Some(6300), Some(6300)]
        )
    );
    // penerusan over the week: met D1 D3, breached D2, not_applicable D4–D7.
    assert_eq!(
        compact(step(&week.total, "penerusan")),
        (
            [2, 1, 0, 0, 0, 0, 4],
            Some(66.66666666666667),
            [Some(900), Some(4200), Some(4200)]
        )
    );
}

#[test]
fn pseudo_department_labels_are_configurable() {
    let labels = r#"
[labels]
direct_answer = "Jawaban Langsung"
undisposed    = "Menunggu Disposisi"
no_department = "PD Belum Ditentukan"
"#;
    let run = Run::new(DISPOSITION_ROWS, labels, Some("2026-11-29 23:59"));
    assert_eq!(&*run.item("D3").group.name, "PD Belum Ditentukan");
    assert_eq!(&*run.item("D4").group.name, "Jawaban Langsung");
    assert_eq!(&*run.item("D5").group.name, "Menunggu Disposisi");
    let r = run.report();
    let week = period(&r, PeriodKind::Week, "2026-W48");
    let names: Vec<(&str, &str)> = week
        .departments
        .iter()
        .map(|d| (d.name.as_str(), d.slug.as_str()))
        .collect();
    // Byte order: "Dinas K…" < "Dinas P…" < "Jawaban…" < "Menunggu…" < "PD…".
    assert_eq!(
        names,
        [
            ("Dinas Kesehatan", "dinas-kesehatan"),
            ("Dinas Perhubungan", "dinas-perhubungan"),
            ("Jawaban Langsung", "jawaban-langsung"),
            ("Menunggu Disposisi", "menunggu-disposisi"),
            ("PD Belum Ditentukan", "pd-belum-ditentukan"),
        ]
    );
    // A partial [labels] table keeps the defaults of the others.
    let run = Run::new(
        DISPOSITION_ROWS,
        "[labels]\nundisposed = \"Belum Ada Disposisi\"\n",
        Some("2026-11-29 23:59"),
    );
    assert_eq!(&*run.item("D3").group.name, "Tanpa Perangkat Daerah");
    assert_eq!(&*run.item("D4").group.name, "Dijawab Langsung");
    assert_eq!(&*run.item("D6").group.name, "Belum Ada Disposisi");
}

// ---------------------------------------------------------------------------------------
// Nearest-rank statistics and compliance as a double.
// ---------------------------------------------------------------------------------------

/// A forwarded item posted 2026-11-24 08:00:00 WIB and reported `d` seconds later
/// (`None`: not reported yet). Only pemantauan is asserted on these items.
fn reported_after(id: &str, department: &str, d: Option<i64>) -> String {
    let reported = d.map_or(String::new(), |d| {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap()
            + chrono::TimeDelta::seconds(d);
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    });
    format!("{id};2026-11-24 08:00:00;{reported};;teruskan;{department};;")
}

#[test]
fn nearest_rank_statistics_and_compliance() {
    let mut rows = Vec::new();
    // Dinas A: durations 600, 1200, 3600 (met) and 4000 (> 3600, breached), plus one
    // never reported (overdue at as-of, no end: counted, but not in the statistics).
    for (i, d) in [3600, 600, 4000, 1200].into_iter().enumerate() {
        rows.push(reported_after(&format!("A{i}"), "Dinas A", Some(d)));
    }
    rows.push(reported_after("A9", "Dinas A", None));
    // Dinas B: 60, 120, 180, 3000 (met), 7200 (breached), and one reported a second
    // before it was posted (invalid, excluded).
    for (i, d) in [7200, 180, 60, 3000, 120].into_iter().enumerate() {
        rows.push(reported_after(&format!("B{i}"), "Dinas B", Some(d)));
    }
    rows.push(reported_after("B9", "Dinas B", Some(-1)));
    // Dinas C: 100, 200, …, 1000, all met (n = 10).
    for i in (1..=10).rev() {
        rows.push(reported_after(&format!("C{i}"), "Dinas C", Some(i * 100)));
    }
    // Dinas D: 60, 120, …, 360 met and 3660 breached: 6 met of 7.
    for i in 1..=6 {
        rows.push(reported_after(&format!("D{i}"), "Dinas D", Some(i * 60)));
    }
    rows.push(reported_after("D7", "Dinas D", Some(3660)));
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let run = Run::new(&rows, "", Some("2026-11-29"));
    let r = run.report();
    let week = period(&r, PeriodKind::Week, "2026-W48");
    let pem = |name: &str| compact(step(&department(week, name).stats, "pemantauan"));
    // n = 4: sorted [600, 1200, 3600, 4000]; median at ⌈4·0.5⌉ = 2 → 1200; p90 at
    // ⌈4·0.9⌉ = ⌈3.6⌉ = 4 → 4000. met 3, breached 2 (one overdue): 300/5 = 60.0.
    assert_eq!(
        pem("Dinas A"),
        (
            [3, 2, 1, 0, 0, 0, 0],
            Some(60.0),
            [Some(1200), Some(4000), Some(4000)]
        )
    );
    // n = 5: sorted [60, 120, 180, 3000, 7200]; median at ⌈2.5⌉ = 3 → 180; p90 at
    // ⌈4.5⌉ = 5 → 7200. met 4, breached 1: 400/5 = 80.0; invalid 1.
    assert_eq!(
        pem("Dinas B"),
        (
            [4, 1, 0, 0, 1, 0, 0],
            Some(80.0),
            [Some(180), Some(7200), Some(7200)]
        )
    );
    // n = 10: median at ⌈5⌉ = 5 → 500; p90 at ⌈9⌉ = 9 → 900 (not the 10th); all met.
    assert_eq!(
        pem("Dinas C"),
        (
            [10, 0, 0, 0, 0, 0, 0],
            Some(100.0),
            [Some(500), Some(900), Some(1000)]
        )
    );
    // n = 7: sorted [60, 120, 180, 240, 300, 360, 3660]; median ⌈3.5⌉ = 4 → 240; p90
    // ⌈6.3⌉ = 7 → 3660. Compliance (100.0 × 6) / 7 = 85.71428571428571.
    assert_eq!(
        pem("Dinas D"),
        (
            [6, 1, 0, 0, 0, 0, 0],
            Some(85.71428571428571),
            [Some(240), Some(3660), Some(3660)]
        )
    );
    // The week: met 3 + 4 + 10 + 6 = 23, breached 2 + 1 + 0 + 1 = 4: 2300/27 =
    // 85.18518518518519. The 26 durations sorted:
    //  1: 60   2: 60   3: 100  4: 120  5: 120  6: 180  7: 180  8: 200  9: 240 10: 300
    // 11: 300 12: 360 13: 400 14: 500 15: 600 16: 600 17: 700 18: 800 19: 900 20: 1000
    // 21: 1200 22: 3000 23: 3600 24: 3660 25: 4000 26: 7200
    // median at ⌈13⌉ = 13 → 400; p90 at ⌈23.4⌉ = 24 → 3660; max 7200.
    assert_eq!(
        compact(step(&week.total, "pemantauan")),
        (
            [23, 4, 1, 0, 1, 0, 0],
            Some(85.18518518518519),
            [Some(400), Some(3660), Some(7200)]
        )
    );
    // summary.json carries the unrounded double as written by the shortest round trip.
    let json = report::summary_json(&r, true);
    assert!(
        json.contains("\"compliance_pct\": 85.71428571428571,"),
        "{json}"
    );
    assert!(
        json.contains("\"compliance_pct\": 85.18518518518519,"),
        "{json}"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let d = &v["periods"][0]["departments"][3];
    assert_eq!(d["name"], "Dinas D");
    assert_eq!(
        d["steps"]["pemantauan"]["compliance_pct"],
        85.71428571428571
    );
    // Nothing is met or breached in penerusan (never disposed): compliance and
    // statistics are null, not 0.
    let pen = &d["steps"]["penerusan"];
    for key in ["compliance_pct", "median_s", "p90_s", "max_s"] {
        assert!(pen[key].is_null(), "{key}: {pen}");
    }
}

#[test]
fn compliance_is_computed_as_100_times_met_over_judged() {
    // (100.0 × met) / (met + breached) in that order: for 1 met and 2 breached this is
    // 100/3 = 33.333333333333336, while 100 × (1/3) would be 33.33333333333333.
    let rows = [
        reported_after("A1", "Dinas A", Some(60)),
        reported_after("A2", "Dinas A", Some(3601)),
        reported_after("A3", "Dinas A", Some(3602)),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let run = Run::new(&rows, "", Some("2026-11-29"));
    let r = run.report();
    let s = step(&r.periods[0].total, "pemantauan");
    assert_eq!(s.compliance_pct, Some(33.333333333333336));
    assert!(report::summary_json(&r, true).contains("\"compliance_pct\": 33.333333333333336,"));
}

// ---------------------------------------------------------------------------------------
// Periods: ISO weeks and months of the local date, in the configured zone.
// ---------------------------------------------------------------------------------------

#[test]
fn periods_follow_the_local_date_of_posted_at() {
    let rows = [
        // P1 Monday 2026-11-30 → 2026-W49 (30 Nov – 6 Dec), month 2026-11.
        "P1;2026-11-30 10:00:00;;;;;;",
        // P2 Tuesday 2026-12-01 → the same week 2026-W49, but month 2026-12.
        "P2;2026-12-01 10:00:00;;;;;;",
        // P3 Thursday 2026-12-31 → 2026-W53 (28 Dec – 3 Jan), month 2026-12.
        "P3;2026-12-31 10:00:00;;;;;;",
        // P4 Sunday 2027-01-03 → still 2026-W53 (ISO week-year 2026), month 2027-01.
        "P4;2027-01-03 10:00:00;;;;;;",
        // P5 Monday 2027-01-04 → 2027-W01, month 2027-01.
        "P5;2027-01-04 10:00:00;;;;;;",
        // P6 posted missing: placed by its earliest timestamp, reported 2026-11-29 (Sun)
        //    → 2026-W48, 2026-11.
        "P6;;2026-11-29 10:00:00;2026-11-29 10:05:00;;;;",
        // P7 2026-11-29T17:30:00Z = 2026-11-30 00:30 WIB (UTC+7) → Monday 30 Nov:
        //    2026-W49 and month 2026-11 (30 Nov is still November).
        "P7;2026-11-29T17:30:00Z;;;;;;",
        // P8 2026-11-29T16:59:59Z = 2026-11-29 23:59:59 WIB → Sunday: 2026-W48, 2026-11.
        "P8;2026-11-29T16:59:59Z;;;;;;",
        // P9 posted missing; reported Monday 2026-12-07 00:10 (W50) but disposed earlier,
        //    Sunday 2026-12-06 23:50 (W49): the *earliest* timestamp places it → 2026-W49,
        //    2026-12.
        "P9;;2026-12-07 00:10:00;2026-12-06 23:50:00;;;;",
        // P10 posted Monday 2026-12-07 08:00 (W50) though reported earlier (6 Dec):
        //    posted_at, when present, places the item → 2026-W50, 2026-12.
        "P10;2026-12-07 08:00:00;2026-12-06 20:00:00;;;;;",
    ];
    let run = Run::new(&rows, "", Some("2027-01-31"));
    let place = |id: &str| {
        let j = run.item(id);
        (j.date.to_string(), j.week.to_string(), j.month.to_string())
    };
    let expected = [
        ("P1", "2026-11-30", "2026-W49", "2026-11"),
        ("P2", "2026-12-01", "2026-W49", "2026-12"),
        ("P3", "2026-12-31", "2026-W53", "2026-12"),
        ("P4", "2027-01-03", "2026-W53", "2027-01"),
        ("P5", "2027-01-04", "2027-W01", "2027-01"),
        ("P6", "2026-11-29", "2026-W48", "2026-11"),
        ("P7", "2026-11-30", "2026-W49", "2026-11"),
        ("P8", "2026-11-29", "2026-W48", "2026-11"),
        ("P9", "2026-12-06", "2026-W49", "2026-12"),
        ("P10", "2026-12-07", "2026-W50", "2026-12"),
    ];
    for (id, date, week, month) in expected {
        assert_eq!(
            place(id),
            (date.to_string(), week.to_string(), month.to_string()),
            "{id}"
        );
    }
    // All weeks first in label order, then all months; each with its first and last day
    // (inclusive) and its item count. Weeks: W48 {P6, P8}, W49 {P1, P2, P7, P9},
    // W50 {P10}, W53 {P3, P4}, 2027-W01 {P5}; months: 2026-11 {P1, P6, P7, P8},
    // 2026-12 {P2, P3, P9, P10}, 2027-01 {P4, P5}.
    let r = run.report();
    let periods: Vec<(PeriodKind, &str, String, String, u64)> = r
        .periods
        .iter()
        .map(|p| {
            (
                p.kind,
                p.label.as_str(),
                p.start.to_string(),
                p.end.to_string(),
                p.total.items,
            )
        })
        .collect();
    let w = PeriodKind::Week;
    let m = PeriodKind::Month;
    let s = |x: &str| x.to_string();
    assert_eq!(
        periods,
        [
            (w, "2026-W48", s("2026-11-23"), s("2026-11-29"), 2),
            (w, "2026-W49", s("2026-11-30"), s("2026-12-06"), 4),
            (w, "2026-W50", s("2026-12-07"), s("2026-12-13"), 1),
            (w, "2026-W53", s("2026-12-28"), s("2027-01-03"), 2),
            (w, "2027-W01", s("2027-01-04"), s("2027-01-10"), 1),
            (m, "2026-11", s("2026-11-01"), s("2026-11-30"), 4),
            (m, "2026-12", s("2026-12-01"), s("2026-12-31"), 4),
            (m, "2027-01", s("2027-01-01"), s("2027-01-31"), 2),
        ]
    );
}

#[test]
fn durations_are_exact_across_a_daylight_saving_change() {
    // America/New_York springs forward on Sunday 2026-03-08 at 02:00 EST → 03:00 EDT.
    // N1 posted 01:50 EST (06:50Z), reported 03:10 EDT (07:10Z): 20 min = 1200 s, not
    // the 80 min of the wall clock; disposed 03:15 EDT (07:15Z): 300 s; answered, so
    // end_to_end runs 06:50Z → 07:15Z = 1500 s.
    // N2 posted 2026-03-09T03:30:00Z = Sunday 2026-03-08 23:30 EDT: local date 8 March,
    // week 2026-W10 (in UTC it would be Monday, W11); reported 03:40Z = 23:40 EDT.
    let rows = [
        "N1;2026-03-08 01:50:00;2026-03-08 03:10:00;2026-03-08 03:15:00;dijawab;;;",
        "N2;2026-03-09T03:30:00Z;2026-03-09T03:40:00Z;;;;;",
    ];
    let run = Run::new(&rows, "timezone = \"America/New_York\"\n", None);
    assert_eq!(
        run.steps("N1"),
        [
            (Met, Some(1200), 3600),
            (Met, Some(300), 600),
            (NotApplicable, None, 900),
            (Met, Some(1500), 4200)
        ]
    );
    let n2 = run.item("N2");
    assert_eq!(
        (n2.date.to_string(), &*n2.week, &*n2.month),
        ("2026-03-08".to_string(), "2026-W10", "2026-03")
    );
    // Default as-of: the latest timestamp, N2's reported_at, 23:40 EDT (UTC−4).
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-03-09T03:40:00Z"))
    );
    let json = report::summary_json(&run.report(), true);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["timezone"], "America/New_York");
    assert_eq!(v["as_of"], "2026-03-08T23:40:00-04:00");
    assert_eq!(v["periods"][0]["label"], "2026-W10");
    assert_eq!(v["periods"][0]["total"]["items"], 2);
}

// ---------------------------------------------------------------------------------------
// as-of.
// ---------------------------------------------------------------------------------------

#[test]
fn a_date_alone_as_of_is_the_end_of_that_day() {
    // --as-of 2026-11-29 = 2026-11-29 23:59:59 WIB = 16:59:59Z.
    // A1 reported 23:49:59, not disposed: as-of − start = 600 ≤ 600 → pending.
    // A2 reported 23:49:58: 601 > 600 → breached, overdue.
    let rows = [
        "A1;2026-11-29 23:00:00;2026-11-29 23:49:59;;;;;",
        "A2;2026-11-29 23:00:00;2026-11-29 23:49:58;;;;;",
    ];
    let run = Run::new(&rows, "", Some("2026-11-29"));
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-29T16:59:59Z"))
    );
    assert_eq!(run.steps("A1")[1], (Pending, None, 600));
    assert_eq!(run.steps("A2")[1], (OVERDUE, None, 600));
    let v: serde_json::Value =
        serde_json::from_str(&report::summary_json(&run.report(), true)).unwrap();
    assert_eq!(v["as_of"], "2026-11-29T23:59:59+07:00");
    // The same date in day-first form.
    let run = Run::new(&rows, "", Some("29/11/2026"));
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-29T16:59:59Z"))
    );
    // A time is taken as written: 23:59 is 23:59:00.
    let run = Run::new(&rows, "", Some("2026-11-29 23:59"));
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-29T16:59:00Z"))
    );
    assert_eq!(run.steps("A1")[1], (Pending, None, 600)); // 23:59:00 − 23:49:59 = 541
    assert_eq!(run.steps("A2")[1], (Pending, None, 600)); // 542
                                                          // An explicit midnight is a time, not a date alone: the start of the day.
    let run = Run::new(&rows, "", Some("2026-11-29 00:00"));
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-28T17:00:00Z"))
    );
    // An instant with an offset keeps it; summary.json shows it in the zone.
    let run = Run::new(&rows, "", Some("2026-11-29T20:00:00Z"));
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-29T20:00:00Z"))
    );
    let v: serde_json::Value =
        serde_json::from_str(&report::summary_json(&run.report(), true)).unwrap();
    assert_eq!(v["as_of"], "2026-11-30T03:00:00+07:00");
}

#[test]
fn as_of_comes_from_the_command_line_then_the_configuration() {
    let rows = ["A1;2026-11-20 10:00:00;2026-11-20 10:30:00;;;;;"];
    let configured = "as_of = \"2026-11-29 23:59\"\n";
    let run = Run::new(&rows, configured, None);
    assert_eq!(
        run.judgement.as_of,
        Some(AsOf {
            at: utc("2026-11-29T16:59:00Z"),
            source: AsOfSource::Configuration
        })
    );
    let run = Run::new(&rows, configured, Some("2026-11-30"));
    assert_eq!(
        run.judgement.as_of,
        Some(AsOf {
            at: utc("2026-11-30T16:59:59Z"),
            source: AsOfSource::CommandLine
        })
    );
    // Neither: the latest timestamp in the data (10:30 WIB).
    let run = Run::new(&rows, "", None);
    assert_eq!(
        run.judgement.as_of,
        Some(AsOf {
            at: utc("2026-11-20T03:30:00Z"),
            source: AsOfSource::LatestInData
        })
    );
}

#[test]
fn default_as_of_is_the_latest_timestamp_of_the_items() {
    // X1's forwarded_at 2026-11-21 09:00 WIB is the latest timestamp (02:00Z).
    // X2's forwarded_at is a typo in 2062, later than the moment patuh runs: a data
    // issue, counted as missing, so it cannot move the as-of.
    let rows = [
        "X1;2026-11-20 10:00:00;2026-11-20 10:30:00;2026-11-20 10:35:00;teruskan;Dinas A;2026-11-21 09:00:00;",
        "X2;2026-11-20 11:00:00;2026-11-20 11:30:00;2026-11-20 11:35:00;teruskan;Dinas A;2062-11-20 11:40:00;",
    ];
    let run = Run::new(&rows, "", None);
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-21T02:00:00Z"))
    );
    // X2's penerusan is open: as-of − 11:35 on the 20th = 21h25m = 77100 s > 900.
    assert_eq!(run.steps("X2")[2], (OVERDUE, None, 900));
    let v: serde_json::Value =
        serde_json::from_str(&report::summary_json(&run.report(), true)).unwrap();
    assert_eq!(v["as_of"], "2026-11-21T09:00:00+07:00");
    // closed_at counts too, although the default model does not measure it.
    let header = format!("{HEADER};Waktu Selesai");
    let rows = ["Y1;2026-11-20 10:00:00;2026-11-20 10:30:00;;;;;;2026-11-25 16:00:00"];
    let run = Run::with_header(&header, &rows, "", None);
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-25T09:00:00Z"))
    );
    // Y1's disposisi is judged at that as-of: 25 Nov 16:00 − 20 Nov 10:30 ≫ 600.
    assert_eq!(run.steps("Y1")[1], (OVERDUE, None, 600));
}

// ---------------------------------------------------------------------------------------
// A custom [[steps]] model, and invalid models.
// ---------------------------------------------------------------------------------------

const CUSTOM_MODEL: &str = r#"
[[steps]]
id = "pemantauan"
name = "Pemantauan"
start = "posted_at"
end = "reported_at"
limit_minutes = 60

[[steps]]
id = "disposisi"
name = "Disposisi"
start = "reported_at"
end = "disposed_at"
limit_minutes = 10

[[steps]]
id = "tindak_lanjut"
name = "Tindak lanjut PD"
start = "disposed_at"
end = "closed_at"
limit_minutes = 7200
applies_to = "forward"
owner = "Perangkat Daerah"
"#;

#[test]
fn a_custom_step_model_with_a_follow_up_on_closed_at() {
    // Limits: 3600, 600, 7200 min = 432000 s. end_to_end for a forward item runs
    // posted_at → closed_at with 60 + 10 + 7200 = 7270 min = 436200 s; for the others
    // posted_at → disposed_at with 70 min = 4200 s.
    let header = format!("{HEADER};Waktu Selesai");
    let rows = [
        // C1: 08:00→08:30 = 1800; 08:30→08:35 = 300; 23 Nov 08:35 → 28 Nov 08:35 =
        //     5 days = 432000 = the limit, met; end_to_end 5 days 35 min = 434100 met.
        "C1;2026-11-23 08:00:00;2026-11-23 08:30:00;2026-11-23 08:35:00;teruskan;Dinas A;;;2026-11-28 08:35:00",
        // C2: closed one second later: 432001 breached; end_to_end 434101 still met.
        "C2;2026-11-23 08:00:00;2026-11-23 08:30:00;2026-11-23 08:35:00;teruskan;Dinas A;;;2026-11-28 08:35:01",
        // C3: not closed; as-of 29 Nov 23:59 − 23 Nov 08:35 = 6 d 15 h 24 min = 573840 >
        //     432000 → overdue; end_to_end as-of − 08:00 = 575940 > 436200 → overdue.
        "C3;2026-11-23 08:00:00;2026-11-23 08:30:00;2026-11-23 08:35:00;teruskan;Dinas A;;;",
        // C4: answered: tindak_lanjut not_applicable although closed_at is written;
        //     end_to_end 08:00→08:35 = 2100 ≤ 4200.
        "C4;2026-11-23 08:00:00;2026-11-23 08:30:00;2026-11-23 08:35:00;dijawab;;;;2026-11-24 08:00:00",
        // C5: forward, disposed_at missing while closed_at is present: disposisi
        //     unmeasurable (a later applicable step has ended), tindak_lanjut unmeasurable
        //     (start missing); end_to_end 23 Nov 08:00 → 24 Nov 08:00 = 86400 met.
        "C5;2026-11-23 08:00:00;2026-11-23 08:30:00;;teruskan;Dinas A;;;2026-11-24 08:00:00",
    ];
    let run = Run::with_header(&header, &rows, CUSTOM_MODEL, Some("2026-11-29 23:59"));
    let ids: Vec<&str> = run.judgement.model.ids().collect();
    assert_eq!(
        ids,
        ["pemantauan", "disposisi", "tindak_lanjut", "end_to_end"]
    );
    let head = [(Met, Some(1800), 3600), (Met, Some(300), 600)];
    let with_head = |rest: [StepRow; 2]| {
        let mut v = head.to_vec();
        v.extend(rest);
        v
    };
    assert_eq!(
        run.steps("C1"),
        with_head([(Met, Some(432000), 432000), (Met, Some(434100), 436200)])
    );
    assert_eq!(
        run.steps("C2"),
        with_head([(LATE, Some(432001), 432000), (Met, Some(434101), 436200)])
    );
    assert_eq!(
        run.steps("C3"),
        with_head([(OVERDUE, None, 432000), (OVERDUE, None, 436200)])
    );
    assert_eq!(
        run.steps("C4"),
        with_head([(NotApplicable, None, 432000), (Met, Some(2100), 4200)])
    );
    assert_eq!(
        run.steps("C5"),
        [
            (Met, Some(1800), 3600),
            (Unmeasurable, None, 600),
            (Unmeasurable, None, 432000),
            (Met, Some(86400), 436200)
        ]
    );
    // summary.json lists the configured steps (not end_to_end), and every steps object
    // of the periods has them in configured order, then end_to_end.
    let json = report::summary_json(&run.report(), true);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["steps"],
        serde_json::json!([
            // Built-in ids take the built-in owners (CONFIG.md); a new step its own.
            {"id": "pemantauan", "name": "Pemantauan", "limit_s": 3600,
             "owner": "Admin Medsos", "clock": "continuous"},
            {"id": "disposisi", "name": "Disposisi", "limit_s": 600,
             "owner": "Kasi", "clock": "continuous"},
            {"id": "tindak_lanjut", "name": "Tindak lanjut PD", "limit_s": 432000,
             "owner": "Perangkat Daerah", "clock": "continuous"}
        ])
    );
    let keys = |text: &str| -> Vec<usize> {
        [
            "\"pemantauan\": {",
            "\"disposisi\": {",
            "\"tindak_lanjut\": {",
            "\"end_to_end\": {",
        ]
        .iter()
        .map(|k| text.find(k).unwrap_or_else(|| panic!("{k} in {text}")))
        .collect()
    };
    let total = &json[json.find("\"total\"").unwrap()..];
    let pos = keys(total);
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
    // tindak_lanjut over the week: met C1, breached C2 and C3 (overdue), unmeasurable C5,
    // not_applicable C4: 100/3 = 33.333333333333336; durations [432000, 432001].
    let week = period(&run.report(), PeriodKind::Week, "2026-W48").clone();
    assert_eq!(
        compact(step(&week.total, "tindak_lanjut")),
        (
            [1, 2, 1, 0, 0, 1, 1],
            Some(33.333333333333336),
            [Some(432000), Some(432001), Some(432001)]
        )
    );
}

/// Runs `patuh build` with configuration `toml` on a one-item export; gives the exit code,
/// stderr, and whether a site was written.
fn build_with_config(toml: &str) -> (Option<i32>, String, bool) {
    let dir = one_export(
        "export.csv",
        format!("{HEADER}\nA1;2026-09-01 10:00:00;2026-09-01 10:30:00;;;;;\n"),
    );
    let config = dir.path().join("patuh.toml");
    std::fs::write(&config, toml).unwrap();
    let out = dir.path().join("site");
    let Ran { code, stderr, .. } = patuh_build(
        &dir.path().join("data"),
        &out,
        &["--config", config.to_str().unwrap()],
    );
    (code, stderr, out.join("data/summary.json").is_file())
}

#[test]
fn invalid_step_models_are_configuration_errors_naming_the_key() {
    let step = |id: &str, extra: &str| {
        format!(
            "[[steps]]\nid = \"{id}\"\nname = \"A\"\nstart = \"posted_at\"\nend = \"reported_at\"\nlimit_minutes = 60\n{extra}"
        )
    };
    let cases: Vec<(String, Vec<&str>)> = vec![
        // An unknown field of a step: named, with its line (line 7).
        (
            step("a", "batas_menit = 60\n"),
            vec!["batas_menit", "line 7"],
        ),
        (
            format!("{}{}", step("a", ""), step("a", "")),
            vec!["steps[1].id"],
        ),
        (
            step("a", "").replace("= 60", "= 0"),
            vec!["steps[0].limit_minutes"],
        ),
        (
            step("a", "").replace("= 60", "= -5"),
            vec!["steps[0].limit_minutes"],
        ),
        (step("end_to_end", ""), vec!["steps[0].id", "end_to_end"]),
        (
            step("a", "").replace("end = \"reported_at\"", "end = \"department\""),
            vec!["steps[0].end"],
        ),
        (
            step("a", "").replace("start = \"posted_at\"", "start = \"finished_at\""),
            vec!["finished_at"],
        ),
        (step("a", "applies_to = \"some\"\n"), vec!["some", "line 7"]),
        ("steps = []\n".to_string(), vec!["`steps`"]),
    ];
    for (toml, needles) in cases {
        let (code, stderr, written) = build_with_config(&toml);
        assert_eq!(code, Some(1), "{toml}\n{stderr}");
        assert!(!written, "a failed build wrote a site");
        for needle in needles {
            assert!(
                stderr.contains(needle),
                "{needle:?} not in {stderr:?}\n{toml}"
            );
        }
        assert!(stderr.contains("patuh.toml"), "names the file: {stderr}");
    }
    // The same model without the mistake builds.
    let (code, stderr, written) = build_with_config(&step("a", ""));
    assert_eq!((code, written), (Some(0), true), "{stderr}");
}

// ---------------------------------------------------------------------------------------
// Property tests: random items evaluated by the library and, independently, by an oracle
// written straight from METRICS.md; aggregates checked for their identities.
// ---------------------------------------------------------------------------------------

mod properties {
    use super::*;
    use chrono::{Datelike, TimeZone};
    use chrono_tz::Tz;
    use patuh::config::Labels;
    use patuh::model::{DispositionValue, Item, RowRef, Stamp, Stamps};
    use patuh::sop::{self, SopModel};
    use proptest::prelude::*;

    /// 2026-11-20T00:00:00Z.
    const BASE: i64 = 1_795_132_800;

    /// One step as METRICS.md reads it: start, end, limit in seconds, forward items only.
    type OracleStep = (Stamp, Stamp, i64, bool);

    /// SOP.md's default table.
    const DEFAULT_STEPS: [OracleStep; 3] = [
        (Stamp::PostedAt, Stamp::ReportedAt, 3600, false),
        (Stamp::ReportedAt, Stamp::DisposedAt, 600, false),
        (Stamp::DisposedAt, Stamp::ForwardedAt, 900, true),
    ];

    /// CUSTOM_MODEL above.
    const CUSTOM_STEPS: [OracleStep; 3] = [
        (Stamp::PostedAt, Stamp::ReportedAt, 3600, false),
        (Stamp::ReportedAt, Stamp::DisposedAt, 600, false),
        (Stamp::DisposedAt, Stamp::ClosedAt, 432_000, true),
    ];

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Disp {
        Forward,
        Answer,
        Unknown,
    }

    /// METRICS.md: forward when the value says so or is empty while a department is
    /// named; answer when the value says so; otherwise unknown.
    fn disposition(item: &Item) -> Disp {
        match (item.disposition, &item.department) {
            (Some(DispositionValue::Forward), _) => Disp::Forward,
            (None, Some(_)) => Disp::Forward,
            (Some(DispositionValue::Answer), _) => Disp::Answer,
            _ => Disp::Unknown,
        }
    }

    /// The status table of METRICS.md for one step.
    fn status(
        start: Option<i64>,
        end: Option<i64>,
        limit: i64,
        later_end: bool,
        as_of: i64,
    ) -> (Status, Option<i64>) {
        match (start, end) {
            (None, _) => (Unmeasurable, None),
            (Some(s), Some(e)) if e < s => (Invalid, Some(e - s)),
            (Some(s), Some(e)) if e - s <= limit => (Met, Some(e - s)),
            (Some(s), Some(e)) => (LATE, Some(e - s)),
            (Some(_), None) if later_end => (Unmeasurable, None),
            (Some(s), None) if as_of - s > limit => (OVERDUE, None),
            (Some(_), None) => (Pending, None),
        }
    }

    type Expected = (Vec<StepRow>, String, chrono::NaiveDate);

    fn oracle(
        item: &Item,
        steps: &[OracleStep],
        labels: &Labels,
        as_of: i64,
        zone: Tz,
    ) -> Expected {
        let at = |s: Stamp| item.stamps.get(s).map(|t| t.timestamp());
        let d = disposition(item);
        let applies = |s: &OracleStep| !s.3 || d == Disp::Forward;
        let mut out = Vec::new();
        for (i, s) in steps.iter().enumerate() {
            if !applies(s) {
                out.push((NotApplicable, None, s.2));
                continue;
            }
            let later_end = steps[i + 1..]
                .iter()
                .filter(|l| applies(l))
                .any(|l| at(l.1).is_some());
            let (st, dur) = status(at(s.0), at(s.1), s.2, later_end, as_of);
            out.push((st, dur, s.2));
        }
        let applicable: Vec<&OracleStep> = steps.iter().filter(|s| applies(s)).collect();
        let first = applicable.first().unwrap();
        let last = applicable.last().unwrap();
        let limit: i64 = applicable.iter().map(|s| s.2).sum();
        let (st, dur) = status(at(first.0), at(last.1), limit, false, as_of);
        out.push((st, dur, limit));
        let group = match (d, &item.department) {
            (Disp::Forward, Some(name)) => name.to_string(),
            (Disp::Forward, None) => labels.no_department.clone(),
            (Disp::Answer, _) => labels.direct_answer.clone(),
            (Disp::Unknown, _) => labels.undisposed.clone(),
        };
        let placed = at(Stamp::PostedAt)
            .or_else(|| Stamp::ALL.iter().filter_map(|&s| at(s)).min())
            .unwrap();
        let date = zone.timestamp_opt(placed, 0).unwrap().date_naive();
        (out, group, date)
    }

    /// Nearest rank ⌈k·n⌉ written as ⌈num·n/den⌉ with integer arithmetic.
    fn rank(sorted: &[i64], num: usize, den: usize) -> Option<i64> {
        if sorted.is_empty() {
            return None;
        }
        let r = (num * sorted.len()).div_ceil(den);
        Some(sorted[r - 1])
    }

    fn delta() -> impl Strategy<Value = i64> {
        prop_oneof![
            -300i64..0,
            0i64..8000,
            Just(600),
            Just(601),
            Just(900),
            Just(901),
            Just(3600),
            Just(3601),
            400_000i64..500_000,
        ]
    }

    fn item() -> impl Strategy<Value = Item> {
        (
            0i64..(21 * 86_400),
            prop::collection::vec((any::<bool>(), delta()), 5),
            prop_oneof![
                Just(None),
                Just(Some(DispositionValue::Forward)),
                Just(Some(DispositionValue::Answer)),
                Just(Some(DispositionValue::Unrecognised)),
            ],
            prop_oneof![
                Just(None),
                Just(Some("Dinas A")),
                Just(Some("Dinas B")),
                Just(Some("BPBD")),
            ],
        )
            .prop_map(|(start, chain, disposition, department)| {
                // Each timestamp follows the previous one by a random delta; some missing.
                let mut t = BASE + start;
                let mut stamps = Stamps::default();
                for (s, (present, d)) in Stamp::ALL.iter().zip(chain) {
                    if present {
                        stamps.set(*s, Some(Utc.timestamp_opt(t, 0).unwrap()));
                    }
                    t += d;
                }
                if stamps.earliest().is_none() {
                    stamps.set(
                        Stamp::ReportedAt,
                        Some(Utc.timestamp_opt(BASE + start, 0).unwrap()),
                    );
                }
                Item {
                    id: None,
                    channel: None,
                    channel_text: None,
                    kind: None,
                    account: None,
                    text: None,
                    url: None,
                    stamps,
                    date_only: 0,
                    disposition,
                    department: department.map(Into::into),
                    admin: None,
                    disposed_by: None,
                    source: RowRef {
                        file: 0,
                        sheet: None,
                        row: 2,
                    },
                    occurrences: 1,
                }
            })
    }

    fn counts(s: &StepStats) -> [u64; 7] {
        compact(s).0
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn evaluation_and_aggregates_follow_the_contract(
            items in prop::collection::vec(item(), 1..40),
            as_of in 0i64..(30 * 86_400),
            new_york in any::<bool>(),
            custom in any::<bool>(),
        ) {
            let zone: Tz = if new_york { chrono_tz::America::New_York } else { chrono_tz::Asia::Jakarta };
            let (model, steps) = if custom {
                (SopModel::from_config(&config(CUSTOM_MODEL)), CUSTOM_STEPS)
            } else {
                (SopModel::default_model(), DEFAULT_STEPS)
            };
            let labels = Labels::default();
            let as_of = BASE + as_of;
            let judged = sop::evaluate(&items, &model, &labels, Utc.timestamp_opt(as_of, 0).unwrap(), zone);
            prop_assert_eq!(judged.len(), items.len());
            for (i, (j, item)) in judged.iter().zip(&items).enumerate() {
                prop_assert_eq!(j.item, i);
                let (want, group, date) = oracle(item, &steps, &labels, as_of, zone);
                let got: Vec<_> = j.steps.iter().map(|s| (s.status, s.duration_s, s.limit_s)).collect();
                prop_assert_eq!(&got, &want, "item {:?}", item.stamps);
                prop_assert_eq!(&*j.group.name, group.as_str());
                prop_assert_eq!(j.date, date);
                let w = date.iso_week();
                prop_assert_eq!(j.week.to_string(), format!("{}-W{:02}", w.year(), w.week()));
                prop_assert_eq!(j.month.to_string(), format!("{}-{:02}", date.year(), date.month()));
            }

            let report = report::assemble(&judged, &items, &model, Default::default(), Some(AsOf { at: Utc.timestamp_opt(as_of, 0).unwrap(), source: AsOfSource::CommandLine }), zone);
            let n = items.len() as u64;
            let ids: Vec<&str> = model.ids().collect();
            // Weeks and months each hold every item exactly once; weeks come first.
            for kind in [PeriodKind::Week, PeriodKind::Month] {
                let periods: Vec<_> = report.periods.iter().filter(|p| p.kind == kind).collect();
                let mut seen = vec![0u32; items.len()];
                for p in &periods {
                    for &m in &p.members {
                        seen[m] += 1;
                        let label = if kind == PeriodKind::Week { &judged[m].week } else { &judged[m].month };
                        prop_assert_eq!(&**label, p.label.as_str());
                        prop_assert!(p.start <= judged[m].date && judged[m].date <= p.end);
                    }
                    prop_assert_eq!(p.total.items, p.members.len() as u64);
                }
                prop_assert!(seen.iter().all(|&c| c == 1), "{:?}", seen);
                prop_assert_eq!(periods.iter().map(|p| p.total.items).sum::<u64>(), n);
                let labels: Vec<&str> = periods.iter().map(|p| p.label.as_str()).collect();
                prop_assert!(labels.windows(2).all(|w| w[0] < w[1]), "{:?}", labels);
            }
            let kinds: Vec<PeriodKind> = report.periods.iter().map(|p| p.kind).collect();
            prop_assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "weeks first: {:?}", kinds);

            for p in &report.periods {
                // Departments sorted by name in byte order, each non-empty.
                let names: Vec<&str> = p.departments.iter().map(|d| d.name.as_str()).collect();
                prop_assert!(names.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()), "{:?}", names);
                prop_assert_eq!(
                    p.departments.iter().map(|d| d.stats.items).sum::<u64>(),
                    p.total.items
                );
                let groups = std::iter::once((&p.total, p.members.clone())).chain(
                    p.departments.iter().map(|d| {
                        let ms: Vec<usize> = p.members.iter().copied().filter(|&m| *judged[m].group.name == *d.name).collect();
                        (&d.stats, ms)
                    }),
                );
                for (g, members) in groups {
                    prop_assert!(g.items > 0);
                    prop_assert_eq!(g.items, members.len() as u64);
                    let got_ids: Vec<&str> = g.steps.iter().map(|(id, _)| id.as_str()).collect();
                    prop_assert_eq!(&got_ids, &ids);
                    for (k, (_, s)) in g.steps.iter().enumerate() {
                        let c = counts(s);
                        // met + breached + pending + invalid + unmeasurable + not_applicable
                        // = items; overdue ⊆ breached.
                        prop_assert_eq!(c[0] + c[1] + c[3] + c[4] + c[5] + c[6], g.items);
                        prop_assert!(c[2] <= c[1]);
                        let judged_n = s.met + s.breached;
                        let pct = (judged_n > 0).then(|| (100.0 * s.met as f64) / judged_n as f64);
                        prop_assert_eq!(s.compliance_pct, pct);
                        let mut d: Vec<i64> = members
                            .iter()
                            .map(|&m| judged[m].steps[k].clone())
                            .filter(|r| matches!(r.status, Met | Status::Breached { .. }))
                            .filter_map(|r| r.duration_s)
                            .collect();
                        d.sort();
                        prop_assert_eq!(s.median_s, rank(&d, 1, 2));
                        prop_assert_eq!(s.p90_s, rank(&d, 9, 10));
                        prop_assert_eq!(s.max_s, d.last().copied());
                    }
                }
                // Period totals = the sum over its departments, for every count.
                for (k, (_, total)) in p.total.steps.iter().enumerate() {
                    let mut sum = [0u64; 7];
                    for dep in &p.departments {
                        for (a, b) in sum.iter_mut().zip(counts(&dep.stats.steps[k].1)) {
                            *a += b;
                        }
                    }
                    prop_assert_eq!(sum, counts(total));
                }
            }
            // summary.json is valid JSON and byte-stable.
            let json = report::summary_json(&report, true);
            prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
            prop_assert_eq!(&json, &report::summary_json(&report::assemble(&judged, &items, &model, Default::default(), Some(AsOf { at: Utc.timestamp_opt(as_of, 0).unwrap(), source: AsOfSource::CommandLine }), zone), true));
        }
    }
}

#[test]
fn invalid_and_unmeasurable_steps_are_data_issues_at_the_item_row() {
    use patuh::issues::IssueKind;
    let run = Run::new(BOUNDARY_ROWS, "", Some("2026-11-29 23:59"));
    // Rows as the CSV numbers them: the header is row 1, B1 row 2, … B6 row 7.
    let issues: Vec<(IssueKind, Option<u32>, Option<&str>, String)> = run
        .ledger
        .issues
        .iter()
        .filter(|i| matches!(i.kind, IssueKind::InvalidStep | IssueKind::UnmeasurableStep))
        .filter(|i| matches!(i.value.as_deref(), Some("B4" | "B5" | "B6")))
        .map(|i| {
            assert_eq!(i.location.file, "export.csv");
            (i.kind, i.location.row, i.value.as_deref(), i.detail())
        })
        .collect();
    let issues: Vec<(IssueKind, Option<u32>, Option<&str>, &str)> = issues
        .iter()
        .map(|(kind, row, value, detail)| (*kind, *row, *value, detail.as_str()))
        .collect();
    assert_eq!(
        issues,
        [
            (
                IssueKind::InvalidStep,
                Some(5),
                Some("B4"),
                "step `pemantauan`: `reported_at` is 1 s before `posted_at`; excluded from compliance"
            ),
            (
                IssueKind::UnmeasurableStep,
                Some(6),
                Some("B5"),
                "step `pemantauan`: `reported_at` is missing while a later step has ended"
            ),
            (
                IssueKind::UnmeasurableStep,
                Some(6),
                Some("B5"),
                "step `disposisi`: `reported_at` is missing"
            ),
            (
                IssueKind::UnmeasurableStep,
                Some(7),
                Some("B6"),
                "step `pemantauan`: `posted_at` is missing"
            ),
        ]
    );
}

#[test]
fn as_of_in_other_written_forms() {
    let rows = ["A1;2026-11-29 23:00:00;2026-11-29 23:49:59;;;;;"];
    let end_of_29 = Some(utc("2026-11-29T16:59:59Z"));
    // Month names are dates alone too.
    let run = Run::new(&rows, "", Some("29 Nov 2026"));
    assert_eq!(run.judgement.as_of.map(|a| a.at), end_of_29);
    let run = Run::new(&rows, "", Some("29 November 2026"));
    assert_eq!(run.judgement.as_of.map(|a| a.at), end_of_29);
    // date_order = "mdy": 11/29/2026 is 29 November.
    let run = Run::new(&rows, "date_order = \"mdy\"\n", Some("11/29/2026"));
    assert_eq!(run.judgement.as_of.map(|a| a.at), end_of_29);
}

#[test]
fn auto_date_order_reads_an_as_of_that_only_one_order_can_read() {
    // date_order = "auto": 11/29/2026 can only be read month-first (there is no month 29),
    // so auto reads it that way, as it would for a column holding it (INPUTS.md: auto
    // decides from the values that can only be read one way, else day-first).
    let rows = ["A1;2026-11-29 23:00:00;2026-11-29 23:49:59;;;;;"];
    let dir = one_export("export.csv", format!("{HEADER}\n{}\n", rows[0]));
    let auto = config("date_order = \"auto\"\n");
    let mut ledger = read_exports(&dir.path().join("data"), &auto).unwrap();
    let as_of = patuh::judge(&mut ledger, &auto, Some("11/29/2026")).map(|j| j.as_of.map(|a| a.at));
    assert!(
        matches!(as_of, Ok(Some(t)) if t == utc("2026-11-29T16:59:59Z")),
        "auto, 11/29/2026: {as_of:?}"
    );
    // An ambiguous date still falls back to day-first: 03/04/2026 is 3 April.
    let as_of = patuh::judge(&mut ledger, &auto, Some("03/04/2026")).map(|j| j.as_of.map(|a| a.at));
    assert!(
        matches!(as_of, Ok(Some(t)) if t == utc("2026-04-03T16:59:59Z")),
        "auto, 03/04/2026: {as_of:?}"
    );
}

#[test]
fn a_whole_excel_serial_as_of_is_a_date_alone() {
    // 46355 days after 1899-12-30 is 2026-11-29: a whole serial carries no time, so it is
    // a date alone and means the end of that day (METRICS.md "as-of").
    let rows = ["A1;2026-11-29 23:00:00;2026-11-29 23:49:59;;;;;"];
    let run = Run::new(&rows, "", Some("46355.5"));
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-29T05:00:00Z"))
    ); // 12:00 WIB
    let run = Run::new(&rows, "", Some("46355"));
    assert_eq!(
        run.judgement.as_of.map(|a| a.at),
        Some(utc("2026-11-29T16:59:59Z"))
    );
}

#[test]
fn a_limit_too_large_to_count_in_seconds_is_refused_not_a_crash() {
    // 10¹⁸ min × 60 > i64::MAX: the limit cannot be counted in seconds. It must be a
    // configuration error naming the key (exit 1), not a panic (exit 101) or, in a
    // release build, a wrapped (negative) limit that breaches every item.
    let toml = "[[steps]]\nid = \"a\"\nname = \"A\"\nstart = \"posted_at\"\nend = \"reported_at\"\nlimit_minutes = 1000000000000000000\n";
    let (code, stderr, written) = build_with_config(toml);
    assert_eq!((code, written), (Some(1), false), "{stderr}");
    assert!(stderr.contains("steps[0].limit_minutes"), "{stderr}");
    // Two limits that each fit but whose sum (the end_to_end limit) does not.
    let half = i64::MAX / 60 / 2 + 1;
    let toml = format!(
        "[[steps]]\nid = \"a\"\nname = \"A\"\nstart = \"posted_at\"\nend = \"reported_at\"\nlimit_minutes = {half}\n\
         [[steps]]\nid = \"b\"\nname = \"B\"\nstart = \"reported_at\"\nend = \"disposed_at\"\nlimit_minutes = {half}\n"
    );
    let (code, stderr, _) = build_with_config(&toml);
    assert_eq!(code, Some(1), "sum of limits overflows: {stderr}");
    assert!(stderr.contains("limit_minutes"), "{stderr}");
}

#[test]
fn an_unreadable_as_of_in_the_configuration_names_the_file_and_key() {
    // The user did not write --as-of: the error must point at patuh.toml's `as_of`
    // (OUTPUT.md: errors name the file and say what to do; CONFIG.md: keys are named).
    let (code, stderr, written) = build_with_config("as_of = \"kemarin\"\n");
    assert_eq!((code, written), (Some(1), false), "{stderr}");
    assert!(stderr.contains("kemarin"), "{stderr}");
    assert!(
        stderr.contains("patuh.toml") && stderr.contains("as_of"),
        "names the file and the key: {stderr}"
    );
}

// ---------------------------------------------------------------------------------------
// The office clock (METRICS.md "Office clock").
// ---------------------------------------------------------------------------------------

/// Monday to Thursday 07:30–16:00, Friday 07:30–16:30; every step and end_to_end on it.
const OFFICE: &str = r#"clock = "office"
[calendar]
mon = ["07:30-16:00"]
tue = ["07:30-16:00"]
wed = ["07:30-16:00"]
thu = ["07:30-16:00"]
fri = ["07:30-16:30"]
"#;

#[test]
fn an_overdue_step_went_past_its_limit_at_a_moment_that_does_not_move_with_the_as_of() {
    // C1 posted Monday 23 November 10:00 WIB, passed on at 10:20, never disposed: its
    // disposition (10 min) is over from 10:30:01 (03:30:01 UTC), its whole handling
    // (70 min, no disposition) from 11:10:01; its monitoring, done in 20 min, is not
    // overdue.
    let rows = ["C1;2026-11-23 10:00:00;2026-11-23 10:20:00;;;;;"];
    for as_of in ["2026-11-23 12:00", "2026-12-23 12:00"] {
        let run = Run::new(&rows, "", Some(as_of));
        assert_eq!(run.overdue_since("C1", 0), None);
        assert_eq!(
            run.overdue_since("C1", 1),
            Some(utc("2026-11-23T03:30:01Z"))
        );
        assert_eq!(
            run.overdue_since("C1", 3),
            Some(utc("2026-11-23T04:10:01Z"))
        );
    }
    // On the office clock (Monday–Thursday 07:30–16:00, Friday to 16:30): O2 posted
    // Saturday 21 November 10:00, passed on Monday 08:45, never disposed. Its disposition
    // (600 working seconds from 08:45) is over from Monday 08:55:01; its whole handling
    // (70 working minutes, counted from Monday 07:30) from 08:40:01.
    let rows = ["O2;2026-11-21 10:00:00;2026-11-23 08:45:00;;;;;"];
    for as_of in ["2026-11-23 12:00", "2026-11-27 18:00"] {
        let run = Run::new(&rows, OFFICE, Some(as_of));
        assert_eq!(
            run.overdue_since("O2", 1),
            Some(utc("2026-11-23T01:55:01Z"))
        );
        assert_eq!(
            run.overdue_since("O2", 3),
            Some(utc("2026-11-23T01:40:01Z"))
        );
    }
}

#[test]
fn the_office_clock_counts_working_time_and_keeps_the_continuous_figures_beside() {
    let rows = [
        // O1, METRICS.md's example: posted Friday 20 November 21:30, passed on Monday 23
        // 07:35: 300 working seconds, met (continuous: 58 h 5 min = 209 100 s, late).
        // Disposed 07:40 (300 s), forwarded 07:50 (600 s) on both clocks. end_to_end
        // Friday 21:30 → Monday 07:50: 1 200 working s ≤ 85 min; continuous 210 000 s.
        "O1;2026-11-20 21:30:00;2026-11-23 07:35:00;2026-11-23 07:40:00;teruskan;Dinas A;2026-11-23 07:50:00;",
        // O2: posted Saturday 21 10:00, passed on Monday 08:45: Monday 07:30 → 08:45 =
        // 4 500 working s, late (continuous 46 h 45 min = 168 300 s). Not disposed at
        // as-of Monday 12:00: 3 h 15 min = 11 700 s > 600, overdue on both clocks.
        // end_to_end open: working Monday 07:30 → 12:00 = 16 200 s > 70 min, overdue.
        "O2;2026-11-21 10:00:00;2026-11-23 08:45:00;;;;;",
    ];
    let run = Run::new(&rows, OFFICE, Some("2026-11-23 12:00"));
    let c = |status, duration_s| Some(patuh::sop::ContinuousResult { status, duration_s });
    let o1 = &run.item("O1").steps;
    assert_eq!((o1[0].status, o1[0].duration_s), (Met, Some(300)));
    assert_eq!(run.continuous("O1", 0), c(LATE, Some(209_100)));
    assert_eq!((o1[1].status, o1[1].duration_s), (Met, Some(300)));
    assert_eq!(run.continuous("O1", 1), c(Met, Some(300)));
    assert_eq!((o1[2].status, o1[2].duration_s), (Met, Some(600)));
    assert_eq!(
        (o1[3].status, o1[3].duration_s, o1[3].limit_s),
        (Met, Some(1_200), 5_100)
    );
    assert_eq!(run.continuous("O1", 3), c(LATE, Some(210_000)));
    let o2 = &run.item("O2").steps;
    assert_eq!((o2[0].status, o2[0].duration_s), (LATE, Some(4_500)));
    assert_eq!(run.continuous("O2", 0), c(LATE, Some(168_300)));
    assert_eq!(
        (o2[1].status, run.continuous("O2", 1)),
        (OVERDUE, c(OVERDUE, None))
    );
    assert_eq!(
        (o2[2].status, run.continuous("O2", 2)),
        (NotApplicable, None)
    );
    assert_eq!(
        (o2[3].status, run.continuous("O2", 3)),
        (OVERDUE, c(OVERDUE, None))
    );
    // The week's numbers on both clocks.
    let report = run.report();
    let week = &period(&report, PeriodKind::Week, "2026-W47").total;
    let pemantauan = step(week, "pemantauan");
    // Office: met O1 (300), late O2 (4 500): 50 %; median rank ⌈2/2⌉ = 1st, p90 ⌈1.8⌉ = 2nd.
    assert_eq!(
        compact(pemantauan),
        (
            [1, 1, 0, 0, 0, 0, 0],
            Some(50.0),
            [Some(300), Some(4_500), Some(4_500)]
        )
    );
    assert_eq!(
        compact(pemantauan.continuous.as_deref().unwrap()),
        (
            [0, 2, 0, 0, 0, 0, 0],
            Some(0.0),
            [Some(168_300), Some(209_100), Some(209_100)]
        )
    );
    // Penerusan: O1 met, O2 not applicable, the same on both clocks.
    let penerusan = step(week, "penerusan");
    let same = (
        [1, 0, 0, 0, 0, 0, 1],
        Some(100.0),
        [Some(600), Some(600), Some(600)],
    );
    assert_eq!(compact(penerusan), same);
    assert_eq!(compact(penerusan.continuous.as_deref().unwrap()), same);
    // summary.json: each step's clock, and `continuous` beside the office figures.
    let json: serde_json::Value =
        serde_json::from_str(&report::summary_json(&report, true)).unwrap();
    assert_eq!(json["steps"][0]["clock"], "office");
    let steps = &json["periods"][0]["total"]["steps"];
    assert_eq!(steps["pemantauan"]["continuous"]["breached"], 2);
    assert_eq!(steps["pemantauan"]["continuous"]["median_s"], 168_300);
    assert_eq!(steps["end_to_end"]["continuous"]["compliance_pct"], 0.0);
    assert_eq!(steps["end_to_end"]["compliance_pct"], 50.0);
    // On the continuous clock (the default) there is no `continuous` key.
    let plain = Run::new(&rows, "", Some("2026-11-23 12:00")).report();
    let json: serde_json::Value =
        serde_json::from_str(&report::summary_json(&plain, true)).unwrap();
    assert_eq!(json["steps"][0]["clock"], "continuous");
    assert!(json["periods"][0]["total"]["steps"]["pemantauan"]
        .get("continuous")
        .is_none());
}

#[test]
fn a_year_the_holiday_list_does_not_cover_is_a_data_issue_and_counts_no_holidays() {
    let rows = [
        // X1: Thursday 31 December 2026 21:00 → Monday 4 January 2027 07:40. The list has
        // no 2027, so Friday 1 January counts as a working day: 9 h (07:30–16:30) + 10 min
        // = 33 000 s, late.
        "X1;2026-12-31 21:00:00;2027-01-04 07:40:00;;;;;",
        // X2: within Tuesday 5 January 2027, 20 min.
        "X2;2027-01-05 08:00:00;2027-01-05 08:20:00;;;;;",
        // X3: within 2026 (Monday 28 December), 10 min: no issue of its own.
        "X3;2026-12-28 08:00:00;2026-12-28 08:10:00;;;;;",
    ];
    let run = Run::new(&rows, OFFICE, Some("2027-01-05 12:00"));
    assert_eq!(run.steps("X1")[0].1, Some(33_000));
    let issues: Vec<&patuh::issues::DataIssue> = run
        .ledger
        .issues
        .iter()
        .filter(|i| i.kind == patuh::issues::IssueKind::NoHolidayList)
        .collect();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    // X1 and X2 touch 2027 (X3's open disposisi runs to the as-of in 2027 too).
    assert_eq!(
        issues[0].describe(patuh::words::words(patuh::words::Lang::Id), ""),
        "tidak ada daftar libur untuk 2027: 3 item dengan tahap berjam kerja dihitung tanpa \
         hari libur nasional dan cuti bersama di tahun itu (extra_days_off tetap berlaku)"
    );
    // The office's own day off still applies: 1 January off, X1 takes 10 min.
    let with_day_off = format!("{OFFICE}extra_days_off = [\"2027-01-01\"]\n");
    let run = Run::new(&rows, &with_day_off, Some("2027-01-05 12:00"));
    assert_eq!(run.steps("X1")[0], (Met, Some(600), 3_600));
    // On the continuous clock nothing is said.
    let run = Run::new(&rows, "", Some("2027-01-05 12:00"));
    assert!(run
        .ledger
        .issues
        .iter()
        .all(|i| i.kind != patuh::issues::IssueKind::NoHolidayList));
}
