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

pub mod commands;
mod command_table;
mod lazy;
pub mod retry;
pub mod scan;
pub mod slots;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::{Mutex, RwLock};
use tokio::sync::{oneshot, Notify};
use tokio::time::Instant;

use crate::batch::{BatchSpec, CallResult, Gather};
use crate::client::connect::query_once;
use crate::client::{Client, ClientConfig, Protocol, Rejection, Relay, RequestHead};
use crate::pubsub::{subscription_commands, ByMode, Mode, Overflow, PubSub, Push};
use crate::completion::{self, Completion};
use crate::reply::{BulkAs, Failure, Outcome};
use crate::resp::{self, Value};
use crate::shape::{self, Expect};
use crate::{runtime, stats};
use commands::{RequestPolicy, ResponsePolicy};
use slots::{Address, SlotMap};

/// `ASKING`, packed: sent just before a command redirected by `ASK`.
const ASKING: &[u8] = b"*1\r\n$6\r\nASKING\r\n";

/// Redirects one request may follow before it fails.
pub const MAX_REDIRECTS: u8 = 5;
/// How often the slot map is read again when nothing prompts it.
pub const DEFAULT_TOPOLOGY_INTERVAL: Duration = Duration::from_secs(60);
/// Pause before the topology is read again for subscriptions waiting for a node.
const RESYNC_DELAY: Duration = Duration::from_millis(500);
/// Minimum time between two topology refreshes.
const REFRESH_SPACING: Duration = Duration::from_millis(100);

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

/// How the parts of a request become its reply.
#[derive(Debug)]
enum Combine {
    /// One part: its reply as it is.
    Single,
    /// Parts of a multi-key command: element `i` of the reply is element
    /// `positions[i].1` of part `positions[i].0`'s array.
    Reorder(Vec<(usize, usize)>),
    Sum,
    Min,
    Max,
    LogicalAnd,
    LogicalOr,
    /// The first reply, once every part succeeded.
    AllSucceeded,
    /// The first success (an error only if every part failed).
    OneSucceeded,
    /// The first success that is not nil (RANDOMKEY: a node may have no keys).
    FirstNonNil,
    /// A map from each node's address to its reply.
    PerNode(Vec<Address>),
    /// The nodes' arrays, one after the other.
    Concat,
    /// The nodes' arrays joined, each distinct element once, in order of first appearance.
    Union,
    /// The nodes' [name, count, ...] arrays (or maps) as one map, counts of a name added up.
    SumCounts,
}


/// Where a request's parts go and how their replies combine.
struct Plan {
    combine: Combine,
    /// Each part's node, and a command of its own when the part is not the whole command.
    parts: Vec<(Address, Option<Vec<u8>>)>,
    /// Whether each node stands for a slot (the command's keys chose it), rather than being
    /// wanted for itself (a fan-out, a named node): a part of the former may go to another
    /// node of its slot's shard (see [`retry`]'s `LOADING`).
    by_slot: bool,
}

/// Where an operation's result goes.
enum Sink {
    /// Java's request of this id: a completion.
    Java(i64),
    /// A step of the core's own work (see [`scan`]): the value, sent once.
    Internal(Mutex<Option<oneshot::Sender<CallResult>>>),
    /// Command `index` of a batch (0: a transaction's `EXEC`).
    Batch { gather: Arc<Gather>, index: usize, retry: BatchRetry },
}

/// What a pipeline's command is sent again after (see `ClusterBatchRetryStrategy` in Java; a
/// transaction ignores it, see [`retry`]). Redirects (`MOVED`, `ASK`) are always followed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchRetry {
    /// `CLUSTERDOWN`, `TRYAGAIN` (a multi-key command during a slot migration), `MASTERDOWN`,
    /// after the wait of [`retry`]: may reorder commands of a slot.
    pub server_error: bool,
    /// A lost connection: may run a command twice, if it reached the server before the loss.
    pub connection_error: bool,
}

/// One request (Java's or the core's own), possibly split into parts.
struct Operation {
    sink: Sink,
    expect: Expect,
    bulk_as: BulkAs,
    combine: Combine,
    results: Mutex<Vec<Option<CallResult>>>,
    remaining: AtomicUsize,
    /// A `SELECT`'s database (see [`ClusterRequest::selects_database`]).
    selects_database: Option<i64>,
    /// [`Plan::by_slot`].
    by_slot: bool,
}

/// One part in flight on one node.
struct Part {
    operation: Arc<Operation>,
    index: usize,
    /// Kept for redirects; shared by the parts that send the same command.
    packed: Arc<Vec<u8>>,
    deadline: Option<Instant>,
    timeout: Option<Duration>,
    node: Address,
    redirects: u8,
    /// Times the part was sent again after a wait (see [`retry`]): `CLUSTERDOWN` and the like,
    /// or a pipeline command's lost connection.
    retries: u8,
    /// Leading commands in `packed` whose replies are dropped (`MULTI`, `QUEUED`...).
    skipped: usize,
}

#[derive(Default)]
struct RefreshState {
    running: bool,
    again: bool,
}

pub struct ClusterClient {
    config: ClusterConfig,
    me: Weak<ClusterClient>,
    topology: RwLock<Arc<SlotMap>>,
    nodes: Mutex<HashMap<Address, Arc<Client>>>,
    parts: Mutex<HashMap<i64, Part>>,
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

/// What one node was asked to subscribe to, and what it confirmed.
#[derive(Default)]
struct NodeSubscriptions {
    sent: ByMode,
    confirmed: ByMode,
}

/// Ids of parts and of the core's own calls are negative, so they never collide
/// with Java's request ids (which a request sent whole keeps).
static NEXT_PART_ID: AtomicI64 = AtomicI64::new(-1);

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
            nodes: Mutex::new(HashMap::new()),
            parts: Mutex::new(HashMap::new()),
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

    /// Whether every primary of the slot map has a live connection now.
    pub fn is_connected(&self) -> bool {
        if self.is_closed() {
            return false;
        }
        let map = self.slot_map();
        let nodes = self.nodes.lock();
        !map.shards().is_empty()
            && map.shards().iter().all(|shard| nodes.get(&shard.primary).is_some_and(|c| c.is_connected()))
    }

