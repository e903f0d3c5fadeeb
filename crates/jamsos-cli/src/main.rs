//! `jamsos`: the command line over the JSON contract, version 1.
//!
//! Thin by design: argument parsing and I/O here, every rule in the crates.
//! Exit codes: 0 for a result, 2 for invalid input (the contract's error object
//! on standard output and a one-line message on standard error), 1 when input
//! cannot be read at all.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod batch;
#[cfg(target_os = "linux")]
mod direct;
mod serve;
mod staged;
use jamsos_contract::pretty::{self, Lang};
use jamsos_contract::{self as contract, ContractError, ErrorCode};

#[derive(Parser)]
#[command(
    name = "jamsos",
    version,
    about = "BPJS Ketenagakerjaan contributions, eligibility, benefit claims, late fines and JHT projections, exact and cited (contract v1)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

#[derive(clap::Args)]
struct Human {
    /// Print a readable breakdown instead of JSON.
    #[arg(long)]
    pretty: bool,
    /// Language of the breakdown.
    #[arg(long, value_enum, default_value = "id")]
    lang: LangArg,
}

#[derive(clap::Args)]
struct CaseArgs {
    #[command(flatten)]
    human: Human,
    /// The official BPU income grid (PP 44/2015 Lampiran II) as CSV with the
    /// header `from,to,nominal`, replacing the built-in provisional one (D-17).
    #[arg(long, value_name = "FILE")]
    income_grid: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// One contribution case (JSON) on standard input → the result (CONTRACT.md §1).
    Contribution(CaseArgs),
    /// One case on standard input → program status, pension age, JKP (CONTRACT.md §3).
    Eligibility(CaseArgs),
    /// One benefit claim (JSON) on standard input → payable or not, and what it pays (CONTRACT.md §4).
    Benefit(Human),
    /// One late payment (JSON) on standard input → the due date and the fine (CONTRACT.md §5).
    Fine(Human),
    /// One JHT projection (JSON) on standard input → the balance year by year, an estimate (CONTRACT.md §6).
    Projection(CaseArgs),
    /// A roster (CSV, NDJSON cases, Parquet or Arrow) → one result per row, in order (CONTRACT.md §2, docs/BATCH.md).
    Batch(BatchArgs),
    /// Writes a deterministic sample roster of any size (CSV), for trials and benchmarks.
    SampleRoster(SampleArgs),
    /// Serves the contract over HTTP (docs/HTTP.md) and the simulator page, until SIGTERM or Ctrl-C.
    Serve(ServeArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// CSV (CONTRACT.md §2).
    Csv,
    /// One JSON object per line: JSON cases in, results (or errors) out.
    Ndjson,
    /// Apache Parquet (typed columns: Int64 amounts, string statuses).
    Parquet,
    /// Arrow IPC file format, also called Feather v2 (typed like Parquet).
    Arrow,
}

#[derive(Clone, Copy, ValueEnum)]
enum SummaryFormatArg {
    /// Everything: totals, categories, columns, statuses, error codes, groups.
    Json,
    /// One row per slice (all, category, error code, group) with rows and totals.
    Csv,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:
  jamsos batch --period 2026-04 --input roster.csv --output result.csv
  jamsos batch --period 2026-04 --input roster.csv --allow-extra-columns \\
      --keep employer,branch --summary totals.csv --summary-format csv --group-by employer,branch

A semicolon- or tab-delimited roster (a spreadsheet's \"CSV\" where the decimal
separator is a comma) is recognised from its header; --delimiter overrides. The
result is always comma-delimited. With --output, the result is written to a
temporary file beside FILE and renamed onto it only when the batch has finished:
an interrupted, killed or failed run leaves FILE as it was. On Linux that file is
written past the page cache (O_DIRECT) where the file system allows it.")]
struct BatchArgs {
    /// The period of rows without a period cell (YYYY-MM); required for CSV.
    #[arg(long)]
    period: Option<String>,
    /// The roster; standard input if absent.
    #[arg(long, value_name = "FILE")]
    input: Option<std::path::PathBuf>,
    /// The result, replaced only when the batch has finished; standard output if absent.
    #[arg(long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// The result's format [default: csv; ndjson for an NDJSON roster].
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// The roster's format [default: from the --input file's extension
    /// (.csv, .ndjson/.jsonl, .parquet, .arrow/.feather/.ipc); else ndjson
    /// with --format ndjson, else csv].
    #[arg(long, value_enum)]
    input_format: Option<FormatArg>,
    /// The roster's CSV delimiter (one character, e.g. ';' or tab); recognised
    /// from the header when absent (comma, semicolon or tab).
    #[arg(long, value_name = "CHAR")]
    delimiter: Option<String>,
    /// Copy these input columns into the result next to id (comma-separated,
    /// e.g. employer,branch,name; extra columns need --allow-extra-columns).
    #[arg(long, value_name = "COL,...", value_delimiter = ',')]
    keep: Vec<String>,
    /// Write totals per category, program and payer, status and error counts.
    #[arg(long, value_name = "FILE")]
    summary: Option<std::path::PathBuf>,
    /// The summary's format.
    #[arg(long, value_enum, default_value = "json", requires = "summary")]
    summary_format: SummaryFormatArg,
    /// Group the summary by these columns (comma-separated, e.g. employer,branch; needs --summary).
    #[arg(long, value_name = "COL,...", value_delimiter = ',')]
    group_by: Vec<String>,
    /// Ignore columns that are not in the contract instead of stopping; each
    /// is listed on standard error, with "did you mean" for near misses.
    #[arg(long)]
    allow_extra_columns: bool,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// The official BPU income grid as CSV (from,to,nominal), see `contribution`.
    #[arg(long, value_name = "FILE")]
    income_grid: Option<std::path::PathBuf>,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// The address to listen on; anything but loopback serves the network.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// The port; 0 lets the system pick one (the first line on standard
    /// output is the URL).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The simulator page served at / (default: ./web when it exists).
    #[arg(long, value_name = "DIR", alias = "dir")]
    web: Option<std::path::PathBuf>,
    /// Allow browsers on this origin (e.g. https://payroll.example) to call
    /// the API; off by default.
    #[arg(long, value_name = "ORIGIN")]
    cors: Option<String>,
    /// The largest one-document request body in bytes (413 above it);
    /// batches are streamed and not limited by it.
    #[arg(long, value_name = "BYTES", default_value_t = jamsos_server::DEFAULT_BODY_LIMIT)]
    body_limit: usize,
    /// Requests handled at once; more are answered 503 at once.
    #[arg(long, value_name = "N", default_value_t = 512)]
    max_concurrency: usize,
    /// Batches streamed at once (each uses every core); more are 503.
    #[arg(long, value_name = "N", default_value_t = 2)]
    max_batches: usize,
    /// Seconds a one-document request may take, body included (408).
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    request_timeout: u64,
    /// Seconds a connection may stay silent (idle keep-alive, a request head
    /// or body that stops coming, an answer the client does not read).
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    idle_timeout: u64,
    /// Do not write the access log (one line per request on standard error).
    #[arg(long)]
    no_access_log: bool,
    /// The official BPU income grid as CSV (from,to,nominal) for every
    /// request, see `contribution`.
    #[arg(long, value_name = "FILE")]
    income_grid: Option<std::path::PathBuf>,
}

#[derive(clap::Args)]
struct SampleArgs {
    /// Data rows to write.
    #[arg(long, default_value_t = 1000)]
    rows: u64,
    /// Seed: the same rows and seed give the same file.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The file; standard output if absent.
    #[arg(long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// csv, or a typed parquet or arrow roster (Int64 integers, Boolean
    /// booleans, Date32 dates) [default: from the --output extension, else csv].
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
}

/// Standard input, or the contract's error when it cannot be read; the
/// size and UTF-8 checks are the contract's (`contract::document_text`).
fn read_stdin() -> Result<Vec<u8>, ContractError> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(contract::MAX_INPUT_BYTES).unwrap_or(u64::MAX);
    std::io::stdin()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ContractError {
            code: ErrorCode::InvalidJson,
            message: format!("cannot read standard input: {e}"),
            field: None,
        })?;
    Ok(bytes)
}

fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

/// Prints an answer: the document on standard output and, for invalid input,
/// the one-line message on standard error; exits with the answer's status.
fn answer(response: &contract::Response) -> ExitCode {
    if let Some(e) = &response.error {
        let field = e
            .field
            .as_deref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr().lock(),
            "jamsos: {}{field}: {}",
            e.code,
            e.message
        );
    }
    match emit(&response.json) {
        code if response.status == contract::Status::Ok => code,
        _ => ExitCode::from(response.status as u8),
    }
}

fn fail(e: ContractError) -> ExitCode {
    answer(&contract::Response::invalid(e))
}

/// Reads `--income-grid`; a grid that cannot be read or is malformed stops
/// the command (exit 1), since no case could be answered with it.
fn income_grid(args: &CaseArgs) -> Result<contract::CallerGrid, ExitCode> {
    read_income_grid(args.income_grid.as_deref())
}

fn read_income_grid(path: Option<&std::path::Path>) -> Result<contract::CallerGrid, ExitCode> {
    let Some(path) = path else {
        return Ok(contract::CallerGrid::BUILT_IN);
    };
    std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
        .and_then(|text| contract::CallerGrid::parse(&text))
        .map_err(|message| {
            let _ = writeln!(std::io::stderr().lock(), "jamsos: --income-grid: {message}");
            ExitCode::from(1)
        })
}

