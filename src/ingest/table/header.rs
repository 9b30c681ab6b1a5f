//! Finding a table's header: the first row among the top rows that names a timestamp
//! column, alone or joined with the row below it (a two-row header). Takes the rows kept
//! while searching; maps the columns and hands the rows after the header on as data rows.

use crate::ingest::columns::{column_letter, UnmappedColumn};
use crate::issues::{DataIssue, IssueKind, Reason};

use super::{State, TableBuilder};

/// The header must be within this many rows from the top.
pub(super) const HEADER_SEARCH_ROWS: u32 = 20;

impl TableBuilder<'_> {
    /// Searches the rows kept so far for the header; reads the rows after it, or gives up.
    pub(super) fn search_header(&mut self) {
        let State::Searching(buffer) = std::mem::replace(&mut self.state, State::GaveUp) else {
            return;
        };
        let vocabulary = &self.settings.vocabulary;
        let texts: Vec<Vec<String>> = buffer
            .iter()
            .map(|(_, cells)| {
                cells
                    .iter()
                    .map(|c| c.to_text().unwrap_or_default())
                    .collect()
            })
            .collect();
        let mut found = None;
        for (i, (number, _)) in buffer.iter().enumerate() {
            if *number > HEADER_SEARCH_ROWS {
                break;
            }
            if texts[i].iter().all(|t| t.is_empty()) {
                continue;
            }
            if vocabulary.names_a_timestamp(texts[i].iter().map(String::as_str)) {
                found = Some((i, 1, texts[i].clone()));
                break;
            }
            if let Some((next_number, _)) = buffer.get(i + 1) {
                if *next_number == number + 1 {
                    let joined = join_header_rows(&texts[i], &texts[i + 1]);
                    if vocabulary.names_a_timestamp(joined.iter().map(String::as_str)) {
                        found = Some((i, 2, joined));
                        break;
                    }
                }
            }
        }
        let Some((index, header_rows, headers)) = found else {
            return;
        };
        self.table.header_row = buffer[index].0;
        self.last_row = self.table.header_row + header_rows - 1;
        self.table.header_rows = header_rows;
        self.table.columns = vocabulary.map(&headers);
        for (column, field) in self.table.columns.ignored.clone() {
            let location = self
                .location(self.table.header_row)
                .at_column(column, self.table.columns.header(column));
            self.table.issues.push(DataIssue::new(
                IssueKind::IgnoredColumn,
                location,
                None,
                Some(field),
                Reason::AlreadyMapped,
            ));
        }
        for column in self.table.columns.unmapped.clone() {
            let header = self.table.columns.header(column).to_string();
            let likely = vocabulary.likely(&header);
            if let Some(likely) = &likely {
                let location = self
                    .location(self.table.header_row)
                    .at_column(column, &header);
                let reason = if likely.time_half {
                    Reason::LooksLikeTimeHalf {
                        header: header.clone(),
                        alias: likely.alias.clone(),
                    }
                } else {
                    Reason::LooksLike {
                        header: header.clone(),
                        alias: likely.alias.clone(),
                    }
                };
                self.table.issues.push(DataIssue::new(
                    IssueKind::UnknownColumn,
                    location,
                    Some(header.clone()),
                    Some(likely.field),
                    reason,
                ));
            }
            self.table.unmapped.push(UnmappedColumn {
                column: column_letter(column),
                header,
                likely,
            });
        }
        self.state = State::Reading;
        for (number, cells) in buffer.into_iter().skip(index + header_rows as usize) {
            self.data_row(number, &cells);
        }
    }
}

/// The names of a two-row header: a group cell over sub-headers reads as the joined names
/// (`Waktu` over `Posting` → `Waktu Posting`), a merged group carrying over the empty cells
/// to its right; a cell with nothing below keeps its own name.
pub fn join_header_rows(top: &[String], bottom: &[String]) -> Vec<String> {
    let width = top.len().max(bottom.len());
    let mut group: Option<&str> = None;
    (0..width)
        .map(|c| {
            let t = top.get(c).map(|s| s.trim()).unwrap_or("");
            let b = bottom.get(c).map(|s| s.trim()).unwrap_or("");
            if !t.is_empty() {
                group = (!b.is_empty()).then_some(t);
                if b.is_empty() {
                    t.to_string()
                } else {
                    format!("{t} {b}")
                }
            } else if b.is_empty() {
                String::new()
            } else {
                match group {
                    Some(g) => format!("{g} {b}"),
                    None => b.to_string(),
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn two_row_headers_join_group_and_sub_headers() {
        let top = s(&["No", "Waktu", "", "", "", "Admin", ""]);
        let bottom = s(&[
            "",
            "Posting",
            "Lapor",
            "Disposisi",
            "Diteruskan",
            "",
            "Kanal",
        ]);
        assert_eq!(
            join_header_rows(&top, &bottom),
            s(&[
                "No",
                "Waktu Posting",
                "Waktu Lapor",
                "Waktu Disposisi",
                "Waktu Diteruskan",
                "Admin",
                "Kanal"
            ])
        );
    }
}
