//! Benchmark mode of the generator (`--items N`, issue 13; see `BENCHMARKS.md`).
//!
//! Writes exactly N items (tickets) spread evenly over `--weeks` weekly CSV exports, or one
//! workbook (`--xlsx`), for about `--departments` Perangkat Daerah. The items are made as in
//! the sample (same posting hours, same delays, same carry-over of unfinished items into the
//! next export), then:
//!
//! - forwarded items go to D departments: the 15 of the sample first, then the city's other
//!   dinas, badan and kecamatan, then kelurahan and UPTD names; 40 % keep the department of
//!   their text, the rest follow a Zipf-like law (a few departments receive most items);
//!   20 % are written with an abbreviation or upper case (all listed in the configuration
//!   written beside the folder, `<out>.patuh.toml`, so they join their department);
//! - a few items never finish: 0.05 % of the forwarded ones are never received by their
//!   department, 0.03 % of all are never disposed (they stay open, overdue, in every later
//!   export they appear in);
//! - about 0.1 % of the rows that appear in one export only carry one deliberate mistake:
//!   a time in 2062, a date that does not exist (`31/11/2025 08.15`), a time written as a
//!   word (`kemarin`), a disposition before the report (an invalid step), or no time at all
//!   (the row is rejected).
//!
//! The last line printed is the row ledger that `patuh check` must report.

use super::*;

/// Share of forwarded items never received by their department.
const STUCK_FORWARD: f64 = 0.0005;
const STUCK_DISPOSE: f64 = 0.0003;
/// Share of the rows of one export only that carry a deliberate mistake.
const MISTAKE_RATE: f64 = 0.001;
/// The three CSV layouts of the sample, in turn: `05/10/2026 07.32`, `5 Okt 2026 07.32` with
/// other header names, and a title line above the header with columns in another order.
const CSV_LAYOUTS: [usize; 3] = [1, 3, 5];
/// Posting-day weights, Monday to Sunday.
const DAY_W: [u32; 7] = [110, 105, 100, 100, 100, 80, 70];

/// The city's other departments after the 15 of the sample, with the abbreviations admins
/// type. Real names of Kota Bekasi's Perangkat Daerah.
const MORE_DEPTS: &[(&str, &[&str])] = &[
    (
        "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        &["Diskominfostandi"],
    ),
    ("Dinas Tenaga Kerja", &["Disnaker"]),
    ("Dinas Koperasi dan Usaha Kecil Menengah", &["Diskop UKM"]),
    ("Dinas Perdagangan dan Perindustrian", &["Disdagperin"]),
    ("Dinas Pemuda dan Olahraga", &["Dispora"]),
    ("Dinas Pariwisata dan Kebudayaan", &["Disparbud"]),
    (
        "Dinas Ketahanan Pangan, Pertanian dan Perikanan",
        &["DKPPP"],
    ),
    (
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        &["DP3A"],
    ),
    (
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        &["DPPKB"],
    ),
    (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        &["DPMPTSP"],
    ),
    ("Dinas Pemadam Kebakaran", &["Damkar", "Damkar Kota Bekasi"]),
    ("Dinas Arsip dan Perpustakaan", &["Dispusip"]),
    ("Badan Pendapatan Daerah", &["Bapenda"]),
    ("Badan Keuangan dan Aset Daerah", &["BKAD"]),
    (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        &["BKPSDM"],
    ),
    (
        "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
        &["Bappelitbangda"],
    ),
    ("Badan Kesatuan Bangsa dan Politik", &["Kesbangpol"]),
    ("Inspektorat Daerah", &["Inspektorat"]),
    ("Sekretariat Daerah", &["Setda"]),
    ("Sekretariat DPRD", &["Setwan"]),
    ("Kecamatan Bekasi Barat", &["Kec. Bekasi Barat"]),
    ("Kecamatan Bekasi Selatan", &["Kec. Bekasi Selatan"]),
    ("Kecamatan Medan Satria", &["Kec. Medan Satria"]),
    ("Kecamatan Rawalumbu", &["Kec. Rawalumbu"]),
    ("Kecamatan Bantargebang", &["Kec. Bantargebang"]),
    ("Kecamatan Mustika Jaya", &["Kec. Mustika Jaya"]),
    ("Kecamatan Jatiasih", &["Kec. Jatiasih"]),
    ("Kecamatan Jatisampurna", &["Kec. Jatisampurna"]),
    ("Kecamatan Pondok Gede", &["Kec. Pondok Gede"]),
    ("Kecamatan Pondok Melati", &["Kec. Pondok Melati"]),
    ("PT Mitra Patriot (Perseroda)", &["Mitra Patriot"]),
];

