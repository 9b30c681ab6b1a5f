//! The input contract (INPUTS.md of the specification), point by point, against small committed
//! fixtures in `tests/fixtures/inputs/<case>/` (see the README there), with exact values
//! worked out by hand. Every test checks the row ledger identity (support::check_ledger).

use std::path::{Path, PathBuf};

use crate::support::*;
use patuh::config::Config;
use patuh::ingest::Ledger;
use patuh::issues::IssueKind;
use patuh::model::Stamp;
use patuh::timestamp::DateOrder;

/// The folder of input-contract fixture `case` (`tests/fixtures/inputs/<case>`).
fn case_dir(case: &str) -> PathBuf {
    fixture("inputs").join(case)
}

/// Reads input-contract fixture `case` with its own configuration, and checks the ledger.
fn read(case: &str) -> Ledger {
    read_dir(&case_dir(case))
}

// ---------------------------------------------------------------------------------------
// Fixture generation (run once by hand; the outputs are committed):
//   cargo test --test it -- --ignored regenerate_binary_fixtures
// then convert the XLSX workbook with LibreOffice (see tests/fixtures/inputs/README.md).
// ---------------------------------------------------------------------------------------

mod make {
    use crate::support::excel_datetime as dt;
    use std::io::{Read, Write};
    use std::path::Path;

    use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, Formula, Workbook, XlsxError};

    /// `rekap.xlsx`: a cover sheet, a data sheet below title rows (native, text and serial
    /// dates, a number id, an error cell, blank and totals rows), a hidden sheet, and a
    /// sheet with a merged two-row header.
    pub fn rekap(path: &Path) -> Result<(), XlsxError> {
        let mut wb = Workbook::new();
        let stamp = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
        let date = Format::new().set_num_format("dd/mm/yyyy");

        let cover = wb.add_worksheet();
        cover.set_name("Sampul")?;
        cover.write_string(0, 0, "Rekapitulasi Pengaduan Media Sosial")?;
        cover.write_string(1, 0, "Diskominfostandi Kota Bekasi")?;
        cover.write_string(2, 0, "Minggu ke-48 tahun 2026")?;

        let data = wb.add_worksheet();
        data.set_name("Data")?;
        data.write_string(0, 0, "REKAP PENGADUAN")?;
        data.write_string(1, 0, "Periode 23-29 November 2026")?;
        // Row 3 is left out entirely; the header is row 4.
        let header = [
            "No",
            "No. Tiket",
            "Waktu Posting",
            "Kanal",
            "Jenis",
            "Akun Pelapor",
            "Isi Laporan",
            "Waktu Lapor",
            "Disposisi",
            "Perangkat Daerah",
            "Admin",
        ];
        for (c, h) in header.iter().enumerate() {
            data.write_string(3, c as u16, *h)?;
        }
        // Row 5: native date-times, the lapor time with half a second.
        data.write_number(4, 0, 1)?;
        data.write_string(4, 1, "T-001")?;
        data.write_datetime_with_format(4, 2, dt(2026, 11, 27, 14, 5, 0.0), &stamp)?;
        data.write_string(4, 3, "Twitter")?;
        data.write_string(4, 4, "Laporan")?;
        data.write_string(4, 5, "@warga1")?;
        data.write_string(4, 6, "Jalan berlubang")?;
        data.write_datetime_with_format(4, 7, dt(2026, 11, 27, 14, 30, 9.5), &stamp)?;
        data.write_string(4, 8, "Teruskan")?;
        data.write_string(4, 9, "Dishub")?;
        data.write_string(4, 10, "Rina")?;
        // Row 6: text dates, a text id with leading zeros, an error value in Admin.
        data.write_number(5, 0, 2)?;
        data.write_string(5, 1, "0042")?;
        data.write_string(5, 2, "27/11/2026 15.00")?;
        data.write_string(5, 3, "IG")?;
        data.write_string(5, 4, "Pertanyaan")?;
        data.write_string(5, 5, "@warga2")?;
        data.write_string(5, 6, "Jam layanan?")?;
        data.write_string(5, 7, "27 Nov 2026 15.20")?;
        data.write_string(5, 8, "Jawab Langsung")?;
        data.write_formula(5, 10, Formula::new("=NA()").set_result("#N/A"))?;
        // Row 7: a number id and a serial number without a date format.
        data.write_number(6, 0, 3)?;
        data.write_number(6, 1, 123)?;
        data.write_number(6, 2, 46353.625)?;
        data.write_string(6, 3, "WA")?;
        data.write_string(6, 4, "Pengaduan")?;
        // Row 8 is missing (a blank row); row 9 has only its running number.
        data.write_number(8, 0, 4)?;
        // Row 10: a date cell without a time.
        data.write_number(9, 0, 5)?;
        data.write_string(9, 1, "T-005")?;
        data.write_datetime_with_format(9, 2, dt(2026, 11, 28, 0, 0, 0.0), &date)?;
        data.write_string(9, 3, "Facebook")?;
        // Row 11: totals.
        data.write_string(10, 1, "Jumlah")?;
        data.write_number(10, 2, 4)?;

        let hidden = wb.add_worksheet();
        hidden.set_name("Rekap")?;
        hidden.write_string(0, 0, "Waktu Posting")?;
        hidden.write_datetime_with_format(1, 0, dt(2026, 11, 20, 9, 0, 0.0), &stamp)?;
        hidden.set_hidden(true);

        let more = wb.add_worksheet();
        more.set_name("Lanjutan")?;
        more.write_string(0, 0, "ID")?;
        more.merge_range(0, 1, 0, 3, "Waktu", &Format::new())?;
        more.write_string(0, 4, "Akun")?;
        more.write_string(1, 1, "Posting")?;
        more.write_string(1, 2, "Lapor")?;
        more.write_string(1, 3, "Disposisi")?;
        more.write_string(2, 0, "L-1")?;
        more.write_datetime_with_format(2, 1, dt(2026, 11, 26, 8, 0, 0.0), &stamp)?;
        more.write_datetime_with_format(2, 2, dt(2026, 11, 26, 8, 40, 0.0), &stamp)?;
        more.write_datetime_with_format(2, 3, dt(2026, 11, 26, 8, 45, 0.0), &stamp)?;
        more.write_string(2, 4, "@warga9")?;
        more.write_string(3, 0, "T-001")?;
        more.write_datetime_with_format(3, 1, dt(2026, 11, 27, 14, 5, 0.0), &stamp)?;
        more.write_datetime_with_format(3, 3, dt(2026, 11, 27, 14, 40, 0.0), &stamp)?;
        wb.save(path)
    }

    /// `ids.xlsx`: ids as a number cell (123) and as text with leading zeros ("007").
    pub fn ids(path: &Path) -> Result<(), XlsxError> {
        let mut wb = Workbook::new();
        let stamp = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        let ws = wb.add_worksheet();
        ws.set_name("Tiket")?;
        ws.write_string(0, 0, "ID")?;
        ws.write_string(0, 1, "Waktu Posting")?;
        ws.write_string(0, 2, "Admin")?;
        ws.write_number(1, 0, 123.0)?;
        ws.write_datetime_with_format(1, 1, dt(2026, 11, 2, 8, 0, 0.0), &stamp)?;
        ws.write_string(1, 2, "Rina")?;
        ws.write_string(2, 0, "007")?;
        ws.write_datetime_with_format(2, 1, dt(2026, 11, 2, 9, 0, 0.0), &stamp)?;
        ws.write_string(2, 2, "Rina")?;
        wb.save(path)
    }

    /// `mac.xlsx` in the 1904 date system: written with dates 1462 days early in the 1900
    /// system, then `date1904="1"` is set on the workbook, which moves every serial's date
    /// 1462 days on (to the dates meant).
    pub fn mac_1904(path: &Path) -> Result<(), XlsxError> {
        let mut wb = Workbook::new();
        let stamp = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        let ws = wb.add_worksheet();
        ws.set_name("Data")?;
        ws.write_string(0, 0, "ID")?;
        ws.write_string(0, 1, "Waktu Posting")?;
        ws.write_string(0, 2, "Waktu Lapor")?;
        ws.write_string(1, 0, "M-1")?;
        // 2022-11-26 14:05 in the 1900 system is serial 44891.586805..., which is
        // 2026-11-27 14:05 in the 1904 system.
        ws.write_datetime_with_format(1, 1, dt(2022, 11, 26, 14, 5, 0.0), &stamp)?;
        // A plain number in a timestamp column: a serial in the workbook's own system.
        ws.write_number(1, 2, 44891.6)?;
        wb.save(path)?;
        set_1904(path);
        Ok(())
    }

    fn set_1904(path: &Path) {
        let bytes = std::fs::read(path).unwrap();
        let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..zin.len() {
            let mut entry = zin.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            if name == "xl/workbook.xml" {
                let text = String::from_utf8(content).unwrap();
                assert!(text.contains("<workbookPr "), "{text}");
                content = text
                    .replacen("<workbookPr ", "<workbookPr date1904=\"1\" ", 1)
                    .into_bytes();
            }
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            out.start_file(name, options).unwrap();
            out.write_all(&content).unwrap();
        }
        std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    /// A workbook made at test time: a date cell and a time cell as a pair, a date-time
    /// cell in the date half of a pair whose time half is empty, and a chart sheet.
    pub fn pairs_and_chart(path: &Path) -> Result<(), XlsxError> {
        let mut wb = Workbook::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let time = Format::new().set_num_format("hh:mm");
        let stamp = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        let ws = wb.add_worksheet();
        ws.set_name("Data")?;
        for (c, h) in [
            "ID",
            "Tanggal Posting",
            "Jam Posting",
            "Tanggal Lapor",
            "Jam Lapor",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *h)?;
        }
        ws.write_string(1, 0, "PX-1")?;
        ws.write_datetime_with_format(1, 1, dt(2026, 11, 27, 0, 0, 0.0), &date)?;
        ws.write_datetime_with_format(1, 2, ExcelDateTime::from_hms(14, 5, 0).unwrap(), &time)?;
        ws.write_datetime_with_format(1, 3, dt(2026, 11, 27, 14, 30, 0.0), &stamp)?;
        let mut chart = Chart::new(ChartType::Column);
        chart.add_series().set_values("Data!$B$2:$B$2");
        let sheet = wb.add_chartsheet();
        sheet.set_name("Grafik")?;
        sheet.insert_chart(0, 0, &chart)?;
        wb.save(path)
    }

    /// The CSV files of `csv_encodings/`.
    pub fn encodings(dir: &Path) {
        let write = |name: &str, bytes: Vec<u8>| std::fs::write(dir.join(name), bytes).unwrap();
        write(
            "utf8-plain.csv",
            "ID,Waktu Posting,Akun Pelapor,Isi\nE1,27/11/2026 08:00,José,Lampu mati\n".into(),
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend("ID;Waktu Posting;Akun Pelapor;Isi\nE2;27/11/2026 09:00;Zoë;Banjir\n".bytes());
        write("utf8-bom.csv", bom);
        write(
            "utf16le.txt",
            utf16(
                "ID\tWaktu Posting\tAkun Pelapor\tIsi\r\nE3\t27/11/2026 10:00\tAndré\tSampah\r\n",
                false,
            ),
        );
        write(
            "utf16be.csv",
            utf16(
                "ID,Waktu Posting,Akun Pelapor,Isi\nE4,27/11/2026 11:00,Müller,Macet\n",
                true,
            ),
        );
        let mut cp1252 = b"ID;Waktu Posting;Akun Pelapor;Isi\r\nE5;27/11/2026 12:00;Jos".to_vec();
        cp1252.push(0xE9); // é
        cp1252.extend(b";Parkir Rp5.000 ");
        cp1252.push(0x96); // en dash
        cp1252.extend(b" mahal\r\n");
        write("windows1252.csv", cp1252);
    }

    /// The broken workbooks of `corrupt_workbooks/`.
    pub fn corrupt(dir: &Path, good_xlsx: &Path) {
        // Bytes from a fixed linear congruential sequence: reproducible "random" noise.
        let mut x: u32 = 12345;
        let noise: Vec<u8> = (0..256)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        std::fs::write(dir.join("acak.xlsx"), noise).unwrap();
        let good = std::fs::read(good_xlsx).unwrap();
        std::fs::write(dir.join("terpotong.xlsx"), &good[..good.len() / 2]).unwrap();
    }
}

