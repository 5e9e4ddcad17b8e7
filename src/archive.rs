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

/// Restores an archive into an empty site and counts what is there afterwards.
pub async fn import(
    store: &dyn Store,
    input: &mut (dyn BufRead + Send),
) -> anyhow::Result<Imported> {
    let mut lines = input.lines();
    let header: Value = match lines.next() {
        Some(line) => serde_json::from_str(&line?)?,
        None => anyhow::bail!("the archive is empty"),
    };
    if header["format"] != FORMAT {
        anyhow::bail!("this is not a Newsdesk archive (made by `newsdesk export`)");
    }
    if header["version"].as_i64() != Some(VERSION) {
        anyhow::bail!(
            "this archive is format version {}; this build reads version {VERSION}",
            header["version"]
        );
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
                .and_then(|line| serde_json::from_str::<Value>(&line).map_err(anyhow::Error::from));
            let mut value = match parsed {
                Ok(value) => value,
                Err(error) => return Some(Err(error.context(format!("line {line_number}")))),
            };
            if let Some(counts) = value.get("counts") {
                expected = serde_json::from_value(counts.clone()).ok();
                continue;
            }
            let table = value["table"].as_str().map(str::to_owned);
            let row = value.get_mut("row").map(Value::take);
            return Some(match (table, row) {
                (Some(table), Some(Value::Object(row))) => Ok::<ArchiveRow, _>((table, row)),
                _ => Err(anyhow::anyhow!(
                    "line {line_number} is not a record of the archive"
                )),
            });
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