    /// Whether some primary's connection is being reopened now.
    pub fn is_reconnecting(&self) -> bool {
        if self.is_closed() {
            return false;
        }
        let map = self.slot_map();
        let nodes = self.nodes.lock();
        map.shards().iter().any(|shard| nodes.get(&shard.primary).is_some_and(|c| c.is_reconnecting()))
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

    /// The nodes that have a client (a connection, or one being made), sorted.
    pub fn node_addresses(&self) -> Vec<Address> {
        let mut all: Vec<Address> = self.nodes.lock().keys().cloned().collect();
        all.sort();
        all
    }

    /// The current slot map.
    pub fn slot_map(&self) -> Arc<SlotMap> {
        Arc::clone(&self.topology.read())
    }

    /// Reads the slot map from the seeds, connects to every primary (and the
    /// replicas when reads may go to them), starts the periodic refresh, and
    /// pushes completion `request_id`: `OK` or a connection error.
    pub fn start(self: &Arc<Self>, request_id: i64) -> Result<(), String> {
        if self.config.base.lazy_connect {
            // The first command reads the slot map and connects the nodes (see `lazy`).
            completion::push(Outcome::Ok.into_completion(request_id));
            return Ok(());
        }
        let rt = runtime::get()?;
        let client = Arc::clone(self);
        rt.spawn(async move {
            let outcome = match client.discover(&client.config.base.addresses.clone()).await {
                Ok(()) => {
                    client.connect_nodes().await;
                    client.spawn_periodic_refresh();
                    Outcome::Ok
                }
                Err(message) => Outcome::Failed(Failure::Connection, message),
            };
            completion::push(outcome.into_completion(request_id));
        });
        Ok(())
    }

    /// Reads `CLUSTER SLOTS` from the first of `candidates` that answers and installs it.
    async fn discover(&self, candidates: &[(String, u16)]) -> Result<(), String> {
        let mut errors = Vec::new();
        for (host, port) in candidates {
            if self.is_closed() {
                return Err("the client is closed".into());
            }
            match query_once(&self.config.base, host, *port, &[b"CLUSTER", b"SLOTS"]).await {
                Ok(Value::ServerError(message)) => errors.push(format!("{host}:{port}: {message}")),
                Ok(reply) => match SlotMap::from_cluster_slots(&reply, &Address::new(host.clone(), *port)) {
                    Ok(map) => {
                        self.install(map);
                        return Ok(());
                    }
                    Err(e) => errors.push(format!("{host}:{port}: {e}")),
                },
                Err(e) => errors.push(e),
            }
        }
        Err(format!("cannot read the cluster's slot map: {}", errors.join("; ")))
    }

    /// Logs how the slot map changed from `old` to the current one: a new
    /// primary for slots that had another one (a failover, or slots moved),
    /// nodes gone. Once per change: an unchanged refresh logs nothing.
    fn log_changes(&self, old: &SlotMap) {
        if !tracing::enabled!(target: "glide.cluster", tracing::Level::WARN) {
            return; // 16384 slots compared for nothing
        }
        let new = self.slot_map();
        if old.shards().is_empty() {
            tracing::info!(target: "glide.cluster", "slot map read: {} shards, {} nodes", new.shards().len(), new.addresses().len());
            return;
        }
        let mut moved = std::collections::BTreeMap::<(String, String), usize>::new();
        for slot in 0..slots::SLOT_COUNT {
            let before = old.shard_of(slot).map(|s| &s.primary);
            let after = new.shard_of(slot).map(|s| &s.primary);
            if before != after {
                let name = |a: Option<&Address>| a.map_or_else(|| "none".to_string(), |a| a.to_string());
                *moved.entry((name(before), name(after))).or_default() += 1;
            }
        }
        let old_primaries: Vec<String> = old.shards().iter().map(|s| s.primary.to_string()).collect();
        for ((from, to), count) in &moved {
            let was_replica = old.shards().iter().any(|s| s.replicas.iter().any(|r| r.to_string() == *to));
            if was_replica && !old_primaries.contains(to) {
                tracing::warn!(target: "glide.cluster", "failover: {to} (a replica) now serves {count} slots that {from} served");
            } else {
                tracing::info!(target: "glide.cluster", "slot map changed: {count} slots moved from {from} to {to}");
            }
        }
        let named = new.addresses();
        for gone in old.addresses().iter().filter(|a| !named.contains(a)) {
            tracing::info!(target: "glide.cluster", "node {gone} left the topology");
        }
    }

    /// Makes `map` current: clients for nodes it names, none for nodes it dropped.
    ///
    /// Every node is connected, replicas too whatever `readFrom` says, as valkey-glide does
    /// (issue 15): a replica promoted by a failover is ready for its first request, a read
    /// finds its replica (and, for AZ affinity, knows its zone), and a route naming a node
    /// finds it connected.
    fn install(&self, map: SlotMap) {
        let wanted = map.addresses();
        let dropped: Vec<Arc<Client>> = {
            let mut nodes = self.nodes.lock();
            for address in &wanted {
                if !nodes.contains_key(address) {
                    let client = self.new_node(address);
                    nodes.insert(address.clone(), client);
                }
            }
            let named = map.addresses();
            let gone: Vec<Address> = nodes.keys().filter(|a| !named.contains(a)).cloned().collect();
            gone.iter().filter_map(|a| nodes.remove(a)).collect()
        };
        let old = std::mem::replace(&mut *self.topology.write(), Arc::new(map));
        self.log_changes(&old);
        for client in dropped {
            client.close();
        }
        self.sync_subscriptions();
    }

    /// The client's pub/sub state (RESP3 clients).
    pub fn pubsub(&self) -> Option<&Arc<PubSub>> {
        self.pubsub.as_ref()
    }

    /// Subscribes to (or unsubscribes from; no names: from all) `names` in `mode`, on the
    /// nodes that serve them. Confirmations arrive later, as pushes.
    pub fn change_subscriptions(self: &Arc<Self>, mode: Mode, names: &[Vec<u8>], subscribe: bool) -> Result<(), String> {
        let Some(pubsub) = &self.pubsub else {
            return Err("subscribing needs protocol RESP3: messages arrive on the client's own connections".into());
        };
        if self.is_closed() {
            return Err("the client is closed".into());
        }
        pubsub.change(mode, names, subscribe); // (the nodes are told below)
        self.sync_subscriptions();
        self.start_subscription_check();
        Ok(())
    }

    /// Starts the periodic subscription check ([`crate::pubsub_check`]) of a client with pub/sub
    /// in use: made with a subscription configuration, or subscribing now.
    pub fn start_subscription_check(self: &Arc<Self>) {
        crate::pubsub_check::start(self);
    }

    /// Makes each node's subscriptions what is wanted of it: a new name on the primary of its
    /// slot (an exact or pattern one then stays where it is while that node lives). Sends the SUBSCRIBEs missing and the UNSUBSCRIBEs for what moved or is no
    /// longer wanted; a node without a connection now is done when it connects.
    fn sync_subscriptions(&self) {
        let Some(pubsub) = &self.pubsub else { return };
        let (wanted, _) = pubsub.subscriptions();
        let map = self.slot_map();
        let nodes = self.nodes.lock().clone();
        let mut by_node = self.node_subscriptions.lock();
        let mut assignment: HashMap<Address, ByMode> = HashMap::new();
        for mode in Mode::ALL {
            let m = mode as usize;
            for name in &wanted[m] {
                // An exact or pattern subscription gets every message on any node: it stays on
                // the node that has it while that node is part of the cluster (moving it would
                // deliver twice what is published during the move). A shard channel must be on
                // its slot's primary.
                let kept = (mode != Mode::Sharded)
                    .then(|| by_node.iter().find(|(node, state)| state.sent[m].contains(name) && nodes.contains_key(*node)))
                    .flatten()
                    .map(|(node, _)| node.clone());
                let node = kept.or_else(|| map.shard_of(slots::slot_of(name)).map(|shard| shard.primary.clone()));
                if let Some(node) = node {
                    assignment.entry(node).or_default()[m].insert(name.clone());
                }
            }
        }
        if assignment.is_empty() && by_node.values().all(|n| n.sent.iter().all(BTreeSet::is_empty)) {
            return;
        }
        for (node, state) in by_node.iter_mut() {
            let keep = assignment.get(node);
            for mode in Mode::ALL {
                let m = mode as usize;
                let gone: Vec<Vec<u8>> =
                    state.sent[m].iter().filter(|n| !keep.is_some_and(|k| k[m].contains(*n))).cloned().collect();
                if gone.is_empty() {
                    continue;
                }
                if let Some(client) = nodes.get(node) {
                    client.send_pushed_commands(&subscription_commands(mode, &gone, false));
                }
                for name in &gone {
                    state.sent[m].remove(name);
                    state.confirmed[m].remove(name);
                }
            }
        }
        let mut unsent = false;
        for (node, want) in assignment {
            let Some(client) = nodes.get(&node) else {
                unsent = true;
                continue;
            };
            let state = by_node.entry(node).or_default();
            for mode in Mode::ALL {
                let m = mode as usize;
                let missing: Vec<Vec<u8>> = want[m].difference(&state.sent[m]).cloned().collect();
                if missing.is_empty() {
                    continue;
                }
                if client.send_pushed_commands(&subscription_commands(mode, &missing, true)) {
                    state.sent[m].extend(missing);
                } else {
                    unsent = true;
                }
            }
        }
        by_node.retain(|node, state| nodes.contains_key(node) && state.sent.iter().any(|s| !s.is_empty()));
        pubsub.set_confirmed(union_of_confirmed(&by_node));
        drop(by_node);
        if unsent {
            self.resync_later();
        }
    }

    /// Some subscriptions wait for a node that has no connection (it may be down, its slots
    /// about to fail over): read the topology again soon, and sync again, until all are made.
    /// A client with subscriptions and no traffic would otherwise learn of a failover only
    /// from the periodic refresh.
    fn resync_later(&self) {
        if self.resync_scheduled.swap(true, Ordering::AcqRel) {
            return;
        }
        let (Some(me), Ok(rt)) = (self.me.upgrade(), runtime::get()) else {
            self.resync_scheduled.store(false, Ordering::Release);
            return;
        };
        rt.spawn(async move {
            tokio::time::sleep(RESYNC_DELAY).await;
            me.resync_scheduled.store(false, Ordering::Release);
            if !me.is_closed() {
                me.schedule_refresh(); // its install syncs the subscriptions
            }
        });
    }

    fn new_node(&self, address: &Address) -> Arc<Client> {
        let mut config = self.config.base.clone();
        config.addresses = vec![(address.host.clone(), address.port)];
        config.database_id = self.database_id.load(Ordering::Acquire);
        // The cluster client bounds requests in flight as a whole.
        config.inflight_limit = usize::MAX / 2;
        config.lazy_connect = false;
        // Replicas serve reads only to connections that said READONLY (primaries ignore it): said
        // when reads may go to replicas, as valkey-glide does. Not with PRIMARY, so that an ACL
        // user without the READONLY command can connect (issue 15); a read routed to a replica
        // then gets MOVED, which sends it to the primary.
        config.read_only = !matches!(self.config.read_from, ReadFrom::Primary);
        config.learn_zone = self.config.read_from.zone().is_some();
        let relay: Weak<dyn Relay> = self.me.clone() as Weak<dyn Relay>;
        Client::for_node(config, relay)
    }

    /// The client of node `address`, created (and connecting) if needed.
    fn node(&self, address: &Address) -> Arc<Client> {
        let mut nodes = self.nodes.lock();
        if let Some(client) = nodes.get(address) {
            return Arc::clone(client);
        }
        let client = self.new_node(address);
        nodes.insert(address.clone(), Arc::clone(&client));
        client
    }

    /// Connects every node that has a client, concurrently; failures are left
    /// to each node's reconnect loop.
    async fn connect_nodes(&self) {
        let Ok(rt) = runtime::get() else { return };
        let nodes: Vec<Arc<Client>> = self.nodes.lock().values().cloned().collect();
        let tasks: Vec<_> = nodes.into_iter().map(|n| rt.spawn(async move { n.initial_connect().await })).collect();
        for task in tasks {
            let _ = task.await;
        }
    }

    fn spawn_periodic_refresh(self: &Arc<Self>) {
        let Ok(rt) = runtime::get() else { return };
        let me = Arc::downgrade(self);
        let interval = self.config.topology_interval;
        rt.spawn(async move {
            loop {
                // Holds only a weak reference while it sleeps: it must not keep a dropped client alive.
                if me.upgrade().is_none_or(|c| c.is_closed()) {
                    return;
                }
                tokio::time::sleep(interval).await;
                match me.upgrade() {
                    Some(client) if !client.is_closed() => client.schedule_refresh(),
                    _ => return,
                }
            }
        });
    }

    /// Reads the slot map again soon; calls made while one runs are folded into one more.
    pub fn schedule_refresh(&self) {
        let Some(me) = self.me.upgrade() else { return };
        {
            let mut state = self.refresh.lock();
            if state.running {
                state.again = true;
                return;
            }
            state.running = true;
        }
        let Ok(rt) = runtime::get() else {
            self.refresh.lock().running = false;
            return;
        };
        rt.spawn(async move {
            loop {
                if me.is_closed() {
                    break;
                }
                let mut candidates: Vec<(String, u16)> =
                    me.slot_map().addresses().into_iter().map(|a| (a.host, a.port)).collect();
                candidates.extend(me.config.base.addresses.iter().cloned());
                if let Err(e) = me.discover(&candidates).await {
                    tracing::warn!(target: "glide.cluster", "topology refresh failed: {e}");
                }
                tokio::time::sleep(REFRESH_SPACING).await;
                let mut state = me.refresh.lock();
                if !state.again {
                    state.running = false;
                    return;
                }
                state.again = false;
            }
            me.refresh.lock().running = false;
        });
    }

    /// Counts a new request in flight, or refuses it (closed, or at the limit).
    fn admit(&self) -> Result<(), Rejection> {
        if self.is_closed() {
            return Err(Rejection::Closed);
        }
        let limit = self.config.base.inflight_limit;
        if self.inflight.fetch_add(1, Ordering::AcqRel) >= limit {
            self.inflight.fetch_sub(1, Ordering::AcqRel);
            return Err(Rejection::InflightLimit(limit));
        }
        Ok(())
    }

    /// Starts `request`, or refuses it at once.
    pub fn submit(self: &Arc<Self>, request: ClusterRequest) -> Result<(), Rejection> {
        let Some(request) = self.once_slot_map_read(request.id, request, ClusterClient::submit) else { return Ok(()) };
        self.admit()?;
        let deadline = request.timeout.map(|t| Instant::now() + t);
        let plan = self.plan(&request.packed, &request.route);
        let Plan { combine, parts, by_slot } = match plan {
            Ok(plan) => plan,
            Err(message) => {
                self.inflight.fetch_sub(1, Ordering::AcqRel);
                completion::push(Outcome::Failed(Failure::Request, message).into_completion(request.id));
                return Ok(());
            }
        };
        let operation = Arc::new(Operation {
            sink: Sink::Java(request.id),
            expect: request.expect,
            bulk_as: request.bulk_as,
            results: Mutex::new((0..parts.len()).map(|_| None).collect()),
            remaining: AtomicUsize::new(parts.len()),
            combine,
            selects_database: request.selects_database,
            by_slot,
        });
        let whole = Arc::new(request.packed);
        // Parts for the same node leave in one write (an MGET over 100 slots is 100 parts).
        let mut holds = Vec::new();
        if parts.len() > 1 {
            let mut nodes: Vec<&Address> = parts.iter().map(|(node, _)| node).collect();
            nodes.sort();
            nodes.dedup();
            holds.extend(nodes.into_iter().filter_map(|node| self.node(node).hold_writes()));
        }
        for (index, (node, packed)) in parts.into_iter().enumerate() {
            // A part without a command of its own shares the whole command.
            let packed = match packed {
                Some(own) => Arc::new(own),
                None => Arc::clone(&whole),
            };
            let part = Part {
                operation: Arc::clone(&operation),
                index,
                packed,
                deadline,
                timeout: request.timeout,
                node,
                redirects: 0,
                retries: 0,
                skipped: 0,
            };
            self.send(part, false);
        }
        drop(holds);
        Ok(())
    }

    /// Decides where the command in `packed` goes: the parts (node, and a
    /// command of its own when the part is not the whole command) and how
    /// their replies combine.
    fn plan(&self, packed: &[u8], route: &Route) -> Result<Plan, String> {
        let mut args: Vec<&[u8]> = Vec::new();
        resp::walk_command(packed, |_, arg| args.push(arg))?;
        let map = self.slot_map();
        let routing = commands::routing_of(&args);
        let readonly = routing.is_some_and(|r| r.readonly);
        let response = routing.map_or(ResponsePolicy::Default, |r| r.response);
        let random_key = routing.is_some_and(|r| r.name == b"RANDOMKEY");
        // Channel lists: a channel subscribed on several nodes is listed once.
        let pubsub_list = routing.is_some_and(|r| r.name.starts_with(b"PUBSUB"));
        let fan_out = |targets: Vec<Address>| -> Result<Plan, String> {
            if targets.is_empty() {
                return Err("no node is known yet".into());
            }
            let combine = match response {
                _ if random_key => Combine::FirstNonNil,
                ResponsePolicy::AggSum => Combine::Sum,
                ResponsePolicy::AggMin => Combine::Min,
                ResponsePolicy::AggMax => Combine::Max,
                ResponsePolicy::AggLogicalAnd => Combine::LogicalAnd,
                ResponsePolicy::AggLogicalOr => Combine::LogicalOr,
                ResponsePolicy::AllSucceeded => Combine::AllSucceeded,
                ResponsePolicy::OneSucceeded => Combine::OneSucceeded,
                ResponsePolicy::CombineArrays if pubsub_list => Combine::Union,
                ResponsePolicy::CombineArrays => Combine::Concat,
                ResponsePolicy::CombineCounts => Combine::SumCounts,
                ResponsePolicy::Default | ResponsePolicy::Special => Combine::PerNode(targets.clone()),
            };
            Ok(Plan { combine, parts: targets.into_iter().map(|t| (t, None)).collect(), by_slot: false })
        };
        let node = |node: Option<Address>, by_slot: bool| -> Result<Plan, String> {
            let node = node.ok_or_else(|| "no node serves that slot (the cluster is changing or down)".to_string())?;
            Ok(Plan { combine: Combine::Single, parts: vec![(node, None)], by_slot })
        };
        let for_slot = |address: Option<Address>| node(address, true);
        let one = |address: Option<Address>| node(address, false);
        match route {
            Route::Random => one(self.random_primary(&map)),
            Route::AllPrimaries => fan_out(map.shards().iter().map(|s| s.primary.clone()).collect()),
            Route::AllNodes => fan_out(map.addresses()),
            Route::Slot { slot, replica } => for_slot(self.node_for_slot(&map, *slot, *replica)),
            Route::Address(address) if !map.addresses().contains(address) => {
                self.schedule_refresh();
                Err(format!("{address} is not a node of the cluster (as of the last topology read; it is read again now)"))
            }
            Route::Address(address) => one(Some(address.clone())),
            Route::Default => {
                let Some(routing) = routing else {
                    // Unknown to the table (a module's command): any primary.
                    return one(self.random_primary(&map));
                };
                match routing.request {
                    RequestPolicy::AllShards => fan_out(map.shards().iter().map(|s| s.primary.clone()).collect()),
                    RequestPolicy::AllNodes => fan_out(map.addresses()),
                    // Only commands whose keys start at the first argument (MGET, MSET, DEL...)
                    // can be cut per slot; the table routes the others (MSETEX) by their first key.
                    RequestPolicy::MultiShard if matches!(routing.key, commands::KeySpec::Index(1)) => {
                        self.split(&map, &args, routing.key_step, readonly)
                    }
                    RequestPolicy::MultiShard => match routing.key.first_key(&args) {
                        Some(i) => for_slot(self.node_for_slot(&map, slots::slot_of(args[i]), readonly && self.config.read_from.reads_replicas())),
                        None => one(self.random_primary(&map)),
                    },
                    RequestPolicy::Default | RequestPolicy::Special => match routing.key.first_key(&args) {
                        Some(i) => {
                            let slot = slots::slot_of(args[i]);
                            self.schedule_refresh_if_unserved(&map, slot);
                            for_slot(self.node_for_slot(&map, slot, readonly && self.config.read_from.reads_replicas()))
                        }
                        None => one(self.random_primary(&map)),
                    },
                }
            }
        }
    }

    /// A multi-key command (MGET, DEL, MSET...): one part per slot, each with
    /// the keys (and their values) of that slot, in the caller's order.
    fn split(
        &self,
        map: &SlotMap,
        args: &[&[u8]],
        step: usize,
        readonly: bool,
    ) -> Result<Plan, String> {
        let name = args[0];
        if args.len() < 2 || !(args.len() - 1).is_multiple_of(step) {
            // The server's words: sent whole, it would answer CROSSSLOT before counting.
            let name = String::from_utf8_lossy(name).to_lowercase();
            return Err(format!("ERR wrong number of arguments for '{name}' command"));
        }
        let replica = readonly && self.config.read_from.reads_replicas();
        // Groups by slot, in order of first appearance.
        let mut groups: Vec<(u16, Vec<usize>)> = Vec::new();
        let mut positions = Vec::new();
        for first in (1..args.len()).step_by(step) {
            let slot = slots::slot_of(args[first]);
            let group = match groups.iter().position(|(s, _)| *s == slot) {
                Some(g) => g,
                None => {
                    groups.push((slot, Vec::new()));
                    groups.len() - 1
                }
            };
            positions.push((group, groups[group].1.len()));
            groups[group].1.push(first);
        }
        if groups.len() == 1 {
            let node = self.node_for_slot(map, groups[0].0, replica).ok_or("no node serves that slot")?;
            return Ok(Plan { combine: Combine::Single, parts: vec![(node, None)], by_slot: true });
        }
        let mut parts = Vec::with_capacity(groups.len());
        for (slot, firsts) in &groups {
            let node = self.node_for_slot(map, *slot, replica).ok_or("no node serves one of the slots")?;
            let mut sub: Vec<&[u8]> = vec![name];
            for &first in firsts {
                sub.extend_from_slice(&args[first..first + step]);
            }
            parts.push((node, Some(resp::pack(&sub))));
        }
        let upper = name.to_ascii_uppercase();
        let combine = match upper.as_slice() {
            b"MGET" => Combine::Reorder(positions),
            b"MSET" | b"WATCH" => Combine::AllSucceeded,
            _ => Combine::Sum, // DEL, EXISTS, UNLINK, TOUCH
        };
        Ok(Plan { combine, parts, by_slot: true })
    }

    fn schedule_refresh_if_unserved(&self, map: &SlotMap, slot: u16) {
        if map.shard_of(slot).is_none() {
            self.schedule_refresh();
        }
    }

    fn random_primary(&self, map: &SlotMap) -> Option<Address> {
        let shards = map.shards();
        if shards.is_empty() {
            return None;
        }
        let n = self.rotation.fetch_add(1, Ordering::Relaxed);
        Some(shards[n % shards.len()].primary.clone())
    }

    fn node_for_slot(&self, map: &SlotMap, slot: u16, replica: bool) -> Option<Address> {
        let shard = map.shard_of(slot)?;
        if !replica || shard.replicas.is_empty() {
            return Some(shard.primary.clone());
        }
        let n = self.rotation.fetch_add(1, Ordering::Relaxed);
        if let Some(zone) = self.config.read_from.zone() {
            if let Some(local) = self.in_zone(&shard.replicas, n, zone) {
                return Some(local);
            }
            if matches!(self.config.read_from, ReadFrom::AzAffinityReplicasAndPrimary(_))
                && self.in_zone(std::slice::from_ref(&shard.primary), 0, zone).is_some()
            {
                return Some(shard.primary.clone());
            }
        }
        Some(shard.replicas[n % shard.replicas.len()].clone())
    }

    /// The first of `nodes`, starting at the `start`-th and going round, whose server said
    /// it is in `zone` when its client connected.
    fn in_zone(&self, nodes: &[Address], start: usize, zone: &str) -> Option<Address> {
        let clients = self.nodes.lock();
        (0..nodes.len()).map(|i| &nodes[(start + i) % nodes.len()]).find_map(|address| {
            let here = clients.get(address)?.availability_zone()?;
            (&*here == zone).then(|| address.clone())
        })
    }

    /// Sends `part` to its node (after `ASKING` when `asking`).
    fn send(&self, part: Part, asking: bool) {
        let remaining = match part.deadline {
            Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => Some(left),
                _ => {
                    let ms = part.timeout.unwrap_or_default().as_millis();
                    let outcome = Outcome::Failed(Failure::Timeout, format!("request timed out after {ms} ms"));
                    if let Some(completion) = self.part_done(part, outcome) {
                        completion::push(completion);
                    }
                    return;
                }
            },
            None => None,
        };
        // A request sent whole keeps Java's id on its node, so a Java thread waiting for it can
        // read its node's socket itself (help_read); parts get ids of their own.
        let id = match (&part.operation.sink, &part.operation.combine) {
            (Sink::Java(java_id), Combine::Single) => *java_id,
            _ => NEXT_PART_ID.fetch_sub(1, Ordering::Relaxed),
        };
        let node = self.node(&part.node);
        // Parts of a combined reply come back as sent; the shape applies to the whole.
        let expect = if matches!(part.operation.combine, Combine::Single) { part.operation.expect } else { Expect::Natural };
        let head = RequestHead { id, timeout: remaining, expect, bulk_as: part.operation.bulk_as, selects_database: part.operation.selects_database };
        // Registered before sending: the reply may come back before `submit_part` returns.
        let packed = Arc::clone(&part.packed);
        let skipped = part.skipped;
        self.parts.lock().insert(id, part);
        let result = if asking {
            node.submit_part(head, &[ASKING, &packed[..]].concat(), skipped + 1)
        } else {
            node.submit_part(head, &packed, skipped)
        };
        if result.is_err() {
            if let Some(part) = self.parts.lock().remove(&id) {
                let message = format!("the connection to {} is closed", part.node);
                if let Some(completion) = self.part_done(part, Outcome::Failed(Failure::Connection, message)) {
                    completion::push(completion);
                }
            }
        }
    }

