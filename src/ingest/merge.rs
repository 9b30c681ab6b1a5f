//! Merging the tables of all exports into items (INPUTS.md "Items, duplicates and the
//! row ledger").
//!
//! Departments are canonicalised in file order; exports are ordered by the latest
//! timestamp they contain (ties by path); for a key seen more than once the later
//! occurrence wins field by field, and disagreements are kept as conflicts.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::discover::Discovery;
use crate::ingest::normalize::Departments;
use crate::ingest::table::RowRecord;
use crate::ingest::{FileRead, Ledger, ReadSettings, RowCounts, SheetOutcome};
use crate::issues::{DataIssue, IssueKind, Location, OtherOccurrence, Reason};
use crate::model::{Field, Item, RowRef, Stamp};

/// The key of a record: its id, or else (channel, account, posting instant, text).
fn key_of(record: &RowRecord) -> String {
    if let Some(id) = &record.id {
        return format!("id:{}", id.trim());
    }
    let channel = record
        .channel
        .as_ref()
        .map(|(c, _)| c.label())
        .unwrap_or("");
    let account = record
        .account
        .as_deref()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let posted = record
        .stamps
        .get(Stamp::PostedAt)
        .map(|t| t.timestamp().to_string())
        .unwrap_or_default();
    let text = record
        .text
        .as_deref()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    format!("row:{channel}\u{1f}{account}\u{1f}{posted}\u{1f}{text}")
}

/// In the table of which occurrence each field's value came from: none yet. (Half the
/// size of an `Option<u32>`: the table has a row per item, a million rows at most.)
const NO_SOURCE: u32 = u32::MAX;

/// Per item and field: the occurrence whose value the item holds (`NO_SOURCE`: none).
///
/// An item met once holds the values of its first occurrence: kept as that occurrence and
/// the fields it had (eight bytes an item). The full table of sources is made only for the
/// items met more than once, a few in a hundred (issue 13).
struct Sources {
    /// Per item: its first occurrence, and a bit per field (`Field as usize`) it had.
    first: Vec<(u32, u32)>,
    /// Per item met more than once: the occurrence of each field's value.
    merged: HashMap<usize, [u32; Field::ALL.len()]>,
}

impl Sources {
    fn with_capacity(items: usize) -> Self {
        Sources {
            first: Vec::with_capacity(items),
            merged: HashMap::new(),
        }
    }

    /// A new item, made from `record` (occurrence `occurrence`).
    fn push(&mut self, occurrence: u32, record: &RowRecord) {
        let fields = present_fields(record).fold(0u32, |bits, f| bits | 1 << f as usize);
        self.first.push((occurrence, fields));
    }

    /// The occurrence whose value item `item` holds for `field`.
    fn of(&self, item: usize, field: Field) -> u32 {
        match self.merged.get(&item) {
            Some(table) => table[field as usize],
            None => {
                let (occurrence, fields) = self.first[item];
                if fields & (1 << field as usize) != 0 {
                    occurrence
                } else {
                    NO_SOURCE
                }
            }
        }
    }

    /// Item `item` took the values `record` (occurrence `occurrence`) has.
    fn merged(&mut self, item: usize, occurrence: u32, record: &RowRecord) {
        let first = self.first[item];
        let table = self.merged.entry(item).or_insert_with(|| {
            let mut table = [NO_SOURCE; Field::ALL.len()];
            for field in Field::ALL {
                if first.1 & (1 << field as usize) != 0 {
                    table[field as usize] = first.0;
                }
            }
            table
        });
        for field in present_fields(record) {
            table[field as usize] = occurrence;
        }
    }
}

/// Where one occurrence of an item was (indices of four bytes: there is one per row read).
struct Occurrence {
    file: u32,
    table: u32,
    row: u32,
    item: u32,
}

impl Occurrence {
    fn file(&self) -> usize {
        self.file as usize
    }
    fn table(&self) -> usize {
        self.table as usize
    }
}

