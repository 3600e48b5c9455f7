//! The fact table as CSV (RFC 4180, UTF-8, a header row), JSONL or Markdown. A table's
//! columns are declared once, as a list that gives the header, each cell and the Markdown
//! columns ([`Column`]). [`FactRow`]s are written as they come; [`claims::group`] is a step of
//! its own that merges rows into [`Claim`]s, a table with its own columns.

pub mod claims;
pub mod filter;
pub mod row;

use std::borrow::Cow;
use std::io::Write;

pub use claims::Claim;
pub use filter::{FactFilter, unit_named};
pub use row::FactRow;

use super::Sink;
use super::jsonl::output_error;
use crate::error::Error;
use crate::tagged::Tagged;

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180, UTF-8, a header row: opens in a spreadsheet
    Csv,
    /// One JSON object per row
    Jsonl,
    /// A Markdown table of the main columns, for notes and reports
    Md,
}

/// One column of a table: its name in the header, how its cell reads a row, and where the
/// Markdown table shows it (that table shows only what a reader needs to cite a row).
pub struct Column<T> {
    /// The header's name for it.
    pub name: &'static str,
    /// Its position among the Markdown table's columns (1 first), or none if not shown there.
    pub markdown: Option<u8>,
    /// Its cell in a row.
    pub cell: fn(&T) -> Cow<'_, str>,
}

impl<T> Column<T> {
    /// A column the Markdown table leaves out.
    pub const fn new(name: &'static str, cell: fn(&T) -> Cow<'_, str>) -> Column<T> {
        Column {
            name,
            markdown: None,
            cell,
        }
    }

    /// A column the Markdown table shows at `position` (1 first).
    pub const fn shown(
        position: u8,
        name: &'static str,
        cell: fn(&T) -> Cow<'_, str>,
    ) -> Column<T> {
        Column {
            name,
            markdown: Some(position),
            cell,
        }
    }
}

/// A kind of row a table writer can write.
pub trait Table: serde::Serialize + Sized + 'static {
    /// The columns, in the order CSV writes them.
    const COLUMNS: &'static [Column<Self>];
}

/// The columns of the Markdown table of `T`, in their order.
fn markdown_columns<T: Table>() -> Vec<&'static Column<T>> {
    let mut shown: Vec<&Column<T>> = T::COLUMNS.iter().filter(|c| c.markdown.is_some()).collect();
    shown.sort_by_key(|c| c.markdown);
    shown
}

/// Writes rows of `T` as a table, the header first (also for a table without rows).
pub struct TableWriter<T: Table, W: Write> {
    format: Format,
    out: Output<W>,
    wrote_header: bool,
    rows: std::marker::PhantomData<fn(&T)>,
}

/// CSV goes through the csv crate's writer, which quotes; the other formats are written
/// directly.
enum Output<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Plain(W),
}

impl<T: Table, W: Write> TableWriter<T, W> {
    /// A writer of `format` to `out`.
    pub fn new(format: Format, out: W) -> TableWriter<T, W> {
        let out = match format {
            Format::Csv => Output::Csv(Box::new(
                csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out),
            )),
            Format::Jsonl | Format::Md => Output::Plain(out),
        };
        TableWriter {
            format,
            out,
            wrote_header: false,
            rows: std::marker::PhantomData,
        }
    }

    /// Writes one row.
    pub fn write(&mut self, row: &T) -> Result<(), Error> {
        self.header()?;
        match &mut self.out {
            Output::Csv(csv) => {
                csv.write_record(T::COLUMNS.iter().map(|c| (c.cell)(row).into_owned()))
                    .map_err(csv_error)?;
                csv.flush().map_err(output_error)
            }
            Output::Plain(out) => match self.format {
                Format::Md => {
                    let cells: Vec<String> = markdown_columns::<T>()
                        .iter()
                        .map(|c| (c.cell)(row).replace('|', "\\|").replace('\n', " "))
                        .collect();
                    writeln!(out, "| {} |", cells.join(" | ")).map_err(output_error)
                }
                _ => {
                    serde_json::to_writer(&mut *out, row).map_err(|e| output_error(e.into()))?;
                    out.write_all(b"\n").map_err(output_error)
                }
            },
        }
    }

    /// The header, once, before the first row.
    fn header(&mut self) -> Result<(), Error> {
        if std::mem::replace(&mut self.wrote_header, true) {
            return Ok(());
        }
        match &mut self.out {
            Output::Csv(csv) => {
                csv.write_record(T::COLUMNS.iter().map(|c| c.name))
                    .map_err(csv_error)?;
                csv.flush().map_err(output_error)
            }
            Output::Plain(out) if self.format == Format::Md => {
                let names: Vec<&str> = markdown_columns::<T>().iter().map(|c| c.name).collect();
                writeln!(out, "| {} |", names.join(" | ")).map_err(output_error)?;
                writeln!(out, "|{}", "---|".repeat(names.len())).map_err(output_error)
            }
            Output::Plain(_) => Ok(()),
        }
    }

    /// Writes the header of a table that had no rows, flushes, and gives the output back.
    pub fn finish(mut self) -> Result<W, Error> {
        self.header()?;
        let mut out = match self.out {
            Output::Csv(csv) => csv
                .into_inner()
                .map_err(|e| output_error(std::io::Error::other(e.to_string())))?,
            Output::Plain(out) => out,
        };
        out.flush().map_err(output_error)?;
        Ok(out)
    }
}

