//! `[limits]`: a workbook that would expand too far, or a sheet with too many cells, ends in
//! a clear error naming the file and the key to raise, never in an exhausted machine.

use std::path::Path;

use crate::support::{self, config, fixture, one_export, read_exports};
use patuh::config::Config;

/// Reads the folder `dir` with `config_text`; gives the error text.
fn read_dir_err(dir: &Path, config_text: &str) -> String {
    match read_exports(dir, &config(config_text)) {
        Ok(ledger) => panic!("read {} rows, expected an error", ledger.rows.read),
        Err(e) => e.to_string(),
    }
}

/// Reads `files` (fixtures, copied into a fresh folder) with `config_text`; gives the
/// error text.
fn read_err(files: &[&str], config_text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let src = fixture(f);
        std::fs::copy(&src, dir.path().join(src.file_name().unwrap())).unwrap();
    }
    read_dir_err(dir.path(), config_text)
}

#[test]
fn a_workbook_expanding_past_the_limit_is_refused_naming_the_key() {
    // rekap.xlsx is 7,792 bytes on disk; its parts declare far more than 1,000 bytes.
    let err = read_err(
        &["inputs/workbook_xlsx/rekap.xlsx"],
        "[limits]\nmax_workbook_bytes = 1000\n",
    );
    assert!(
        err.starts_with("cannot read rekap.xlsx: the workbook expands to "),
        "{err}"
    );
    assert!(err.contains("more than the limit of 1000"), "{err}");
    assert!(err.contains("[limits] max_workbook_bytes"), "{err}");
}

#[test]
fn the_default_expansion_limit_reads_ordinary_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("inputs/workbook_xlsx/rekap.xlsx"),
        dir.path().join("rekap.xlsx"),
    )
    .unwrap();
    let ledger = read_exports(dir.path(), &Config::default()).unwrap();
    assert!(ledger.rows.read > 0);
}

#[test]
fn a_sheet_with_too_many_cells_is_refused_naming_the_key() {
    for (file, name) in [
        ("inputs/workbook_xlsx/rekap.xlsx", "rekap.xlsx"),
        ("hostile/far_cell/far_cell.xlsx", "far_cell.xlsx"),
        (
            "hostile/ods_repeated_then_cell/repeated_then_cell.ods",
            "repeated_then_cell.ods",
        ),
    ] {
        let err = read_err(&[file], "[limits]\nmax_cells_per_sheet = 10\n");
        assert!(err.starts_with(&format!("cannot read {name}: ")), "{err}");
        assert!(err.contains("[limits] max_cells_per_sheet"), "{err}");
    }
}

