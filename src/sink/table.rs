//! The fact table as CSV (RFC 4180, UTF-8, a header row), JSONL or Markdown: rows written as
//! they come, or held and merged into claims (`--group`).

use std::io::Write;

use crate::facts::group::{self, Claim};
use crate::facts::table::{HEADER, Row};

/// How the table is written.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180, UTF-8, a header row: opens in a spreadsheet
    Csv,
    /// One JSON object per fact
    Jsonl,
    /// A Markdown table of the main columns, for notes and reports
    Md,
}

/// A table the sink can write: facts, or claims.
pub trait Table: serde::Serialize {
    const HEADER: &'static [&'static str];
    /// The columns a Markdown table shows: enough to read and cite.
    const MD_COLUMNS: &'static [&'static str];
    fn cells(&self) -> Vec<String>;
}

impl Table for Row {
    const HEADER: &'static [&'static str] = HEADER;
    const MD_COLUMNS: &'static [&'static str] = &[
        "published",
        "source",
        "figure_text",
        "qualifier",
        "item",
        "action",
        "period",
        "place",
        "attributed_to",
        "sentence",
        "url",
    ];
    fn cells(&self) -> Vec<String> {
        Row::cells(self)
    }
}

impl Table for Claim {
    const HEADER: &'static [&'static str] = group::HEADER;
    const MD_COLUMNS: &'static [&'static str] = &[
        "item",
        "action",
        "value_base",
        "unit_base",
        "period_start",
        "period_end",
        "count",
        "conflicts",
        "sources",
        "urls",
    ];
    fn cells(&self) -> Vec<String> {
        Claim::cells(self)
    }
}

/// Where rows go: written as they come, or held to be merged into claims (`--group`).
pub struct Sink {
    format: Format,
    out: Box<dyn Write + Send>,
    wrote_header: bool,
    held: Option<Vec<Row>>,
}

impl Sink {
    pub fn new(format: Format, out: Box<dyn Write + Send>, group: bool) -> Sink {
        Sink {
            format,
            out,
            wrote_header: false,
            held: group.then(Vec::new),
        }
    }

    pub fn write(&mut self, row: &Row) -> anyhow::Result<()> {
        match &mut self.held {
            Some(held) => held.push(row.clone()),
            None => self.put(row)?,
        }
        Ok(())
    }

    fn put<T: Table>(&mut self, row: &T) -> anyhow::Result<()> {
        if !self.wrote_header {
            self.wrote_header = true;
            self.header::<T>()?;
        }
        match self.format {
            Format::Csv => {
                let mut csv = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut self.out);
                csv.write_record(row.cells())?;
                csv.flush()?;
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, row)?;
                self.out.write_all(b"\n")?;
            }
            Format::Md => {
                let cells = row.cells();
                let line: Vec<String> = T::MD_COLUMNS
                    .iter()
                    .map(|name| {
                        let at = T::HEADER.iter().position(|h| h == name).unwrap_or(0);
                        cells[at].replace('|', "\\|").replace('\n', " ")
                    })
                    .collect();
                writeln!(self.out, "| {} |", line.join(" | "))?;
            }
        }
        Ok(())
    }

    fn header<T: Table>(&mut self) -> anyhow::Result<()> {
        match self.format {
            Format::Csv => {
                let mut csv = csv::Writer::from_writer(&mut self.out);
                csv.write_record(T::HEADER)?;
                csv.flush()?;
            }
            Format::Jsonl => {}
            Format::Md => {
                writeln!(self.out, "| {} |", T::MD_COLUMNS.join(" | "))?;
                writeln!(self.out, "|{}", "---|".repeat(T::MD_COLUMNS.len()))?;
            }
        }
        Ok(())
    }

    /// Writes the claims of held rows, then the header of an empty table, and flushes.
    pub fn finish(mut self) -> anyhow::Result<()> {
        match self.held.take() {
            Some(rows) => {
                let claims = group::group(rows);
                for claim in &claims {
                    self.put(claim)?;
                }
                if !self.wrote_header {
                    self.header::<Claim>()?;
                }
            }
            None if !self.wrote_header => self.header::<Row>()?,
            None => {}
        }
        self.out.flush()?;
        Ok(())
    }
}
