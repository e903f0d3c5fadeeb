//! `jamsos-load`: the load benchmark of `jamsos serve` (docs/HTTP.md). Run
//! on demand, never by `cargo test`:
//!
//! ```sh
//! cargo build --release -p jamsos-cli -p jamsos-benches
//! target/release/jamsos-load --jamsos target/release/jamsos
//! ```
//!
//! It starts `jamsos serve --port 0` as a child process, then
//!
//! 1. keeps `--connections` (64) keep-alive HTTP/1.1 connections busy with
//!    `POST /v1/contribution` of examples/data/pu-medium-factory.json for
//!    `--seconds` (10, after 1 s of warm-up), checking every answer is 200
//!    with the bytes of the first; prints requests per second, latency
//!    percentiles, errors and the server's peak memory (VmHWM);
//! 2. writes a `--rows` (2,000,000) sample roster to a temporary file, times
//!    `jamsos batch --input FILE --output /dev/null` on it, then streams it
//!    through `POST /v1/batch` and times that, checking the answer has the
//!    bytes of `jamsos batch` (by length and FNV-1a hash); samples the
//!    server's memory every 50 ms meanwhile.
//!
//! Client and server share the machine, as the targets assume.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::Frame;
use hyper_util::rt::TokioIo;
use tokio::io::AsyncReadExt;

struct Options {
    jamsos: PathBuf,
    connections: usize,
    seconds: u64,
    rows: u64,
    skip_batch: bool,
    access_log: bool,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        jamsos: PathBuf::from("target/release/jamsos"),
        connections: 64,
        seconds: 10,
        rows: 2_000_000,
        skip_batch: false,
        access_log: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--jamsos" => options.jamsos = PathBuf::from(value()?),
            "--connections" => {
                options.connections = value()?.parse().map_err(|e| format!("{e}"))?
            }
            "--seconds" => options.seconds = value()?.parse().map_err(|e| format!("{e}"))?,
            "--rows" => options.rows = value()?.parse().map_err(|e| format!("{e}"))?,
            "--skip-batch" => options.skip_batch = true,
            "--no-access-log" => options.access_log = false,
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: jamsos-load [--jamsos PATH] [--connections N] [--seconds S] [--rows N] [--skip-batch] [--no-access-log]"
                ));
            }
        }
    }
    Ok(options)
}

/// The server process, stopped with SIGTERM when done.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(options: &Options) -> Result<Server, String> {
        let mut command = Command::new(&options.jamsos);
        command
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            // The access log is written, as in production, but not kept.
            .stderr(Stdio::null());
        if !options.access_log {
            command.arg("--no-access-log");
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", options.jamsos.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line)
            .map_err(|e| e.to_string())?;
        let addr = line
            .trim()
            .strip_prefix("http://")
            .and_then(|a| a.strip_suffix('/'))
            .ok_or(format!("no URL in {line:?}"))?
            .to_owned();
        Ok(Server { child, addr })
    }

    /// (VmRSS, VmHWM) in KiB.
    fn memory(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or(0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// CPU time used so far, in milliseconds (user + system).
    fn cpu_ms(&self) -> u64 {
        cpu_ms(&format!("/proc/{}/stat", self.child.id()))
    }

    fn stop(mut self) -> Option<i32> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().ok().and_then(|s| s.code())
    }
}

/// User + system CPU time of a process from its `/proc/PID/stat`, in
/// milliseconds (the clock tick is 100 Hz on Linux).
fn cpu_ms(path: &str) -> u64 {
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
    (ticks(11) + ticks(12)) * 10
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(addr: &str) -> Result<Sender, String> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| e.to_string())?;
    let _ = stream.set_nodelay(true);
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    Ok(sender)
}

fn contribution(addr: &str, case: &Bytes) -> hyper::Request<Full<Bytes>> {
    let mut request = hyper::Request::new(Full::new(case.clone()));
    *request.method_mut() = hyper::Method::POST;
    *request.uri_mut() = "/v1/contribution".parse().unwrap_or_default();
    let headers = request.headers_mut();
    if let Ok(host) = addr.parse() {
        headers.insert(hyper::header::HOST, host);
    }
    headers.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    request
}