#[test]
fn limits_are_checked_as_configuration() {
    let err = Config::parse("[limits]\nmax_cels = 5\n", Path::new("patuh.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("max_cels") && err.contains("line 2"), "{err}");
    let err = Config::parse(
        "[limits]\nmax_workbook_bytes = 0\n",
        Path::new("patuh.toml"),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("`limits.max_workbook_bytes`"), "{err}");
}

#[test]
fn more_departments_than_the_limit_stop_the_build_naming_the_key() {
    // Three items, three departments: a limit of 3 builds, a limit of 2 stops.
    let work = one_export(
        "x.csv",
        "No Tiket,Waktu Posting,Waktu Lapor,Perangkat Daerah\n\
         T1,27/11/2026 08:00,27/11/2026 08:20,Dinas A\n\
         T2,27/11/2026 09:00,27/11/2026 09:20,Dinas B\n\
         T3,27/11/2026 10:00,27/11/2026 10:20,Dinas C\n",
    );
    let data = work.path().join("data");
    let build = |limit: u64| {
        let config = config(&format!("[limits]\nmax_departments = {limit}\n"));
        support::build(&config, &data, &work.path().join("site"))
    };
    assert_eq!(
        build(2).unwrap_err().to_string(),
        "the exports name 3 departments, more than the limit of 2: check that the department \
         column holds department names (`patuh check` shows which column is read as \
         `department`), or raise [limits] max_departments in patuh.toml"
    );
    assert!(!work.path().join("site").exists());
    assert!(build(3).is_ok());
    assert_eq!(Config::default().limits.max_departments, 1000);
}

#[test]
fn a_workbook_with_more_sheets_than_the_limit_is_refused_naming_the_key() {
    // rekap.xlsx and rekap.ods hold four sheets each.
    for (file, name) in [
        ("inputs/workbook_xlsx/rekap.xlsx", "rekap.xlsx"),
        ("inputs/workbook_ods/rekap.ods", "rekap.ods"),
        ("inputs/workbook_xls/rekap.xls", "rekap.xls"),
    ] {
        let err = read_err(&[file], "[limits]\nmax_sheets_per_workbook = 3\n");
        assert!(
            err.starts_with(&format!(
                "cannot read {name}: the workbook holds 4 sheets, more than the limit of 3; it \
                 may be damaged. If it is genuine, raise [limits] max_sheets_per_workbook in \
                 patuh.toml"
            )),
            "{err}"
        );
    }
}

#[test]
fn an_ods_whose_grids_would_not_fit_in_memory_is_refused_naming_the_key() {
    // calamine expands repeated_then_cell.ods to 1,048,005 rows × 4 columns of
    // `calamine::Data` when it opens the file (tests/fixtures/hostile/README.md).
    let bytes = 1_048_005 * 4 * std::mem::size_of::<calamine::Data>() as u64;
    let file = "hostile/ods_repeated_then_cell/repeated_then_cell.ods";
    let err = read_err(
        &[file],
        &format!("[limits]\nmax_workbook_bytes = {}\n", bytes - 1),
    );
    assert_eq!(
        err,
        format!(
            "cannot read repeated_then_cell.ods: its sheets would take {bytes} bytes of memory \
             once read, more than the limit of {}; the file may be damaged. If it is genuine, \
             raise [limits] max_workbook_bytes in patuh.toml. Open it in a spreadsheet program \
             and save it again, or move it out of the data folder",
            bytes - 1
        )
    );
    // At exactly that limit it is read.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(file), dir.path().join("x.ods")).unwrap();
    let config = config(&format!("[limits]\nmax_workbook_bytes = {bytes}\n"));
    let ledger = read_exports(dir.path(), &config).unwrap();
    assert_eq!(ledger.items.len(), 3);
}

/// The generators of the three small-but-huge exports of scripts/bench.sh, here at sizes
/// a test can afford.
#[allow(dead_code)]
#[path = "../../examples/make_hostile_large.rs"]
mod make_large;

#[test]
fn the_cells_of_all_the_sheets_of_an_ods_count_against_one_limit() {
    // 3 sheets of a header and 9 repeated rows, 4 columns: 40 cells each, 120 in all.
    let dir = tempfile::tempdir().unwrap();
    make_large::many_sheets_ods(&dir.path().join("banyak.ods"), 3, 9);
    let limits = "[limits]\nmax_cells_per_sheet = 40\n";
    let err = read_dir_err(dir.path(), &format!("{limits}max_cells_per_file = 119\n"));
    assert!(
        err.starts_with(
            "cannot read banyak.ods: it holds more than 119 cells, all its sheets together"
        ),
        "{err}"
    );
    assert!(
        err.contains("raise [limits] max_cells_per_file in patuh.toml"),
        "{err}"
    );
    // The grids calamine holds (120 cells and a copy of one sheet's 40, of 32 bytes) count
    // against the memory of the file.
    let err = read_dir_err(dir.path(), &format!("{limits}max_memory_per_file = 5119\n"));
    assert!(
        err.contains("it takes more than 5119 bytes of memory once read"),
        "{err}"
    );
    assert!(err.contains("raise [limits] max_memory_per_file"), "{err}");
    let config = config(&format!("{limits}max_cells_per_file = 120\n"));
    let ledger = read_exports(dir.path(), &config).unwrap();
    assert_eq!(ledger.rows.read, 27);
}

#[test]
fn the_rows_of_all_the_sheets_of_an_xlsx_count_against_one_limit() {
    // 3 sheets of a header and 1,000 identical rows of 4 cells: 4,004 cells a sheet.
    let dir = tempfile::tempdir().unwrap();
    make_large::many_rows_xlsx(&dir.path().join("baris.xlsx"), 3, 1000);
    let err = read_dir_err(dir.path(), "[limits]\nmax_cells_per_file = 10000\n");
    assert!(
        err.starts_with(
            "cannot read baris.xlsx: it holds more than 10000 cells, all its sheets together \
             (sheet \"S3\", row "
        ),
        "{err}"
    );
    // Memory: every row kept counts, as it is built; the error names where it stopped.
    let err = read_dir_err(dir.path(), "[limits]\nmax_memory_per_file = 1000000\n");
    assert!(
        err.starts_with(
            "cannot read baris.xlsx: it takes more than 1000000 bytes of memory once read \
             (sheet \"S"
        ),
        "{err}"
    );
    assert!(
        err.contains("raise [limits] max_memory_per_file in patuh.toml"),
        "{err}"
    );
    // Within the limits (and by default) it is read: 3,000 rows of one item.
    let dir_ok = dir.path();
    let ledger = read_exports(dir_ok, &Config::default()).unwrap();
    assert_eq!((ledger.rows.read, ledger.items.len()), (3000, 1));
}

#[test]
fn a_text_export_is_held_to_the_fields_of_a_row_and_the_cells_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    // One line of 16,385 fields: wider than any spreadsheet row.
    make_large::wide_csv(&dir.path().join("lebar.csv"), 16_385);
    let err = read_dir_err(dir.path(), "");
    assert_eq!(
        err,
        "cannot read lebar.csv: record 1 has more than 16384 fields, more than a spreadsheet \
         row holds (column XFD); check that it is a table export"
    );
    make_large::wide_csv(&dir.path().join("lebar.csv"), 16_384);
    let err = read_dir_err(dir.path(), "[limits]\nmax_cells_per_file = 16383\n");
    assert!(
        err.starts_with("cannot read lebar.csv: it holds more than 16383 cells (record 1)"),
        "{err}"
    );
    assert!(
        err.contains("raise [limits] max_cells_per_file in patuh.toml"),
        "{err}"
    );
}
