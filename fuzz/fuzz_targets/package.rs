//! Zip packages (XLSX, XLSB, ODS) taken apart and put together again, for the targets
//! that replace one part of a real workbook with the fuzz input.

use std::io::{Cursor, Read, Write};

/// A package's parts: (name, bytes).
pub type Parts = Vec<(String, Vec<u8>)>;

/// A package's parts, by name, in name order (`mimetype` first, as ODS asks).
pub fn parts(package: &[u8]) -> Parts {
    let mut zip = zip::ZipArchive::new(Cursor::new(package)).expect("a fixture package");
    let mut parts: Parts = (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("a part");
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("its bytes");
            (entry.name().expect("a name").into_owned(), data)
        })
        .collect();
    parts.sort_by(|a, b| (a.0 != "mimetype", &a.0).cmp(&(b.0 != "mimetype", &b.0)));
    parts
}

/// The package of `parts` with part number `replaced` (modulo their number) holding
/// `content` instead, every part stored.
pub fn with_part(parts: &[(String, Vec<u8>)], replaced: usize, content: &[u8]) -> Vec<u8> {
    let replaced = replaced % parts.len();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (i, (name, bytes)) in parts.iter().enumerate() {
        zip.start_file(name.as_str(), options).expect("a part");
        let bytes = if i == replaced {
            content
        } else {
            bytes.as_slice()
        };
        zip.write_all(bytes).expect("its bytes");
    }
    zip.finish().expect("the package").into_inner()
}