    /// A part's final outcome: record it; the last part completes the request.
    fn part_done(&self, part: Part, outcome: Outcome) -> Option<Completion> {
        let operation = part.operation;
        let outcome = if matches!(operation.combine, Combine::Single) {
            outcome
        } else {
            operation.results.lock()[part.index] = Some(outcome.into_value());
            if operation.remaining.fetch_sub(1, Ordering::AcqRel) != 1 {
                return None;
            }
            let results: Vec<_> = operation.results.lock().drain(..).map(|r| r.expect("every part reported")).collect();
            match combine(&operation.combine, results).and_then(|v| shaped(v, &operation)) {
                Ok(value) => match operation.combine {
                    Combine::PerNode(_) => Outcome::from_value(value, Expect::Natural, operation.bulk_as).by_node(),
                    _ => Outcome::from_value(value, Expect::Natural, operation.bulk_as),
                },
                Err((failure, message)) => Outcome::Failed(failure, message),
            }
        };
        if let (Some(db), false) = (operation.selects_database, matches!(outcome, Outcome::Failed(..))) {
            self.database_id.store(db, Ordering::Release);
        }
        match &operation.sink {
            Sink::Java(id) => {
                self.inflight.fetch_sub(1, Ordering::AcqRel);
                Some(outcome.into_completion(*id))
            }
            Sink::Internal(reply) => {
                if let Some(reply) = reply.lock().take() {
                    let _ = reply.send(outcome.into_value()); // the step may have timed out and left
                }
                None
            }
            Sink::Batch { gather, index, .. } => self.batch_step_done(gather, *index, outcome.into_value()),
        }
    }

