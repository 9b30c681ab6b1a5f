//! The vocabulary shared by every stage: canonical fields, items and their values.
//!
//! Plain data only: no I/O, no parsing of files.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An instant on the time line (UTC inside; shown in the configured zone).
pub type Instant = DateTime<Utc>;

/// The moment a report describes ("Kondisi per"): items still open then are judged
/// against it. Resolved once, before judging, and carried with the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct AsOf {
    /// The moment.
    pub at: Instant,
    /// Where it came from.
    pub source: AsOfSource,
}

/// Where the as-of moment came from (METRICS.md "Periods that are not complete").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// `--as-of` on the command line.
    CommandLine,
    /// `as_of` in `patuh.toml`.
    Configuration,
    /// The latest timestamp in the data.
    LatestInData,
}

/// A canonical field of an item: what a column of an export means (INPUTS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Ticket or report number.
    Id,
    /// Where it was posted.
    Channel,
    /// laporan / pengaduan / pertanyaan.
    Kind,
    /// The citizen's account.
    Account,
    /// The post or message.
    Text,
    /// Link to the post.
    Url,
    /// When the citizen posted.
    PostedAt,
    /// When the admin passed it to the Kasi.
    ReportedAt,
    /// When the Kasi gave the disposition.
    DisposedAt,
    /// Forward to a department, or answer directly.
    Disposition,
    /// The responsible Perangkat Daerah.
    Department,
    /// When the department's sub admin received it.
    ForwardedAt,
    /// When the department finished its follow-up.
    ClosedAt,
    /// Who handled it (the Admin Medsos).
    Admin,
    /// Who gave the disposition (the Kasi, or a deputy).
    DisposedBy,
}

impl Field {
    /// Every field, in the order of INPUTS.md.
    pub const ALL: [Field; 15] = [
        Field::Id,
        Field::Channel,
        Field::Kind,
        Field::Account,
        Field::Text,
        Field::Url,
        Field::PostedAt,
        Field::ReportedAt,
        Field::DisposedAt,
        Field::Disposition,
        Field::Department,
        Field::ForwardedAt,
        Field::ClosedAt,
        Field::Admin,
        Field::DisposedBy,
    ];

    /// The field's name as written in configuration and reports (`posted_at`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Channel => "channel",
            Field::Kind => "kind",
            Field::Account => "account",
            Field::Text => "text",
            Field::Url => "url",
            Field::PostedAt => "posted_at",
            Field::ReportedAt => "reported_at",
            Field::DisposedAt => "disposed_at",
            Field::Disposition => "disposition",
            Field::Department => "department",
            Field::ForwardedAt => "forwarded_at",
            Field::ClosedAt => "closed_at",
            Field::Admin => "admin",
            Field::DisposedBy => "disposed_by",
        }
    }

    /// The field named `name` in configuration, if any.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The timestamp this field holds, if it is a timestamp field.
    pub fn stamp(self) -> Option<Stamp> {
        Stamp::ALL.into_iter().find(|s| s.field() == self)
    }
}

/// The timestamp fields of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stamp {
    /// When the citizen posted.
    PostedAt,
    /// When the admin passed it to the Kasi.
    ReportedAt,
    /// When the Kasi gave the disposition.
    DisposedAt,
    /// When the department's sub admin received it.
    ForwardedAt,
    /// When the department finished its follow-up.
    ClosedAt,
}

impl Stamp {
    /// Every timestamp field, in the order of the SOP.
    pub const ALL: [Stamp; 5] = [
        Stamp::PostedAt,
        Stamp::ReportedAt,
        Stamp::DisposedAt,
        Stamp::ForwardedAt,
        Stamp::ClosedAt,
    ];

    /// The canonical field this timestamp is.
    pub fn field(self) -> Field {
        match self {
            Stamp::PostedAt => Field::PostedAt,
            Stamp::ReportedAt => Field::ReportedAt,
            Stamp::DisposedAt => Field::DisposedAt,
            Stamp::ForwardedAt => Field::ForwardedAt,
            Stamp::ClosedAt => Field::ClosedAt,
        }
    }

    /// Position in [`Stamp::ALL`], for arrays indexed by timestamp.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The five timestamps of an item, each present or missing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Stamps(pub [Option<Instant>; 5]);

impl Stamps {
    /// The instant of one timestamp field, if present.
    pub fn get(&self, stamp: Stamp) -> Option<Instant> {
        self.0[stamp.index()]
    }

