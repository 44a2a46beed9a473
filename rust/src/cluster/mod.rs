//! A cluster client: routes each command to the node that serves it.
//!
//! # Shape
//! Each node is a standalone [`Client`] (one multiplexed connection, with its
//! own reconnect loop) whose outcomes are relayed here instead of going to Java.
//! The slot map comes from `CLUSTER SLOTS`, read over a short-lived connection
//! from any known node, and is replaced whole on each refresh.
//!
//! # Life of a request
//! [`ClusterClient::submit`] plans the request on the caller's thread: one node
//! (by key slot, route or at random), several nodes (a route or the command's
//! request policy: all primaries, all nodes) or one part per slot (a multi-key
//! command whose keys span slots). Each part is sent to its node under an
//! internal id; when the last part's outcome comes back the parts are combined
//! (by the command's response policy) and the request completes once.
//!
//! # Redirects and changes
//! `MOVED` sends the part again to the node named and schedules a refresh of the
//! slot map; `ASK` sends it again to the node named, preceded by `ASKING`,
//! without a refresh. A connection error or a slot nobody serves also schedule
//! a refresh. Refreshes are coalesced and also run periodically.
//! A request that keeps being redirected fails after [`MAX_REDIRECTS`].
//! `CLUSTERDOWN`, `TRYAGAIN` and `MASTERDOWN` send the part again after a wait,
//! as valkey-glide does (see [`retry`]).
//!
//! # Files
//! This file holds the client's state and its public types; each job has a file:
//! - `topology.rs`: reading the slot map (at start, on demand, periodically) and installing it;
//! - `nodes.rs`: the node registry, one standalone [`Client`] per node;
//! - `request.rs`: a request's way: admitted, planned, sent in parts, the parts' outcomes gathered;
//! - `plan.rs`: where a command goes: its node(s), and a multi-key command cut per slot;
//! - `redirect.rs`: what a node's outcome for a part leads to: `MOVED`/`ASK` followed, or the end;
//! - [`retry`]: a part sent again after a wait (`CLUSTERDOWN`, `LOADING`, a batch's lost connection);
//! - `combine.rs`: the parts' replies made one by the command's response policy;
//! - `batch.rs`: pipelines and transactions;
//! - `pubsub.rs`: which node holds each subscription, kept so as the topology changes;
//! - `call.rs`: the core's own requests (the cluster [`scan`]'s steps);
//! - `lazy.rs`: a lazy client's commands waiting for the first slot map.

mod batch;
mod call;
mod combine;
pub mod commands;
mod command_table;
mod lazy;
mod nodes;
mod plan;
mod pubsub;
mod redirect;
mod request;
pub mod retry;
pub mod scan;
pub mod slots;
mod topology;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::{Mutex, RwLock};
use tokio::sync::Notify;

use crate::client::{Client, ClientConfig, Protocol};
use crate::completion;
use crate::fast_hash::FastMap;
use crate::pubsub::{Overflow, PubSub};
use crate::reply::{BulkAs, Failure, Outcome};
use crate::shape::Expect;
use crate::stats;
use pubsub::NodeSubscriptions;
use request::Part;
use slots::{Address, SlotMap};
use topology::RefreshState;

pub use batch::BatchRetry;
pub use redirect::MAX_REDIRECTS;
pub use topology::DEFAULT_TOPOLOGY_INTERVAL;

/// Where reads may go (shared with standalone clients that have replicas).
pub use crate::client::config::ReadFrom;

#[derive(Debug, Clone)]
pub struct ClusterConfig {
    /// Seeds in `addresses`; credentials, timeouts, protocol, backoff apply to every node.
    pub base: ClientConfig,
    pub read_from: ReadFrom,
    /// How often the slot map is read again when nothing prompts it.
    pub topology_interval: Duration,
}

/// Where a request goes (Java's routes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The command's own routing: its key's slot, or its request policy.
    Default,
    Random,
    AllNodes,
    AllPrimaries,
    Slot { slot: u16, replica: bool },
    Address(Address),
}

pub struct ClusterRequest {
    pub id: i64,
    pub packed: Vec<u8>,
    pub timeout: Option<Duration>,
    pub expect: Expect,
    pub bulk_as: BulkAs,
    pub route: Route,
    /// The database a `SELECT` asks for: once it succeeds, nodes reconnect to it and nodes met
    /// later connect to it.
    pub selects_database: Option<i64>,
}

pub struct ClusterClient {
    config: ClusterConfig,
    me: Weak<ClusterClient>,
    topology: RwLock<Arc<SlotMap>>,
    nodes: Mutex<FastMap<Address, Arc<Client>>>,
    parts: Mutex<FastMap<i64, Part>>,
    inflight: AtomicUsize,
    closed: AtomicBool,
    refresh: Mutex<RefreshState>,
    closing: Notify,
    /// Spreads keyless commands and replica reads.
    rotation: AtomicUsize,
    /// Subscriptions and their backlog (RESP3 clients).
    pubsub: Option<Arc<PubSub>>,
    /// Per node: the subscriptions sent to its current connection, and those it confirmed.
    node_subscriptions: Mutex<HashMap<Address, NodeSubscriptions>>,
    /// A later topology read is planned for subscriptions not made yet.
    resync_scheduled: AtomicBool,
    /// The database new node connections select: the configured one, then that of the last
    /// `SELECT` that succeeded on every node. (Each node's client keeps its own for reconnects.)
    database_id: AtomicI64,
    /// Whether commands wait for the slot map (a lazy client before its first one).
    slot_map_wait: lazy::SlotMapWait,
}

