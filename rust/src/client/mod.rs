//! A standalone client: one connection, reconnect with backoff, inflight
//! limit, per-request timeout, close.
//!
//! # Life of a request
//! [`Client::submit`] runs on the caller's thread. It checks the inflight limit
//! and hands the packed command to the live `connection::Connection`, which
//! queues the request and writes the bytes at once; the connection's task
//! completes it when the reply arrives or its deadline passes. Each request
//! ends with exactly one completion in [`crate::completion`]: the reply, a
//! server error, a timeout, a connection failure, or a closing error. There is
//! no task, channel or timer per request.
//!
//! # Order
//! Requests reach the server in the order they were submitted; in particular
//! each thread's requests keep their order.
//!
//! # Cancellation
//! Java cancelling a future does not recall a command: once written, the
//! server runs it. Its reply is still read and freed.
//!
//! # Disconnection and reconnect
//! When the connection breaks, requests in flight fail with a connection error
//! and a single reconnect task retries with the client's [`Backoff`]. Requests
//! made meanwhile wait, in order, for the new connection within their own
//! timeout and fail with a connection error if it does not come in time.
//!
//! # Close
//! [`Client::close`] drops the connection and completes every pending request
//! with a closing error at once. It is idempotent.

pub mod backoff;
pub mod config;
pub(crate) mod connect;
pub(crate) mod connection;
pub mod idle_reading;
pub(crate) mod inbound;
mod read_pacing;
mod replicas;
pub mod tls;
mod socket_watch;
mod tls_io;
pub(crate) mod iam_refresh;

use std::borrow::Cow;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::sync::Notify;
use tokio::time::Instant;

pub use backoff::Backoff;
pub use config::{ClientConfig, Password, Protocol};
pub use connection::spin as read_spin;

use crate::batch::{BatchSpec, CallResult, Gather};
use crate::resp::Value;
use crate::completion::{self, Completion};
use crate::pubsub::{Mode, Overflow, PubSub};
use crate::reply::{BulkAs, Failure, Outcome};
use crate::shape::Expect;
use crate::{runtime, stats};
use connection::{Connection, ConnectionOwner, Entry, GatherSlot, ReplyFor};

/// One command to run.
pub struct Request {
    pub id: i64,
    /// The command as RESP (see [`crate::resp::pack`]).
    pub packed: Vec<u8>,
    /// `None`: wait as long as it takes (blocking commands with timeout 0).
    pub timeout: Option<Duration>,
    /// The shape the reply is converted to.
    pub expect: Expect,
    /// What Java makes of bulk strings (whether the core checks UTF-8).
    pub bulk_as: BulkAs,
    /// Set for `SELECT n`: on success the client reconnects to database `n`.
    pub selects_database: Option<i64>,
}

/// A request apart from its bytes.
pub(crate) struct RequestHead {
    pub id: i64,
    pub timeout: Option<Duration>,
    pub expect: Expect,
    pub bulk_as: BulkAs,
    pub selects_database: Option<i64>,
}

/// Why a read-only client (`refuse_writes`) refuses the command in `packed`: it writes, or
/// it is not known to only read (a module's command). `None`: it may be sent.
fn refused_in_read_only_mode(packed: &[u8]) -> Option<String> {
    match crate::cluster::commands::routing_of_packed(packed) {
        Err(_) => None, // not a command: the server answers it
        Ok(Some(routing)) if !routing.writes => None,
        // valkey-glide's words, its error kind's name included.
        _ => Some("write commands are not allowed in read-only mode- ReadOnly".into()),
    }
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
    Ready(Connection),
    Closed,
}

/// A request made while there was no connection.
struct Waiting {
    entry: Entry,
    /// The entries of a pipeline's other commands, whose replies follow the first one's.
    more: Vec<Entry>,
    packed: Vec<u8>,
    /// Leading commands in `packed` whose replies are dropped.
    skipped: usize,
}

struct LinkState {
    link: Link,
    /// The generation of the current (or last) connection; reports about
    /// older connections are ignored.
    generation: u64,
    /// Requests waiting for a connection, in submission order.
    waiting: VecDeque<Waiting>,
}

/// The owner of a node's client, which receives the client's outcomes instead of Java: a
/// cluster client, for which each node is a [`Client`] and an outcome may be a redirect to
/// follow. (A client's connections report to it as their [`ConnectionOwner`].)
pub(crate) trait NodeOwner: Send + Sync {
    /// Request `id` finished with `outcome`; returns what to deliver to Java, if anything.
    fn finish(&self, id: i64, outcome: Outcome) -> Option<Completion>;

    /// Node `node`'s connection sent a RESP3 push frame (pub/sub).
    fn pushed(&self, _node: &(String, u16), _frame: &[u8]) {}