/// Merges the files (in walk order) into the ledger.
pub(crate) fn merge(
    discovery: Discovery,
    mut files: Vec<FileRead>,
    settings: &ReadSettings,
) -> Ledger {
    // Departments: the first spelling met in file order names a department.
    // Each name no alias covers is met first somewhere: its close names are reported there.
    let mut departments = Departments::new(&settings.departments);
    let mut first_met: Vec<(String, Occurrence)> = Vec::new();
    // The names met so far (each is judged listed or not once).
    let mut met: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (f, file) in files.iter_mut().enumerate() {
        for (t, table) in file.tables.iter_mut().enumerate() {
            for record in &mut table.records {
                if let Some(d) = record.department.take() {
                    record.department = departments.canonical(&d);
                    if let Some(name) = &record.department {
                        if !met.contains(name.as_str())
                            && met.insert(name.clone())
                            && !departments.listed(name)
                        {
                            let at = Occurrence {
                                file: f as u32,
                                table: t as u32,
                                row: record.row,
                                item: 0,
                            };
                            first_met.push((name.clone(), at));
                        }
                    }
                }
            }
        }
    }

    // The records leave their tables: each becomes (or merges into) an item and is
    // dropped, so that the records and the items are not held twice (issue 13).
    let rows_read: Vec<Vec<u32>> = files
        .iter()
        .map(|f| f.tables.iter().map(|t| t.rows_read()).collect())
        .collect();
    let mut records: Vec<Vec<Vec<RowRecord>>> = files
        .iter_mut()
        .map(|f| {
            f.tables
                .iter_mut()
                .map(|t| std::mem::take(&mut t.records))
                .collect()
        })
        .collect();

    // Export order: the latest timestamp contained, ties by path (walk order).
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| (files[i].report.latest, i));

    let sheet_names: Vec<Vec<Option<String>>> = files
        .iter()
        .map(|f| {
            f.report
                .sheets
                .iter()
                .filter(|s| matches!(s.outcome, SheetOutcome::Read(_)))
                .map(|s| s.name.clone())
                .collect()
        })
        .collect();
    let location = |o: &Occurrence, field: Option<Field>| -> Location {
        let loc = Location::row(
            &files[o.file()].report.file,
            sheet_names[o.file()][o.table()].as_deref(),
            o.row,
        );
        match field {
            Some(f) => {
                let map = &files[o.file()].tables[o.table()].columns;
                let column = map.plain.get(&f).copied().or_else(|| {
                    f.stamp()
                        .and_then(|s| map.stamps.get(&s))
                        .map(|c| c.position())
                });
                match column {
                    Some(c) => loc.at_column(c, map.header(c)),
                    None => loc,
                }
            }
            None => loc,
        }
    };

    // Sized for every record up front: at a million records, growing them would copy
    // hundreds of megabytes (issue 13).
    let all: usize = records.iter().flatten().map(Vec::len).sum();
    // The keys, made on every core before the single-threaded merge (issue 13).
    let mut keys: Vec<Vec<Vec<String>>> = records
        .par_iter()
        .map(|tables| {
            tables
                .iter()
                .map(|records| records.iter().map(key_of).collect())
                .collect()
        })
        .collect();
    let mut index: HashMap<String, usize> = HashMap::with_capacity(all);
    let mut items: Vec<Item> = Vec::with_capacity(all);
    let mut sources = Sources::with_capacity(all);
    let mut occurrences: Vec<Occurrence> = Vec::with_capacity(all);
    let mut conflicts: Vec<DataIssue> = Vec::new();
    let mut counts = RowCounts::default();
    // Per file and table: (included, duplicates).
    // The occurrence that won last, per item: it is the included row, the others duplicates.
    let mut winner: Vec<u32> = Vec::with_capacity(all);

    for &f in &order {
        for (t, table) in files[f].tables.iter().enumerate() {
            counts.rejected += u64::from(table.rejected);
            let table_keys = std::mem::take(&mut keys[f][t]);
            for (record, key) in std::mem::take(&mut records[f][t])
                .into_iter()
                .zip(table_keys)
            {
                let occurrence = occurrences.len() as u32;
                // One look-up of the key, whether it is new or known.
                let known = match index.entry(key) {
                    std::collections::hash_map::Entry::Occupied(known) => Some(*known.get()),
                    std::collections::hash_map::Entry::Vacant(new) => {
                        new.insert(items.len());
                        None
                    }
                };
                occurrences.push(Occurrence {
                    file: f as u32,
                    table: t as u32,
                    row: record.row,
                    item: known.unwrap_or(items.len()) as u32,
                });
                match known {
                    None => {
                        sources.push(occurrence, &record);
                        items.push(new_item(record, f, sheet_names[f][t].clone()));
                        winner.push(occurrence);
                        counts.included += 1;
                    }
                    Some(i) => {
                        counts.duplicates += 1;
                        winner[i] = occurrence;
                        let item = &mut items[i];
                        for (field, earlier, later) in merge_into(item, &record, settings) {
                            let earlier_occurrence = sources.of(i, field);
                            if earlier_occurrence != NO_SOURCE {
                                let this = &occurrences[occurrence as usize];
                                let that = &occurrences[earlier_occurrence as usize];
                                conflicts.push(
                                    DataIssue::new(
                                        IssueKind::Conflict,
                                        location(this, Some(field)),
                                        Some(later),
                                        Some(field),
                                        Reason::Conflict,
                                    )
                                    .with_other(
                                        OtherOccurrence {
                                            location: location(that, Some(field)),
                                            value: earlier,
                                        },
                                    ),
                                );
                            }
                        }
                        sources.merged(i, occurrence, &record);
                        item.occurrences += 1;
                        item.source = RowRef {
                            file: f,
                            sheet: sheet_names[f][t].clone(),
                            row: record.row,
                        };
                    }
                }
            }
        }
    }

    let unlisted: Vec<(String, Location)> = first_met
        .iter()
        .map(|(name, at)| (name.clone(), location(at, Some(Field::Department))))
        .collect();
    // Per file and table: (included, duplicates).
    let mut per_table: Vec<Vec<(u32, u32)>> =
        files.iter().map(|f| vec![(0, 0); f.tables.len()]).collect();
    for (id, o) in occurrences.iter().enumerate() {
        if winner[o.item as usize] as usize == id {
            per_table[o.file()][o.table()].0 += 1;
        } else {
            per_table[o.file()][o.table()].1 += 1;
        }
    }
    let mut issues = Vec::new();
    let mut blank_rows = 0;
    let mut totals_rows = 0;
    let mut reports = Vec::with_capacity(files.len());
    for (f, file) in files.into_iter().enumerate() {
        let FileRead { mut report, tables } = file;
        let mut t = 0;
        for sheet in &mut report.sheets {
            if let SheetOutcome::Read(summary) = &mut sheet.outcome {
                summary.included = per_table[f][t].0;
                summary.duplicates = per_table[f][t].1;
                t += 1;
            }
        }
        for (table, read) in tables.into_iter().zip(&rows_read[f]) {
            counts.read += u64::from(*read);
            blank_rows += u64::from(table.blank);
            totals_rows += u64::from(table.totals);
            issues.extend(table.issues);
        }
        reports.push(report);
    }
    issues.extend(conflicts);
    issues.extend(crate::ingest::similar::department_issues(
        &unlisted,
        &items,
        &settings.departments,
        settings.unlisted_group.as_deref(),
        settings.limits.max_departments,
    ));
    debug_assert_eq!(
        counts.read,
        counts.included + counts.duplicates + counts.rejected
    );
    Ledger {
        discovery,
        files: reports,
        rows: counts,
        blank_rows,
        totals_rows,
        items,
        issues,
    }
}