struct BenchDept {
    name: String,
    variants: Vec<String>,
}

/// The first `n` departments: the sample's, then `MORE_DEPTS`, then kelurahan, then
/// UPTD puskesmas, then numbered UPTD names.
fn departments(n: usize) -> Vec<BenchDept> {
    let mut out: Vec<BenchDept> = DEPTS
        .iter()
        .map(|d| BenchDept {
            name: d.name.to_string(),
            variants: d.variants.iter().map(|v| v.to_string()).collect(),
        })
        .chain(MORE_DEPTS.iter().map(|(name, v)| BenchDept {
            name: name.to_string(),
            variants: v.iter().map(|x| x.to_string()).collect(),
        }))
        .chain(KELURAHAN.iter().map(|k| BenchDept {
            name: format!("Kelurahan {k}"),
            variants: vec![format!("Kel. {k}")],
        }))
        .chain(KELURAHAN.iter().map(|k| BenchDept {
            name: format!("UPTD Puskesmas {k}"),
            variants: vec![format!("PKM {k}")],
        }))
        .take(n)
        .collect();
    let mut i = 1;
    while out.len() < n {
        out.push(BenchDept {
            name: format!("UPTD Wilayah {i:03}"),
            variants: vec![],
        });
        i += 1;
    }
    out
}

/// A spelling as patuh compares it (case and runs of spaces ignored).
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The configuration beside the exports: every department listed (so no name is reported
/// as close to another), its abbreviations as aliases.
fn write_config(path: &Path, depts: &[BenchDept]) -> io::Result<()> {
    let mut s = String::new();
    s.push_str(
        "# Generated by `cargo run --release --example make_sample_data -- --items ...`\n\
         # for the benchmark (BENCHMARKS.md). Synthetic data, no real citizen.\n\n\
         timezone   = \"Asia/Jakarta\"\n\
         date_order = \"dmy\"\n\
         lang       = \"id\"\n\
         office     = \"Diskominfostandi Kota Bekasi\"\n\n\
         [departments]\n",
    );
    for d in depts {
        let mut vs: Vec<String> = Vec::new();
        for v in &d.variants {
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            if norm(&v) != norm(&d.name) && !vs.iter().any(|x| norm(x) == norm(&v)) {
                vs.push(v);
            }
        }
        let list = vs
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(s, "\"{}\" = [{list}]", d.name).unwrap();
    }
    fs::write(path, s)
}

/// Where the configuration of the data folder `out` goes: `<out>.patuh.toml` beside it.
pub(super) fn config_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!("{name}.patuh.toml"))
}

/// Cumulative Zipf-like weights (exponent 0.9) over `n` departments.
fn zipf(n: usize) -> Vec<f64> {
    let mut acc = 0.0;
    let mut cum: Vec<f64> = (0..n)
        .map(|i| {
            acc += 1.0 / ((i + 1) as f64).powf(0.9);
            acc
        })
        .collect();
    for c in &mut cum {
        *c /= acc;
    }
    cum
}

#[derive(Default)]
struct Counts {
    future: u64,
    unreadable: u64,
    word: u64,
    invalid: u64,
    rejected: u64,
    stuck_forward: u64,
    stuck_dispose: u64,
}

struct Gen<'a> {
    rng: Rng,
    /// Department choices and mistakes (a second stream, so the items are those of the sample
    /// generator for the same posting times).
    rng2: Rng,
    seq: IdSeq,
    depts: &'a [BenchDept],
    cum: Vec<f64>,
    counts: Counts,
}