    /// Records one reply of a batch; the last one (or a failure that ends the
    /// batch) completes it, and the batch leaves the inflight count.
    fn batch_step_done(&self, gather: &Gather, index: usize, result: CallResult) -> Option<Completion> {
        let outcome = gather.put(index, result)?;
        self.inflight.fetch_sub(1, Ordering::AcqRel);
        Some(outcome.into_completion(gather.id))
    }

    /// Starts a batch (see [`crate::batch`]). A transaction goes whole to one
    /// node: `route`'s, else that of the first key of its commands (all its keys
    /// must share a slot), else any primary. A pipeline's commands are each
    /// planned like a command sent alone (to `route`'s node, when given) and
    /// leave in one write per node; replies are put back in command order.
    pub fn submit_batch(
        self: &Arc<Self>,
        id: i64,
        spec: BatchSpec,
        timeout: Option<Duration>,
        bulk_as: BulkAs,
        route: Route,
        retry: BatchRetry,
    ) -> Result<(), Rejection> {
        let args = (id, spec, timeout, bulk_as, route, retry);
        let Some((id, spec, timeout, bulk_as, route, retry)) = self.once_slot_map_read(id, args, |client, (id, spec, timeout, bulk_as, route, retry)| {
            client.submit_batch(id, spec, timeout, bulk_as, route, retry)
        }) else {
            return Ok(());
        };
        self.admit()?;
        let deadline = timeout.map(|t| Instant::now() + t);
        let gather = Arc::new(Gather::new(id, &spec, bulk_as));
        let map = self.slot_map();
        // One node for the whole batch when a route names one (a random one is drawn once).
        let route = match route {
            Route::Random => match self.random_primary(&map) {
                Some(node) => Route::Address(node),
                None => Route::Random,
            },
            other => other,
        };
        let new_operation = |index: usize, expect: Expect, combine: Combine, parts: usize, selects_database: Option<i64>, by_slot: bool| {
            Arc::new(Operation {
                sink: Sink::Batch { gather: Arc::clone(&gather), index, retry },
                expect,
                bulk_as,
                results: Mutex::new((0..parts).map(|_| None).collect()),
                remaining: AtomicUsize::new(parts),
                combine,
                selects_database,
                by_slot,
            })
        };
        if spec.atomic {
            let node = match self.transaction_node(&map, &spec, &route) {
                Ok(node) => node,
                Err(message) => {
                    completion::push_all(self.batch_step_done(&gather, 0, Err((Failure::Request, message))));
                    return Ok(());
                }
            };
            // A SELECT inside a transaction changes one node's connection only: not followed.
            let operation = new_operation(0, Expect::Natural, Combine::Single, 1, None, false);
            let packed = Arc::new(spec.transaction_bytes());
            let skipped = spec.queued_replies();
            self.send(Part { operation, index: 0, packed, deadline, timeout, node, redirects: 0, retries: 0, skipped }, false);
            return Ok(());
        }
        let mut planned = Vec::with_capacity(spec.commands.len());
        for (index, command) in spec.commands.into_iter().enumerate() {
            match self.plan(&command.packed, &route) {
                Ok(plan) => planned.push((index, command, plan)),
                Err(message) => {
                    if let Some(done) = self.batch_step_done(&gather, index, Err((Failure::Request, message))) {
                        completion::push(done);
                        return Ok(()); // the batch is over (it had nothing else to send)
                    }
                }
            }
        }
        // Each node's commands leave in one write.
        let mut nodes: Vec<&Address> = planned.iter().flat_map(|(_, _, plan)| plan.parts.iter().map(|(node, _)| node)).collect();
        nodes.sort();
        nodes.dedup();
        let holds: Vec<_> = nodes.into_iter().filter_map(|node| self.node(node).hold_writes()).collect();
        for (index, command, Plan { combine, parts, by_slot }) in planned {
            let expect = command.expect;
            let whole = Arc::new(command.packed);
            let operation = new_operation(index, expect, combine, parts.len(), command.selects_database, by_slot);
            for (part_index, (node, own)) in parts.into_iter().enumerate() {
                let packed = own.map_or_else(|| Arc::clone(&whole), Arc::new);
                let part = Part { operation: Arc::clone(&operation), index: part_index, packed, deadline, timeout, node, redirects: 0, retries: 0, skipped: 0 };
                self.send(part, false);
            }
        }
        drop(holds);
        Ok(())
    }

