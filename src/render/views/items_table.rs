//! The table of items (a department's register, a period's late items), written here
//! rather than by a template: it is most of the bytes of the site, and a loop over
//! thousands of rows in Tera costs a value tree per row (issue 13). Every value is
//! escaped as the templates escape it (HTML with [`markdown::escape_html`], Markdown with
//! [`markdown::escape`]); templates insert the finished table with `| safe`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::render::markdown::{escape, escape_html};
use crate::words::Words;

use super::rows::ItemRow;

/// The columns of a table of items: a register (its department is the page's, and the
/// citizen's text is shown) or a period's list (the department instead of the channel
/// and the text).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Columns {
    /// Ticket, posted, channel, admin, the steps, the text.
    Register,
    /// Ticket, posted, department, admin, the steps (the HTML table keeps channel and
    /// text).
    Period,
}

impl Columns {
    /// The table's class, which the style sheet labels its cells by.
    fn class(self) -> &'static str {
        match self {
            Columns::Register => "reg",
            Columns::Period => "per",
        }
    }

    /// The keys (in the word list) of the labels of the columns after the ticket and
    /// the posting time, before the steps; the text's column follows the steps.
    fn middle(self) -> &'static [&'static str] {
        match self {
            Columns::Register => &["channel", "admin"],
            Columns::Period => &["department", "channel", "admin"],
        }
    }
}

impl super::Ctx<'_> {
    /// The rules of the style sheet that label the cells of the tables of items on a
    /// phone, where each row is a card (`templates/assets/style.css`, "stacked
    /// tables"): the other tables carry each label on each cell (`data-label`), but a
    /// table of items is most of the bytes of the site, so its labels are written once,
    /// here, in the site's language, with the configured steps (issue 13).
    pub(crate) fn phone_labels_css(&self) -> String {
        use super::css::css_string;
        let mut out = String::from(
            "\n/* The labels of the cells of the tables of items on a phone (written by patuh, in the\n   site's language, with the configured steps). */\n@media screen and (max-width: 47.99rem) {\n",
        );
        for columns in [Columns::Register, Columns::Period] {
            let mut labels: Vec<&str> = vec![&self.t["posted"]];
            labels.extend(columns.middle().iter().map(|k| self.t[*k].as_str()));
            labels.extend(self.step_names.iter().map(String::as_str));
            labels.push(&self.t["text"]);
            for (k, label) in labels.iter().enumerate() {
                // The ticket is the row's heading (column 1): not labelled.
                let _ = writeln!(
                    out,
                    "  .stack table.{} > tbody > tr > td:nth-child({})::before {{ content: {}; }}",
                    columns.class(),
                    k + 2,
                    css_string(label)
                );
            }
        }
        out.push_str("}\n");
        out
    }
}

/// A table of items, finished, in both formats; empty (no table at all) without items.
#[derive(Serialize, Default)]
pub(super) struct ItemsTable {
    /// The HTML table and its notes.
    html: String,
    /// The Markdown table and its notes.
    md: String,
    /// Whether it lists any item: templates test this rather than the text (Tera
    /// would escape the whole table to test it).
    listed: bool,
}

/// The table of `rows` headed `caption`, with the steps `step_names`, in both formats;
/// the empty table when there are no rows.
pub(super) fn items_table(
    rows: &[ItemRow],
    t: &Words,
    caption: &str,
    step_names: &[String],
    columns: Columns,
) -> ItemsTable {
    if rows.is_empty() {
        return ItemsTable::default();
    }
    ItemsTable {
        html: html(rows, t, caption, step_names, columns),
        md: md(rows, t, step_names, columns),
        listed: true,
    }
}

/// The notes under a table, each part as written (unescaped): the zone of the clock
/// times, with the mark of times outside office hours when one is marked; and the mark
/// of a date without a time, when one is marked.
struct Notes<'a> {
    clock: Option<(String, Option<&'a str>)>,
    date_only: Option<&'a str>,
}

fn notes<'a>(rows: &[ItemRow], t: &'a Words) -> Notes<'a> {
    Notes {
        clock: rows.first().map(|first| {
            (
                t["clock_note"].replace("{zone}", &first.zone),
                rows.iter()
                    .any(|r| r.outside_hours)
                    .then(|| t["outside_hours_note"].as_str()),
            )
        }),
        date_only: rows
            .iter()
            .any(|r| r.date_only)
            .then(|| t["date_only_note"].as_str()),
    }
}

