//! The one client type behind the boundary: a standalone or a cluster client, and the handle
//! Java holds for it.
//!
//! Every place where the two kinds of client differ is a `match` in this file, so each native
//! in `jni/` calls one method of [`AnyClient`] and never asks which kind it holds. The dispatch
//! is static (an enum, not a `dyn` trait object): one predictable branch per call, no indirect
//! call on the request path, and each arm calls the client's own method directly, which the
//! compiler may inline.

use std::sync::Arc;
use std::time::Duration;

use crate::batch::BatchSpec;
use crate::client::{Client, ClientConfig, Rejection, Request};
use crate::cluster::{BatchRetry, ClusterClient, ClusterConfig, ClusterRequest, Route, DEFAULT_TOPOLOGY_INTERVAL};
use crate::pubsub::{Mode, PubSub};
use crate::reply::BulkAs;
use crate::telemetry::span::Server;

use super::config::ClientSettings;
use super::policy::BridgeError;

/// What a handle points to: a standalone or a cluster client.
pub(super) enum AnyClient {
    Standalone(Arc<Client>),
    Cluster(Arc<ClusterClient>),
}

/// What one `submit` asks for besides the command: a routed command, or (cluster clients only)
/// a cluster scan step.
pub(super) enum Target<R> {
    /// A command; `R` reads its route, which only a cluster client asks for (a standalone
    /// client ignores the route, unread, as it always has).
    Command(R),
    /// A cluster scan step (`wire::route::SCAN_STEP`; see `cluster::scan`).
    ScanStep,
}

impl AnyClient {
    /// Creates the client `settings` describe and starts connecting; the outcome of the first
    /// connection arrives as completion `request_id`.
    pub(super) fn start(settings: ClientSettings, request_id: i64) -> Result<AnyClient, BridgeError> {
        let ClientSettings { base, cluster, read_from, pubsub, pubsub_check } = settings;
        if let Some(tokens) = &base.iam {
            crate::client::iam_refresh::spawn_periodic(tokens).map_err(BridgeError::connection)?;
        }
        let configured = pubsub.is_some();
        let check_every = |pubsub: Option<&Arc<PubSub>>| {
            if let (Some(pubsub), Some(every)) = (pubsub, pubsub_check) {
                pubsub.check.set_interval(every);
            }
        };
        Ok(if cluster {
            let config = ClusterConfig { base, read_from, topology_interval: DEFAULT_TOPOLOGY_INTERVAL };
            let client = ClusterClient::with_pubsub(config, pubsub).map_err(BridgeError::configuration)?;
            check_every(client.pubsub());
            client.start(request_id).map_err(BridgeError::connection)?;
            if configured {
                client.start_subscription_check();
            }
            AnyClient::Cluster(client)
        } else {
            let client = Client::with_pubsub(base, pubsub).map_err(BridgeError::configuration)?;
            check_every(client.pubsub());
            client.start(request_id).map_err(BridgeError::connection)?;
            if configured {
                client.start_subscription_check();
            }
            AnyClient::Standalone(client)
        })
    }

    /// The configuration every connection is opened with (a cluster's nodes use clones).
    pub(super) fn base_config(&self) -> &ClientConfig {
        match self {
            AnyClient::Standalone(c) => c.config(),
            AnyClient::Cluster(c) => &c.config().base,
        }
    }

    /// Starts one command (`request`, whose timeout is already resolved) or scan step.
    /// `Err`: the arguments are wrong (a scan step for a standalone client, a bad route);
    /// `Ok(Err)`: refused at once (inflight limit, closed).
    pub(super) fn submit<R>(&self, request: Request, target: Target<R>) -> Result<Result<(), Rejection>, BridgeError>
    where
        R: FnOnce() -> Result<Route, BridgeError>,
    {
        Ok(match (self, target) {
            (AnyClient::Standalone(_), Target::ScanStep) => {
                return Err(BridgeError::request("a cluster scan needs a cluster client"));
            }
            (AnyClient::Standalone(client), Target::Command(_)) => client.submit(request),
            (AnyClient::Cluster(client), Target::ScanStep) => {
                client.scan(request.id, &request.packed, request.timeout, request.bulk_as)
            }
            (AnyClient::Cluster(client), Target::Command(route)) => {
                let Request { id, packed, timeout, expect, bulk_as, selects_database } = request;
                client.submit(ClusterRequest { id, packed, timeout, expect, bulk_as, route: route()?, selects_database })
            }
        })
    }

    /// Starts a batch. `route` and `retry` are read for a cluster client only.
    pub(super) fn submit_batch<R>(
        &self,
        id: i64,
        spec: BatchSpec,
        timeout: Option<Duration>,
        bulk_as: BulkAs,
        route: R,
        retry: BatchRetry,
    ) -> Result<Result<(), Rejection>, BridgeError>
    where
        R: FnOnce() -> Result<Route, BridgeError>,
    {
        Ok(match self {
            AnyClient::Standalone(client) => client.submit_batch(id, spec, timeout, bulk_as),
            AnyClient::Cluster(client) => client.submit_batch(id, spec, timeout, bulk_as, route()?, retry),
        })
    }

