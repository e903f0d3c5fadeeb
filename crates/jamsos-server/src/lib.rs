//! The jamsos HTTP service (`jamsos serve`): the JSON contract v1 over HTTP
//! (CONTRACT.md §7, docs/HTTP.md).
//!
//! axum routes on hyper and tokio, with tower and tower-http for the
//! production behaviour: a body limit on one-document requests, request and
//! idle timeouts, a concurrency limit that sheds load with 503 instead of
//! queueing, gzip when the client asks for it, CORS when configured, and the
//! simulator page (`web/`) as static files. Every answer a command gives is
//! [`jamsos_contract::respond_bytes`], so the body is exactly what the
//! command line prints; a batch streams through [`jamsos_batch::run`] on
//! blocking threads and back, never holding the roster in memory.
//!
//! ```no_run
//! # async fn example() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! println!("http://{}/", listener.local_addr()?);
//! jamsos_server::serve(listener, jamsos_server::Config::default(), jamsos_server::shutdown_signal()).await
//! # }
//! ```

mod access_log;
mod batch;
mod documents;
mod error;
mod openapi;
mod rules;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::routing::{get, post};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::CorsLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

pub use error::{ApiError, HttpCode};

/// The largest one-document request body accepted by default: 1 MiB, far
/// above any case (a case is a few hundred bytes).
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// How the service behaves; [`Config::default`] is what `jamsos serve`
/// uses without options.
#[derive(Debug, Clone)]
pub struct Config {
    /// The directory served at `/` (the simulator page), if any.
    pub web: Option<PathBuf>,
    /// The one origin allowed to call the API from a browser (CORS); none by
    /// default, so browsers refuse cross-origin calls.
    pub cors: Option<HeaderValue>,
    /// The largest body of a one-document request (413 above it); batches
    /// are streamed and not limited by it.
    pub body_limit: usize,
    /// Requests handled at once; one more is answered 503 at once rather
    /// than queued.
    pub max_concurrency: usize,
    /// Batches streamed at once (each uses every core); one more is 503.
    pub max_batches: usize,
    /// The longest a one-document request may take, body included (408).
    pub request_timeout: Duration,
    /// How long a connection may stay silent: between requests on a
    /// keep-alive connection, while sending a request head, between pieces
    /// of a request body, and while the client does not read the answer.
    pub idle_timeout: Duration,
    /// After SIGTERM or Ctrl-C, how long requests in flight may take to
    /// finish before the server stops anyway.
    pub shutdown_grace: Duration,
    /// One access-log line per request on standard error.
    pub access_log: bool,
    /// The BPU income grid (PP 44/2015 Lampiran II, D-17) of every request,
    /// as `--income-grid` gives it to the command line: checked when it was
    /// made ([`jamsos_contract::CallerGrid`]).
    pub income_grid: jamsos_contract::CallerGrid,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            web: None,
            cors: None,
            body_limit: DEFAULT_BODY_LIMIT,
            max_concurrency: 512,
            max_batches: 2,
            request_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(30),
            access_log: true,
            income_grid: jamsos_contract::CallerGrid::BUILT_IN,
        }
    }
}

/// What every handler shares.
pub(crate) struct App {
    pub(crate) body_limit: usize,
    /// The caller's income grid.
    pub(crate) income_grid: jamsos_contract::CallerGrid,
    pub(crate) batches: Arc<Semaphore>,
    pub(crate) openapi: bytes::Bytes,
}

impl App {
    /// The settings of every answer: the caller's grid when one was given.
    pub(crate) fn settings(&self) -> jamsos_contract::Settings<'_> {
        self.income_grid.settings()
    }
}

/// The routes and middleware of the service, without a listener.
pub fn router(config: &Config) -> Router {
    let app = Arc::new(App {
        body_limit: config.body_limit,
        income_grid: config.income_grid.clone(),
        batches: Arc::new(Semaphore::new(config.max_batches.max(1))),
        openapi: openapi::document(),
    });

    // One route per command of the contract: a new `Command` variant is a
    // new endpoint without a change here.
    let mut documents = Router::new();
    for command in jamsos_contract::Command::ALL {
        documents = documents.route(
            &format!("/v1/{}", command.name()),
            post(move |state, headers, body| documents::answer(state, command, headers, body)),
        );
    }
    // A slow client cannot hold a worker: the whole request, body included,
    // has `request_timeout`.
    let documents = documents.layer(TimeoutLayer::with_status_code(
        StatusCode::REQUEST_TIMEOUT,
        config.request_timeout,
    ));

    let api = Router::new()
        .merge(documents)
        .route("/v1/batch", post(batch::run))
        .route("/v1/rules", get(rules::in_force))
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi::serve))
        .with_state(app);

    let mut router = match &config.web {
        // `no-cache` makes a browser revalidate, so a rebuilt page shows at
        // once.
        Some(dir) => api.fallback_service(
            ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-cache"),
                ))
                .service(
                    ServeDir::new(dir)
                        .append_index_html_on_directories(true)
                        .fallback(axum::routing::any(error::not_found)),
                ),
        ),
        None => api.fallback(error::not_found),
    };
    // The concurrency limit sheds load: a request over the limit is refused
    // at once with 503, never queued. `Router::layer` wraps each route on
    // its own; the semaphore is shared, so the limit counts every route's
    // requests together.
    let permits = Arc::new(Semaphore::new(config.max_concurrency.max(1)));
    router = router.layer(
        ServiceBuilder::new()
            .layer(axum::error_handling::HandleErrorLayer::new(
                error::overloaded,
            ))
            .load_shed()
            .layer(GlobalConcurrencyLimitLayer::with_semaphore(permits)),
    );
    router = router
        .layer(RequestBodyTimeoutLayer::new(config.idle_timeout))
        .layer(CompressionLayer::new());
    if let Some(origin) = &config.cors {
        router = router.layer(
            CorsLayer::new()
                .allow_origin(origin.clone())
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE]),
        );
    }
    router = router
        .layer(axum::middleware::from_fn(error::json_errors))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ));
    if config.access_log {
        router = router.layer(axum::middleware::from_fn(access_log::log));
    }
    router
}