    /// The node a transaction goes to (see [`ClusterClient::submit_batch`]).
    fn transaction_node(&self, map: &SlotMap, spec: &BatchSpec, route: &Route) -> Result<Address, String> {
        let unserved = || "no node serves the transaction's slot (the cluster is changing or down)".to_string();
        // Checked whatever the route: a transaction over several slots can only be refused.
        let slot = transaction_slot(spec)?;
        match route {
            Route::Default => {}
            Route::Slot { slot, replica } => return self.node_for_slot(map, *slot, *replica).ok_or_else(unserved),
            Route::Address(address) => return Ok(address.clone()),
            Route::Random | Route::AllNodes | Route::AllPrimaries => {
                return self.random_primary(map).ok_or_else(|| "no node is known yet".to_string())
            }
        }
        match slot {
            Some(slot) => {
                self.schedule_refresh_if_unserved(map, slot);
                self.node_for_slot(map, slot, false).ok_or_else(unserved)
            }
            None => self.random_primary(map).ok_or_else(|| "no node is known yet".to_string()),
        }
    }

    /// Sends `packed` to `node` for the core itself and resolves to its reply
    /// (a server error is a `Value::ServerError`). `skipped` leading commands'
    /// replies are dropped. Redirects are followed; the request ends by
    /// `deadline` at the latest.
    async fn call(
        &self,
        node: Address,
        packed: Vec<u8>,
        skipped: usize,
        deadline: Option<Instant>,
    ) -> CallResult {
        let replied = self.start_call(node, packed, skipped, deadline);
        replied.await.unwrap_or_else(|_| Err((Failure::Closing, "the client is closed".into())))
    }