#[test]
#[ignore = "writes the committed binary fixtures; run by hand"]
fn regenerate_binary_fixtures() {
    let dir = |case: &str| {
        let d = case_dir(case);
        std::fs::create_dir_all(&d).unwrap();
        d
    };
    make::rekap(&dir("workbook_xlsx").join("rekap.xlsx")).unwrap();
    make::ids(&dir("id_keys").join("ids.xlsx")).unwrap();
    make::mac_1904(&dir("xlsx_1904").join("mac.xlsx")).unwrap();
    // The source of xls_date_time_pair/ and ods_date_time_pair/ (converted by LibreOffice).
    let pairs = std::env::temp_dir().join("pasangan.xlsx");
    make::pairs_and_chart(&pairs).unwrap();
    println!("wrote {}", pairs.display());
    make::encodings(&dir("csv_encodings"));
    make::corrupt(
        &dir("corrupt_workbooks"),
        &case_dir("workbook_xlsx").join("rekap.xlsx"),
    );
}

use patuh::discover::SkipReason;
use patuh::ingest::delimited::{DelimitedInfo, Encoding};
use patuh::ingest::table::OrderDecision;
use patuh::ingest::SheetOutcome;
use patuh::model::{Channel, Disposition, DispositionValue, Kind};

/// The ids of the items, in ledger order.
fn ids(ledger: &patuh::ingest::Ledger) -> Vec<String> {
    ledger
        .items
        .iter()
        .map(|i| {
            i.id.as_deref()
                .map(String::from)
                .unwrap_or_else(|| "-".into())
        })
        .collect()
}

/// The sheets of a file as `(name, outcome)` with outcome `read` or the skip reason.
fn sheets(ledger: &patuh::ingest::Ledger, file: &str) -> Vec<(String, String)> {
    let report = ledger.files.iter().find(|f| f.file == file).unwrap();
    report
        .sheets
        .iter()
        .map(|s| {
            let outcome = match &s.outcome {
                SheetOutcome::Read(_) => "read".to_string(),
                SheetOutcome::Skipped(r) => format!("{r:?}"),
            };
            (s.name.clone().unwrap_or_default(), outcome)
        })
        .collect()
}

// =======================================================================================
// Finding the exports
// =======================================================================================

#[test]
fn walk_is_recursive_in_byte_order_and_skips_hidden_lock_excluded_and_output_files() {
    let dir = case_dir("walk");
    let config = config_of(&dir);
    let ledger = patuh::read_exports(
        &dir,
        &config,
        Some(&dir.join("keluaran")),
        now(),
        &Default::default(),
    )
    .unwrap();
    check_ledger(&ledger);
    let files: Vec<&str> = ledger.files.iter().map(|f| f.file.as_str()).collect();
    // Byte order: upper case before lower case, `-` (0x2D) before `/` (0x2F).
    assert_eq!(files, ["B.csv", "Upper.CSV", "a-c.csv", "a/z.csv", "b.csv"]);
    let exports: Vec<&str> = ledger
        .discovery
        .exports
        .iter()
        .map(|e| e.relative.as_str())
        .collect();
    assert_eq!(exports, files);
    let skipped: Vec<(&str, SkipReason)> = ledger
        .discovery
        .skipped
        .iter()
        .map(|s| (s.relative.as_str(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            ("arsip-lama/old.csv", SkipReason::Excluded),
            ("notes.pdf", SkipReason::NotAnExport),
            ("patuh.toml", SkipReason::Configuration),
            ("rekap draft.csv", SkipReason::Excluded),
            ("~$b.xlsx", SkipReason::LockFile),
        ]
    );
    // Hidden files and folders (.hidden/, .secret.csv, .~lock.b.xlsx#) are never read.
    assert_eq!(ids(&ledger), ["W-B", "W-U", "W-AC", "W-AZ", "W-b"]);
    assert_eq!(counts(&ledger), (5, 5, 0, 0));
    assert_eq!(posted(&ledger, "W-AZ"), Some(utc("2024-11-02T01:30:00Z")));

    // Without an output folder, keluaran/ is an ordinary sub-folder and is read.
    let all = read("walk");
    let files: Vec<&str> = all.files.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "B.csv",
            "Upper.CSV",
            "a-c.csv",
            "a/z.csv",
            "b.csv",
            "keluaran/index.csv"
        ]
    );
    assert_eq!(counts(&all), (6, 6, 0, 0));
}

// =======================================================================================
// CSV
// =======================================================================================

#[test]
fn csv_delimiters_comma_semicolon_tab_and_pipe_are_sniffed() {
    let ledger = read("csv_delimiters");
    let info: Vec<(&str, char)> = ledger
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.delimited.unwrap().delimiter))
        .collect();
    assert_eq!(
        info,
        [
            ("koma.csv", ','),
            ("pipa.csv", '|'),
            ("tab.txt", '\t'),
            ("titik-koma.csv", ';'),
        ]
    );
    // The `;` file has a title row (with a comma) above its header.
    assert_eq!(table(&ledger, "titik-koma.csv", None).header_row, 2);
    assert_eq!(counts(&ledger), (5, 5, 0, 0));
    let text = |id: &str| item(&ledger, id).text.as_deref().map(String::from).unwrap();
    assert_eq!(text("D-1"), "Jalan rusak; tolong | cepat");
    assert_eq!(text("D-2"), "Lampu mati, gelap");
    assert_eq!(text("D-3"), "Sampah, bau");
    assert_eq!(text("D-4"), "Pohon tumbang, jalan tertutup");
    assert_eq!(text("D-5"), "Air mati");
    assert_eq!(posted(&ledger, "D-3"), Some(utc("2026-11-02T02:30:00Z")));
    assert_eq!(item(&ledger, "D-3").source.row, 4);
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
}

#[test]
fn a_semicolon_export_whose_cells_hold_commas_is_sniffed_as_semicolon() {
    // What Excel writes in the Indonesian locale: `;` between cells, commas in the title
    // and in the citizens' text. Split by `,` no header row can be found.
    let ledger = read("csv_semicolon_with_commas");
    assert_eq!(ledger.files[0].delimited.map(|d| d.delimiter), Some(';'));
    assert_eq!(
        sheets(&ledger, "export.csv"),
        [(String::new(), "read".into())]
    );
    assert_eq!(table(&ledger, "export.csv", None).header_row, 2);
    assert_eq!(
        item(&ledger, "S-1").text.as_deref(),
        Some("Jalan rusak, berlubang, bahaya")
    );
    assert_eq!(posted(&ledger, "S-2"), Some(utc("2026-11-02T02:00:00Z")));
    assert_eq!(counts(&ledger), (2, 2, 0, 0));
}

#[test]
fn csv_encodings_utf8_with_and_without_bom_utf16_le_and_be_and_windows_1252() {
    let ledger = read("csv_encodings");
    let info: Vec<(&str, DelimitedInfo)> = ledger
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.delimited.unwrap()))
        .collect();
    let d = |encoding, delimiter| DelimitedInfo {
        encoding,
        delimiter,
    };
    assert_eq!(
        info,
        [
            ("utf16be.csv", d(Encoding::Utf16, ',')),
            ("utf16le.txt", d(Encoding::Utf16, '\t')),
            ("utf8-bom.csv", d(Encoding::Utf8, ';')),
            ("utf8-plain.csv", d(Encoding::Utf8, ',')),
            ("windows1252.csv", d(Encoding::Windows1252, ';')),
        ]
    );
    // The BOM does not stick to the first header: `ID` is mapped in every file.
    for f in &ledger.files {
        assert_eq!(
            columns(table(&ledger, &f.file, None)),
            [
                "id=A (ID)",
                "posted_at=B (Waktu Posting)",
                "account=C (Akun Pelapor)",
                "text=D (Isi)"
            ],
            "{}",
            f.file
        );
    }
    let account = |id: &str| {
        item(&ledger, id)
            .account
            .as_deref()
            .map(String::from)
            .unwrap()
    };
    assert_eq!(account("E1"), "José");
    assert_eq!(account("E2"), "Zoë");
    assert_eq!(account("E3"), "André");
    assert_eq!(account("E4"), "Müller");
    assert_eq!(account("E5"), "José");
    assert_eq!(
        item(&ledger, "E5").text.as_deref(),
        Some("Parkir Rp5.000 \u{2013} mahal")
    );
    assert_eq!(posted(&ledger, "E3"), Some(utc("2026-11-27T03:00:00Z")));
    assert_eq!(posted(&ledger, "E4"), Some(utc("2026-11-27T04:00:00Z")));
    assert_eq!(counts(&ledger), (5, 5, 0, 0));
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
}

#[test]
fn csv_quoted_multiline_cells_and_crlf_keep_spreadsheet_row_numbers() {
    let ledger = read("csv_multiline_crlf");
    let t = table(&ledger, "laporan.csv", None);
    assert_eq!((t.header_row, t.header_rows), (3, 1));
    assert_eq!((t.rows, t.included, t.rejected, t.blank), (4, 3, 1, 0));
    assert_eq!(ids(&ledger), ["M-1", "M-2", "M-3"]);
    let row = |id: &str| item(&ledger, id).source.row;
    assert_eq!((row("M-1"), row("M-2"), row("M-3")), (4, 5, 6));
    assert_eq!(
        item(&ledger, "M-1").text.as_deref(),
        Some("Baris satu\r\nbaris dua")
    );
    assert_eq!(item(&ledger, "M-2").text.as_deref(), Some("a\r\nb\r\nc"));
    assert_eq!(posted(&ledger, "M-3"), Some(utc("2026-11-02T03:00:00Z")));
    // The record after two multi-line cells is row 7, as a spreadsheet shows it.
    assert_eq!(
        briefs(&ledger),
        [
            "UnreadableTimestamp laporan.csv:7:B(Waktu Posting)=kemarin sore",
            "RejectedRow laporan.csv:7",
        ]
    );
    assert_eq!(counts(&ledger), (4, 3, 0, 1));
}