impl ClusterClient {
    /// Validates `config` and creates a client that knows no node yet.
    pub fn new(config: ClusterConfig) -> Result<Arc<ClusterClient>, String> {
        ClusterClient::with_pubsub(config, None)
    }

    /// [`ClusterClient::new`] with subscriptions: each is made on the primary of its name's
    /// slot (where a sharded one must be), made again wherever that changes (failover, slot
    /// migration, reconnect), and its messages go to the backlog.
    pub fn with_pubsub(config: ClusterConfig, pubsub: Option<Arc<PubSub>>) -> Result<Arc<ClusterClient>, String> {
        config.base.validate()?;
        if pubsub.is_some() && config.base.protocol != Protocol::Resp3 {
            return Err("subscriptions need RESP3 (protocol RESP3): messages arrive on the client's own connections".into());
        }
        let pubsub = pubsub.or_else(|| {
            (config.base.protocol == Protocol::Resp3)
                .then(|| Arc::new(PubSub::new(Default::default(), crate::pubsub::DEFAULT_BACKLOG_LIMIT, Overflow::DropOldest)))
        });
        // A database other than 0 needs a server with several per node (Valkey 9's
        // cluster-databases); the first topology read's handshake selects it, so a server without
        // it fails the client's start (query_once).
        stats::client_created();
        let database_id = AtomicI64::new(config.base.database_id);
        let lazy_connect = config.base.lazy_connect;
        Ok(Arc::new_cyclic(|me| ClusterClient {
            database_id,
            config,
            me: me.clone(),
            topology: RwLock::new(Arc::new(SlotMap::default())),
            nodes: Mutex::new(FastMap::default()),
            parts: Mutex::new(FastMap::default()),
            inflight: AtomicUsize::new(0),
            closed: AtomicBool::new(false),
            refresh: Mutex::new(RefreshState::default()),
            closing: Notify::new(),
            rotation: AtomicUsize::new(0),
            pubsub,
            node_subscriptions: Mutex::new(HashMap::new()),
            resync_scheduled: AtomicBool::new(false),
            slot_map_wait: if lazy_connect { lazy::SlotMapWait::on_first_command() } else { lazy::SlotMapWait::ready() },
        }))
    }

    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    pub fn inflight(&self) -> usize {
        self.inflight.load(Ordering::Acquire)
    }

    /// One line for logs: the primaries and how many are connected, requests in flight.
    pub fn describe(&self) -> String {
        let map = self.slot_map();
        let nodes = self.nodes.lock();
        let primaries: Vec<String> = map.shards().iter().map(|s| s.primary.to_string()).collect();
        let connected = map.shards().iter().filter(|s| nodes.get(&s.primary).is_some_and(|c| c.is_connected())).count();
        format!(
            "cluster of {} primaries [{}], {connected} connected, {} node connections, {:?}, {}, {} of {} requests in flight",
            primaries.len(),
            primaries.join(", "),
            nodes.len(),
            self.config.base.protocol,
            if self.is_closed() { "closed" } else { "open" },
            self.inflight(),
            self.config.base.inflight_limit
        )
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// Lets a Java thread waiting for request `id` read the reply itself from
    /// its node's connection (see `Client::help_read`), for up to `timeout`.
    /// False when the request is not sent whole to one node, or is done.
    pub fn help_read(&self, id: i64, timeout: Duration) -> bool {
        let Some(node) = self.parts.lock().get(&id).map(|part| part.node.clone()) else {
            return false;
        };
        let Some(client) = self.nodes.lock().get(&node).cloned() else {
            return false;
        };
        client.help_read(id, timeout)
    }

    /// Fails everything pending with a closing error and closes every node. Idempotent.
    pub fn close(&self) {
        if self.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        stats::client_released();
        if let Some(tokens) = &self.config.base.iam {
            tokens.stop();
        }
        let nodes: Vec<Arc<Client>> = self.nodes.lock().drain().map(|(_, c)| c).collect();
        for node in nodes {
            node.close(); // pending parts come back through `NodeOwner::finish` as closing errors
        }
        // Parts that were never handed to a node (none normally) complete too.
        self.fail_commands_waiting_for_slot_map();
        let leftovers: Vec<Part> = self.parts.lock().drain().map(|(_, p)| p).collect();
        for part in leftovers {
            if let Some(c) = self.part_done(part, Outcome::Failed(Failure::Closing, "the client is closed".into())) {
                completion::push(c);
            }
        }
        self.closing.notify_waiters();
    }
}

impl Drop for ClusterClient {
    fn drop(&mut self) {
        self.close();
    }
}