/// The notes in a format: the clock note and its mark escaped apart, as the templates
/// did (Markdown escaping depends on where a text starts).
fn clock_note(notes: &Notes<'_>, escape: fn(&str) -> String) -> Option<String> {
    notes.clock.as_ref().map(|(note, outside)| {
        let mut text = escape(note);
        if let Some(outside) = outside {
            text.push(' ');
            text.push_str(&escape(outside));
        }
        text
    })
}

fn html(
    rows: &[ItemRow],
    t: &Words,
    caption: &str,
    step_names: &[String],
    columns: Columns,
) -> String {
    let e = escape_html;
    let department = columns == Columns::Period;
    let mut out = String::with_capacity(400 + rows.len() * 1200);
    let _ = write!(
        out,
        "\n<div class=\"scroll stack\" tabindex=\"0\"><table class=\"items {} sortable\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        columns.class(),
        e(caption),
        e(&t["item_id"]),
        e(&t["posted"])
    );
    if department {
        let _ = write!(out, "<th scope=\"col\">{}</th>", e(&t["department"]));
    }
    let _ = write!(
        out,
        "<th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        e(&t["channel"]),
        e(&t["admin"])
    );
    for n in step_names {
        let _ = write!(out, "<th scope=\"col\">{}</th>", e(n));
    }
    let _ = write!(
        out,
        "<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        e(&t["text"])
    );
    let date_only = e(&t["date_only_note"]);
    // A register's rows carry anchors, which search results link to; a period's list
    // (whose items are in their registers) does not.
    let anchors = match columns {
        Columns::Register => anchors(rows.iter().map(|r| r.id.as_str())),
        Columns::Period => Vec::new(),
    };
    for (i, r) in rows.iter().enumerate() {
        html_row(
            &mut out,
            r,
            anchors.get(i).map(String::as_str),
            &date_only,
            department,
        );
    }
    out.push_str("</tbody></table></div>");
    let notes = notes(rows, t);
    if let Some(clock) = clock_note(&notes, e) {
        let _ = write!(out, "\n<p class=\"clock-note\">{clock}</p>");
    }
    if let Some(note) = notes.date_only {
        let _ = write!(out, "\n<p class=\"hint\">* {}</p>", e(note));
    }
    out.push('\n');
    out
}

/// One row of the HTML table. Its cells carry no labels: on a phone, the style sheet
/// labels them by their column ([`Ctx::phone_labels_css`]).
fn html_row(
    out: &mut String,
    r: &ItemRow,
    anchor: Option<&str>,
    date_only: &str,
    department: bool,
) {
    let e = escape_html;
    out.push_str("<tr");
    if let Some(anchor) = anchor {
        // An anchor is ASCII letters, digits, `-` and `_`: nothing to escape.
        let _ = write!(out, " id=\"{anchor}\"");
    }
    out.push_str(if r.exception {
        " class=\"exception\">"
    } else {
        ">"
    });
    out.push_str("<th scope=\"row\">");
    match &r.url {
        Some(url) => {
            let _ = write!(
                out,
                "<a href=\"{}\" rel=\"nofollow noopener noreferrer\">{}</a>",
                e(url),
                e(&r.id)
            );
        }
        None => out.push_str(&e(&r.id)),
    }
    out.push_str("</th><td");
    if let Some(s) = r.posted_s {
        let _ = write!(out, " data-sort=\"{s}\"");
    }
    let _ = write!(out, ">{}</td>", e(&r.posted));
    if department {
        let _ = write!(out, "<td>{}</td>", e(&r.department));
    }
    let _ = write!(out, "<td>{}</td><td>{}</td>", e(&r.channel), e(&r.admin));
    for s in &r.steps {
        let _ = write!(out, "<td class=\"st {}\"", e(s.status_key));
        if let Some(d) = s.duration_s {
            let _ = write!(out, " data-sort=\"{d}\"");
        }
        let _ = write!(out, ">{}", e(&s.status));
        if s.duration_s.is_some() || s.clock.is_empty() {
            let _ = write!(out, "<br><span class=\"dur\">{}", e(&s.duration));
            if s.date_only {
                let _ = write!(out, "<abbr title=\"{date_only}\">*</abbr>");
            }
            out.push_str("</span>");
        }
        if !s.clock.is_empty() {
            let _ = write!(out, "<br><span class=\"clock\">{}", e(&s.clock));
            if s.date_only && s.duration_s.is_none() {
                let _ = write!(out, "<abbr title=\"{date_only}\">*</abbr>");
            }
            out.push_str("</span>");
        }
        out.push_str("</td>");
    }
    let _ = writeln!(out, "<td class=\"text\">{}</td></tr>", e(&r.text));
}