#[test]
fn csv_empty_lines_between_rows_are_blank_rows() {
    // An empty line is an empty row when the file is opened in a spreadsheet (G-2 is
    // row 4), so it must be counted as a blank row like `,,` is.
    let ledger = read("csv_empty_lines");
    assert_eq!(item(&ledger, "G-2").source.row, 4);
    assert_eq!(counts(&ledger), (2, 2, 0, 0));
    let t = table(&ledger, "export.csv", None);
    assert_eq!(t.blank, 1, "the empty line 3 is a blank row");
    assert_eq!(ledger.blank_rows, 1);
}

#[test]
fn csv_without_a_table_is_skipped_with_its_reason() {
    let ledger = read("csv_no_table");
    assert_eq!(
        sheets(&ledger, "catatan.csv"),
        [(String::new(), "NoHeader".into())]
    );
    assert_eq!(
        sheets(&ledger, "kosong.csv"),
        [(String::new(), "Empty".into())]
    );
    assert_eq!(
        sheets(&ledger, "data.csv"),
        [(String::new(), "read".into())]
    );
    assert_eq!(counts(&ledger), (1, 1, 0, 0));
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
}

#[test]
fn the_header_is_searched_in_the_first_20_rows_only() {
    let ledger = read("header_search_limit");
    assert_eq!(table(&ledger, "baris20.csv", None).header_row, 20);
    assert_eq!(item(&ledger, "HS-20").source.row, 21);
    assert_eq!(
        sheets(&ledger, "baris21.csv"),
        [(String::new(), "NoHeader".into())]
    );
    assert_eq!(counts(&ledger), (1, 1, 0, 0));
}

// =======================================================================================
// Workbooks: XLSX (rust_xlsxwriter), XLS and ODS (LibreOffice from the same XLSX)
// =======================================================================================

