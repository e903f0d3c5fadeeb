//! `jamsos serve`: a tiny static HTTP/1.1 server for the simulator page.
//!
//! The page (`web/`) is static files plus a WebAssembly module, and browsers
//! refuse to load a module from `file://`, so it needs a server; this one is
//! `std::net` only, so serving the page adds no dependency. It is for
//! looking at the page on one's own machine, not for the internet: it binds
//! 127.0.0.1 only, answers GET and HEAD only, serves regular files under one
//! directory only, and closes every connection after one response.
//!
//! Bad requests get an HTTP error, never a panic: every request is read with
//! a size limit and a timeout, and every path is checked segment by segment
//! after percent-decoding, so `..`, encoded `%2e%2e`, backslashes and NUL
//! bytes cannot leave the directory.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::{ServeArgs, stop};

/// The longest request head (request line and headers) read; a longer one is
/// answered 431. Browsers send well under 8 KiB.
const MAX_HEAD_BYTES: u64 = 16 * 1024;

/// How long a connection may stay silent. A browser may open a connection
/// ahead of need and send nothing on it; the timeout ends its thread.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// Runs the server until the process is stopped.
pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    let root = match args.dir.canonicalize() {
        Ok(root) if root.is_dir() => root,
        Ok(root) => return stop(format!("serve: {} is not a directory", root.display())),
        Err(e) => return stop(format!("serve: {}: {e}", args.dir.display())),
    };
    let listener = match TcpListener::bind((Ipv4Addr::LOCALHOST, args.port)) {
        Ok(listener) => listener,
        Err(e) => return stop(format!("serve: cannot listen on port {}: {e}", args.port)),
    };
    // With `--port 0` the system picks the port; print the one it picked, so
    // a script (the tests) can read the address from the first line.
    let port = listener.local_addr().map_or(args.port, |a| a.port());
    let mut out = std::io::stdout().lock();
    let announced = writeln!(
        out,
        "serving {} on http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        root.display()
    )
    .and_then(|()| out.flush());
    drop(out);
    if let Err(e) = announced {
        return stop(format!("serve: {e}"));
    }
    for stream in listener.incoming() {
        // A connection that failed before it was accepted concerns only its
        // client; keep serving the others.
        let Ok(stream) = stream else { continue };
        let root = root.clone();
        // One thread per connection, so a connection that sends nothing
        // never holds up the page's other requests.
        let spawned = std::thread::Builder::new()
            .name("serve".into())
            .spawn(move || handle(stream, &root));
        if let Err(e) = spawned {
            let _ = writeln!(std::io::stderr().lock(), "jamsos: serve: {e}");
        }
    }
    ExitCode::SUCCESS
}

/// An HTTP answer before it is written.
struct Reply {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    allow: bool,
}

impl Reply {
    fn error(status: &'static str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status}\n").into_bytes(),
            allow: false,
        }
    }
}

/// Answers one request on `stream`; errors writing to the client end the
/// connection quietly, since the client has gone.
fn handle(stream: TcpStream, root: &Path) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let Ok(reader) = stream.try_clone() else {
        return;
    };
    let (reply, head_only) = match read_head(reader) {
        Ok(request) => (answer(&request, root), request.method == "HEAD"),
        Err(reply) => (reply, false),
    };
    if write_reply(&stream, &reply, head_only).is_ok() {
        linger(&stream);
    }
}

/// The most bytes read and thrown away after a reply; see [`linger`].
const MAX_DRAIN_BYTES: u64 = 1024 * 1024;

/// Closes the connection gracefully: signals the end of the reply, then
/// reads what the client still sends (a refused request's body, the rest of
/// an over-long head) until it closes too. Closing a socket with unread
/// input makes the system reset the connection, and a reset can reach the
/// client before it has read the reply.
fn linger(stream: &TcpStream) {
    if stream.shutdown(std::net::Shutdown::Write).is_err() {
        return;
    }
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let _ = std::io::copy(&mut stream.take(MAX_DRAIN_BYTES), &mut std::io::sink());
}

/// The parts of a request this server looks at.
struct Request {
    method: String,
    target: String,
}