/// The anchors of the rows of one register page, from their tickets as shown (masked,
/// `–` without one), in the page's order: `i-<ticket slug>` (`MS-2026-000163` →
/// `i-ms-2026-000163`); the `k`-th row of a page with the same slug as an earlier one
/// `i-<slug>_<k>`; the `k`-th row without a ticket (no letter or digit) `i_<k>`. A slug
/// holds only `a-z`, `0-9` and `-`, so no two rows of a page share an anchor.
pub(super) fn anchors<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    ids.map(|id| {
        let slug = anchor_slug(id);
        let n = seen.entry(slug.clone()).or_insert(0);
        *n += 1;
        match (slug.is_empty(), *n) {
            (true, n) => format!("i_{n}"),
            (false, 1) => format!("i-{slug}"),
            (false, n) => format!("i-{slug}_{n}"),
        }
    })
    .collect()
}

/// A ticket as an anchor: ASCII letters (lower case) and digits, every other run of
/// characters one `-`, none at either end.
fn anchor_slug(id: &str) -> String {
    let mut s = String::with_capacity(id.len());
    for ch in id.chars() {
        if ch.is_ascii_alphanumeric() {
            s.push(ch.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

impl super::Ctx<'_> {
    /// Where each item of a department's register (`members`, a department's items in a
    /// period) is shown: in the register's order, the item, its page (from 1) and the
    /// anchor of its row on that page, as the register pages write them.
    pub(crate) fn register_places<'j>(
        &self,
        members: Vec<&'j crate::sop::Judged>,
    ) -> Vec<(&'j crate::sop::Judged, usize, String)> {
        let per_page = self.input.presentation.pages.register_rows.max(1) as usize;
        let sorted = self.register_order(members);
        let mut places = Vec::with_capacity(sorted.len());
        for (k, page) in sorted.chunks(per_page).enumerate() {
            let ids: Vec<String> = page
                .iter()
                .map(|j| self.item_id_and_url(&self.input.ledger.items[j.item]).0)
                .collect();
            let anchors = anchors(ids.iter().map(String::as_str));
            for (j, anchor) in page.iter().zip(anchors) {
                places.push((*j, k + 1, anchor));
            }
        }
        places
    }
}

fn md(rows: &[ItemRow], t: &Words, step_names: &[String], columns: Columns) -> String {
    let e = escape;
    let register = columns == Columns::Register;
    let third = if register { "channel" } else { "department" };
    let mut out = String::with_capacity(400 + rows.len() * 400);
    let _ = write!(
        out,
        "| {} | {} | {} | {} |",
        e(&t["item_id"]),
        e(&t["posted"]),
        e(&t[third]),
        e(&t["admin"])
    );
    for n in step_names {
        let _ = write!(out, " {} |", e(n));
    }
    if register {
        let _ = write!(out, " {} |", e(&t["text"]));
    }
    out.push_str("\n|---|---|---|---|");
    for _ in step_names {
        out.push_str("---|");
    }
    if register {
        out.push_str("---|");
    }
    out.push('\n');
    for r in rows {
        let third = if register { &r.channel } else { &r.department };
        let _ = write!(
            out,
            "| {} | {} | {} | {} |",
            e(&r.id),
            e(&r.posted),
            e(third),
            e(&r.admin)
        );
        for s in &r.steps {
            let _ = write!(out, " {} (", e(&s.status));
            if s.duration_s.is_some() {
                out.push_str(&e(&s.duration));
                if s.date_only {
                    out.push_str("\\*");
                }
                let _ = write!(out, "; {}", e(&s.clock));
            } else if !s.clock.is_empty() {
                out.push_str(&e(&s.clock));
                if s.date_only {
                    out.push_str("\\*");
                }
            } else {
                out.push_str(&e(&s.duration));
            }
            out.push_str(") |");
        }
        if register {
            let _ = write!(out, " {} |", e(&r.text));
        }
        out.push('\n');
    }
    let notes = notes(rows, t);
    if let Some(clock) = clock_note(&notes, e) {
        let _ = writeln!(out, "\n{clock}");
    }
    if let Some(note) = notes.date_only {
        let _ = writeln!(out, "\n\\* {}", e(note));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::views::rows::ItemStep;
    use crate::words::{words, Lang};

    fn row(text: &str) -> ItemRow {
        ItemRow {
            id: "MS-1".into(),
            url: Some("https://x.test/a?b=1&c=2".into()),
            department: "Dinas <b>".into(),
            posted: "16/11/2026 10.00".into(),
            posted_s: Some(1_795_323_600),
            channel: "Twitter/X".into(),
            kind: "complaint".into(),
            admin: "Rina".into(),
            text: text.into(),
            steps: vec![
                ItemStep {
                    status_key: "breached",
                    status: "Terlambat".into(),
                    duration: "1 jam 30 mnt".into(),
                    duration_s: Some(5400),
                    clock: "10.00 → 11.30".into(),
                    date_only: false,
                },
                ItemStep {
                    status_key: "unmeasurable",
                    status: "Tidak terukur".into(),
                    duration: "–".into(),
                    duration_s: None,
                    clock: String::new(),
                    date_only: true,
                },
            ],
            zone: "WIB".into(),
            date_only: true,
            outside_hours: false,
            exception: true,
        }
    }

    #[test]
    fn a_row_is_written_escaped_in_both_formats() {
        let t = words(Lang::Id);
        let names = ["Pemantauan".to_string(), "Disposisi".to_string()];
        let table = items_table(
            &[row("<script>x</script> | *a*")],
            t,
            "Daftar item",
            &names,
            Columns::Register,
        );
        assert!(table.html.contains(concat!(
            "<tr id=\"i-ms-1\" class=\"exception\"><th scope=\"row\"><a href=\"https:&#x2F;&#x2F;x.test&#x2F;a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">MS-1</a></th>",
            "<td data-sort=\"1795323600\">16&#x2F;11&#x2F;2026 10.00</td>",
            "<td>Twitter&#x2F;X</td><td>Rina</td>",
            "<td class=\"st breached\" data-sort=\"5400\">Terlambat<br><span class=\"dur\">1 jam 30 mnt</span><br><span class=\"clock\">10.00 → 11.30</span></td>",
            "<td class=\"st unmeasurable\">Tidak terukur<br><span class=\"dur\">–<abbr title=\"dihitung dari tanggal tanpa jam (dibaca pukul 00.00)\">*</abbr></span></td>",
            "<td class=\"text\">&lt;script&gt;x&lt;&#x2F;script&gt; | *a*</td></tr>\n",
        )), "{}", table.html);
        assert!(table.html.ends_with("</tbody></table></div>\n<p class=\"clock-note\">Jam mulai → selesai tiap tahap dalam WIB; (+1 hari): selesai pada hari berikutnya.</p>\n<p class=\"hint\">* dihitung dari tanggal tanpa jam (dibaca pukul 00.00)</p>\n"));
        assert_eq!(
            table.md,
            "| Nomor | Waktu posting | Kanal | Admin | Pemantauan | Disposisi | Isi |\n\
             |---|---|---|---|---|---|---|\n\
             | MS-1 | 16/11/2026 10.00 | Twitter/X | Rina | Terlambat (1 jam 30 mnt; 10.00 → 11.30) | Tidak terukur (–) | \\<script>x\\</script> \\| \\*a\\* |\n\
             \n\
             Jam mulai → selesai tiap tahap dalam WIB; (+1 hari): selesai pada hari berikutnya.\n\
             \n\
             \\* dihitung dari tanggal tanpa jam (dibaca pukul 00.00)\n"
        );
        // A period's list: the department in the third column, no text.
        let period = items_table(&[row("x")], t, "Item terlambat", &names, Columns::Period);
        assert!(period.md.starts_with("| Nomor | Waktu posting | Perangkat Daerah | Admin | Pemantauan | Disposisi |\n|---|---|---|---|---|---|\n| MS-1 | 16/11/2026 10.00 | Dinas \\<b> | Rina |"));
        assert!(period.html.contains(
            "data-sort=\"1795323600\">16&#x2F;11&#x2F;2026 10.00</td><td>Dinas &lt;b&gt;</td><td>Twitter&#x2F;X</td>"
        ));
        // A period's list carries no anchors: its items are in their registers.
        assert!(period.html.contains("<tr class=\"exception\"><th"));
        assert!(table.listed && period.listed);
        // No rows, no table: the templates say there is nothing to list.
        let none = items_table(&[], t, "Item terlambat", &names, Columns::Period);
        assert_eq!(
            (none.html.as_str(), none.md.as_str(), none.listed),
            ("", "", false)
        );
    }

    #[test]
    fn the_rows_of_a_page_have_distinct_anchors() {
        let ids = [
            "MS-2026-000163",
            "–",
            "ms 2026/000163",
            "T1",
            "–",
            "0812-****-7890",
            "ms-2026-000163",
            "Tiket ✓",
        ];
        assert_eq!(
            anchors(ids.into_iter()),
            [
                "i-ms-2026-000163",
                "i_1",
                "i-ms-2026-000163_2",
                "i-t1",
                "i_2",
                "i-0812-7890",
                "i-ms-2026-000163_3",
                "i-tiket",
            ]
        );
    }
}
