//! Readers for the raw source files: tab-separated tables with a header row and JSON documents.
//!
//! Every error names the file and, for tables, the 1-based line, so a broken source can be fixed
//! without guessing. Rows that are merely short or long are not errors: they are returned as
//! [`BadRow`]s so the caller can count and report them and go on.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// A tab-separated table: header names and the data rows with their line numbers.
pub struct Table {
    path: PathBuf,
    columns: BTreeMap<String, usize>,
    /// Data rows in file order.
    pub rows: Vec<Row>,
    /// Rows whose number of fields differs from the header's, kept for the report.
    pub bad_rows: Vec<BadRow>,
}

/// One data row of a [`Table`].
pub struct Row {
    /// 1-based line number in the file (the header is line 1).
    pub line: usize,
    fields: Vec<String>,
}

/// A row that could not be used, with where it was and why.
pub struct BadRow {
    /// `file:line` of the row.
    pub place: String,
    /// What was wrong.
    pub reason: String,
}

/// A column position, looked up once so that per-row access cannot fail.
#[derive(Clone, Copy)]
pub struct Column(usize);

impl Table {
    /// Reads a UTF-8 TSV file with a header row. A leading byte-order mark is ignored.
    pub fn read(path: &Path) -> Result<Table, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut lines = text.lines();
        let header = lines
            .next()
            .ok_or_else(|| format!("{}:1: empty file, expected a header row", path.display()))?;
        let names: Vec<&str> = header.split('\t').map(str::trim).collect();
        let mut columns = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            if columns.insert((*name).to_string(), i).is_some() {
                return Err(format!("{}:1: duplicate column `{name}`", path.display()));
            }
        }
        let width = names.len();
        let mut rows = Vec::new();
        let mut bad_rows = Vec::new();
        for (i, line) in lines.enumerate() {
            let line_no = i + 2;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<String> = line.split('\t').map(str::to_string).collect();
            if fields.len() != width {
                bad_rows.push(BadRow {
                    place: format!("{}:{line_no}", path.display()),
                    reason: format!("{} fields, header has {width}", fields.len()),
                });
                continue;
            }
            rows.push(Row {
                line: line_no,
                fields,
            });
        }
        Ok(Table {
            path: path.to_path_buf(),
            columns,
            rows,
            bad_rows,
        })
    }

    /// Reads a curated table, where any malformed row is an error (a source table's bad rows
    /// are reported and skipped instead).
    pub fn read_strict(path: &Path) -> Result<Table, String> {
        let table = Table::read(path)?;
        match table.bad_rows.first() {
            Some(bad) => Err(format!("{}: {}", bad.place, bad.reason)),
            None => Ok(table),
        }
    }

    /// The position of a required column; the error names the file and the missing column.
    pub fn column(&self, name: &str) -> Result<Column, String> {
        self.columns
            .get(name)
            .map(|&i| Column(i))
            .ok_or_else(|| format!("{}:1: missing column `{name}`", self.path.display()))
    }

    /// The position of a column a table may leave out.
    pub fn optional_column(&self, name: &str) -> Option<Column> {
        self.columns.get(name).map(|&i| Column(i))
    }

    /// `file:line` for messages about one row.
    pub fn at(&self, row: &Row) -> String {
        format!("{}:{}", self.path.display(), row.line)
    }
}

impl Row {
    /// The trimmed text of a cell.
    pub fn get(&self, column: Column) -> &str {
        self.fields[column.0].trim()
    }

    /// The non-empty `|`-separated parts of a cell, trimmed.
    pub fn list(&self, column: Column) -> Vec<&str> {
        split_list(self.get(column))
    }
}

/// Splits a `|`-separated cell into its non-empty trimmed parts.
pub fn split_list(cell: &str) -> Vec<&str> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Parses an optional decimal cell; the error names `file:line` and the column.
pub fn parse_f64(text: &str, what: &str, at: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .map(Some)
        .map_err(|_| format!("{at}: {what} `{text}` is not a number"))
}

/// Parses an optional non-negative integer cell (also accepts `123.0`).
pub fn parse_count(text: &str, what: &str, at: &str) -> Result<Option<u64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(n) = text.parse::<u64>() {
        return Ok(Some(n));
    }
    match text.parse::<f64>() {
        Ok(x) if x >= 0.0 && x.fract() == 0.0 => Ok(Some(x as u64)),
        _ => Err(format!("{at}: {what} `{text}` is not a count")),
    }
}

/// Reads and parses a JSON document.
pub fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{}:{}: invalid JSON: {e}", path.display(), e.line().max(1)))
}