async fn healthz() -> axum::response::Response {
    error::json_response(StatusCode::OK, "{\"status\":\"ok\"}\n".into())
}

/// The one-line notice printed when the server listens on anything but
/// loopback (`--bind 0.0.0.0`): it is then reachable from other machines.
#[must_use]
pub fn exposure_notice(bound: SocketAddr) -> Option<String> {
    (!bound.ip().is_loopback()).then(|| {
        format!(
            "jamsos serve: listening on {bound}, reachable from other machines: there is no TLS or authentication, put it behind a proxy that has them"
        )
    })
}

/// A future that resolves on SIGTERM or Ctrl-C (SIGINT). The handlers are
/// installed when this is called, not when the future is first polled, so
/// a signal that arrives right after the server has announced itself is
/// not lost. Call it inside a tokio runtime.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let term = signal(SignalKind::terminate()).ok();
        let interrupt = signal(SignalKind::interrupt()).ok();
        async move {
            // A signal whose handler could not be installed never fires.
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(term) => {}
                () = wait(interrupt) => {}
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Serves `listener` until `shutdown` resolves, then stops accepting, lets
/// the requests in flight finish (at most [`Config::shutdown_grace`]) and
/// returns.
///
/// # Errors
///
/// None once listening (the income grid was checked when it was made): a
/// failed accept (too many open files, a client that
/// reset before it was accepted) concerns one client and is skipped.
pub async fn serve(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send,
) -> io::Result<()> {
    let router = router(&config);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        // Counts from the moment the connection waits for a request head:
        // an idle keep-alive connection and a client sending its head byte
        // by byte (slow loris) are both closed after `idle_timeout`.
        .header_read_timeout(config.idle_timeout)
        .keep_alive(true);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(_) => {
                    // Out of file descriptors, most likely: wait a moment
                    // rather than spin.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        // A client that stops reading the answer cannot hold the connection
        // (and a batch's threads) for ever.
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_write_timeout(Some(config.idle_timeout));
        let io = TokioIo::new(Box::pin(stream));
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let connection = http.serve_connection(io, service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A connection error concerns only its client.
            let _ = connection.await;
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(config.shutdown_grace) => {}
    }
    Ok(())
}

/// Binds, announces and serves until SIGTERM or Ctrl-C, on a runtime of its
/// own: what `jamsos serve` runs. `announce` is called with the bound
/// address before the first request is accepted.
///
/// # Errors
///
/// The runtime cannot start or the address cannot be bound.
pub fn run(
    address: SocketAddr,
    config: Config,
    announce: impl FnOnce(SocketAddr) -> io::Result<()>,
) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("jamsos-serve")
        .build()?;
    let served = runtime.block_on(async move {
        let listener = TcpListener::bind(address).await?;
        let signal = shutdown_signal();
        announce(listener.local_addr()?)?;
        serve(listener, config, signal).await
    });
    // A batch still running after the grace period is not waited for.
    runtime.shutdown_timeout(Duration::from_secs(1));
    access_log::flush();
    served
}

#[cfg(test)]
mod tests {
    use super::exposure_notice;

    #[test]
    fn only_non_loopback_addresses_get_the_notice() {
        for quiet in ["127.0.0.1:8080", "127.0.0.2:1", "[::1]:8080"] {
            assert_eq!(
                exposure_notice(quiet.parse().unwrap_or_else(|_| unreachable!())),
                None
            );
        }
        for loud in ["0.0.0.0:8080", "192.168.1.10:80", "[::]:8080"] {
            let notice = exposure_notice(loud.parse().unwrap_or_else(|_| unreachable!()));
            assert!(
                notice.is_some_and(
                    |n| n.contains("reachable from other machines") && !n.contains('\n')
                )
            );
        }
    }
}
