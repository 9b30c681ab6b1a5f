//! The floor of the benchmark (issue 13, `BENCHMARKS.md`): what merely reading the exports
//! costs, with no header search, no parsing of dates, no judging and no pages.
//!
//! Every `.csv` file under the given folders is read record by record with the `csv` crate
//! (the delimiter, `;` or `,`, taken from the first line; byte records, no UTF-8 check), and
//! every `.xlsx`/`.xlsm`/`.xlsb`/`.xls`/`.ods` workbook cell by cell with calamine. Files are
//! read on as many threads as the machine has cores (as `patuh` does), or `--threads N`.
//!
//! ```text
//! cargo run --release --example floor -- [--threads N] DIR_OR_FILE...
//! ```
//!
//! Prints the files, records and fields (CSV) and the cells (workbooks) read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use calamine::{open_workbook_auto, Data, Reader};

#[derive(Default)]
struct Tally {
    csv_files: u64,
    records: u64,
    fields: u64,
    workbooks: u64,
    cells: u64,
}

fn is_workbook(p: &Path) -> bool {
    matches!(ext(p).as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
}

fn ext(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else if ext(p) == "csv" || is_workbook(p) {
        out.push(p.to_path_buf());
    }
    Ok(())
}

fn read_csv(path: &Path, t: &mut Tally) -> Result<(), Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path)?;
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let semis = first.iter().filter(|b| **b == b';').count();
    let commas = first.iter().filter(|b| **b == b',').count();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(if semis >= commas { b';' } else { b',' })
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..]);
    let mut rec = csv::ByteRecord::new();
    while rdr.read_byte_record(&mut rec)? {
        t.records += 1;
        t.fields += rec.len() as u64;
    }
    t.csv_files += 1;
    Ok(())
}

fn read_workbook(path: &Path, t: &mut Tally) -> Result<(), Box<dyn std::error::Error>> {
    let mut wb = open_workbook_auto(path)?;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        t.cells += range
            .used_cells()
            .filter(|(_, _, c)| !matches!(c, Data::Empty))
            .count() as u64;
    }
    t.workbooks += 1;
    Ok(())
}

fn main() -> ExitCode {
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut roots = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => threads = n,
                _ => {
                    eprintln!("--threads needs a positive number");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!(
                    "usage: cargo run --release --example floor -- [--threads N] DIR_OR_FILE..."
                );
                return ExitCode::SUCCESS;
            }
            _ => roots.push(PathBuf::from(a)),
        }
    }
    if roots.is_empty() {
        eprintln!("usage: floor [--threads N] DIR_OR_FILE...");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for r in &roots {
        if let Err(e) = collect(r, &mut files) {
            eprintln!("floor: {}: {e}", r.display());
            return ExitCode::FAILURE;
        }
    }
    let next = AtomicUsize::new(0);
    let total = Mutex::new(Tally::default());
    let failed = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads.min(files.len().max(1)) {
            s.spawn(|| {
                let mut t = Tally::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let r = if is_workbook(path) {
                        read_workbook(path, &mut t)
                    } else {
                        read_csv(path, &mut t)
                    };
                    if let Err(e) = r {
                        failed
                            .lock()
                            .unwrap()
                            .push(format!("{}: {e}", path.display()));
                    }
                }
                let mut all = total.lock().unwrap();
                all.csv_files += t.csv_files;
                all.records += t.records;
                all.fields += t.fields;
                all.workbooks += t.workbooks;
                all.cells += t.cells;
            });
        }
    });
    let t = total.into_inner().unwrap();
    println!(
        "floor: {} CSV files, {} records, {} fields; {} workbooks, {} cells; {threads} threads",
        t.csv_files, t.records, t.fields, t.workbooks, t.cells
    );
    let failed = failed.into_inner().unwrap();
    for f in &failed {
        eprintln!("floor: {f}");
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
