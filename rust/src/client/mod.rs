//! A standalone client: one multiplexed connection, reconnect with backoff,
//! inflight limit, per-request timeout, close.
//!
//! # Life of a request
//! [`Client::submit`] checks the inflight limit synchronously and spawns one
//! task on the shared runtime. The task waits for a usable connection, writes
//! the command, awaits the reply, and pushes exactly one completion to
//! [`crate::completion`]: the reply, a server error, a timeout, a connection
//! failure, or a closing error. Nothing else stands between Java and the
//! socket: there is no per-client or per-request channel.
//!
//! # Cancellation
//! Java cancelling a future does not stop the command: once written, the
//! server runs it. The task still completes and its reply is freed by Java.
//!
//! # Disconnection and reconnect
//! When the connection breaks (a request sees an I/O error, or the connection
//! reports it closed), requests in flight fail with a connection error and a
//! single reconnect task retries with the client's [`Backoff`]. Requests made
//! meanwhile wait for the new connection within their own timeout and fail
//! with a connection error (not a timeout) if it does not come in time.
//!
//! # Close
//! [`Client::close`] drops the connection and wakes every waiting task, which
//! completes with a closing error at once. It is idempotent.

pub mod backoff;
pub mod config;
mod connect;

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::future::Future;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use parking_lot::Mutex;
use redis::aio::MultiplexedConnection;
use redis::{Cmd, RedisError};
use tokio::sync::Notify;

pub use backoff::Backoff;
pub use config::{ClientConfig, Protocol};

use crate::completion;
use crate::reply::{Failure, Outcome};
use crate::shape::Expect;
use crate::{runtime, stats};

/// One command to run.
pub struct Request {
    pub id: i64,
    pub cmd: Cmd,
    /// `None`: wait as long as it takes (blocking commands with timeout 0).
    pub timeout: Option<Duration>,
    /// The shape the reply is converted to.
    pub expect: Expect,
    /// Set for `SELECT n`: on success the client reconnects to database `n`.
    pub selects_database: Option<i64>,
}

/// Why a request was refused before it started.
#[derive(Debug, PartialEq, Eq)]
pub enum Rejection {
    InflightLimit(usize),
    Closed,
}

enum Link {
    /// Lazy client before its first command.
    Idle,
    Connecting { attempt: u32, last_error: Option<String> },
    Ready(MultiplexedConnection),
    Closed,
}

struct LinkState {
    link: Link,
    /// Bumped on every new connection so that stale "connection broken"
    /// reports about an older connection are ignored.
    generation: u64,
}

/// A standalone client. Shared as `Arc<Client>` between Java's handle and the
/// tasks running its requests.
pub struct Client {
    config: ClientConfig,
    database_id: AtomicI64,
    inflight: AtomicUsize,
    closed: AtomicBool,
    link: Mutex<LinkState>,
    /// Woken when the link becomes ready or closed.
    link_changed: Notify,
    /// Woken once, by `close`.
    closing: Notify,
    /// Taken by each request until its command is on the connection; fair
    /// (FIFO), so it keeps the submission order.
    send_order: tokio::sync::Mutex<()>,
}