    /// A node has a new connection (`connected`), or lost the one it had: its subscriptions
    /// are to be made again, or are gone.
    fn node_link_changed(&self, _node: &(String, u16), _connected: bool) {}
}

/// A standalone client, shared as `Arc<Client>` by Java's handle and its tasks.
pub struct Client {
    /// Set for the nodes of a cluster client; `None`: outcomes go to Java.
    node_owner: Option<std::sync::Weak<dyn NodeOwner>>,
    config: ClientConfig,
    database_id: AtomicI64,
    inflight: AtomicUsize,
    closed: AtomicBool,
    link: Mutex<LinkState>,
    /// Wakes the reconnect task when a waiting request arrives (its deadline may be the earliest).
    waiting_changed: Notify,
    /// Woken once, by `close`.
    closing: Notify,
    /// Counts [`Client::reconnect_now`] calls; a reconnect loop that sees it move since its last
    /// attempt tries again at once instead of waiting out its backoff.
    password_epoch: std::sync::atomic::AtomicU64,
    /// Wakes a reconnect loop waiting out its backoff ([`Client::reconnect_now`]).
    retry_now: Notify,
    /// Subscriptions and their backlog, for a client made with some.
    pubsub: Option<Arc<PubSub>>,
    /// The server's availability zone, as its last handshake said (`learn_zone`).
    zone: Mutex<Option<Arc<str>>>,
    /// A standalone client given several addresses: clients of its own for the others,
    /// made when it first connects (see [`replicas`]).
    replicas: std::sync::OnceLock<replicas::Replicas>,
    /// One of another standalone client's replicas: not a client of the user's own.
    serves_another: bool,
}

impl Client {
    /// Validates `config` and creates an unconnected client.
    pub fn new(config: ClientConfig) -> Result<Arc<Client>, String> {
        Client::with_pubsub(config, None)
    }

    /// [`Client::new`] for a client with subscriptions: every connection it opens subscribes
    /// to what `pubsub` wants, and the messages go to its backlog.
    pub fn with_pubsub(config: ClientConfig, pubsub: Option<Arc<PubSub>>) -> Result<Arc<Client>, String> {
        config.validate()?;
        if pubsub.is_some() && config.protocol != Protocol::Resp3 {
            return Err("subscriptions need RESP3 (protocol RESP3): messages arrive on the client's own connection".into());
        }
        stats::client_created();
        // A RESP3 client can subscribe at any time (subscribe...): it always has the state for it.
        let pubsub = pubsub.or_else(|| {
            (config.protocol == Protocol::Resp3)
                .then(|| Arc::new(PubSub::new(Default::default(), crate::pubsub::DEFAULT_BACKLOG_LIMIT, Overflow::DropOldest)))
        });
        Ok(Client::build(config, None, pubsub))
    }

    /// Subscribes to (or unsubscribes from; no names: from all) `names` in `mode`: what is wanted
    /// changes now, and the current connection, if any, is told (a new one subscribes to what is
    /// wanted by itself). The server's confirmations arrive later, as pushes.
    pub fn change_subscriptions(self: &Arc<Self>, mode: Mode, names: &[Vec<u8>], subscribe: bool) -> Result<(), String> {
        let Some(pubsub) = &self.pubsub else {
            return Err("subscribing needs protocol RESP3: messages arrive on the client's own connection".into());
        };
        if self.is_closed() {
            return Err("the client is closed".into());
        }
        pubsub.change(mode, names, subscribe);
        self.send_subscription_commands(mode, names, subscribe);
        self.start_subscription_check();
        Ok(())
    }

    /// Starts the periodic subscription check ([`crate::pubsub_check`]) of a client with pub/sub
    /// in use: made with a subscription configuration, or subscribing now.
    pub fn start_subscription_check(self: &Arc<Self>) {
        crate::pubsub_check::start(self);
    }

    fn send_subscription_commands(&self, mode: Mode, names: &[Vec<u8>], subscribe: bool) {
        if let Link::Ready(conn) = &self.link.lock().link {
            // Broken: the reconnect subscribes.
            let _ = conn.send_pushed_commands(&crate::pubsub::subscription_commands(mode, names, subscribe));
        }
    }

    /// The client's pub/sub state, if it was made with subscriptions.
    pub fn pubsub(&self) -> Option<&Arc<PubSub>> {
        self.pubsub.as_ref()
    }

    /// A client for one node of a cluster: its outcomes go to `node_owner`, and it
    /// does not count as a client of its own in the statistics.
    pub(crate) fn for_node(config: ClientConfig, node_owner: std::sync::Weak<dyn NodeOwner>) -> Arc<Client> {
        Client::build(config, Some(node_owner), None)
    }