impl Gen<'_> {
    /// `count` items posted in the week starting on `monday`, sorted by posting time.
    fn week(&mut self, monday: NaiveDate, count: u64) -> Vec<Item> {
        let mut posts = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let d = self.rng.weighted(&DAY_W) as i64;
            let h = self.rng.weighted(&HOUR_W) as u32;
            let m = self.rng.below(60) as u32;
            posts.push(at(monday + TimeDelta::days(d), h, m));
        }
        posts.sort();
        let mut items = make_items(&mut self.rng, posts, &mut self.seq);
        for it in &mut items {
            if self.rng2.chance(STUCK_DISPOSE) {
                it.disposed += TimeDelta::days(120);
                if let Some(f) = &mut it.forwarded {
                    *f = it.disposed + minutes(5);
                }
                self.counts.stuck_dispose += 1;
            }
            if !it.forward() {
                continue;
            }
            let r = self.rng2.unit();
            let d = if it.dept_idx < self.depts.len() && self.rng2.chance(0.4) {
                it.dept_idx
            } else {
                self.cum
                    .partition_point(|c| *c < r)
                    .min(self.depts.len() - 1)
            };
            it.dept_idx = d;
            let bd = &self.depts[d];
            it.dept = if !bd.variants.is_empty() && self.rng2.chance(0.2) {
                self.rng2.pick(&bd.variants).clone()
            } else if self.rng2.chance(0.02) {
                bd.name.to_uppercase()
            } else {
                bd.name.clone()
            };
            if self.rng2.chance(STUCK_FORWARD) {
                it.forwarded = Some(it.disposed + TimeDelta::days(120));
                self.counts.stuck_forward += 1;
            }
        }
        items
    }

    /// Plants one mistake in about `MISTAKE_RATE` of the rows whose item appears in this
    /// export only. Returns the number of rows left without any time (rejected).
    fn mistakes(&mut self, rows: &mut [Row]) -> u32 {
        let mut rejected = 0;
        for r in rows.iter_mut() {
            if r.kind != RowKind::Data || !r.fresh || !r.complete || r.in_prev {
                continue;
            }
            if !self.rng2.chance(MISTAKE_RATE) {
                continue;
            }
            let c = &mut self.counts;
            match self.rng2.below(5) {
                0 => {
                    if let Ts::At(t) = r.reported {
                        let typo = t
                            .with_year(2062)
                            .or_else(|| t.with_day(28).and_then(|x| x.with_year(2062)))
                            .unwrap();
                        r.reported = Ts::At(typo);
                        c.future += 1;
                    }
                }
                1 => {
                    if let Ts::At(t) = r.disposed {
                        r.disposed = Ts::Raw(format!(
                            "31/11/{} {:02}.{:02}",
                            t.year(),
                            t.hour(),
                            t.minute()
                        ));
                        c.unreadable += 1;
                    }
                }
                2 => {
                    r.posted = Ts::Empty;
                    r.reported = Ts::Empty;
                    r.disposed = Ts::Empty;
                    r.forwarded = Ts::Empty;
                    rejected += 1;
                    c.rejected += 1;
                }
                3 => {
                    if let (Ts::At(rep), Ts::At(_)) = (&r.reported, &r.disposed) {
                        r.disposed = Ts::At(*rep - minutes(6));
                        c.invalid += 1;
                    }
                }
                _ => {
                    if let Ts::At(_) = r.forwarded {
                        r.forwarded = Ts::Raw("kemarin".into());
                        c.word += 1;
                    }
                }
            }
        }
        rejected
    }
}

fn number(rows: &mut [Row]) {
    for (i, r) in rows.iter_mut().enumerate() {
        r.no = i as u32 + 1;
    }
}

/// One export: its data rows, those whose item appears again in the next export, those
/// rejected, and the tickets seen for the first time.
struct Week {
    data_rows: u64,
    to_next: u64,
    rejected: u64,
    tickets: u64,
}

/// Row ledger of the exports `weeks`: (read, included, duplicates, rejected, tickets).
fn ledger(weeks: &[Week]) -> (u64, u64, u64, u64, u64) {
    let read: u64 = weeks.iter().map(|w| w.data_rows).sum();
    let dup: u64 = weeks[..weeks.len() - 1].iter().map(|w| w.to_next).sum();
    let rejected: u64 = weeks.iter().map(|w| w.rejected).sum();
    let tickets: u64 = weeks.iter().map(|w| w.tickets).sum();
    let included = read - dup - rejected;
    assert_eq!(included, tickets - rejected, "ledger must balance");
    (read, included, dup, rejected, tickets)
}