/// One connection's work: requests until `stop`, latencies (µs) of those
/// sent while `measuring`, and errors.
async fn worker(
    addr: String,
    case: Bytes,
    expected: Bytes,
    measuring: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
) -> (Vec<u32>, u64) {
    let mut latencies = Vec::with_capacity(200_000);
    let mut errors = 0u64;
    let Ok(mut sender) = connect(&addr).await else {
        return (latencies, 1);
    };
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        let ok = match sender.send_request(contribution(&addr, &case)).await {
            Ok(response) => {
                let status = response.status();
                match response.into_body().collect().await {
                    Ok(body) => status == 200 && body.to_bytes() == expected,
                    Err(_) => false,
                }
            }
            Err(_) => false,
        };
        if measuring.load(Ordering::Relaxed) {
            if ok {
                let micros = started.elapsed().as_micros();
                latencies.push(u32::try_from(micros).unwrap_or(u32::MAX));
            } else {
                errors += 1;
            }
        }
        if !ok {
            match connect(&addr).await {
                Ok(s) => sender = s,
                Err(_) => return (latencies, errors + 1),
            }
        }
    }
    (latencies, errors)
}

fn percentile(sorted: &[u32], per_mille: usize) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let index = (sorted.len() * per_mille / 1000).min(sorted.len() - 1);
    sorted.get(index).copied().unwrap_or(0)
}

async fn contributions(server: &Server, options: &Options) -> Result<(), String> {
    let case = Bytes::from(
        std::fs::read("examples/data/pu-medium-factory.json").map_err(|e| {
            format!("examples/data/pu-medium-factory.json: {e} (run from the repository root)")
        })?,
    );
    let mut first = connect(&server.addr).await?;
    let response = first
        .send_request(contribution(&server.addr, &case))
        .await
        .map_err(|e| e.to_string())?;
    let expected = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    let measuring = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let tasks: Vec<_> = (0..options.connections)
        .map(|_| {
            tokio::spawn(worker(
                server.addr.clone(),
                case.clone(),
                expected.clone(),
                Arc::clone(&measuring),
                Arc::clone(&stop),
            ))
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let server_cpu = server.cpu_ms();
    let client_cpu = cpu_ms("/proc/self/stat");
    measuring.store(true, Ordering::Relaxed);
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(options.seconds)).await;
    measuring.store(false, Ordering::Relaxed);
    let elapsed = started.elapsed();
    let server_cpu = server.cpu_ms().saturating_sub(server_cpu);
    let client_cpu = cpu_ms("/proc/self/stat").saturating_sub(client_cpu);
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (l, e) = task.await.map_err(|e| e.to_string())?;
        latencies.extend(l);
        errors += e;
    }
    latencies.sort_unstable();
    let requests = latencies.len() as u64;
    let per_second = requests * 1000 / u64::try_from(elapsed.as_millis().max(1)).unwrap_or(1);
    let (rss, hwm) = server.memory();
    println!(
        "contribution: {} connections, {requests} requests in {} ms: {per_second} req/s; latency p50 {} us, p90 {} us, p99 {} us, max {} us; errors {errors}; server memory {} KiB now, peak {} KiB",
        options.connections,
        elapsed.as_millis(),
        percentile(&latencies, 500),
        percentile(&latencies, 900),
        percentile(&latencies, 990),
        latencies.last().copied().unwrap_or(0),
        rss,
        hwm
    );
    // CPU per request does not depend on what else the machine runs: with
    // the two cores to themselves, server and client could do about
    // 2 cores / (server + client CPU per request).
    let server_us = server_cpu * 1000 / requests.max(1);
    let client_us = client_cpu * 1000 / requests.max(1);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "  CPU: server {server_cpu} ms ({server_us} us/request), client {client_cpu} ms ({client_us} us/request); 2 cores / (server + client) = {} req/s; load average {}",
        2_000_000 / (server_us + client_us).max(1),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "  targets: >= 20000 req/s {}, p99 < 10 ms {}, zero errors {}, peak memory < 100 MiB {}",
        verdict(per_second >= 20_000),
        verdict(percentile(&latencies, 990) < 10_000),
        verdict(errors == 0),
        verdict(hwm < 100 * 1024)
    );
    Ok(())
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT MET" }
}

/// FNV-1a over a byte stream.
struct Fnv(u64);