    /// A replica of a standalone client given several addresses (see [`replicas`]).
    fn for_replica(config: ClientConfig) -> Arc<Client> {
        let mut client = Client::build(config, None, None);
        // Invariant: `build` returns a new `Arc` and keeps no clone nor `Weak` of it (it spawns
        // nothing), so this is the only pointer and `get_mut` succeeds.
        Arc::get_mut(&mut client).expect("just built").serves_another = true;
        client
    }

    fn build(config: ClientConfig, node_owner: Option<std::sync::Weak<dyn NodeOwner>>, pubsub: Option<Arc<PubSub>>) -> Arc<Client> {
        Arc::new(Client {
            node_owner,
            database_id: AtomicI64::new(config.database_id),
            config,
            inflight: AtomicUsize::new(0),
            closed: AtomicBool::new(false),
            link: Mutex::new(LinkState { link: Link::Idle, generation: 0, waiting: VecDeque::new() }),
            waiting_changed: Notify::new(),
            closing: Notify::new(),
            password_epoch: std::sync::atomic::AtomicU64::new(0),
            retry_now: Notify::new(),
            pubsub,
            zone: Mutex::new(None),
            replicas: std::sync::OnceLock::new(),
            serves_another: false,
        })
    }

    /// `host:port` of the (first) address, for log lines.
    pub(crate) fn address(&self) -> String {
        match self.config.addresses.first() {
            Some((host, port)) => format!("{host}:{port}"),
            None => String::new(),
        }
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

    /// Whether the client has a live connection now (not closed, not reconnecting).
    pub fn is_connected(&self) -> bool {
        matches!(self.link.lock().link, Link::Ready(_))
    }

    /// Whether the client is trying to (re)connect now: its connection was lost, or a lazy
    /// client's first one is being opened. Not for an idle lazy client, which has not tried yet.
    pub fn is_reconnecting(&self) -> bool {
        matches!(self.link.lock().link, Link::Connecting { .. })
    }

    /// One line for logs: address, database, protocol, connection state, requests in flight.
    pub fn describe(&self) -> String {
        let (host, port) = &self.config.addresses[0];
        let state = match &self.link.lock().link {
            Link::Idle => "not connected yet (lazy)".to_string(),
            Link::Connecting { attempt, .. } => format!("reconnecting (attempt {attempt})"),
            Link::Ready(_) => "connected".to_string(),
            Link::Closed => "closed".to_string(),
        };
        format!(
            "standalone {host}:{port}, database {}, {:?}, {state}, {} of {} requests in flight",
            self.database_id(),
            self.config.protocol,
            self.inflight(),
            self.config.inflight_limit
        )
    }

    /// The availability zone the server said it is in when the client last connected;
    /// `None` before that, when the configuration did not ask (`learn_zone`), or when the
    /// server has none (Redis, Valkey before 8, no `availability-zone` configured).
    pub fn availability_zone(&self) -> Option<Arc<str>> {
        self.zone.lock().clone()
    }

    pub(crate) fn set_availability_zone(&self, zone: Option<&str>) {
        let mut current = self.zone.lock();
        if current.as_deref() != zone {
            *current = zone.map(Arc::from);
        }
    }

    /// The database the client is on (follows successful `SELECT`s).
    pub fn database_id(&self) -> i64 {
        self.database_id.load(Ordering::Acquire)
    }

    /// Connects for the first time (unless the client is lazy) and pushes the
    /// result as completion `request_id`: `OK` or a connection error.
    pub fn start(self: &Arc<Self>, request_id: i64) -> Result<(), String> {
        let rt = runtime::get()?;
        let client = Arc::clone(self);
        rt.spawn(async move {
            let outcome = client.initial_connect().await;
            if let (Outcome::Ok, Some(replicas)) = (&outcome, client.replicas.get()) {
                replicas.first_attempts().await;
            }
            completion::push(outcome.into_completion(request_id));
        });
        Ok(())
    }

    pub(crate) async fn initial_connect(self: &Arc<Self>) -> Outcome {
        if self.config.lazy_connect {
            return Outcome::Ok;
        }
        let generation = {
            let mut state = self.link.lock();
            match state.link {
                Link::Closed => return closing_outcome(),
                // A send got there first (a cluster's node is asked to subscribe as soon as
                // it is named): its reconnect installed a connection, which must stay the only one.
                Link::Ready(_) => return Outcome::Ok,
                // Its reconnect is under way; whichever of the two connects first is installed.
                Link::Connecting { .. } => {}
                Link::Idle => state.link = Link::Connecting { attempt: 0, last_error: None },
            }
            state.generation
        };
        let result = tokio::select! {
            r = connect::open(self, generation + 1) => r,
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
                // Java fails createClient and closes the client. A connection another path
                // installed meanwhile stays: leaving it for Idle would let the next send open a
                // second one while this one still runs (a subscribed node would deliver twice).
                if matches!(state.link, Link::Connecting { .. }) && state.generation == generation {
                    state.link = Link::Idle;
                }
                Outcome::Failed(Failure::Connection, message)
            }
        }
    }