impl Client {
    /// Validates `config` and creates an unconnected client.
    pub fn new(config: ClientConfig) -> Result<Arc<Client>, String> {
        config.validate()?;
        stats::client_created();
        Ok(Arc::new(Client {
            database_id: AtomicI64::new(config.database_id),
            config,
            inflight: AtomicUsize::new(0),
            closed: AtomicBool::new(false),
            link: Mutex::new(LinkState { link: Link::Idle, generation: 0 }),
            link_changed: Notify::new(),
            closing: Notify::new(),
            send_order: tokio::sync::Mutex::new(()),
        }))
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Requests currently in flight.
    pub fn inflight(&self) -> usize {
        self.inflight.load(Ordering::Acquire)
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// Connects for the first time (unless the client is lazy) and pushes the
    /// result as completion `request_id`: `OK` or a connection error.
    pub fn start(self: &Arc<Self>, request_id: i64) -> Result<(), String> {
        let rt = runtime::get()?;
        let client = Arc::clone(self);
        rt.spawn(async move {
            let outcome = client.initial_connect().await;
            completion::push(outcome.into_completion(request_id));
        });
        Ok(())
    }

    async fn initial_connect(self: &Arc<Self>) -> Outcome {
        if self.config.lazy_connect {
            return Outcome::Ok;
        }
        let generation = {
            let mut state = self.link.lock();
            state.generation += 1;
            state.link = Link::Connecting { attempt: 0, last_error: None };
            state.generation
        };
        let attempt = connect::open(self, generation);
        let result = tokio::select! {
            r = attempt => r,
            _ = self.closed_signal() => return closing_outcome(),
        };
        match result {
            Ok(conn) => {
                if self.install(conn, generation) {
                    Outcome::Ok
                } else {
                    closing_outcome()
                }
            }
            Err(message) => {
                let mut state = self.link.lock();
                if !matches!(state.link, Link::Closed) {
                    // A failed first connection leaves the client unusable; Java
                    // fails `createClient` and closes it.
                    state.link = Link::Idle;
                }
                Outcome::Failed(Failure::Connection, message)
            }
        }
    }

    /// Makes `conn` the live connection if the client is still open.
    fn install(&self, conn: MultiplexedConnection, generation: u64) -> bool {
        let mut state = self.link.lock();
        if matches!(state.link, Link::Closed) || state.generation != generation {
            return false;
        }
        state.link = Link::Ready(conn);
        stats::connection_opened();
        drop(state);
        self.link_changed.notify_waiters();
        true
    }

    /// Starts `request`, or refuses it at once.
    ///
    /// # Order
    /// Commands a thread submits reach the server in the order it submitted them
    /// (what a Java caller expects from `set(k, a); set(k, b)` without waiting).
    /// The request's future is polled once right here, on the caller's thread:
    /// that first poll takes the client's fair send lock and puts the command on
    /// the connection (or queues for it, in order), before `submit` returns.
    pub fn submit(self: &Arc<Self>, request: Request) -> Result<(), Rejection> {
        if self.is_closed() {
            return Err(Rejection::Closed);
        }
        let limit = self.config.inflight_limit;
        if self.inflight.fetch_add(1, Ordering::AcqRel) >= limit {
            self.inflight.fetch_sub(1, Ordering::AcqRel);
            return Err(Rejection::InflightLimit(limit));
        }
        let slot = InflightSlot(Arc::clone(self));
        let rt = match runtime::get() {
            Ok(rt) => rt,
            Err(message) => {
                completion::push(Outcome::Failed(Failure::Request, message).into_completion(request.id));
                return Ok(());
            }
        };
        let client = Arc::clone(self);
        let mut task = Box::pin(async move {
            let id = request.id;
            let outcome = client.execute(request).await;
            drop(slot);
            completion::push(outcome.into_completion(id));
        });
        // Timers need the runtime's context, even on a thread of the caller's.
        let _context = rt.enter();
        // A wake-up of this no-op waker is not lost: a spawned task is always polled once.
        let mut cx = Context::from_waker(Waker::noop());
        if task.as_mut().poll(&mut cx).is_pending() {
            rt.spawn(task);
        }
        Ok(())
    }

    async fn execute(self: &Arc<Self>, request: Request) -> Outcome {
        let closed = self.closed_signal();
        tokio::pin!(closed);
        let mut waiting_for_connection = true;
        let work = async {
            // Held until the command is on the connection (or queued for it):
            // the lock is fair, so commands keep their submission order, also
            // across a reconnect.
            let send_turn = self.send_order.lock().await;
            let (mut conn, generation) = self.connection().await?;
            waiting_for_connection = false;
            let mut send = std::pin::pin!(conn.send_packed_command(&request.cmd));
            // Unconstrained: an exhausted cooperative budget must not make this one
            // poll return before the command took its place.
            let first =
                tokio::task::unconstrained(std::future::poll_fn(|cx| Poll::Ready(send.as_mut().poll(cx)))).await;
            drop(send_turn);
            let result = match first {
                Poll::Ready(result) => result,
                Poll::Pending => send.await,
            };
            match result {
                Ok(value) => {
                    if let Some(db) = request.selects_database {
                        self.database_id.store(db, Ordering::Release);
                    }
                    Ok(Outcome::from_value(value, request.expect))
                }
                Err(error) => Err(self.classify(error, generation)),
            }
        };
        let result = match request.timeout {
            Some(limit) => tokio::select! {
                biased;
                _ = &mut closed => return closing_outcome(),
                r = tokio::time::timeout(limit, work) => r.ok(),
            },
            None => tokio::select! {
                biased;
                _ = &mut closed => return closing_outcome(),
                r = work => Some(r),
            },
        };
        match result {
            Some(Ok(outcome)) => outcome,
            Some(Err(failure)) => failure,
            None if waiting_for_connection => Outcome::Failed(Failure::Connection, self.not_connected_message()),
            None => Outcome::Failed(
                Failure::Timeout,
                format!("request timed out after {} ms", request.timeout.unwrap_or_default().as_millis()),
            ),
        }
    }

    /// Resolves once the client is closed (immediately if it already is).
    async fn closed_signal(&self) {
        let notified = self.closing.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if self.is_closed() {
            return;
        }
        notified.await;
    }

    /// The live connection, waiting (without a bound of its own) while reconnecting.
    async fn connection(self: &Arc<Self>) -> Result<(MultiplexedConnection, u64), Outcome> {
        loop {
            let changed = self.link_changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            {
                let mut state = self.link.lock();
                match &state.link {
                    Link::Ready(conn) => return Ok((conn.clone(), state.generation)),
                    Link::Closed => return Err(closing_outcome()),
                    Link::Connecting { .. } => {}
                    Link::Idle => {
                        state.generation += 1;
                        state.link = Link::Connecting { attempt: 0, last_error: None };
                        self.spawn_reconnect(state.generation);
                    }
                }
            }
            changed.await;
        }
    }

    fn not_connected_message(&self) -> String {
        let state = self.link.lock();
        let (host, port) = &self.config.addresses[0];
        match &state.link {
            Link::Connecting { attempt, last_error: Some(e) } => format!(
                "not connected to {host}:{port}: reconnecting (attempt {attempt}), last error: {e}"
            ),
            Link::Connecting { attempt, last_error: None } => {
                format!("not connected to {host}:{port}: reconnecting (attempt {attempt})")
            }
            _ => format!("not connected to {host}:{port}"),
        }
    }

    /// Maps a failed request to its outcome, starting a reconnect if the
    /// connection is gone.
    fn classify(self: &Arc<Self>, error: RedisError, generation: u64) -> Outcome {
        if let Some(failure) = server_failure(&error) {
            return failure;
        }
        if error.is_unrecoverable_error() || error.is_io_error() || error.is_connection_dropped() {
            self.connection_broken(generation);
            return Outcome::Failed(Failure::Connection, format!("connection lost: {error}"));
        }
        Outcome::Failed(Failure::Request, error.to_string())
    }

    /// Called when connection `generation` is known to be unusable.
    pub(crate) fn connection_broken(self: &Arc<Self>, generation: u64) {
        let mut state = self.link.lock();
        if state.generation != generation || !matches!(state.link, Link::Ready(_)) {
            return; // already reconnecting, closed, or about an older connection
        }
        state.link = Link::Connecting { attempt: 0, last_error: None };
        stats::connection_closed();
        tracing::debug!(generation, "connection lost, reconnecting");
        self.spawn_reconnect(generation);
    }

    /// Runs the reconnect loop for the connection after `generation`.
    /// Called with the link lock held and the link set to `Connecting`.
    fn spawn_reconnect(self: &Arc<Self>, generation: u64) {
        let Ok(rt) = runtime::get() else { return };
        let client = Arc::clone(self);
        rt.spawn(async move { client.reconnect(generation).await });
    }

    async fn reconnect(self: Arc<Self>, generation: u64) {
        let mut attempt: u32 = 0;
        loop {
            let delay = self.config.backoff.delay(attempt, backoff::jitter_random());
            let target = {
                let state = self.link.lock();
                if !matches!(state.link, Link::Connecting { .. }) || state.generation != generation {
                    return;
                }
                state.generation
            };
            let result = tokio::select! {
                _ = self.closed_signal() => return,
                r = async {
                    tokio::time::sleep(delay).await;
                    connect::open(&self, target).await
                } => r,
            };
            match result {
                Ok(conn) => {
                    if self.install(conn, target) {
                        tracing::debug!(attempt, "reconnected");
                    }
                    return;
                }
                Err(message) => {
                    attempt = attempt.saturating_add(1);
                    let mut state = self.link.lock();
                    if let Link::Connecting { attempt: a, last_error } = &mut state.link {
                        *a = attempt;
                        *last_error = Some(message);
                    }
                }
            }
        }
    }

    /// Fails everything pending with a closing error and drops the connection.
    /// Safe to call more than once.
    pub fn close(&self) {
        if self.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        let previous = {
            let mut state = self.link.lock();
            std::mem::replace(&mut state.link, Link::Closed)
        };
        if matches!(previous, Link::Ready(_)) {
            stats::connection_closed();
        }
        drop(previous);
        self.closing.notify_waiters();
        self.link_changed.notify_waiters();
    }

    /// The database the client is on (follows successful `SELECT`s).
    pub fn database_id(&self) -> i64 {
        self.database_id.load(Ordering::Acquire)
    }

    fn weak(self: &Arc<Self>) -> Weak<Client> {
        Arc::downgrade(self)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.close();
        stats::client_released();
    }
}

/// Holds one inflight slot; released when the request's task ends, however it ends.
struct InflightSlot(Arc<Client>);

impl Drop for InflightSlot {
    fn drop(&mut self) {
        self.0.inflight.fetch_sub(1, Ordering::AcqRel);
    }
}

fn closing_outcome() -> Outcome {
    Outcome::Failed(Failure::Closing, "the client is closed".into())
}

/// Server-side errors keep the server's own words.
fn server_failure(error: &RedisError) -> Option<Outcome> {
    match error.kind() {
        redis::ErrorKind::Server(redis::ServerErrorKind::ExecAbort) => {
            Some(Outcome::Failed(Failure::ExecAbort, server_message(error)))
        }
        redis::ErrorKind::Server(_) | redis::ErrorKind::Extension => {
            Some(Outcome::Failed(Failure::Request, server_message(error)))
        }
        _ => None,
    }
}

fn server_message(error: &RedisError) -> String {
    match (error.code(), error.detail()) {
        (Some(code), Some(detail)) => format!("{code} {detail}"),
        (Some(code), None) => code.to_string(),
        _ => error.to_string(),
    }
}
