//! Header names → canonical fields (INPUTS.md "Columns").
//!
//! Matching ignores case, spaces, punctuation and accents, expands the usual abbreviations
//! (`Tgl`, `No`, `Nmr`, `Wkt`), and pairs date and time halves (`Tanggal Posting` +
//! `Jam Posting`). Pure: takes header texts, gives a [`ColumnMap`].
//!
//! An unknown header maps to no field; `likely.rs` names the known header it closely
//! resembles, in the messages only.

mod likely;

pub use likely::{edit_distance, LikelyField, UnmappedColumn};

pub use crate::issues::column_letter;
pub use crate::names::header_key;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::{Field, Stamp};

/// What one column of a header row means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    /// A non-timestamp field.
    Plain(Field),
    /// A full timestamp (`Waktu Posting`).
    Full(Stamp),
    /// A date that pairs with a time column of the same field, or else a full timestamp
    /// (`Tanggal Posting`).
    DateOrFull(Stamp),
    /// The time half of a pair (`Jam Posting`).
    TimeHalf(Stamp),
    /// The sheet's running row number (`No`).
    RowNumber,
}

/// The stems of each timestamp field's Indonesian headers: `Waktu <stem>` and
/// `Tanggal <stem>` name the field, `Jam <stem>` / `Pukul <stem>` its time half.
const STAMP_STEMS: [(Stamp, &[&str]); 5] = [
    (
        Stamp::PostedAt,
        &[
            "posting",
            "unggah",
            "masuk",
            "pengaduan",
            "aduan",
            "post",
            "postingan",
        ],
    ),
    (
        Stamp::ReportedAt,
        &[
            "lapor",
            "lapor ke kasi",
            "lapor kasi",
            "disampaikan",
            "penyampaian",
            "dilaporkan",
        ],
    ),
    (
        Stamp::DisposedAt,
        &["disposisi", "disposisi kasi", "didisposisi"],
    ),
    (
        Stamp::ForwardedAt,
        &[
            "diteruskan",
            "diterima pd",
            "diterima perangkat daerah",
            "penerusan",
            "terusan",
        ],
    ),
    (
        Stamp::ClosedAt,
        &["selesai", "tindak lanjut", "penyelesaian"],
    ),
];

/// English names of the timestamp fields (`Posted At`).
const STAMP_ENGLISH: [(Stamp, &str); 5] = [
    (Stamp::PostedAt, "posted at"),
    (Stamp::ReportedAt, "reported at"),
    (Stamp::DisposedAt, "disposed at"),
    (Stamp::ForwardedAt, "forwarded at"),
    (Stamp::ClosedAt, "closed at"),
];

/// Built-in header aliases of the other fields (INPUTS.md, Indonesian first).
const PLAIN_ALIASES: [(Field, &[&str]); 10] = [
    (
        Field::Id,
        &[
            "ID",
            "No Tiket",
            "Nomor Tiket",
            "ID Tiket",
            "Kode Tiket",
            "No Laporan",
            "Nomor Laporan",
            "ID Laporan",
            "Nomor Pengaduan",
            "No Pengaduan",
            "ID Pengaduan",
            "Nomor Aduan",
            "Kode",
            "Ticket ID",
            "Ticket",
            "Ticket Number",
        ],
    ),
    (
        Field::Channel,
        &[
            "Kanal",
            "Media",
            "Media Sosial",
            "Medsos",
            "Sumber",
            "Platform",
            "Channel",
            "Kanal Pengaduan",
        ],
    ),
    (
        Field::Kind,
        &[
            "Jenis",
            "Jenis Laporan",
            "Jenis Pengaduan",
            "Kategori",
            "Type",
            "Kind",
        ],
    ),
    (
        Field::Account,
        &[
            "Akun",
            "Akun Pelapor",
            "Pelapor",
            "Nama Pelapor",
            "Username",
            "Nama Akun",
            "Account",
        ],
    ),
    (
        Field::Text,
        &[
            "Isi",
            "Isi Laporan",
            "Isi Pengaduan",
            "Isi Aduan",
            "Isi Pesan",
            "Uraian",
            "Uraian Laporan",
            "Konten",
            "Pesan",
            "Keluhan",
            "Text",
            "Message",
        ],
    ),
    (
        Field::Url,
        &[
            "Tautan",
            "Link",
            "URL",
            "Tautan Postingan",
            "Link Postingan",
        ],
    ),
    (
        Field::Disposition,
        &["Disposisi", "Tindakan", "Tindak Lanjut Kasi", "Disposition"],
    ),
    (
        Field::Department,
        &[
            "Perangkat Daerah",
            "Perangkat Daerah Tujuan",
            "OPD",
            "OPD Tujuan",
            "PD",
            "PD Tujuan",
            "Dinas",
            "Dinas Tujuan",
            "Instansi",
            "Department",
        ],
    ),
    (
        Field::Admin,
        &[
            "Admin",
            "Admin Medsos",
            "Nama Admin",
            "Petugas",
            "Nama Petugas",
            "Operator",
        ],
    ),
    (
        Field::DisposedBy,
        &[
            "Kasi",
            "Pemberi Disposisi",
            "Didisposisi Oleh",
            "Disposisi Oleh",
            "Disposed By",
        ],
    ),
];