    /// Makes `conn` the live connection if nothing changed since `expected`,
    /// and sends the requests that waited for it, in order.
    fn install(&self, conn: Connection, expected: u64) -> bool {
        let mut state = self.link.lock();
        if matches!(state.link, Link::Closed) || state.generation != expected {
            drop(state);
            for entry in conn.shutdown("superseded") {
                self.finished(&entry, closing_outcome());
            }
            return false;
        }
        state.generation = conn.generation();
        // Never more than one live connection: one being replaced (none should be, the
        // generation says who may install) is shut down, not left reading on its own.
        let replaced = match std::mem::replace(&mut state.link, Link::Ready(conn.clone())) {
            Link::Ready(old) => Some(old),
            _ => None,
        };
        stats::connection_opened();
        if let Some(pubsub) = &self.pubsub {
            // Subscribe the new connection to everything wanted; the confirmations arrive as
            // pushes, a refusal as an error reply.
            pubsub.connection_lost();
            let commands = pubsub.subscribe_commands();
            if !commands.is_empty() {
                let _ = conn.send_pushed_commands(&commands);
            }
        }
        let waiting = std::mem::take(&mut state.waiting);
        // Still under the lock: nobody can send ahead of the requests that waited.
        let mut refused = Vec::new();
        for w in waiting {
            let entries = std::iter::once(w.entry).chain(w.more);
            if let Err((entries, reason)) = conn.send_many(entries, &w.packed, w.skipped) {
                refused.extend(entries.map(|entry| (entry, reason.clone())));
            }
        }
        drop(state);
        for (entry, reason) in refused {
            self.finished(&entry, Outcome::Failed(Failure::Connection, reason));
        }
        if let Some(old) = replaced {
            stats::connection_closed();
            let reason = "connection replaced by a newer one";
            for entry in old.shutdown(reason) {
                self.finished(&entry, Outcome::Failed(Failure::Connection, reason.to_string()));
            }
        }
        if let Some(owner) = self.node_owner.as_ref().and_then(|r| r.upgrade()) {
            owner.node_link_changed(&self.config.addresses[0], true);
        }
        true
    }

    /// Starts `request`, or refuses it at once.
    pub fn submit(self: &Arc<Self>, request: Request) -> Result<(), Rejection> {
        let Request { id, packed, timeout, expect, bulk_as, selects_database } = request;
        if self.config.refuse_writes {
            if let Some(refusal) = refused_in_read_only_mode(&packed) {
                completion::push(Outcome::Failed(Failure::Request, refusal).into_completion(id));
                return Ok(());
            }
        }
        if let Some(reader) = self.replicas.get().and_then(|r| r.reader_for(&packed, self)) {
            return reader.submit(Request { id, packed, timeout, expect, bulk_as, selects_database });
        }
        let head = RequestHead { id, timeout, expect, bulk_as, selects_database };
        self.submit_with(head, Cow::Owned(packed), 0)
    }

    /// [`Client::submit`] for a part of a cluster request: the caller keeps the
    /// command (it may have to send it elsewhere after a redirect), so it is
    /// copied only if it has to wait for a connection. `packed` may start with
    /// `skipped` commands whose replies are dropped (`ASKING`, `MULTI`...).
    pub(crate) fn submit_part(
        self: &Arc<Self>,
        head: RequestHead,
        packed: &[u8],
        skipped: usize,
    ) -> Result<(), Rejection> {
        self.submit_with(head, Cow::Borrowed(packed), skipped)
    }

    fn submit_with(self: &Arc<Self>, request: RequestHead, packed: Cow<'_, [u8]>, skipped: usize) -> Result<(), Rejection> {
        self.admit()?;
        let entry = Entry {
            id: request.id,
            expect: request.expect,
            bulk_as: request.bulk_as,
            deadline: request.timeout.map(|t| Instant::now() + t),
            timeout: request.timeout,
            selects_database: request.selects_database,
            reply_for: ReplyFor::Owner,
            gather: None,
        };
        self.send_entries(entry, Vec::new(), packed, skipped)
    }

