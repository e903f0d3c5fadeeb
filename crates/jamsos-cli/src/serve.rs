//! `jamsos serve`: options and the announcement; the service is
//! `jamsos_server` (docs/HTTP.md).

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use crate::{ServeArgs, read_income_grid, stop};

/// Runs the server until SIGTERM or Ctrl-C; exit 0 once the requests in
/// flight have finished.
pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    let web = match &args.web {
        Some(dir) => match dir.canonicalize() {
            Ok(root) if root.is_dir() => Some(root),
            Ok(root) => return stop(format!("serve: {} is not a directory", root.display())),
            Err(e) => return stop(format!("serve: {}: {e}", dir.display())),
        },
        // The page of a checkout, when run from its root (as the README
        // does); no page otherwise.
        None => std::path::Path::new("web")
            .canonicalize()
            .ok()
            .filter(|d| d.is_dir()),
    };
    let cors = match args.cors.as_deref().map(str::parse) {
        None => None,
        Some(Ok(origin)) => Some(origin),
        Some(Err(_)) => return stop("serve: --cors ORIGIN is not a valid header value"),
    };
    let income_grid = match read_income_grid(args.income_grid.as_deref()) {
        Ok(grid) => grid,
        Err(code) => return code,
    };
    let config = jamsos_server::Config {
        web,
        cors,
        body_limit: args.body_limit,
        max_concurrency: args.max_concurrency,
        max_batches: args.max_batches,
        request_timeout: Duration::from_secs(args.request_timeout.max(1)),
        idle_timeout: Duration::from_secs(args.idle_timeout.max(1)),
        access_log: !args.no_access_log,
        income_grid,
        ..jamsos_server::Config::default()
    };
    let address = SocketAddr::new(args.bind, args.port);
    let announce = |bound: SocketAddr| -> std::io::Result<()> {
        // With `--port 0` the system picks the port: the first line on
        // standard output is the URL, for scripts (and the tests) to read.
        let mut out = std::io::stdout().lock();
        writeln!(out, "http://{bound}/")?;
        out.flush()?;
        // Standard error is the access log's; beyond it, only the notice
        // for an address other machines can reach.
        let mut err = std::io::stderr().lock();
        if let Some(notice) = jamsos_server::exposure_notice(bound) {
            writeln!(err, "{notice}")?;
        }
        Ok(())
    };
    match jamsos_server::run(address, config, announce) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => stop(format!("serve: {address}: {e}")),
    }
}