/// Reads the request head; the body, if any, is ignored (GET and HEAD have
/// none, and the connection closes after the reply).
fn read_head(stream: TcpStream) -> Result<Request, Reply> {
    let mut reader = BufReader::new(stream.take(MAX_HEAD_BYTES));
    let mut request_line = String::new();
    match reader.read_line(&mut request_line) {
        Ok(0) | Err(_) => return Err(Reply::error("400 Bad Request")),
        Ok(_) if !request_line.ends_with('\n') => {
            return Err(Reply::error("431 Request Header Fields Too Large"));
        }
        Ok(_) => {}
    }
    // Read the headers to the blank line, so the client is not cut off
    // mid-send; their content is not needed.
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) => return Err(Reply::error("431 Request Header Fields Too Large")),
            Err(_) => return Err(Reply::error("400 Bad Request")),
            Ok(_) if !line.ends_with('\n') => {
                return Err(Reply::error("431 Request Header Fields Too Large"));
            }
            Ok(_) if line.trim_end_matches(['\r', '\n']).is_empty() => break,
            Ok(_) => {}
        }
    }
    let mut parts = request_line.split_ascii_whitespace();
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version), None) if version.starts_with("HTTP/1.") => {
            Ok(Request {
                method: method.to_owned(),
                target: target.to_owned(),
            })
        }
        _ => Err(Reply::error("400 Bad Request")),
    }
}

/// The reply to a well-formed request.
fn answer(request: &Request, root: &Path) -> Reply {
    if request.method != "GET" && request.method != "HEAD" {
        return Reply {
            allow: true,
            ..Reply::error("405 Method Not Allowed")
        };
    }
    let Some(path) = resolve(root, &request.target) else {
        return Reply::error("400 Bad Request");
    };
    let path = if path.is_dir() {
        path.join("index.html")
    } else {
        path
    };
    // A symbolic link could still point outside the directory; compare the
    // real path with the real root.
    let Ok(real) = path.canonicalize() else {
        return Reply::error("404 Not Found");
    };
    if !real.starts_with(root) || !real.is_file() {
        return Reply::error("404 Not Found");
    }
    match std::fs::read(&real) {
        Ok(body) => Reply {
            status: "200 OK",
            content_type: mime_type(&real),
            body,
            allow: false,
        },
        Err(_) => Reply::error("404 Not Found"),
    }
}

/// The file a request target names under `root`, or `None` when the target
/// is not an origin-form path or tries to leave `root`.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    // Only origin-form targets ("/path?query"); absolute-form
    // ("http://host/path"), "*" and relative targets are refused.
    let path = target.strip_prefix('/')?;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let mut resolved = root.to_path_buf();
    for segment in decoded.split('/') {
        if segment.is_empty() || segment == "." {
            continue;
        }
        // `..` (plain or decoded from `%2e%2e`) climbs; a backslash or a
        // colon could name another root on some systems; NUL ends C strings.
        if segment == ".." || segment.contains(['\\', ':', '\0']) {
            return None;
        }
        resolved.push(segment);
    }
    Some(resolved)
}

/// `%XX` escapes decoded; `None` for a malformed escape or text that is not
/// UTF-8 once decoded.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(b) = rest.next() {
        if b == b'%' {
            let hi = char::from(rest.next()?).to_digit(16)?;
            let lo = char::from(rest.next()?).to_digit(16)?;
            bytes.push(u8::try_from(hi * 16 + lo).ok()?);
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).ok()
}

/// The Content-Type of a file by its extension. JavaScript modules and
/// WebAssembly must have exactly these types: browsers refuse a module
/// script served as anything but JavaScript, and
/// `WebAssembly.instantiateStreaming` needs `application/wasm`.
fn mime_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webmanifest" => "application/manifest+json",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn write_reply(mut stream: &TcpStream, reply: &Reply, head_only: bool) -> std::io::Result<()> {
    let allow = if reply.allow {
        "Allow: GET, HEAD\r\n"
    } else {
        ""
    };
    // `no-cache` makes a browser revalidate, so a rebuilt page shows at once.
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{allow}\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n\
         Connection: close\r\n\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_stay_inside_the_root() {
        let root = Path::new("/srv/web");
        assert_eq!(
            resolve(root, "/pkg/a.js?v=1"),
            Some(root.join("pkg").join("a.js"))
        );
        assert_eq!(resolve(root, "/"), Some(root.to_path_buf()));
        assert_eq!(resolve(root, "//etc/passwd"), Some(root.join("etc/passwd")));
        assert_eq!(resolve(root, "/a%20b.txt"), Some(root.join("a b.txt")));
        for bad in [
            "/../x",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fx",
            "/..%2fx",
            "/a%5c..%5cx",
            "/c:/x",
            "/a%00",
            "/%zz",
            "/%2",
            "/%ff",
            "x",
            "http://127.0.0.1/x",
            "*",
        ] {
            assert_eq!(resolve(root, bad), None, "{bad}");
        }
    }

    #[test]
    fn module_types() {
        assert_eq!(
            mime_type(Path::new("a/jamsos_wasm_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            mime_type(Path::new("app.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(mime_type(Path::new("LICENSE")), "application/octet-stream");
    }
}
