//! Deterministic generator of synthetic sample exports for `patuh`.
//!
//! It writes the weekly complaint-handling exports ("Rekap Pengaduan Media Sosial") that the
//! social-media admins of Diskominfostandi Kota Bekasi would make by hand: XLSX and CSV files,
//! title rows, two-row headers, split date/time columns, overlapping weeks, and a few honest
//! mistakes (listed in the generated `README.md`). Every name, account, link and text is
//! invented; no real citizen data is used.
//!
//! ```text
//! cargo run --example make_sample_data -- [--out DIR] [--weeks N] [--per-day N] [--seed S]
//! ```
//!
//! Defaults reproduce the committed `data/` folder (8 ISO weeks, 2026-W40 .. 2026-W47).
//! The same arguments always give byte-identical files (seeded splitmix64, fixed document
//! creation times in the workbooks). Large runs (`--weeks 520 --per-day 300`, about a
//! million rows) work week by week: only one week of items is held in memory.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Weekday};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

const DEFAULT_SEED: u64 = 20_261_005;
const DEFAULT_WEEKS: u32 = 8;
const DEFAULT_PER_DAY: u32 = 22;
/// ISO week of the first export: 2026-W40 (Monday 2026-09-28).
const DEFAULT_START: (i32, u32) = (2026, 40);
/// Weekly exports in benchmark mode unless `--weeks` says otherwise (about three years).
const BENCH_WEEKS: u32 = 150;

struct Args {
    out: PathBuf,
    /// Monday of the first week.
    start: NaiveDate,
    weeks: u32,
    per_day: u32,
    seed: u64,
    /// Benchmark mode (`--items N`): exactly N items spread evenly over the weeks.
    items: Option<u64>,
    /// Benchmark mode: number of Perangkat Daerah (default 60).
    departments: usize,
    /// Benchmark mode: one workbook instead of weekly CSV exports.
    xlsx: bool,
    /// Benchmark mode: weeks written after the history, at the same rate, into `append_out`.
    append: u32,
    append_out: Option<PathBuf>,
    /// Which of `--out`, `--start`, `--weeks` were given (benchmark defaults differ).
    out_given: bool,
    start_given: bool,
    weeks_given: bool,
}

const USAGE: &str = "usage: cargo run --example make_sample_data -- [--out DIR] [--start YYYY-Www] [--weeks N] [--per-day N] [--seed S]

  --out DIR      output folder (default: the crate's data/ folder)
  --start WEEK   ISO week of the first export, e.g. 2026-W40 (default 2026-W40)
  --weeks N      number of weekly exports (default 8)
  --per-day N    mean number of items posted per day (default 22; each day gets 70%..135%)
  --seed S       PRNG seed (default 20261005)

Benchmark mode (issue 13; see BENCHMARKS.md), chosen by --items:
  --items N        exactly N items (tickets), spread evenly over --weeks (default 150)
                   weekly CSV exports; --out is required; --start defaults to the week that
                   makes the last export 2026-W47; every export is `;`-separated UTF-8 CSV in
                   one of three office layouts; the configuration (timezone, date order,
                   every department and its aliases) is written beside the folder as
                   <out>.patuh.toml (use patuh --config)
  --departments D  number of Perangkat Daerah (default 60): the city's dinas, badan,
                   kecamatan, then kelurahan and UPTD names
  --xlsx           one workbook `Rekap Pengaduan Medsos.xlsx` holding all N items instead
  --append K       also write K more weekly exports at the same rate (the continuation of
                   the same history) into --append-out DIR (default <out>-append)";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        out: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data")),
        start: NaiveDate::from_isoywd_opt(DEFAULT_START.0, DEFAULT_START.1, Weekday::Mon).unwrap(),
        weeks: DEFAULT_WEEKS,
        per_day: DEFAULT_PER_DAY,
        seed: DEFAULT_SEED,
        items: None,
        departments: 60,
        xlsx: false,
        append: 0,
        append_out: None,
        out_given: false,
        start_given: false,
        weeks_given: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (key, inline) = match a.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        if key == "-h" || key == "--help" {
            println!("{USAGE}");
            std::process::exit(0);
        }
        let mut value = || -> Result<String, String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => it.next().ok_or_else(|| format!("{key} needs a value")),
            }
        };
        match key.as_str() {
            "--out" => {
                args.out = PathBuf::from(value()?);
                args.out_given = true;
            }
            "--start" => {
                args.start = parse_iso_week(&value()?)?;
                args.start_given = true;
            }
            "--weeks" => {
                args.weeks = value()?.parse().map_err(|e| format!("--weeks: {e}"))?;
                args.weeks_given = true;
            }
            "--items" => args.items = Some(value()?.parse().map_err(|e| format!("--items: {e}"))?),
            "--departments" => {
                args.departments = value()?
                    .parse()
                    .map_err(|e| format!("--departments: {e}"))?
            }
            "--xlsx" => args.xlsx = true,
            "--append" => args.append = value()?.parse().map_err(|e| format!("--append: {e}"))?,
            "--append-out" => args.append_out = Some(PathBuf::from(value()?)),
            "--per-day" => {
                args.per_day = value()?.parse().map_err(|e| format!("--per-day: {e}"))?
            }
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    if args.weeks == 0 {
        return Err("--weeks must be at least 1".into());
    }
    if args.per_day == 0 {
        return Err("--per-day must be at least 1".into());
    }
    if args.items.is_some() {
        if !args.out_given {
            return Err("--items needs --out (the default folder is the committed sample)".into());
        }
        if !args.weeks_given {
            args.weeks = BENCH_WEEKS;
        }
        if !args.start_given {
            let last =
                NaiveDate::from_isoywd_opt(DEFAULT_START.0, DEFAULT_START.1 + 7, Weekday::Mon)
                    .unwrap();
            args.start = last - TimeDelta::weeks(i64::from(args.weeks) - 1);
        }
        if args.departments == 0 {
            return Err("--departments must be at least 1".into());
        }
    } else if args.xlsx || args.append > 0 || args.append_out.is_some() {
        return Err("--xlsx, --append and --append-out need --items".into());
    }
    Ok(args)
}

fn parse_iso_week(s: &str) -> Result<NaiveDate, String> {
    let bad = || format!("--start: expected an ISO week such as 2026-W41, got {s:?}");
    let (y, w) = s.split_once(['W', 'w']).ok_or_else(bad)?;
    let year: i32 = y.trim_end_matches('-').parse().map_err(|_| bad())?;
    let week: u32 = w.parse().map_err(|_| bad())?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)
}

// ---------------------------------------------------------------------------------------------
// PRNG: splitmix64
// ---------------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (multiply-shift; the bias is far below anything visible here).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len() as u64) as usize]
    }
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as u64) as u32;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Reference data (all invented, except the names of the city's departments and places)
// ---------------------------------------------------------------------------------------------

struct Dept {
    name: &'static str,
    variants: &'static [&'static str],
}

const DEPTS: &[Dept] = &[
    Dept {
        name: "Dinas Perhubungan",
        variants: &[
            "Dishub",
            "DISHUB KOTA BEKASI",
            "Dinas Perhubungan ",
            "Dinas  Perhubungan",
        ],
    },
    Dept {
        name: "Dinas Bina Marga dan Sumber Daya Air",
        variants: &[
            "Dinas Bina Marga dan SDA",
            "DBMSDA",
            "Dinas Bina Marga  dan Sumber Daya Air",
        ],
    },
    Dept {
        name: "Dinas Lingkungan Hidup",
        variants: &["DLH", "DLH Kota Bekasi", "Dinas Lingkungan Hidup "],
    },
    Dept {
        name: "Dinas Kesehatan",
        variants: &["Dinkes", "DINKES KOTA BEKASI"],
    },
    Dept {
        name: "Dinas Pendidikan",
        variants: &["Disdik", "Dinas Pendidikan "],
    },
    Dept {
        name: "Dinas Kependudukan dan Pencatatan Sipil",
        variants: &["Disdukcapil", "DISDUKCAPIL"],
    },
    Dept {
        name: "Dinas Sosial",
        variants: &["Dinsos"],
    },
    Dept {
        name: "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
        variants: &["Disperkimtan", "Dinas Perkimtan"],
    },
    Dept {
        name: "Satuan Polisi Pamong Praja",
        variants: &["Satpol PP", "SATPOL PP", "Satpol PP Kota Bekasi"],
    },
    Dept {
        name: "Badan Penanggulangan Bencana Daerah",
        variants: &["BPBD", "BPBD Kota Bekasi"],
    },
    Dept {
        name: "RSUD dr. Chasbullah Abdulmadjid",
        variants: &["RSUD Kota Bekasi", "RSUD CAM"],
    },
    Dept {
        name: "Perumda Tirta Patriot",
        variants: &["PDAM Tirta Patriot", "Tirta Patriot"],
    },
    Dept {
        name: "Dinas Tata Ruang",
        variants: &["Distaru"],
    },
    Dept {
        name: "Kecamatan Bekasi Timur",
        variants: &["Kec. Bekasi Timur", "Kecamatan Bekasi Timur "],
    },
    Dept {
        name: "Kecamatan Bekasi Utara",
        variants: &["Kec. Bekasi Utara"],
    },
];

const D_BINA_MARGA: usize = 1;
const D_DLH: usize = 2;

/// The department an item is easily sent to by mistake before it is re-routed to `d`
/// (used for the planted conflict between two exports).
fn confusable(d: usize) -> usize {
    match d {
        0 | 7 | 9 | 11 => 1,
        1 | 2 | 4 => 7,
        3 => 10,
        10 => 3,
        5 => 13,
        13 | 14 => 5,
        6 | 12 => 8,
        8 => 6,
        _ => 1,
    }
}
/// The one misspelt department (a planted mistake).
const DEPT_TYPO: &str = "Dinas Lingkugan Hidup";

struct Tpl {
    dept: usize,
    question: bool,
    text: &'static str,
}

const fn t(dept: usize, text: &'static str) -> Tpl {
    Tpl {
        dept,
        question: false,
        text,
    }
}
const fn q(dept: usize, text: &'static str) -> Tpl {
    Tpl {
        dept,
        question: true,
        text,
    }
}