    /// Lets the calling thread read replies while it waits for request `request_id` (see
    /// `Client::help_read`); false when the request is not waiting on one connection. A
    /// cluster client can help only a request sent whole to one node.
    pub(super) fn help_read(&self, request_id: i64, timeout: Duration) -> bool {
        match self {
            AnyClient::Standalone(c) => c.help_read(request_id, timeout),
            AnyClient::Cluster(c) => c.help_read(request_id, timeout),
        }
    }

    /// The pub/sub state (every RESP3 client has it).
    pub(super) fn pubsub(&self) -> Option<&Arc<PubSub>> {
        match self {
            AnyClient::Standalone(c) => c.pubsub(),
            AnyClient::Cluster(c) => c.pubsub(),
        }
    }

    /// Subscribes (or unsubscribes; no names: from all) now. Sharded subscriptions need a
    /// cluster client.
    pub(super) fn change_subscriptions(&self, mode: Mode, names: &[Vec<u8>], subscribe: bool) -> Result<(), BridgeError> {
        match self {
            AnyClient::Standalone(_) if mode == Mode::Sharded => {
                Err(BridgeError::configuration("sharded subscriptions need a cluster client"))
            }
            AnyClient::Standalone(c) => c.change_subscriptions(mode, names, subscribe).map_err(BridgeError::closing),
            AnyClient::Cluster(c) => c.change_subscriptions(mode, names, subscribe).map_err(BridgeError::closing),
        }
    }

    /// Reconnects waiting out their backoff try again at once.
    pub(super) fn reconnect_now(&self) {
        match self {
            AnyClient::Standalone(c) => c.reconnect_now(),
            AnyClient::Cluster(c) => c.reconnect_now(),
        }
    }

    /// Whether the client has live connections now (every primary's, for a cluster).
    pub(super) fn is_connected(&self) -> bool {
        match self {
            AnyClient::Standalone(c) => c.is_connected(),
            AnyClient::Cluster(c) => c.is_connected(),
        }
    }

    /// Whether the client is reopening a lost connection now (any primary's, for a cluster).
    pub(super) fn is_reconnecting(&self) -> bool {
        match self {
            AnyClient::Standalone(c) => c.is_reconnecting(),
            AnyClient::Cluster(c) => c.is_reconnecting(),
        }
    }

    /// A one-line description of the client and its connections, for logs.
    pub(super) fn describe(&self) -> String {
        match self {
            AnyClient::Standalone(c) => c.describe(),
            AnyClient::Cluster(c) => c.describe(),
        }
    }

    /// Where a span says its requests go: a standalone client's (first) address; none for a
    /// cluster, whose node is chosen per request later.
    pub(super) fn server(&self) -> Option<Server<'_>> {
        match self {
            AnyClient::Standalone(c) => {
                let config = c.config();
                let (host, port) = config.addresses.first()?;
                Some(Server { host, port: *port, database: config.database_id })
            }
            AnyClient::Cluster(_) => None,
        }
    }

    /// Closes the client: pending requests complete with a closing error. Idempotent.
    pub(super) fn close(&self) {
        match self {
            AnyClient::Standalone(c) => c.close(),
            AnyClient::Cluster(c) => c.close(),
        }
    }
}

/// A client handle as Java holds it: a leaked `Box<AnyClient>`.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub(super) struct ClientHandle(pub(super) i64);

impl ClientHandle {
    pub(super) fn new(client: AnyClient) -> ClientHandle {
        ClientHandle(Box::into_raw(Box::new(client)) as i64)
    }

    /// Borrows the client.
    ///
    /// # Safety
    /// The handle must come from [`ClientHandle::new`] and not yet be released.
    /// Java guarantees this: it releases a handle only from its `Cleaner`, after
    /// the owning object became unreachable, and keeps the object reachable
    /// across every native call.
    pub(super) unsafe fn client<'a>(self) -> Result<&'a AnyClient, BridgeError> {
        if self.0 == 0 {
            return Err(BridgeError::closing("the client is closed"));
        }
        // SAFETY: per this function's contract the pointer is a live Box<AnyClient>.
        Ok(unsafe { &*(self.0 as *const AnyClient) })
    }

    /// Releases the handle.
    ///
    /// # Safety
    /// As for [`ClientHandle::client`], and no other call may use the handle afterwards.
    pub(super) unsafe fn release(self) {
        if self.0 != 0 {
            // SAFETY: per the contract we own the box and nobody uses it again.
            drop(unsafe { Box::from_raw(self.0 as *mut AnyClient) });
        }
    }
}