    /// Starts a batch (see [`crate::batch`]): one request for the inflight limit,
    /// one write, and one completion `id` with every command's reply.
    pub fn submit_batch(self: &Arc<Self>, id: i64, spec: BatchSpec, timeout: Option<Duration>, bulk_as: BulkAs) -> Result<(), Rejection> {
        self.admit()?;
        let gather = Arc::new(Gather::new(id, &spec, bulk_as));
        let deadline = timeout.map(|t| Instant::now() + t);
        let entry = |index: usize, expect: Expect| Entry {
            id,
            expect,
            bulk_as,
            deadline,
            timeout,
            selects_database: None,
            reply_for: ReplyFor::Owner,
            gather: Some(GatherSlot { gather: Arc::clone(&gather), index }),
        };
        if spec.atomic {
            // One reply, EXEC's, after MULTI's and the QUEUEDs; the batch shapes its elements.
            let first = entry(0, Expect::Natural);
            self.send_entries(first, Vec::new(), Cow::Owned(spec.transaction_bytes()), spec.queued_replies())
        } else {
            let mut entries = spec.commands.iter().enumerate().map(|(i, c)| entry(i, c.expect));
            // Invariant: `BatchSpec::parse` refuses an empty pipeline (only a transaction may be
            // empty, and this is not one): one entry per command, so at least one.
            let first = entries.next().expect("a batch has commands");
            let more: Vec<Entry> = entries.collect();
            self.send_entries(first, more, Cow::Owned(spec.pipeline_bytes()), 0)
        }
    }

    /// Counts a new request in flight, or refuses it (closed, or at the limit).
    fn admit(&self) -> Result<(), Rejection> {
        if self.is_closed() {
            return Err(Rejection::Closed);
        }
        let limit = self.config.inflight_limit;
        if self.inflight.fetch_add(1, Ordering::AcqRel) >= limit {
            self.inflight.fetch_sub(1, Ordering::AcqRel);
            crate::logging::events::inflight_limit(limit, || self.address());
            return Err(Rejection::InflightLimit(limit));
        }
        Ok(())
    }

    /// Sends an admitted request's entries (`more` follow `entry`, for a pipeline), or queues
    /// them until there is a connection.
    fn send_entries(self: &Arc<Self>, entry: Entry, more: Vec<Entry>, packed: Cow<'_, [u8]>, skipped: usize) -> Result<(), Rejection> {
        let (mut entry, mut more) = (entry, more);
        // A connection can break between our look at it and our send; then the request
        // waits for the reconnect, as one sent a moment later would. Bounded: a new
        // connection breaking again at once is a failure.
        for _ in 0..3 {
            let conn = {
                let mut state = self.link.lock();
                match &state.link {
                    Link::Ready(conn) => conn.clone(),
                    Link::Closed => {
                        drop(state);
                        self.inflight.fetch_sub(1, Ordering::AcqRel);
                        return Err(Rejection::Closed);
                    }
                    Link::Idle | Link::Connecting { .. } => {
                        if matches!(state.link, Link::Idle) {
                            state.link = Link::Connecting { attempt: 0, last_error: None };
                            self.spawn_reconnect(state.generation);
                        }
                        state.waiting.push_back(Waiting { entry, more, packed: packed.into_owned(), skipped });
                        drop(state);
                        self.waiting_changed.notify_one();
                        return Ok(());
                    }
                }
            };
            let entries = std::iter::once(entry).chain(more);
            match conn.send_many(entries, &packed, skipped) {
                Ok(()) => return Ok(()),
                Err((mut entries, reason)) => {
                    self.connection_broken(conn.generation(), &reason);
                    // Invariant: `send_many` returns its iterator untouched when it fails (it
                    // checks the connection before taking any entry), and it held `entry` first.
                    entry = entries.next().expect("the entries come back whole");
                    more = entries.collect();
                    if self.is_closed() {
                        break;
                    }
                }
            }
        }
        let outcome = || match self.is_closed() {
            true => closing_outcome(),
            false => Outcome::Failed(Failure::Connection, "the connection broke at every attempt to send".into()),
        };
        for entry in std::iter::once(&entry).chain(&more) {
            self.finished(entry, outcome());
        }
        Ok(())
    }

    /// Writes `commands` on the current connection: commands answered by pushes
    /// (SUBSCRIBE...), see [`Connection::send_pushed_commands`]. False when there
    /// is no connection now. An idle (lazy) client starts connecting, so that it
    /// will report `node_link_changed`.
    pub(crate) fn send_pushed_commands(self: &Arc<Self>, commands: &[Vec<u8>]) -> bool {
        let mut state = self.link.lock();
        match &state.link {
            Link::Ready(conn) => conn.send_pushed_commands(commands).is_ok(),
            Link::Idle => {
                state.link = Link::Connecting { attempt: 0, last_error: None };
                self.spawn_reconnect(state.generation);
                false
            }
            _ => false,
        }
    }