impl Fnv {
    fn update(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

struct HashWriter {
    hash: Fnv,
    len: u64,
}

impl Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.hash.update(buf);
        self.len += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn batch(server: &Server, options: &Options) -> Result<(), String> {
    let path = std::env::temp_dir().join(format!("jamsos-load-{}.csv", std::process::id()));
    {
        let file = std::fs::File::create(&path).map_err(|e| e.to_string())?;
        let mut out = std::io::BufWriter::new(file);
        jamsos_batch::sample::write_roster(&mut out, options.rows, 1).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    let size = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();

    // The command line at its fastest: file in, /dev/null out; then once
    // more into a pipe, hashed like the HTTP answer, for the bytes.
    let started = Instant::now();
    let status = Command::new(&options.jamsos)
        .args([
            "batch",
            "--period",
            "2026-04",
            "--output",
            "/dev/null",
            "--input",
        ])
        .arg(&path)
        .stderr(Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("jamsos batch failed: {status}"));
    }
    let cli_ms = started.elapsed().as_millis().max(1);
    let cli_rate = u128::from(options.rows) * 1000 / cli_ms;
    let cli = Command::new(&options.jamsos)
        .args(["batch", "--period", "2026-04", "--input"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut cli_out = cli.stdout.ok_or("no stdout")?;
    let mut cli_hash = HashWriter {
        hash: Fnv(0xcbf2_9ce4_8422_2325),
        len: 0,
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, &mut cli_out);
    std::io::copy(&mut reader, &mut cli_hash).map_err(|e| e.to_string())?;

    // The server, memory sampled meanwhile.
    let sampling = Arc::new(AtomicBool::new(true));
    let pid = server.child.id();
    let sampler = {
        let sampling = Arc::clone(&sampling);
        std::thread::spawn(move || {
            let mut max = 0u64;
            let mut samples = Vec::new();
            while sampling.load(Ordering::Relaxed) {
                let status =
                    std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
                let rss: u64 = status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmRSS:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                    .unwrap_or(0);
                max = max.max(rss);
                samples.push(rss);
                std::thread::sleep(Duration::from_millis(50));
            }
            (max, samples)
        })
    };
    let (rss_before, _) = server.memory();
    let started = Instant::now();
    let stream = tokio::net::TcpStream::connect(&server.addr)
        .await
        .map_err(|e| e.to_string())?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake::<_, StreamBody<_>>(TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|e| e.to_string())?;
    let body = futures_util::stream::unfold(file, |mut file| async move {
        let mut buf = vec![0u8; 256 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok::<_, std::io::Error>(Frame::data(Bytes::from(buf))), file))
            }
            Err(e) => Some((Err(e), file)),
        }
    });
    let mut request = hyper::Request::new(StreamBody::new(body));
    *request.method_mut() = hyper::Method::POST;
    *request.uri_mut() = "/v1/batch?period=2026-04".parse().map_err(|_| "uri")?;
    let headers = request.headers_mut();
    headers.insert(
        hyper::header::HOST,
        server.addr.parse().map_err(|_| "host")?,
    );
    headers.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/csv"),
    );
    headers.insert(hyper::header::CONTENT_LENGTH, size.into());
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status();
    let mut body = response.into_body();
    let mut http_hash = HashWriter {
        hash: Fnv(0xcbf2_9ce4_8422_2325),
        len: 0,
    };
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| e.to_string())?;
        if let Some(data) = frame.data_ref() {
            http_hash.write(data).map_err(|e| e.to_string())?;
        }
    }
    let http_ms = started.elapsed().as_millis().max(1);
    sampling.store(false, Ordering::Relaxed);
    let (rss_max, samples) = sampler.join().map_err(|_| "sampler")?;
    let (rss_after, hwm) = server.memory();
    let _ = std::fs::remove_file(&path);
    let http_rate = u128::from(options.rows) * 1000 / http_ms;
    let same =
        status == 200 && http_hash.len == cli_hash.len && http_hash.hash.0 == cli_hash.hash.0;
    println!(
        "batch: {} rows ({size} bytes): jamsos batch {cli_ms} ms = {cli_rate} rows/s; POST /v1/batch {http_ms} ms = {http_rate} rows/s ({}% of the command line); answer {} bytes, {}",
        options.rows,
        http_rate * 100 / cli_rate.max(1),
        http_hash.len,
        if same {
            "identical to jamsos batch"
        } else {
            "DIFFERENT from jamsos batch"
        }
    );
    println!(
        "  server memory: {rss_before} KiB before, at most {rss_max} KiB during ({} samples), {rss_after} KiB after, peak {hwm} KiB",
        samples.len()
    );
    println!(
        "  targets: >= half the command line's rows/s {}, same bytes {}",
        verdict(http_rate * 2 >= cli_rate),
        verdict(same)
    );
    Ok(())
}

fn main() -> std::process::ExitCode {
    let options = match parse_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("jamsos-load: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("jamsos-load: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let server = match Server::start(&options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("jamsos-load: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    println!(
        "jamsos-load: server {} (pid {}), {} cores",
        server.addr,
        server.child.id(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let result = runtime.block_on(async {
        contributions(&server, &options).await?;
        if !options.skip_batch {
            batch(&server, &options).await?;
        }
        Ok::<(), String>(())
    });
    let code = server.stop();
    println!("server stopped with SIGTERM: exit {code:?}");
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jamsos-load: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