/// Stops with exit 1 and one line on standard error.
fn stop(message: impl std::fmt::Display) -> ExitCode {
    let _ = writeln!(std::io::stderr().lock(), "jamsos: {message}");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Batch(args) => batch::run(args),
        Command::SampleRoster(args) => batch::sample(args),
        Command::Serve(args) => serve::run(args),
        single => one_document(single),
    }
}

/// The commands that read one JSON document on standard input.
fn one_document(command: &Command) -> ExitCode {
    let grid = match command {
        Command::Contribution(args) | Command::Eligibility(args) | Command::Projection(args) => {
            match income_grid(args) {
                Ok(grid) => grid,
                Err(code) => return code,
            }
        }
        _ => contract::CallerGrid::BUILT_IN,
    };
    let settings = grid.settings();
    let bytes = match read_stdin() {
        Ok(bytes) => bytes,
        Err(e) => return fail(e),
    };
    let (name, human) = match command {
        Command::Contribution(args) => (contract::Command::Contribution, &args.human),
        Command::Eligibility(args) => (contract::Command::Eligibility, &args.human),
        Command::Benefit(human) => (contract::Command::Benefit, human),
        Command::Fine(human) => (contract::Command::Fine, human),
        Command::Projection(args) => (contract::Command::Projection, &args.human),
        Command::Batch(_) | Command::SampleRoster(_) | Command::Serve(_) => {
            return stop("not a one-document command");
        }
    };
    if !human.pretty {
        return answer(&contract::respond_bytes(name, &bytes, &settings));
    }
    let input = match contract::document_text(&bytes) {
        Ok(input) => input,
        Err(e) => return fail(e),
    };
    let lang = match human.lang {
        LangArg::Id => Lang::Id,
        LangArg::En => Lang::En,
    };
    let text = match name {
        contract::Command::Contribution => contract::assessed_with(input, &settings)
            .map(|(participant, a)| pretty::contribution(&participant, &a, lang)),
        contract::Command::Eligibility => contract::assessed_for_eligibility_with(input, &settings)
            .map(|(_, a)| pretty::eligibility(&a, lang)),
        contract::Command::Benefit => contract::benefit(input).map(|r| pretty::benefit(&r, lang)),
        contract::Command::Fine => contract::fine(input).map(|r| pretty::fine(&r, lang)),
        contract::Command::Projection => {
            contract::projection(input, &settings).map(|r| pretty::projection(&r, lang))
        }
    };
    match text {
        Ok(text) => emit(text.trim_end()),
        Err(e) => fail(e),
    }
}