    /// Sets one timestamp field.
    pub fn set(&mut self, stamp: Stamp, value: Option<Instant>) {
        self.0[stamp.index()] = value;
    }

    /// The latest instant present, if any.
    pub fn latest(&self) -> Option<Instant> {
        self.0.iter().flatten().max().copied()
    }

    /// The earliest instant present, if any.
    pub fn earliest(&self) -> Option<Instant> {
        self.0.iter().flatten().min().copied()
    }
}

/// Where an item was posted, normalised (INPUTS.md "channel").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// Twitter, X, twitter.com, x.com.
    #[serde(rename = "Twitter/X")]
    TwitterX,
    /// Facebook, FB.
    Facebook,
    /// WhatsApp, WA.
    WhatsApp,
    /// Instagram, IG.
    Instagram,
    /// TikTok.
    TikTok,
    /// YouTube.
    YouTube,
    /// Anything else that was written.
    #[serde(rename = "other")]
    Other,
}

impl Channel {
    /// The canonical name shown in reports.
    pub fn label(self) -> &'static str {
        match self {
            Channel::TwitterX => "Twitter/X",
            Channel::Facebook => "Facebook",
            Channel::WhatsApp => "WhatsApp",
            Channel::Instagram => "Instagram",
            Channel::TikTok => "TikTok",
            Channel::YouTube => "YouTube",
            Channel::Other => "other",
        }
    }
}

/// What kind of item it is (SOP: laporan / pengaduan / pertanyaan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A report.
    Laporan,
    /// A complaint.
    Pengaduan,
    /// A question.
    Pertanyaan,
    /// Another value was written.
    Other,
}

/// What the Kasi decided, as written in the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DispositionValue {
    /// Forward to the responsible department.
    Forward,
    /// Answer directly.
    Answer,
    /// A value that says neither (kept so it is not read as empty).
    Unrecognised,
}

/// The disposition of an item as METRICS.md defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// Forward to a department (said so, or empty while a department is named).
    Forward,
    /// Answered directly.
    Answer,
    /// Not known yet.
    Unknown,
}

/// Where a row came from: the file, the sheet, and the row as the spreadsheet numbers it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RowRef {
    /// Index of the export in the walk order (the order discovery lists the exports in).
    pub file: usize,
    /// Sheet name, `None` for CSV.
    pub sheet: Option<String>,
    /// 1-based row number as the spreadsheet shows it (for CSV: the record number).
    pub row: u32,
}

/// One complaint, report or question, after reading and merging duplicates. Its texts
/// are boxed (`Box<str>`, two words, not three): a site holds a million items.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
pub struct Item {
    /// Ticket number, when the export has one.
    pub id: Option<Box<str>>,
    /// Where it was posted.
    pub channel: Option<Channel>,
    /// The channel as first written (for display when it is `other`).
    pub channel_text: Option<Box<str>>,
    /// laporan / pengaduan / pertanyaan.
    pub kind: Option<Kind>,
    /// The citizen's account.
    pub account: Option<Box<str>>,
    /// The citizen's post (untrusted text).
    pub text: Option<Box<str>>,
    /// Link to the post.
    pub url: Option<Box<str>>,
    /// The five timestamps.
    pub stamps: Stamps,
    /// Which timestamps were written as a date without a time (read as midnight): bit
    /// [`Stamp::index`] set.
    pub date_only: u8,
    /// The disposition value as written.
    pub disposition: Option<DispositionValue>,
    /// The canonical department name.
    pub department: Option<Box<str>>,
    /// Who handled it (the Admin Medsos).
    pub admin: Option<Box<str>>,
    /// Who gave the disposition.
    pub disposed_by: Option<Box<str>>,
    /// The row whose values won last (the latest occurrence).
    pub source: RowRef,
    /// How many rows were merged into this item (1 when it appeared once).
    pub occurrences: u32,
}

impl Item {
    /// Whether the timestamp was written as a date without a time (read as midnight).
    pub fn date_only(&self, stamp: Stamp) -> bool {
        self.date_only & (1 << stamp.index()) != 0
    }

    /// The disposition as METRICS.md defines it.
    pub fn disposition(&self) -> Disposition {
        match self.disposition {
            Some(DispositionValue::Forward) => Disposition::Forward,
            Some(DispositionValue::Answer) => Disposition::Answer,
            Some(DispositionValue::Unrecognised) => Disposition::Unknown,
            None if self.department.is_some() => Disposition::Forward,
            None => Disposition::Unknown,
        }
    }
}
