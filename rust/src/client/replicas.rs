//! A standalone client given several addresses: a primary and its replicas, taken as
//! valkey-glide takes them.
//!
//! - **Which one is the primary**: each time the client connects it asks every address
//!   its role (`INFO replication`, concurrently, each with the full handshake) and
//!   connects to the one that says `role:master`. None, or more than one, fails that
//!   attempt and names them. A read-only client (`refuse_writes`) asks nothing: it uses
//!   the first address that accepts, as before.
//! - **Reads**: the first time the client connects, it makes a client of its own for
//!   each other address (connecting at once). A read-only command (the command table's
//!   `readonly`) then goes where `read_from` says: each connected replica in turn
//!   (PREFER_REPLICA); those in `clientAZ` first (the AZ strategies; then the primary if
//!   it is there, for AZ_AFFINITY_REPLICAS_AND_PRIMARY); the primary when no replica is
//!   connected. Everything else (writes, batches, subscriptions) goes to the primary.
//! - **Databases**: the replicas connect to the client's database when they are made
//!   (`databaseId`); a read goes to a replica only while the client is still on that
//!   database, so after a `SELECT` of another one reads go to the primary.
//! - **Limits**: each replica's client bounds its own requests in flight with the
//!   client's `inflightRequestsLimit`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::config::ReadFrom;
use super::connect::query_once;
use super::{Client, ClientConfig};
use crate::cluster::commands;
use crate::resp::Value;

pub(crate) struct Replicas {
    nodes: Vec<Arc<Client>>,
    read_from: ReadFrom,
    /// Spreads reads over the replicas.
    rotation: AtomicUsize,
    /// Every replica's first connection attempt ended (connected or not), and who waits for it.
    first_attempts: Arc<(AtomicBool, Notify)>,
}

impl Replicas {
    /// Clients for the configured addresses other than `primary`, each starting to connect.
    pub(super) fn connect(config: &ClientConfig, primary: &(String, u16), database_id: i64) -> Replicas {
        let nodes = config
            .addresses
            .iter()
            .filter(|address| *address != primary)
            .map(|(host, port)| {
                let mut own = config.clone();
                own.addresses = vec![(host.clone(), *port)];
                own.database_id = database_id;
                own.lazy_connect = false;
                Client::for_replica(own)
            })
            .collect::<Vec<_>>();
        let first_attempts = Arc::new((AtomicBool::new(false), Notify::new()));
        let attempts: Vec<_> = nodes.clone();
        let done = Arc::clone(&first_attempts);
        match crate::runtime::get() {
            Ok(rt) => {
                rt.spawn(async move {
                    let connecting: Vec<_> = attempts
                        .into_iter()
                        .map(|node| {
                            crate::runtime::get().map(|rt| {
                                rt.spawn(async move {
                                    if !matches!(node.initial_connect().await, crate::reply::Outcome::Ok) {
                                        node.connect_in_background();
                                    }
                                })
                            })
                        })
                        .collect();
                    for attempt in connecting.into_iter().flatten() {
                        let _ = attempt.await;
                    }
                    done.0.store(true, Ordering::Release);
                    done.1.notify_waiters();
                });
            }
            Err(_) => first_attempts.0.store(true, Ordering::Release),
        }
        Replicas { nodes, read_from: config.read_from.clone(), rotation: AtomicUsize::new(0), first_attempts }
    }

    /// Resolves once every replica's first connection attempt ended: `createClient` completes
    /// with the replicas connected, as valkey-glide's does. A replica that cannot be reached
    /// goes on trying in the background, and reads skip it meanwhile.
    pub(super) async fn first_attempts(&self) {
        let (done, notify) = &*self.first_attempts;
        let notified = notify.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if done.load(Ordering::Acquire) {
            return;
        }
        notified.await;
    }