/// Fact rows on their way to a table: written as they come, or held to be merged into claims
/// (`--group`), which can only be made once every row is in.
pub enum FactOutput<W: Write> {
    /// One row per fact, written as it comes.
    Rows(Box<TableWriter<FactRow, W>>),
    /// Rows held for [`claims::group`], and where the claims go.
    Grouped(Vec<FactRow>, Format, W),
}

impl<W: Write> FactOutput<W> {
    /// Rows in `format` to `out`, or (`group`) the claims they make.
    pub fn new(group: bool, format: Format, out: W) -> FactOutput<W> {
        if group {
            FactOutput::Grouped(Vec::new(), format, out)
        } else {
            FactOutput::Rows(Box::new(TableWriter::new(format, out)))
        }
    }

    /// Takes the next row.
    pub fn write(&mut self, row: FactRow) -> Result<(), Error> {
        match self {
            FactOutput::Rows(writer) => writer.write(&row),
            FactOutput::Grouped(rows, _, _) => {
                rows.push(row);
                Ok(())
            }
        }
    }

    /// Writes what is held, and the header of an empty table; gives the output back.
    pub fn finish(self) -> Result<W, Error> {
        match self {
            FactOutput::Rows(writer) => writer.finish(),
            FactOutput::Grouped(rows, format, out) => {
                let mut writer = TableWriter::<Claim, _>::new(format, out);
                for claim in claims::group(rows) {
                    writer.write(&claim)?;
                }
                writer.finish()
            }
        }
    }
}

fn csv_error(e: csv::Error) -> Error {
    output_error(std::io::Error::other(e))
}

/// The fact table as a sink: each article's facts that `filter` keeps, one row each.
pub struct FactTable<W: Write> {
    writer: Option<TableWriter<FactRow, W>>,
    filter: FactFilter,
}

impl<W: Write> FactTable<W> {
    /// A table of the facts `filter` keeps, in `format`, to `out`.
    pub fn new(format: Format, out: W, filter: FactFilter) -> FactTable<W> {
        FactTable {
            writer: Some(TableWriter::new(format, out)),
            filter,
        }
    }
}

impl<W: Write> Sink for FactTable<W> {
    fn write(&mut self, tagged: &Tagged) -> Result<(), Error> {
        let Some(writer) = &mut self.writer else {
            return Err(Error::Request("the fact table was already finished".into()));
        };
        for row in FactRow::all(tagged) {
            if self.filter.keeps(&row) {
                writer.write(&row)?;
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Error> {
        match self.writer.take() {
            Some(writer) => writer.finish().map(drop),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions<T: Table>() -> Vec<u8> {
        markdown_columns::<T>()
            .iter()
            .filter_map(|c| c.markdown)
            .collect()
    }

    #[test]
    fn markdown_positions_run_from_one_without_gaps() {
        for shown in [positions::<FactRow>(), positions::<Claim>()] {
            let expected: Vec<u8> = (1..=shown.len() as u8).collect();
            assert_eq!(shown, expected);
        }
    }

    #[test]
    fn column_names_are_unique() {
        let names: Vec<&str> = FactRow::COLUMNS.iter().map(|c| c.name).collect();
        let unique: std::collections::HashSet<&&str> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(names.len(), 27);
    }
}
