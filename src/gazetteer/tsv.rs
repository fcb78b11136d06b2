//! The tab-separated reader shared by the embedded tables and user gazetteers.
//!
//! A table has a header row naming its columns; columns may come in any order. Which columns a
//! table may have is the caller's to say ([`Table::require_exactly`], [`Table::unknown_columns`]):
//! makan's own tables and the gazetteer tables accept no column they do not know, so a typo in
//! a column name is an error instead of a column silently dropped. Every error names the file
//! and the 1-based line.
//!
//! [`Problems`] gathers the errors of a whole load, so a user fixing a table sees every bad
//! row at once, not one per run.

use crate::Error;

/// A parsed table: the header's column positions and the data rows.
pub(crate) struct Table<'a> {
    file: &'a str,
    header_line: usize,
    columns: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
    /// Rows that could not be split into the header's columns, with the reason.
    bad_rows: Vec<(usize, String)>,
}

/// One data row, with its line number for errors.
pub(crate) struct Row<'t, 'a> {
    table: &'t Table<'a>,
    line: usize,
    cells: &'t [&'a str],
}

impl<'a> Table<'a> {
    /// Parses `text`; `file` names it in errors. Blank lines and lines starting with `#` are
    /// skipped. Every row must have as many cells as the header; the error lists every row
    /// that does not.
    pub(crate) fn parse(file: &'a str, text: &'a str) -> Result<Table<'a>, Error> {
        let mut problems = Problems::default();
        let table = Table::read(file, text, &mut problems);
        for (line, message) in table.iter().flat_map(|t| &t.bad_rows) {
            problems.add(file, *line, message.clone());
        }
        problems.into_result()?;
        Ok(table.expect("a table without a header is a problem"))
    }

    /// Parses `text` like [`Table::parse`], but leaves the rows of the wrong width in
    /// [`Table::bad_rows`] for the caller to report with its own. `None` when the table has no
    /// usable header (reported in `problems`): no header row, a header of commas, not tabs,
    /// or a column named twice. A byte-order mark (spreadsheets write one) is skipped.
    pub(crate) fn read(file: &'a str, text: &'a str, problems: &mut Problems) -> Option<Table<'a>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
        let Some((header_line, header)) = lines
            .by_ref()
            .find(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        else {
            problems.add(file, 1, "no header row");
            return None;
        };
        if !header.contains('\t') && header.contains(',') {
            problems.add(
                file,
                header_line,
                format!("the header has commas but no tab: {TABS_EXPECTED}"),
            );
            return None;
        }
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        if let Some((i, twice)) = columns
            .iter()
            .enumerate()
            .find(|(i, c)| columns[..*i].contains(c))
        {
            let what = if twice.is_empty() {
                "an empty column name (a stray tab?)".to_string()
            } else {
                format!("column `{twice}`")
            };
            problems.add(
                file,
                header_line,
                format!(
                    "{what} appears twice (columns {} and {})",
                    columns.iter().position(|c| c == twice).unwrap() + 1,
                    i + 1
                ),
            );
            return None;
        }
        let mut rows = Vec::new();
        let mut bad_rows = Vec::new();
        for (line, text) in lines {
            if text.trim().is_empty() || text.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = text.split('\t').collect();
            if cells.len() != columns.len() {
                let mut message = format!(
                    "{} cells where the header has {} columns",
                    cells.len(),
                    columns.len()
                );
                if cells.len() == 1 && text.contains(',') {
                    message.push_str(&format!(" (commas but no tab: {TABS_EXPECTED})"));
                }
                bad_rows.push((line, message));
                continue;
            }
            rows.push((line, cells));
        }
        Some(Table {
            file,
            header_line,
            columns,
            rows,
            bad_rows,
        })
    }

    /// The file (or embedded table) the table was read from.
    pub(crate) fn file(&self) -> &'a str {
        self.file
    }

    /// The 1-based line of the header row.
    pub(crate) fn header_line(&self) -> usize {
        self.header_line
    }

    /// The first column of `required` the table lacks.
    pub(crate) fn missing_column<'r>(&self, required: &[&'r str]) -> Option<&'r str> {
        required
            .iter()
            .find(|name| !self.columns.contains(name))
            .copied()
    }

    /// The table's columns that are not in `known`, in header order.
    pub(crate) fn unknown_columns(&self, known: &[&str]) -> Vec<&'a str> {
        self.columns
            .iter()
            .filter(|c| !known.contains(c))
            .copied()
            .collect()
    }

    /// Rows that did not split into the header's columns (only from [`Table::read`]; `parse`
    /// refuses the table instead): line and reason.
    pub(crate) fn bad_rows(&self) -> &[(usize, String)] {
        &self.bad_rows
    }

    /// Checks that every column in `required` is present.
    pub(crate) fn require(&self, required: &[&str]) -> Result<(), Error> {
        match self.missing_column(required) {
            Some(name) => Err(Error::data(
                self.file,
                self.header_line,
                format!("missing column `{name}`"),
            )),
            None => Ok(()),
        }
    }

    /// Checks that the columns are exactly `columns` (in any order): a table of makan's own
    /// says what each column means, so an unknown one is a mistake (a typo in a name).
    pub(crate) fn require_exactly(&self, columns: &[&str]) -> Result<(), Error> {
        self.require(columns)?;
        match self.unknown_columns(columns).first() {
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
        self.parse_number(column).map_err(|e| self.error(e))
    }

    /// [`Row::number`] with the reason alone, for callers that gather [`Problems`].
    pub(crate) fn parse_number<T: std::str::FromStr>(
        &self,
        column: &str,
    ) -> Result<Option<T>, String> {
        let cell = self.get(column);
        if cell.is_empty() {
            return Ok(None);
        }
        cell.parse()
            .map(Some)
            .map_err(|_| format!("column `{column}`: `{cell}` is not a number"))
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

/// The hint given when a table looks comma-separated.
const TABS_EXPECTED: &str = "tables are tab-separated (TSV), not comma-separated";

/// The errors of one load, in the order found: each with its file and line. A user's table
/// with many bad rows gets them all in one error (the first [`Problems::SHOWN`] listed, the
/// rest counted), so one run is enough to see what to fix.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    shown: Vec<(String, usize, String)>,
    more: usize,
}

impl Problems {
    /// How many problems the error lists line by line.
    pub(crate) const SHOWN: usize = 20;

    /// Records a problem at `file:line`.
    pub(crate) fn add(&mut self, file: &str, line: usize, message: impl Into<String>) {
        if self.shown.len() < Problems::SHOWN {
            self.shown.push((file.into(), line, message.into()));
        } else {
            self.more += 1;
        }
    }

    /// `Ok` when nothing went wrong; else one error located at the first problem, whose
    /// Display lists every problem as `FILE:LINE: reason`, one a line.
    pub(crate) fn into_result(self) -> Result<(), Error> {
        let mut shown = self.shown.into_iter();
        let Some((file, line, mut message)) = shown.next() else {
            return Ok(());
        };
        for (file, line, reason) in shown {
            message.push_str(&format!("\n{file}:{line}: {reason}"));
        }
        if self.more > 0 {
            message.push_str(&format!("\n... and {} more", self.more));
        }
        Err(Error::data(&file, line, message))
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

    #[test]
    fn every_bad_row_is_listed() {
        let err = Table::parse("t.tsv", "a\tb\n1\n2\t3\n4\t5\t6\n")
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "t.tsv:2: 1 cells where the header has 2 columns\n\
             t.tsv:4: 3 cells where the header has 2 columns"
        );
        assert_eq!(err.location(), Some(("t.tsv", 2)));
    }

    #[test]
    fn problems_beyond_the_limit_are_counted() {
        let mut problems = Problems::default();
        for line in 1..=Problems::SHOWN + 3 {
            problems.add("t.tsv", line, "bad");
        }
        let err = problems.into_result().unwrap_err();
        let text = err.to_string();
        assert_eq!(text.lines().count(), Problems::SHOWN + 1);
        assert_eq!(text.lines().last(), Some("... and 3 more"));
        assert_eq!(err.location(), Some(("t.tsv", 1)));
    }

    #[test]
    fn comma_separated_header_gets_a_hint() {
        let err = Table::parse("t.csv", "id,kind,name_ar\nx:1,populated,قرية\n")
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "t.csv:1: the header has commas but no tab: \
             tables are tab-separated (TSV), not comma-separated"
        );
        let err = Table::parse("t.tsv", "a\tb\n1,2\n").err().unwrap();
        assert!(
            err.to_string().ends_with(
                "(commas but no tab: tables are tab-separated (TSV), not comma-separated)"
            ),
            "{err}"
        );
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let t = Table::parse("t.tsv", "\u{feff}id\tname\nx\ty\n").unwrap();
        assert_eq!(t.rows().next().unwrap().get("id"), "x");
    }

    #[test]
    fn column_named_twice_is_refused() {
        let err = Table::parse("t.tsv", "id\tlat\tlat\nx\t1\t2\n")
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "t.tsv:1: column `lat` appears twice (columns 2 and 3)"
        );
    }
}