/// The fields a record has a value for.
fn present_fields(record: &RowRecord) -> impl Iterator<Item = Field> + '_ {
    let plain = [
        (Field::Id, record.id.is_some()),
        (Field::Channel, record.channel.is_some()),
        (Field::Kind, record.kind.is_some()),
        (Field::Account, record.account.is_some()),
        (Field::Text, record.text.is_some()),
        (Field::Url, record.url.is_some()),
        (Field::Disposition, record.disposition.is_some()),
        (Field::Department, record.department.is_some()),
        (Field::Admin, record.admin.is_some()),
        (Field::DisposedBy, record.disposed_by.is_some()),
    ];
    plain
        .into_iter()
        .filter(|(_, present)| *present)
        .map(|(f, _)| f)
        .chain(
            Stamp::ALL
                .into_iter()
                .filter(|s| record.stamps.get(*s).is_some())
                .map(Stamp::field),
        )
}

fn new_item(record: RowRecord, file: usize, sheet: Option<String>) -> Item {
    let (channel, channel_text) = record.channel.unzip();
    let boxed = |text: Option<String>| text.map(String::into_boxed_str);
    Item {
        id: boxed(record.id),
        channel,
        channel_text: boxed(channel_text),
        kind: record.kind,
        account: boxed(record.account),
        text: boxed(record.text),
        url: boxed(record.url),
        stamps: record.stamps,
        date_only: record.date_only,
        disposition: record.disposition,
        department: boxed(record.department),
        admin: boxed(record.admin),
        disposed_by: boxed(record.disposed_by),
        source: RowRef {
            file,
            sheet,
            row: record.row,
        },
        occurrences: 1,
    }
}