    /// [`ClusterClient::call`], sent now; the reply comes through the receiver.
    fn start_call(
        &self,
        node: Address,
        packed: Vec<u8>,
        skipped: usize,
        deadline: Option<Instant>,
    ) -> oneshot::Receiver<CallResult> {
        let (reply, replied) = oneshot::channel();
        if self.is_closed() {
            let _ = reply.send(Err((Failure::Closing, "the client is closed".into())));
            return replied;
        }
        let operation = Arc::new(Operation {
            sink: Sink::Internal(Mutex::new(Some(reply))),
            expect: Expect::Natural,
            bulk_as: BulkAs::Bytes,
            combine: Combine::Single,
            results: Mutex::new(Vec::new()),
            remaining: AtomicUsize::new(1),
            selects_database: None,
            by_slot: false,
        });
        let timeout = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let part = Part { operation, index: 0, packed: Arc::new(packed), deadline, timeout, node, redirects: 0, retries: 0, skipped };
        self.send(part, false);
        replied
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
    /// Every node's reconnect waiting out its backoff tries again now (see
    /// [`Client::reconnect_now`]).
    pub fn reconnect_now(&self) {
        let nodes: Vec<Arc<Client>> = self.nodes.lock().values().cloned().collect();
        for node in nodes {
            node.reconnect_now();
        }
    }

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
            node.close(); // pending parts come back through `relay` as closing errors
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

impl Relay for ClusterClient {
    fn pushed(&self, node: &(String, u16), frame: &[u8]) {
        let Some(pubsub) = &self.pubsub else { return };
        let Some(push) = pubsub.deliver(frame) else { return };
        let address = Address::new(node.0.clone(), node.1);
        let mut by_node = self.node_subscriptions.lock();
        let state = by_node.entry(address).or_default();
        match push {
            Push::Subscribed(mode, name) => {
                state.confirmed[mode as usize].insert(name);
            }
            Push::Unsubscribed(mode, name) => {
                state.confirmed[mode as usize].remove(&name);
                if state.sent[mode as usize].remove(&name) && pubsub.subscriptions().0[mode as usize].contains(&name) {
                    // Not asked for: a shard channel's slot moved away. Find its new owner.
                    self.schedule_refresh();
                }
            }
            Push::Message(_) | Push::Other => {}
        }
        pubsub.set_confirmed(union_of_confirmed(&by_node));
    }

    fn node_link_changed(&self, node: &(String, u16), connected: bool) {
        if self.pubsub.is_none() {
            return;
        }
        let address = Address::new(node.0.clone(), node.1);
        // A connection, new or lost, holds no subscription: what was sent to the node is void.
        let forgot = self.node_subscriptions.lock().remove(&address).is_some();
        if connected {
            // (Called outside the node's locks: the SUBSCRIBEs may go to it now.)
            self.sync_subscriptions();
        } else if forgot {
            if let Some(pubsub) = &self.pubsub {
                pubsub.set_confirmed(union_of_confirmed(&self.node_subscriptions.lock()));
            }
            // Its primaries may have changed (a failover): read the topology again.
            self.schedule_refresh();
        }
    }

    fn relay(&self, id: i64, outcome: Outcome) -> Option<Completion> {
        let mut part = self.parts.lock().remove(&id)?;
        let outcome = match self.retry_batch_part(part, outcome) {
            None => return None, // sent again
            Some((back, outcome)) => {
                part = back;
                outcome
            }
        };
        let outcome = match self.retry_when_ready(part, outcome) {
            None => return None, // sent again after a wait
            Some((back, outcome)) => {
                part = back;
                outcome
            }
        };
        if let Outcome::Failed(Failure::Request, message) = &outcome {
            if let Some((kind, target)) = redirect(message) {
                if part.redirects >= MAX_REDIRECTS {
                    let message = format!("too many redirects ({MAX_REDIRECTS}), last: {message}");
                    return self.part_done(part, Outcome::Failed(Failure::Request, message));
                }
                part.redirects += 1;
                crate::logging::events::redirected(message, &part.node);
                part.node = target;
                if kind == Redirect::Moved {
                    self.schedule_refresh();
                }
                self.send(part, kind == Redirect::Ask);
                return None;
            }
        }
        let outcome = match outcome {
            // The node counted from when the part was sent (after a redirect: the time left).
            Outcome::Failed(Failure::Timeout, _) => {
                let ms = part.timeout.unwrap_or_default().as_millis();
                Outcome::Failed(Failure::Timeout, format!("request timed out after {ms} ms"))
            }
            // Lost while this client was closing: the close is the cause.
            Outcome::Failed(Failure::Connection | Failure::Closing, _) if self.is_closed() => {
                Outcome::Failed(Failure::Closing, "the client is closed".into())
            }
            Outcome::Failed(Failure::Connection, message) => {
                self.schedule_refresh();
                Outcome::Failed(Failure::Connection, message)
            }
            // A node closed because it left the topology, while this client lives on.
            Outcome::Failed(Failure::Closing, _) if !self.is_closed() => {
                let message = format!("the connection to {} closed: the node left the cluster", part.node);
                Outcome::Failed(Failure::Connection, message)
            }
            other => other,
        };
        self.part_done(part, outcome)
    }
}

impl crate::pubsub_check::Resync for ClusterClient {
    fn pubsub_state(&self) -> Option<&Arc<PubSub>> {
        self.pubsub.as_ref()
    }

    /// Sends each node what it lacks of its share (see `sync_subscriptions`).
    fn resync(&self) {
        self.sync_subscriptions();
    }
}

impl Drop for ClusterClient {
    fn drop(&mut self) {
        self.close();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Redirect {
    Moved,
    Ask,
}

/// The one slot of a transaction's keys (`None`: it has none). Keys of several
/// slots are refused before anything is sent, with the server's words: the
/// server would discard the transaction anyway. Looks at each command's first
/// key, and at every key of the commands split by slot (MSET, DEL...); other
/// keys are left to the server.
fn transaction_slot(spec: &BatchSpec) -> Result<Option<u16>, String> {
    let mut found: Option<u16> = None;
    for command in &spec.commands {
        let mut args: Vec<&[u8]> = Vec::new();
        resp::walk_command(&command.packed, |_, arg| args.push(arg))?;
        let Some(routing) = commands::routing_of(&args) else { continue };
        let Some(first) = routing.key.first_key(&args) else { continue };
        let step = if routing.request == RequestPolicy::MultiShard { routing.key_step.max(1) } else { args.len() };
        for key in (first..args.len()).step_by(step) {
            let slot = slots::slot_of(args[key]);
            if found.is_some_and(|s| s != slot) {
                return Err("CROSSSLOT Keys in request don't hash to the same slot (the keys of a transaction must \
                            share one slot: use a {hash tag})"
                    .into());
            }
            found = Some(slot);
        }
    }
    Ok(found)
}

/// What every node confirmed, together.
fn union_of_confirmed(by_node: &HashMap<Address, NodeSubscriptions>) -> ByMode {
    let mut all = ByMode::default();
    for state in by_node.values() {
        for (m, names) in state.confirmed.iter().enumerate() {
            all[m].extend(names.iter().cloned());
        }
    }
    all
}

/// `MOVED 3999 127.0.0.1:6381` / `ASK 3999 127.0.0.1:6381`.
fn redirect(message: &str) -> Option<(Redirect, Address)> {
    redirect_with_slot(message).map(|(kind, _, address)| (kind, address))
}

/// [`redirect`] with the slot.
fn redirect_with_slot(message: &str) -> Option<(Redirect, u16, Address)> {
    let mut words = message.split_ascii_whitespace();
    let kind = match words.next()? {
        "MOVED" => Redirect::Moved,
        "ASK" => Redirect::Ask,
        _ => return None,
    };
    let slot: u16 = words.next()?.parse().ok()?;
    Some((kind, slot, Address::parse(words.next()?)?))
}

/// Gives a combined reply its command's shape: each node's reply for a reply
/// by node (e.g. CONFIG GET's pairs become a map per node), else the whole.
fn shaped(value: Value, operation: &Operation) -> Result<Value, (Failure, String)> {
    let convert = |v| shape::convert(v, operation.expect).map_err(|m| (Failure::Request, m));
    match (&operation.combine, value) {
        (Combine::PerNode(_), Value::Map(pairs)) => {
            let pairs = pairs.into_iter().map(|(node, v)| Ok((node, convert(v)?))).collect::<Result<_, _>>()?;
            Ok(Value::Map(pairs))
        }
        (_, value) => convert(value),
    }
}

/// Combines the parts' replies (in part order) by `combine`.
fn combine(combine: &Combine, results: Vec<Result<Value, (Failure, String)>>) -> Result<Value, (Failure, String)> {
    if let Combine::OneSucceeded | Combine::FirstNonNil = combine {
        let skip_nil = matches!(combine, Combine::FirstNonNil);
        let mut last_error = None;
        let mut any_success = false;
        for result in results {
            match result {
                Ok(Value::ServerError(message)) => last_error = Some((Failure::Request, message)),
                Ok(Value::Nil) if skip_nil => any_success = true,
                Ok(value) => return Ok(value),
                Err(e) => last_error = Some(e),
            }
        }
        if any_success {
            return Ok(Value::Nil);
        }
        return Err(last_error.unwrap_or((Failure::Request, "no reply".into())));
    }
    // Otherwise any failure fails the whole request.
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        values.push(result?);
    }
    if let Some(Value::ServerError(message)) = values.iter().find(|v| matches!(v, Value::ServerError(_))) {
        return Err((Failure::Request, message.clone()));
    }
    let ints = |values: &[Value]| -> Result<Vec<i64>, (Failure, String)> {
        values
            .iter()
            .map(|v| match v {
                Value::Int(i) => Ok(*i),
                other => Err((Failure::Request, format!("cannot aggregate a non-integer reply {other:?}"))),
            })
            .collect()
    };
    Ok(match combine {
        Combine::Single | Combine::AllSucceeded => values.into_iter().next().unwrap_or(Value::Nil),
        Combine::OneSucceeded | Combine::FirstNonNil => unreachable!("handled above"),
        Combine::Sum | Combine::Min | Combine::Max => {
            let op: fn(i64, i64) -> i64 = match combine {
                Combine::Sum => i64::wrapping_add,
                Combine::Min => i64::min,
                _ => i64::max,
            };
            if !values.is_empty() && values.iter().all(|v| matches!(v, Value::Array(_))) {
                // Arrays of integers (WAITAOF's [local, replicas]) combine element by element.
                let mut acc: Option<Vec<i64>> = None;
                for value in &values {
                    let Value::Array(items) = value else { unreachable!("checked above") };
                    let these = ints(items)?;
                    acc = Some(match acc {
                        None => these,
                        Some(prev) if prev.len() == these.len() => prev.iter().zip(&these).map(|(a, b)| op(*a, *b)).collect(),
                        Some(_) => return Err((Failure::Request, "cannot aggregate arrays of different lengths".into())),
                    });
                }
                Value::Array(acc.unwrap_or_default().into_iter().map(Value::Int).collect())
            } else {
                Value::Int(ints(&values)?.into_iter().reduce(op).unwrap_or(0))
            }
        }
        Combine::LogicalAnd | Combine::LogicalOr => {
            let and = matches!(combine, Combine::LogicalAnd);
            let mut acc: Option<Vec<i64>> = None;
            for value in values {
                let Value::Array(items) = value else {
                    return Err((Failure::Request, "cannot aggregate a non-array reply".into()));
                };
                let bits = ints(&items)?;
                acc = Some(match acc {
                    None => bits,
                    Some(prev) => prev
                        .iter()
                        .zip(&bits)
                        .map(|(a, b)| if and { (*a != 0 && *b != 0) as i64 } else { (*a != 0 || *b != 0) as i64 })
                        .collect(),
                });
            }
            Value::Array(acc.unwrap_or_default().into_iter().map(Value::Int).collect())
        }
        Combine::Reorder(positions) => {
            let mut arrays: Vec<Vec<Option<Value>>> = Vec::with_capacity(values.len());
            for value in values {
                let Value::Array(items) = value else {
                    return Err((Failure::Request, "a part of a multi-key reply is not an array".into()));
                };
                arrays.push(items.into_iter().map(Some).collect());
            }
            let mut out = Vec::with_capacity(positions.len());
            for &(part, index) in positions {
                let item = arrays.get_mut(part).and_then(|a| a.get_mut(index)).and_then(Option::take);
                out.push(item.ok_or((Failure::Request, "a part of a multi-key reply is too short".to_string()))?);
            }
            Value::Array(out)
        }
        Combine::Concat => {
            let mut all = Vec::new();
            for value in values {
                match value {
                    Value::Array(items) | Value::Set(items) => all.extend(items),
                    Value::Nil => {}
                    other => return Err((Failure::Request, format!("cannot join a non-array reply {other:?}"))),
                }
            }
            Value::Array(all)
        }
        Combine::Union => {
            let mut all: Vec<Value> = Vec::new();
            for value in values {
                match value {
                    Value::Array(items) | Value::Set(items) => {
                        for item in items {
                            if !all.contains(&item) {
                                all.push(item);
                            }
                        }
                    }
                    Value::Nil => {}
                    other => return Err((Failure::Request, format!("cannot join a non-array reply {other:?}"))),
                }
            }
            Value::Array(all)
        }
        Combine::SumCounts => {
            let mut counts: Vec<(Value, i64)> = Vec::new();
            for value in values {
                let pairs: Vec<(Value, Value)> = match value {
                    Value::Map(pairs) => pairs,
                    Value::Array(flat) if flat.len() % 2 == 0 => {
                        let mut it = flat.into_iter();
                        std::iter::from_fn(|| Some((it.next()?, it.next()?))).collect()
                    }
                    other => return Err((Failure::Request, format!("cannot add up counts from {other:?}"))),
                };
                for (name, count) in pairs {
                    let Value::Int(n) = count else {
                        return Err((Failure::Request, format!("a count that is not an integer: {count:?}")));
                    };
                    match counts.iter_mut().find(|(known, _)| *known == name) {
                        Some((_, total)) => *total += n,
                        None => counts.push((name, n)),
                    }
                }
            }
            Value::Map(counts.into_iter().map(|(name, n)| (name, Value::Int(n))).collect())
        }
        Combine::PerNode(addresses) => Value::Map(
            addresses.iter().map(|a| Value::SimpleString(a.to_string())).zip(values).collect(),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_are_recognised() {
        assert_eq!(redirect("MOVED 3999 127.0.0.1:6381"), Some((Redirect::Moved, Address::new("127.0.0.1", 6381))));
        assert_eq!(redirect("ASK 1 h:2"), Some((Redirect::Ask, Address::new("h", 2))));
        assert_eq!(redirect("ERR MOVED"), None);
        assert_eq!(redirect("MOVED x h:1"), None);
    }

    #[test]
    fn a_transaction_has_one_slot_or_is_refused() {
        let spec = |commands: &[&[&[u8]]]| {
            let mut bytes = Vec::new();
            let mut lengths = Vec::new();
            for args in commands {
                let packed = resp::pack(args);
                lengths.push(packed.len() as i32);
                bytes.extend_from_slice(&packed);
            }
            BatchSpec::parse(&bytes, &lengths, &vec![0; commands.len()], true, false).unwrap()
        };
        let tagged = spec(&[&[b"SET", b"{t}a", b"1"], &[b"PING"], &[b"MGET", b"{t}b", b"{t}c"]]);
        assert_eq!(transaction_slot(&tagged), Ok(Some(slots::slot_of(b"{t}"))));
        assert_eq!(transaction_slot(&spec(&[&[b"PING"], &[b"ECHO", b"x"]])), Ok(None));
        assert!(transaction_slot(&spec(&[&[b"SET", b"a", b"1"], &[b"SET", b"b", b"1"]])).unwrap_err().starts_with("CROSSSLOT"));
        // Every key of a command split by slot counts, not only the first.
        assert!(transaction_slot(&spec(&[&[b"MSET", b"{t}a", b"1", b"b", b"2"]])).is_err());
    }

    #[test]
    fn replies_combine_by_policy() {
        let ok = |v: Value| -> Result<Value, (Failure, String)> { Ok(v) };
        assert_eq!(combine(&Combine::Sum, vec![ok(Value::Int(2)), ok(Value::Int(3))]), Ok(Value::Int(5)));
        // WAITAOF's [local, replicas] from every primary: the smallest of each (issue 15: the
        // command came with Valkey 9.1's COMMAND INFO and its agg_min policy).
        let pair = |a, b| ok(Value::Array(vec![Value::Int(a), Value::Int(b)]));
        assert_eq!(combine(&Combine::Min, vec![pair(1, 2), pair(0, 3)]), Ok(Value::Array(vec![Value::Int(0), Value::Int(2)])));
        assert_eq!(combine(&Combine::Max, vec![pair(1, 2), pair(0, 3)]), Ok(Value::Array(vec![Value::Int(1), Value::Int(3)])));
        assert!(combine(&Combine::Min, vec![pair(1, 2), ok(Value::Array(vec![Value::Int(1)]))]).is_err());
        assert_eq!(combine(&Combine::Min, vec![ok(Value::Int(4)), ok(Value::Int(3))]), Ok(Value::Int(3)));
        assert_eq!(combine(&Combine::Min, vec![ok(Value::Int(2)), ok(Value::Int(0))]), Ok(Value::Int(0)));
        let arrays = vec![
            ok(Value::Array(vec![Value::Int(1), Value::Int(0)])),
            ok(Value::Array(vec![Value::Int(1), Value::Int(1)])),
        ];
        assert_eq!(combine(&Combine::LogicalAnd, arrays), Ok(Value::Array(vec![Value::Int(1), Value::Int(0)])));
        // MGET a b c with a and c on part 0, b on part 1.
        let parts = vec![
            ok(Value::Array(vec![Value::BulkString(b"A".to_vec()), Value::BulkString(b"C".to_vec())])),
            ok(Value::Array(vec![Value::Nil])),
        ];
        let order = Combine::Reorder(vec![(0, 0), (1, 0), (0, 1)]);
        assert_eq!(
            combine(&order, parts),
            Ok(Value::Array(vec![Value::BulkString(b"A".to_vec()), Value::Nil, Value::BulkString(b"C".to_vec())]))
        );
        let failed = vec![ok(Value::Okay), Err((Failure::Connection, "down".to_string()))];
        assert_eq!(combine(&Combine::AllSucceeded, failed), Err((Failure::Connection, "down".into())));
        let one = vec![Err((Failure::Request, "x".to_string())), ok(Value::Okay)];
        assert_eq!(combine(&Combine::OneSucceeded, one), Ok(Value::Okay));
        let keys = vec![ok(Value::Nil), ok(Value::BulkString(b"k".to_vec())), ok(Value::Nil)];
        assert_eq!(combine(&Combine::FirstNonNil, keys), Ok(Value::BulkString(b"k".to_vec())));
        assert_eq!(combine(&Combine::FirstNonNil, vec![ok(Value::Nil), ok(Value::Nil)]), Ok(Value::Nil));
        let channels = vec![ok(Value::Array(vec![Value::Int(1), Value::Int(2)])), ok(Value::Array(vec![Value::Int(2), Value::Int(3)]))];
        assert_eq!(combine(&Combine::Union, channels), Ok(Value::Array(vec![Value::Int(1), Value::Int(2), Value::Int(3)])));
        let counts = vec![
            ok(Value::Array(vec![Value::BulkString(b"a".to_vec()), Value::Int(1), Value::BulkString(b"b".to_vec()), Value::Int(0)])),
            ok(Value::Map(vec![(Value::BulkString(b"a".to_vec()), Value::Int(2)), (Value::BulkString(b"b".to_vec()), Value::Int(1))])),
        ];
        assert_eq!(
            combine(&Combine::SumCounts, counts),
            Ok(Value::Map(vec![(Value::BulkString(b"a".to_vec()), Value::Int(3)), (Value::BulkString(b"b".to_vec()), Value::Int(1))]))
        );
        let lists = vec![ok(Value::Array(vec![Value::Int(1)])), ok(Value::Array(vec![])), ok(Value::Array(vec![Value::Int(2)]))];
        assert_eq!(combine(&Combine::Concat, lists), Ok(Value::Array(vec![Value::Int(1), Value::Int(2)])));
        assert!(combine(&Combine::Concat, vec![ok(Value::Int(1))]).is_err());
        let nodes = Combine::PerNode(vec![Address::new("a", 1), Address::new("b", 2)]);
        assert_eq!(
            combine(&nodes, vec![ok(Value::Int(1)), ok(Value::Int(2))]),
            Ok(Value::Map(vec![
                (Value::SimpleString("a:1".into()), Value::Int(1)),
                (Value::SimpleString("b:2".into()), Value::Int(2)),
            ]))
        );
    }
}