/// Benchmark mode: see the module documentation.
pub(super) fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let n = args.items.expect("benchmark mode");
    let m = u64::from(args.weeks);
    // items of week k: an even share of n (the appended weeks continue at the same rate)
    let count = |k: u64| -> u64 {
        ((u128::from(n) * u128::from(k + 1) / u128::from(m))
            - (u128::from(n) * u128::from(k) / u128::from(m))) as u64
    };
    let depts = departments(args.departments);
    fs::create_dir_all(&args.out)?;
    // beside the data folder, not in it (patuh would list it as a file it does not read)
    let config = config_path(&args.out);
    write_config(&config, &depts)?;
    println!("configuration: {}", config.display());
    let mut g = Gen {
        rng: Rng::new(args.seed),
        rng2: Rng::new(args.seed.wrapping_add(13)),
        seq: IdSeq { year: 0, n: 0 },
        depts: &depts,
        cum: zipf(depts.len()),
        counts: Counts::default(),
    };
    if args.xlsx {
        return run_xlsx(args, &mut g, m, count);
    }
    let append_out = args.append_out.clone().unwrap_or_else(|| {
        let mut s = args.out.clone().into_os_string();
        s.push("-append");
        PathBuf::from(s)
    });
    let mut carry: Vec<Item> = Vec::new();
    let mut prev_export: Option<NaiveDateTime> = None;
    let mut weeks: Vec<Week> = Vec::new();
    for k in 0..m + u64::from(args.append) {
        let mon = args.start + TimeDelta::weeks(k as i64);
        let sun = mon + TimeDelta::days(6);
        let export_at = at(sun, 23, 45) + minutes(g.rng.range(0, 10));
        let lay = layout_for(CSV_LAYOUTS[(k % 3) as usize], mon, sun);
        let items = g.week(mon, count(k));
        let mut rows: Vec<Row> = Vec::with_capacity(carry.len() + items.len());
        let mut tickets = 0;
        for it in &carry {
            let in_prev = prev_export.is_some_and(|p| it.posted <= p);
            tickets += u64::from(!in_prev);
            let mut row = build_row(it, export_at, false, in_prev);
            row.in_next = false;
            rows.push(row);
        }
        let mut next_carry = Vec::new();
        for it in items {
            if it.posted <= export_at {
                tickets += 1;
                let row = build_row(&it, export_at, true, false);
                if row.in_next {
                    next_carry.push(it);
                }
                rows.push(row);
            } else {
                next_carry.push(it);
            }
        }
        let rejected = g.mistakes(&mut rows);
        number(&mut rows);
        let dir = if k < m { &args.out } else { &append_out };
        let rel = format!(
            "{}-{:02}/Laporan Medsos {}.csv",
            sun.year(),
            sun.month(),
            periode_short(mon, sun)
        );
        let path = dir.join(&rel);
        fs::create_dir_all(path.parent().unwrap())?;
        write_csv(&path, &lay, &rows, k as usize)?;
        weeks.push(Week {
            data_rows: rows.len() as u64,
            to_next: rows.iter().filter(|r| r.in_next).count() as u64,
            rejected: u64::from(rejected),
            tickets,
        });
        if k + 1 == m || k >= m {
            println!("{}", path.display());
        }
        carry = next_carry;
        prev_export = Some(export_at);
    }
    report(&g.counts, &depts);
    let (read, included, dup, rejected, tickets) = ledger(&weeks[..m as usize]);
    if args.append > 0 {
        let (r2, i2, d2, j2, _) = ledger(&weeks);
        println!(
            "with the {} appended export(s) in {}: read={r2} included={i2} duplicates={d2} rejected={j2}",
            args.append,
            append_out.display()
        );
    }
    println!(
        "ledger: files={m} read={read} included={included} duplicates={dup} rejected={rejected} tickets={tickets} departments={}",
        depts.len()
    );
    Ok(())
}

/// `--xlsx`: all items in one workbook, taken after the last week.
fn run_xlsx(
    args: &Args,
    g: &mut Gen,
    m: u64,
    count: impl Fn(u64) -> u64,
) -> Result<(), Box<dyn std::error::Error>> {
    let last_sun = args.start + TimeDelta::weeks(m as i64) - TimeDelta::days(1);
    let export_at = at(last_sun, 23, 50);
    let mut rows: Vec<Row> = Vec::new();
    for k in 0..m {
        let mon = args.start + TimeDelta::weeks(k as i64);
        for it in g.week(mon, count(k)) {
            if it.posted <= export_at {
                rows.push(build_row(&it, export_at, true, false));
            }
        }
    }
    let rejected = g.mistakes(&mut rows);
    number(&mut rows);
    let lay = layout_for(0, args.start, last_sun);
    let path = args.out.join(format!(
        "Rekap Pengaduan Medsos {}.xlsx",
        periode_short(args.start, last_sun)
    ));
    let meta = XlsxMeta {
        title: format!(
            "Rekap Pengaduan Media Sosial {}",
            periode_long(args.start, last_sun)
        ),
        created: export_at,
        notes: NOTES,
    };
    write_xlsx(&path, &lay, &rows, 0, &meta)?;
    println!("{}", path.display());
    report(&g.counts, g.depts);
    let read = rows.len() as u64;
    println!(
        "ledger: files=1 read={read} included={} duplicates=0 rejected={rejected} tickets={read} departments={}",
        read - u64::from(rejected),
        g.depts.len()
    );
    Ok(())
}

fn report(c: &Counts, depts: &[BenchDept]) {
    println!(
        "mistakes: {} times in 2062, {} dates that do not exist, {} times as words, {} invalid steps, {} rows without any time (rejected); open for good: {} forwarded items never received, {} items never disposed; {} departments",
        c.future, c.unreadable, c.word, c.invalid, c.rejected, c.stuck_forward, c.stuck_dispose, depts.len()
    );
}