const TEMPLATES: &[Tpl] = &[
    // 0 Dinas Perhubungan
    t(0, "Min, lampu PJU di {jalan} mati sudah {lama}. Malam gelap banget, rawan begal. Mohon segera diperbaiki."),
    t(0, "Lampu lalu lintas di perempatan {jalan} mati dari pagi, kendaraan saling serobot. Tolong petugas Dishub diturunkan."),
    t(0, "Parkir liar di sepanjang {jalan} bikin macet parah tiap sore. Kapan ditertibkan?"),
    t(0, "Macet total di {jalan} arah {kec}, ada truk mogok tapi tidak ada petugas yang mengatur."),
    t(0, "Rambu dilarang parkir di {jalan} roboh ketabrak, tolong dipasang lagi."),
    t(0, "Lampu jalan di {rt} Kel. {kel} nyala-mati terus, kadang seharian menyala siang hari."),
    q(0, "Min, apakah ada rekayasa lalu lintas di {jalan} minggu ini? Mohon infonya."),
    q(0, "Min, uji KIR kendaraan sekarang bisa daftar online? Lokasinya di mana ya?"),
    // 1 Bina Marga dan SDA
    t(1, "Jalan di {jalan} berlubang besar dan dalam, sudah ada pemotor yang jatuh. Mohon segera ditambal sebelum ada korban lagi."),
    t(1, "Saluran air di {rt} Kel. {kel} mampet, tiap hujan air meluap ke jalan setinggi mata kaki."),
    t(1, "Trotoar di {jalan} amblas dan tutup gorong-gorong terbuka, bahaya untuk pejalan kaki dan anak sekolah."),
    t(1, "Perbaikan jalan di {jalan} sudah {lama} dibiarkan setengah jadi, batu berserakan dan debu ke mana-mana."),
    t(1, "Kali di belakang perumahan Kel. {kel} penuh lumpur dan eceng gondok, mohon dikeruk sebelum musim hujan."),
    t(1, "Pompa air di dekat {jalan} tidak menyala waktu hujan deras kemarin, air menggenang sampai malam."),
    q(1, "Kapan jadwal betonisasi {jalan}? Katanya tahun ini tapi belum ada kabar."),
    // 2 Lingkungan Hidup
    t(2, "Sampah di TPS {jalan} sudah menumpuk {lama} belum diangkut, baunya sampai ke rumah warga. Tolong truk sampah dikirim."),
    t(2, "Ada pembuangan sampah liar di pinggir {jalan}, makin hari makin tinggi. Mohon ditindak dan dipasang larangan."),
    t(2, "Warga Kel. {kel} mengeluhkan asap pembakaran sampah tiap malam, anak-anak jadi batuk."),
    t(2, "Air kali di Kel. {kel} berwarna hitam dan berbusa, diduga ada limbah pabrik. Mohon dicek."),
    t(2, "Bau sampah dari arah Bantargebang tercium sampai Kel. {kel} sejak kemarin sore."),
    q(2, "Jadwal angkut sampah di {rt} Kel. {kel} hari apa saja ya Min? Sekarang tidak menentu."),
    // 3 Kesehatan
    t(3, "Di {rt} Kel. {kel} sudah ada tiga warga kena DBD bulan ini. Mohon fogging segera."),
    t(3, "Puskesmas Kel. {kel} antreannya panjang sekali, dokter baru datang jam 10. Mohon dievaluasi."),
    t(3, "Saya ditolak berobat di puskesmas karena KTP masih alamat lama, padahal sudah pindah ke {kec}. Mohon penjelasan."),
    q(3, "Min, posyandu di Kel. {kel} bulan ini jadwalnya kapan ya? Mau imunisasi anak."),
    q(3, "Apakah puskesmas di {kec} buka hari Sabtu untuk layanan umum?"),
    // 4 Pendidikan
    t(4, "Atap kelas di SDN {kel} {num} bocor dan plafonnya mau jatuh, anak-anak belajar was-was. Mohon diperbaiki."),
    t(4, "Ada pungutan uang seragam dan buku di SMPN {num} Kota Bekasi, katanya \"wajib\". Apakah dibenarkan?"),
    t(4, "Guru di kelas anak saya sering tidak masuk, kelas dibiarkan kosong dan anak-anak main di luar."),
    q(4, "Min, kapan pendaftaran siswa baru SMP negeri dibuka dan apa saja syaratnya?"),
    // 5 Dukcapil
    t(5, "Sudah {lama} KTP-el saya belum jadi, tiap ke kecamatan katanya \"blangko habis\". Mohon kejelasan."),
    t(5, "Data KK saya salah nama ibu, sudah ajukan perbaikan tapi belum ada kabar. Nomor antrean juga hilang."),
    t(5, "Antrean di Disdukcapil dari subuh, kuota cuma sedikit. Tolong ditambah layanannya."),
    q(5, "Min, bikin akta kelahiran anak sekarang bisa online tidak? Syaratnya apa saja?"),
    q(5, "Bagaimana cara aktivasi IKD (KTP digital)? Di kelurahan katanya harus ke dinas."),
    // 6 Sosial
    t(6, "Ada ODGJ yang tidur di halte {jalan} sudah {lama}, kadang mengamuk. Mohon dibantu penanganannya."),
    t(6, "Keluarga kami termasuk tidak mampu tapi tidak pernah dapat bansos, sementara yang mampu malah dapat. Mohon didata ulang."),
    t(6, "Banyak anak jalanan dan manusia silver di lampu merah {jalan}, kasihan dan membahayakan."),
    q(6, "Min, cara daftar supaya masuk data penerima bansos bagaimana ya?"),
    // 7 Perkimtan
    t(7, "Taman di {jalan} tidak terawat, rumput tinggi dan lampunya mati semua. Jadi tempat nongkrong sampai larut."),
    t(7, "Pohon besar di {jalan} dahannya sudah miring ke kabel listrik, mohon dipangkas sebelum tumbang."),
    t(7, "Jalan lingkungan {rt} Kel. {kel} belum pernah diperbaiki sejak perumahan diserahkan ke Pemkot."),
    q(7, "Rumah tetangga kami nyaris roboh, penghuninya lansia. Apakah bisa diusulkan bantuan rutilahu?"),
    // 8 Satpol PP
    t(8, "PKL di trotoar {jalan} makin banyak, pejalan kaki terpaksa turun ke jalan. Mohon ditertibkan."),
    t(8, "Ada spanduk dan reklame liar menutupi rambu di {jalan}."),
    t(8, "Tempat hiburan malam di {kec} buka sampai subuh dan berisik, warga tidak bisa tidur."),
    t(8, "Bangunan liar berdiri di atas saluran air di {jalan}, air jadi tidak mengalir."),
    // 9 BPBD
    t(9, "Banjir setinggi lutut di {rt} Kel. {kel} sejak tengah malam, ada lansia yang perlu dievakuasi!"),
    t(9, "Pohon tumbang menutup {jalan}, kendaraan tidak bisa lewat. Mohon bantuan segera."),
    t(9, "Tanggul kali di Kel. {kel} retak dan rembes, warga khawatir jebol kalau hujan deras lagi."),
    t(9, "Genangan di underpass Bulak Kapal sudah sepinggang, motor banyak yang mogok."),
    // 10 RSUD
    t(10, "Antrean pendaftaran di RSUD dari jam 6 pagi, baru dipanggil jam 12. Sistem online tidak jalan."),
    t(10, "Ibu saya di IGD RSUD sudah 8 jam belum dapat kamar rawat. Mohon dibantu."),
    t(10, "Petugas loket RSUD kurang ramah ke pasien BPJS. Mohon dievaluasi pelayanannya."),
    q(10, "Min, jadwal poli jantung RSUD hari apa saja ya?"),
    // 11 Tirta Patriot
    t(11, "Air PDAM di {rt} Kel. {kel} mati sudah {lama} tanpa pemberitahuan. Warga harus beli air galon untuk mandi."),
    t(11, "Air PDAM keruh dan berbau sejak kemarin di Kel. {kel}."),
    t(11, "Tagihan air bulan ini naik tiga kali lipat padahal pemakaian biasa. Mohon dicek meterannya."),
    t(11, "Pipa bocor di {jalan}, air muncrat ke jalan dari semalam."),
    q(11, "Min, pasang sambungan baru PDAM di {kec} prosedurnya bagaimana?"),
    // 12 Tata Ruang
    t(12, "Ada bangunan ruko baru di {jalan} yang makan bahu jalan, apakah sudah punya PBG?"),
    t(12, "Tower di tengah permukiman {rt} Kel. {kel} dibangun tanpa sosialisasi ke warga."),
    q(12, "Min, mengurus PBG untuk rumah tinggal sekarang lewat mana?"),
    // 13 Kecamatan Bekasi Timur
    t(13, "Pelayanan di kantor Kelurahan Duren Jaya lambat, mengurus surat pengantar saja harus bolak-balik tiga kali."),
    t(13, "Pegawai kelurahan di Bekasi Timur minta uang untuk surat keterangan domisili. Apakah memang ada biayanya?"),
    q(13, "Min, kantor Kecamatan Bekasi Timur hari Sabtu buka tidak?"),
    // 14 Kecamatan Bekasi Utara
    t(14, "Jalan lingkungan di Kel. Harapan Jaya dipakai parkir truk tiap malam, warga susah lewat."),
    q(14, "Kapan jadwal pelayanan keliling perekaman KTP di Kecamatan Bekasi Utara?"),
];

/// Texts as they come from WhatsApp: several lines, a `;` and quotes (a CSV must quote them).
const MULTILINE: &[Tpl] = &[
    t(11, "Selamat pagi Min.\nMau lapor: air PDAM di {rt} Kel. {kel} mati lagi; ini sudah kali ketiga minggu ini.\nKata petugas \"sedang ada perbaikan\", tapi tidak ada pemberitahuan."),
    t(1, "Lapor Min!\nJalan {jalan} berlubang; kemarin malam ada ibu-ibu jatuh dari motor.\nWarga sudah pasang tanda \"AWAS LUBANG\" pakai ban bekas."),
    t(2, "Assalamualaikum, saya warga {rt} Kel. {kel}.\nSampah sudah {lama} tidak diangkut; petugas bilang \"truknya rusak\".\nMohon solusinya, sudah banyak lalat."),
    q(5, "Min, mau tanya:\n1) syarat pindah domisili ke Kota Bekasi apa saja;\n2) apakah bisa diurus di kecamatan?\nTerima kasih \"Admin\" :)"),
    t(9, "Tolong Min!\nBanjir masuk rumah di Kel. {kel}; air sudah sepaha.\nAda nenek yang \"stroke\" belum bisa keluar rumah."),
];

const JALAN: &[&str] = &[
    "Jl. Ahmad Yani",
    "Jl. KH. Noer Ali",
    "Jl. Cut Meutia",
    "Jl. Ir. H. Juanda",
    "Jl. Siliwangi",
    "Jl. Joyo Martono",
    "Jl. Pekayon Raya",
    "Jl. Kemakmuran",
    "Jl. Chairil Anwar",
    "Jl. Raya Narogong",
    "Jl. Sultan Agung",
    "Jl. Pramuka",
    "Jl. Mayor Oking",
    "Jl. Raya Hankam",
    "Jl. Jatiwaringin Raya",
    "Jl. Kalimalang",
    "Jl. Perjuangan",
    "Jl. Pahlawan",
    "Jl. Raya Jatiasih",
    "Jl. Caman Raya",
];
const KELURAHAN: &[&str] = &[
    "Margahayu",
    "Aren Jaya",
    "Duren Jaya",
    "Bekasi Jaya",
    "Harapan Jaya",
    "Kaliabang Tengah",
    "Perwira",
    "Teluk Pucung",
    "Kranji",
    "Bintara",
    "Jakasampurna",
    "Pekayon Jaya",
    "Jakamulya",
    "Pengasinan",
    "Bojong Rawalumbu",
    "Sepanjang Jaya",
    "Mustikajaya",
    "Jatiasih",
    "Jatikramat",
    "Jatisampurna",
    "Jatibening",
    "Jatiwaringin",
    "Harapan Mulya",
    "Kayuringin Jaya",
    "Margajaya",
];
const KECAMATAN: &[&str] = &[
    "Bekasi Timur",
    "Bekasi Barat",
    "Bekasi Utara",
    "Bekasi Selatan",
    "Medan Satria",
    "Rawalumbu",
    "Bantargebang",
    "Mustika Jaya",
    "Jatiasih",
    "Jatisampurna",
    "Pondok Gede",
    "Pondok Melati",
];
const LAMA: &[&str] = &[
    "2 hari",
    "3 hari",
    "seminggu",
    "lebih dari seminggu",
    "dua minggu",
    "sebulan",
];