/// What every format of `rekap` must give (the blank-row count and the error cell are
/// checked apart, in their own tests).
fn check_rekap(case: &str, file: &str) -> patuh::ingest::Ledger {
    let ledger = read(case);
    let mut got = sheets(&ledger, file);
    got.sort();
    let want = [
        ("Data", "read"),
        ("Lanjutan", "read"),
        ("Rekap", "Hidden"),
        ("Sampul", "NoHeader"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(got, want, "{file}");

    let data = table(&ledger, file, Some("Data"));
    assert_eq!((data.header_row, data.header_rows), (4, 1), "{file}");
    assert_eq!(
        (
            data.rows,
            data.included,
            data.duplicates,
            data.rejected,
            data.totals
        ),
        (4, 3, 1, 0, 1),
        "{file}"
    );
    assert_eq!(
        columns(data),
        [
            "id=B (No. Tiket)",
            "posted_at=C (Waktu Posting)",
            "channel=D (Kanal)",
            "kind=E (Jenis)",
            "account=F (Akun Pelapor)",
            "text=G (Isi Laporan)",
            "reported_at=H (Waktu Lapor)",
            "disposition=I (Disposisi)",
            "department=J (Perangkat Daerah)",
            "admin=K (Admin)",
        ],
        "{file}"
    );
    let more = table(&ledger, file, Some("Lanjutan"));
    assert_eq!((more.header_row, more.header_rows), (1, 2), "{file}");
    // T-001 appears in Data row 5 and again in Lanjutan row 4: the later occurrence is
    // the winning (included) row, the earlier one the duplicate.
    assert_eq!(
        (more.rows, more.included, more.duplicates, more.rejected),
        (2, 2, 0, 0),
        "{file}"
    );
    assert_eq!(
        columns(more),
        [
            "id=A (ID)",
            "posted_at=B (Waktu Posting)",
            "reported_at=C (Waktu Lapor)",
            "disposed_at=D (Waktu Disposisi)",
            "account=E (Akun)",
        ],
        "{file}"
    );
    assert_eq!(counts(&ledger), (6, 5, 1, 0), "{file}");
    assert_eq!(ledger.totals_rows, 1, "{file}");
    assert_eq!(
        ids(&ledger),
        ["T-001", "0042", "123", "T-005", "L-1"],
        "{file}"
    );
    assert_eq!(ledger.files[0].latest, Some(utc("2026-11-27T17:00:00Z")));

    // Native date-times; the lapor time 14:30:09.5 rounds to :10; merged with its
    // duplicate further down (sheet Lanjutan), which adds the disposisi time.
    let t1 = item(&ledger, "T-001");
    assert_eq!(
        t1.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-27T07:05:00Z"))
    );
    assert_eq!(
        t1.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-27T07:30:10Z"))
    );
    assert_eq!(
        t1.stamps.get(Stamp::DisposedAt),
        Some(utc("2026-11-27T07:40:00Z"))
    );
    assert_eq!(t1.channel, Some(Channel::TwitterX));
    assert_eq!(t1.kind, Some(Kind::Laporan));
    assert_eq!(t1.account.as_deref(), Some("@warga1"));
    assert_eq!(t1.text.as_deref(), Some("Jalan berlubang"));
    assert_eq!(t1.disposition, Some(DispositionValue::Forward));
    assert_eq!(t1.department.as_deref(), Some("Dishub"));
    assert_eq!(t1.admin.as_deref(), Some("Rina"));
    assert_eq!(t1.occurrences, 2);
    assert_eq!(
        (t1.source.sheet.as_deref(), t1.source.row),
        (Some("Lanjutan"), 4)
    );
    // Text dates in a workbook, and a text id with its leading zeros.
    let t2 = item(&ledger, "0042");
    assert_eq!(
        t2.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-27T08:00:00Z"))
    );
    assert_eq!(
        t2.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-27T08:20:00Z"))
    );
    assert_eq!(t2.channel, Some(Channel::Instagram));
    assert_eq!(t2.kind, Some(Kind::Pertanyaan));
    assert_eq!(t2.disposition(), Disposition::Answer);
    // A number id (123.0 → "123") and a serial number without a date format.
    let t3 = item(&ledger, "123");
    assert_eq!(
        t3.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-27T08:00:00Z"))
    );
    assert_eq!(
        (t3.channel, t3.kind),
        (Some(Channel::WhatsApp), Some(Kind::Pengaduan))
    );
    // A date cell without a time: midnight local.
    let t5 = item(&ledger, "T-005");
    assert_eq!(
        t5.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-27T17:00:00Z"))
    );
    assert_eq!(t5.channel, Some(Channel::Facebook));
    assert_eq!(t5.source.row, 10);
    let l1 = item(&ledger, "L-1");
    assert_eq!(
        l1.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-26T01:00:00Z"))
    );
    assert_eq!(
        l1.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-26T01:40:00Z"))
    );
    assert_eq!(
        l1.stamps.get(Stamp::DisposedAt),
        Some(utc("2026-11-26T01:45:00Z"))
    );
    assert_eq!(l1.account.as_deref(), Some("@warga9"));
    ledger
}

#[test]
fn xlsx_workbook_sheets_titles_native_text_and_serial_dates() {
    let ledger = check_rekap("workbook_xlsx", "rekap.xlsx");
    assert_eq!(
        briefs(&ledger),
        // The date cell at midnight is among dates with times: a time of midnight.
        ["UnreadableValue rekap.xlsx/Data:6:K(Admin)=#N/A"]
    );
    assert_eq!(item(&ledger, "0042").admin, None);
}

#[test]
fn xls_workbook_made_by_libreoffice() {
    let ledger = check_rekap("workbook_xls", "rekap.xls");
    assert_eq!(
        briefs(&ledger),
        // The date cell at midnight is among dates with times: a time of midnight.
        ["UnreadableValue rekap.xls/Data:6:K(Admin)=#N/A"]
    );
    assert_eq!(item(&ledger, "0042").admin, None);
}

#[test]
fn ods_workbook_made_by_libreoffice() {
    check_rekap("workbook_ods", "rekap.ods");
}

#[test]
fn ods_error_cells_are_unreadable_values() {
    // LibreOffice stores =NA() as office:value-type="string" with calcext:value-type=
    // "error" and the text #N/A: it is the same error cell as in the XLSX and XLS.
    let ledger = read("workbook_ods");
    assert_eq!(
        briefs(&ledger),
        [
            "UnreadableValue rekap.ods/Data:6:K(Admin)=#N/A",
            "DateWithoutTime rekap.ods/Data:C(Waktu Posting)=2026-11-28",
        ]
    );
    assert_eq!(item(&ledger, "0042").admin, None);
}

#[test]
fn missing_rows_inside_a_table_are_blank_rows_in_every_format() {
    // Sheet Data: row 8 holds nothing at all (an XLSX does not store it), row 9 only its
    // running number. Both are blank rows, whatever the format.
    for (case, file) in [
        ("workbook_xls", "rekap.xls"),
        ("workbook_ods", "rekap.ods"),
        ("workbook_xlsx", "rekap.xlsx"),
    ] {
        let ledger = read(case);
        assert_eq!(table(&ledger, file, Some("Data")).blank, 2, "{file}");
        assert_eq!(ledger.blank_rows, 2, "{file}");
    }
}

#[test]
fn sheets_are_reported_in_workbook_order() {
    for (case, file) in [
        ("workbook_xlsx", "rekap.xlsx"),
        ("workbook_xls", "rekap.xls"),
        ("workbook_ods", "rekap.ods"),
    ] {
        let ledger = read(case);
        let names: Vec<String> = sheets(&ledger, file).into_iter().map(|s| s.0).collect();
        assert_eq!(names, ["Sampul", "Data", "Rekap", "Lanjutan"], "{file}");
    }
    let ledger = pairs_and_chart();
    let names: Vec<String> = sheets(&ledger, "pasangan.xlsx")
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(names, ["Data", "Grafik"]);
}

#[test]
fn xlsx_1904_date_system_applies_to_date_cells_and_numbers() {
    let ledger = read("xlsx_1904");
    assert_eq!(counts(&ledger), (1, 1, 0, 0));
    let m = item(&ledger, "M-1");
    // 2026-11-27 14:05 WIB as a date cell; the plain number 44891.6 in the 1904 system.
    assert_eq!(
        m.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-27T07:05:00Z"))
    );
    assert_eq!(
        m.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-27T07:24:00Z"))
    );
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
}

/// Reads the test-time workbook of [`make::pairs_and_chart`].
fn pairs_and_chart() -> patuh::ingest::Ledger {
    let dir = tempfile::tempdir().unwrap();
    make::pairs_and_chart(&dir.path().join("pasangan.xlsx")).unwrap();
    read_dir(dir.path())
}

/// The pair workbook in every format: XLSX made at test time, XLS and ODS converted from
/// it by LibreOffice (committed).
fn pair_workbooks() -> Vec<(&'static str, patuh::ingest::Ledger)> {
    vec![
        ("pasangan.xlsx", pairs_and_chart()),
        ("pasangan.xls", read("xls_date_time_pair")),
        ("pasangan.ods", read("ods_date_time_pair")),
    ]
}

#[test]
fn a_date_cell_and_a_time_cell_pair_in_every_workbook_format() {
    for (file, ledger) in pair_workbooks() {
        let t = table(&ledger, file, Some("Data"));
        assert_eq!(
            columns(t),
            [
                "id=A (ID)",
                "posted_at=B+C (Tanggal Posting + Jam Posting)",
                "reported_at=D+E (Tanggal Lapor + Jam Lapor)"
            ],
            "{file}"
        );
        assert_eq!(
            posted(&ledger, "PX-1"),
            Some(utc("2026-11-27T07:05:00Z")),
            "{file}"
        );
        assert_eq!(counts(&ledger), (1, 1, 0, 0), "{file}");
    }
}

#[test]
fn a_chart_sheet_is_skipped_as_not_a_worksheet() {
    let ledger = pairs_and_chart();
    let mut got = sheets(&ledger, "pasangan.xlsx");
    got.sort();
    assert_eq!(
        got,
        [
            ("Data".to_string(), "read".to_string()),
            ("Grafik".to_string(), "NotAWorksheet".to_string())
        ]
    );
}

#[test]
fn a_date_time_cell_in_the_date_half_of_a_pair_keeps_its_time_when_the_time_half_is_empty() {
    // `Tanggal Lapor` holds the date-time cell 27/11/2026 14:30 and `Jam Lapor` is empty:
    // as with the text `27/11/2026 14:30` (and the ODS date-value), the time is kept.
    for (file, ledger) in pair_workbooks() {
        assert_eq!(
            item(&ledger, "PX-1").stamps.get(Stamp::ReportedAt),
            Some(utc("2026-11-27T07:30:00Z")),
            "{file}"
        );
        assert!(
            table(&ledger, file, Some("Data")).date_only.is_empty(),
            "{file}"
        );
    }
}

// =======================================================================================
// Tables: headers, columns, blank and totals rows
// =======================================================================================

#[test]
fn header_aliases_ignore_case_accents_punctuation_and_snake_case() {
    let ledger = read("header_aliases");
    assert_eq!(
        columns(table(&ledger, "export.csv", None)),
        [
            "id=A (NO_TIKET)",
            "posted_at=B (Tgl. Posting)",
            "channel=C (Média)",
            "kind=D (KATEGORI)",
            "account=E (akun-pelapor)",
            "text=F (isi_laporan)",
            "reported_at=G (waktu_lapor_ke_kasi)",
            "disposed_at=H (Wkt. Disposisi)",
            "disposition=I (Tindak Lanjut Kasi)",
            "department=J (OPD)",
            "forwarded_at=K (Waktu Diterima PD)",
            "admin=L (Petugas)",
            "url=M (Link)",
        ]
    );
    assert_eq!(
        columns(table(&ledger, "db-export.csv", None)),
        [
            "id=A (ticket_id)",
            "posted_at=B (posted_at)",
            "channel=C (channel)",
            "reported_at=D (reported_at)",
            "disposed_at=E (disposed_at)",
            "disposition=F (disposition)",
            "department=G (department)",
            "forwarded_at=H (forwarded_at)",
            "closed_at=I (closed_at)",
            "admin=J (admin)",
        ]
    );
    // The unknown column `Catatan` is not an issue.
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
    let h1 = item(&ledger, "H-1");
    assert_eq!(
        h1.stamps.0,
        [
            Some(utc("2026-11-02T01:00:00Z")),
            Some(utc("2026-11-02T01:30:00Z")),
            Some(utc("2026-11-02T01:35:00Z")),
            Some(utc("2026-11-02T01:45:00Z")),
            None
        ]
    );
    assert_eq!(h1.url.as_deref(), Some("https://instagram.com/p/abc"));
    assert_eq!(h1.department.as_deref(), Some("Dinas PUPR"));
    assert_eq!(h1.admin.as_deref(), Some("Rina"));
    let h2 = item(&ledger, "H-2");
    assert_eq!(
        h2.stamps.get(Stamp::ClosedAt),
        Some(utc("2026-11-03T03:00:00Z"))
    );
    assert_eq!(h2.channel, Some(Channel::TwitterX));
    assert_eq!(counts(&ledger), (2, 2, 0, 0));
}

#[test]
fn every_built_in_header_alias_of_inputs_md() {
    let aliases: &[(&str, &[&str])] = &[
        (
            "id",
            &[
                "ID",
                "No Tiket",
                "Nomor Tiket",
                "No Laporan",
                "Nomor Laporan",
                "Nomor Pengaduan",
                "ID Pengaduan",
                "Kode",
                "Ticket ID",
                "Nmr. Tiket",
                "no_laporan",
            ],
        ),
        (
            "channel",
            &[
                "Kanal",
                "Media",
                "Media Sosial",
                "Sumber",
                "Platform",
                "Channel",
            ],
        ),
        ("kind", &["Jenis", "Jenis Laporan", "Kategori", "Type"]),
        (
            "account",
            &["Akun", "Akun Pelapor", "Pelapor", "Username", "Nama Akun"],
        ),
        (
            "text",
            &[
                "Isi",
                "Isi Laporan",
                "Uraian",
                "Konten",
                "Pesan",
                "Keluhan",
                "Text",
                "Message",
            ],
        ),
        ("url", &["Tautan", "Link", "URL"]),
        (
            "posted_at",
            &[
                "Waktu Posting",
                "Tanggal Posting",
                "Waktu Unggah",
                "Waktu Masuk",
                "Waktu Pengaduan",
                "Tanggal Pengaduan",
                "Waktu Aduan",
                "Tanggal Aduan",
                "Posted At",
                "Tgl Pengaduan",
                "Wkt. Unggah",
            ],
        ),
        (
            "reported_at",
            &[
                "Waktu Lapor",
                "Waktu Lapor ke Kasi",
                "Waktu Disampaikan",
                "Reported At",
            ],
        ),
        ("disposed_at", &["Waktu Disposisi", "Disposed At"]),
        (
            "disposition",
            &["Disposisi", "Tindakan", "Tindak Lanjut Kasi"],
        ),
        (
            "department",
            &[
                "Perangkat Daerah",
                "OPD",
                "PD",
                "PD Tujuan",
                "Dinas",
                "Instansi",
                "Department",
                "Perangkat Daérah",
            ],
        ),
        (
            "forwarded_at",
            &["Waktu Diteruskan", "Waktu Diterima PD", "Forwarded At"],
        ),
        (
            "closed_at",
            &[
                "Waktu Selesai",
                "Tanggal Selesai",
                "Waktu Tindak Lanjut",
                "Closed At",
            ],
        ),
        ("admin", &["Admin", "Petugas", "Operator"]),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut expected = Vec::new();
    for (n, (field, names)) in aliases.iter().enumerate() {
        for (m, name) in names.iter().enumerate() {
            // Column A is the other header; the alias is column B.
            let other = if *field == "posted_at" {
                "Kode"
            } else {
                "Waktu Posting"
            };
            let file = format!("{n:02}-{m:02}.csv");
            let csv = format!("{other};{name}\nx;02/11/2026 08:00\n");
            std::fs::write(dir.path().join(&file), csv).unwrap();
            expected.push((file, format!("{field}=B ({name})")));
        }
    }
    let ledger = read_dir(dir.path());
    for (file, want) in expected {
        let t = table(&ledger, &file, None);
        assert!(
            columns(t).contains(&want),
            "{file}: {want} not in {:?}",
            columns(t)
        );
    }
}

#[test]
fn configured_column_aliases_are_matched_like_built_in_ones() {
    let ledger = read("columns_config");
    assert_eq!(
        columns(table(&ledger, "export.csv", None)),
        [
            "id=A (Nomor Register)",
            "posted_at=B (TGL_POSTING_WARGA)",
            "department=C (Unit Kerja)",
            "text=D (Isi)",
        ]
    );
    let r = item(&ledger, "R-01");
    assert_eq!(
        r.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-02T06:00:00Z"))
    );
    assert_eq!(r.department.as_deref(), Some("Dinas Sosial"));
    assert_eq!(counts(&ledger), (1, 1, 0, 0));
    // Without the configuration the file has no recognisable header.
    let dir = case_dir("columns_config");
    let plain = read_exports(&dir, &Config::default()).unwrap();
    check_ledger(&plain);
    assert_eq!(
        sheets(&plain, "export.csv"),
        [(String::new(), "NoHeader".into())]
    );
}

#[test]
fn a_lone_no_column_is_the_running_number_not_the_id() {
    let ledger = read("row_number_column");
    let t = table(&ledger, "export.csv", None);
    assert_eq!(
        columns(t),
        [
            "posted_at=B (Waktu Posting)",
            "channel=C (Kanal)",
            "account=D (Akun)",
            "text=E (Isi)",
        ]
    );
    // Rows 2 and 3 differ only by account; row 4 has only its number (a blank row).
    assert_eq!((t.rows, t.blank), (3, 1));
    assert!(ledger.items.iter().all(|i| i.id.is_none()));
    let accounts: Vec<_> = ledger
        .items
        .iter()
        .map(|i| i.account.as_deref().map(String::from).unwrap())
        .collect();
    assert_eq!(accounts, ["@Andi", "@Budi", "Warga RT 05"]);
    let rows: Vec<u32> = ledger.items.iter().map(|i| i.source.row).collect();
    assert_eq!(rows, [2, 3, 5]);
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
}

#[test]
fn date_and_time_in_two_columns_are_paired() {
    let ledger = read("date_time_pairs");
    assert_eq!(
        columns(table(&ledger, "export.csv", None)),
        [
            "id=A (No Tiket)",
            "posted_at=B+C (Tanggal Posting + Jam Posting)",
            "disposed_at=D+E (Tgl Disposisi + Pukul Disposisi)",
        ]
    );
    let p1 = item(&ledger, "P-1");
    assert_eq!(
        p1.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-02T01:05:00Z"))
    );
    assert_eq!(
        p1.stamps.get(Stamp::DisposedAt),
        Some(utc("2026-11-02T01:20:30Z"))
    );
    // A date with its time column empty is midnight; `9:15 PM` is 21:15.
    let p2 = item(&ledger, "P-2");
    assert_eq!(
        p2.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-02T17:00:00Z"))
    );
    assert_eq!(
        p2.stamps.get(Stamp::DisposedAt),
        Some(utc("2026-11-03T14:15:00Z"))
    );
    // A time without its date is an issue and the field is missing.
    let p3 = item(&ledger, "P-3");
    assert_eq!(p3.stamps.get(Stamp::PostedAt), None);
    assert_eq!(
        p3.stamps.get(Stamp::DisposedAt),
        Some(utc("2026-11-04T04:00:00Z"))
    );
    assert_eq!(
        briefs(&ledger),
        [
            "TimeWithoutDate export.csv:4:B(Tanggal Posting)=10.00",
            // A date whose time cell is empty: midnight, and said once for the column.
            "DateWithoutTime export.csv:B(Tanggal Posting)=03/11/2026",
        ]
    );
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
}

#[test]
fn the_leftmost_complete_mapping_wins_and_the_other_columns_are_ignored_issues() {
    let ledger = read("leftmost_mapping");
    // The pair counts at its date column B, left of the full column C.
    assert_eq!(
        columns(table(&ledger, "export.csv", None)),
        [
            "posted_at=B+A (Tanggal Posting + Jam Posting)",
            "account=D (Akun)",
            "id=F (ID)",
        ]
    );
    assert_eq!(
        columns(table(&ledger, "kiri-penuh.csv", None)),
        ["posted_at=A (Waktu Posting)", "id=D (ID)"]
    );
    assert_eq!(posted(&ledger, "L-1"), Some(utc("2026-11-02T01:00:00Z")));
    assert_eq!(item(&ledger, "L-1").account.as_deref(), Some("@kiri"));
    assert_eq!(posted(&ledger, "L-2"), Some(utc("2026-11-06T00:00:00Z")));
    assert_eq!(
        briefs(&ledger),
        [
            "IgnoredColumn export.csv:1:C(Waktu Posting)",
            "IgnoredColumn export.csv:1:E(Pelapor)",
            "IgnoredColumn kiri-penuh.csv:1:B(Tanggal Posting)",
            "IgnoredColumn kiri-penuh.csv:1:C(Jam Posting)",
        ]
    );
    assert_eq!(counts(&ledger), (2, 2, 0, 0));
}

#[test]
fn two_row_headers_join_a_merged_group_with_its_sub_headers() {
    let ledger = read("two_row_header");
    let t = table(&ledger, "export.csv", None);
    assert_eq!((t.header_row, t.header_rows), (2, 2));
    assert_eq!(
        columns(t),
        [
            "id=B (No Tiket)",
            "posted_at=C (Waktu Posting)",
            "reported_at=D (Waktu Lapor)",
            "disposed_at=E (Waktu Disposisi)",
            "forwarded_at=F (Waktu Diteruskan)",
            "department=G (Perangkat Daerah)",
        ]
    );
    let h1 = item(&ledger, "H-1");
    assert_eq!(h1.source.row, 4);
    assert_eq!(
        h1.stamps.0,
        [
            Some(utc("2026-11-02T01:00:00Z")),
            Some(utc("2026-11-02T01:30:00Z")),
            Some(utc("2026-11-02T01:35:00Z")),
            Some(utc("2026-11-02T01:45:00Z")),
            None
        ]
    );
    assert_eq!(h1.department.as_deref(), Some("Dishub"));
    assert_eq!(item(&ledger, "H-2").source.row, 5);
    // `Tanggal` and `Jam` over `Posting | Lapor`: two date and time pairs.
    let t = table(&ledger, "pasangan.csv", None);
    assert_eq!((t.header_row, t.header_rows), (1, 2));
    assert_eq!(
        columns(t),
        [
            "id=A (No Tiket)",
            "posted_at=B+D (Tanggal Posting + Jam Posting)",
            "reported_at=C+E (Tanggal Lapor + Jam Lapor)",
        ]
    );
    let h3 = item(&ledger, "H-3");
    assert_eq!(h3.source.row, 3);
    assert_eq!(
        h3.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-02T03:00:00Z"))
    );
    assert_eq!(
        h3.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-02T03:30:00Z"))
    );
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
}

#[test]
fn blank_and_totals_rows_are_counted_apart_and_outside_read() {
    let ledger = read("blank_and_totals");
    let t = table(&ledger, "rekap.csv", None);
    assert_eq!(t.header_row, 2);
    // Row 4 all empty and row 5 only `No`: blank. Row 8 `Total` and row 9 `Grand Total`
    // without a timestamp: totals. Row 7 says `Jumlah` but has a timestamp: an item.
    assert_eq!((t.rows, t.blank, t.totals), (3, 2, 2));
    assert_eq!((ledger.blank_rows, ledger.totals_rows), (2, 2));
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
    assert_eq!(ids(&ledger), ["B-1", "B-2", "Jumlah"]);
    assert_eq!(posted(&ledger, "Jumlah"), Some(utc("2026-11-03T03:00:00Z")));
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
}

#[test]
fn a_totals_row_may_write_jumlah_in_the_no_column() {
    // Row 4 is `Jumlah;;2;`: its first non-empty cell is `Jumlah` and it has no
    // timestamp (the 2 is a count), so it is a totals row, not an item of 1900.
    let ledger = read("totals_in_no_column");
    let t = table(&ledger, "rekap.csv", None);
    assert_eq!((t.rows, t.blank, t.totals), (2, 0, 1));
    assert_eq!(counts(&ledger), (2, 2, 0, 0));
    assert_eq!(ids(&ledger), ["J-1", "J-2"]);
}

#[test]
fn blank_rows_before_a_totals_row_are_counted() {
    // Row 3 is empty between the last item (row 2) and the totals row (row 4): a row of
    // the table that must be accounted for.
    let ledger = read("blank_before_totals");
    let t = table(&ledger, "rekap.csv", None);
    assert_eq!((t.rows, t.totals), (1, 1));
    assert_eq!(t.blank, 1);
    assert_eq!(counts(&ledger), (1, 1, 0, 0));
}

// =======================================================================================
// Timestamps
// =======================================================================================

#[test]
fn every_timestamp_form_of_inputs_md() {
    let ledger = read("timestamp_forms");
    let want = [
        ("F01", "2026-11-27T07:05:00Z"), // 2026-11-27T14:05:00 (local)
        ("F02", "2026-11-27T07:05:00Z"), // 2026-11-27 14:05
        ("F03", "2026-11-27T14:05:00Z"), // ...Z
        ("F04", "2026-11-27T07:05:00Z"), // +07:00
        ("F05", "2026-11-27T05:05:00Z"), // space and +09:00
        ("F06", "2026-11-27T07:05:00Z"), // 27/11/2026 14:05
        ("F07", "2026-11-27T07:05:09Z"), // 27/11/2026 14:05:09
        ("F08", "2026-11-26T17:00:00Z"), // 27-11-2026
        ("F09", "2026-08-02T17:00:00Z"), // 3/8/26
        ("F10", "2026-11-27T07:05:00Z"), // 27.11.2026 14.05
        ("F11", "2026-11-27T07:05:00Z"), // 27 Nov 2026 14.05
        ("F12", "2026-11-27T07:05:00Z"), // 27 November 2026 pukul 14.05 WIB
        ("F13", "2026-11-27T07:05:00Z"), // Jumat, 27 Nop 2026 14:05
        ("F14", "2026-08-17T01:00:00Z"), // 17 Agt 2026 08.00
        ("F15", "2026-08-17T01:00:00Z"), // 17 Agu 2026 08.00
        ("F16", "2026-05-01T02:30:00Z"), // 1 Mei 2026 09:30
        ("F17", "2026-10-05T03:00:00Z"), // 5 Okt 2026 10.00
        ("F18", "2026-12-24T16:59:00Z"), // 24 Des 2026 23.59
        ("F19", "2026-08-12T00:15:00Z"), // 12 Agustus 2026 07.15
        ("F20", "2026-11-27T07:05:00Z"), // November 27, 2026 2:05 PM
        ("F21", "2026-12-27T04:05:00Z"), // 27 Dec 2026 11:05 AM
        ("F22", "2026-11-27T07:05:00Z"), // 27/11/2026 02:05 PM
        ("F23", "2026-11-26T17:00:00Z"), // 27/11/2026 12:00 AM
        ("F24", "2026-11-27T06:05:00Z"), // WITA
        ("F25", "2026-11-27T05:05:00Z"), // WIT
        ("F26", "2026-11-27T05:00:00Z"), // serial 46353.5 as text
        ("F27", "2026-11-26T17:00:00Z"), // serial 46353 as text
        ("F28", "2026-11-29T14:30:00Z"), // Minggu, 29 November 2026 pukul 21.30 WIB
        ("F29", "2026-10-26T17:00:00Z"), // 27 Oktober 2026
        ("F30", "2026-09-27T07:05:30Z"), // 27 Sep 2026 14:05:30
        ("F31", "2026-11-28T01:00:00Z"), // Sabtu 28 Nov 2026 pkl. 08.00
        ("F32", "2026-12-23T17:00:00Z"), // December 24, 2026
        ("F33", "2026-11-27T07:05:00Z"), // 27/11/26 14:05
        ("F34", "2026-08-17T01:00:00Z"), // 17 Aug 2026 08:00
        ("F35", "2026-11-26T17:00:00Z"), // 27 NOP 2026
        ("F36", "2026-11-27T07:05:09Z"), // 27/11/2026 14.05.09
    ];
    for (id, at) in want {
        assert_eq!(posted(&ledger, id), Some(utc(at)), "{id}");
    }
    assert_eq!(counts(&ledger), (36, 36, 0, 0));
    // The forms without a time (`27-11-2026` first) are midnight, and said once.
    assert_eq!(
        briefs(&ledger),
        ["DateWithoutTime export.csv:B(Waktu Posting)=27-11-2026"]
    );
}

#[test]
fn fractional_seconds_and_serials_round_to_the_nearest_second_halves_away_from_zero() {
    let ledger = read("rounding");
    let at = |id: &str, s: Stamp| item(&ledger, id).stamps.get(s);
    // 14:05:09.5 → :10, 14:05:09.499 → :09.
    assert_eq!(
        at("R-1", Stamp::PostedAt),
        Some(utc("2026-11-27T07:05:10Z"))
    );
    assert_eq!(
        at("R-1", Stamp::ReportedAt),
        Some(utc("2026-11-27T07:05:09Z"))
    );
    // Serial 46353.583443287037 is 14:00:09.5 → :10; 46353.58344328 is 14:00:09.4994.
    assert_eq!(
        at("R-2", Stamp::PostedAt),
        Some(utc("2026-11-27T07:00:10Z"))
    );
    assert_eq!(
        at("R-2", Stamp::ReportedAt),
        Some(utc("2026-11-27T07:00:09Z"))
    );
    // 14:05:00.5-05:00 → 19:05:01Z; 14.05.59.5 → 14:06:00.
    assert_eq!(
        at("R-3", Stamp::PostedAt),
        Some(utc("2026-11-27T19:05:01Z"))
    );
    assert_eq!(
        at("R-3", Stamp::ReportedAt),
        Some(utc("2026-11-27T07:06:00Z"))
    );
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
}

#[test]
fn a_date_without_time_is_midnight_and_its_column_is_listed_as_dates_only() {
    let ledger = read("date_only");
    let t = table(&ledger, "export.csv", None);
    assert_eq!(t.date_only, [Stamp::PostedAt]);
    assert_eq!(posted(&ledger, "O-1"), Some(utc("2024-11-26T17:00:00Z")));
    assert_eq!(posted(&ledger, "O-2"), Some(utc("2024-11-27T17:00:00Z")));
    assert_eq!(
        item(&ledger, "O-2").stamps.get(Stamp::ReportedAt),
        Some(utc("2024-11-28T04:00:00Z"))
    );
    assert_eq!(counts(&ledger), (2, 2, 0, 0));
}

#[test]
fn timezone_with_daylight_saving() {
    let ledger = read("timezone_dst");
    // America/New_York: -05:00 in January, -04:00 in July.
    assert_eq!(posted(&ledger, "Z-1"), Some(utc("2026-01-15T14:00:00Z")));
    assert_eq!(posted(&ledger, "Z-2"), Some(utc("2026-07-15T13:00:00Z")));
    // 01:30 on 1 Nov 2026 happened twice: the earlier (EDT) instant.
    assert_eq!(posted(&ledger, "Z-3"), Some(utc("2026-11-01T05:30:00Z")));
    // 02:30 on 8 Mar 2026 never happened: moved forward by the hour (03:30 EDT).
    assert_eq!(posted(&ledger, "Z-4"), Some(utc("2026-03-08T07:30:00Z")));
    // A written offset or zone word wins over the configured zone.
    assert_eq!(posted(&ledger, "Z-5"), Some(utc("2026-01-15T02:00:00Z")));
    assert_eq!(posted(&ledger, "Z-6"), Some(utc("2026-07-15T09:00:00Z")));
    assert_eq!(
        briefs(&ledger),
        [
            "AmbiguousLocalTime export.csv:4:B(Waktu Posting)=01/11/2026 01:30",
            "SkippedLocalTime export.csv:5:B(Waktu Posting)=08/03/2026 02:30",
        ]
    );
    assert_eq!(counts(&ledger), (6, 6, 0, 0));
}

#[test]
fn date_order_mdy_reads_month_first_and_a_contradiction_is_an_issue() {
    let ledger = read("date_order_mdy");
    let at = |id: &str, s: Stamp| item(&ledger, id).stamps.get(s);
    assert_eq!(
        at("Y-1", Stamp::PostedAt),
        Some(utc("2026-12-25T03:00:00Z"))
    );
    assert_eq!(
        at("Y-1", Stamp::ReportedAt),
        Some(utc("2026-12-25T03:30:00Z"))
    );
    assert_eq!(
        at("Y-2", Stamp::PostedAt),
        Some(utc("2026-03-03T17:00:00Z"))
    );
    assert_eq!(
        at("Y-2", Stamp::ReportedAt),
        Some(utc("2026-03-04T01:00:00Z"))
    );
    assert_eq!(at("Y-3", Stamp::PostedAt), None);
    assert_eq!(
        at("Y-3", Stamp::ReportedAt),
        Some(utc("2026-12-25T03:45:00Z"))
    );
    assert_eq!(
        briefs(&ledger),
        [
            "DateOrderContradiction export.csv:4:B(Waktu Posting)=25/12/2026 10:00",
            "DateWithoutTime export.csv:B(Waktu Posting)=03/04/2026",
        ]
    );
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
}

#[test]
fn date_order_auto_decides_per_column_and_falls_back_to_day_first() {
    let ledger = read("date_order_auto");
    let t = table(&ledger, "export.csv", None);
    let decision = |field, order, day_first_values, month_first_values| OrderDecision {
        field,
        order,
        day_first_values,
        month_first_values,
    };
    assert_eq!(
        t.orders,
        [
            decision(Stamp::PostedAt, DateOrder::DayFirst, 2, 1),
            decision(Stamp::ReportedAt, DateOrder::MonthFirst, 0, 1),
            decision(Stamp::DisposedAt, DateOrder::DayFirst, 0, 0),
        ]
    );
    let at = |id: &str, s: Stamp| item(&ledger, id).stamps.get(s);
    assert_eq!(
        at("A-1", Stamp::PostedAt),
        Some(utc("2026-05-13T01:00:00Z"))
    );
    assert_eq!(
        at("A-1", Stamp::ReportedAt),
        Some(utc("2026-05-13T02:00:00Z"))
    );
    assert_eq!(
        at("A-1", Stamp::DisposedAt),
        Some(utc("2026-04-03T03:00:00Z"))
    );
    assert_eq!(
        at("A-2", Stamp::PostedAt),
        Some(utc("2026-04-03T01:00:00Z"))
    );
    assert_eq!(
        at("A-2", Stamp::ReportedAt),
        Some(utc("2026-03-04T02:00:00Z"))
    );
    assert_eq!(
        at("A-2", Stamp::DisposedAt),
        Some(utc("2026-03-04T03:00:00Z"))
    );
    assert_eq!(at("A-3", Stamp::PostedAt), None);
    assert_eq!(
        at("A-3", Stamp::ReportedAt),
        Some(utc("2026-12-01T02:00:00Z"))
    );
    assert_eq!(
        at("A-4", Stamp::PostedAt),
        Some(utc("2026-05-20T01:00:00Z"))
    );
    // 12/25/2026 in a column decided day-first: an issue, never swapped.
    assert_eq!(
        briefs(&ledger),
        ["DateOrderContradiction export.csv:4:B(Waktu Posting)=12/25/2026 08:00"]
    );
    assert_eq!(counts(&ledger), (4, 4, 0, 0));
}

#[test]
fn a_date_contradicting_the_default_day_first_order_is_an_issue_not_a_swap() {
    let ledger = read("date_order_contradiction");
    let c1 = item(&ledger, "C-1");
    assert_eq!(c1.stamps.get(Stamp::PostedAt), None);
    assert_eq!(
        c1.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-12-25T03:30:00Z"))
    );
    assert_eq!(
        briefs(&ledger),
        [
            "DateOrderContradiction export.csv:2:B(Waktu Posting)=12/25/2026 10:00",
            "DateOrderContradiction export.csv:3:B(Waktu Posting)=12/25/2026 11:00",
            "RejectedRow export.csv:3",
        ]
    );
    assert_eq!(counts(&ledger), (2, 1, 0, 1));
}

#[test]
fn a_timestamp_later_than_now_is_an_issue_and_missing() {
    let ledger = read("future_timestamp");
    assert_eq!(ids(&ledger), ["FU-2", "FU-3"]);
    let fu2 = item(&ledger, "FU-2");
    assert_eq!(
        fu2.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-27T07:05:00Z"))
    );
    assert_eq!(fu2.stamps.get(Stamp::DisposedAt), None);
    // The typo cannot move when the export was taken.
    assert_eq!(ledger.files[0].latest, Some(utc("2026-12-30T01:00:00Z")));
    assert_eq!(
        briefs(&ledger),
        [
            "FutureTimestamp export.csv:2:B(Waktu Posting)=27/11/2062 14:05",
            "RejectedRow export.csv:2",
            "FutureTimestamp export.csv:3:C(Waktu Disposisi)=27/11/2062 15:00",
        ]
    );
    assert_eq!(counts(&ledger), (3, 2, 0, 1));
}

#[test]
fn unreadable_values_are_issues_with_their_location_and_rows_without_timestamps_are_rejected() {
    let ledger = read("rejected_and_unreadable");
    assert_eq!(ids(&ledger), ["U-1", "U-3"]);
    assert_eq!(item(&ledger, "U-1").stamps.get(Stamp::ReportedAt), None);
    assert_eq!(posted(&ledger, "U-3"), None);
    assert_eq!(
        item(&ledger, "U-3").stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-02T02:00:00Z"))
    );
    assert_eq!(
        briefs(&ledger),
        [
            "UnreadableTimestamp export.csv:2:C(Waktu Lapor)=besok pagi",
            "RejectedRow export.csv:3",
            "UnreadableTimestamp export.csv:4:B(Waktu Posting)=31/02/2026 08:00",
            "UnreadableTimestamp export.csv:5:B(Waktu Posting)=tidak tahu",
            "RejectedRow export.csv:5",
        ]
    );
    let rejected = issues_of(&ledger, IssueKind::RejectedRow);
    assert!(
        rejected[0].detail().contains("no usable timestamp"),
        "{}",
        rejected[0].detail()
    );
    assert_eq!(counts(&ledger), (4, 2, 0, 2));
}

// =======================================================================================
// Values
// =======================================================================================

#[test]
fn channel_kind_and_disposition_are_normalised() {
    let ledger = read("normalise_values");
    type Normalised = (
        String,
        Option<Channel>,
        Option<Kind>,
        Option<DispositionValue>,
        Disposition,
    );
    let got: Vec<Normalised> = ledger
        .items
        .iter()
        .map(|i| {
            (
                i.id.as_deref().map(String::from).unwrap(),
                i.channel,
                i.kind,
                i.disposition,
                i.disposition(),
            )
        })
        .collect();
    use Channel::*;
    use Disposition as D;
    use DispositionValue as V;
    let want = [
        (
            "N01",
            TwitterX,
            Some(Kind::Laporan),
            Some(V::Forward),
            D::Forward,
        ),
        (
            "N02",
            TwitterX,
            Some(Kind::Pengaduan),
            Some(V::Forward),
            D::Forward,
        ),
        (
            "N03",
            TwitterX,
            Some(Kind::Pertanyaan),
            Some(V::Forward),
            D::Forward,
        ),
        (
            "N04",
            Facebook,
            Some(Kind::Other),
            Some(V::Forward),
            D::Forward,
        ),
        (
            "N05",
            Facebook,
            Some(Kind::Laporan),
            Some(V::Answer),
            D::Answer,
        ),
        (
            "N06",
            WhatsApp,
            Some(Kind::Laporan),
            Some(V::Answer),
            D::Answer,
        ),
        (
            "N07",
            WhatsApp,
            Some(Kind::Laporan),
            Some(V::Answer),
            D::Answer,
        ),
        (
            "N08",
            Instagram,
            Some(Kind::Laporan),
            Some(V::Answer),
            D::Answer,
        ),
        // A department with an empty disposition: forward.
        ("N09", Instagram, Some(Kind::Laporan), None, D::Forward),
        ("N10", TikTok, Some(Kind::Laporan), None, D::Unknown),
        (
            "N11",
            YouTube,
            Some(Kind::Laporan),
            Some(V::Unrecognised),
            D::Unknown,
        ),
        ("N12", Other, None, None, D::Unknown),
    ]
    .map(|(id, c, k, v, d)| (id.to_string(), Some(c), k, v, d));
    assert_eq!(got, want);
    assert_eq!(
        item(&ledger, "N12").channel_text.as_deref(),
        Some("Call Center")
    );
    assert_eq!(
        briefs(&ledger),
        ["UnrecognisedDisposition export.csv:12:E(Disposisi)=ditolak"]
    );
    assert_eq!(counts(&ledger), (12, 12, 0, 0));
}

#[test]
fn departments_join_by_configured_alias_and_by_their_first_spelling() {
    let ledger = read("departments");
    let got: Vec<(String, String)> = ledger
        .items
        .iter()
        .map(|i| {
            (
                i.id.as_deref().map(String::from).unwrap(),
                i.department.as_deref().map(String::from).unwrap(),
            )
        })
        .collect();
    let want = [
        ("K-1", "Dinas Perhubungan"), // DISHUB  KOTA BEKASI (alias)
        ("K-2", "Dinas Kesehatan"),   // first spelling, trimmed and collapsed
        ("K-3", "Dinkes"),
        ("K-4", "Dinas Perhubungan"), // the canonical name in another case
        ("K-5", "Dinas Perhubungan"), // dishub (alias)
        ("K-6", "Dinas Kesehatan"),   // DINAS KESEHATAN joins the first spelling
        ("K-7", "Dinkes"),
        ("K-8", "Dinas Sosial"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(got, want);
    assert_eq!(counts(&ledger), (8, 8, 0, 0));
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
}

// =======================================================================================
// Items, duplicates and the row ledger
// =======================================================================================

#[test]
fn overlapping_exports_are_ordered_by_their_latest_timestamp_not_their_name() {
    let ledger = read("export_order");
    // Walk order: `Laporan 15-21.csv` first. Content order: `Laporan 8-14.csv` (latest
    // 14 Nov) before `Laporan 15-21.csv` (latest 21 Nov), which is therefore later.
    let files: Vec<(&str, _)> = ledger
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.latest))
        .collect();
    assert_eq!(
        files,
        [
            ("Laporan 15-21.csv", Some(utc("2026-11-21T02:00:00Z"))),
            ("Laporan 8-14.csv", Some(utc("2026-11-14T04:00:00Z"))),
        ]
    );
    assert_eq!(ids(&ledger), ["X-1", "X-2", "X-3", "X-4"]);
    let x1 = item(&ledger, "X-1");
    assert_eq!(x1.department.as_deref(), Some("Dinas Kesehatan"));
    assert_eq!(x1.admin.as_deref(), Some("Rina"));
    assert_eq!(
        x1.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-13T01:30:00Z"))
    );
    assert_eq!((x1.source.file, x1.source.row, x1.occurrences), (0, 2, 2));
    // The winning occurrence of X-1 (in the later export) is the included row.
    let t = table(&ledger, "Laporan 15-21.csv", None);
    assert_eq!((t.rows, t.included, t.duplicates), (3, 3, 0));
    let t = table(&ledger, "Laporan 8-14.csv", None);
    assert_eq!((t.rows, t.included, t.duplicates), (2, 1, 1));
    let conflicts = issues_of(&ledger, IssueKind::Conflict);
    assert_eq!(conflicts.len(), 1);
    let c = conflicts[0];
    assert_eq!(
        brief(c),
        "Conflict Laporan 15-21.csv:2:D(Perangkat Daerah)=Dinas Kesehatan"
    );
    let other = c.other.as_ref().unwrap();
    assert_eq!(other.value, "Dishub");
    assert_eq!(
        other.location.to_string(),
        "Laporan 8-14.csv, row 2, column D (Perangkat Daerah)"
    );
    assert_eq!(counts(&ledger), (5, 4, 1, 0));
}

#[test]
fn exports_taken_at_the_same_moment_are_ordered_by_path_then_by_row() {
    let ledger = read("export_order_tie");
    assert_eq!(ledger.files[0].latest, ledger.files[1].latest);
    let t1 = item(&ledger, "T-1");
    assert_eq!(t1.admin.as_deref(), Some("Citra"));
    assert_eq!((t1.source.file, t1.source.row, t1.occurrences), (1, 4, 3));
    let conflicts: Vec<(String, String, String)> = issues_of(&ledger, IssueKind::Conflict)
        .into_iter()
        .map(|c| {
            let other = c.other.as_ref().unwrap();
            (brief(c), other.location.to_string(), other.value.clone())
        })
        .collect();
    assert_eq!(
        conflicts,
        [
            (
                "Conflict b.csv:2:C(Admin)=Budi".to_string(),
                "a.csv, row 2, column C (Admin)".to_string(),
                "Ana".to_string()
            ),
            (
                "Conflict b.csv:4:C(Admin)=Citra".to_string(),
                "b.csv, row 2, column C (Admin)".to_string(),
                "Budi".to_string()
            ),
        ]
    );
    assert_eq!(ids(&ledger), ["T-1", "T-2", "T-3"]);
    // T-1 wins in b.csv row 4: a.csv row 2 and b.csv row 2 are the duplicates.
    let t = table(&ledger, "a.csv", None);
    assert_eq!((t.rows, t.included, t.duplicates), (2, 1, 1));
    let t = table(&ledger, "b.csv", None);
    assert_eq!((t.rows, t.included, t.duplicates), (3, 2, 1));
    assert_eq!(counts(&ledger), (5, 3, 2, 0));
}

#[test]
fn duplicates_merge_field_by_field_and_conflicts_show_both_values_and_locations() {
    let ledger = read("merge_fields");
    assert_eq!(ids(&ledger), ["D-1", "D-2", "D-3", "D-4"]);
    let d1 = item(&ledger, "D-1");
    // Later empty reported/admin and the later unreadable `??` and `belum jelas` do not
    // erase; later non-empty values fill in.
    assert_eq!(
        d1.stamps.0,
        [
            Some(utc("2026-11-20T01:00:00Z")),
            Some(utc("2026-11-20T01:30:00Z")),
            Some(utc("2026-11-20T01:35:00Z")),
            None,
            None
        ]
    );
    assert_eq!(d1.disposition, Some(DispositionValue::Forward));
    assert_eq!(d1.department.as_deref(), Some("Dinas Perhubungan"));
    assert_eq!(d1.admin.as_deref(), Some("Rina"));
    assert_eq!((d1.source.file, d1.source.row, d1.occurrences), (2, 2, 3));
    let d2 = item(&ledger, "D-2");
    assert_eq!(
        d2.stamps.get(Stamp::PostedAt),
        Some(utc("2026-11-19T03:05:00Z"))
    );
    assert_eq!(
        d2.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-19T03:20:00Z"))
    );
    assert_eq!(d2.department.as_deref(), Some("Dinas Perhubungan"));
    assert_eq!(d2.admin.as_deref(), Some("Budi"));
    assert_eq!(d2.url.as_deref(), Some("https://x.com/a/1"));
    // `Dishub` and `Dinas Perhubungan` agree (joined by an alias): no conflict.
    assert_eq!(
        briefs(&ledger),
        [
            "UnreadableTimestamp minggu-2.csv:3:C(Waktu Lapor)=belum",
            "UnrecognisedDisposition minggu-3.csv:2:D(Disposisi)=belum jelas",
            "UnreadableTimestamp minggu-3.csv:2:C(Waktu Disposisi)=??",
            "Conflict minggu-2.csv:3:G(Admin)=Budi",
            "Conflict minggu-2.csv:3:B(Waktu Posting)=2026-11-19T10:05:00+07:00",
        ]
    );
    let others: Vec<(String, String)> = issues_of(&ledger, IssueKind::Conflict)
        .into_iter()
        .map(|c| {
            let o = c.other.as_ref().unwrap();
            (o.location.to_string(), o.value.clone())
        })
        .collect();
    assert_eq!(
        others,
        [
            (
                "minggu-1.csv, row 3, column G (Admin)".to_string(),
                "Rina".to_string()
            ),
            (
                "minggu-1.csv, row 3, column B (Waktu Posting)".to_string(),
                "2026-11-19T10:00:00+07:00".to_string()
            ),
        ]
    );
    let per_table: Vec<(u32, u32, u32)> = ["minggu-1.csv", "minggu-2.csv", "minggu-3.csv"]
        .map(|f| {
            let t = table(&ledger, f, None);
            (t.rows, t.included, t.duplicates)
        })
        .to_vec();
    assert_eq!(per_table, [(2, 0, 2), (3, 2, 1), (2, 2, 0)]);
    assert_eq!(counts(&ledger), (7, 4, 3, 0));
}

#[test]
fn rows_without_id_are_keyed_by_channel_account_posting_time_and_text() {
    let ledger = read("keys_without_id");
    // b.csv row 2 (`X`, ` @warga_satu `, same instant, `lampu mati di jalan`) is a.csv
    // row 2 (`Twitter`, `@Warga_Satu`, `lampu  mati   di jalan`); rows 3, 4, 5 differ
    // in channel, posting minute and text.
    let got: Vec<(Option<Channel>, String, u32, u32)> = ledger
        .items
        .iter()
        .map(|i| {
            (
                i.channel,
                i.account.as_deref().map(String::from).unwrap(),
                i.source.row,
                i.occurrences,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some(Channel::TwitterX), "@warga_satu".to_string(), 2, 2),
            (Some(Channel::TwitterX), "@warga_dua".to_string(), 3, 1),
            (Some(Channel::Instagram), "@warga_satu".to_string(), 3, 1),
            (Some(Channel::TwitterX), "@warga_satu".to_string(), 4, 1),
            (Some(Channel::TwitterX), "@warga_satu".to_string(), 5, 1),
        ]
    );
    let merged = &ledger.items[0];
    assert_eq!(merged.admin.as_deref(), Some("Rina"));
    assert_eq!(
        merged.stamps.get(Stamp::ReportedAt),
        Some(utc("2026-11-18T00:30:00Z"))
    );
    assert!(ledger.issues.is_empty(), "{:?}", briefs(&ledger));
    assert_eq!(counts(&ledger), (6, 5, 1, 0));
}

#[test]
fn a_whole_number_id_cell_is_keyed_without_decimals_and_text_ids_keep_leading_zeros() {
    let ledger = read("id_keys");
    // ids.xlsx: number 123 and text "007"; later.csv: "123", "7", " 007 ", "I-9".
    assert_eq!(ids(&ledger), ["123", "007", "7", "I-9"]);
    let occurrences: Vec<u32> = ledger.items.iter().map(|i| i.occurrences).collect();
    assert_eq!(occurrences, [2, 2, 1, 1]);
    let t = table(&ledger, "ids.xlsx", Some("Tiket"));
    assert_eq!((t.rows, t.included, t.duplicates), (2, 0, 2));
    let t = table(&ledger, "later.csv", None);
    assert_eq!((t.rows, t.included, t.duplicates), (4, 4, 0));
    assert_eq!(counts(&ledger), (6, 4, 2, 0));
}

// =======================================================================================
// Unreadable workbooks and `patuh check`
// =======================================================================================

#[test]
fn unreadable_workbooks_fail_the_run_naming_each_file() {
    let dir = case_dir("corrupt_workbooks");
    let err = read_exports(&dir, &Config::default()).unwrap_err();
    let patuh::error::Error::Read(read) = &err else {
        panic!("not a read error: {err}");
    };
    let files: Vec<&str> = read.0.iter().map(|e| e.file.as_str()).collect();
    // rusak.ods and rusak.xls hold a line of text: not workbooks, passed over with that
    // reason (broken_files.rs), not damaged ones.
    assert_eq!(files, ["acak.xlsx", "terpotong.xlsx"]);
    let text = err.to_string();
    for f in files {
        assert!(text.contains(&format!("cannot read {f}: ")), "{text}");
    }
}

/// Runs `patuh check --data <fixture> [args]` from an empty folder (no patuh.toml).
fn check_fixture(case: &str, args: &[&str]) -> Ran {
    let data = case_dir(case);
    let mut all = vec!["check", "--lang", "en", "--data", data.to_str().unwrap()];
    all.extend_from_slice(args);
    patuh_in_empty(&all)
}

#[test]
fn check_exits_1_naming_every_unreadable_workbook() {
    let Ran {
        code,
        stdout,
        stderr,
    } = check_fixture("corrupt_workbooks", &[]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    for f in ["acak.xlsx", "terpotong.xlsx"] {
        assert!(stderr.contains(&format!("cannot read {f}: ")), "{stderr}");
    }
    for f in ["baik.csv", "rusak.ods", "rusak.xls"] {
        assert!(!stderr.contains(f), "{stderr}");
    }
}

#[test]
fn check_text_report_shows_the_ledger_issues_by_kind_and_what_to_fix() {
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = check_fixture("many_issues", &[]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines.contains(&"  export.csv (text, UTF-8, delimiter ',')"),
        "{out}"
    );
    assert!(
        lines.contains(&"    header in row 1; 8 rows: 7 items, 0 duplicates, 1 rejected"),
        "{out}"
    );
    assert!(
        lines.contains(&"  read 8 = included 7 + duplicates 0 + rejected 1"),
        "{out}"
    );
    assert!(
        lines.contains(&"  outside the ledger: 0 blank rows, 0 totals rows"),
        "{out}"
    );
    // Rejected rows come first among the row issues, with their location and reason.
    let rejected = lines
        .iter()
        .position(|l| l.starts_with("  Rows rejected: no usable timestamp (1): "))
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        lines[rejected + 1],
        "    export.csv, row 9 - no usable timestamp: the row cannot be placed in a period"
    );
    // Seven unreadable timestamps: the first five, then a count.
    let unreadable = lines
        .iter()
        .position(|l| l.starts_with("  Timestamps that cannot be read (7): "))
        .unwrap_or_else(|| panic!("{out}"));
    for (k, row) in (2..=6).enumerate() {
        assert_eq!(
            lines[unreadable + 1 + k],
            format!(
                "    export.csv, row {row}, column C (Waktu Lapor): \"x{}\" - not a date or time patuh can read; `reported_at` counts as missing",
                row - 1
            )
        );
    }
    assert_eq!(
        lines[unreadable + 6],
        "    ... and 2 more (patuh check --format json lists them all)"
    );
    // One line on what to fix, last.
    let fix: Vec<&&str> = lines.iter().filter(|l| l.starts_with("To fix: ")).collect();
    assert_eq!(fix.len(), 1, "{out}");
    assert_eq!(lines.last(), fix.first().copied());
    // The export has no disposed_at and no forwarded_at column: that comes first, said
    // once for each column.
    assert!(
        fix[0].ends_with("start with the 2 × “Columns a step of the SOP needs are missing” (Add the column to the export, or map the header it has under [columns] in patuh.toml; until then the step cannot be measured from that file), then run patuh check again."),
        "{}",
        fix[0]
    );
    assert!(
        lines.contains(&"    export.csv, row 1 - column Waktu Diteruskan (forwarded_at) is not in this file: step penerusan cannot be measured for 0 items"),
        "{out}"
    );
}

#[test]
fn check_json_lists_every_issue() {
    let Ran {
        code, stdout: text, ..
    } = check_fixture("many_issues", &[]);
    assert_eq!(code, Some(0));
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = check_fixture("many_issues", &["--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["schema"], "patuh.check/1");
    assert_eq!(
        json["rows"],
        serde_json::json!({"read": 8, "included": 7, "duplicates": 0, "rejected": 1})
    );
    let issues = json["issues"].as_array().unwrap();
    let of = |kind: &str| -> Vec<(u64, String)> {
        issues
            .iter()
            .filter(|i| i["kind"] == kind)
            .map(|i| {
                let l = &i["location"];
                (
                    l["row"].as_u64().unwrap(),
                    l["column"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let want: Vec<(u64, String)> = (2..=8).map(|r| (r, "C".to_string())).collect();
    assert_eq!(of("unreadable_timestamp"), want);
    assert_eq!(of("rejected_row"), [(9, String::new())]);
    // As many issues as the text report counts.
    let heading = format!("Data issues ({})", issues.len());
    assert!(text.lines().any(|l| l == heading), "{heading} in\n{text}");
}

#[test]
fn check_text_report_lists_skipped_sheets_and_files_with_their_reasons() {
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = check_fixture("workbook_xlsx", &[]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.contains(&"  rekap.xlsx (xlsx)"), "{out}");
    assert!(
        lines.contains(&"    sheet \"Rekap\": skipped: hidden sheet"),
        "{out}"
    );
    assert!(
        lines.contains(&"    sheet \"Sampul\": skipped: no header row among the first 20 rows names a timestamp column (such as Waktu Posting); if it has another name, map it under [columns] in patuh.toml"),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("    sheet \"Data\": header in row 4; 4 rows: ")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("    sheet \"Lanjutan\": header in rows 1-2; 2 rows: ")),
        "{out}"
    );
    assert!(
        lines.contains(&"    rekap.xlsx, sheet \"Data\", row 6, column K (Admin): \"#N/A\" - a spreadsheet error where `admin` belongs; counted as missing"),
        "{out}"
    );

    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = check_fixture("csv_no_table", &[]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let after = |file: &str| lines[lines.iter().position(|l| l.starts_with(file)).unwrap() + 1];
    assert!(
        after("  catatan.csv").starts_with("    skipped: no header row among the first 20 rows")
    );
    assert_eq!(after("  kosong.csv"), "    skipped: empty");

    // Excluded, lock and other files are listed with their reason.
    let walk = case_dir("walk");
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = patuh(&walk, &["check", "--lang", "en", "--data", "."]);
    assert_eq!(code, Some(0), "{err}");
    let block: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "Files not read (5)")
        .skip(1)
        .take(5)
        .collect();
    assert_eq!(
        block,
        [
            "  arsip-lama/old.csv: excluded by an exclude pattern in patuh.toml",
            "  notes.pdf: not an export format (.csv .tsv .txt .xlsx .xlsm .xlsb .xls .ods)",
            "  patuh.toml: patuh's configuration file, not an export",
            "  rekap draft.csv: excluded by an exclude pattern in patuh.toml",
            "  ~$b.xlsx: a spreadsheet program's lock file",
        ]
    );
}

#[test]
fn check_text_report_says_which_columns_hold_dates_only_and_how_auto_decided() {
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = check_fixture("date_only", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.lines()
            .any(|l| l == "      dates only (read as midnight): posted_at"),
        "{out}"
    );
    let auto = case_dir("date_order_auto");
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = patuh(&auto, &["check", "--lang", "en", "--data", "."]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("time zone Asia/Jakarta, date order auto"),
        "{out}"
    );
    for line in [
        "      date order of posted_at: day-first (2 values only day-first, 1 only month-first)",
        "      date order of reported_at: month-first (0 values only day-first, 1 only month-first)",
        "      date order of disposed_at: day-first (0 values only day-first, 0 only month-first)",
    ] {
        assert!(out.lines().any(|l| l == line), "{line} in\n{out}");
    }
}

#[test]
fn check_exits_1_on_an_invalid_configuration_naming_the_key_and_line() {
    let dir = case_dir("bad_config");
    // Named with --config.
    let cwd = tempfile::tempdir().unwrap();
    let config = dir.join("patuh.toml");
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = patuh(
        cwd.path(),
        &[
            "check",
            "--data",
            dir.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("date_ordr") && err.contains("line 2"), "{err}");
    assert!(out.is_empty(), "{out}");
    // Found as patuh.toml in the working folder.
    let Ran {
        code, stderr: err, ..
    } = patuh(&dir, &["check", "--data", "."]);
    assert_eq!(code, Some(1));
    assert!(err.contains("date_ordr") && err.contains("line 2"), "{err}");
    // A configuration file that does not exist.
    let missing = cwd.path().join("tidak-ada.toml");
    let Ran {
        code, stderr: err, ..
    } = patuh(
        cwd.path(),
        &[
            "check",
            "--data",
            dir.to_str().unwrap(),
            "--config",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("tidak-ada.toml"), "{err}");
    // A data folder that does not exist.
    let Ran {
        code, stderr: err, ..
    } = patuh(cwd.path(), &["check", "--data", "tidak-ada"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("tidak-ada") && err.contains("--data"), "{err}");
}

#[test]
fn configuration_errors_name_the_key() {
    let parse = |text: &str| {
        patuh::config::Config::parse(text, Path::new("patuh.toml"))
            .unwrap_err()
            .to_string()
    };
    let e = parse("[columns]\nposted = [\"Tgl\"]\n");
    assert!(e.contains("posted") && e.contains("line 2"), "{e}");
    let e = parse("timezone = \"Asia/Bekasi\"\n");
    assert!(e.contains("`timezone`") && e.contains("Asia/Bekasi"), "{e}");
    let e = parse("date_order = \"ymd\"\n");
    assert!(e.contains("ymd") && e.contains("line 1"), "{e}");
    let e = parse("[departments]\n\"Dinas Perhubungan\" = [\"\"]\n");
    assert!(e.contains("departments"), "{e}");
}

#[test]
fn wrong_usage_exits_2() {
    let cwd = tempfile::tempdir().unwrap();
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["check", "--bogus"][..],
        &["check", "--format", "yaml"][..],
        &["check", "--data"][..],
    ] {
        let Ran {
            code,
            stdout: out,
            stderr: err,
        } = patuh(cwd.path(), args);
        assert_eq!(code, Some(2), "{args:?}: {out}{err}");
    }
}

#[test]
fn check_speaks_indonesian_by_default() {
    let data = case_dir("many_issues");
    let Ran {
        code,
        stdout: out,
        stderr: err,
    } = patuh_in_empty(&["check", "--data", data.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.contains(&"Rekap baris"), "{out}");
    assert!(
        lines.contains(&"  dibaca 8 = dimasukkan 7 + duplikat 0 + ditolak 1"),
        "{out}"
    );
    assert!(
        lines.contains(&"    export.csv, baris 9 - tidak ada waktu yang dapat dipakai: baris tidak dapat ditempatkan pada periode"),
        "{out}"
    );
    assert!(lines.last().unwrap().starts_with("Perbaikan: "), "{out}");
}
