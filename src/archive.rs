//! `newsdesk export` and `newsdesk import`: a whole site as one JSON Lines file, to back it
//! up, restore it, or move it to another database. The first line names the format, then
//! one line per record (`{"table", "row"}`), then the counts per table, which an import
//! checks the restored site against.

use std::io::{BufRead, Write};

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::store::{ArchiveRow, Store, TableCounts};

pub const FORMAT: &str = "newsdesk-archive";
pub const VERSION: i64 = 1;

/// Writes the whole site to `out`; answers the rows written per table.
pub async fn export(
    store: &dyn Store,
    out: &mut (dyn Write + Send),
) -> anyhow::Result<TableCounts> {
    let header = json!({ "format": FORMAT, "version": VERSION, "exported_at": Timestamp::now().to_string() });
    writeln!(out, "{header}")?;
    let counts = store
        .export_rows(&mut |(table, row)| {
            writeln!(out, "{}", json!({ "table": table, "row": row }))?;
            Ok(())
        })
        .await?;
    writeln!(out, "{}", json!({ "counts": counts }))?;
    out.flush()?;
    Ok(counts)
}

/// What an import restored, and what the archive said it held.
pub struct Imported {
    pub restored: TableCounts,
    pub expected: TableCounts,
    pub found: TableCounts,
}

impl Imported {
    /// Tables whose rows in the site differ from the archive's own count.
    pub fn mismatches(&self) -> Vec<String> {
        self.expected
            .iter()
            .filter(|(table, n)| self.found.get(*table) != Some(n))
            .map(|(table, n)| {
                format!(
                    "{table}: the archive holds {n}, the site now has {}",
                    self.found.get(table).copied().unwrap_or(0)
                )
            })
            .collect()
    }
}

/// The first line of an archive: which format and version it is.
pub fn check_header(line: &str) -> anyhow::Result<()> {
    let header: Value = serde_json::from_str(line)?;
    if header["format"] != FORMAT {
        anyhow::bail!("this is not a Newsdesk archive (made by `newsdesk export`)");
    }
    if header["version"].as_i64() != Some(VERSION) {
        anyhow::bail!(
            "this archive is format version {}; this build reads version {VERSION}",
            header["version"]
        );
    }
    Ok(())
}

/// One line of an archive after the header.
#[derive(Debug)]
pub enum ArchiveLine {
    /// A record: its table and its row.
    Row(ArchiveRow),
    /// The counts per table that close the archive.
    Counts(TableCounts),
}

/// Reads one line after the header; `line_number` counts from 1 for the header.
pub fn parse_line(line: &str, line_number: usize) -> anyhow::Result<ArchiveLine> {
    let mut value: Value = serde_json::from_str(line)
        .map_err(|error| anyhow::Error::from(error).context(format!("line {line_number}")))?;
    if let Some(counts) = value.get("counts") {
        return serde_json::from_value(counts.clone())
            .map(ArchiveLine::Counts)
            .map_err(|error| {
                anyhow::anyhow!("line {line_number}: the counts cannot be read: {error}")
            });
    }
    let table = value["table"].as_str().map(str::to_owned);
    let row = value.get_mut("row").map(Value::take);
    match (table, row) {
        (Some(table), Some(Value::Object(row))) => Ok(ArchiveLine::Row((table, row))),
        _ => anyhow::bail!("line {line_number} is not a record of the archive"),
    }
}

/// Restores an archive into an empty site and counts what is there afterwards.
pub async fn import(
    store: &dyn Store,
    input: &mut (dyn BufRead + Send),
) -> anyhow::Result<Imported> {
    let mut lines = input.lines();
    match lines.next() {
        Some(line) => check_header(&line?)?,
        None => anyhow::bail!("the archive is empty"),
    }
    let mut expected: Option<TableCounts> = None;
    let mut line_number = 1;
    let mut finished = false;
    let mut rows = std::iter::from_fn(|| {
        loop {
            if finished {
                return None;
            }
            let Some(line) = lines.next() else {
                finished = true;
                // Without its counts the archive was cut off: fail, so nothing is committed.
                return expected.is_none().then(|| {
                    Err(anyhow::anyhow!(
                        "the archive ends without its counts, so it was cut off"
                    ))
                });
            };
            line_number += 1;
            let parsed = line
                .map_err(anyhow::Error::from)
                .and_then(|line| parse_line(&line, line_number));
            match parsed {
                Ok(ArchiveLine::Counts(counts)) => expected = Some(counts),
                Ok(ArchiveLine::Row(row)) => return Some(Ok(row)),
                Err(error) => return Some(Err(error)),
            }
        }
    });
    let restored = store.import_rows(&mut rows).await?;
    let expected = expected.ok_or_else(|| anyhow::anyhow!("the archive has no counts"))?;
    let found = store.table_counts().await?;
    Ok(Imported {
        restored,
        expected,
        found,
    })
}