const FIRST: &[&str] = &[
    "Budi", "Ahmad", "Rina", "Agus", "Dian", "Yuni", "Hendra", "Sri", "Wahyu", "Rudi", "Ani",
    "Bambang", "Eko", "Lestari", "Nur", "Putri", "Andi", "Dodi", "Maya", "Rahmat", "Tuti", "Yanti",
    "Iwan", "Fitri", "Joko", "Lina", "Asep", "Ujang", "Neneng", "Cecep", "Euis", "Rizal",
];
const LAST: &[&str] = &[
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Kusuma",
    "Lestari",
    "Setiawan",
    "Nugraha",
    "Permana",
    "Rahayu",
    "Suryadi",
    "Hakim",
    "Firmansyah",
    "Gunawan",
    "Maulana",
    "Purnama",
    "Sulistyo",
    "Hartono",
    "Siregar",
    "Nasution",
    "Lubis",
    "Manurung",
    "Sopandi",
    "Kurniasih",
];
const HANDLE_A: &[&str] = &[
    "warga", "wargabks", "bekasi", "kang", "teh", "bang", "mak", "ayah", "bunda", "anak", "ojol",
    "pejuang", "mas", "mbak", "kak", "si",
];
const HANDLE_B: &[&str] = &[
    "rudi",
    "dian",
    "jaya",
    "timur",
    "utara",
    "galaxy",
    "harapan",
    "rawalumbu",
    "pekayon",
    "kranji",
    "bintara",
    "asep",
    "neneng",
    "ujang",
    "santai",
    "receh",
    "kopi",
    "senja",
    "motor",
    "pagi",
];
const WA_PREFIX: &[&str] = &[
    "0812", "0813", "0821", "0822", "0852", "0857", "0858", "0877", "0878", "0895", "0896",
];

/// Admins by shift: (morning, evening).
const ADMINS_PAGI: &[&str] = &["Rizky Pratama", "Dewi Anggraini"];
const ADMINS_SORE: &[&str] = &["Fajar Nugroho", "Intan Permatasari"];