    /// An idle client starts its reconnect loop: attempts, with the configured backoff, until
    /// one succeeds or the client closes. For a replica whose first attempt failed: nothing
    /// is ever sent to a replica that is not connected, so nothing else would reconnect it.
    pub(crate) fn connect_in_background(self: &Arc<Self>) {
        let mut state = self.link.lock();
        if matches!(state.link, Link::Idle) {
            state.link = Link::Connecting { attempt: 0, last_error: None };
            self.spawn_reconnect(state.generation);
        }
    }

    /// [`Connection::hold_writes`] on the current connection, if there is one.
    pub(crate) fn hold_writes(&self) -> Option<connection::WriteHold> {
        match &self.link.lock().link {
            Link::Ready(conn) => conn.hold_writes(),
            _ => None,
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

    /// A reconnect waiting out its backoff tries again now (and so do this client's replicas'):
    /// a cluster client's `updateConnectionPassword(pw, true)` asks it of every node, so that the
    /// AUTH it sends finds them connected with `pw` (valkey-glide's cluster behaviour). Not done
    /// for a plain password change: valkey-glide's reconnect keeps its schedule then.
    pub fn reconnect_now(&self) {
        self.password_epoch.fetch_add(1, Ordering::AcqRel);
        self.retry_now.notify_waiters();
        if let Some(replicas) = self.replicas.get() {
            replicas.reconnect_now();
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

    /// Connection `generation` broke: start reconnecting.
    fn connection_broken(self: &Arc<Self>, generation: u64, reason: &str) {
        let mut state = self.link.lock();
        if state.generation != generation || !matches!(state.link, Link::Ready(_)) {
            return; // already reconnecting, closed, or about an older connection
        }
        state.link = Link::Connecting { attempt: 0, last_error: Some(reason.to_string()) };
        stats::connection_closed();
        if let Some(pubsub) = &self.pubsub {
            pubsub.connection_lost();
        }
        tracing::warn!(target: "glide.connection", "connection to {} lost: {reason}; reconnecting", self.address());
        self.spawn_reconnect(generation);
        drop(state);
        // Outside the link lock: the cluster may lock its own state and then other nodes'.
        if let Some(owner) = self.node_owner.as_ref().and_then(|r| r.upgrade()) {
            owner.node_link_changed(&self.config.addresses[0], false);
        }
    }

    /// Runs the reconnect loop that replaces connection `generation`.
    /// Called with the link lock held and the link set to `Connecting`.
    fn spawn_reconnect(self: &Arc<Self>, generation: u64) {
        let Ok(rt) = runtime::get() else { return };
        let client = Arc::clone(self);
        rt.spawn(async move { client.reconnect(generation).await });
    }

    async fn reconnect(self: Arc<Self>, generation: u64) {
        let mut attempt: u32 = 0;
        // The password epoch the last attempt used (see `reconnect_now`).
        let mut tried_with = self.password_epoch.load(Ordering::Acquire);
        loop {
            let delay = self.config.backoff.delay(attempt, backoff::jitter_random());
            let previous = tried_with;
            let connecting = async {
                // A password set since the last attempt (a rotation during an outage) is tried
                // at once, not after the backoff that the refusals of the old one grew.
                let woken = self.retry_now.notified();
                tokio::pin!(woken);
                woken.as_mut().enable();
                if self.password_epoch.load(Ordering::Acquire) == previous {
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = woken => {}
                    }
                }
                let epoch = self.password_epoch.load(Ordering::Acquire);
                (epoch, connect::open(&self, generation + 1).await)
            };
            tokio::pin!(connecting);
            let (epoch, result) = loop {
                let changed = self.waiting_changed.notified();
                tokio::pin!(changed);
                changed.as_mut().enable();
                let deadline = self.earliest_waiting_deadline();
                tokio::select! {
                    _ = self.closed_signal() => return,
                    r = &mut connecting => break r,
                    _ = sleep_until_opt(deadline), if deadline.is_some() => self.expire_waiting(),
                    _ = &mut changed => {}
                }
            };
            tried_with = epoch;
            match result {
                Ok(conn) => {
                    if self.install(conn, generation) {
                        // At the level of the "lost" line, so that a log kept at WARN (the
                        // default) shows the outage's end next to its start.
                        match attempt {
                            0 => tracing::warn!(target: "glide.connection", "reconnected to {}", self.address()),
                            n => tracing::warn!(target: "glide.connection", "reconnected to {} after {n} failed attempts", self.address()),
                        }
                    }
                    return;
                }
                Err(message) => {
                    if self.gives_up_first_connection(generation, &message) {
                        return;
                    }
                    attempt = attempt.saturating_add(1);
                    tracing::debug!(target: "glide.connection", "reconnect attempt {attempt} to {} failed: {message}", self.address());
                    let mut state = self.link.lock();
                    if let Link::Connecting { attempt: a, last_error } = &mut state.link {
                        *a = attempt;
                        *last_error = Some(message);
                    } else {
                        return;
                    }
                }
            }
        }
    }

    /// A lazy standalone client whose first connection is refused for its credentials does
    /// not retry them until the requests time out: the waiting requests fail now with a
    /// `RequestException` naming the refusal, and the client is idle again, so that its next
    /// command tries once more (with the password `updateConnectionPassword` may have set
    /// meanwhile). valkey-glide 2.3.1 does the same: it does not retry a NOAUTH or WRONGPASS.
    /// A client that was connected once keeps reconnecting, as after any loss, and so does a
    /// cluster's node: its failure is what makes the cluster look again.
    fn gives_up_first_connection(&self, generation: u64, message: &str) -> bool {
        // `generation` 0: no connection was ever installed.
        if generation != 0 || !self.config.lazy_connect || self.node_owner.is_some() || !connect::is_refused_credentials(message) {
            return false;
        }
        let waiting = {
            let mut state = self.link.lock();
            if !matches!(state.link, Link::Connecting { .. }) {
                return false;
            }
            state.link = Link::Idle;
            std::mem::take(&mut state.waiting)
        };
        for w in waiting {
            for entry in std::iter::once(&w.entry).chain(&w.more) {
                self.finished(entry, Outcome::Failed(Failure::Request, message.to_string()));
            }
        }
        true
    }

    fn earliest_waiting_deadline(&self) -> Option<Instant> {
        self.link.lock().waiting.iter().filter_map(|w| w.entry.deadline).min()
    }

    /// Fails the waiting requests whose deadline passed with a connection error.
    fn expire_waiting(&self) {
        let now = Instant::now();
        let expired: Vec<Waiting> = {
            let mut state = self.link.lock();
            let (gone, kept): (VecDeque<_>, VecDeque<_>) =
                state.waiting.drain(..).partition(|w| w.entry.deadline.is_some_and(|d| d <= now));
            state.waiting = kept;
            gone.into_iter().collect()
        };
        if expired.is_empty() {
            return;
        }
        // Timed out waiting for a connection: for a standalone client a timeout, as in
        // valkey-glide, whose message says what the client was doing meanwhile. A cluster's
        // node reports a connection failure: that is what makes the cluster refresh its slot
        // map and retry elsewhere (a failover).
        let state = self.not_connected_message();
        for w in expired {
            for entry in std::iter::once(&w.entry).chain(&w.more) {
                let outcome = match self.node_owner {
                    Some(_) => Outcome::Failed(Failure::Connection, state.clone()),
                    None => {
                        let ms = entry.timeout.unwrap_or_default().as_millis();
                        Outcome::Failed(Failure::Timeout, format!("request timed out after {ms} ms ({state})"))
                    }
                };
                self.finished(entry, outcome);
            }
        }
    }

    /// Fails everything pending with a closing error and drops the connection.
    /// Safe to call more than once.
    pub fn close(&self) {
        if self.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        if let Some(replicas) = self.replicas.get() {
            replicas.close();
        }
        // A closed client no longer counts, whether or not its handle is freed yet.
        if self.node_owner.is_none() && !self.serves_another {
            stats::client_released();
            // A cluster's nodes share the cluster's tokens: only the client itself stops them.
            if let Some(tokens) = &self.config.iam {
                tokens.stop();
            }
        }
        let (previous, waiting) = {
            let mut state = self.link.lock();
            (std::mem::replace(&mut state.link, Link::Closed), std::mem::take(&mut state.waiting))
        };
        if let Link::Ready(conn) = previous {
            stats::connection_closed();
            for entry in conn.shutdown("the client is closed") {
                self.finished(&entry, closing_outcome());
            }
        }
        for w in waiting {
            for entry in std::iter::once(&w.entry).chain(&w.more) {
                self.finished(entry, closing_outcome());
            }
        }
        self.closing.notify_waiters();
        self.waiting_changed.notify_one();
        if let Some(pubsub) = &self.pubsub {
            pubsub.close();
        }
    }

    /// Lets the calling thread read replies while it waits (see
    /// `Connection::help_read`). `false`: not connected, or someone else is reading.
    pub fn help_read(self: &Arc<Self>, request_id: i64, timeout: Duration) -> bool {
        let conn = match &self.link.lock().link {
            Link::Ready(conn) => Some(conn.clone()),
            _ => None,
        };
        let owner: std::sync::Weak<dyn ConnectionOwner> = Arc::downgrade(self) as std::sync::Weak<dyn ConnectionOwner>;
        if conn.is_some_and(|conn| conn.help_read(&owner, request_id, timeout)) {
            return true;
        }
        // A read may have gone to a replica.
        self.replicas.get().is_some_and(|r| r.help_read(request_id, timeout))
    }

    /// The first connection opened to `primary`: the other addresses get clients of their
    /// own for reads (see [`replicas`]). Only for a standalone client given several.
    pub(crate) fn primary_found(&self, primary: &(String, u16)) {
        if self.node_owner.is_none() && !self.serves_another && self.config.addresses.len() > 1 && !self.is_closed() {
            self.replicas.get_or_init(|| replicas::Replicas::connect(&self.config, primary, self.database_id()));
        }
    }

}

impl Client {
    /// A batch command's result: the batch completes (and leaves the inflight
    /// count) with its last reply, or with a failure that ends it.
    fn gathered(&self, slot: &GatherSlot, result: CallResult) -> Option<Completion> {
        let outcome = slot.gather.put(slot.index, result)?;
        if let Some(db) = slot.gather.selected_database() {
            self.database_id.store(db, Ordering::Release);
        }
        self.inflight.fetch_sub(1, Ordering::AcqRel);
        match &self.node_owner {
            None => Some(outcome.into_completion(slot.gather.id)),
            // (Cluster batches gather in the cluster client, not on its nodes.)
            Some(owner) => owner.upgrade()?.finish(slot.gather.id, outcome),
        }
    }
}

impl ConnectionOwner for Client {
    fn address(&self) -> String {
        Client::address(self)
    }

    fn finish(&self, entry: &Entry, outcome: Outcome) -> Option<Completion> {
        if let Some(db) = entry.selects_database {
            if !matches!(outcome, Outcome::Failed(..)) {
                self.database_id.store(db, Ordering::Release);
            }
        }
        // A batch's command: the batch completes (and leaves the inflight count) with its last reply.
        if let Some(slot) = &entry.gather {
            return self.gathered(slot, outcome.into_value());
        }
        // A request that failed because its connection went while the client was closing
        // failed because of the close: it says so, as every other one of a closed client does.
        let outcome = match outcome {
            Outcome::Failed(Failure::Connection, _) if self.is_closed() => closing_outcome(),
            other => other,
        };
        // Release the slot first: Java may submit again as soon as it sees the completion.
        self.inflight.fetch_sub(1, Ordering::AcqRel);
        match &self.node_owner {
            None => Some(outcome.into_completion(entry.id)),
            // An owner that is gone has nobody left to tell; the outcome is just dropped.
            Some(owner) => owner.upgrade()?.finish(entry.id, outcome),
        }
    }

    fn finish_gathered(&self, entry: &Entry, result: CallResult) -> Option<Completion> {
        match &entry.gather {
            Some(slot) => self.gathered(slot, result),
            None => self.finish(entry, Outcome::from_value(result.unwrap_or_else(|(_, m)| Value::ServerError(m)), entry.expect, entry.bulk_as)),
        }
    }

    fn broken(self: Arc<Self>, generation: u64, reason: &str) {
        self.connection_broken(generation, reason);
    }

    fn pushed_command_refused(&self, message: &str) {
        crate::pubsub::subscription_refused(message);
    }

    fn pushed(&self, frame: &[u8]) {
        if let Some(pubsub) = &self.pubsub {
            pubsub.pushed(frame);
        } else if let Some(owner) = self.node_owner.as_ref().and_then(|r| r.upgrade()) {
            owner.pushed(&self.config.addresses[0], frame);
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.close();
    }
}

async fn sleep_until_opt(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

fn closing_outcome() -> Outcome {
    Outcome::Failed(Failure::Closing, "the client is closed".into())
}

impl crate::pubsub_check::Resync for Client {
    fn pubsub_state(&self) -> Option<&Arc<PubSub>> {
        self.pubsub.as_ref()
    }

    /// Asks the live connection, if any, for what is wanted and not confirmed, and to drop what
    /// is confirmed and no longer wanted (a reconnect does both by itself).
    fn resync(&self) {
        let Some(pubsub) = &self.pubsub else { return };
        let (wanted, confirmed) = pubsub.subscriptions();
        for mode in Mode::ALL {
            let m = mode as usize;
            let missing: Vec<Vec<u8>> = wanted[m].difference(&confirmed[m]).cloned().collect();
            let extra: Vec<Vec<u8>> = confirmed[m].difference(&wanted[m]).cloned().collect();
            if !missing.is_empty() {
                self.send_subscription_commands(mode, &missing, true);
            }
            if !extra.is_empty() {
                self.send_subscription_commands(mode, &extra, false);
            }
        }
    }
}