    /// The replica the command in `packed` goes to; `None`: the primary takes it (it is not
    /// read-only, or no replica fits).
    pub(super) fn reader_for(&self, packed: &[u8], primary: &Client) -> Option<&Arc<Client>> {
        if !self.read_from.reads_replicas() || self.nodes.is_empty() {
            return None;
        }
        if !commands::routing_of_packed(packed).ok().flatten().is_some_and(|r| r.readonly) {
            return None;
        }
        let database = primary.database_id();
        let usable = |node: &&Arc<Client>| node.is_connected() && node.database_id() == database;
        let start = self.rotation.fetch_add(1, Ordering::Relaxed);
        let in_turn = || (0..self.nodes.len()).map(move |i| &self.nodes[(start + i) % self.nodes.len()]);
        if let Some(zone) = self.read_from.zone() {
            let in_zone = |node: &&Arc<Client>| node.availability_zone().is_some_and(|z| &*z == zone);
            if let Some(local) = in_turn().filter(usable).find(in_zone) {
                return Some(local);
            }
            if matches!(self.read_from, ReadFrom::AzAffinityReplicasAndPrimary(_))
                && primary.availability_zone().is_some_and(|z| &*z == zone)
            {
                return None;
            }
        }
        in_turn().find(usable)
    }

    /// Lets a thread waiting for request `id` read the connection of the replica that has it.
    pub(super) fn help_read(&self, id: i64, timeout: Duration) -> bool {
        self.nodes.iter().any(|node| node.help_read(id, timeout))
    }

    pub(super) fn close(&self) {
        for node in &self.nodes {
            node.close();
        }
    }

    /// See [`Client::reconnect_now`].
    pub(super) fn reconnect_now(&self) {
        for node in &self.nodes {
            node.reconnect_now();
        }
    }
}

/// The address among `config.addresses` whose server says `role:master`.
pub(super) async fn find_primary(config: &ClientConfig) -> Result<(String, u16), String> {
    let rt = crate::runtime::get()?;
    let asked: Vec<_> = config
        .addresses
        .iter()
        .map(|(host, port)| {
            let (config, host, port) = (config.clone(), host.clone(), *port);
            rt.spawn(async move {
                let reply = query_once(&config, &host, port, &[b"INFO", b"replication"]).await;
                ((host, port), reply)
            })
        })
        .collect();
    let mut answers = Vec::new();
    for answer in asked {
        answers.push(answer.await.map_err(|e| format!("asking a node its role: {e}"))?);
    }
    let mut primaries = Vec::new();
    let mut errors = Vec::new();
    for (address, reply) in answers {
        match reply {
            Ok(info) if says_primary(&info) => primaries.push(address),
            Ok(Value::ServerError(message)) => errors.push(format!("{}:{}: INFO replication: {message}", address.0, address.1)),
            Ok(_) => {}
            Err(e) => errors.push(e),
        }
    }
    match primaries.len() {
        1 => Ok(primaries.remove(0)),
        0 => {
            let why = if errors.is_empty() { String::new() } else { format!(" ({})", errors.join("; ")) };
            Err(format!("No primary node found among the addresses{why}"))
        }
        _ => {
            let named: Vec<String> = primaries.iter().map(|(h, p)| format!("{h}:{p}")).collect();
            Err(format!("Primary conflict: more than one primary among the addresses: {}", named.join(", ")))
        }
    }
}

fn says_primary(info: &Value) -> bool {
    let text = match info {
        Value::BulkString(bytes) => String::from_utf8_lossy(bytes),
        Value::VerbatimString(text) => text.as_str().into(),
        _ => return false,
    };
    text.lines().any(|line| line.trim() == "role:master")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_comes_from_info_replication() {
        assert!(says_primary(&Value::VerbatimString("# Replication\r\nrole:master\r\nconnected_slaves:1\r\n".into())));
        assert!(says_primary(&Value::BulkString(b"# Replication\r\nrole:master\r\n".to_vec())));
        assert!(!says_primary(&Value::BulkString(b"# Replication\r\nrole:slave\r\nmaster_host:h\r\n".to_vec())));
        assert!(!says_primary(&Value::ServerError("NOPERM".into())));
    }
}