const BULAN: &[&str] = &[
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const BLN: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// Posting-hour weights (0..24), peaks in the morning and the evening.
const HOUR_W: [u32; 24] = [
    10, 5, 3, 3, 5, 15, 40, 70, 80, 70, 60, 50, 50, 50, 50, 50, 60, 60, 60, 70, 70, 60, 40, 20,
];

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Channel {
    Twitter,
    Facebook,
    Instagram,
    WhatsApp,
}

#[derive(Clone)]
struct Item {
    id: String,
    posted: NaiveDateTime,
    reported: NaiveDateTime,
    disposed: NaiveDateTime,
    /// `Some` for items forwarded to a department.
    forwarded: Option<NaiveDateTime>,
    /// Department spelling used in the exports (empty for answered items).
    dept: String,
    /// Index into `DEPTS` of the department (meaningful for forwarded items).
    dept_idx: usize,
    /// Planted conflict: the spelling shown in the item's first export only.
    dept_early: Option<String>,
    channel: Channel,
    kind: &'static str,
    account: String,
    text: String,
    url: String,
    admin: &'static str,
    /// Random bits for rendering choices (channel spelling, an empty disposition cell).
    salt: u64,
}

impl Item {
    fn forward(&self) -> bool {
        self.forwarded.is_some()
    }
    fn done_at(&self) -> NaiveDateTime {
        self.forwarded.unwrap_or(self.disposed)
    }
}

fn minutes(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_hms_opt(h, m, 0).expect("valid time")
}

fn fill(rng: &mut Rng, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find('}').expect("closed slot") + i;
        match &rest[i + 1..j] {
            "jalan" => out.push_str(rng.pick_str(JALAN)),
            "kel" => out.push_str(rng.pick_str(KELURAHAN)),
            "kec" => out.push_str(rng.pick_str(KECAMATAN)),
            "lama" => out.push_str(rng.pick_str(LAMA)),
            "num" => write!(out, "{}", rng.range(1, 40)).unwrap(),
            "rt" => write!(out, "RT {:02}/RW {:02}", rng.range(1, 12), rng.range(1, 15)).unwrap(),
            other => panic!("unknown slot {other}"),
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

fn handle(rng: &mut Rng) -> String {
    let mut h = String::new();
    h.push_str(rng.pick_str(HANDLE_A));
    h.push_str(rng.pick_str(&["_", "", ".", "_"]));
    h.push_str(rng.pick_str(HANDLE_B));
    if rng.chance(0.6) {
        write!(h, "{}", rng.range(1, 2009)).unwrap();
    }
    h.replace("..", ".")
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Admin monitoring hours (minutes of the day): weekdays 06.00–22.30, weekends 07.00–21.00.
fn duty(d: NaiveDate) -> (u32, u32) {
    if is_weekend(d) {
        (7 * 60, 21 * 60)
    } else {
        (6 * 60, 22 * 60 + 30)
    }
}

fn pickup_delay(rng: &mut Rng, posted: NaiveDateTime) -> NaiveDateTime {
    let mins = posted.hour() * 60 + posted.minute();
    let (start, end) = duty(posted.date());
    if (start..end).contains(&mins) {
        if rng.chance(0.025) {
            // late: 61 min .. 5 h
            posted + minutes(61 + (rng.unit().powi(2) * 240.0) as i64)
        } else {
            posted + minutes(2 + (rng.unit().powf(1.6) * 56.0) as i64)
        }
    } else {
        // nobody on duty: picked up when the next shift starts
        let day = if mins >= end {
            posted.date().succ_opt().unwrap()
        } else {
            posted.date()
        };
        let s = duty(day).0;
        let t = at(day, s / 60, s % 60) + minutes(rng.range(0, 90));
        if t <= posted + minutes(1) {
            posted + minutes(rng.range(2, 30))
        } else {
            t
        }
    }
}

/// When the Kasi gave the disposition. The Kasi answers within minutes while on duty
/// (weekdays 05.30–24.00, weekends 07.00–20.30); otherwise at the start of the next duty.
fn disposition_delay(rng: &mut Rng, reported: NaiveDateTime) -> NaiveDateTime {
    let kasi = |d: NaiveDate| {
        if is_weekend(d) {
            (7 * 60, 20 * 60 + 30)
        } else {
            (5 * 60 + 30, 24 * 60)
        }
    };
    let mins = reported.hour() * 60 + reported.minute();
    let (start, end) = kasi(reported.date());
    if !(start..end).contains(&mins) {
        let day = if mins >= end {
            reported.date().succ_opt().unwrap()
        } else {
            reported.date()
        };
        let s = kasi(day).0;
        let t = at(day, s / 60, s % 60) + minutes(rng.range(0, 20));
        if t > reported {
            return t;
        }
    }
    reported
        + minutes(if rng.chance(0.9) {
            1 + (rng.unit().powf(1.3) * 10.0) as i64
        } else {
            11 + (rng.unit().powi(2) * 80.0) as i64
        })
}

/// When the department's sub admin received a forwarded item. Sub admins do not read
/// forwarded items on Sunday evenings: those wait for Monday morning.
fn receipt_delay(rng: &mut Rng, disposed: NaiveDateTime) -> NaiveDateTime {
    if disposed.weekday() == Weekday::Sun && disposed.hour() >= 18 {
        let monday = disposed.date().succ_opt().unwrap();
        return at(monday, 7, 0) + minutes(rng.range(0, 60));
    }
    disposed
        + minutes(if rng.chance(0.88) {
            1 + (rng.unit().powf(1.3) * 15.0) as i64
        } else {
            16 + (rng.unit().powi(2) * 165.0) as i64
        })
}

fn admin_for(rng: &mut Rng, reported: NaiveDateTime) -> &'static str {
    let h = reported.hour();
    if (14..23).contains(&h) {
        rng.pick_str(ADMINS_SORE)
    } else {
        rng.pick_str(ADMINS_PAGI)
    }
}

struct IdSeq {
    year: i32,
    n: u64,
}

/// Generates the items posted in the week starting on `monday`, sorted by posting time.
fn gen_week(rng: &mut Rng, monday: NaiveDate, per_day: u32, seq: &mut IdSeq) -> Vec<Item> {
    let lo = ((per_day as f64) * 0.70).round().max(1.0) as i64;
    let hi = ((per_day as f64) * 1.35).round().max(lo as f64) as i64;
    let mut posts: Vec<NaiveDateTime> = Vec::new();
    for d in 0..7 {
        let day = monday + TimeDelta::days(d);
        let n = rng.range(lo, hi);
        for _ in 0..n {
            let h = rng.weighted(&HOUR_W) as u32;
            let m = rng.below(60) as u32;
            posts.push(at(day, h, m));
        }
    }
    posts.sort();
    make_items(rng, posts, seq)
}

/// Generates the items of one week posted at `posts` (sorted): ids, channels, texts and the
/// true times of every step.
fn make_items(rng: &mut Rng, posts: Vec<NaiveDateTime>, seq: &mut IdSeq) -> Vec<Item> {
    let mut items = Vec::with_capacity(posts.len());
    for (i, posted) in posts.into_iter().enumerate() {
        if posted.year() != seq.year {
            seq.year = posted.year();
            seq.n = 0;
        }
        seq.n += 1;
        let id = format!("MS-{}-{:06}", seq.year, seq.n);

        let channel = match rng.weighted(&[35, 20, 25, 20]) {
            0 => Channel::Twitter,
            1 => Channel::Facebook,
            2 => Channel::Instagram,
            _ => Channel::WhatsApp,
        };
        let question = rng.chance(0.25);
        // the 4th item of every week is a multi-line WhatsApp-style text (see README)
        let tpl = if i == 3 || rng.chance(0.02) {
            rng.pick(MULTILINE)
        } else {
            loop {
                let c = rng.pick(TEMPLATES);
                if c.question == question {
                    break c;
                }
            }
        };
        let kind = if tpl.question {
            "Pertanyaan"
        } else if rng.chance(0.6) {
            "Pengaduan"
        } else {
            "Laporan"
        };
        let text = fill(rng, tpl.text);
        let (account, url) = match channel {
            Channel::Twitter => {
                let h = handle(rng);
                let url = format!(
                    "https://x.com/{h}/status/{}",
                    1_850_000_000_000_000_000u64 + rng.below(99_999_999_999_999_999)
                );
                (format!("@{h}"), url)
            }
            Channel::Instagram => {
                let h = handle(rng);
                const B64: &[u8] =
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                let code: String = (0..11)
                    .map(|_| B64[rng.below(64) as usize] as char)
                    .collect();
                (
                    format!("@{h}"),
                    format!("https://www.instagram.com/p/{code}/"),
                )
            }
            Channel::Facebook => {
                let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
                let url = format!(
                    "https://www.facebook.com/pemkotbekasi/posts/{}",
                    1_000_000_000_000_000u64 + rng.below(8_999_999_999_999_999)
                );
                (name, url)
            }
            Channel::WhatsApp => {
                let num = format!("{}-xxxx-{:04}", rng.pick(WA_PREFIX), rng.below(10_000));
                (num, String::new())
            }
        };
        let reported = pickup_delay(rng, posted);
        let admin = admin_for(rng, reported);
        let disposed = disposition_delay(rng, reported);
        let forward = if tpl.question {
            rng.chance(0.2)
        } else {
            rng.chance(0.85)
        };
        let (forwarded, dept) = if forward {
            let f = receipt_delay(rng, disposed);
            let d = &DEPTS[tpl.dept];
            let spelling = if rng.chance(0.25) {
                rng.pick_str(d.variants)
            } else {
                d.name
            };
            (Some(f), spelling.to_string())
        } else {
            (None, String::new())
        };
        let salt = rng.next_u64();
        items.push(Item {
            id,
            posted,
            reported,
            disposed,
            forwarded,
            dept,
            dept_idx: tpl.dept,
            dept_early: None,
            channel,
            kind,
            account,
            text,
            url,
            admin,
            salt,
        });
    }
    items
}

// ---------------------------------------------------------------------------------------------
// Rows of one export
// ---------------------------------------------------------------------------------------------

#[derive(Clone)]
enum Ts {
    Empty,
    At(NaiveDateTime),
    Raw(String),
}

impl Ts {
    fn visible(t: NaiveDateTime, export_at: NaiveDateTime) -> Ts {
        if t <= export_at {
            Ts::At(t)
        } else {
            Ts::Empty
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum RowKind {
    Data,
    Blank,
    Totals,
}

struct Row {
    kind: RowKind,
    no: u32,
    id: String,
    channel: Channel,
    salt: u64,
    item_kind: &'static str,
    account: String,
    text: String,
    url: String,
    posted: Ts,
    reported: Ts,
    disposed: Ts,
    forwarded: Ts,
    /// `Some(true)` forward, `Some(false)` answer, `None` not yet disposed.
    disposition: Option<bool>,
    dept: String,
    admin: String,
    /// Count written in a totals row.
    total: u32,
    // bookkeeping
    fresh: bool,
    complete: bool,
    in_prev: bool,
    in_next: bool,
}

fn build_row(item: &Item, export_at: NaiveDateTime, fresh: bool, in_prev: bool) -> Row {
    let disposed_visible = item.disposed <= export_at;
    let reported_visible = item.reported <= export_at;
    let dept = if !disposed_visible || !item.forward() {
        String::new()
    } else if fresh && item.dept_early.is_some() {
        item.dept_early.clone().unwrap()
    } else {
        item.dept.clone()
    };
    let complete = item.done_at() <= export_at;
    Row {
        kind: RowKind::Data,
        no: 0,
        id: item.id.clone(),
        channel: item.channel,
        salt: item.salt,
        item_kind: item.kind,
        account: item.account.clone(),
        text: item.text.clone(),
        url: item.url.clone(),
        posted: Ts::At(item.posted),
        reported: Ts::visible(item.reported, export_at),
        disposed: Ts::visible(item.disposed, export_at),
        forwarded: item
            .forwarded
            .map_or(Ts::Empty, |f| Ts::visible(f, export_at)),
        disposition: if disposed_visible {
            Some(item.forward())
        } else {
            None
        },
        dept,
        admin: if reported_visible {
            item.admin.to_string()
        } else {
            String::new()
        },
        total: 0,
        fresh,
        complete,
        in_prev,
        in_next: !complete,
    }
}

fn marker_row(kind: RowKind) -> Row {
    Row {
        kind,
        no: 0,
        id: String::new(),
        channel: Channel::Twitter,
        salt: 0,
        item_kind: "",
        account: String::new(),
        text: String::new(),
        url: String::new(),
        posted: Ts::Empty,
        reported: Ts::Empty,
        disposed: Ts::Empty,
        forwarded: Ts::Empty,
        disposition: None,
        dept: String::new(),
        admin: String::new(),
        total: 0,
        fresh: false,
        complete: false,
        in_prev: false,
        in_next: false,
    }
}

// ---------------------------------------------------------------------------------------------
// Layouts: how each week's export looks
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Col {
    No,
    Id,
    Posted,
    PostedDate,
    PostedTime,
    Channel,
    Kind,
    Account,
    Text,
    Url,
    Reported,
    Disposed,
    Disposition,
    Dept,
    Forwarded,
    Admin,
}

#[derive(Clone, Copy, PartialEq)]
enum TsStyle {
    /// `05/10/2026 07.32` (Excel, Indonesian locale)
    DmyDot,
    /// `05/10/2026 07:32`
    DmyColon,
    /// `5 Okt 2026 07.32`
    MonShort,
}

struct Layout {
    xlsx: bool,
    /// XLSX: timestamps as native date-time cells (else text in `style`).
    native: bool,
    style: TsStyle,
    /// `Tanggal Posting` / `Jam Posting` as native date and time cells.
    split_native: bool,
    /// Title rows above the header, then optionally one empty row.
    titles: Vec<String>,
    gap_row: bool,
    /// Header names; `"Waktu|Posting"` makes a two-row header with a merged `Waktu` group.
    cols: Vec<(Col, &'static str)>,
    sheet: &'static str,
    notes_sheet: bool,
    fwd_word: &'static str,
    ans_word: &'static str,
    /// Some forwarded rows leave the disposition cell empty (department filled).
    blank_disposition: bool,
}

impl Layout {
    fn two_row(&self) -> bool {
        self.cols.iter().any(|(_, h)| h.contains('|'))
    }
    fn header_rows(&self) -> u32 {
        if self.two_row() {
            2
        } else {
            1
        }
    }
    /// 1-based spreadsheet row of the (first) header row.
    fn header_row(&self) -> u32 {
        self.titles.len() as u32 + u32::from(self.gap_row) + 1
    }
    fn first_data_row(&self) -> u32 {
        self.header_row() + self.header_rows()
    }
    fn header_name(&self, col: Col) -> String {
        self.cols
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, h)| h.replace('|', " "))
            .unwrap_or_default()
    }
    fn channel_name(&self, ch: Channel, salt: u64, k: usize) -> &'static str {
        let v = ((salt >> 8) as usize + k) % 2;
        match ch {
            Channel::Twitter => ["Twitter", "X"][v],
            Channel::Facebook => ["Facebook", "FB"][v],
            Channel::Instagram => ["Instagram", "IG"][v],
            Channel::WhatsApp => ["WhatsApp", "WA"][v],
        }
    }
}

fn periode_long(mon: NaiveDate, sun: NaiveDate) -> String {
    let (m1, m2) = (BULAN[mon.month0() as usize], BULAN[sun.month0() as usize]);
    if mon.year() != sun.year() {
        format!(
            "{} {} {} – {} {} {}",
            mon.day(),
            m1,
            mon.year(),
            sun.day(),
            m2,
            sun.year()
        )
    } else if mon.month() != sun.month() {
        format!("{} {} – {} {} {}", mon.day(), m1, sun.day(), m2, sun.year())
    } else {
        format!("{} – {} {} {}", mon.day(), sun.day(), m2, sun.year())
    }
}

fn periode_short(mon: NaiveDate, sun: NaiveDate) -> String {
    let (m1, m2) = (BLN[mon.month0() as usize], BLN[sun.month0() as usize]);
    if mon.year() != sun.year() {
        format!(
            "{} {} {}-{} {} {}",
            mon.day(),
            m1,
            mon.year(),
            sun.day(),
            m2,
            sun.year()
        )
    } else if mon.month() != sun.month() {
        format!("{} {}-{} {} {}", mon.day(), m1, sun.day(), m2, sun.year())
    } else {
        format!("{}-{} {} {}", mon.day(), sun.day(), m2, sun.year())
    }
}

fn layout_for(k: usize, mon: NaiveDate, sun: NaiveDate) -> Layout {
    use Col::*;
    let per = format!("Periode {}", periode_long(mon, sun));
    let standard = vec![
        (No, "No"),
        (Id, "No Tiket"),
        (Posted, "Waktu Posting"),
        (Channel, "Kanal"),
        (Kind, "Jenis"),
        (Account, "Akun Pelapor"),
        (Text, "Isi Laporan"),
        (Url, "Tautan"),
        (Reported, "Waktu Lapor ke Kasi"),
        (Disposed, "Waktu Disposisi"),
        (Disposition, "Disposisi"),
        (Dept, "Perangkat Daerah"),
        (Forwarded, "Waktu Diteruskan"),
        (Admin, "Admin"),
    ];
    let base = Layout {
        xlsx: true,
        native: true,
        style: TsStyle::DmyColon,
        split_native: false,
        titles: vec![],
        gap_row: false,
        cols: standard.clone(),
        sheet: "Rekap",
        notes_sheet: false,
        fwd_word: "Teruskan",
        ans_word: "Jawab Langsung",
        blank_disposition: false,
    };
    match k % 8 {
        // XLSX, 3 title rows + an empty row, native date-times, a notes sheet
        0 => Layout {
            titles: vec![
                "PEMERINTAH KOTA BEKASI".into(),
                "REKAP PENGADUAN MEDIA SOSIAL".into(),
                per,
            ],
            gap_row: true,
            notes_sheet: true,
            ..base
        },
        // CSV, dd/mm/yyyy HH.MM
        1 => Layout {
            xlsx: false,
            native: false,
            style: TsStyle::DmyDot,
            fwd_word: "Diteruskan ke PD",
            ans_word: "Dijawab",
            ..base
        },
        // XLSX, two-row header with a merged "Waktu" group
        2 => Layout {
            titles: vec![
                "REKAP PENGADUAN MEDIA SOSIAL DISKOMINFOSTANDI KOTA BEKASI".into(),
                per,
            ],
            cols: vec![
                (No, "No"),
                (Id, "No Tiket"),
                (Channel, "Kanal"),
                (Kind, "Jenis"),
                (Account, "Akun Pelapor"),
                (Text, "Isi Laporan"),
                (Url, "Tautan"),
                (Posted, "Waktu|Posting"),
                (Reported, "Waktu|Lapor"),
                (Disposed, "Waktu|Disposisi"),
                (Forwarded, "Waktu|Diteruskan"),
                (Disposition, "Disposisi"),
                (Dept, "Perangkat Daerah"),
                (Admin, "Admin"),
            ],
            sheet: "Data",
            ans_word: "Dijawab",
            blank_disposition: true,
            ..base
        },
        // CSV, "5 Okt 2026 07.32", other header spellings
        3 => Layout {
            xlsx: false,
            native: false,
            style: TsStyle::MonShort,
            cols: vec![
                (No, "No."),
                (Id, "No. Tiket"),
                (Posted, "Waktu Posting"),
                (Channel, "Media Sosial"),
                (Kind, "Jenis Laporan"),
                (Account, "Akun"),
                (Text, "Isi"),
                (Url, "Link"),
                (Reported, "Waktu Lapor"),
                (Disposed, "Waktu Disposisi"),
                (Disposition, "Tindakan"),
                (Dept, "OPD"),
                (Forwarded, "Waktu Diterima PD"),
                (Admin, "Petugas"),
            ],
            ..base
        },
        // XLSX, date and time of posting in two columns, other timestamps as text
        4 => Layout {
            native: false,
            style: TsStyle::DmyColon,
            split_native: true,
            titles: vec![
                "PEMERINTAH KOTA BEKASI".into(),
                format!("Rekap Pengaduan Medsos – {per}"),
            ],
            gap_row: true,
            cols: vec![
                (No, "No"),
                (Id, "No Tiket"),
                (PostedDate, "Tanggal Posting"),
                (PostedTime, "Jam Posting"),
                (Channel, "Kanal"),
                (Kind, "Jenis"),
                (Account, "Akun Pelapor"),
                (Text, "Isi Laporan"),
                (Url, "Tautan"),
                (Reported, "Waktu Lapor ke Kasi"),
                (Disposed, "Waktu Disposisi"),
                (Disposition, "Disposisi"),
                (Dept, "Perangkat Daerah"),
                (Forwarded, "Waktu Diteruskan"),
                (Admin, "Admin"),
            ],
            sheet: "Rekap Mingguan",
            fwd_word: "Diteruskan ke PD",
            ..base
        },
        // CSV with a title line, columns in another order
        5 => Layout {
            xlsx: false,
            native: false,
            style: TsStyle::DmyDot,
            titles: vec![format!("Rekap Pengaduan Medsos {}", periode_long(mon, sun))],
            cols: vec![
                (No, "No"),
                (Id, "No Tiket"),
                (Channel, "Kanal"),
                (Kind, "Jenis"),
                (Posted, "Waktu Posting"),
                (Account, "Akun Pelapor"),
                (Text, "Isi Laporan"),
                (Url, "Tautan"),
                (Admin, "Admin"),
                (Reported, "Waktu Lapor ke Kasi"),
                (Disposed, "Waktu Disposisi"),
                (Disposition, "Disposisi"),
                (Dept, "Perangkat Daerah"),
                (Forwarded, "Waktu Diteruskan"),
            ],
            ans_word: "Dijawab",
            ..base
        },
        // XLSX, 3 title rows, native date-times (blank row, totals row in the default run)
        6 => Layout {
            titles: vec![
                "PEMERINTAH KOTA BEKASI".into(),
                "DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN".into(),
                format!("REKAP PENGADUAN MEDIA SOSIAL – {}", per.to_uppercase()),
            ],
            cols: vec![
                (No, "No"),
                (Id, "No Tiket"),
                (Channel, "Kanal"),
                (Kind, "Jenis"),
                (Posted, "Waktu Posting"),
                (Account, "Akun Pelapor"),
                (Text, "Isi Laporan"),
                (Url, "Tautan"),
                (Reported, "Waktu Lapor ke Kasi"),
                (Disposed, "Waktu Disposisi"),
                (Disposition, "Disposisi"),
                (Dept, "Perangkat Daerah"),
                (Forwarded, "Waktu Diteruskan"),
                (Admin, "Admin"),
            ],
            ..base
        },
        // XLSX, 2 title rows, other header aliases
        _ => Layout {
            titles: vec!["REKAP PENGADUAN MEDIA SOSIAL".into(), per],
            cols: vec![
                (No, "No"),
                (Id, "Nomor Tiket"),
                (Posted, "Waktu Pengaduan"),
                (Channel, "Media"),
                (Kind, "Kategori"),
                (Account, "Pelapor"),
                (Text, "Uraian"),
                (Url, "Link"),
                (Reported, "Waktu Disampaikan"),
                (Disposed, "Waktu Disposisi"),
                (Disposition, "Tindak Lanjut Kasi"),
                (Dept, "PD Tujuan"),
                (Forwarded, "Waktu Diterima PD"),
                (Admin, "Petugas"),
            ],
            fwd_word: "Diteruskan",
            ans_word: "Dijawab Langsung",
            ..base
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

enum Cell {
    Empty,
    Str(String),
    Num(f64),
    DateTime(NaiveDateTime),
    Date(NaiveDate),
    Time(u32, u32),
}

fn fmt_ts(t: NaiveDateTime, style: TsStyle) -> String {
    match style {
        TsStyle::DmyDot => format!(
            "{:02}/{:02}/{} {:02}.{:02}",
            t.day(),
            t.month(),
            t.year(),
            t.hour(),
            t.minute()
        ),
        TsStyle::DmyColon => format!(
            "{:02}/{:02}/{} {:02}:{:02}",
            t.day(),
            t.month(),
            t.year(),
            t.hour(),
            t.minute()
        ),
        TsStyle::MonShort => format!(
            "{} {} {} {:02}.{:02}",
            t.day(),
            BLN[t.month0() as usize],
            t.year(),
            t.hour(),
            t.minute()
        ),
    }
}

fn ts_cell(ts: &Ts, lay: &Layout) -> Cell {
    match ts {
        Ts::Empty => Cell::Empty,
        Ts::Raw(s) => Cell::Str(s.clone()),
        Ts::At(t) if lay.xlsx && lay.native => Cell::DateTime(*t),
        Ts::At(t) => Cell::Str(fmt_ts(*t, lay.style)),
    }
}

fn text_cell(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Str(s.to_string())
    }
}

fn cell_for(row: &Row, col: Col, lay: &Layout, k: usize) -> Cell {
    match row.kind {
        RowKind::Blank => {
            return if col == Col::No {
                Cell::Num(row.no as f64)
            } else {
                Cell::Empty
            };
        }
        RowKind::Totals => {
            return match col {
                _ if col == lay.cols[0].0 => Cell::Str("Jumlah".into()),
                Col::Id => Cell::Num(row.total as f64),
                _ => Cell::Empty,
            };
        }
        RowKind::Data => {}
    }
    match col {
        Col::No => Cell::Num(row.no as f64),
        Col::Id => text_cell(&row.id),
        Col::Posted => ts_cell(&row.posted, lay),
        Col::PostedDate => match &row.posted {
            Ts::At(t) if lay.xlsx && lay.split_native => Cell::Date(t.date()),
            Ts::At(t) => Cell::Str(format!("{:02}/{:02}/{}", t.day(), t.month(), t.year())),
            Ts::Raw(s) => Cell::Str(s.clone()),
            Ts::Empty => Cell::Empty,
        },
        Col::PostedTime => match &row.posted {
            Ts::At(t) if lay.xlsx && lay.split_native => Cell::Time(t.hour(), t.minute()),
            Ts::At(t) => Cell::Str(format!("{:02}.{:02}", t.hour(), t.minute())),
            _ => Cell::Empty,
        },
        Col::Channel => Cell::Str(lay.channel_name(row.channel, row.salt, k).into()),
        Col::Kind => text_cell(row.item_kind),
        Col::Account => text_cell(&row.account),
        Col::Text => text_cell(&row.text),
        Col::Url => text_cell(&row.url),
        Col::Reported => ts_cell(&row.reported, lay),
        Col::Disposed => ts_cell(&row.disposed, lay),
        Col::Disposition => match row.disposition {
            Some(true) if lay.blank_disposition && (row.salt >> 20) % 100 < 8 => Cell::Empty,
            Some(true) => Cell::Str(lay.fwd_word.into()),
            Some(false) => Cell::Str(lay.ans_word.into()),
            None => Cell::Empty,
        },
        Col::Dept => text_cell(&row.dept),
        Col::Forwarded => ts_cell(&row.forwarded, lay),
        Col::Admin => text_cell(&row.admin),
    }
}

// ---------------------------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------------------------

fn csv_field(out: &mut String, s: &str) {
    if s.contains([';', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn csv_text(cell: &Cell, lay: &Layout) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Str(s) => s.clone(),
        Cell::Num(n) => format!("{}", *n as i64),
        Cell::DateTime(t) => fmt_ts(*t, lay.style),
        Cell::Date(d) => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Cell::Time(h, m) => format!("{h:02}.{m:02}"),
    }
}

fn write_csv(path: &Path, lay: &Layout, rows: &[Row], k: usize) -> io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    w.write_all("\u{FEFF}".as_bytes())?;
    let n = lay.cols.len();
    let mut line = String::new();
    for title in &lay.titles {
        line.clear();
        csv_field(&mut line, title);
        line.push_str(&";".repeat(n - 1));
        line.push_str("\r\n");
        w.write_all(line.as_bytes())?;
    }
    if lay.gap_row {
        w.write_all(format!("{}\r\n", ";".repeat(n - 1)).as_bytes())?;
    }
    line.clear();
    for (i, (_, h)) in lay.cols.iter().enumerate() {
        if i > 0 {
            line.push(';');
        }
        csv_field(&mut line, &h.replace('|', " "));
    }
    line.push_str("\r\n");
    w.write_all(line.as_bytes())?;
    for row in rows {
        line.clear();
        for (i, (col, _)) in lay.cols.iter().enumerate() {
            if i > 0 {
                line.push(';');
            }
            csv_field(&mut line, &csv_text(&cell_for(row, *col, lay, k), lay));
        }
        line.push_str("\r\n");
        w.write_all(line.as_bytes())?;
    }
    w.flush()
}

fn excel_dt(t: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)?.and_hms(
        t.hour() as u16,
        t.minute() as u8,
        t.second(),
    )
}

fn col_width(col: Col) -> f64 {
    match col {
        Col::No => 5.0,
        Col::Id => 16.0,
        Col::Posted | Col::Reported | Col::Disposed | Col::Forwarded => 17.0,
        Col::PostedDate => 12.0,
        Col::PostedTime => 7.0,
        Col::Channel => 10.0,
        Col::Kind => 11.0,
        Col::Account => 22.0,
        Col::Text => 60.0,
        Col::Url => 30.0,
        Col::Disposition => 17.0,
        Col::Dept => 34.0,
        Col::Admin => 18.0,
    }
}

struct XlsxMeta<'a> {
    title: String,
    created: NaiveDateTime,
    notes: &'a [&'a str],
}

fn write_xlsx(
    path: &Path,
    lay: &Layout,
    rows: &[Row],
    k: usize,
    meta: &XlsxMeta,
) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    // a fixed creation time (the export moment, in UTC) keeps the bytes reproducible
    let created = excel_dt(meta.created - TimeDelta::hours(7))?;
    let props = DocProperties::new()
        .set_title(&meta.title)
        .set_author("Admin Medsos Diskominfostandi")
        .set_company("Pemerintah Kota Bekasi")
        .set_comment("Data sintetis untuk contoh (dibuat oleh make_sample_data); bukan data warga sebenarnya.")
        .set_creation_datetime(&created);
    wb.set_properties(&props);

    let border = Format::new().set_border(FormatBorder::Thin);
    let f_title = Format::new().set_bold().set_font_size(14);
    let f_sub = Format::new().set_bold();
    let f_head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let f_text = border.clone().set_text_wrap().set_align(FormatAlign::Top);
    let f_cell = border.clone().set_align(FormatAlign::Top);
    let f_dt = f_cell.clone().set_num_format("dd/mm/yyyy hh:mm");
    let f_date = f_cell.clone().set_num_format("dd/mm/yyyy");
    let f_time = f_cell.clone().set_num_format("hh:mm");
    let f_total = Format::new().set_bold().set_border(FormatBorder::Thin);

    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name(lay.sheet)?;
    let ncols = lay.cols.len() as u16;
    for (c, (col, _)) in lay.cols.iter().enumerate() {
        ws.set_column_width(c as u16, col_width(*col))?;
    }
    let mut r: u32 = 0;
    for (i, title) in lay.titles.iter().enumerate() {
        let f = if i == 0 { &f_title } else { &f_sub };
        ws.merge_range(r, 0, r, ncols - 1, title, f)?;
        r += 1;
    }
    if lay.gap_row {
        r += 1;
    }
    // header
    if lay.two_row() {
        let mut c = 0usize;
        while c < lay.cols.len() {
            let h = lay.cols[c].1;
            if let Some((group, _)) = h.split_once('|') {
                let mut end = c;
                while end + 1 < lay.cols.len()
                    && lay.cols[end + 1].1.split_once('|').map(|g| g.0) == Some(group)
                {
                    end += 1;
                }
                ws.merge_range(r, c as u16, r, end as u16, group, &f_head)?;
                for (cc, (_, hh)) in lay.cols.iter().enumerate().take(end + 1).skip(c) {
                    ws.write_string_with_format(
                        r + 1,
                        cc as u16,
                        hh.split_once('|').unwrap().1,
                        &f_head,
                    )?;
                }
                c = end + 1;
            } else {
                ws.merge_range(r, c as u16, r + 1, c as u16, h, &f_head)?;
                c += 1;
            }
        }
        r += 2;
    } else {
        for (c, (_, h)) in lay.cols.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, *h, &f_head)?;
        }
        r += 1;
    }
    ws.set_freeze_panes(r, 2)?;
    for row in rows {
        for (c, (col, _)) in lay.cols.iter().enumerate() {
            let c = c as u16;
            let f = if row.kind == RowKind::Totals {
                &f_total
            } else if *col == Col::Text {
                &f_text
            } else {
                &f_cell
            };
            match cell_for(row, *col, lay, k) {
                Cell::Empty => {}
                Cell::Str(s) => {
                    ws.write_string_with_format(r, c, &s, f)?;
                }
                Cell::Num(n) => {
                    ws.write_number_with_format(r, c, n, f)?;
                }
                Cell::DateTime(t) => {
                    ws.write_datetime_with_format(r, c, excel_dt(t)?, &f_dt)?;
                }
                Cell::Date(d) => {
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, x, &f_date)?;
                }
                Cell::Time(h, m) => {
                    ws.write_datetime_with_format(
                        r,
                        c,
                        ExcelDateTime::from_hms(h as u16, m as u8, 0)?,
                        &f_time,
                    )?;
                }
            }
        }
        r += 1;
    }
    if !meta.notes.is_empty() {
        let notes = wb.add_worksheet();
        notes.set_name("Keterangan")?;
        notes.set_column_width(0, 110.0)?;
        for (i, line) in meta.notes.iter().enumerate() {
            let f = if i == 0 { &f_sub } else { &Format::new() };
            notes.write_string_with_format(i as u32, 0, *line, f)?;
        }
    }
    wb.save(path)
}