/// How a known header is shown in messages: `waktu lapor ke kasi` → `Waktu Lapor ke Kasi`.
fn display_of(key: &str) -> String {
    key.split(' ')
        .map(|word| match word {
            "ke" | "di" | "dan" => word.to_string(),
            "pd" | "opd" | "id" | "url" => word.to_uppercase(),
            _ => {
                let mut chars = word.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The usual Indonesian header of a field, as messages name it (`Waktu Disposisi`).
pub fn usual_header(field: Field) -> String {
    match field.stamp() {
        Some(stamp) => {
            let stems = STAMP_STEMS
                .iter()
                .find(|(s, _)| *s == stamp)
                .map(|(_, stems)| stems[0])
                .unwrap_or_default();
            display_of(&format!("waktu {stems}"))
        }
        None => PLAIN_ALIASES
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, aliases)| aliases[0].to_string())
            .unwrap_or_else(|| field.name().to_string()),
    }
}

/// Recognises header names: the built-in aliases plus the configuration's `[columns]`.
#[derive(Debug, Clone)]
pub struct HeaderVocabulary {
    roles: HashMap<String, Role>,
    /// Every known header key with its display form, built-in first then configured, for
    /// the closeness test of unknown headers.
    known: Vec<(String, String)>,
}

impl HeaderVocabulary {
    /// The built-in aliases, with `extra` (`[columns]` of the configuration) taking precedence.
    pub fn new(extra: &BTreeMap<Field, Vec<String>>) -> HeaderVocabulary {
        let mut roles = HashMap::new();
        let mut known = Vec::new();
        let mut add = |key: String, role: Role, display: String| {
            roles.insert(key.clone(), role);
            known.push((key, display));
        };
        for (field, aliases) in PLAIN_ALIASES {
            for alias in aliases {
                add(header_key(alias), Role::Plain(field), alias.to_string());
            }
        }
        for (stamp, stems) in STAMP_STEMS {
            for stem in stems {
                for (word, role) in [
                    ("waktu", Role::Full(stamp)),
                    ("tanggal", Role::DateOrFull(stamp)),
                    ("jam", Role::TimeHalf(stamp)),
                    ("pukul", Role::TimeHalf(stamp)),
                ] {
                    let key = format!("{word} {stem}");
                    let display = display_of(&key);
                    add(key, role, display);
                }
            }
        }
        for (stamp, name) in STAMP_ENGLISH {
            add(name.to_string(), Role::Full(stamp), display_of(name));
        }
        for (field, aliases) in extra {
            let role = match field.stamp() {
                Some(stamp) => Role::Full(stamp),
                None => Role::Plain(*field),
            };
            for alias in aliases {
                add(header_key(alias), role, alias.trim().to_string());
            }
        }
        // The running number is no field a typo could mean.
        roles.insert("nomor".into(), Role::RowNumber);
        HeaderVocabulary { roles, known }
    }

    fn role(&self, header: &str) -> Option<Role> {
        self.roles.get(&header_key(header)).copied()
    }

    /// Whether a header row names at least one timestamp field (a full timestamp column
    /// or the date half of a pair): the test that finds the header row.
    pub fn names_a_timestamp<'h>(&self, headers: impl IntoIterator<Item = &'h str>) -> bool {
        headers
            .into_iter()
            .any(|h| matches!(self.role(h), Some(Role::Full(_) | Role::DateOrFull(_))))
    }

    /// Maps a header row (one name per column, `""` for none) to fields.
    pub fn map(&self, headers: &[String]) -> ColumnMap {
        let roles: Vec<Option<Role>> = headers.iter().map(|h| self.role(h)).collect();
        let mut map = ColumnMap {
            headers: headers.to_vec(),
            ..ColumnMap::default()
        };
        for field in Field::ALL.into_iter().filter(|f| f.stamp().is_none()) {
            let columns: Vec<usize> = positions(&roles, |r| r == Role::Plain(field));
            if let Some((&first, rest)) = columns.split_first() {
                map.plain.insert(field, first);
                map.ignore(rest, field);
            }
        }
        for stamp in Stamp::ALL {
            let full = positions(&roles, |r| {
                r == Role::Full(stamp) || r == Role::DateOrFull(stamp)
            });
            let times = positions(&roles, |r| r == Role::TimeHalf(stamp));
            let Some((&first, rest)) = full.split_first() else {
                map.ignore(&times, stamp.field());
                continue;
            };
            let is_date_half = roles[first] == Some(Role::DateOrFull(stamp));
            match times.split_first() {
                Some((&time, other_times)) if is_date_half => {
                    map.stamps
                        .insert(stamp, StampColumns::Pair { date: first, time });
                    map.ignore(other_times, stamp.field());
                }
                _ => {
                    map.stamps.insert(stamp, StampColumns::Single(first));
                    map.ignore(&times, stamp.field());
                }
            }
            map.ignore(rest, stamp.field());
        }
        map.row_number = positions(&roles, |r| r == Role::RowNumber).first().copied();
        map.ignored.sort();
        map.unmapped = roles
            .iter()
            .enumerate()
            .filter(|(i, r)| r.is_none() && !header_key(&headers[*i]).is_empty())
            .map(|(i, _)| i)
            .collect();
        map
    }
}

fn positions(roles: &[Option<Role>], wanted: impl Fn(Role) -> bool) -> Vec<usize> {
    roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.filter(|r| wanted(*r)).map(|_| i))
        .collect()
}

