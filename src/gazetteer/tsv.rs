//! The tab-separated reader shared by the embedded tables and user gazetteers.
//!
//! A table has a header row naming its columns; columns may come in any order and unknown
//! columns are ignored, so a user's table can carry notes of its own. Every error names the
//! file and the 1-based line.

use crate::Error;

/// A parsed table: the header's column positions and the data rows.
pub(crate) struct Table<'a> {
    file: &'a str,
    header_line: usize,
    columns: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

/// One data row, with its line number for errors.
pub(crate) struct Row<'t, 'a> {
    table: &'t Table<'a>,
    line: usize,
    cells: &'t [&'a str],
}

impl<'a> Table<'a> {
    /// Parses `text`; `file` names it in errors. Blank lines and lines starting with `#` are
    /// skipped. Every row must have as many cells as the header.
    pub(crate) fn parse(file: &'a str, text: &'a str) -> Result<Table<'a>, Error> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
        let (header_line, header) = lines
            .by_ref()
            .find(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .ok_or_else(|| Error::data(file, 1, "no header row"))?;
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let mut rows = Vec::new();
        for (line, text) in lines {
            if text.trim().is_empty() || text.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = text.split('\t').collect();
            if cells.len() != columns.len() {
                return Err(Error::data(
                    file,
                    line,
                    format!(
                        "{} cells where the header has {} columns",
                        cells.len(),
                        columns.len()
                    ),
                ));
            }
            rows.push((line, cells));
        }
        Ok(Table {
            file,
            header_line,
            columns,
            rows,
        })
    }

    /// Checks that every column in `required` is present.
    pub(crate) fn require(&self, required: &[&str]) -> Result<(), Error> {
        for name in required {
            if !self.columns.contains(name) {
                return Err(Error::data(
                    self.file,
                    self.header_line,
                    format!("missing column `{name}`"),
                ));
            }
        }
        Ok(())
    }

    /// Checks that the columns are exactly `columns` (in any order): a table of makan's own
    /// says what each column means, so an unknown one is a mistake (a typo in a name).
    pub(crate) fn require_exactly(&self, columns: &[&str]) -> Result<(), Error> {
        self.require(columns)?;
        match self.columns.iter().find(|c| !columns.contains(c)) {
            Some(extra) => Err(Error::data(
                self.file,
                self.header_line,
                format!(
                    "unknown column `{extra}` (expected: {})",
                    columns.join(", ")
                ),
            )),
            None => Ok(()),
        }
    }

    /// The data rows in file order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.rows.iter().map(|(line, cells)| Row {
            table: self,
            line: *line,
            cells,
        })
    }
}

impl<'a> Row<'_, 'a> {
    /// The trimmed cell of `column`, or "" when the table has no such column.
    pub(crate) fn get(&self, column: &str) -> &'a str {
        self.table
            .columns
            .iter()
            .position(|c| *c == column)
            .map_or("", |i| self.cells[i].trim())
    }

    /// The `|`-separated values of `column`, empty ones skipped.
    pub(crate) fn list(&self, column: &str) -> impl Iterator<Item = &'a str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// The cell parsed as a number, `None` when empty.
    pub(crate) fn number<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>, Error> {
        let cell = self.get(column);
        if cell.is_empty() {
            return Ok(None);
        }
        cell.parse()
            .map(Some)
            .map_err(|_| self.error(format!("column `{column}`: `{cell}` is not a number")))
    }

    /// The file the row is in.
    pub(crate) fn file(&self) -> &'a str {
        self.table.file
    }

    /// The row's 1-based line.
    pub(crate) fn line(&self) -> usize {
        self.line
    }

    /// An error at this row's line.
    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::data(self.table.file, self.line, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_by_name() {
        let t = Table::parse("t.tsv", "# note\nb\ta\n2\t1\n\n3\t x|y| \n").unwrap();
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows[0].get("a"), "1");
        assert_eq!(rows[1].list("a").collect::<Vec<_>>(), ["x", "y"]);
        assert_eq!(rows[1].get("missing"), "");
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = Table::parse("places.tsv", "a\tb\n1\t2\n3\n").err().unwrap();
        assert_eq!(
            err.to_string(),
            "places.tsv:3: 1 cells where the header has 2 columns"
        );
        let t = Table::parse("p.tsv", "a\n1\nx\n").unwrap();
        let err = t.rows().nth(1).unwrap().number::<f64>("a").unwrap_err();
        assert_eq!(err.location(), Some(("p.tsv", 3)));
    }
}