const NOTES: &[&str] = &[
    "KETERANGAN",
    "1. Sheet \"Rekap\" berisi laporan, pengaduan dan pertanyaan warga yang masuk lewat akun media sosial Pemerintah Kota Bekasi.",
    "2. Batas waktu sesuai SOP: pemantauan dan penyampaian ke Kasi paling lama 1 jam; disposisi Kasi 10 menit; penerusan ke Perangkat Daerah 15 menit.",
    "3. Kolom waktu yang kosong berarti tahap tersebut belum selesai saat rekap dibuat; akan terisi di rekap minggu berikutnya.",
    "4. Rekap dibuat oleh Admin Medsos, Seksi Layanan Komunikasi dan Informasi Publik.",
    "Catatan: data sintetis untuk contoh, bukan data warga sebenarnya.",
];

// ---------------------------------------------------------------------------------------------
// Planted mistakes and bookkeeping
// ---------------------------------------------------------------------------------------------

struct Plant {
    what: &'static str,
    file_idx: usize,
    row_idx: usize,
    column: String,
    value: String,
    expect: String,
}

struct FileStat {
    rel: String,
    week: String,
    format: &'static str,
    sheet: String,
    header: String,
    first_data_row: u32,
    last_row: u32,
    data_rows: u32,
    blank_rows: u32,
    totals_rows: u32,
    from_prev: u32,
    to_next: u32,
    rejected: u32,
    export_at: NaiveDateTime,
    extra_sheet: Option<&'static str>,
}