/// Where a timestamp field is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StampColumns {
    /// One column holds the whole timestamp (or a date alone).
    Single(usize),
    /// A date column and a time column.
    Pair {
        /// The date column.
        date: usize,
        /// The time-of-day column.
        time: usize,
    },
}

impl StampColumns {
    /// The column where the mapping counts (the date column of a pair).
    pub fn position(self) -> usize {
        match self {
            StampColumns::Single(c) | StampColumns::Pair { date: c, .. } => c,
        }
    }
}

/// The meaning of a sheet's columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColumnMap {
    /// The header names as read (joined for two-row headers).
    pub headers: Vec<String>,
    /// Column of each non-timestamp field.
    pub plain: BTreeMap<Field, usize>,
    /// Columns of each timestamp field.
    pub stamps: BTreeMap<Stamp, StampColumns>,
    /// The running-number column (`No`), if any.
    pub row_number: Option<usize>,
    /// Columns that name a field already mapped further left: (column, field).
    pub ignored: Vec<(usize, Field)>,
    /// Columns whose header names no field (empty headers and the `No` column are not
    /// among them).
    pub unmapped: Vec<usize>,
}

impl ColumnMap {
    fn ignore(&mut self, columns: &[usize], field: Field) {
        self.ignored.extend(columns.iter().map(|&c| (c, field)));
    }

    /// The header name of a column (`""` past the header's end).
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map(String::as_str).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> HeaderVocabulary {
        HeaderVocabulary::new(&BTreeMap::new())
    }