/// Merges a later record into an item: a later non-empty value replaces the earlier one
/// (an unrecognised disposition never replaces a recognised one). Gives the fields whose
/// non-empty values disagreed, with the earlier and later value.
fn merge_into(
    item: &mut Item,
    record: &RowRecord,
    settings: &ReadSettings,
) -> Vec<(Field, String, String)> {
    let mut conflicts = Vec::new();
    fn text_field(
        field: Field,
        slot: &mut Option<Box<str>>,
        later: &Option<String>,
        normalise: fn(&str) -> String,
        conflicts: &mut Vec<(Field, String, String)>,
    ) {
        if let Some(new) = later {
            // Most rows of an item repeat its values as they were: nothing to compare or
            // copy then (issue 13: a duplicate cost 4 µs).
            if slot.as_deref() == Some(new.as_str()) {
                return;
            }
            if let Some(old) = slot.as_deref() {
                if normalise(old) != normalise(new) {
                    conflicts.push((field, old.to_string(), new.clone()));
                }
            }
            *slot = Some(new.as_str().into());
        }
    }
    let collapse = crate::ingest::normalize::tidy;
    let lower = |s: &str| crate::ingest::normalize::tidy(s).to_lowercase();
    text_field(
        Field::Account,
        &mut item.account,
        &record.account,
        lower,
        &mut conflicts,
    );
    text_field(
        Field::Text,
        &mut item.text,
        &record.text,
        collapse,
        &mut conflicts,
    );
    text_field(
        Field::Url,
        &mut item.url,
        &record.url,
        collapse,
        &mut conflicts,
    );
    text_field(
        Field::Department,
        &mut item.department,
        &record.department,
        collapse,
        &mut conflicts,
    );
    text_field(
        Field::Admin,
        &mut item.admin,
        &record.admin,
        lower,
        &mut conflicts,
    );
    text_field(
        Field::DisposedBy,
        &mut item.disposed_by,
        &record.disposed_by,
        lower,
        &mut conflicts,
    );
    if let Some((channel, text)) = &record.channel {
        if let Some(old) = item.channel.filter(|old| old != channel) {
            conflicts.push((
                Field::Channel,
                old.label().to_string(),
                channel.label().to_string(),
            ));
        }
        item.channel = Some(*channel);
        item.channel_text = Some(text.as_str().into());
    }
    if let Some(kind) = record.kind {
        if let Some(old) = item.kind.filter(|old| *old != kind) {
            conflicts.push((
                Field::Kind,
                format!("{old:?}").to_lowercase(),
                format!("{kind:?}").to_lowercase(),
            ));
        }
        item.kind = Some(kind);
    }
    use crate::model::DispositionValue::Unrecognised;
    match (item.disposition, record.disposition) {
        (_, None) => {}
        (Some(old), Some(Unrecognised)) if old != Unrecognised => {}
        (Some(old), Some(new)) if old != new && old != Unrecognised => {
            conflicts.push((
                Field::Disposition,
                disposition_word(old),
                disposition_word(new),
            ));
            item.disposition = Some(new);
        }
        (_, Some(new)) => item.disposition = Some(new),
    }
    for stamp in Stamp::ALL {
        if let Some(new) = record.stamps.get(stamp) {
            if let Some(old) = item.stamps.get(stamp).filter(|old| *old != new) {
                let show = |t: crate::model::Instant| t.with_timezone(&settings.zone).to_rfc3339();
                conflicts.push((stamp.field(), show(old), show(new)));
            }
            item.stamps.set(stamp, Some(new));
            let bit = 1 << stamp.index();
            item.date_only = (item.date_only & !bit) | (record.date_only & bit);
        }
    }
    conflicts
}

fn disposition_word(value: crate::model::DispositionValue) -> String {
    match value {
        crate::model::DispositionValue::Forward => "forward",
        crate::model::DispositionValue::Answer => "answer",
        crate::model::DispositionValue::Unrecognised => "unrecognised",
    }
    .to_string()
}