/// First data row at or after `from` (else the first at all) that is fresh, complete (so the
/// item appears in no other export) and satisfies `pred`.
fn pick_row(rows: &[Row], from: usize, pred: impl Fn(&Row) -> bool) -> Option<usize> {
    let ok = |r: &Row| r.kind == RowKind::Data && r.fresh && r.complete && !r.in_prev && pred(r);
    (from..rows.len())
        .find(|&i| ok(&rows[i]))
        .or_else(|| (0..from.min(rows.len())).find(|&i| ok(&rows[i])))
}

fn ts_at(ts: &Ts) -> Option<NaiveDateTime> {
    match ts {
        Ts::At(t) => Some(*t),
        _ => None,
    }
}

/// How many of the written items are late per step (their true times, before any planted
/// mistake and whatever an export shows).
#[derive(Default)]
struct Late {
    items: u64,
    pemantauan: u64,
    disposisi: u64,
    forwarded: u64,
    penerusan: u64,
    /// Rows of the last export still open: not yet passed to the Kasi, not yet disposed,
    /// forwarded but not yet received by the department.
    open_unreported: u64,
    open_undisposed: u64,
    open_unforwarded: u64,
}

impl Late {
    fn add(&mut self, it: &Item) {
        self.items += 1;
        self.pemantauan += u64::from(it.reported - it.posted > minutes(60));
        self.disposisi += u64::from(it.disposed - it.reported > minutes(10));
        if let Some(f) = it.forwarded {
            self.forwarded += 1;
            self.penerusan += u64::from(f - it.disposed > minutes(15));
        }
    }
    fn pct(a: u64, b: u64) -> f64 {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    }
    fn summary(&self) -> String {
        format!(
            "pemantauan > 60 menit: {} dari {} ({:.1}%), disposisi > 10 menit: {} dari {} ({:.1}%), penerusan > 15 menit: {} dari {} ({:.1}%)",
            self.pemantauan,
            self.items,
            Late::pct(self.pemantauan, self.items),
            self.disposisi,
            self.items,
            Late::pct(self.disposisi, self.items),
            self.penerusan,
            self.forwarded,
            Late::pct(self.penerusan, self.forwarded)
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let result = if args.items.is_some() {
        bench::run(&args)
    } else {
        run(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("make_sample_data: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    fs::create_dir_all(&args.out)?;
    let mut rng = Rng::new(args.seed);
    let monday0 = args.start;
    let mut seq = IdSeq { year: 0, n: 0 };
    let mut carry: Vec<Item> = Vec::new();
    let mut prev_export: Option<NaiveDateTime> = None;
    let mut stats: Vec<FileStat> = Vec::new();
    let mut plants: Vec<Plant> = Vec::new();
    let mut distinct_items: u64 = 0;
    let mut forward_items: u64 = 0;
    let mut late = Late::default();

    for k in 0..args.weeks as usize {
        let mon = monday0 + TimeDelta::days(7 * k as i64);
        let sun = mon + TimeDelta::days(6);
        let export_at = at(sun, 23, 45) + minutes(rng.range(0, 10));
        let lay = layout_for(k, mon, sun);
        let last_week = k + 1 == args.weeks as usize;
        let mut items = gen_week(&mut rng, mon, args.per_day, &mut seq);

        // Planted conflict (week 4, k = 3): an item whose department is known at this export
        // but not yet forwarded, so it is exported again next week with another department.
        if k == 3 && !last_week {
            let natural = items.iter().position(|it| {
                it.forward()
                    && it.posted <= export_at
                    && it.disposed <= export_at
                    && it.done_at() > export_at
            });
            let idx = natural.or_else(|| {
                items
                    .iter()
                    .rposition(|it| it.posted <= export_at - minutes(40))
            });
            if let Some(i) = idx {
                let it = &mut items[i];
                if natural.is_none() {
                    it.reported = export_at - minutes(20);
                    it.disposed = export_at - minutes(8);
                    it.forwarded = Some(export_at + minutes(25));
                    if it.dept.is_empty() {
                        it.dept = DEPTS[D_BINA_MARGA].name.to_string();
                        it.dept_idx = D_BINA_MARGA;
                    }
                }
                it.dept_early = Some(DEPTS[confusable(it.dept_idx)].name.to_string());
            }
        }

        // rows: the previous week's unfinished items first, then this week's
        let mut rows: Vec<Row> = Vec::with_capacity(carry.len() + items.len());
        for it in &carry {
            let in_prev = prev_export.is_some_and(|p| it.posted <= p);
            if !in_prev {
                distinct_items += 1;
                forward_items += u64::from(it.forward());
                late.add(it);
            }
            let mut row = build_row(it, export_at, false, in_prev);
            row.in_next = false;
            rows.push(row);
        }
        let mut next_carry = Vec::new();
        for it in items {
            if it.posted <= export_at {
                distinct_items += 1;
                forward_items += u64::from(it.forward());
                late.add(&it);
                let row = build_row(&it, export_at, true, false);
                if row.in_next {
                    next_carry.push(it);
                }
                rows.push(row);
            } else {
                next_carry.push(it);
            }
        }
        if last_week {
            for r in &mut rows {
                r.in_next = false;
            }
        }
        let fidx = stats.len();
        if last_week {
            for r in rows.iter().filter(|r| r.kind == RowKind::Data) {
                late.open_unreported += u64::from(matches!(r.reported, Ts::Empty));
                late.open_undisposed += u64::from(r.disposition.is_none());
                late.open_unforwarded +=
                    u64::from(r.disposition == Some(true) && matches!(r.forwarded, Ts::Empty));
            }
        }

        // Planted mistakes, one kind per week of the default run.
        match k {
            1 => {
                if let Some(i) = pick_row(&rows, 9, |_| true) {
                    let t = ts_at(&rows[i].reported).unwrap();
                    let typo = t
                        .with_year(2062)
                        .or_else(|| t.with_day(28).and_then(|x| x.with_year(2062)))
                        .unwrap();
                    rows[i].reported = Ts::At(typo);
                    plants.push(Plant {
                        what: "Tahun salah ketik (2062)",
                        file_idx: fidx,
                        row_idx: i,
                        column: lay.header_name(Col::Reported),
                        value: fmt_ts(typo, lay.style),
                        expect: format!(
                            "isu data (waktu di masa depan), reported_at dianggap kosong; seharusnya {}",
                            fmt_ts(t, lay.style)
                        ),
                    });
                }
            }
            2 => {
                if let Some(i) = pick_row(&rows, 19, |_| true) {
                    let r = &mut rows[i];
                    r.posted = Ts::Empty;
                    r.reported = Ts::Empty;
                    r.disposed = Ts::Empty;
                    r.forwarded = Ts::Empty;
                    plants.push(Plant {
                        what: "Baris tanpa satu pun waktu",
                        file_idx: fidx,
                        row_idx: i,
                        column: "Waktu Posting, Waktu Lapor, Waktu Disposisi, Waktu Diteruskan (semua kosong)".into(),
                        value: format!("{} (No Tiket)", r.id),
                        expect: "ditolak (rejected): tidak ada waktu yang bisa dipakai; tiket ini tidak muncul di berkas lain".into(),
                    });
                }
            }
            3 => {
                let dlh =
                    |r: &Row| r.disposition == Some(true) && r.dept.trim() == DEPTS[D_DLH].name;
                if let Some(i) = pick_row(&rows, 29, dlh)
                    .or_else(|| pick_row(&rows, 29, |r| r.disposition == Some(true)))
                {
                    let old = std::mem::replace(&mut rows[i].dept, DEPT_TYPO.to_string());
                    plants.push(Plant {
                        what: "Salah ketik nama Perangkat Daerah",
                        file_idx: fidx,
                        row_idx: i,
                        column: lay.header_name(Col::Dept),
                        value: DEPT_TYPO.into(),
                        expect: format!(
                            "muncul sebagai PD tersendiri kecuali diberi alias; seharusnya \"{}\"",
                            old.trim()
                        ),
                    });
                }
            }
            4 => {
                let cond = |r: &Row| {
                    r.disposition == Some(false)
                        && matches!((ts_at(&r.posted), ts_at(&r.reported)), (Some(p), Some(q)) if q - p >= minutes(8))
                };
                if let Some(i) = pick_row(&rows, 14, cond) {
                    let rep = ts_at(&rows[i].reported).unwrap();
                    let old = ts_at(&rows[i].disposed).unwrap();
                    let bad = rep - minutes(6);
                    rows[i].disposed = Ts::At(bad);
                    plants.push(Plant {
                        what: "Disposisi lebih awal dari lapor ke Kasi (langkah invalid)",
                        file_idx: fidx,
                        row_idx: i,
                        column: lay.header_name(Col::Disposed),
                        value: format!("{} (Waktu Lapor ke Kasi {})", fmt_ts(bad, lay.style), fmt_ts(rep, lay.style)),
                        expect: format!(
                            "langkah disposisi berstatus invalid (selesai 6 menit sebelum mulai); seharusnya {}",
                            fmt_ts(old, lay.style)
                        ),
                    });
                }
            }
            5 => {
                if let Some(i) = pick_row(&rows, 24, |r| r.disposition == Some(true)) {
                    let t = ts_at(&rows[i].disposed).unwrap();
                    let raw = format!("31/11/{} {:02}.{:02}", t.year(), t.hour(), t.minute());
                    rows[i].disposed = Ts::Raw(raw.clone());
                    plants.push(Plant {
                        what: "Tanggal yang tidak ada",
                        file_idx: fidx,
                        row_idx: i,
                        column: lay.header_name(Col::Disposed),
                        value: raw,
                        expect: format!(
                            "isu data (tidak bisa dibaca), disposed_at dianggap kosong; seharusnya {}",
                            fmt_ts(t, lay.style)
                        ),
                    });
                }
            }
            6 => {
                if let Some(i) = pick_row(&rows, 49, |r| r.disposition == Some(true)) {
                    let t = ts_at(&rows[i].forwarded).unwrap();
                    rows[i].forwarded = Ts::Raw("kemarin".into());
                    plants.push(Plant {
                        what: "Waktu berupa kata (\"kemarin\")",
                        file_idx: fidx,
                        row_idx: i,
                        column: lay.header_name(Col::Forwarded),
                        value: "kemarin".into(),
                        expect: format!(
                            "isu data (tidak bisa dibaca), forwarded_at dianggap kosong; seharusnya {}",
                            fmt_ts(t, lay.style)
                        ),
                    });
                }
                // an empty row in the middle with only the running number, and a totals row
                let data = rows.len();
                if data >= 2 {
                    let mid = data / 2;
                    rows.insert(mid, marker_row(RowKind::Blank));
                    for p in plants
                        .iter_mut()
                        .filter(|p| p.file_idx == fidx && p.row_idx >= mid)
                    {
                        p.row_idx += 1;
                    }
                    plants.push(Plant {
                        what: "Baris kosong di tengah (hanya No terisi)",
                        file_idx: fidx,
                        row_idx: mid,
                        column: lay.header_name(Col::No),
                        value: format!("{}", mid + 1),
                        expect: "baris kosong: bukan item, dihitung terpisah".into(),
                    });
                    let mut tot = marker_row(RowKind::Totals);
                    tot.total = data as u32;
                    rows.push(tot);
                    plants.push(Plant {
                        what: "Baris jumlah di bawah tabel",
                        file_idx: fidx,
                        row_idx: rows.len() - 1,
                        column: format!(
                            "{} = \"Jumlah\", {} = {}",
                            lay.header_name(Col::No),
                            lay.header_name(Col::Id),
                            data
                        ),
                        value: "Jumlah".into(),
                        expect: "baris total: bukan item, dihitung terpisah".into(),
                    });
                }
            }
            _ => {}
        }
        if k == 3 || k == 4 {
            // record the conflict: first half in week 4's export, second half in week 5's
            for (i, r) in rows.iter().enumerate() {
                let conflict_item = if k == 3 {
                    r.fresh && r.in_next
                } else {
                    r.in_prev
                };
                if !conflict_item || r.dept.is_empty() {
                    continue;
                }
                let is_it = if k == 3 {
                    next_carry
                        .iter()
                        .any(|it| it.id == r.id && it.dept_early.is_some())
                } else {
                    carry
                        .iter()
                        .any(|it| it.id == r.id && it.dept_early.is_some())
                };
                if is_it {
                    let (value, expect) = if k == 3 {
                        (r.dept.clone(), "konflik: ekspor minggu berikutnya memberi PD lain (nilai yang lebih baru menang)".to_string())
                    } else {
                        let early = carry
                            .iter()
                            .find(|it| it.id == r.id)
                            .and_then(|it| it.dept_early.clone())
                            .unwrap_or_default();
                        (r.dept.clone(), format!("konflik dengan \"{early}\" di ekspor sebelumnya; nilai ini menang (ekspor lebih baru)"))
                    };
                    plants.push(Plant {
                        what: "Konflik Perangkat Daerah antar-ekspor",
                        file_idx: fidx,
                        row_idx: i,
                        column: format!("{} (tiket {})", lay.header_name(Col::Dept), r.id),
                        value,
                        expect,
                    });
                }
            }
        }

        // running numbers
        let mut no = 0;
        for r in rows.iter_mut() {
            if r.kind != RowKind::Totals {
                no += 1;
                r.no = no;
            }
        }

        // file name and place: the first two exports sit at the top, later ones in month folders
        let ext = if lay.xlsx { "xlsx" } else { "csv" };
        let name = format!("Laporan Medsos {}.{ext}", periode_short(mon, sun));
        let rel = if k < 2 {
            name
        } else {
            format!("{}-{:02}/{name}", sun.year(), sun.month())
        };
        let path = args.out.join(&rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        if lay.xlsx {
            let meta = XlsxMeta {
                title: format!("Rekap Pengaduan Media Sosial {}", periode_long(mon, sun)),
                created: export_at,
                notes: if lay.notes_sheet { NOTES } else { &[] },
            };
            write_xlsx(&path, &lay, &rows, k, &meta)?;
        } else {
            write_csv(&path, &lay, &rows, k)?;
        }

        let count = |kind: RowKind| rows.iter().filter(|r| r.kind == kind).count() as u32;
        let iso = mon.iso_week();
        stats.push(FileStat {
            rel,
            week: format!("{}-W{:02}", iso.year(), iso.week()),
            format: if lay.xlsx { "XLSX" } else { "CSV" },
            sheet: if lay.xlsx {
                lay.sheet.to_string()
            } else {
                "-".into()
            },
            header: if lay.two_row() {
                format!("{}–{}", lay.header_row(), lay.header_row() + 1)
            } else {
                lay.header_row().to_string()
            },
            first_data_row: lay.first_data_row(),
            last_row: lay.first_data_row() + rows.len() as u32 - 1,
            data_rows: count(RowKind::Data),
            blank_rows: count(RowKind::Blank),
            totals_rows: count(RowKind::Totals),
            from_prev: rows
                .iter()
                .filter(|r| r.kind == RowKind::Data && r.in_prev)
                .count() as u32,
            to_next: rows
                .iter()
                .filter(|r| r.kind == RowKind::Data && r.in_next)
                .count() as u32,
            rejected: plants
                .iter()
                .filter(|p| p.file_idx == fidx && p.what.starts_with("Baris tanpa"))
                .count() as u32,
            export_at,
            extra_sheet: if lay.xlsx && lay.notes_sheet {
                Some("Keterangan")
            } else {
                None
            },
        });
        let s = stats.last().unwrap();
        println!(
            "{:<48} {:>6} data rows ({} from previous export, {} again in next), {} blank, {} totals",
            s.rel, s.data_rows, s.from_prev, s.to_next, s.blank_rows, s.totals_rows
        );

        carry = next_carry;
        prev_export = Some(export_at);
    }

    let read: u64 = stats.iter().map(|s| s.data_rows as u64).sum();
    let dup: u64 = stats.iter().map(|s| s.to_next as u64).sum();
    let rejected: u64 = stats.iter().map(|s| s.rejected as u64).sum();
    let included = distinct_items - rejected;
    assert_eq!(read, included + dup + rejected, "ledger must balance");
    println!(
        "{} files; {} data rows read = {} included + {} duplicates + {} rejected; {} distinct tickets ({} forwarded)",
        stats.len(), read, included, dup, rejected, distinct_items, forward_items
    );
    println!("late (true times): {}", late.summary());
    for p in &plants {
        let s = &stats[p.file_idx];
        println!(
            "planted: {} | {} | sheet {} | row {} | {} | {}",
            p.what,
            s.rel,
            s.sheet,
            s.first_data_row + p.row_idx as u32,
            p.column,
            p.value
        );
    }
    write_readme(
        args,
        &stats,
        &plants,
        distinct_items,
        included,
        dup,
        rejected,
        forward_items,
        &late,
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn write_readme(
    args: &Args,
    stats: &[FileStat],
    plants: &[Plant],
    distinct: u64,
    included: u64,
    dup: u64,
    rejected: u64,
    forward: u64,
    late: &Late,
) -> io::Result<()> {
    let iso = args.start.iso_week();
    let default_run = (iso.year(), iso.week()) == DEFAULT_START
        && args.weeks == DEFAULT_WEEKS
        && args.per_day == DEFAULT_PER_DAY
        && args.seed == DEFAULT_SEED;
    let mut s = String::new();
    let first = stats.first().map(|x| x.week.clone()).unwrap_or_default();
    let last = stats.last().map(|x| x.week.clone()).unwrap_or_default();
    writeln!(
        s,
        "# Data contoh: rekap pengaduan media sosial (sintetis)\n"
    )
    .unwrap();
    writeln!(
        s,
        "*English: synthetic sample exports for `patuh` (no real citizen data), generated by \
         `cargo run --example make_sample_data`; the planted data mistakes are listed below with \
         file, sheet, row and column so that tests can assert them.*\n"
    )
    .unwrap();
    writeln!(
        s,
        "Folder ini berisi ekspor mingguan **fiktif** seperti yang dibuat Admin Medsos \
         Diskominfostandi Kota Bekasi: rekap laporan, pengaduan dan pertanyaan warga dari \
         Twitter/X, Facebook, Instagram dan WhatsApp, dengan waktu posting, waktu lapor ke Kasi, \
         waktu disposisi, disposisi (teruskan / jawab langsung), Perangkat Daerah tujuan dan waktu \
         diteruskan. Semua nama akun, nomor, tautan, teks aduan dan nama admin **dikarang**; \
         hanya nama Perangkat Daerah, kecamatan, kelurahan dan jalan yang memakai nama sebenarnya \
         di Kota Bekasi. Tidak ada data warga sungguhan.\n"
    )
    .unwrap();
    writeln!(s, "## Cara membuat ulang\n").unwrap();
    writeln!(s, "```sh").unwrap();
    writeln!(
        s,
        "cargo run --example make_sample_data                  # menulis ulang folder data/ ini"
    )
    .unwrap();
    writeln!(s, "cargo run --example make_sample_data -- --out /tmp/besar --weeks 520 --per-day 300   # ±1 juta baris untuk benchmark").unwrap();
    writeln!(s, "```\n").unwrap();
    writeln!(
        s,
        "Opsi: `--out DIR` (bawaan: `data/`), `--start YYYY-Www` (minggu ISO ekspor pertama, \
         bawaan {}-W{:02}), `--weeks N` (bawaan {DEFAULT_WEEKS}), `--per-day N` (rata-rata item per hari, bawaan {DEFAULT_PER_DAY}; tiap hari \
         70%–135% dari itu), `--seed S` (bawaan {DEFAULT_SEED}). Generator deterministik \
         (PRNG splitmix64 di dalam berkas, waktu pembuatan dokumen XLSX tetap): argumen yang \
         sama selalu menghasilkan berkas yang identik byte demi byte. Generator tidak menghapus \
         berkas lama di folder tujuan. README ini juga ditulis oleh generator.\n",
        DEFAULT_START.0, DEFAULT_START.1
    )
    .unwrap();
    if !default_run {
        writeln!(
            s,
            "> Berkas ini dibuat dengan argumen non-bawaan: `--start {}-W{:02} --weeks {} --per-day {} --seed {}`.\n",
            iso.year(), iso.week(), args.weeks, args.per_day, args.seed
        )
        .unwrap();
    }

    writeln!(s, "## Cara ekspor dibuat\n").unwrap();
    writeln!(
        s,
        "- Periode: {first} s.d. {last}. Satu ekspor per minggu ISO, diambil Minggu malam \
         (23.45–23.55 WIB). Setiap ekspor memuat item yang diposting minggu itu sampai saat \
         ekspor, **ditambah** item minggu sebelumnya yang saat ekspor sebelumnya belum selesai \
         (atau diposting setelah ekspor itu diambil), kini dengan waktu yang lebih lengkap. \
         Nomor tiket (`MS-2026-000123`) sama di kedua ekspor.\n\
         - Item yang diposting menjelang akhir periode masih terbuka di ekspor terakhir: \
         waktu yang belum terjadi dibiarkan kosong.\n\
         - Semua waktu dalam WIB tanpa zona, resolusi menit. Posting kebanyakan pukul 06.00–23.00; \
         posting malam baru diambil admin pagi berikutnya (melewati batas 60 menit).\n\
         - Sekitar 70% item diteruskan ke Perangkat Daerah, sisanya dijawab langsung. Ada \
         keterlambatan yang disengaja (±12% pemantauan, ±15% disposisi, ±15% penerusan); \
         jam jaga admin: hari kerja 06.00–22.30, Sabtu–Minggu 07.00–21.00 (posting di luar jam \
         itu diambil saat jaga berikutnya); Kasi mendisposisi hari kerja 05.30–24.00, \
         Sabtu–Minggu 07.00–20.30; sub admin PD tidak menerima terusan Minggu malam \
         (≥ 18.00), baru Senin pagi.\n\
         - Nama berkas tidak urut tanggal (`Laporan Medsos 12-18 Okt 2026.csv` < \
         `Laporan Medsos 5-11 Okt 2026.xlsx`); dua ekspor pertama di folder ini, sisanya di \
         subfolder bulan saat ekspor diambil (`2026-10/`, `2026-11/`).\n\
         - CSV ditulis seperti Excel berlokal Indonesia: pemisah `;`, UTF-8 dengan BOM, akhir baris \
         `\\r\\n`, teks dengan `;`, tanda kutip atau baris baru diberi kutip ganda (baris baru di \
         dalam sel berupa `\\n`). Item ke-4 setiap minggu (dan ±2% item lain) berteks multi-baris \
         seperti pesan WhatsApp.\n\
         - Ejaan bervariasi secara wajar (bukan kesalahan): kanal `Twitter`/`X`, `Facebook`/`FB`, \
         `Instagram`/`IG`, `WhatsApp`/`WA`; disposisi `Teruskan`, `Diteruskan ke PD`, `Diteruskan`, \
         `Jawab Langsung`, `Dijawab`, `Dijawab Langsung`; di ekspor dengan header dua baris \
         sebagian baris yang diteruskan mengosongkan kolom Disposisi (PD tetap terisi = diteruskan); \
         nama PD kadang singkatan atau berspasi ganda/trailing (`Dishub`, `DISHUB KOTA BEKASI`, \
         `Dinas Perhubungan `, `Dinas  Perhubungan`, `Dinkes`, `Satpol PP` ...). Ejaan PD satu \
         tiket sama di semua ekspor, kecuali konflik yang ditanam di bawah.\n"
    )
    .unwrap();
    if let Some(st) = stats.last() {
        writeln!(
            s,
            "**Perhatian (jam sistem):** ekspor terakhir diambil {} WIB. patuh menganggap waktu \
             yang lebih baru dari saat ia dijalankan sebagai salah ketik (masa depan): bila patuh \
             dijalankan sebelum saat itu, waktu-waktu terakhir dihitung kosong dan baris tanpa \
             waktu lain ditolak, sehingga angka di bawah belum berlaku. *(English: the counts below \
             hold once the wall clock is past the last export, {} WIB.)*\n",
            st.export_at.format("%d/%m/%Y %H:%M"),
            st.export_at.format("%Y-%m-%d %H:%M")
        )
        .unwrap();
    }

    writeln!(s, "## Berkas\n").unwrap();
    writeln!(
        s,
        "Nomor baris = nomor baris spreadsheet (1 = baris pertama). Untuk CSV: nomor rekaman \
         termasuk baris judul/header, seperti terlihat bila dibuka di Excel (sel multi-baris tetap \
         satu baris; baris fisik di berkas bisa lebih banyak). \"Dari ekspor sebelumnya\" = baris yang tiketnya juga ada di ekspor \
         sebelumnya; \"ada lagi di ekspor berikutnya\" = baris yang nanti menjadi *duplicate* \
         (ekspor berikutnya lebih baru dan menang), sehingga \"Included\" = baris data − duplicate − \
         ditolak. Bila kemunculan pertama yang dihitung included, duplicate per berkas = kolom \
         \"Dari ekspor sebelumnya\"; totalnya sama.\n"
    )
    .unwrap();
    writeln!(
        s,
        "| Berkas | Minggu | Format | Sheet | Header (baris) | Baris tabel | Baris data | Baris kosong | Baris jumlah | Dari ekspor sebelumnya | Ada lagi di ekspor berikutnya (duplicate) | Ditolak | Included | Diambil (WIB) |"
    )
    .unwrap();
    writeln!(
        s,
        "|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
    )
    .unwrap();
    for st in stats {
        let sheet = match st.extra_sheet {
            Some(x) => format!("{} (+ sheet `{x}` berisi catatan, bukan tabel)", st.sheet),
            None => st.sheet.clone(),
        };
        writeln!(
            s,
            "| `{}` | {} | {} | {} | {} | {}–{} | {} | {} | {} | {} | {} | {} | {} | {} |",
            st.rel,
            st.week,
            st.format,
            sheet,
            st.header,
            st.first_data_row,
            st.last_row,
            st.data_rows,
            st.blank_rows,
            st.totals_rows,
            st.from_prev,
            st.to_next,
            st.rejected,
            st.data_rows - st.to_next - st.rejected,
            st.export_at.format("%d/%m/%Y %H:%M")
        )
        .unwrap();
    }
    let read: u64 = stats.iter().map(|x| x.data_rows as u64).sum();
    let blank: u64 = stats.iter().map(|x| x.blank_rows as u64).sum();
    let totals: u64 = stats.iter().map(|x| x.totals_rows as u64).sum();
    writeln!(s).unwrap();
    writeln!(s, "## Ringkasan (buku baris / row ledger)\n").unwrap();
    writeln!(s, "- Berkas: {}; baris data dibaca (`read`): **{read}**; baris kosong: {blank}; baris jumlah: {totals}.", stats.len()).unwrap();
    writeln!(s, "- Tiket berbeda di semua berkas: **{distinct}** (menurut rencana generator {forward} diteruskan ke PD, {} dijawab langsung; termasuk tiket yang ditolak).", distinct - forward).unwrap();
    if let Some(st) = stats.last() {
        writeln!(
            s,
            "- Masih terbuka di ekspor terakhir (`{}`): {} belum dilaporkan ke Kasi, {} belum didisposisi (termasuk yang belum dilaporkan), {} sudah diteruskan tapi belum diterima PD.",
            st.rel, late.open_unreported, late.open_undisposed, late.open_unforwarded
        )
        .unwrap();
    }
    writeln!(s, "- Keterlambatan menurut waktu sebenarnya (sebelum kesalahan ditanam, tanpa melihat isi ekspor): {}.", late.summary()).unwrap();
    writeln!(
        s,
        "- Yang diharapkan: `read` {read} = `included` **{included}** + `duplicates` **{dup}** + `rejected` **{rejected}**. \
         Kolom per berkas di atas mengikuti urutan ekspor menurut waktu pengambilannya (waktu \
         terakhir yang valid di tiap berkas; tahun 2062 yang salah ketik bukan waktu yang \
         mungkin, jadi tidak menggeser urutan). Jumlah totalnya tidak bergantung pada urutan: \
         setiap tiket muncul paling banyak di dua ekspor berurutan.\n"
    )
    .unwrap();

    writeln!(s, "## Kesalahan yang sengaja ditanam\n").unwrap();
    if plants.is_empty() {
        writeln!(
            s,
            "(tidak ada: kesalahan hanya ditanam pada minggu ke-2 s.d. ke-7)\n"
        )
        .unwrap();
    } else {
        writeln!(s, "| # | Kesalahan | Berkas | Sheet | Baris | Kolom | Nilai tertulis | Yang diharapkan dari patuh |").unwrap();
        writeln!(s, "|---:|---|---|---|---:|---|---|---|").unwrap();
        for (n, p) in plants.iter().enumerate() {
            let st = &stats[p.file_idx];
            writeln!(
                s,
                "| {} | {} | `{}` | {} | {} | {} | `{}` | {} |",
                n + 1,
                p.what,
                st.rel,
                st.sheet,
                st.first_data_row + p.row_idx as u32,
                p.column,
                p.value,
                p.expect
            )
            .unwrap();
        }
        writeln!(s).unwrap();
        writeln!(
            s,
            "Semua baris yang ditanami kesalahan (kecuali konflik) adalah tiket yang hanya muncul \
             di satu berkas, jadi ekspor lain tidak menutupi kesalahannya. Jumlah: 1 tahun salah \
             ketik, 2 waktu yang tidak bisa dibaca (`31/11`, `kemarin`), 1 baris ditolak, 1 baris \
             kosong, 1 baris jumlah, 1 salah ketik PD, 1 konflik PD (dua baris di dua berkas), \
             1 langkah invalid.\n"
        )
        .unwrap();
    }

    writeln!(s, "## Alias PD yang disarankan untuk `patuh.toml`\n").unwrap();
    writeln!(
        s,
        "Variasi yang hanya beda huruf besar/kecil atau spasi sudah tergabung tanpa alias. \
         Salah ketik `{DEPT_TYPO}` sengaja tidak dimasukkan.\n"
    )
    .unwrap();
    writeln!(s, "```toml\n[departments]").unwrap();
    for d in DEPTS {
        let mut vs: Vec<String> = Vec::new();
        for v in d.variants {
            let norm = v.split_whitespace().collect::<Vec<_>>().join(" ");
            if !norm.eq_ignore_ascii_case(d.name)
                && !vs.iter().any(|x| x.eq_ignore_ascii_case(&norm))
            {
                vs.push(norm);
            }
        }
        if !vs.is_empty() {
            let list = vs
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(s, "\"{}\" = [{list}]", d.name).unwrap();
        }
    }
    writeln!(s, "```").unwrap();
    fs::write(args.out.join("README.md"), s)
}

#[path = "make_sample_data/bench.rs"]
mod bench;