    fn map(headers: &[&str]) -> ColumnMap {
        vocab().map(&headers.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn header_keys_ignore_case_space_punctuation_and_accents() {
        assert_eq!(header_key("No. Tiket"), "nomor tiket");
        assert_eq!(header_key("NO_TIKET"), "nomor tiket");
        assert_eq!(header_key("  no   tiket "), "nomor tiket");
        assert_eq!(header_key("Tgl. Posting"), "tanggal posting");
        assert_eq!(header_key("Wkt-Disposisi"), "waktu disposisi");
        assert_eq!(header_key("Catégorie"), "categorie");
        assert_eq!(header_key("postedAt"), "posted at");
        assert_eq!(header_key("posted_at"), "posted at");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(16383), "XFD");
    }

    #[test]
    fn maps_the_sop_table_headers() {
        let m = map(&[
            "No",
            "No. Tiket",
            "Waktu Posting",
            "Kanal",
            "Jenis",
            "Akun Pelapor",
            "Isi Laporan",
            "Tautan",
            "Waktu Lapor ke Kasi",
            "Wkt Disposisi",
            "Disposisi",
            "PD Tujuan",
            "Waktu Diterima PD",
            "Petugas",
        ]);
        assert_eq!(m.row_number, Some(0));
        assert_eq!(m.plain[&Field::Id], 1);
        assert_eq!(m.stamps[&Stamp::PostedAt], StampColumns::Single(2));
        assert_eq!(m.plain[&Field::Channel], 3);
        assert_eq!(m.plain[&Field::Kind], 4);
        assert_eq!(m.plain[&Field::Account], 5);
        assert_eq!(m.plain[&Field::Text], 6);
        assert_eq!(m.plain[&Field::Url], 7);
        assert_eq!(m.stamps[&Stamp::ReportedAt], StampColumns::Single(8));
        assert_eq!(m.stamps[&Stamp::DisposedAt], StampColumns::Single(9));
        assert_eq!(m.plain[&Field::Disposition], 10);
        assert_eq!(m.plain[&Field::Department], 11);
        assert_eq!(m.stamps[&Stamp::ForwardedAt], StampColumns::Single(12));
        assert_eq!(m.plain[&Field::Admin], 13);
        assert!(m.ignored.is_empty());
    }

    #[test]
    fn who_disposed_is_its_own_field_beside_the_disposition() {
        let m = map(&["Disposisi", "Disposisi Oleh", "Admin Medsos"]);
        assert_eq!(m.plain[&Field::Disposition], 0);
        assert_eq!(m.plain[&Field::DisposedBy], 1);
        assert_eq!(m.plain[&Field::Admin], 2);
        for header in [
            "Kasi",
            "Pemberi Disposisi",
            "Didisposisi Oleh",
            "Disposed By",
        ] {
            assert_eq!(map(&[header]).plain[&Field::DisposedBy], 0, "{header}");
        }
    }

    #[test]
    fn pairs_date_and_time_columns() {
        let m = map(&[
            "Tanggal Posting",
            "Jam Posting",
            "Tgl Disposisi",
            "Pukul Disposisi",
            "Tanggal Selesai",
        ]);
        assert_eq!(
            m.stamps[&Stamp::PostedAt],
            StampColumns::Pair { date: 0, time: 1 }
        );
        assert_eq!(
            m.stamps[&Stamp::DisposedAt],
            StampColumns::Pair { date: 2, time: 3 }
        );
        assert_eq!(m.stamps[&Stamp::ClosedAt], StampColumns::Single(4));
    }

    #[test]
    fn leftmost_complete_mapping_wins_and_the_rest_are_ignored() {
        let m = map(&[
            "Jam Posting",
            "Tanggal Posting",
            "Waktu Posting",
            "Akun",
            "Pelapor",
        ]);
        // The pair counts at its date column (1), left of the full column (2).
        assert_eq!(
            m.stamps[&Stamp::PostedAt],
            StampColumns::Pair { date: 1, time: 0 }
        );
        assert_eq!(m.ignored, vec![(2, Field::PostedAt), (4, Field::Account)]);
        let m = map(&["Waktu Posting", "Tanggal Posting", "Jam Posting"]);
        assert_eq!(m.stamps[&Stamp::PostedAt], StampColumns::Single(0));
        assert_eq!(m.ignored, vec![(1, Field::PostedAt), (2, Field::PostedAt)]);
    }

    #[test]
    fn a_lone_no_is_the_row_number_not_the_id() {
        for h in ["No", "No.", "Nomor", "NO"] {
            let m = map(&[h, "Waktu Posting"]);
            assert_eq!(m.row_number, Some(0), "{h}");
            assert!(!m.plain.contains_key(&Field::Id), "{h}");
        }
    }

    #[test]
    fn configured_aliases_are_matched_the_same_way() {
        let mut extra = BTreeMap::new();
        extra.insert(Field::PostedAt, vec!["Created Date".to_string()]);
        extra.insert(Field::Department, vec!["Agency".to_string()]);
        let v = HeaderVocabulary::new(&extra);
        let m = v.map(&["CREATED_DATE".into(), "agency".into()]);
        assert_eq!(m.stamps[&Stamp::PostedAt], StampColumns::Single(0));
        assert_eq!(m.plain[&Field::Department], 1);
        assert!(v.names_a_timestamp(["Created  Date"]));
        assert!(!vocab().names_a_timestamp(["Created Date", "Jam Posting"]));
    }

    #[test]
    fn headers_that_name_no_field_are_unmapped() {
        let m = map(&[
            "No",
            "Waktu Posting",
            "",
            "Catatan",
            "Waktu Dispossi",
            "Akun",
        ]);
        assert_eq!(m.unmapped, vec![3, 4]);
    }
}
